// WAL checking of arbitrary bytes (a vault's -wal file handed to a verifier): the check never
// crashes or throws, and its counts agree with each other.

#include "storage/walcheck.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("vault.db-wal"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size))
        std::abort();
    file.close();

    const auto report = cc::storage::checkWal(path);
    const auto &damaged = report.damagedFrames;
    if (report.present != (size > 0) || report.committedFrames < 0 ||
        report.committedFrames > report.validFrames || report.validFrames > report.frames ||
        (!damaged.empty() && (report.ok() || damaged.front() != report.validFrames + 1 ||
                              damaged.back() >= report.frames)))
        std::abort();
    for (std::size_t i = 1; i < damaged.size(); ++i) {
        if (damaged[i] <= damaged[i - 1])
            std::abort();
    }
    return 0;
}
