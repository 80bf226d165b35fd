#include "ui/vaultimageprovider.h"

#include "services/consentcore.h"
#include "ui/corehost.h"

#include <QBuffer>
#include <QImageReader>

namespace cc::ui {

namespace {

QImage decode(const crypto::SecretBytes &bytes, const QSize &requestedSize) {
    const QByteArray view = QByteArray::fromRawData(reinterpret_cast<const char *>(bytes.data()),
                                                    qsizetype(bytes.size()));
    QBuffer buffer;
    buffer.setData(view);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    if (requestedSize.isValid() && !requestedSize.isEmpty()) {
        const QSize full = reader.size();
        if (full.isValid() &&
            (full.width() > requestedSize.width() || full.height() > requestedSize.height()))
            reader.setScaledSize(full.scaled(requestedSize, Qt::KeepAspectRatio));
    }
    return reader.read();
}

} // namespace

VaultImageProvider::VaultImageProvider(CoreHost &host)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_host(host) {}

QImage VaultImageProvider::requestImage(const QString &id, QSize *size,
                                        const QSize &requestedSize) {
    auto *core = m_host.core();
    QImage image;
    if (core) {
        const QString kind = id.section(u'/', 0, 0);
        const QString photoId = id.section(u'/', 1);
        try {
            if (kind == QLatin1String("thumb"))
                image = decode(core->library().thumbnailBytes(photoId), requestedSize);
            else if (kind == QLatin1String("photo"))
                image = decode(core->library().photoBytes(photoId), requestedSize);
        } catch (const std::exception &) {
            image = {}; // locked meanwhile, or not a photo of this vault
        }
    }
    if (size)
        *size = image.size();
    return image;
}

} // namespace cc::ui
