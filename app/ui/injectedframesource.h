#pragma once

#include "ui/framesource.h"

#include <QPointer>
#include <QVideoFrame>

#include <optional>

namespace cc::ui {

// A frame source with pretend cameras, for tests and for desktops without a camera
// (which get none, so the capture screen offers file import only). A test names the
// cameras, starts the source and pushes frames; the last frame pushed while active goes
// to the preview sink and is the one the next capture() delivers, converted to a QImage.
// Answers come from the event loop, as a camera's would. Stopping wipes the last frame's
// pixels and clears the preview.
class InjectedFrameSource final : public FrameSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InjectedFrameSource)

public:
    explicit InjectedFrameSource(QList<Facing> cameras = {}, QObject *parent = nullptr);
    ~InjectedFrameSource() override;

    [[nodiscard]] QList<Facing> cameras() const override { return m_cameras; }
    [[nodiscard]] Facing facing() const override;
    [[nodiscard]] bool isActive() const override { return m_active; }
    [[nodiscard]] bool torchSupported() const override;
    [[nodiscard]] bool torchOn() const override { return m_torchOn; }

    void start() override;
    void stop() override;
    void switchCamera() override;
    void setTorch(bool on) override;
    void setPreviewSink(QVideoSink *sink) override;
    [[nodiscard]] int capture() override;

    // Test hooks.
    // Cameras come and go; losing the one in use stops the source with CameraLost.
    void setCameras(QList<Facing> cameras);
    // Which cameras (by facing) have a torch; by default only Back.
    void setTorchFacings(QList<Facing> facings);
    // A frame from the active camera; ignored while inactive (a stopped camera sends none).
    void pushFrame(const QVideoFrame &frame);
    // The next request fails with error instead of delivering the frame.
    void failNextCapture(Error error);
    // The camera breaks while running: inactive, and errorOccurred(error).
    void failCamera(Error error);
    // A video frame (32-bit RGB, as cameras commonly deliver) holding image's pixels.
    [[nodiscard]] static QVideoFrame frameFromImage(const QImage &image);

private:
    void dropFrame();
    void setActive(bool active);

    QList<Facing> m_cameras;
    QList<Facing> m_torchFacings{Facing::Back};
    qsizetype m_current = 0; // index into m_cameras
    bool m_active = false;
    bool m_torchOn = false;
    QVideoFrame m_frame;
    QPointer<QVideoSink> m_sink;
    std::optional<Error> m_failNext;
    int m_lastRequest = 0;
};

} // namespace cc::ui
