#include "crypto/random.h"
#include "services/vaultkeyfile.h"

#include <catch2/catch_test_macros.hpp>

#include <QJsonDocument>
#include <QJsonObject>

using cc::services::VaultKeyFile;
namespace crypto = cc::crypto;

namespace {

constexpr crypto::ScryptParams FastKdf{std::uint64_t{1} << 14, 8, 1};

VaultKeyFile sampleFile(const crypto::SecretBytes &masterKey) {
    VaultKeyFile file;
    file.vaultId = QStringLiteral("00112233445566778899aabbccddeeff");
    file.createdAt = QDateTime(QDate(2026, 5, 3), QTime(9, 30), Qt::UTC);
    file.kdf = FastKdf;
    file.wrap(QStringLiteral("480913"), crypto::view(masterKey));
    return file;
}

crypto::Bytes edited(const crypto::Bytes &bytes, const std::function<void(QJsonObject &)> &edit) {
    QJsonObject object =
        QJsonDocument::fromJson(
            QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())))
            .object();
    edit(object);
    const QByteArray json = QJsonDocument(object).toJson();
    return crypto::Bytes(json.begin(), json.end());
}

} // namespace

TEST_CASE("vault.key round-trips and unwraps with the right passcode only") {
    const crypto::SecretBytes masterKey = crypto::randomSecret(32);
    const VaultKeyFile file = sampleFile(masterKey);
    const auto parsed = VaultKeyFile::parse(file.serialize());
    REQUIRE(parsed);
    CHECK(parsed->vaultId == file.vaultId);
    CHECK(parsed->createdAt == file.createdAt);
    CHECK(parsed->kdf.n == FastKdf.n);
    CHECK(parsed->salt == file.salt);

    const auto unwrapped = parsed->unwrap(QStringLiteral("480913"));
    REQUIRE(unwrapped);
    CHECK(*unwrapped == masterKey);
    CHECK_FALSE(parsed->unwrap(QStringLiteral("480914")));
}

TEST_CASE("vault.key edited to another vault id or weaker parameters no longer unwraps") {
    const crypto::SecretBytes masterKey = crypto::randomSecret(32);
    const crypto::Bytes bytes = sampleFile(masterKey).serialize();

    const auto otherId = VaultKeyFile::parse(edited(bytes, [](QJsonObject &o) {
        o[QStringLiteral("vaultId")] = QStringLiteral("ffeeddccbbaa99887766554433221100");
    }));
    REQUIRE(otherId);
    CHECK_FALSE(otherId->unwrap(QStringLiteral("480913")));

    const auto otherR = VaultKeyFile::parse(edited(bytes, [](QJsonObject &o) {
        QJsonObject kdf = o[QStringLiteral("kdf")].toObject();
        kdf[QStringLiteral("r")] = 4;
        o[QStringLiteral("kdf")] = kdf;
    }));
    REQUIRE(otherR);
    CHECK_FALSE(otherR->unwrap(QStringLiteral("480913")));
}

TEST_CASE("vault.key parser refuses malformed, unknown or unsafe files") {
    const crypto::SecretBytes masterKey = crypto::randomSecret(32);
    const crypto::Bytes bytes = sampleFile(masterKey).serialize();

    CHECK_FALSE(VaultKeyFile::parse({}));
    CHECK_FALSE(VaultKeyFile::parse(crypto::view(std::string_view("not json"))));
    CHECK_FALSE(VaultKeyFile::parse(crypto::Bytes(bytes.begin(), bytes.begin() + 40)));

    const std::vector<std::function<void(QJsonObject &)>> edits = {
        [](QJsonObject &o) { o[QStringLiteral("version")] = 2; },
        [](QJsonObject &o) { o[QStringLiteral("format")] = QStringLiteral("other"); },
        [](QJsonObject &o) { o[QStringLiteral("vaultId")] = QStringLiteral("xyz"); },
        // "$" alone would match before this final line break (found by fuzzing).
        [](QJsonObject &o) {
            o[QStringLiteral("vaultId")] = QStringLiteral("00112233445566778899aabbccddeeff\n");
        },
        [](QJsonObject &o) { o.remove(QStringLiteral("wrap")); },
        [](QJsonObject &o) { o[QStringLiteral("createdAt")] = QStringLiteral("yesterday"); },
        [](QJsonObject &o) {
            QJsonObject kdf = o[QStringLiteral("kdf")].toObject();
            kdf[QStringLiteral("n")] = 1024; // below the floor
            o[QStringLiteral("kdf")] = kdf;
        },
        [](QJsonObject &o) {
            QJsonObject kdf = o[QStringLiteral("kdf")].toObject();
            kdf[QStringLiteral("n")] = 100000; // not a power of two
            o[QStringLiteral("kdf")] = kdf;
        },
        [](QJsonObject &o) {
            QJsonObject kdf = o[QStringLiteral("kdf")].toObject();
            kdf[QStringLiteral("salt")] = QStringLiteral("AAAA");
            o[QStringLiteral("kdf")] = kdf;
        },
        [](QJsonObject &o) {
            QJsonObject wrap = o[QStringLiteral("wrap")].toObject();
            wrap[QStringLiteral("sealed")] = QStringLiteral("!!not base64!!");
            o[QStringLiteral("wrap")] = wrap;
        },
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        INFO("edit " << i);
        CHECK_FALSE(VaultKeyFile::parse(edited(bytes, edits[i])));
    }
}

TEST_CASE("a flipped byte in the sealed master key is refused") {
    const crypto::SecretBytes masterKey = crypto::randomSecret(32);
    VaultKeyFile file = sampleFile(masterKey);
    for (std::size_t i = 0; i < file.sealedMasterKey.size(); ++i) {
        VaultKeyFile tampered = file;
        tampered.sealedMasterKey[i] ^= 0x01;
        INFO("byte " << i);
        CHECK_FALSE(tampered.unwrap(QStringLiteral("480913")));
    }
}
