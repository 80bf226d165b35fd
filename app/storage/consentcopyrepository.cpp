#include "storage/consentcopyrepository.h"

#include "storage/database.h"
#include "storage/rowutil.h"

namespace cc::storage {

namespace {

constexpr const char *Select =
    "SELECT consent_id, media_id, sha256, size, created_at FROM consent_copies ";

domain::ConsentCopy fromRow(const Statement &row) {
    domain::ConsentCopy copy;
    copy.consentId = row.columnText(0);
    copy.mediaId = row.columnText(1);
    copy.sha256 = rows::hex(row.columnBlob(2));
    copy.size = row.columnInt64(3);
    copy.createdAt = rows::time(row, 4);
    return copy;
}

} // namespace

void ConsentCopyRepository::insert(const domain::ConsentCopy &copy) {
    auto statement = m_db.prepare("INSERT INTO consent_copies (consent_id, media_id, sha256, "
                                  "size, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    statement.bind(1, copy.consentId).bind(2, copy.mediaId);
    statement.bind(3, crypto::ByteView(rows::digest(copy.sha256)));
    statement.bind(4, std::int64_t(copy.size));
    rows::bindTime(statement, 5, copy.createdAt);
    statement.run();
}

std::optional<domain::ConsentCopy> ConsentCopyRepository::find(const QString &consentId) {
    auto query = m_db.prepare((std::string(Select) + "WHERE consent_id = ?1").c_str());
    query.bind(1, consentId);
    if (!query.step())
        return std::nullopt;
    return fromRow(query);
}

void ConsentCopyRepository::forEach(const std::function<void(const domain::ConsentCopy &)> &visit) {
    auto query = m_db.prepare((std::string(Select) + "ORDER BY consent_id").c_str());
    while (query.step())
        visit(fromRow(query));
}

qint64 ConsentCopyRepository::count() {
    auto query = m_db.prepare("SELECT count(*) FROM consent_copies");
    return query.step() ? query.columnInt64(0) : 0;
}

} // namespace cc::storage
