#pragma once

// Everything QML sees from C++, registered in one place. Domain and controller classes
// carry no QML macros; these wrappers do.

#include "ui/appcontroller.h"
#include "ui/practicesettingscontroller.h"
#include "ui/vocabularylabels.h"

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

// The PracticeSettingsController built in main() and handed to QML as the
// `PracticeSettings` singleton; main() keeps ownership.
struct PracticeSettingsForeign {
    Q_GADGET
    QML_FOREIGN(cc::ui::PracticeSettingsController)
    QML_NAMED_ELEMENT(PracticeSettings)
    QML_SINGLETON

public:
    // Called once by main() before the first QML file loads.
    static void setInstance(PracticeSettingsController *controller) {
        s_instance = controller;
        QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    }

    static PracticeSettingsController *create(QQmlEngine *, QJSEngine *engine) {
        Q_ASSERT(s_instance);
        Q_ASSERT(engine->thread() == s_instance->thread());
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline PracticeSettingsController *s_instance = nullptr;
};

// The vocabulary's display names as the `Vocabulary` singleton. The labels hold no
// state, so each engine gets its own instance, which it owns.
struct VocabularyForeign {
    Q_GADGET
    QML_FOREIGN(cc::ui::VocabularyLabels)
    QML_NAMED_ELEMENT(Vocabulary)
    QML_SINGLETON

public:
    static VocabularyLabels *create(QQmlEngine *, QJSEngine *) {
        return new VocabularyLabels(nullptr);
    }
};

} // namespace cc::ui
