#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace cc::platform {

// The operating system's key store (Android Keystore, iOS Keychain, Secret Service on
// Linux). It holds at most one secret per name, for the optional quick unlock.
// Every operation is asynchronous: the matching signal arrives exactly once per call,
// on the thread that made the call, even when the store is unavailable.
class KeyStore : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~KeyStore() override = default;

    // False when no key store can be reached (no Secret Service running, say); the
    // calls below then fail with a message instead of hanging.
    [[nodiscard]] virtual bool isAvailable() const = 0;

    virtual void writeSecret(const QString &name, const QByteArray &secret) = 0;
    virtual void readSecret(const QString &name) = 0;
    virtual void deleteSecret(const QString &name) = 0;

signals:
    // error is empty on success; a read of a missing name fails with an error.
    // writeSecret's buffer may be shared until secretWritten, and the caller wipes it
    // then. secretRead's buffer is wiped as soon as the signal returns: copy what you
    // need inside the slot (a direct connection).
    void secretWritten(const QString &name, const QString &error);
    void secretRead(const QString &name, const QByteArray &secret, const QString &error);
    void secretDeleted(const QString &name, const QString &error);
};

} // namespace cc::platform
