#include "ui/consentsession.h"

#include "domain/consenttemplate.h"
#include "domain/consentvalidator.h"
#include "domain/vocabulary.h"
#include "services/consentcore.h"
#include "services/serviceerror.h"
#include "ui/appcontroller.h"
#include "ui/corehost.h"
#include "ui/librarycontroller.h"
#include "ui/uilanguage.h"

#include <algorithm>

namespace cc::ui {

namespace {

const QString FormId = QStringLiteral("media-release");

const QStringList itemRoles{QStringLiteral("kind"),        QStringLiteral("itemId"),
                            QStringLiteral("source"),      QStringLiteral("fullSource"),
                            QStringLiteral("description"), QStringLiteral("text")};

// Codes in vocabulary order, unknown and repeated ones dropped.
QStringList ordered(const QStringList &codes, const QStringList &vocabulary) {
    QStringList result;
    for (const QString &code : vocabulary) {
        if (codes.contains(code))
            result.append(code);
    }
    return result;
}

QString nativeLanguageName(const QString &code) {
    // Each language named in itself, without a country ("Español", not "español de España").
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("es"))
        return QStringLiteral("Español");
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

// Sets member to value; whether that changed it.
template<typename T>
bool update(T &member, const T &value) {
    if (member == value)
        return false;
    member = value;
    return true;
}

} // namespace

ConsentSession::ConsentSession(CoreHost &host, AppController &app, UiLanguage &language,
                               QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_app(app)
    , m_uiLanguage(language)
    , m_items(itemRoles) {
    connect(&m_host, &CoreHost::closing, this, &ConsentSession::reset);
    connect(&m_app, &AppController::stateChanged, this, [this] {
        // Leaving patient mode any other way (a lock) ends the session unsealed.
        if (m_active && m_app.state() != AppController::State::PatientMode)
            reset();
    });
}

ConsentSession::~ConsentSession() = default;

bool ConsentSession::begin(const QString &patientId, const QStringList &itemIds, bool paid,
                           const QString &compensationDescription) {
    reset();
    auto *core = m_host.core();
    if (!core || m_app.state() != AppController::State::Unlocked)
        return false;
    if (itemIds.isEmpty()) {
        setError(tr("Choose at least one photo or story for the consent."));
        return false;
    }
    if (paid && compensationDescription.trimmed().isEmpty()) {
        setError(tr("Describe the payment: who pays, and for what. The form tells the patient."));
        return false;
    }
    try {
        if (!core->settings().clinician().isComplete()) {
            setError(tr("Complete your clinician profile in Settings first: the form names "
                        "you, your practice and where a patient sends a revocation."));
            return false;
        }
        const auto patient = core->library().patient(patientId);
        if (!patient) {
            setError(tr("This patient is no longer in the vault."));
            return false;
        }
        const auto policy = core->settings().policy();
        m_patientId = patient->id;
        m_patientName = patient->displayName;
        m_itemIds = itemIds;
        m_paid = paid;
        m_compensationDescription = paid ? compensationDescription.simplified() : QString();
        m_allowedPlatforms = policy.allowedPlatforms;
        m_maxDurationDays = policy.maxDurationDays;
        m_witnessRequired = policy.witnessRequired;
        m_expiryDate = latestExpiryDate();
        const QString clinicianLanguage = m_uiLanguage.clinicianLanguage();
        m_language = m_host.templates().latest(FormId, clinicianLanguage) ? clinicianLanguage
                                                                          : QStringLiteral("en");
        // Resolving the items checks that each is this patient's, and gives the regions
        // marked identifying on each photo.
        const auto prepared = core->consents().prepare(request());
        m_deidentifiedPossible = std::all_of(
            prepared.items.begin(), prepared.items.end(), [](const domain::CoveredItem &item) {
                return item.kind != domain::ItemKind::Photo || !item.regions.empty();
            });
        m_understood.assign(form() ? form()->comprehension().size() : 0, false);
    } catch (const std::exception &e) {
        m_patientId.clear();
        m_patientName.clear();
        m_itemIds.clear();
        m_paid = false;
        m_compensationDescription.clear();
        setError(LibraryController::messageFor(e));
        return false;
    }
    m_active = true;
    reloadItems();
    emit activeChanged();
    emit formChanged();
    emit scopeChanged();
    emit signerChanged();
    emit signatureChanged();
    emit comprehensionChanged();
    m_app.enterPatientMode();
    return true;
}

const domain::ConsentTemplate *ConsentSession::form() const {
    const QString language = m_language.isEmpty() ? QStringLiteral("en") : m_language;
    return m_host.templates().latest(FormId, language);
}

QVariantList ConsentSession::languages() const {
    QVariantList result;
    for (const QString &code : m_host.templates().languages(FormId))
        result.append(QVariantMap{{QStringLiteral("code"), code},
                                  {QStringLiteral("name"), nativeLanguageName(code)}});
    return result;
}

void ConsentSession::setLanguage(const QString &language) {
    if (language == m_language || !m_host.templates().latest(FormId, language))
        return;
    m_language = language;
    m_uiLanguage.setLanguage(language);
    // The questions are asked again in the new language.
    if (const auto *t = form())
        m_understood.assign(t->comprehension().size(), false);
    reloadItems();
    emit comprehensionChanged();
    emit formChanged();
    emit scopeChanged();
}

void ConsentSession::reloadItems() {
    auto *core = m_host.core();
    if (!core || m_itemIds.isEmpty()) {
        m_items.clear();
        return;
    }
    try {
        const auto record = core->consents().prepare(request());
        QList<QVariantMap> rows;
        for (const auto &item : record.items) {
            QVariantMap row{{QStringLiteral("kind"), domain::toString(item.kind)},
                            {QStringLiteral("itemId"), item.id},
                            {QStringLiteral("description"), item.description}};
            if (item.kind == domain::ItemKind::Photo) {
                row.insert(QStringLiteral("source"),
                           QStringLiteral("image://vault/thumb/") + item.id);
                row.insert(QStringLiteral("fullSource"),
                           QStringLiteral("image://vault/photo/") + item.id);
            } else if (const auto version = core->library().storyVersion(item.id)) {
                row.insert(QStringLiteral("text"), version->text);
            }
            rows.append(row);
        }
        m_items.setRows(std::move(rows));
    } catch (const std::exception &e) {
        setError(LibraryController::messageFor(e));
    }
}

QString ConsentSession::formTitle() const {
    const auto *t = form();
    return t ? t->title() : QString();
}

QString ConsentSession::agreeStatement() const {
    const auto *t = form();
    return t ? t->agreeStatement() : QString();
}

QString ConsentSession::signatureMeaning() const {
    const auto *t = form();
    return t ? t->signatureMeaning() : QString();
}

QVariantList ConsentSession::choices(const QString &prefix, const QStringList &codes) const {
    QVariantList result;
    const auto *t = form();
    for (const QString &code : codes) {
        result.append(
            QVariantMap{{QStringLiteral("code"), code},
                        {QStringLiteral("label"), t ? t->label(prefix + u'.' + code) : code}});
    }
    return result;
}

QVariantList ConsentSession::platformChoices() const {
    return choices(QStringLiteral("platform"),
                   ordered(m_allowedPlatforms, domain::vocabulary::platforms()));
}

QVariantList ConsentSession::audienceChoices() const {
    return choices(QStringLiteral("audience"), domain::vocabulary::audiences());
}

QVariantList ConsentSession::purposeChoices() const {
    return choices(QStringLiteral("purpose"), domain::vocabulary::purposes());
}

QVariantList ConsentSession::roleChoices() const {
    return choices(QStringLiteral("role"), domain::vocabulary::signerRoles());
}

void ConsentSession::setPlatforms(const QStringList &codes) {
    const QStringList next = ordered(codes, m_allowedPlatforms);
    if (next == m_platforms)
        return;
    m_platforms = next;
    emit scopeChanged();
}

void ConsentSession::setAudiences(const QStringList &codes) {
    const QStringList next = ordered(codes, domain::vocabulary::audiences());
    if (next == m_audiences)
        return;
    m_audiences = next;
    emit scopeChanged();
}

void ConsentSession::setPurposes(const QStringList &codes) {
    const QStringList next = ordered(codes, domain::vocabulary::purposes());
    if (next == m_purposes)
        return;
    m_purposes = next;
    emit scopeChanged();
}

void ConsentSession::setIdentifiable(bool identifiable) {
    if (identifiable == m_identifiable)
        return;
    m_identifiable = identifiable;
    emit scopeChanged();
}

void ConsentSession::setExpiryKind(const QString &kind) {
    if (kind == m_expiryKind || (kind != QLatin1String("date") && kind != QLatin1String("event")))
        return;
    m_expiryKind = kind;
    emit scopeChanged();
}

void ConsentSession::setExpiryDate(const QDate &date) {
    if (update(m_expiryDate, date))
        emit scopeChanged();
}

void ConsentSession::setExpiryEvent(const QString &event) {
    if (update(m_expiryEvent, event))
        emit scopeChanged();
}

QDate ConsentSession::latestExpiryDate() const {
    if (m_maxDurationDays <= 0)
        return {};
    return m_host.now().toLocalTime().date().addDays(m_maxDurationDays);
}

QList<int> ConsentSession::durationChoices() const {
    QList<int> result;
    const QDate today = m_host.now().toLocalTime().date();
    for (int months : {3, 6, 12, 24, 36, 60, 120}) {
        if (today.addMonths(months) <= latestExpiryDate())
            result.append(months);
    }
    return result;
}

void ConsentSession::chooseExpiryMonths(int months) {
    const QDate latest = latestExpiryDate();
    const QDate chosen = months > 0 ? m_host.now().toLocalTime().date().addMonths(months) : latest;
    setExpiryDate(std::min(chosen, latest));
}

QString ConsentSession::expiryDateText() const {
    const auto *t = form();
    if (!t || !m_expiryDate.isValid())
        return {};
    try {
        return t->formatDate(m_expiryDate);
    } catch (const domain::TemplateError &) {
        return {};
    }
}

QString ConsentSession::scopeProblem() const {
    if (!m_identifiable && !m_deidentifiedPossible)
        return tr("Sharing with your identity hidden is not possible yet: your clinician has not "
                  "marked which parts of the photos identify you. Choose \"Yes\", or hand the "
                  "phone back to your clinician.");
    if (m_purposes.isEmpty())
        return tr("Choose at least one purpose.");
    if (m_platforms.isEmpty())
        return tr("Choose at least one place where it may be posted.");
    if (m_audiences.isEmpty())
        return tr("Choose who may see it.");
    const QDate today = m_host.now().toLocalTime().date();
    if (!m_expiryDate.isValid() || m_expiryDate < today)
        return tr("Choose an end date from today on.");
    if (m_expiryDate > latestExpiryDate())
        return tr("The end date can be at most %n day(s) from today.", nullptr, m_maxDurationDays);
    if (m_expiryKind == QLatin1String("event") && m_expiryEvent.trimmed().isEmpty())
        return tr("Describe the event that ends the consent.");
    return {};
}

QVariantList ConsentSession::sections() {
    auto *core = m_host.core();
    const auto *t = form();
    if (!core || !t)
        return {};
    try {
        const auto record = core->consents().prepare(request());
        QVariantList result;
        for (const auto &section : t->render(record.formInputs()))
            result.append(QVariantMap{{QStringLiteral("id"), section.id},
                                      {QStringLiteral("title"), section.title},
                                      {QStringLiteral("body"), section.body}});
        return result;
    } catch (const domain::TemplateError &) {
        setError(scopeProblem().isEmpty() ? tr("The form can't be shown for these choices.")
                                          : scopeProblem());
        return {};
    } catch (const std::exception &e) {
        setError(LibraryController::messageFor(e));
        return {};
    }
}

QVariantList ConsentSession::questions() const {
    QVariantList result;
    if (const auto *t = form()) {
        for (const auto &question : t->comprehension())
            result.append(QVariantMap{{QStringLiteral("id"), question.id},
                                      {QStringLiteral("question"), question.question},
                                      {QStringLiteral("answers"), question.answers}});
    }
    return result;
}

QVariantMap ConsentSession::answer(int question, int answer) {
    const auto *t = form();
    if (!t || question < 0 || question >= int(t->comprehension().size()))
        return {};
    const auto &asked = t->comprehension().at(std::size_t(question));
    const bool correct = answer == asked.correct;
    if (m_understood.size() != t->comprehension().size())
        m_understood.assign(t->comprehension().size(), false);
    m_understood[std::size_t(question)] = correct;
    emit comprehensionChanged();
    return {{QStringLiteral("correct"), correct},
            {QStringLiteral("explanation"), correct ? QString() : asked.explanation}};
}

bool ConsentSession::comprehensionPassed() const {
    return !m_understood.empty() &&
           std::all_of(m_understood.begin(), m_understood.end(), [](bool ok) { return ok; });
}

void ConsentSession::setSignerRole(const QString &role) {
    if (role == m_signerRole || !domain::vocabulary::isSignerRole(role))
        return;
    m_signerRole = role;
    emit signerChanged();
}

void ConsentSession::setSignerName(const QString &name) {
    if (update(m_signerName, name))
        emit signerChanged();
}

void ConsentSession::setRelationship(const QString &relationship) {
    if (update(m_relationship, relationship))
        emit signerChanged();
}

void ConsentSession::setAuthority(const QString &authority) {
    if (update(m_authority, authority))
        emit signerChanged();
}

void ConsentSession::setPrintedName(const QString &name) {
    if (update(m_printedName, name))
        emit signerChanged();
}

bool ConsentSession::setAuthorityDocument(const QString &photoId) {
    setError({});
    if (photoId.isEmpty()) {
        m_authorityDocument.clear();
        emit signerChanged();
        return true;
    }
    auto *core = m_host.core();
    if (!core || !m_active)
        return false;
    try {
        const auto photo = core->library().photo(photoId);
        if (!photo || photo->patientId != m_patientId ||
            photo->role != domain::PhotoRole::AuthorityDocument) {
            setError(tr("This photo is not an authority document of this patient."));
            return false;
        }
    } catch (const std::exception &e) {
        setError(LibraryController::messageFor(e));
        return false;
    }
    m_authorityDocument = photoId;
    emit signerChanged();
    return true;
}

QString ConsentSession::authorityDocumentSource() const {
    return m_authorityDocument.isEmpty()
               ? QString()
               : QStringLiteral("image://vault/thumb/") + m_authorityDocument;
}

QString ConsentSession::signerProblem() const {
    const bool patient = m_signerRole == QLatin1String("patient");
    if (!patient && m_signerName.trimmed().isEmpty())
        return tr("Enter the name of the person signing.");
    if (!patient && m_relationship.trimmed().isEmpty())
        return tr("Enter how the person signing is related to the patient.");
    if (!patient && m_authority.trimmed().isEmpty())
        return tr("Describe the authority to sign for the patient (for example a court order or "
                  "a power of attorney).");
    return {};
}

std::optional<domain::SignatureStrokes> ConsentSession::strokesFrom(const QVariantList &strokes,
                                                                    int padWidth, int padHeight) {
    domain::SignatureStrokes result;
    result.padWidth = padWidth;
    result.padHeight = padHeight;
    for (const QVariant &strokeValue : strokes) {
        if (!strokeValue.canConvert<QVariantList>())
            return std::nullopt;
        domain::Stroke stroke;
        for (const QVariant &pointValue : strokeValue.toList()) {
            const QVariantMap point = pointValue.toMap();
            if (!point.contains(QStringLiteral("x")) || !point.contains(QStringLiteral("y")) ||
                !point.contains(QStringLiteral("t")))
                return std::nullopt;
            stroke.push_back({qRound(point.value(QStringLiteral("x")).toDouble()),
                              qRound(point.value(QStringLiteral("y")).toDouble()),
                              qRound(point.value(QStringLiteral("t")).toDouble())});
        }
        if (!stroke.empty())
            result.strokes.push_back(std::move(stroke));
    }
    return result;
}

QString ConsentSession::describeSignatureProblem(domain::SignatureProblem problem) {
    switch (problem) {
    case domain::SignatureProblem::BadPad:
    case domain::SignatureProblem::OutOfBounds:
    case domain::SignatureProblem::TooLarge:
        return tr("The signature could not be read. Please clear it and sign again.");
    case domain::SignatureProblem::Empty:
        return tr("Please sign in the box.");
    case domain::SignatureProblem::TooFewPoints:
    case domain::SignatureProblem::TooSmall:
    case domain::SignatureProblem::TooShort:
    case domain::SignatureProblem::StraightLine:
        return tr("This looks like a mark rather than a signature. Please sign your name as you "
                  "usually do.");
    }
    return {};
}

QString ConsentSession::judge(const QVariantList &strokes, int padWidth, int padHeight,
                              std::optional<domain::SignatureStrokes> &accepted) {
    accepted = strokesFrom(strokes, padWidth, padHeight);
    if (!accepted)
        return describeSignatureProblem(domain::SignatureProblem::OutOfBounds);
    if (const auto problem = domain::signatureProblem(*accepted)) {
        accepted.reset();
        return describeSignatureProblem(*problem);
    }
    return {};
}

QString ConsentSession::setSignature(const QVariantList &strokes, int padWidth, int padHeight) {
    std::optional<domain::SignatureStrokes> converted;
    if (QString problem = judge(strokes, padWidth, padHeight, converted); !problem.isEmpty())
        return problem;
    m_strokes = std::move(converted);
    m_signedAt = m_host.now();
    emit signatureChanged();
    return {};
}

void ConsentSession::clearSignature() {
    m_strokes.reset();
    m_signedAt = {};
    m_agreedAt = {};
    emit signatureChanged();
}

void ConsentSession::agree() {
    if (!m_strokes)
        return;
    m_agreedAt = m_host.now();
    emit signatureChanged();
}

QString ConsentSession::setWitness(const QString &name, const QVariantList &strokes, int padWidth,
                                   int padHeight) {
    if (name.trimmed().isEmpty())
        return tr("Enter the witness's name.");
    std::optional<domain::SignatureStrokes> converted;
    if (QString problem = judge(strokes, padWidth, padHeight, converted); !problem.isEmpty())
        return problem;
    m_witness = domain::Witness{name.trimmed(), std::move(*converted), m_host.now()};
    emit signatureChanged();
    return {};
}

void ConsentSession::clearWitness() {
    m_witness.reset();
    emit signatureChanged();
}

services::ConsentRequest ConsentSession::request() const {
    services::ConsentRequest request;
    request.patientId = m_patientId;
    request.itemIds = m_itemIds;
    request.language = m_language.isEmpty() ? QStringLiteral("en") : m_language;
    request.platforms = m_platforms;
    request.audiences = m_audiences;
    request.purposes = m_purposes;
    request.identifiable = m_identifiable;
    request.expiry.kind = m_expiryKind == QLatin1String("event") ? domain::Expiry::Kind::Event
                                                                 : domain::Expiry::Kind::Date;
    request.expiry.date = m_expiryDate;
    if (request.expiry.kind == domain::Expiry::Kind::Event)
        request.expiry.event = m_expiryEvent.trimmed();
    request.utcOffsetMinutes = m_host.now().toLocalTime().offsetFromUtc() / 60;
    request.paid = m_paid;
    request.compensationDescription = m_compensationDescription;
    request.signer.role = m_signerRole;
    const bool patient = m_signerRole == QLatin1String("patient");
    request.signer.name = patient ? m_patientName : m_signerName.trimmed();
    if (!patient) {
        request.signer.relationship = m_relationship.trimmed();
        request.signer.authority = m_authority.trimmed();
        request.signer.authorityDocument = m_authorityDocument;
    }
    if (m_strokes)
        request.strokes = *m_strokes;
    request.printedName = m_printedName.trimmed();
    request.signedAt = m_signedAt;
    request.agreed = m_agreedAt.isValid();
    request.agreedAt = m_agreedAt;
    request.witness = m_witness;
    return request;
}

QString ConsentSession::describeElement(const QString &element) {
    namespace e = domain::element;
    const QByteArray id = element.toUtf8();
    if (id == e::Items)
        return tr("What will be shared");
    if (id == e::Discloser)
        return tr("The clinician's profile (Settings)");
    if (id == e::Recipients)
        return tr("Where it may be posted and who may see it");
    if (id == e::Purposes)
        return tr("The purposes");
    if (id == e::Identifiability)
        return tr("The regions that identify the patient must be marked on each photo before a "
                  "de-identified-only consent");
    if (id == e::Expiry)
        return tr("An end date within the practice's maximum");
    if (id == e::Signer || id == e::Representative)
        return tr("Who signs, and for a representative the relationship and authority");
    if (id == e::Signature)
        return tr("The signature");
    if (id == e::PrintedName)
        return tr("The printed name");
    if (id == e::SignatureDate)
        return tr("The date of the signature");
    if (id == e::Intent)
        return tr("The explicit agreement (\"I agree\")");
    if (id == e::Witness)
        return tr("The witness's signature (required by the practice)");
    if (id == e::Clinician)
        return tr("The clinician's countersignature");
    return tr("The consent form itself (%1)").arg(element);
}

QStringList ConsentSession::missing() {
    auto *core = m_host.core();
    if (!core || !m_active)
        return {};
    try {
        QStringList result;
        for (const auto &defect : core->consents().validate(request())) {
            if (defect.element == QLatin1String(domain::element::Clinician) ||
                defect.element == QLatin1String(domain::element::Timeline))
                continue; // the countersignature comes last, and with it the time order
            const QString text = describeElement(defect.element);
            if (!result.contains(text))
                result.append(text);
        }
        if (!comprehensionPassed())
            result.prepend(tr("The questions about the form"));
        return result;
    } catch (const std::exception &e) {
        return {LibraryController::messageFor(e)};
    }
}

bool ConsentSession::countersign(const QString &passcode) {
    setError({});
    auto *core = m_host.core();
    if (!core || !m_active)
        return false;
    const QStringList stillMissing = missing();
    if (!stillMissing.isEmpty()) {
        setError(tr("Not ready to seal. Still missing: %1")
                     .arg(stillMissing.join(QStringLiteral("; "))));
        return false;
    }
    if (const QString problem = m_app.verifyPasscode(passcode); !problem.isEmpty()) {
        setError(problem);
        return false;
    }
    auto sealing = request();
    sealing.countersignedAt = m_host.now();
    try {
        const auto sealed = core->consents().seal(sealing);
        m_sealedConsentId = sealed.id;
        emit sealedConsentIdChanged();
    } catch (const services::SealRefused &refused) {
        QStringList texts;
        for (const auto &defect : refused.defects())
            texts.append(describeElement(defect.element));
        setError(tr("The consent could not be sealed. Missing: %1")
                     .arg(texts.join(QStringLiteral("; "))));
        return false;
    } catch (const std::exception &e) {
        setError(LibraryController::messageFor(e));
        return false;
    }
    finish();
    return true;
}

bool ConsentSession::cancel(const QString &passcode) {
    setError({});
    if (!m_active)
        return false;
    if (const QString problem = m_app.verifyPasscode(passcode); !problem.isEmpty()) {
        setError(problem);
        return false;
    }
    m_sealedConsentId.clear();
    emit sealedConsentIdChanged();
    finish();
    return true;
}

void ConsentSession::finish() {
    const QString sealed = m_sealedConsentId;
    reset();
    m_sealedConsentId = sealed;
    emit sealedConsentIdChanged();
    m_app.leavePatientMode();
}

void ConsentSession::reset() {
    const bool wasActive = m_active;
    m_active = false;
    m_patientId.clear();
    m_patientName.clear();
    m_itemIds.clear();
    m_items.clear();
    m_platforms.clear();
    m_audiences.clear();
    m_purposes.clear();
    m_identifiable = false;
    m_paid = false;
    m_compensationDescription.clear();
    m_deidentifiedPossible = true;
    m_expiryKind = QStringLiteral("date");
    m_expiryDate = {};
    m_expiryEvent.clear();
    m_understood.clear();
    m_signerRole = QStringLiteral("patient");
    m_signerName.clear();
    m_relationship.clear();
    m_authority.clear();
    m_printedName.clear();
    m_authorityDocument.clear();
    m_strokes.reset();
    m_signedAt = {};
    m_agreedAt = {};
    m_witness.reset();
    m_sealedConsentId.clear();
    m_language.clear();
    setError({});
    if (wasActive) {
        m_uiLanguage.restoreClinicianLanguage();
        emit activeChanged();
        emit formChanged();
        emit scopeChanged();
        emit signerChanged();
        emit signatureChanged();
        emit comprehensionChanged();
        emit sealedConsentIdChanged();
    }
}

void ConsentSession::setError(const QString &message) {
    if (update(m_errorMessage, message))
        emit errorMessageChanged();
}

} // namespace cc::ui
