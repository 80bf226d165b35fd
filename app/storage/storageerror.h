#pragma once

#include <stdexcept>
#include <string>

namespace cc::storage {

// A failure of the database, the media store or the durable file layer. Messages name
// the operation and the cause only: never key material, SQL parameters or row data.
class StorageError : public std::runtime_error {
public:
    enum class Kind {
        WrongKey,      // SQLITE_NOTADB after keying: wrong key, or not a database at all
        Corrupt,       // SQLITE_CORRUPT, or a media file / wrapped key failed to authenticate
        Io,            // SQLITE_IOERR / SQLITE_CANTOPEN, or a file system call failed
        Full,          // SQLITE_FULL or ENOSPC
        Constraint,    // SQLITE_CONSTRAINT
        Misconfigured, // a setting did not read back, plain SQLite linked, or schema too new
        NotFound,      // the file or the row does not exist
        Busy,          // SQLITE_BUSY / SQLITE_LOCKED
        Other,
    };

    StorageError(Kind kind, const std::string &what);
    [[nodiscard]] Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};

[[nodiscard]] const char *toString(StorageError::Kind kind) noexcept;

} // namespace cc::storage
