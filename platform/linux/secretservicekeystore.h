#pragma once

#include "keystore.h"

namespace cc::platform {

// KeyStore over the freedesktop Secret Service (GNOME Keyring, KWallet) through
// QtKeychain. Secrets are filed under `service` and the name given to each call.
class SecretServiceKeyStore final : public KeyStore {
    Q_OBJECT
public:
    explicit SecretServiceKeyStore(QString service, QObject *parent = nullptr);

    [[nodiscard]] bool isAvailable() const override;
    void writeSecret(const QString &name, const QByteArray &secret) override;
    void readSecret(const QString &name) override;
    void deleteSecret(const QString &name) override;

private:
    QString m_service;
};

} // namespace cc::platform
