#include "services/servicesupport.h"

#include "crypto/hash.h"

#include <algorithm>

namespace cc::services::support {

storage::Transaction beginChange(Vault &vault) {
    if (vault.isReadOnly())
        throw ServiceError(ServiceError::Kind::ReadOnly, "the vault is open for inspection only");
    return guarded([&] { return vault.database().transaction(); });
}

void notFound(const char *what, const QString &id) {
    throw ServiceError(ServiceError::Kind::NotFound,
                       std::string(what) + " " + id.toStdString() + " does not exist");
}

void invalid(const QString &message) {
    throw ServiceError(ServiceError::Kind::Invalid, message.toStdString());
}

void requirePlainLine(const QString &text, const char *what) {
    const bool controls = std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
               c == QChar::ParagraphSeparator;
    });
    if (controls || !text.isValidUtf16())
        invalid(QStringLiteral("%1 can't contain control characters").arg(QLatin1StringView(what)));
}

QString sha256Hex(crypto::ByteView bytes) {
    return QString::fromStdString(crypto::toHex(crypto::sha256(bytes)));
}

QString sha256Hex(const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    return sha256Hex(crypto::ByteView(reinterpret_cast<const std::uint8_t *>(utf8.constData()),
                                      std::size_t(utf8.size())));
}

} // namespace cc::services::support
