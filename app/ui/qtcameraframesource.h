#pragma once

#include "ui/framesource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPointer>

#include <memory>

namespace cc::ui {

// The device's cameras through Qt Multimedia: a QCamera and a QImageCapture in one
// QMediaCaptureSession, whose video sink is the preview. Stills come from
// QImageCapture::capture(), which hands the image over in memory; the capture call that
// writes a file is never used, so no still touches the disk. Starts on the back camera when there
// is one. Qt 6.4 reports a camera that refuses to start (in use by another app, or the camera
// permission denied) only as a generic camera error, classified CameraUnavailable; a camera
// unplugged or taken away while in use is CameraLost.
class QtCameraFrameSource final : public FrameSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtCameraFrameSource)

public:
    explicit QtCameraFrameSource(QObject *parent = nullptr);
    ~QtCameraFrameSource() override;

    [[nodiscard]] QList<Facing> cameras() const override;
    [[nodiscard]] Facing facing() const override;
    [[nodiscard]] bool isActive() const override;
    [[nodiscard]] bool torchSupported() const override;
    [[nodiscard]] bool torchOn() const override;

    void start() override;
    void stop() override;
    void switchCamera() override;
    void setTorch(bool on) override;
    void setPreviewSink(QVideoSink *sink) override;
    [[nodiscard]] int capture() override;

private:
    void useDevice(const QCameraDevice &device);
    void onInputsChanged();
    void onCameraError(QCamera::Error error);

    QMediaDevices m_devices;
    QMediaCaptureSession m_session;
    QImageCapture m_imageCapture;
    QList<QCameraDevice> m_inputs;
    std::unique_ptr<QCamera> m_camera;
    QPointer<QVideoSink> m_sink;
    bool m_wasActive = false; // whether the camera ran since the last start()
};

} // namespace cc::ui
