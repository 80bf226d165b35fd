#include "storage/storageerror.h"

namespace cc::storage {

StorageError::StorageError(Kind kind, const std::string &what)
    : std::runtime_error(what)
    , m_kind(kind) {}

const char *toString(StorageError::Kind kind) noexcept {
    switch (kind) {
    case StorageError::Kind::WrongKey:
        return "WrongKey";
    case StorageError::Kind::Corrupt:
        return "Corrupt";
    case StorageError::Kind::Io:
        return "Io";
    case StorageError::Kind::Full:
        return "Full";
    case StorageError::Kind::Constraint:
        return "Constraint";
    case StorageError::Kind::Misconfigured:
        return "Misconfigured";
    case StorageError::Kind::NotFound:
        return "NotFound";
    case StorageError::Kind::Busy:
        return "Busy";
    case StorageError::Kind::Other:
        return "Other";
    }
    return "Unknown";
}

} // namespace cc::storage
