#pragma once

#include "crypto/bytes.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cc::storage {

class Database;

// Vault-wide values: the vault_meta key/value table (vault id, policy, clinician
// profile) and the device's Ed25519 key. Throws StorageError.
class VaultMetaRepository final {
public:
    explicit VaultMetaRepository(Database &db)
        : m_db(db) {}

    [[nodiscard]] std::optional<QString> value(const QString &key);
    void setValue(const QString &key, const QString &value);

    struct DeviceKey {
        crypto::SecretBytes seed;
        crypto::Bytes publicKey;
        QDateTime createdAt;
    };
    [[nodiscard]] std::optional<DeviceKey> deviceKey();
    // Throws StorageError(Constraint) if the vault already has one.
    void storeDeviceKey(crypto::ByteView seed, crypto::ByteView publicKey, const QDateTime &at);

private:
    Database &m_db;
};

} // namespace cc::storage
