#pragma once

#include "securewindow.h"

namespace cc::platform {

// Desktop Linux has no portable way to keep a window out of screenshots:
// isSupported() is false and setSecure() only records the request.
class NoSecureWindow final : public SecureWindow {
public:
    void setSecure(QWindow *window, bool secure) override;
    [[nodiscard]] bool secured(const QWindow *window) const override;
    [[nodiscard]] bool isSupported() const override { return false; }

private:
    const QWindow *m_window = nullptr;
};

} // namespace cc::platform
