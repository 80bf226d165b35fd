#pragma once

#include "domain/auditchain.h"
#include "ui/rowsmodel.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVariantList>

#include <chrono>

namespace cc::ui {

class CoreHost;

// The audit log for the privacy officer (DESIGN §2.8, §4.2): its entries, newest first,
// with when, what happened in plain words and what it concerned, filtered by a patient, a
// consent or a post; and verification of the whole chain and its signed checkpoints.
//
// Verification runs on the GUI thread (the vault is not thread-safe): the chain reports
// its progress, and at most every repaint interval `progress` moves and the events other
// than user input are processed, so the window repaints while nothing can be tapped. A
// vault that locks meanwhile stops the check (Cancelled). Everything read from the vault
// is dropped when it locks.
class AuditController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditController)

    // seq, at (local short date and time), kind, kindText, subjectText, patientId,
    // consentId, postId.
    Q_PROPERTY(cc::ui::RowsModel *entries READ entries CONSTANT)
    Q_PROPERTY(QString filterPatientId READ filterPatientId NOTIFY filterChanged)
    Q_PROPERTY(QString filterConsentId READ filterConsentId NOTIFY filterChanged)
    Q_PROPERTY(QString filterPostId READ filterPostId NOTIFY filterChanged)
    // The active filters as chips: [{field: "patient" | "consent" | "post", label}].
    Q_PROPERTY(QVariantList filterChips READ filterChips NOTIFY filterChanged)
    // [{patientId, label}] for choosing a patient to filter by.
    Q_PROPERTY(QVariantList patientChoices READ patientChoices NOTIFY patientChoicesChanged)

    Q_PROPERTY(VerifyState verifyState READ verifyState NOTIFY verifyChanged)
    Q_PROPERTY(bool verifying READ verifying NOTIFY verifyChanged)
    // 0 to 1 while verifying; 1 once done.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    // The outcome in words: intact with its counts, or the first bad entry and why.
    Q_PROPERTY(QString verifyMessage READ verifyMessage NOTIFY verifyChanged)
    // The first entry that does not verify; 0 when none.
    Q_PROPERTY(int firstBadSeq READ firstBadSeq NOTIFY verifyChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)

public:
    enum class VerifyState {
        NotRun,    // not verified since the page was opened or the vault unlocked
        Running,   // verify() is running
        Intact,    // every entry and checkpoint verifies
        Broken,    // firstBadSeq is the first entry that does not verify
        Cancelled, // the vault locked during the check
        Failed,    // the log could not be read
    };
    Q_ENUM(VerifyState)

    explicit AuditController(CoreHost &host, QObject *parent = nullptr);

    [[nodiscard]] RowsModel *entries() { return &m_entries; }
    [[nodiscard]] QString filterPatientId() const { return m_patientId; }
    [[nodiscard]] QString filterConsentId() const { return m_consentId; }
    [[nodiscard]] QString filterPostId() const { return m_postId; }
    [[nodiscard]] QVariantList filterChips() const;
    [[nodiscard]] QVariantList patientChoices() const { return m_patientChoices; }
    [[nodiscard]] VerifyState verifyState() const { return m_verifyState; }
    [[nodiscard]] bool verifying() const { return m_verifyState == VerifyState::Running; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString verifyMessage() const { return m_verifyMessage; }
    [[nodiscard]] int firstBadSeq() const { return m_firstBadSeq; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }

    // Shows only the entries concerning these (empty: any), and reads the log again.
    Q_INVOKABLE void setFilter(const QString &patientId, const QString &consentId,
                               const QString &postId);
    // Drops one filter ("patient", "consent", "post"), or every one for an empty field.
    Q_INVOKABLE void clearFilter(const QString &field = {});
    Q_INVOKABLE void refresh();
    // Verifies the chain and its checkpoints against the device key; the result lands in
    // verifyState and verifyMessage. Ignored while verifying.
    Q_INVOKABLE void verify();

    // How often, at most, verification lets the window repaint (tests use zero).
    void setRepaintInterval(std::chrono::milliseconds interval) { m_repaintInterval = interval; }

    // What an entry records, in words ("Consent revoked", "Patient's copy given", ...);
    // the code itself for a kind this version does not know.
    [[nodiscard]] static QString kindLabel(const QString &kind, const QJsonObject &data = {});
    // Why a log does not verify, in words.
    [[nodiscard]] static QString problemText(domain::audit::Problem problem);

signals:
    void filterChanged();
    void patientChoicesChanged();
    void verifyChanged();
    void progressChanged();
    void errorMessageChanged();

private:
    void reload();
    void clearAll();
    void setProgress(double progress);
    void setError(const QString &message);
    [[nodiscard]] QString patientLabel(const QString &patientId) const;

    CoreHost &m_host;
    RowsModel m_entries;
    QString m_patientId;
    QString m_consentId;
    QString m_postId;
    QVariantList m_patientChoices;
    QHash<QString, QString> m_patientNames;
    VerifyState m_verifyState = VerifyState::NotRun;
    double m_progress = 0;
    QString m_verifyMessage;
    int m_firstBadSeq = 0;
    QString m_errorMessage;
    std::chrono::milliseconds m_repaintInterval{30};
    bool m_closing = false; // the vault is locking: a running check stops
};

} // namespace cc::ui
