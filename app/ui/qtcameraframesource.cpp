#include "ui/qtcameraframesource.h"

#include <QVideoSink>

#include <utility>

namespace cc::ui {

namespace {

FrameSource::Facing facingOf(const QCameraDevice &device) {
    switch (device.position()) {
    case QCameraDevice::FrontFace:
        return FrameSource::Facing::Front;
    case QCameraDevice::BackFace:
        return FrameSource::Facing::Back;
    case QCameraDevice::UnspecifiedPosition:
        break;
    }
    return FrameSource::Facing::Unspecified;
}

// The back camera when there is one, else the system's default, else the first.
QCameraDevice preferredDevice(const QList<QCameraDevice> &inputs) {
    for (const QCameraDevice &device : inputs) {
        if (device.position() == QCameraDevice::BackFace)
            return device;
    }
    const QCameraDevice fallback = QMediaDevices::defaultVideoInput();
    if (!fallback.isNull() && inputs.contains(fallback))
        return fallback;
    return inputs.isEmpty() ? QCameraDevice() : inputs.constFirst();
}

FrameSource::Error classify(QImageCapture::Error error) {
    switch (error) {
    case QImageCapture::NotReadyError:
        return FrameSource::Error::NotReady;
    case QImageCapture::NoError:
    case QImageCapture::ResourceError:
    case QImageCapture::OutOfSpaceError:
    case QImageCapture::NotSupportedFeatureError:
    case QImageCapture::FormatError:
        break;
    }
    return FrameSource::Error::CaptureFailed;
}

} // namespace

QtCameraFrameSource::QtCameraFrameSource(QObject *parent)
    : FrameSource(parent)
    , m_inputs(QMediaDevices::videoInputs()) {
    m_session.setImageCapture(&m_imageCapture);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this,
            &QtCameraFrameSource::onInputsChanged);
    // Answers are re-queued so that none arrives from inside capture(), whatever the
    // backend does.
    connect(&m_imageCapture, &QImageCapture::imageCaptured, this,
            [this](int id, const QImage &image) {
                QMetaObject::invokeMethod(
                    this, [this, id, image] { emit captured(id, image); }, Qt::QueuedConnection);
            });
    connect(&m_imageCapture, &QImageCapture::errorOccurred, this,
            [this](int id, QImageCapture::Error error, const QString &) {
                if (id <= 0)
                    return; // a request capture() already refused
                QMetaObject::invokeMethod(
                    this, [this, id, e = classify(error)] { emit captureFailed(id, e); },
                    Qt::QueuedConnection);
            });
    if (!m_inputs.isEmpty())
        useDevice(preferredDevice(m_inputs));
}

QtCameraFrameSource::~QtCameraFrameSource() {
    if (m_camera)
        m_camera->stop();
    m_session.setVideoSink(nullptr);
    m_session.setCamera(nullptr);
    m_session.setImageCapture(nullptr);
}

QList<FrameSource::Facing> QtCameraFrameSource::cameras() const {
    QList<Facing> facings;
    facings.reserve(m_inputs.size());
    for (const QCameraDevice &device : m_inputs)
        facings.append(facingOf(device));
    return facings;
}

FrameSource::Facing QtCameraFrameSource::facing() const {
    return m_camera ? facingOf(m_camera->cameraDevice()) : Facing::Unspecified;
}

bool QtCameraFrameSource::isActive() const {
    return m_camera && m_camera->isActive();
}

bool QtCameraFrameSource::torchSupported() const {
    return m_camera && m_camera->isTorchModeSupported(QCamera::TorchOn);
}

bool QtCameraFrameSource::torchOn() const {
    return m_camera && m_camera->torchMode() == QCamera::TorchOn;
}

void QtCameraFrameSource::start() {
    if (m_inputs.isEmpty())
        return;
    if (!m_camera)
        useDevice(preferredDevice(m_inputs));
    m_wasActive = false;
    m_camera->start();
}

void QtCameraFrameSource::stop() {
    if (!m_camera)
        return;
    if (m_camera->torchMode() != QCamera::TorchOff)
        m_camera->setTorchMode(QCamera::TorchOff);
    m_camera->stop();
}

void QtCameraFrameSource::switchCamera() {
    if (!canSwitchCamera() || !m_camera)
        return;
    const QCameraDevice current = m_camera->cameraDevice();
    const QCameraDevice::Position want =
        current.position() == QCameraDevice::BackFace    ? QCameraDevice::FrontFace
        : current.position() == QCameraDevice::FrontFace ? QCameraDevice::BackFace
                                                         : QCameraDevice::UnspecifiedPosition;
    QCameraDevice next;
    if (want != QCameraDevice::UnspecifiedPosition) {
        for (const QCameraDevice &device : std::as_const(m_inputs)) {
            if (device.position() == want) {
                next = device;
                break;
            }
        }
    }
    if (next.isNull()) {
        const qsizetype index = m_inputs.indexOf(current);
        next = m_inputs.at((index + 1) % m_inputs.size());
    }
    const bool wasActive = m_camera->isActive();
    useDevice(next);
    if (wasActive)
        start();
}

void QtCameraFrameSource::setTorch(bool on) {
    if (!m_camera || (on && !torchSupported()))
        return;
    m_camera->setTorchMode(on ? QCamera::TorchOn : QCamera::TorchOff);
}

void QtCameraFrameSource::setPreviewSink(QVideoSink *sink) {
    if (m_sink == sink)
        return;
    m_sink = sink;
    m_session.setVideoSink(sink);
}

int QtCameraFrameSource::capture() {
    if (!isActive() || !m_imageCapture.isReadyForCapture())
        return 0;
    const int id = m_imageCapture.capture();
    return id > 0 ? id : 0;
}

void QtCameraFrameSource::useDevice(const QCameraDevice &device) {
    if (m_camera) {
        m_camera->stop();
        m_session.setCamera(nullptr);
        m_camera.reset();
    }
    m_camera = std::make_unique<QCamera>(device);
    connect(m_camera.get(), &QCamera::activeChanged, this, [this](bool active) {
        if (active)
            m_wasActive = true;
        emit activeChanged();
        emit torchChanged(); // torch support is known once the camera runs
    });
    connect(m_camera.get(), &QCamera::torchModeChanged, this, &FrameSource::torchChanged);
    connect(m_camera.get(), &QCamera::errorOccurred, this, &QtCameraFrameSource::onCameraError);
    m_session.setCamera(m_camera.get());
    emit availabilityChanged();
    emit activeChanged();
    emit torchChanged();
}

void QtCameraFrameSource::onInputsChanged() {
    m_inputs = QMediaDevices::videoInputs();
    if (m_camera && !m_inputs.contains(m_camera->cameraDevice())) {
        const bool wasActive = m_camera->isActive();
        m_camera->stop();
        m_session.setCamera(nullptr);
        m_camera.reset();
        if (!m_inputs.isEmpty())
            useDevice(preferredDevice(m_inputs));
        if (wasActive)
            emit errorOccurred(Error::CameraLost);
    }
    emit availabilityChanged();
    emit activeChanged();
    emit torchChanged();
}

void QtCameraFrameSource::onCameraError(QCamera::Error error) {
    if (error == QCamera::NoError)
        return;
    // The camera's own error text is not shown or logged: the controller says it in the
    // user's language.
    const Error kind = m_wasActive ? Error::CameraLost : Error::CameraUnavailable;
    if (m_camera)
        m_camera->stop();
    emit errorOccurred(kind);
}

} // namespace cc::ui
