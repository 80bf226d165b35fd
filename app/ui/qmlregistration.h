#pragma once

// Everything QML sees from C++, registered in one place. Domain and controller classes
// carry no QML macros; these wrappers do.

#include "ui/appcontroller.h"
#include "ui/auditcontroller.h"
#include "ui/capturecontroller.h"
#include "ui/consentcopycontroller.h"
#include "ui/consentsession.h"
#include "ui/librarycontroller.h"
#include "ui/postscontroller.h"
#include "ui/practicesettingscontroller.h"
#include "ui/revocationcontroller.h"
#include "ui/rowsmodel.h"
#include "ui/uilanguage.h"
#include "ui/uipreferences.h"
#include "ui/vocabularylabels.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQmlIntegration>

namespace cc::ui {

// An object built in main() and handed to QML as a singleton. The controllers are not
// default-constructible, so the engine takes them from create().
template<typename T>
struct ForeignInstance {
    // Called once by main() before the first QML file loads; main() keeps ownership.
    static void setInstance(T *object) {
        s_instance = object;
        QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
    }

    static T *create(QQmlEngine *, QJSEngine *engine) {
        Q_ASSERT(s_instance);
        // One engine per process: the object's thread is that engine's thread.
        Q_ASSERT(engine->thread() == s_instance->thread());
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }

private:
    static inline T *s_instance = nullptr;
};

// The application's state: `AppController`.
struct AppControllerForeign : ForeignInstance<AppController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::AppController)
    QML_NAMED_ELEMENT(AppController)
    QML_SINGLETON
};

// Patients, their photos, stories and consents: `Library`.
struct LibraryForeign : ForeignInstance<LibraryController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::LibraryController)
    QML_NAMED_ELEMENT(Library)
    QML_SINGLETON
};

// The consent session of patient mode: `ConsentSession`.
struct ConsentSessionForeign : ForeignInstance<ConsentSession> {
    Q_GADGET
    QML_FOREIGN(cc::ui::ConsentSession)
    QML_NAMED_ELEMENT(ConsentSession)
    QML_SINGLETON
};

// The interface language: `UiLanguage`.
struct UiLanguageForeign : ForeignInstance<UiLanguage> {
    Q_GADGET
    QML_FOREIGN(cc::ui::UiLanguage)
    QML_NAMED_ELEMENT(UiLanguage)
    QML_SINGLETON
};

// The list models the controllers expose (not created from QML).
struct RowsModelForeign {
    Q_GADGET
    QML_FOREIGN(cc::ui::RowsModel)
    QML_NAMED_ELEMENT(RowsModel)
    QML_UNCREATABLE("list models come from the controllers")
};

// The practice policy and the clinician profile: `PracticeSettings`.
struct PracticeSettingsForeign : ForeignInstance<PracticeSettingsController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::PracticeSettingsController)
    QML_NAMED_ELEMENT(PracticeSettings)
    QML_SINGLETON
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

// Photo capture and file import: `Capture`.
struct CaptureControllerForeign : ForeignInstance<CaptureController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::CaptureController)
    QML_NAMED_ELEMENT(Capture)
    QML_SINGLETON
};

// The signer's PDF copy of a sealed consent: `ConsentCopy`.
struct ConsentCopyForeign : ForeignInstance<ConsentCopyController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::ConsentCopyController)
    QML_NAMED_ELEMENT(ConsentCopy)
    QML_SINGLETON
};

// A consent's revocation, its impact and takedowns, the patient's receipt: `Revocation`.
struct RevocationForeign : ForeignInstance<RevocationController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::RevocationController)
    QML_NAMED_ELEMENT(Revocation)
    QML_SINGLETON
};

// The audit log, filtered and verified: `Audit`.
struct AuditForeign : ForeignInstance<AuditController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::AuditController)
    QML_NAMED_ELEMENT(Audit)
    QML_SINGLETON
};

// Drafts, sharing and the post ledger: `Posts`.
struct PostsForeign : ForeignInstance<PostsController> {
    Q_GADGET
    QML_FOREIGN(cc::ui::PostsController)
    QML_NAMED_ELEMENT(Posts)
    QML_SINGLETON
};

// The text size and other preferences outside the vault: `UiPreferences`. They hold no
// state beyond the platform's settings store, so each engine makes and owns its own.
struct UiPreferencesForeign {
    Q_GADGET
    QML_FOREIGN(cc::ui::UiPreferences)
    QML_NAMED_ELEMENT(UiPreferences)
    QML_SINGLETON

public:
    static UiPreferences *create(QQmlEngine *, QJSEngine *) { return new UiPreferences(nullptr); }
};

} // namespace cc::ui
