#pragma once

class QWindow;

namespace cc::platform {

// Keeps a window's content out of screenshots, screen recording and the task
// switcher's thumbnail where the OS allows it (Android FLAG_SECURE, iOS snapshot
// blanking). Where the OS has no such control, secured() says so and the call
// changes nothing.
class SecureWindow {
public:
    virtual ~SecureWindow() = default;
    virtual void setSecure(QWindow *window, bool secure) = 0;
    [[nodiscard]] virtual bool secured(const QWindow *window) const = 0;
    // Whether setSecure has any effect on this platform.
    [[nodiscard]] virtual bool isSupported() const = 0;
};

} // namespace cc::platform
