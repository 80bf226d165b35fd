#include "ui/capturecontroller.h"

#include "crypto/bytes.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/libraryservice.h"
#include "services/serviceerror.h"
#include "ui/corehost.h"
#include "ui/shotlistmodel.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>

#include <algorithm>
#include <array>
#include <exception>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace cc::ui {

namespace {

constexpr std::array<std::uint8_t, 3> jpegMagic{0xFF, 0xD8, 0xFF};
constexpr std::array<std::uint8_t, 8> pngMagic{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

template<std::size_t N>
bool startsWith(crypto::ByteView bytes, const std::array<std::uint8_t, N> &magic) {
    return bytes.size() >= N && std::equal(magic.begin(), magic.end(), bytes.begin());
}

crypto::ByteView view(const QByteArray &bytes) {
    return {reinterpret_cast<const std::uint8_t *>(bytes.constData()),
            static_cast<std::size_t>(bytes.size())};
}

// The JPEG of a shot, encoded in memory; empty when encoding fails.
QByteArray encodeJpeg(const QImage &image) {
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(imaging::QImageCodec::JpegQuality);
    if (!writer.write(image)) {
        buffer.close();
        crypto::wipe(jpeg.data(), static_cast<std::size_t>(jpeg.size()));
        return {};
    }
    buffer.close();
    return jpeg;
}

} // namespace

CaptureController::CaptureController(CoreHost &host, FrameSource &source, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_source(source)
    , m_store(std::make_shared<ShotStore>())
    , m_shots(std::make_unique<ShotListModel>(m_store)) {
    connect(&m_source, &FrameSource::availabilityChanged, this, &CaptureController::camerasChanged);
    connect(&m_source, &FrameSource::activeChanged, this, &CaptureController::activeChanged);
    connect(&m_source, &FrameSource::torchChanged, this, &CaptureController::torchChanged);
    connect(&m_source, &FrameSource::captured, this, &CaptureController::onCaptured);
    connect(&m_source, &FrameSource::captureFailed, this, &CaptureController::onCaptureFailed);
    connect(&m_source, &FrameSource::errorOccurred, this, &CaptureController::onSourceError);
    // Locking drops every shot: nothing taken of a patient outlives the vault being open.
    connect(&m_host, &CoreHost::closing, this, [this] {
        m_source.stop();
        wipeSession();
        clearError();
    });
}

CaptureController::~CaptureController() {
    m_source.setPreviewSink(nullptr);
    wipeSession();
}

QAbstractItemModel *CaptureController::shots() const {
    return m_shots.get();
}

int CaptureController::shotCount() const {
    return m_shots->rowCount();
}

int CaptureController::keptCount() const {
    return m_shots->keptCount();
}

void CaptureController::setPreviewSink(QVideoSink *sink) {
    m_source.setPreviewSink(sink);
}

void CaptureController::start() {
    clearError();
    m_source.start();
}

void CaptureController::stop() {
    m_source.stop();
    wipeSession();
}

void CaptureController::switchCamera() {
    clearError();
    m_source.switchCamera();
}

void CaptureController::setTorch(bool on) {
    m_source.setTorch(on);
}

void CaptureController::shoot() {
    if (busy())
        return;
    if (!m_host.isOpen()) {
        setError(Error::VaultLocked);
        return;
    }
    if (!m_source.cameraAvailable()) {
        setError(Error::NoCamera);
        return;
    }
    const int request = m_source.capture();
    if (request == 0) {
        setError(Error::NotReady);
        return;
    }
    clearError();
    m_pendingAt = m_host.now();
    setPending(request);
}

void CaptureController::keep(const QString &shotId) {
    if (m_shots->setKept(shotId, true))
        emit shotsChanged();
}

void CaptureController::discard(const QString &shotId) {
    if (m_shots->remove(shotId))
        emit shotsChanged();
}

QStringList CaptureController::saveKept(const QString &patientId, const QString &role) {
    QStringList saved;
    services::ConsentCore *core = m_host.core();
    if (!core) {
        setError(Error::VaultLocked);
        return saved;
    }
    const auto photoRole = domain::photoRoleFromString(role);
    if (!photoRole) {
        setError(Error::SaveFailed);
        return saved;
    }
    std::vector<ShotListModel::Shot> kept;
    std::copy_if(m_shots->shots().begin(), m_shots->shots().end(), std::back_inserter(kept),
                 [](const ShotListModel::Shot &shot) { return shot.kept; });
    if (kept.empty()) {
        setError(Error::NothingKept);
        return saved;
    }
    clearError();
    std::optional<Error> failure;
    for (const ShotListModel::Shot &shot : kept) {
        QByteArray jpeg = encodeJpeg(m_shots->image(shot.id));
        if (jpeg.isEmpty()) {
            failure = Error::SaveFailed;
            break;
        }
        try {
            const domain::Photo photo =
                core->library().importPhoto(patientId, view(jpeg), shot.capturedAt, *photoRole);
            saved.append(photo.id);
            m_shots->remove(shot.id);
        } catch (const services::ServiceError &e) {
            failure = e.kind() == services::ServiceError::Kind::NotFound ? Error::PatientMissing
                                                                         : Error::SaveFailed;
        } catch (const std::exception &) {
            failure = Error::SaveFailed;
        }
        crypto::wipe(jpeg.data(), static_cast<std::size_t>(jpeg.size()));
        if (failure)
            break;
    }
    if (failure)
        setError(*failure);
    else
        m_shots->clear(); // the shots not kept go with the review
    emit shotsChanged();
    if (!saved.isEmpty())
        emit photosSaved(saved);
    return saved;
}

QString CaptureController::importFile(const QString &patientId, const QUrl &fileUrl,
                                      const QString &role) {
    services::ConsentCore *core = m_host.core();
    if (!core) {
        setError(Error::VaultLocked);
        return {};
    }
    const auto photoRole = domain::photoRoleFromString(role);
    if (!photoRole) {
        setError(Error::SaveFailed);
        return {};
    }
    // Android's file picker hands out content:// URLs, which QFile opens there.
    QString path;
    if (fileUrl.isLocalFile())
        path = fileUrl.toLocalFile();
    else if (fileUrl.scheme() == QLatin1String("content"))
        path = fileUrl.toString();
    else {
        setError(Error::FileNotLocal);
        return {};
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(Error::FileUnreadable);
        return {};
    }
    constexpr qint64 cap = services::LibraryService::MaxPhotoBytes;
    const qint64 reported = file.isSequential() ? -1 : file.size();
    if (reported > cap) {
        setError(Error::FileTooLarge);
        return {};
    }
    // One byte more than allowed tells a file that grew (or a stream) past the cap.
    const qint64 limit = (reported >= 0 ? reported : cap) + 1;
    crypto::SecretBytes bytes(static_cast<std::size_t>(limit));
    qint64 total = 0;
    while (total < limit) {
        const qint64 n = file.read(reinterpret_cast<char *>(bytes.data()) + total, limit - total);
        if (n < 0) {
            setError(Error::FileUnreadable);
            return {};
        }
        if (n == 0)
            break;
        total += n;
    }
    file.close();
    if (total > cap) {
        setError(Error::FileTooLarge);
        return {};
    }
    bytes.resize(static_cast<std::size_t>(total));
    const crypto::ByteView content = crypto::view(bytes);
    if (!startsWith(content, jpegMagic) && !startsWith(content, pngMagic)) {
        setError(Error::FileNotAnImage);
        return {};
    }

    const QDateTime modified = QFileInfo(path).lastModified();
    const QDateTime capturedAt = modified.isValid() ? modified.toUTC() : m_host.now();
    try {
        const domain::Photo photo =
            core->library().importPhoto(patientId, content, capturedAt, *photoRole);
        clearError();
        emit fileImported(photo.id);
        return photo.id;
    } catch (const services::ServiceError &e) {
        switch (e.kind()) {
        case services::ServiceError::Kind::Image:
            setError(Error::FileNotAnImage);
            break;
        case services::ServiceError::Kind::NotFound:
            setError(Error::PatientMissing);
            break;
        default:
            setError(Error::SaveFailed);
            break;
        }
    } catch (const std::exception &) {
        setError(Error::SaveFailed);
    }
    return {};
}

void CaptureController::clearError() {
    if (m_errorMessage.isEmpty())
        return;
    m_errorMessage.clear();
    emit errorMessageChanged();
}

QString CaptureController::messageFor(Error error) {
    switch (error) {
    case Error::NoCamera:
        return tr("No camera found.");
    case Error::CameraUnavailable:
        return tr("The camera could not be started. Another app may be using it, or "
                  "ConsentCam may not be allowed to use the camera: check the app's "
                  "permissions.");
    case Error::CameraLost:
        return tr("The camera stopped working. Try again.");
    case Error::NotReady:
        return tr("The camera is not ready yet. Try again in a moment.");
    case Error::CaptureFailed:
        return tr("The photo could not be taken. Try again.");
    case Error::VaultLocked:
        return tr("The vault is locked. Unlock it to take or save photos.");
    case Error::NothingKept:
        return tr("No photo is marked Keep. Keep the photos you want to save.");
    case Error::PatientMissing:
        return tr("This patient is no longer in the vault.");
    case Error::SaveFailed:
        return tr("The photo could not be saved in the vault. Try again.");
    case Error::FileNotLocal:
        return tr("Only files stored on this device can be imported.");
    case Error::FileUnreadable:
        return tr("The file could not be read. It may have been moved, or ConsentCam may "
                  "not be allowed to open it.");
    case Error::FileTooLarge:
        return tr("The file is too large: a photo can be at most %1 MB.")
            .arg(services::LibraryService::MaxPhotoBytes / (1024 * 1024));
    case Error::FileNotAnImage:
        return tr("The file is not a JPEG or PNG photo, or it is damaged.");
    }
    return tr("The photo could not be saved in the vault. Try again.");
}

void CaptureController::onCaptured(int requestId, const QImage &image) {
    if (requestId == 0 || requestId != m_pendingRequest)
        return; // asked for before a stop or a lock: dropped
    setPending(0);
    if (!m_host.isOpen())
        return;
    if (image.isNull()) {
        setError(Error::CaptureFailed);
        return;
    }
    m_shots->append(image, m_pendingAt);
    emit shotsChanged();
}

void CaptureController::onCaptureFailed(int requestId, FrameSource::Error error) {
    if (requestId == 0 || requestId != m_pendingRequest)
        return;
    setPending(0);
    setError(fromSource(error));
}

void CaptureController::onSourceError(FrameSource::Error error) {
    setPending(0);
    setError(fromSource(error));
}

void CaptureController::wipeSession() {
    setPending(0);
    const bool had = m_shots->rowCount() > 0;
    m_shots->clear();
    if (had)
        emit shotsChanged();
}

void CaptureController::setPending(int requestId) {
    const bool wasBusy = busy();
    m_pendingRequest = requestId;
    if (wasBusy != busy())
        emit busyChanged();
}

void CaptureController::setError(Error error) {
    const QString message = messageFor(error);
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

CaptureController::Error CaptureController::fromSource(FrameSource::Error error) {
    switch (error) {
    case FrameSource::Error::NoCamera:
        return Error::NoCamera;
    case FrameSource::Error::CameraUnavailable:
        return Error::CameraUnavailable;
    case FrameSource::Error::CameraLost:
        return Error::CameraLost;
    case FrameSource::Error::NotReady:
        return Error::NotReady;
    case FrameSource::Error::CaptureFailed:
        break;
    }
    return Error::CaptureFailed;
}

} // namespace cc::ui
