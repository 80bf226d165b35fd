#pragma once

#include "ui/framesource.h"

#include <functional>
#include <memory>

namespace cc::ui {

// A frame source that makes the real one only when it is first needed: looking for
// cameras starts the platform's media framework, which would otherwise delay the app's
// first frame. The app calls materialize() once that frame is drawn. Until then the
// source reports no camera, inactive and no torch, and stop() and detaching the preview
// do nothing; start(), switchCamera(), setTorch(), capture() and attaching a preview sink
// materialize it first. Afterwards every call goes to the real source and its signals are
// this one's; availabilityChanged() is emitted on materializing when it has a camera.
class DeferredFrameSource final : public FrameSource {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeferredFrameSource)

public:
    using Factory = std::function<std::unique_ptr<FrameSource>()>;

    explicit DeferredFrameSource(Factory factory, QObject *parent = nullptr);
    ~DeferredFrameSource() override;

    // Makes the real source (once) and returns it.
    FrameSource &materialize();
    [[nodiscard]] bool isMaterialized() const { return m_source != nullptr; }

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
    Factory m_factory;
    std::unique_ptr<FrameSource> m_source;
};

} // namespace cc::ui
