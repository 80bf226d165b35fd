#include "ui/injectedframesource.h"

#include "crypto/bytes.h"

#include <QVideoFrameFormat>
#include <QVideoSink>

#include <cstring>
#include <utility>

namespace cc::ui {

namespace {

// The back camera when there is one: it is the one that photographs the patient.
qsizetype preferredCamera(const QList<FrameSource::Facing> &cameras) {
    const qsizetype back = cameras.indexOf(FrameSource::Facing::Back);
    return back >= 0 ? back : 0;
}

} // namespace

InjectedFrameSource::InjectedFrameSource(QList<Facing> cameras, QObject *parent)
    : FrameSource(parent)
    , m_cameras(std::move(cameras))
    , m_current(preferredCamera(m_cameras)) {}

InjectedFrameSource::~InjectedFrameSource() {
    dropFrame();
}

FrameSource::Facing InjectedFrameSource::facing() const {
    return m_cameras.isEmpty() ? Facing::Unspecified : m_cameras.at(m_current);
}

bool InjectedFrameSource::torchSupported() const {
    return !m_cameras.isEmpty() && m_torchFacings.contains(facing());
}

void InjectedFrameSource::start() {
    if (m_cameras.isEmpty() || m_active)
        return;
    setActive(true);
}

void InjectedFrameSource::stop() {
    if (!m_active)
        return;
    setActive(false);
}

void InjectedFrameSource::switchCamera() {
    if (!canSwitchCamera())
        return;
    const Facing current = facing();
    const Facing opposite = current == Facing::Back    ? Facing::Front
                            : current == Facing::Front ? Facing::Back
                                                       : Facing::Unspecified;
    const qsizetype other = opposite == Facing::Unspecified ? -1 : m_cameras.indexOf(opposite);
    m_current = other >= 0 ? other : (m_current + 1) % m_cameras.size();
    // A different camera sends different frames; its torch starts off.
    dropFrame();
    const bool torchWasOn = std::exchange(m_torchOn, false);
    emit availabilityChanged();
    if (torchWasOn || m_torchFacings.contains(current) != torchSupported())
        emit torchChanged();
}

void InjectedFrameSource::setTorch(bool on) {
    if (on && (!torchSupported() || !m_active))
        return;
    if (on == m_torchOn)
        return;
    m_torchOn = on;
    emit torchChanged();
}

void InjectedFrameSource::setPreviewSink(QVideoSink *sink) {
    if (m_sink == sink)
        return;
    if (m_sink)
        m_sink->setVideoFrame(QVideoFrame());
    m_sink = sink;
    if (m_sink && m_frame.isValid())
        m_sink->setVideoFrame(m_frame);
}

int InjectedFrameSource::capture() {
    if (!m_active)
        return 0;
    const int id = ++m_lastRequest;
    if (const std::optional<Error> error = std::exchange(m_failNext, std::nullopt)) {
        QMetaObject::invokeMethod(
            this, [this, id, e = *error] { emit captureFailed(id, e); }, Qt::QueuedConnection);
    } else if (!m_frame.isValid()) {
        // No frame has arrived yet: the camera has nothing to take.
        QMetaObject::invokeMethod(
            this, [this, id] { emit captureFailed(id, Error::NotReady); }, Qt::QueuedConnection);
    } else {
        QMetaObject::invokeMethod(
            this, [this, id, image = m_frame.toImage()] { emit captured(id, image); },
            Qt::QueuedConnection);
    }
    return id;
}

void InjectedFrameSource::setCameras(QList<Facing> cameras) {
    const Facing before = facing();
    const bool lost = m_active && !cameras.contains(before);
    m_cameras = std::move(cameras);
    const qsizetype same = m_cameras.indexOf(before);
    m_current = same >= 0 ? same : preferredCamera(m_cameras);
    if (lost)
        setActive(false);
    emit availabilityChanged();
    emit torchChanged();
    if (lost)
        emit errorOccurred(Error::CameraLost);
}

void InjectedFrameSource::setTorchFacings(QList<Facing> facings) {
    m_torchFacings = std::move(facings);
    if (m_torchOn && !torchSupported())
        m_torchOn = false;
    emit torchChanged();
}

void InjectedFrameSource::pushFrame(const QVideoFrame &frame) {
    if (!m_active)
        return;
    dropFrame();
    m_frame = frame;
    if (m_sink)
        m_sink->setVideoFrame(m_frame);
}

void InjectedFrameSource::failNextCapture(Error error) {
    m_failNext = error;
}

void InjectedFrameSource::failCamera(Error error) {
    if (!m_active)
        return;
    setActive(false);
    emit errorOccurred(error);
}

QVideoFrame InjectedFrameSource::frameFromImage(const QImage &image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const QVideoFrameFormat format(
        rgb.size(), QVideoFrameFormat::pixelFormatFromImageFormat(QImage::Format_RGB32));
    QVideoFrame frame(format);
    if (rgb.isNull() || !frame.map(QVideoFrame::WriteOnly))
        return {};
    const auto rowBytes = static_cast<std::size_t>(rgb.bytesPerLine());
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(frame.bits(0) + static_cast<qsizetype>(y) * frame.bytesPerLine(0),
                    rgb.constScanLine(y), rowBytes);
    frame.unmap();
    return frame;
}

void InjectedFrameSource::dropFrame() {
    if (!m_frame.isValid())
        return;
    // The pixels are the patient's: overwrite them before the buffer is released.
    if (m_frame.map(QVideoFrame::ReadWrite)) {
        for (int plane = 0; plane < m_frame.planeCount(); ++plane)
            crypto::wipe(m_frame.bits(plane), static_cast<std::size_t>(m_frame.mappedBytes(plane)));
        m_frame.unmap();
    }
    m_frame = QVideoFrame();
    if (m_sink)
        m_sink->setVideoFrame(QVideoFrame());
}

void InjectedFrameSource::setActive(bool active) {
    m_active = active;
    if (!active) {
        dropFrame();
        if (std::exchange(m_torchOn, false))
            emit torchChanged();
    }
    emit activeChanged();
}

} // namespace cc::ui
