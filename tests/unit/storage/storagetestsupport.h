#pragma once

// Shared helpers for the storage tests.

#include "crypto/bytes.h"
#include "storage/fileops.h"
#include "storage/storageerror.h"

#include <catch2/catch_tostring.hpp>

#include <QString>
#include <QStringList>

#include <exception>
#include <string>

namespace cc::storage::test {

// A deterministic 32-byte key: cheap, and distinct per seed.
[[nodiscard]] crypto::Bytes testKey(std::uint8_t seed);

[[nodiscard]] crypto::Bytes readBytes(const QString &path);
void writeBytes(const QString &path, crypto::ByteView data);
[[nodiscard]] bool containsBytes(crypto::ByteView haystack, crypto::ByteView needle);
// Every regular file under directory (recursively) whose bytes contain needle.
[[nodiscard]] QStringList filesContaining(const QString &directory, crypto::ByteView needle);
// Every regular file under directory (recursively), as paths.
[[nodiscard]] QStringList allFiles(const QString &directory);
// The names of the regular files directly in directory, sorted.
[[nodiscard]] QStringList fileNames(const QString &directory);

// The kind of StorageError that f throws as text ("WrongKey", ...), "none" when it
// returns normally, or "other: <what>" for any other exception.
template<class F>
std::string thrownKind(F &&f) {
    try {
        f();
    } catch (const StorageError &error) {
        return toString(error.kind());
    } catch (const std::exception &error) {
        return std::string("other: ") + error.what();
    }
    return "none";
}

} // namespace cc::storage::test

template<>
struct Catch::StringMaker<QString> {
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
