#include "storage/vaultmetarepository.h"

#include "storage/rowutil.h"

namespace cc::storage {

std::optional<QString> VaultMetaRepository::value(const QString &key) {
    auto query = m_db.prepare("SELECT value FROM vault_meta WHERE key = ?1");
    query.bind(1, key);
    if (!query.step())
        return std::nullopt;
    return query.columnText(0);
}

void VaultMetaRepository::setValue(const QString &key, const QString &value) {
    auto statement = m_db.prepare("INSERT INTO vault_meta (key, value) VALUES (?1, ?2) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    statement.bind(1, key).bind(2, value);
    statement.run();
}

std::optional<VaultMetaRepository::DeviceKey> VaultMetaRepository::deviceKey() {
    auto query = m_db.prepare("SELECT seed, public_key, created_at FROM device_key WHERE id = 1");
    if (!query.step())
        return std::nullopt;
    crypto::Bytes seed = query.columnBlob(0);
    DeviceKey key{crypto::SecretBytes(seed.begin(), seed.end()), query.columnBlob(1),
                  rows::time(query, 2)};
    crypto::wipe(seed.data(), seed.size());
    return key;
}

void VaultMetaRepository::storeDeviceKey(crypto::ByteView seed, crypto::ByteView publicKey,
                                         const QDateTime &at) {
    auto statement = m_db.prepare(
        "INSERT INTO device_key (id, seed, public_key, created_at) VALUES (1, ?1, ?2, ?3)");
    statement.bind(1, seed).bind(2, publicKey);
    rows::bindTime(statement, 3, at);
    statement.run();
}

} // namespace cc::storage
