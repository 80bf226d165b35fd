#pragma once

#include "domain/consentrecord.h"
#include "ui/rowsmodel.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace cc::domain {
class ConsentTemplate;
}
namespace cc::services {
struct ConsentRequest;
}

namespace cc::ui {

class AppController;
class CoreHost;
class UiLanguage;

// One consent session in the exam room (DESIGN §2.3): the clinician picks the items and
// hands the phone over (begin → patient mode); the signer chooses the language, reads
// what will be shared and the form, chooses the scope, passes the comprehension check,
// says who signs, signs, prints their name and agrees; a witness may sign; the clinician
// countersigns with the passcode, which seals the record and leaves patient mode. Every
// check is the core's (the validity rules, the signature test); this class collects the
// answers and translates what is missing. Nothing it holds outlives the session, a lock
// or a cancel.
class ConsentSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsentSession)

    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QString patientId READ patientId NOTIFY activeChanged)
    Q_PROPERTY(QString patientName READ patientName NOTIFY activeChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString sealedConsentId READ sealedConsentId NOTIFY sealedConsentIdChanged)

    // [{code, name}] of the languages the form exists in, each named in itself.
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY formChanged)
    // kind ("photo", "story"), itemId, source, fullSource, description, text.
    Q_PROPERTY(cc::ui::RowsModel *items READ items CONSTANT)
    Q_PROPERTY(QString formTitle READ formTitle NOTIFY formChanged)
    Q_PROPERTY(QString agreeStatement READ agreeStatement NOTIFY formChanged)
    Q_PROPERTY(QString signatureMeaning READ signatureMeaning NOTIFY formChanged)

    // Scope choices, each [{code, label}] in the form's language.
    Q_PROPERTY(QVariantList platformChoices READ platformChoices NOTIFY formChanged)
    Q_PROPERTY(QVariantList audienceChoices READ audienceChoices NOTIFY formChanged)
    Q_PROPERTY(QVariantList purposeChoices READ purposeChoices NOTIFY formChanged)
    Q_PROPERTY(QVariantList roleChoices READ roleChoices NOTIFY formChanged)
    Q_PROPERTY(QStringList platforms READ platforms WRITE setPlatforms NOTIFY scopeChanged)
    Q_PROPERTY(QStringList audiences READ audiences WRITE setAudiences NOTIFY scopeChanged)
    Q_PROPERTY(QStringList purposes READ purposes WRITE setPurposes NOTIFY scopeChanged)
    Q_PROPERTY(bool identifiable READ identifiable WRITE setIdentifiable NOTIFY scopeChanged)
    // "date" or "event".
    Q_PROPERTY(QString expiryKind READ expiryKind WRITE setExpiryKind NOTIFY scopeChanged)
    Q_PROPERTY(QDate expiryDate READ expiryDate WRITE setExpiryDate NOTIFY scopeChanged)
    Q_PROPERTY(QString expiryEvent READ expiryEvent WRITE setExpiryEvent NOTIFY scopeChanged)
    // Whether a de-identified-only consent can be given: every photo has the regions that
    // identify the patient marked (the redaction editor does that), or there are none.
    Q_PROPERTY(bool deidentifiedPossible READ deidentifiedPossible NOTIFY activeChanged)
    // Durations to offer, in months from today, that end within the policy's maximum.
    Q_PROPERTY(QList<int> durationChoices READ durationChoices NOTIFY activeChanged)
    // The latest end date the practice's policy allows for a consent signed today.
    Q_PROPERTY(QDate latestExpiryDate READ latestExpiryDate NOTIFY activeChanged)
    // A translated explanation of what the scope page still needs; empty when complete.
    Q_PROPERTY(QString scopeProblem READ scopeProblem NOTIFY scopeChanged)
    // What the signer page still needs (representative details); empty when complete.
    Q_PROPERTY(QString signerProblem READ signerProblem NOTIFY signerChanged)
    // The expiry date in words, in the form's language.
    Q_PROPERTY(QString expiryDateText READ expiryDateText NOTIFY scopeChanged)

    // [{id, question, answers}] in the form's language (which answer is right stays here).
    Q_PROPERTY(QVariantList questions READ questions NOTIFY formChanged)
    Q_PROPERTY(bool comprehensionPassed READ comprehensionPassed NOTIFY comprehensionChanged)

    Q_PROPERTY(QString signerRole READ signerRole WRITE setSignerRole NOTIFY signerChanged)
    Q_PROPERTY(QString signerName READ signerName WRITE setSignerName NOTIFY signerChanged)
    Q_PROPERTY(QString relationship READ relationship WRITE setRelationship NOTIFY signerChanged)
    Q_PROPERTY(QString authority READ authority WRITE setAuthority NOTIFY signerChanged)
    Q_PROPERTY(QString printedName READ printedName WRITE setPrintedName NOTIFY signerChanged)
    // The photo of a representative's authority document ("pho_…"), or empty; its image URL.
    Q_PROPERTY(QString authorityDocument READ authorityDocument NOTIFY signerChanged)
    Q_PROPERTY(QString authorityDocumentSource READ authorityDocumentSource NOTIFY signerChanged)
    Q_PROPERTY(bool hasSignature READ hasSignature NOTIFY signatureChanged)
    Q_PROPERTY(bool agreed READ agreed NOTIFY signatureChanged)
    Q_PROPERTY(bool witnessRequired READ witnessRequired NOTIFY activeChanged)
    Q_PROPERTY(bool hasWitness READ hasWitness NOTIFY signatureChanged)
    // A paid use, as the clinician declared it before handing over.
    Q_PROPERTY(bool paid READ paid NOTIFY activeChanged)
    Q_PROPERTY(QString compensationDescription READ compensationDescription NOTIFY activeChanged)

public:
    ConsentSession(CoreHost &host, AppController &app, UiLanguage &language,
                   QObject *parent = nullptr);
    ~ConsentSession() override;

    // Unlocked → PatientMode with a new session over itemIds (photo and story ids of
    // patientId, in the order the signer will see them). paid: the clinician or practice is
    // paid for the use, which compensationDescription says (by whom, what for); the form
    // then states it. False with errorMessage when nothing is chosen, the clinician profile
    // is incomplete, a paid use is not described or an item is not the patient's.
    Q_INVOKABLE bool begin(const QString &patientId, const QStringList &itemIds, bool paid = false,
                           const QString &compensationDescription = {});

    // The form's sections for the choices made so far: [{id, title, body}]. Empty, with
    // errorMessage, while a choice the text needs is missing.
    Q_INVOKABLE [[nodiscard]] QVariantList sections();
    [[nodiscard]] QString scopeProblem() const;
    // Records an answer: {correct: bool, explanation: string}. A wrong answer resets the
    // question until it is answered right.
    Q_INVOKABLE QVariantMap answer(int question, int answer);
    [[nodiscard]] QString signerProblem() const;
    // strokes: [[{x, y, t}, ...], ...] in pad pixels, t in ms since the first touch.
    // Returns the translated reason the drawing is refused (a trivial mark), or an empty
    // string when it is kept as the signature.
    // Attaches a photo stored as this patient's authority document (sealed by its hash);
    // false with errorMessage for any other photo. An empty id removes it.
    Q_INVOKABLE bool setAuthorityDocument(const QString &photoId);
    Q_INVOKABLE QString setSignature(const QVariantList &strokes, int padWidth, int padHeight);
    Q_INVOKABLE void clearSignature();
    // The explicit "I agree" act, with the agree statement shown beside it.
    Q_INVOKABLE void agree();
    // Adds a witness (name and signature); the reason when refused.
    Q_INVOKABLE QString setWitness(const QString &name, const QVariantList &strokes, int padWidth,
                                   int padHeight);
    Q_INVOKABLE void clearWitness();
    // Every element still missing before the clinician may countersign, translated.
    Q_INVOKABLE [[nodiscard]] QStringList missing();
    // The clinician countersigns: checks the passcode, seals and leaves patient mode.
    // False with errorMessage (wrong passcode, back-off, defects) otherwise.
    Q_INVOKABLE bool countersign(const QString &passcode);
    // Sets the end date `months` from today (never past the policy's maximum), or the
    // latest the policy allows when months is 0.
    Q_INVOKABLE void chooseExpiryMonths(int months);
    // Ends the session without sealing, after the clinician's passcode.
    Q_INVOKABLE bool cancel(const QString &passcode);

    [[nodiscard]] bool active() const { return m_active; }
    [[nodiscard]] QString patientId() const { return m_patientId; }
    [[nodiscard]] QString patientName() const { return m_patientName; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] QString sealedConsentId() const { return m_sealedConsentId; }
    [[nodiscard]] QVariantList languages() const;
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] RowsModel *items() { return &m_items; }
    [[nodiscard]] QString formTitle() const;
    [[nodiscard]] QString agreeStatement() const;
    [[nodiscard]] QString signatureMeaning() const;
    [[nodiscard]] QVariantList platformChoices() const;
    [[nodiscard]] QVariantList audienceChoices() const;
    [[nodiscard]] QVariantList purposeChoices() const;
    [[nodiscard]] QVariantList roleChoices() const;
    [[nodiscard]] QStringList platforms() const { return m_platforms; }
    void setPlatforms(const QStringList &codes);
    [[nodiscard]] QStringList audiences() const { return m_audiences; }
    void setAudiences(const QStringList &codes);
    [[nodiscard]] QStringList purposes() const { return m_purposes; }
    void setPurposes(const QStringList &codes);
    [[nodiscard]] bool identifiable() const { return m_identifiable; }
    void setIdentifiable(bool identifiable);
    [[nodiscard]] QString expiryKind() const { return m_expiryKind; }
    void setExpiryKind(const QString &kind);
    [[nodiscard]] QDate expiryDate() const { return m_expiryDate; }
    void setExpiryDate(const QDate &date);
    [[nodiscard]] QString expiryEvent() const { return m_expiryEvent; }
    void setExpiryEvent(const QString &event);
    [[nodiscard]] QDate latestExpiryDate() const;
    [[nodiscard]] QList<int> durationChoices() const;
    [[nodiscard]] bool deidentifiedPossible() const { return m_deidentifiedPossible; }
    [[nodiscard]] QString expiryDateText() const;
    [[nodiscard]] QVariantList questions() const;
    [[nodiscard]] bool comprehensionPassed() const;
    [[nodiscard]] QString signerRole() const { return m_signerRole; }
    void setSignerRole(const QString &role);
    [[nodiscard]] QString signerName() const { return m_signerName; }
    void setSignerName(const QString &name);
    [[nodiscard]] QString relationship() const { return m_relationship; }
    void setRelationship(const QString &relationship);
    [[nodiscard]] QString authority() const { return m_authority; }
    void setAuthority(const QString &authority);
    [[nodiscard]] QString printedName() const { return m_printedName; }
    [[nodiscard]] QString authorityDocument() const { return m_authorityDocument; }
    [[nodiscard]] QString authorityDocumentSource() const;
    void setPrintedName(const QString &name);
    [[nodiscard]] bool hasSignature() const { return m_strokes.has_value(); }
    [[nodiscard]] bool agreed() const { return m_agreedAt.isValid(); }
    [[nodiscard]] bool witnessRequired() const { return m_witnessRequired; }
    [[nodiscard]] bool hasWitness() const { return m_witness.has_value(); }
    [[nodiscard]] bool paid() const { return m_paid; }
    [[nodiscard]] QString compensationDescription() const { return m_compensationDescription; }

    // The request sealing would receive now (for tests and for missing()).
    [[nodiscard]] services::ConsentRequest request() const;
    // Converts QML strokes; nullopt when the shape is wrong.
    [[nodiscard]] static std::optional<domain::SignatureStrokes>
    strokesFrom(const QVariantList &strokes, int padWidth, int padHeight);
    // The translated explanation of a validity element id (consentvalidator.h).
    [[nodiscard]] static QString describeElement(const QString &element);
    [[nodiscard]] static QString describeSignatureProblem(domain::SignatureProblem problem);

signals:
    void activeChanged();
    void errorMessageChanged();
    void sealedConsentIdChanged();
    void formChanged();
    void scopeChanged();
    void comprehensionChanged();
    void signerChanged();
    void signatureChanged();

private:
    [[nodiscard]] const domain::ConsentTemplate *form() const;
    // Converts and judges drawn strokes: the translated problem, or empty with accepted set.
    [[nodiscard]] static QString judge(const QVariantList &strokes, int padWidth, int padHeight,
                                       std::optional<domain::SignatureStrokes> &accepted);
    [[nodiscard]] QVariantList choices(const QString &prefix, const QStringList &codes) const;
    void reloadItems();
    void reset();
    void finish();
    void setError(const QString &message);

    CoreHost &m_host;
    AppController &m_app;
    UiLanguage &m_uiLanguage;

    bool m_active = false;
    QString m_patientId;
    QString m_patientName;
    QStringList m_itemIds;
    QString m_language;
    RowsModel m_items;
    QString m_errorMessage;
    QString m_sealedConsentId;
    QStringList m_allowedPlatforms;
    int m_maxDurationDays = 0;
    bool m_witnessRequired = false;
    bool m_deidentifiedPossible = true;

    QStringList m_platforms;
    QStringList m_audiences;
    QStringList m_purposes;
    bool m_identifiable = false;
    bool m_paid = false;
    QString m_compensationDescription;
    QString m_expiryKind = QStringLiteral("date");
    QDate m_expiryDate;
    QString m_expiryEvent;
    std::vector<bool> m_understood;

    QString m_signerRole = QStringLiteral("patient");
    QString m_signerName;
    QString m_relationship;
    QString m_authority;
    QString m_printedName;
    QString m_authorityDocument;
    std::optional<domain::SignatureStrokes> m_strokes;
    QDateTime m_signedAt;
    QDateTime m_agreedAt;
    std::optional<domain::Witness> m_witness;
};

} // namespace cc::ui
