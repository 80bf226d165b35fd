#pragma once

// Everything QML sees from C++, registered in one place. Domain and controller classes
// carry no QML macros; these wrappers do.

#include "ui/appcontroller.h"
#include "ui/capturecontroller.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQmlIntegration>

namespace cc::ui {

// The AppController built in main() and handed to QML as the `AppController` singleton.
// The controller is not default-constructible, so the engine takes it from create().
struct AppControllerForeign {
    Q_GADGET
    QML_FOREIGN(cc::ui::AppController)
    QML_NAMED_ELEMENT(AppController)
    QML_SINGLETON

public:
    // Called once by main() before the first QML file loads; main() keeps ownership.
    static void setInstance(AppController *controller) {
        s_instance = controller;
        QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    }

    static AppController *create(QQmlEngine *, QJSEngine *engine) {
        Q_ASSERT(s_instance);
        // One engine per process: the controller's thread is that engine's thread.
        Q_ASSERT(engine->thread() == s_instance->thread());
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline AppController *s_instance = nullptr;
};

// The CaptureController built in main() and handed to QML as the `Capture` singleton,
// like AppController above.
struct CaptureControllerForeign {
    Q_GADGET
    QML_FOREIGN(cc::ui::CaptureController)
    QML_NAMED_ELEMENT(Capture)
    QML_SINGLETON

public:
    // Called once by main() before the first QML file loads; main() keeps ownership.
    static void setInstance(CaptureController *controller) {
        s_instance = controller;
        QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    }

    static CaptureController *create(QQmlEngine *, QJSEngine *engine) {
        Q_ASSERT(s_instance);
        Q_ASSERT(engine->thread() == s_instance->thread());
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline CaptureController *s_instance = nullptr;
};

} // namespace cc::ui
