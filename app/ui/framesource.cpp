#include "ui/framesource.h"

namespace cc::ui {

FrameSource::FrameSource(QObject *parent)
    : QObject(parent) {}

FrameSource::~FrameSource() = default;

} // namespace cc::ui
