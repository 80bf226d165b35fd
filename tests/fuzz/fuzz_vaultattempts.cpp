// vault.attempts from arbitrary bytes (the failed-passcode count lies unencrypted beside the
// vault, so anyone with the files can rewrite it): reading it never crashes or throws, the
// count stays within 0..1000, and anything but a JSON object whose "failures" is a number
// counts as damaged, with the strictest back-off; the back-off left is never negative and
// never longer than the back-off for that count.

#include "services/vault.h"
#include "storage/fileops.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTemporaryDir>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// What a damaged vault.attempts counts as (vault.cpp).
constexpr int DamagedAttempts = 64;

bool saysFailures(const QByteArray &bytes) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError &&
           document.object().value(QStringLiteral("failures")).isDouble();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const QTemporaryDir dir;
    static cc::storage::PosixFileOps files;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QFile file(dir.filePath(QStringLiteral("vault.attempts")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != qint64(size))
        std::abort();
    file.close();

    using cc::services::Vault;
    const Vault vault(
        dir.path(), files, [] { return QDateTime::currentDateTimeUtc(); },
        [] { return std::chrono::milliseconds(1'000'000); });
    const int failures = vault.failedAttempts();
    if (failures < 0 || failures > 1000 || (!saysFailures(bytes) && failures != DamagedAttempts))
        std::abort();
    const std::chrono::seconds left = vault.backoffRemaining();
    if (left < std::chrono::seconds::zero() || left > Vault::backoffFor(failures))
        std::abort();
    return 0;
}
