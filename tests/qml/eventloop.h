#pragma once

// Turning the event loop in the controller tests, which run without QML.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <chrono>
#include <functional>

namespace cc::test {

// Processes events until condition holds; false when timeout passes first.
inline bool waitFor(const std::function<bool()> &condition,
                    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    QDeadlineTimer deadline(timeout);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(2);
    }
    return true;
}

// Keeps the event loop turning for a while, for "nothing happens" checks.
inline void spin(std::chrono::milliseconds duration) {
    waitFor([] { return false; }, duration);
}

} // namespace cc::test
