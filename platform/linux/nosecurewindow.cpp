#include "nosecurewindow.h"

namespace cc::platform {

void NoSecureWindow::setSecure(QWindow *window, bool secure) {
    if (secure) {
        m_window = window;
    } else if (m_window == window) {
        m_window = nullptr;
    }
}

bool NoSecureWindow::secured(const QWindow *window) const {
    // Nothing is enforced here; report only what was asked so callers can test intent.
    return window != nullptr && window == m_window;
}

} // namespace cc::platform
