#include "storage/photorepository.h"

#include "domain/canonicaljson.h"
#include "storage/rowutil.h"
#include "storage/storageerror.h"

namespace cc::storage {

namespace {

constexpr const char *Select =
    "SELECT id, patient_id, role, media_id, thumb_media_id, sha256, size, width, height, "
    "format, captured_at, created_at, original_id, redactions, identifying_regions FROM photos ";

QJsonValue parsed(const QString &json) {
    try {
        return domain::parseJsonStrict(json.toUtf8());
    } catch (const domain::JsonError &) {
        return {};
    }
}

domain::Photo fromRow(const Statement &row) {
    domain::Photo photo;
    photo.id = row.columnText(0);
    photo.patientId = row.columnText(1);
    const auto role = domain::photoRoleFromString(row.columnText(2));
    if (!role)
        throw StorageError(StorageError::Kind::Corrupt, "photo row has an unknown role");
    photo.role = *role;
    photo.mediaId = row.columnText(3);
    photo.thumbMediaId = row.columnText(4);
    photo.sha256 = rows::hex(row.columnBlob(5));
    photo.size = row.columnInt64(6);
    photo.width = int(row.columnInt64(7));
    photo.height = int(row.columnInt64(8));
    photo.format = row.columnText(9);
    photo.capturedAt = rows::time(row, 10);
    photo.createdAt = rows::time(row, 11);
    photo.originalId = row.columnText(12);
    if (!row.isNull(13)) {
        const auto redactions = domain::redactionsFromJson(parsed(row.columnText(13)));
        if (!redactions)
            throw StorageError(StorageError::Kind::Corrupt, "photo row has malformed redactions");
        photo.redactions = *redactions;
    }
    const auto regions = domain::rectsFromJson(parsed(row.columnText(14)));
    if (!regions)
        throw StorageError(StorageError::Kind::Corrupt,
                           "photo row has malformed identifying regions");
    photo.identifyingRegions = *regions;
    return photo;
}

std::vector<domain::Photo> collect(Statement &query) {
    std::vector<domain::Photo> photos;
    while (query.step())
        photos.push_back(fromRow(query));
    return photos;
}

QString json(const QJsonArray &array) {
    return QString::fromUtf8(domain::canonicalJson(array));
}

// What fromRow() would refuse to read is refused here instead, so that one bad write
// can't make a patient's photos unreadable.
QString redactionsJson(const std::vector<domain::Redaction> &redactions) {
    const QJsonArray array = domain::toJson(redactions);
    if (!domain::redactionsFromJson(array))
        throw StorageError(StorageError::Kind::Constraint,
                           "photo: redactions must be at most 256 valid rectangles");
    return json(array);
}

QString regionsJson(const std::vector<domain::NormRect> &regions) {
    const QJsonArray array = domain::toJson(regions);
    if (!domain::rectsFromJson(array))
        throw StorageError(StorageError::Kind::Constraint,
                           "photo: identifying regions must be at most 256 valid rectangles");
    return json(array);
}

} // namespace

void PhotoRepository::insert(const domain::Photo &photo) {
    auto statement = m_db.prepare(
        "INSERT INTO photos (id, patient_id, role, media_id, thumb_media_id, sha256, size, "
        "width, height, format, captured_at, created_at, original_id, redactions, "
        "identifying_regions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15)");
    statement.bind(1, photo.id).bind(2, photo.patientId).bind(3, domain::toString(photo.role));
    statement.bind(4, photo.mediaId).bind(5, photo.thumbMediaId);
    statement.bind(6, crypto::ByteView(rows::digest(photo.sha256)));
    statement.bind(7, std::int64_t(photo.size)).bind(8, photo.width).bind(9, photo.height);
    statement.bind(10, photo.format);
    rows::bindTime(statement, 11, photo.capturedAt);
    rows::bindTime(statement, 12, photo.createdAt);
    rows::bindText(statement, 13, photo.originalId);
    if (photo.isDerivative())
        statement.bind(14, redactionsJson(photo.redactions));
    else
        statement.bindNull(14);
    statement.bind(15, regionsJson(photo.identifyingRegions));
    statement.run();
}

std::optional<domain::Photo> PhotoRepository::find(const QString &id) {
    auto query = m_db.prepare((std::string(Select) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

std::vector<domain::Photo> PhotoRepository::listForPatient(const QString &patientId,
                                                           domain::PhotoRole role) {
    auto query = m_db.prepare(
        (std::string(Select) + "WHERE patient_id = ?1 AND role = ?2 ORDER BY captured_at DESC, id")
            .c_str());
    query.bind(1, patientId).bind(2, domain::toString(role));
    return collect(query);
}

std::vector<domain::Photo> PhotoRepository::derivativesOf(const QString &originalId) {
    auto query = m_db.prepare(
        (std::string(Select) + "WHERE original_id = ?1 ORDER BY created_at, id").c_str());
    query.bind(1, originalId);
    return collect(query);
}

void PhotoRepository::setIdentifyingRegions(const QString &id,
                                            const std::vector<domain::NormRect> &regions) {
    auto statement = m_db.prepare("UPDATE photos SET identifying_regions = ?2 WHERE id = ?1");
    statement.bind(1, id).bind(2, regionsJson(regions));
    statement.run();
    if (m_db.changes() == 0)
        throw StorageError(StorageError::Kind::NotFound, "photo: no such photo");
}

void PhotoRepository::forEach(const std::function<void(const domain::Photo &)> &visit) {
    auto query = m_db.prepare((std::string(Select) + "ORDER BY created_at, id").c_str());
    while (query.step())
        visit(fromRow(query));
}

qint64 PhotoRepository::count() {
    auto query = m_db.prepare("SELECT count(*) FROM photos");
    return query.step() ? query.columnInt64(0) : 0;
}

} // namespace cc::storage
