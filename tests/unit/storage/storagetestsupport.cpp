#include "storagetestsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <algorithm>
#include <stdexcept>

namespace cc::storage::test {

crypto::Bytes testKey(std::uint8_t seed) {
    crypto::Bytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(seed * 31 + i * 7 + 1);
    return key;
}

crypto::Bytes readBytes(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("test: can't read " + path.toStdString());
    const QByteArray data = file.readAll();
    return crypto::Bytes(data.begin(), data.end());
}

void writeBytes(const QString &path, crypto::ByteView data) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data.data()), qint64(data.size())) !=
            qint64(data.size()))
        throw std::runtime_error("test: can't write " + path.toStdString());
}

bool containsBytes(crypto::ByteView haystack, crypto::ByteView needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}

QStringList allFiles(const QString &directory) {
    QStringList paths;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    return paths;
}

QStringList filesContaining(const QString &directory, crypto::ByteView needle) {
    QStringList hits;
    for (const auto &path : allFiles(directory)) {
        if (containsBytes(readBytes(path), needle))
            hits.append(path);
    }
    return hits;
}

QStringList fileNames(const QString &directory) {
    QStringList names = QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::System);
    names.sort();
    return names;
}

} // namespace cc::storage::test
