#include "ui/practicesettingscontroller.h"

#include "domain/vocabulary.h"
#include "services/consentcore.h"
#include "services/serviceerror.h"
#include "ui/appcontroller.h"
#include "ui/corehost.h"

#include <QLocale>

#include <algorithm>
#include <exception>

namespace cc::ui {

namespace {

// One line, whitespace runs collapsed: how the consent form will print it.
QString cleaned(const QString &value) {
    return value.simplified();
}

bool hasControlCharacter(const QString &value) {
    return std::any_of(value.cbegin(), value.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

// The platforms in the vocabulary's order, each once; unknown codes are kept (at the end)
// so that problemWith() can refuse them.
QStringList inVocabularyOrder(const QStringList &platforms) {
    QStringList ordered;
    for (const QString &code : domain::vocabulary::platforms()) {
        if (platforms.contains(code))
            ordered.append(code);
    }
    for (const QString &code : platforms) {
        if (!domain::vocabulary::isPlatform(code) && !ordered.contains(code))
            ordered.append(code);
    }
    return ordered;
}

} // namespace

PracticeSettingsController::PracticeSettingsController(CoreHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host) {
    connect(&m_host, &CoreHost::opened, this, &PracticeSettingsController::reload);
    connect(&m_host, &CoreHost::closing, this, &PracticeSettingsController::clear);
    if (m_host.isOpen())
        reload();
}

PracticeSettingsController::~PracticeSettingsController() = default;

QString PracticeSettingsController::problemWith(const domain::Policy &policy) {
    if (policy.maxDurationDays < 1 ||
        policy.maxDurationDays > domain::Policy::LongestMaxDurationDays)
        return tr("The longest a consent may last must be between 1 and %1 days.")
            .arg(QLocale().toString(domain::Policy::LongestMaxDurationDays));
    if (policy.allowedPlatforms.isEmpty())
        return tr("Choose at least one platform where posts may appear.");
    for (const QString &code : policy.allowedPlatforms) {
        if (!domain::vocabulary::isPlatform(code))
            return tr("One of the chosen platforms is not known to this version of ConsentCam.");
    }
    if (QStringList unique = policy.allowedPlatforms; unique.removeDuplicates() != 0)
        return tr("A platform is chosen twice.");
    return {};
}

QString PracticeSettingsController::problemWith(const domain::ClinicianProfile &profile) {
    if (profile.name.trimmed().isEmpty())
        return tr("Enter your name as it should appear on consent forms.");
    if (profile.credentials.trimmed().isEmpty())
        return tr("Enter your credentials, for example \"MD, Dermatology\".");
    if (profile.practice.trimmed().isEmpty())
        return tr("Enter the name of your practice.");
    if (profile.practiceContact.trimmed().isEmpty())
        return tr("Enter where patients can send a written revocation of their consent: a "
                  "postal or e-mail address.");
    for (const QString *value :
         {&profile.name, &profile.credentials, &profile.practice, &profile.practiceContact}) {
        if (hasControlCharacter(*value))
            return specialCharacters();
    }
    return {};
}

QString PracticeSettingsController::specialCharacters() {
    return tr("Remove the special characters: consent forms show only letters, numbers, spaces "
              "and punctuation.");
}

void PracticeSettingsController::reload() {
    clearMessages();
    services::ConsentCore *core = m_host.core();
    if (!core) {
        clear();
        return;
    }
    try {
        setPolicy(core->settings().policy());
        setClinician(core->settings().clinician());
    } catch (const std::exception &) {
        // The kind does not matter to the clinician: nothing can be shown either way.
        clear();
        setError(tr("The practice settings stored in the vault could not be read."));
    }
}

void PracticeSettingsController::savePolicy(bool witnessRequired, int maxDurationDays,
                                            const QStringList &allowedPlatforms) {
    clearMessages();
    services::ConsentCore *core = m_host.core();
    if (!core) {
        setError(AppController::messageFor(services::VaultError::NotUnlocked));
        return;
    }
    domain::Policy policy;
    policy.witnessRequired = witnessRequired;
    policy.maxDurationDays = maxDurationDays;
    policy.allowedPlatforms = inVocabularyOrder(allowedPlatforms);
    if (const QString problem = problemWith(policy); !problem.isEmpty()) {
        setError(problem);
        return;
    }
    if (policy == m_policy) {
        setNotice(tr("The practice policy has no changes to save."));
        return;
    }
    try {
        core->settings().setPolicy(policy);
    } catch (const services::ServiceError &error) {
        setError(error.kind() == services::ServiceError::Kind::ReadOnly
                     ? AppController::messageFor(services::VaultError::ReadOnly)
                     : tr("The practice policy could not be saved. Please try again."));
        return;
    }
    setPolicy(policy);
    setNotice(tr("Practice policy saved."));
}

void PracticeSettingsController::saveClinician(const QString &name, const QString &credentials,
                                               const QString &practice, const QString &contact) {
    clearMessages();
    services::ConsentCore *core = m_host.core();
    if (!core) {
        setError(AppController::messageFor(services::VaultError::NotUnlocked));
        return;
    }
    const domain::ClinicianProfile profile{cleaned(name), cleaned(credentials), cleaned(practice),
                                           cleaned(contact)};
    if (const QString problem = problemWith(profile); !problem.isEmpty()) {
        setError(problem);
        return;
    }
    if (profile == m_clinician) {
        setNotice(tr("Your profile has no changes to save."));
        return;
    }
    try {
        core->settings().setClinician(profile);
    } catch (const services::ServiceError &error) {
        switch (error.kind()) {
        case services::ServiceError::Kind::ReadOnly:
            setError(AppController::messageFor(services::VaultError::ReadOnly));
            break;
        case services::ServiceError::Kind::Invalid: // text a record can't carry
            setError(specialCharacters());
            break;
        default:
            setError(tr("Your profile could not be saved. Please try again."));
            break;
        }
        return;
    }
    setClinician(profile);
    setNotice(tr("Profile saved."));
}

void PracticeSettingsController::clearMessages() {
    setError({});
    setNotice({});
}

void PracticeSettingsController::clear() {
    setPolicy(domain::Policy{false, 0, {}});
    setClinician({});
    clearMessages();
}

void PracticeSettingsController::setPolicy(const domain::Policy &policy) {
    if (policy == m_policy)
        return;
    m_policy = policy;
    emit policyChanged();
}

void PracticeSettingsController::setClinician(const domain::ClinicianProfile &profile) {
    if (profile == m_clinician)
        return;
    m_clinician = profile;
    emit clinicianChanged();
}

void PracticeSettingsController::setError(const QString &message) {
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void PracticeSettingsController::setNotice(const QString &message) {
    if (message == m_noticeMessage)
        return;
    m_noticeMessage = message;
    emit noticeMessageChanged();
}

} // namespace cc::ui
