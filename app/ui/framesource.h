#pragma once

#include <QImage>
#include <QList>
#include <QObject>

class QVideoSink;

namespace cc::ui {

// Where in-app photos come from (DESIGN §4): the device's cameras in production
// (QtCameraFrameSource), frames a test pushes on build machines and camera-less desktops
// (InjectedFrameSource). Stills are delivered as a QImage in memory only: no
// implementation ever writes a frame, a still or a temporary file to disk.
//
// Contract:
// - cameras() lists the cameras present; cameraAvailable() is false when it is empty.
//   availabilityChanged() follows any change (a camera plugged in or lost), and also a
//   change of facing() after switchCamera().
// - start() makes the source active: the preview sink (if any) receives live frames
//   until stop(). Starting without a camera does nothing. A camera that can't start or
//   fails while running emits errorOccurred() and becomes inactive.
// - switchCamera() moves to the camera facing the other way (or the next one when the
//   cameras say nothing about where they face); it keeps the source active if it was.
// - torchSupported() says whether the current camera has a torch; setTorch() is ignored
//   where it has none. Stopping turns the torch off.
// - capture() asks for one still. It returns 0, and nothing follows, when the source
//   can't take one now (inactive, or the camera not ready yet); otherwise a request id > 0
//   that is answered, never from inside capture(), by exactly one captured() or
//   captureFailed(), even when the source stops in between (a caller that stopped
//   ignores it).
class FrameSource : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameSource)

public:
    enum class Facing {
        Unspecified, // the camera does not say (most desktop cameras)
        Front,       // faces the user
        Back,        // faces away from the user
    };
    Q_ENUM(Facing)

    enum class Error {
        NoCamera,          // no camera is present
        CameraUnavailable, // the camera refused to start: in use elsewhere, or no permission
        CameraLost,        // the camera went away while in use
        NotReady,          // a still was asked for while the camera was not ready
        CaptureFailed,     // the camera could not take the still
    };
    Q_ENUM(Error)

    explicit FrameSource(QObject *parent = nullptr);
    ~FrameSource() override;

    [[nodiscard]] virtual QList<Facing> cameras() const = 0;
    [[nodiscard]] bool cameraAvailable() const { return !cameras().isEmpty(); }
    // More than one camera: switchCamera() has somewhere to go.
    [[nodiscard]] bool canSwitchCamera() const { return cameras().size() > 1; }
    // The camera in use (or that start() will use).
    [[nodiscard]] virtual Facing facing() const = 0;
    [[nodiscard]] virtual bool isActive() const = 0;
    [[nodiscard]] virtual bool torchSupported() const = 0;
    [[nodiscard]] virtual bool torchOn() const = 0;

    virtual void start() = 0;
    virtual void stop() = 0;
    virtual void switchCamera() = 0;
    virtual void setTorch(bool on) = 0;
    // The sink that shows the live preview (a QML VideoOutput's videoSink); null detaches.
    // The source does not own it and forgets it when it is destroyed.
    virtual void setPreviewSink(QVideoSink *sink) = 0;
    [[nodiscard]] virtual int capture() = 0;

signals:
    void availabilityChanged();
    void activeChanged();
    void torchChanged();
    void captured(int requestId, const QImage &image);
    void captureFailed(int requestId, cc::ui::FrameSource::Error error);
    void errorOccurred(cc::ui::FrameSource::Error error);
};

} // namespace cc::ui
