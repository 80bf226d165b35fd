#pragma once

#include "keystore.h"

#include <QHash>

namespace cc::platform {

// An in-memory key store for tests and for desktops without one. Signals are
// queued, as a real store's would be. setAvailable(false) makes every call fail.
class FakeKeyStore final : public KeyStore {
    Q_OBJECT
public:
    using KeyStore::KeyStore;

    [[nodiscard]] bool isAvailable() const override { return m_available; }
    void setAvailable(bool available) { m_available = available; }
    void writeSecret(const QString &name, const QByteArray &secret) override;
    void readSecret(const QString &name) override;
    void deleteSecret(const QString &name) override;

    [[nodiscard]] bool contains(const QString &name) const { return m_secrets.contains(name); }

private:
    bool m_available = true;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace cc::platform
