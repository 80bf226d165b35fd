#pragma once

#include "ui/framesource.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVideoSink>

#include <memory>

namespace cc::ui {

class CoreHost;
class ShotListModel;
class ShotStore;

// In-app photo capture for one patient (DESIGN §2.3.1): a live preview, stills taken
// through the FrameSource, a review list where each shot is kept or discarded, and the
// kept ones stored in the vault. Also imports a JPEG or PNG from a file, copied unchanged
// into the vault (the original file is left where it is, untouched).
//
// Shots exist only in memory until saved: a shot that is discarded, saved, or still
// waiting when the camera stops or the vault locks (CoreHost::closing) has its pixels
// overwritten. Nothing is written to disk except through LibraryService, which stores
// encrypted. Error messages are classified and translated here; they never name the
// patient or a file.
class CaptureController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureController)

    Q_PROPERTY(bool cameraAvailable READ cameraAvailable NOTIFY camerasChanged)
    Q_PROPERTY(bool canSwitchCamera READ canSwitchCamera NOTIFY camerasChanged)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(bool torchSupported READ torchSupported NOTIFY torchChanged)
    Q_PROPERTY(bool torchOn READ torchOn NOTIFY torchChanged)
    // A still has been asked for and not yet delivered: the shutter waits.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // The shots awaiting review: roles shotId, source (image:// URL), kept, width, height.
    Q_PROPERTY(QAbstractItemModel *shots READ shots CONSTANT)
    Q_PROPERTY(int shotCount READ shotCount NOTIFY shotsChanged)
    Q_PROPERTY(int keptCount READ keptCount NOTIFY shotsChanged)

public:
    enum class Error {
        NoCamera,          // no camera on the device
        CameraUnavailable, // the camera would not start (in use, or no permission)
        CameraLost,        // the camera stopped working while in use
        NotReady,          // shutter pressed before the camera was ready
        CaptureFailed,     // the camera could not take the photo
        VaultLocked,       // the vault closed: nothing can be stored
        NothingKept,       // save asked for with no shot kept
        PatientMissing,    // the patient is not (or no longer) in the vault
        SaveFailed,        // the vault could not store a photo
        FileNotLocal,      // the URL is not a file on this device
        FileUnreadable,    // the file is missing or can't be read
        FileTooLarge,      // over LibraryService::MaxPhotoBytes
        FileNotAnImage,    // not a JPEG or PNG, or a damaged one
    };
    Q_ENUM(Error)

    CaptureController(CoreHost &host, FrameSource &source, QObject *parent = nullptr);
    ~CaptureController() override;

    [[nodiscard]] bool cameraAvailable() const { return m_source.cameraAvailable(); }
    [[nodiscard]] bool canSwitchCamera() const { return m_source.canSwitchCamera(); }
    [[nodiscard]] bool active() const { return m_source.isActive(); }
    [[nodiscard]] bool torchSupported() const { return m_source.torchSupported(); }
    [[nodiscard]] bool torchOn() const { return m_source.torchOn(); }
    [[nodiscard]] bool busy() const { return m_pendingRequest != 0; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QAbstractItemModel *shots() const;
    [[nodiscard]] int shotCount() const;
    [[nodiscard]] int keptCount() const;
    // The store the image provider serves the shots from (main() hands it to the engine).
    [[nodiscard]] std::shared_ptr<ShotStore> shotStore() const { return m_store; }

    // The preview: a QML VideoOutput's videoSink (null detaches).
    Q_INVOKABLE void setPreviewSink(QVideoSink *sink);
    // Starts the camera; without one, nothing happens (cameraAvailable says so).
    Q_INVOKABLE void start();
    // Stops the camera and wipes every shot not yet saved.
    Q_INVOKABLE void stop();
    Q_INVOKABLE void switchCamera();
    Q_INVOKABLE void setTorch(bool on);
    // Takes a still; it joins the review list (not kept yet) when it arrives. Refused
    // while busy, while the camera is off, and while the vault is locked.
    Q_INVOKABLE void shoot();
    Q_INVOKABLE void keep(const QString &shotId);
    // Removes the shot from the review list and wipes it.
    Q_INVOKABLE void discard(const QString &shotId);
    // Encodes each kept shot as a JPEG in memory and stores it as the patient's photo,
    // captured when the shutter was pressed. Returns the new photo ids (also emitted by
    // photosSaved) and clears the review list. When a photo can't be stored, the ones
    // already stored stay stored and leave the list, the rest stay for another try, and
    // errorMessage says why. role is a photo role (entities.h: "clinical", the default, or
    // "authority_document", a representative's document photographed in patient mode, ...).
    Q_INVOKABLE QStringList saveKept(const QString &patientId,
                                     const QString &role = QStringLiteral("clinical"));
    // Stores the JPEG or PNG at fileUrl (a local file) as the patient's photo, its bytes
    // unchanged, captured at the file's modification time. The file itself is only read.
    // Returns the new photo id (also emitted by fileImported), or an empty string with
    // errorMessage set. role as for saveKept().
    Q_INVOKABLE QString importFile(const QString &patientId, const QUrl &fileUrl,
                                   const QString &role = QStringLiteral("clinical"));
    Q_INVOKABLE void clearError();

    [[nodiscard]] static QString messageFor(Error error);

signals:
    void camerasChanged();
    void activeChanged();
    void torchChanged();
    void busyChanged();
    void errorMessageChanged();
    void shotsChanged();
    void photosSaved(const QStringList &photoIds);
    void fileImported(const QString &photoId);

private:
    void onCaptured(int requestId, const QImage &image);
    void onCaptureFailed(int requestId, FrameSource::Error error);
    void onSourceError(FrameSource::Error error);
    void wipeSession();
    void setPending(int requestId);
    void setError(Error error);
    [[nodiscard]] static Error fromSource(FrameSource::Error error);

    CoreHost &m_host;
    FrameSource &m_source;
    std::shared_ptr<ShotStore> m_store;
    std::unique_ptr<ShotListModel> m_shots;
    int m_pendingRequest = 0; // the capture() request awaited, or 0
    QDateTime m_pendingAt;    // when its shutter was pressed
    QString m_errorMessage;
};

} // namespace cc::ui
