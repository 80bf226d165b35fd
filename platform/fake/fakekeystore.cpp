#include "fakekeystore.h"

#include <QMetaObject>

namespace cc::platform {

namespace {
const QString unavailable = QStringLiteral("no key store available");
}

void FakeKeyStore::writeSecret(const QString &name, const QByteArray &secret) {
    QString error;
    if (m_available) {
        // A store keeps its own copy, never the caller's (shared) buffer.
        m_secrets.insert(name, QByteArray(secret.constData(), secret.size()));
    } else {
        error = unavailable;
    }
    QMetaObject::invokeMethod(
        this, [this, name, error] { emit secretWritten(name, error); }, Qt::QueuedConnection);
}

void FakeKeyStore::readSecret(const QString &name) {
    QByteArray secret;
    QString error;
    if (!m_available) {
        error = unavailable;
    } else if (const auto it = m_secrets.constFind(name); it != m_secrets.cend()) {
        secret = *it;
    } else {
        error = QStringLiteral("no secret named %1").arg(name);
    }
    QMetaObject::invokeMethod(
        this, [this, name, secret, error] { emit secretRead(name, secret, error); },
        Qt::QueuedConnection);
}

void FakeKeyStore::deleteSecret(const QString &name) {
    QString error;
    if (!m_available) {
        error = unavailable;
    } else {
        m_secrets.remove(name);
    }
    QMetaObject::invokeMethod(
        this, [this, name, error] { emit secretDeleted(name, error); }, Qt::QueuedConnection);
}

} // namespace cc::platform
