#pragma once

// Shared plumbing of the use cases: one write transaction per change, errors of the
// layers below turned into ServiceError.

#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "services/serviceerror.h"
#include "services/vault.h"
#include "storage/database.h"
#include "storage/storageerror.h"

#include <QByteArray>
#include <QString>

namespace cc::services::support {

// A write transaction on the unlocked vault; ServiceError(ReadOnly) when the vault is
// open for inspection.
[[nodiscard]] storage::Transaction beginChange(Vault &vault);

// Runs f, turning StorageError and VaultException into ServiceError(Storage / ReadOnly),
// and text that can't be written into a record or a form into ServiceError(Invalid).
template<class F>
decltype(auto) guarded(F &&f) {
    try {
        return f();
    } catch (const domain::JsonError &error) {
        throw ServiceError(ServiceError::Kind::Invalid, error.what());
    } catch (const domain::TemplateError &error) {
        throw ServiceError(ServiceError::Kind::Invalid, error.what());
    } catch (const storage::StorageError &error) {
        throw ServiceError(ServiceError::Kind::Storage, error.what());
    } catch (const VaultException &error) {
        throw ServiceError(error.error() == VaultError::ReadOnly ? ServiceError::Kind::ReadOnly
                                                                 : ServiceError::Kind::Storage,
                           error.what());
    }
}

[[noreturn]] void notFound(const char *what, const QString &id);
[[noreturn]] void invalid(const QString &message);
// Invalid unless text is a single line of printable characters (names, titles): what the
// form shows and the record seals must not carry control characters.
void requirePlainLine(const QString &text, const char *what);

// SHA-256 of bytes / of text as UTF-8, lowercase hex.
[[nodiscard]] QString sha256Hex(crypto::ByteView bytes);
[[nodiscard]] QString sha256Hex(const QString &text);

} // namespace cc::services::support
