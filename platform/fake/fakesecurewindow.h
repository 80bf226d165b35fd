#pragma once

#include "securewindow.h"

namespace cc::platform {

// Records setSecure() requests; reports itself supported so tests can check intent.
class FakeSecureWindow final : public SecureWindow {
public:
    void setSecure(QWindow *window, bool secure) override { m_window = secure ? window : nullptr; }
    [[nodiscard]] bool secured(const QWindow *window) const override {
        return window != nullptr && window == m_window;
    }
    [[nodiscard]] bool isSupported() const override { return true; }

private:
    const QWindow *m_window = nullptr;
};

} // namespace cc::platform
