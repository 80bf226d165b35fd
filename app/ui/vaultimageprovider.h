#pragma once

#include <QQuickImageProvider>

namespace cc::ui {

class CoreHost;

// Serves the vault's photos to QML, decrypted into memory only: "image://vault/thumb/<id>"
// (the stored thumbnail, at most 512 px) and "image://vault/photo/<id>" (the original,
// decoded at the requested size with its orientation applied). A locked vault or an
// unknown id gives a null image. Runs on the GUI thread (the vault is single-threaded):
// QML Images using it must not be asynchronous, and should set `cache: false` so that
// nothing decrypted outlives the screen that showed it.
class VaultImageProvider final : public QQuickImageProvider {
public:
    explicit VaultImageProvider(CoreHost &host);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    CoreHost &m_host;
};

} // namespace cc::ui
