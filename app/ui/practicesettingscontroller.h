#pragma once

#include "domain/practice.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace cc::ui {

class CoreHost;

// The practice policy and the clinician profile as the Settings screen shows and edits
// them. While the vault is open the properties hold what the vault has stored (the
// defaults until something is saved); they are re-read when it opens and all cleared
// (false, zero, empty) when it closes, so nothing read from the vault outlives the lock.
// A save is checked here first, and a refusal is a translated errorMessage naming what to
// fix; a save that went through sets noticeMessage and updates the properties. Every
// change the vault accepts is written to its audit log (SettingsService).
class PracticeSettingsController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PracticeSettingsController)

    Q_PROPERTY(bool witnessRequired READ witnessRequired NOTIFY policyChanged)
    Q_PROPERTY(int maxDurationDays READ maxDurationDays NOTIFY policyChanged)
    Q_PROPERTY(int longestMaxDurationDays READ longestMaxDurationDays CONSTANT)
    // Platform codes (domain/vocabulary.h) in the vocabulary's order.
    Q_PROPERTY(QStringList allowedPlatforms READ allowedPlatforms NOTIFY policyChanged)
    Q_PROPERTY(QString clinicianName READ clinicianName NOTIFY clinicianChanged)
    Q_PROPERTY(QString clinicianCredentials READ clinicianCredentials NOTIFY clinicianChanged)
    Q_PROPERTY(QString practiceName READ practiceName NOTIFY clinicianChanged)
    Q_PROPERTY(QString practiceContact READ practiceContact NOTIFY clinicianChanged)
    // Whether consents can name who discloses: every profile field is filled in.
    Q_PROPERTY(bool profileComplete READ profileComplete NOTIFY clinicianChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString noticeMessage READ noticeMessage NOTIFY noticeMessageChanged)

public:
    explicit PracticeSettingsController(CoreHost &host, QObject *parent = nullptr);
    ~PracticeSettingsController() override;

    [[nodiscard]] bool witnessRequired() const { return m_policy.witnessRequired; }
    [[nodiscard]] int maxDurationDays() const { return m_policy.maxDurationDays; }
    [[nodiscard]] static int longestMaxDurationDays() {
        return domain::Policy::LongestMaxDurationDays;
    }
    [[nodiscard]] QStringList allowedPlatforms() const { return m_policy.allowedPlatforms; }
    [[nodiscard]] QString clinicianName() const { return m_clinician.name; }
    [[nodiscard]] QString clinicianCredentials() const { return m_clinician.credentials; }
    [[nodiscard]] QString practiceName() const { return m_clinician.practice; }
    [[nodiscard]] QString practiceContact() const { return m_clinician.practiceContact; }
    [[nodiscard]] bool profileComplete() const { return m_clinician.isComplete(); }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString noticeMessage() const { return m_noticeMessage; }

    // Re-reads the policy and the profile from the vault and clears the messages. A
    // stored value that can't be read sets errorMessage and leaves the properties empty.
    Q_INVOKABLE void reload();
    // Platform codes may come in any order; they are kept in the vocabulary's order.
    Q_INVOKABLE void savePolicy(bool witnessRequired, int maxDurationDays,
                                const QStringList &allowedPlatforms);
    // Each value is kept as one line with its whitespace runs collapsed; all are required.
    Q_INVOKABLE void saveClinician(const QString &name, const QString &credentials,
                                   const QString &practice, const QString &contact);
    Q_INVOKABLE void clearMessages();

    // The translated refusal for a policy or a profile, or an empty string when it can be
    // saved. Policy and profile as the controller would store them (see above).
    [[nodiscard]] static QString problemWith(const domain::Policy &policy);
    [[nodiscard]] static QString problemWith(const domain::ClinicianProfile &profile);

signals:
    void policyChanged();
    void clinicianChanged();
    void errorMessageChanged();
    void noticeMessageChanged();

private:
    [[nodiscard]] static QString specialCharacters();
    void clear();
    void setPolicy(const domain::Policy &policy);
    void setClinician(const domain::ClinicianProfile &profile);
    void setError(const QString &message);
    void setNotice(const QString &message);

    CoreHost &m_host;
    domain::Policy m_policy{false, 0, {}};
    domain::ClinicianProfile m_clinician;
    QString m_errorMessage;
    QString m_noticeMessage;
};

} // namespace cc::ui
