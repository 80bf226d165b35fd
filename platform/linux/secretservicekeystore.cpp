#include "secretservicekeystore.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QTimer>

#include <cstring>

namespace cc::platform {

namespace {

QString errorOf(const QKeychain::Job &job) {
    return job.error() == QKeychain::NoError ? QString() : job.errorString();
}

} // namespace

SecretServiceKeyStore::SecretServiceKeyStore(QString service, QObject *parent)
    : KeyStore(parent)
    , m_service(std::move(service)) {}

bool SecretServiceKeyStore::isAvailable() const {
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        return false;
    }
    const QDBusReply<bool> registered =
        bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets"));
    if (registered.isValid() && registered.value()) {
        return true;
    }
    // The service may be D-Bus activatable without running yet.
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() &&
           activatable.value().contains(QStringLiteral("org.freedesktop.secrets"));
}

void SecretServiceKeyStore::writeSecret(const QString &name, const QByteArray &secret) {
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    job->setBinaryData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, name](QKeychain::Job *done) { emit secretWritten(name, errorOf(*done)); });
    job->start();
}

void SecretServiceKeyStore::readSecret(const QString &name) {
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, name, job](QKeychain::Job *) {
        const QString error = errorOf(*job);
        const QByteArray secret = error.isEmpty() ? job->binaryData() : QByteArray();
        emit secretRead(name, secret, error);
        // Receivers have taken their copies; wipe the buffer shared with the job
        // (through constData(), which does not detach).
        explicit_bzero(const_cast<char *>(secret.constData()), std::size_t(secret.size()));
    });
    job->start();
}

void SecretServiceKeyStore::deleteSecret(const QString &name) {
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this,
            [this, name](QKeychain::Job *done) { emit secretDeleted(name, errorOf(*done)); });
    job->start();
}

} // namespace cc::platform
