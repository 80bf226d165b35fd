#include "vaultkeyfile.h"

#include "crypto/aesgcm.h"
#include "crypto/random.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cc::services {

namespace {

const QString formatName = QStringLiteral("consentcam-vault-key");
constexpr std::size_t SaltSize = 16;
constexpr std::size_t MasterKeySize = 32;
// Parameters outside these bounds are refused: too weak to protect the key, or so
// expensive that unlocking would exhaust the phone's memory.
constexpr std::uint64_t MinN = std::uint64_t{1} << 14;
constexpr std::uint64_t MaxN = std::uint64_t{1} << 22;

QByteArray toBase64(crypto::ByteView bytes) {
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()))
        .toBase64();
}

std::optional<crypto::Bytes> fromBase64(const QJsonValue &value) {
    if (!value.isString()) {
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return std::nullopt;
    }
    return crypto::Bytes(decoded.decoded.begin(), decoded.decoded.end());
}

crypto::SecretBytes passcodeKey(const QString &passcode, const VaultKeyFile &file) {
    QByteArray utf8 = passcode.toUtf8();
    crypto::SecretBytes secret(utf8.cbegin(), utf8.cend());
    crypto::wipe(utf8.data(), std::size_t(utf8.size())); // the only reference: not shared
    return crypto::scrypt(crypto::view(secret), file.salt, file.kdf, MasterKeySize);
}

bool isPowerOfTwo(std::uint64_t n) {
    return n != 0 && (n & (n - 1)) == 0;
}

} // namespace

bool VaultKeyFile::acceptsKdf(const crypto::ScryptParams &kdf) {
    return kdf.n >= MinN && kdf.n <= MaxN && isPowerOfTwo(kdf.n) && kdf.r >= 1 && kdf.r <= 32 &&
           kdf.p >= 1 && kdf.p <= 16;
}

crypto::Bytes VaultKeyFile::associatedData() const {
    const QByteArray aad = QStringLiteral("%1|%2|%3|scrypt|%4|%5|%6|")
                               .arg(formatName)
                               .arg(version)
                               .arg(vaultId)
                               .arg(kdf.n)
                               .arg(kdf.r)
                               .arg(kdf.p)
                               .toUtf8() +
                           toBase64(salt);
    return crypto::Bytes(aad.begin(), aad.end());
}

crypto::Bytes VaultKeyFile::serialize() const {
    const QJsonObject object{
        {QStringLiteral("format"), formatName},
        {QStringLiteral("version"), version},
        {QStringLiteral("vaultId"), vaultId},
        {QStringLiteral("createdAt"), createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("kdf"),
         QJsonObject{{QStringLiteral("alg"), QStringLiteral("scrypt")},
                     {QStringLiteral("n"), qint64(kdf.n)},
                     {QStringLiteral("r"), qint64(kdf.r)},
                     {QStringLiteral("p"), qint64(kdf.p)},
                     {QStringLiteral("salt"), QString::fromLatin1(toBase64(salt))}}},
        {QStringLiteral("wrap"),
         QJsonObject{{QStringLiteral("alg"), QStringLiteral("AES-256-GCM")},
                     {QStringLiteral("sealed"), QString::fromLatin1(toBase64(sealedMasterKey))}}},
    };
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Indented);
    return crypto::Bytes(json.begin(), json.end());
}

std::optional<VaultKeyFile> VaultKeyFile::parse(crypto::ByteView bytes) {
    constexpr std::size_t MaxFileSize = 64 * 1024;
    if (bytes.size() > MaxFileSize) {
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != formatName ||
        object.value(QStringLiteral("version")).toInt(-1) != CurrentVersion) {
        return std::nullopt;
    }
    VaultKeyFile file;
    file.vaultId = object.value(QStringLiteral("vaultId")).toString();
    // Anchored at the very end: "$" alone would also match before a final line break.
    static const QRegularExpression hexId(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9a-f]{32}")));
    if (!hexId.match(file.vaultId).hasMatch()) {
        return std::nullopt;
    }
    file.createdAt =
        QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(), Qt::ISODate);
    if (!file.createdAt.isValid()) {
        return std::nullopt;
    }
    const QJsonObject kdf = object.value(QStringLiteral("kdf")).toObject();
    const QJsonObject wrap = object.value(QStringLiteral("wrap")).toObject();
    if (kdf.value(QStringLiteral("alg")).toString() != QLatin1String("scrypt") ||
        wrap.value(QStringLiteral("alg")).toString() != QLatin1String("AES-256-GCM")) {
        return std::nullopt;
    }
    const double n = kdf.value(QStringLiteral("n")).toDouble(-1);
    const int r = kdf.value(QStringLiteral("r")).toInt(-1);
    const int p = kdf.value(QStringLiteral("p")).toInt(-1);
    if (n < double(MinN) || n > double(MaxN) || double(std::uint64_t(n)) != n || r < 1 || p < 1) {
        return std::nullopt;
    }
    file.kdf = {std::uint64_t(n), std::uint32_t(r), std::uint32_t(p)};
    if (!acceptsKdf(file.kdf)) {
        return std::nullopt;
    }
    auto salt = fromBase64(kdf.value(QStringLiteral("salt")));
    auto sealed = fromBase64(wrap.value(QStringLiteral("sealed")));
    if (!salt || salt->size() != SaltSize || !sealed ||
        sealed->size() != crypto::AesGcm::NonceSize + MasterKeySize + crypto::AesGcm::TagSize) {
        return std::nullopt;
    }
    file.salt = std::move(*salt);
    file.sealedMasterKey = std::move(*sealed);
    return file;
}

void VaultKeyFile::wrap(const QString &passcode, crypto::ByteView masterKey) {
    salt = crypto::randomBytes(SaltSize);
    const crypto::SecretBytes key = passcodeKey(passcode, *this);
    sealedMasterKey = crypto::sealWithRandomNonce(crypto::view(key), associatedData(), masterKey);
}

std::optional<crypto::SecretBytes> VaultKeyFile::unwrap(const QString &passcode) const {
    const crypto::SecretBytes key = passcodeKey(passcode, *this);
    auto masterKey = crypto::openWithNonce(crypto::view(key), associatedData(), sealedMasterKey);
    if (!masterKey || masterKey->size() != MasterKeySize) {
        return std::nullopt;
    }
    return masterKey;
}

} // namespace cc::services
