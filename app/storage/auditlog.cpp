#include "storage/auditlog.h"

#include "crypto/ed25519.h"
#include "domain/timestamps.h"
#include "storage/database.h"
#include "storage/storageerror.h"

namespace cc::storage {

namespace {

void bindOptional(Statement &statement, int index, const QString &text) {
    if (text.isEmpty())
        statement.bindNull(index);
    else
        statement.bind(index, text);
}

crypto::ByteView bytesOf(const QByteArray &data) {
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size())};
}

QByteArray byteArrayOf(const crypto::Bytes &data) {
    return QByteArray(reinterpret_cast<const char *>(data.data()), qsizetype(data.size()));
}

} // namespace

AuditLog::AuditLog(Database &db, const crypto::Ed25519PrivateKey &deviceKey, QString vaultId)
    : m_db(db)
    , m_key(deviceKey)
    , m_vaultId(std::move(vaultId)) {}

std::int64_t AuditLog::append(const QString &kind, const QDateTime &at, const QJsonObject &data,
                              const Subject &subject) {
    if (!m_db.inTransaction())
        throw StorageError(StorageError::Kind::Other,
                           "audit: an entry must be written in the transaction of its change");
    std::int64_t seq = 1;
    crypto::Bytes previous = domain::audit::genesisHash();
    {
        auto last = m_db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            seq = last.columnInt64(0) + 1;
            previous = last.columnBlob(1);
        }
    }
    const QByteArray entry = domain::audit::makeEntry(kind, at, data);
    const auto hash = domain::audit::chainHash(seq, entry, previous);
    auto insert = m_db.prepare(
        "INSERT INTO audit_log (seq, entry, hash, kind, at, patient_id, consent_id, post_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, seq).bind(2, bytesOf(entry)).bind(3, crypto::ByteView(hash)).bind(4, kind);
    insert.bind(5, domain::toMs(at));
    bindOptional(insert, 6, subject.patientId);
    bindOptional(insert, 7, subject.consentId);
    bindOptional(insert, 8, subject.postId);
    insert.run();
    if (domain::audit::checkpointDueAt(seq, kind))
        checkpointAt(seq, crypto::Bytes(hash.begin(), hash.end()), at);
    return seq;
}

void AuditLog::checkpointAt(std::int64_t seq, const crypto::Bytes &head, const QDateTime &at) {
    const auto signature = m_key.sign(domain::audit::checkpointMessage(m_vaultId, seq, head));
    auto insert = m_db.prepare(
        "INSERT INTO audit_checkpoints (seq, head, signature, at) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, seq).bind(2, crypto::ByteView(head)).bind(3, crypto::ByteView(signature));
    insert.bind(4, domain::toMs(at));
    insert.run();
}

std::optional<QDateTime> AuditLog::firstAbout(const QString &kind, const QString &consentId) {
    auto query = m_db.prepare("SELECT at FROM audit_log WHERE consent_id = ?1 AND kind = ?2 "
                              "ORDER BY seq LIMIT 1");
    query.bind(1, consentId).bind(2, kind);
    if (!query.step())
        return std::nullopt;
    return domain::fromMs(query.columnInt64(0));
}

std::int64_t AuditLog::count() {
    auto query = m_db.prepare("SELECT count(*) FROM audit_log");
    return query.step() ? query.columnInt64(0) : 0;
}

std::int64_t AuditLog::checkpointCount() {
    auto query = m_db.prepare("SELECT count(*) FROM audit_checkpoints");
    return query.step() ? query.columnInt64(0) : 0;
}

std::vector<domain::audit::Entry> AuditLog::entries() {
    std::vector<domain::audit::Entry> rows;
    auto query = m_db.prepare("SELECT seq, entry, hash FROM audit_log ORDER BY seq");
    while (query.step()) {
        const auto entry = query.columnBlob(1);
        rows.push_back({query.columnInt64(0), byteArrayOf(entry), query.columnBlob(2)});
    }
    return rows;
}

std::vector<domain::audit::Checkpoint> AuditLog::checkpoints() {
    std::vector<domain::audit::Checkpoint> rows;
    auto query = m_db.prepare("SELECT seq, head, signature FROM audit_checkpoints ORDER BY seq");
    while (query.step())
        rows.push_back({query.columnInt64(0), query.columnBlob(1), query.columnBlob(2)});
    return rows;
}

void AuditLog::forEach(const Subject &filter, const std::function<void(const Row &)> &visit) {
    auto query =
        m_db.prepare("SELECT seq, kind, at, entry, patient_id, consent_id, post_id FROM audit_log "
                     "WHERE (?1 IS NULL OR patient_id = ?1) AND (?2 IS NULL OR consent_id = ?2) "
                     "AND (?3 IS NULL OR post_id = ?3) ORDER BY seq");
    bindOptional(query, 1, filter.patientId);
    bindOptional(query, 2, filter.consentId);
    bindOptional(query, 3, filter.postId);
    while (query.step()) {
        Row row;
        row.seq = query.columnInt64(0);
        row.kind = query.columnText(1);
        row.at = domain::fromMs(query.columnInt64(2));
        row.entry = byteArrayOf(query.columnBlob(3));
        row.subject = {query.columnText(4), query.columnText(5), query.columnText(6)};
        visit(row);
    }
}

} // namespace cc::storage
