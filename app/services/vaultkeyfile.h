#pragma once

#include "crypto/bytes.h"
#include "crypto/scrypt.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace cc::services {

// vault.key: the master key wrapped under a passcode-derived key, with everything
// needed to derive that key again. A small versioned JSON document:
//   {"format":"consentcam-vault-key","version":1,"vaultId":hex,"createdAt":iso,
//    "kdf":{"alg":"scrypt","n":..,"r":..,"p":..,"salt":b64},
//    "wrap":{"alg":"AES-256-GCM","sealed":b64(nonce||ciphertext||tag)}}
// The wrap's AAD binds the format, version, vault id and KDF parameters, so a file
// edited to weaker parameters or another vault's id no longer unwraps.
struct VaultKeyFile {
    static constexpr int CurrentVersion = 1;

    int version = CurrentVersion;
    QString vaultId;
    QDateTime createdAt;
    crypto::ScryptParams kdf;
    crypto::Bytes salt;
    crypto::Bytes sealedMasterKey;

    // Whether parse() would accept these parameters: the floor that keeps a passcode
    // costly to guess and the ceiling that keeps unlocking within a phone's memory.
    [[nodiscard]] static bool acceptsKdf(const crypto::ScryptParams &kdf);

    [[nodiscard]] crypto::Bytes associatedData() const;
    [[nodiscard]] crypto::Bytes serialize() const;
    // nullopt for anything that is not a complete vault.key of a known version with
    // sane parameters; never throws on any input.
    [[nodiscard]] static std::optional<VaultKeyFile> parse(crypto::ByteView bytes);

    // Wraps masterKey under a key derived from passcode with a fresh salt.
    void wrap(const QString &passcode, crypto::ByteView masterKey);
    // The master key, or nullopt when the passcode is wrong (or the file tampered with).
    [[nodiscard]] std::optional<crypto::SecretBytes> unwrap(const QString &passcode) const;
};

} // namespace cc::services
