#pragma once

#include "domain/auditchain.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cc::crypto {
class Ed25519PrivateKey;
}

namespace cc::storage {

class Database;

// The vault's audit log (DESIGN §4.2): one row per state change, appended in the same
// transaction as the change, chained by hash, with checkpoints signed by the device key
// (domain/auditchain.h has the format). Append-only: the schema refuses updates and
// deletes. Not thread-safe; the Database and key must outlive it.
class AuditLog final {
public:
    // Ids of what an entry concerns, kept beside it so the log can be filtered. They
    // also appear in the entry's data, which is what the chain protects.
    struct Subject {
        QString patientId;
        QString consentId;
        QString postId;
    };

    struct Row {
        std::int64_t seq = 0;
        QString kind;
        QDateTime at;
        QByteArray entry;
        Subject subject;
    };

    AuditLog(Database &db, const crypto::Ed25519PrivateKey &deviceKey, QString vaultId);
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Appends an entry and returns its seq. Must run inside an open transaction: the
    // entry commits or rolls back with the change it records (StorageError(Other)
    // otherwise). Takes the checkpoint that auditchain's rules make due.
    std::int64_t append(const QString &kind, const QDateTime &at, const QJsonObject &data,
                        const Subject &subject = {});

    // When the first entry of kind about consentId was written, if there is one.
    [[nodiscard]] std::optional<QDateTime> firstAbout(const QString &kind,
                                                      const QString &consentId);
    [[nodiscard]] std::int64_t count();
    [[nodiscard]] std::int64_t checkpointCount();
    // Every entry / checkpoint in seq order, for verification and export.
    [[nodiscard]] std::vector<domain::audit::Entry> entries();
    [[nodiscard]] std::vector<domain::audit::Checkpoint> checkpoints();
    // Entries in seq order, optionally only those concerning a patient, consent or post
    // (an empty filter member matches everything).
    void forEach(const Subject &filter, const std::function<void(const Row &)> &visit);

private:
    void checkpointAt(std::int64_t seq, const crypto::Bytes &head, const QDateTime &at);

    Database &m_db;
    const crypto::Ed25519PrivateKey &m_key;
    QString m_vaultId;
};

} // namespace cc::storage
