#include "ui/deferredframesource.h"

#include <utility>

namespace cc::ui {

DeferredFrameSource::DeferredFrameSource(Factory factory, QObject *parent)
    : FrameSource(parent)
    , m_factory(std::move(factory)) {}

DeferredFrameSource::~DeferredFrameSource() = default;

FrameSource &DeferredFrameSource::materialize() {
    if (m_source)
        return *m_source;
    m_source = m_factory();
    FrameSource *source = m_source.get();
    connect(source, &FrameSource::availabilityChanged, this, &FrameSource::availabilityChanged);
    connect(source, &FrameSource::activeChanged, this, &FrameSource::activeChanged);
    connect(source, &FrameSource::torchChanged, this, &FrameSource::torchChanged);
    connect(source, &FrameSource::captured, this, &FrameSource::captured);
    connect(source, &FrameSource::captureFailed, this, &FrameSource::captureFailed);
    connect(source, &FrameSource::errorOccurred, this, &FrameSource::errorOccurred);
    if (source->cameraAvailable())
        emit availabilityChanged();
    return *source;
}

QList<FrameSource::Facing> DeferredFrameSource::cameras() const {
    return m_source ? m_source->cameras() : QList<Facing>{};
}

FrameSource::Facing DeferredFrameSource::facing() const {
    return m_source ? m_source->facing() : Facing::Unspecified;
}

bool DeferredFrameSource::isActive() const {
    return m_source && m_source->isActive();
}

bool DeferredFrameSource::torchSupported() const {
    return m_source && m_source->torchSupported();
}

bool DeferredFrameSource::torchOn() const {
    return m_source && m_source->torchOn();
}

void DeferredFrameSource::start() {
    materialize().start();
}

void DeferredFrameSource::stop() {
    if (m_source)
        m_source->stop();
}

void DeferredFrameSource::switchCamera() {
    materialize().switchCamera();
}

void DeferredFrameSource::setTorch(bool on) {
    materialize().setTorch(on);
}

void DeferredFrameSource::setPreviewSink(QVideoSink *sink) {
    if (sink)
        materialize().setPreviewSink(sink);
    else if (m_source)
        m_source->setPreviewSink(nullptr);
}

int DeferredFrameSource::capture() {
    return materialize().capture();
}

} // namespace cc::ui
