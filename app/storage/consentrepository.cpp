#include "storage/consentrepository.h"

#include "domain/canonicaljson.h"
#include "storage/rowutil.h"
#include "storage/storageerror.h"

namespace cc::storage {

namespace {

constexpr const char *Select = "SELECT id, patient_id, record, record_sha256, signature, "
                               "sealed_at, starts_at, expires_at FROM consents ";

domain::SealedConsent fromRow(const Statement &row) {
    domain::SealedConsent consent;
    consent.id = row.columnText(0);
    consent.patientId = row.columnText(1);
    consent.record = rows::byteArray(row.columnBlob(2));
    consent.recordSha256 = rows::hex(row.columnBlob(3));
    consent.signature = rows::byteArray(row.columnBlob(4));
    consent.sealedAt = rows::time(row, 5);
    consent.startsAt = rows::time(row, 6);
    consent.expiresAt = rows::time(row, 7);
    return consent;
}

std::vector<domain::SealedConsent> collect(Statement &query) {
    std::vector<domain::SealedConsent> consents;
    while (query.step())
        consents.push_back(fromRow(query));
    return consents;
}

domain::Revocation revocationFromRow(const Statement &row) {
    domain::Revocation revocation;
    revocation.id = row.columnText(0);
    revocation.consentId = row.columnText(1);
    revocation.receivedAt = rows::time(row, 2);
    revocation.recordedAt = rows::time(row, 3);
    revocation.method = row.columnText(4);
    revocation.note = row.columnText(5);
    revocation.evidencePhotoId = row.columnText(6);
    if (!row.isNull(7)) {
        try {
            revocation.strokes =
                domain::signatureFromJson(domain::parseJsonStrict(row.columnText(7).toUtf8()));
        } catch (const domain::JsonError &) {
        }
        if (!revocation.strokes)
            throw StorageError(StorageError::Kind::Corrupt,
                               "revocation row has a malformed signature");
    }
    return revocation;
}

} // namespace

void ConsentRepository::insert(const domain::SealedConsent &consent,
                               const std::vector<domain::CoveredItem> &items) {
    auto statement = m_db.prepare(
        "INSERT INTO consents (id, patient_id, record, record_sha256, signature, sealed_at, "
        "starts_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    statement.bind(1, consent.id).bind(2, consent.patientId);
    statement.bind(3, rows::view(consent.record));
    statement.bind(4, crypto::ByteView(rows::digest(consent.recordSha256)));
    statement.bind(5, rows::view(consent.signature));
    rows::bindTime(statement, 6, consent.sealedAt);
    rows::bindTime(statement, 7, consent.startsAt);
    rows::bindTime(statement, 8, consent.expiresAt);
    statement.run();

    auto item = m_db.prepare("INSERT INTO consent_items (consent_id, item_kind, item_id, sha256) "
                             "VALUES (?1, ?2, ?3, ?4)");
    for (const auto &covered : items) {
        item.reset();
        item.bind(1, consent.id).bind(2, domain::toString(covered.kind)).bind(3, covered.id);
        item.bind(4, crypto::ByteView(rows::digest(covered.sha256)));
        item.run();
    }
}

std::optional<domain::SealedConsent> ConsentRepository::find(const QString &id) {
    auto query = m_db.prepare((std::string(Select) + "WHERE id = ?1").c_str());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

std::vector<domain::SealedConsent> ConsentRepository::listForPatient(const QString &patientId) {
    auto query = m_db.prepare(
        (std::string(Select) + "WHERE patient_id = ?1 ORDER BY sealed_at DESC, id").c_str());
    query.bind(1, patientId);
    return collect(query);
}

void ConsentRepository::forEach(const std::function<void(const domain::SealedConsent &)> &visit) {
    auto query = m_db.prepare((std::string(Select) + "ORDER BY sealed_at, id").c_str());
    while (query.step())
        visit(fromRow(query));
}

std::vector<domain::SealedConsent> ConsentRepository::naming(const QStringList &sha256s) {
    std::vector<domain::SealedConsent> consents;
    auto query =
        m_db.prepare((std::string(Select) + "WHERE id IN (SELECT consent_id FROM consent_items "
                                            "WHERE sha256 = ?1) ORDER BY sealed_at, id")
                         .c_str());
    for (const QString &sha256 : sha256s) {
        query.reset();
        query.bind(1, crypto::ByteView(rows::digest(sha256)));
        while (query.step()) {
            auto consent = fromRow(query);
            const bool known = std::any_of(consents.begin(), consents.end(),
                                           [&](const auto &c) { return c.id == consent.id; });
            if (!known)
                consents.push_back(std::move(consent));
        }
    }
    return consents;
}

std::vector<domain::CoveredItem> ConsentRepository::indexedItems(const QString &consentId) {
    auto query = m_db.prepare("SELECT item_kind, item_id, sha256 FROM consent_items "
                              "WHERE consent_id = ?1 ORDER BY item_id");
    query.bind(1, consentId);
    std::vector<domain::CoveredItem> items;
    while (query.step()) {
        const auto kind = domain::itemKindFromString(query.columnText(0));
        items.push_back({kind.value_or(domain::ItemKind::Photo),
                         query.columnText(1),
                         rows::hex(query.columnBlob(2)),
                         {}});
    }
    return items;
}

qint64 ConsentRepository::count() {
    auto query = m_db.prepare("SELECT count(*) FROM consents");
    return query.step() ? query.columnInt64(0) : 0;
}

void ConsentRepository::insertRevocation(const domain::Revocation &revocation) {
    auto statement = m_db.prepare(
        "INSERT INTO revocations (id, consent_id, received_at, recorded_at, method, note, "
        "evidence_photo_id, strokes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    statement.bind(1, revocation.id).bind(2, revocation.consentId);
    rows::bindTime(statement, 3, revocation.receivedAt);
    rows::bindTime(statement, 4, revocation.recordedAt);
    statement.bind(5, revocation.method).bind(6, revocation.note);
    rows::bindText(statement, 7, revocation.evidencePhotoId);
    if (revocation.strokes)
        statement.bind(
            8, QString::fromUtf8(domain::canonicalJson(domain::toJson(*revocation.strokes))));
    else
        statement.bindNull(8);
    statement.run();
}

std::optional<domain::Revocation> ConsentRepository::revocationOf(const QString &consentId) {
    auto query = m_db.prepare("SELECT id, consent_id, received_at, recorded_at, method, note, "
                              "evidence_photo_id, strokes FROM revocations WHERE consent_id = ?1");
    query.bind(1, consentId);
    if (!query.step())
        return std::nullopt;
    return revocationFromRow(query);
}

QStringList ConsentRepository::revokedConsentIds() {
    QStringList ids;
    auto query = m_db.prepare("SELECT consent_id FROM revocations ORDER BY consent_id");
    while (query.step())
        ids.append(query.columnText(0));
    return ids;
}

QStringList ConsentRepository::consentIdsWithExpiryEvent() {
    QStringList ids;
    auto query = m_db.prepare("SELECT consent_id FROM consent_expiry_events ORDER BY consent_id");
    while (query.step())
        ids.append(query.columnText(0));
    return ids;
}

qint64 ConsentRepository::revocationCount() {
    auto query = m_db.prepare("SELECT count(*) FROM revocations");
    return query.step() ? query.columnInt64(0) : 0;
}

void ConsentRepository::insertExpiryEvent(const domain::ExpiryEvent &event) {
    auto statement = m_db.prepare("INSERT INTO consent_expiry_events (consent_id, occurred_at, "
                                  "recorded_at, note) VALUES (?1, ?2, ?3, ?4)");
    statement.bind(1, event.consentId);
    rows::bindTime(statement, 2, event.occurredAt);
    rows::bindTime(statement, 3, event.recordedAt);
    statement.bind(4, event.note);
    statement.run();
}

std::optional<domain::ExpiryEvent> ConsentRepository::expiryEventOf(const QString &consentId) {
    auto query = m_db.prepare("SELECT consent_id, occurred_at, recorded_at, note FROM "
                              "consent_expiry_events WHERE consent_id = ?1");
    query.bind(1, consentId);
    if (!query.step())
        return std::nullopt;
    return domain::ExpiryEvent{query.columnText(0), rows::time(query, 1), rows::time(query, 2),
                               query.columnText(3)};
}

} // namespace cc::storage
