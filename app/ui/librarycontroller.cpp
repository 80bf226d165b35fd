#include "ui/librarycontroller.h"

#include "domain/consentrecord.h"
#include "domain/redaction.h"
#include "imaging/facehints.h" // FaceHintsError
#include "services/consentcore.h"
#include "services/imagecodec.h"
#include "services/serviceerror.h"
#include "services/vault.h"
#include "ui/consentbadges.h"
#include "ui/corehost.h"

#include <QLocale>

namespace cc::ui {

namespace {

const QStringList patientRoles{QStringLiteral("patientId"), QStringLiteral("displayName"),
                               QStringLiteral("mrn"), QStringLiteral("birthDate"),
                               QStringLiteral("subtitle")};
const QStringList photoRoles{QStringLiteral("photoId"),    QStringLiteral("source"),
                             QStringLiteral("fullSource"), QStringLiteral("capturedAt"),
                             QStringLiteral("derivative"), QStringLiteral("regionCount"),
                             QStringLiteral("badge"),      QStringLiteral("badgeText")};
const QStringList storyRoles{QStringLiteral("storyId"),   QStringLiteral("title"),
                             QStringLiteral("storyText"), QStringLiteral("version"),
                             QStringLiteral("versionId"), QStringLiteral("badge"),
                             QStringLiteral("badgeText")};
const QStringList consentRoles{QStringLiteral("consentId"),  QStringLiteral("status"),
                               QStringLiteral("statusText"), QStringLiteral("sealedAt"),
                               QStringLiteral("expiresAt"),  QStringLiteral("signerName"),
                               QStringLiteral("language"),   QStringLiteral("itemCount")};

QString shortDate(const QDate &date) {
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString shortDateTime(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

template<typename Status>
std::optional<services::ConsentStatus> lookup(const QHash<QString, Status> &badges,
                                              const QString &id) {
    const auto found = badges.constFind(id);
    if (found == badges.constEnd())
        return std::nullopt;
    return *found;
}

} // namespace

LibraryController::LibraryController(CoreHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_patients(patientRoles)
    , m_photos(photoRoles)
    , m_stories(storyRoles)
    , m_consents(consentRoles) {
    connect(&m_host, &CoreHost::opened, this, &LibraryController::reloadPatients);
    connect(&m_host, &CoreHost::closing, this, &LibraryController::clearAll);
    if (m_host.isOpen())
        reloadPatients();
}

void LibraryController::setSearch(const QString &search) {
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    reloadPatients();
}

QString LibraryController::addPatient(const QString &displayName, const QString &mrn,
                                      const QString &birthDate) {
    clearError();
    auto *core = m_host.core();
    if (!core)
        return {};
    if (displayName.trimmed().isEmpty()) {
        setError(tr("Enter the patient's name."));
        return {};
    }
    QDate birth;
    if (!birthDate.trimmed().isEmpty()) {
        birth = QDate::fromString(birthDate.trimmed(), Qt::ISODate);
        if (!birth.isValid()) {
            setError(tr("Enter the birth date as year-month-day, for example 1984-03-05."));
            return {};
        }
        if (birth > m_host.now().date()) {
            setError(tr("The birth date is in the future."));
            return {};
        }
    }
    try {
        const auto patient =
            core->library().addPatient(displayName.trimmed(), mrn.trimmed(), birth);
        reloadPatients();
        return patient.id;
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return {};
    }
}

bool LibraryController::openPatient(const QString &patientId) {
    clearError();
    auto *core = m_host.core();
    if (!core)
        return false;
    try {
        const auto patient = core->library().patient(patientId);
        if (!patient) {
            setError(tr("This patient is no longer in the vault."));
            return false;
        }
        m_patientId = patient->id;
        m_patientName = patient->displayName;
        m_patientMrn = patient->mrn;
        m_patientBirthDate = shortDate(patient->birthDate);
        m_patientSubtitle = subtitle(patient->mrn, patient->birthDate);
        emit patientChanged();
        reloadPatient();
        return true;
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return false;
    }
}

void LibraryController::refresh() {
    reloadPatients();
    if (!m_patientId.isEmpty())
        reloadPatient();
}

QString LibraryController::saveStory(const QString &storyId, const QString &title,
                                     const QString &text) {
    clearError();
    auto *core = m_host.core();
    if (!core)
        return {};
    if (text.trimmed().isEmpty()) {
        setError(tr("Write the story before saving it."));
        return {};
    }
    try {
        QString id = storyId;
        if (id.isEmpty()) {
            if (title.trimmed().isEmpty()) {
                setError(tr("Give the story a title."));
                return {};
            }
            id = core->library().addStory(m_patientId, title.trimmed(), text).first.id;
        } else {
            const auto versions = core->library().storyVersions(id);
            if (versions.empty() || versions.back().text != text)
                (void)core->library().editStory(id, text);
        }
        reloadPatient();
        return id;
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return {};
    }
}

QVariantMap LibraryController::story(const QString &storyId) const {
    auto *core = m_host.core();
    if (!core)
        return {};
    try {
        const auto story = core->library().story(storyId);
        const auto versions = core->library().storyVersions(storyId);
        if (!story || versions.empty())
            return {};
        return {{QStringLiteral("storyId"), story->id},
                {QStringLiteral("title"), story->title},
                {QStringLiteral("text"), versions.back().text},
                {QStringLiteral("version"), versions.back().version}};
    } catch (const std::exception &) {
        return {};
    }
}

QVariantList LibraryController::identifyingRegions(const QString &photoId) const {
    auto *core = m_host.core();
    if (!core)
        return {};
    try {
        const auto photo = core->library().photo(photoId);
        if (!photo)
            return {};
        QVariantList result;
        constexpr double scale = domain::NormRect::Scale;
        for (const auto &r : photo->identifyingRegions)
            result.append(QVariantMap{{QStringLiteral("x"), r.x / scale},
                                      {QStringLiteral("y"), r.y / scale},
                                      {QStringLiteral("w"), r.w / scale},
                                      {QStringLiteral("h"), r.h / scale}});
        return result;
    } catch (const std::exception &) {
        return {};
    }
}

bool LibraryController::markIdentifyingRegions(const QString &photoId,
                                               const QVariantList &regions) {
    clearError();
    auto *core = m_host.core();
    if (!core)
        return false;
    std::vector<domain::NormRect> rects;
    constexpr double scale = domain::NormRect::Scale;
    for (const QVariant &value : regions) {
        const QVariantMap map = value.toMap();
        const auto at = [&map](const char *key) {
            return qRound(map.value(QLatin1String(key)).toDouble() * scale);
        };
        const domain::NormRect rect{at("x"), at("y"), at("w"), at("h")};
        if (!rect.isValid()) {
            setError(tr("A marked region must lie inside the photo."));
            return false;
        }
        rects.push_back(rect);
    }
    try {
        core->library().markIdentifyingRegions(photoId, rects);
        reloadPatient();
        return true;
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return false;
    }
}

QString LibraryController::deriveRedacted(const QString &photoId, const QVariantList &redactions) {
    clearError();
    auto *core = m_host.core();
    if (!core)
        return {};
    if (redactions.isEmpty()) {
        setError(tr("Draw at least one box to redact."));
        return {};
    }
    std::vector<domain::Redaction> list;
    constexpr double scale = domain::NormRect::Scale;
    for (const QVariant &value : redactions) {
        const QVariantMap map = value.toMap();
        const auto at = [&map](const char *key) {
            return qRound(map.value(QLatin1String(key)).toDouble() * scale);
        };
        const domain::NormRect rect{at("x"), at("y"), at("w"), at("h")};
        const QString kind = map.value(QStringLiteral("kind")).toString();
        if (!rect.isValid() || (kind != QLatin1String("blur") && kind != QLatin1String("solid"))) {
            setError(tr("A redaction must lie inside the photo."));
            return {};
        }
        list.push_back({rect, kind == QLatin1String("blur") ? domain::RedactionKind::Blur
                                                            : domain::RedactionKind::Solid});
    }
    try {
        const auto copy = core->library().deriveRedacted(photoId, list);
        reloadPatient();
        return copy.id;
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return {};
    }
}

QVariantList LibraryController::faceHints(const QString &photoId) {
    clearError();
    auto *core = m_host.core();
    if (!core)
        return {};
    std::vector<domain::NormRect> found;
    try {
        const crypto::SecretBytes bytes = core->library().photoBytes(photoId);
        found = m_faceHints.find(bytes);
    } catch (const services::ImageError &) {
        setError(tr("This photo could not be read."));
        return {};
    } catch (const imaging::FaceHintsError &e) {
        qWarning("Face hints: %s", e.what()); // which module files were tried, or OpenCV's
        setError(tr("Face hints are not available on this device. Draw the boxes yourself."));
        return {};
    } catch (const std::exception &e) {
        setError(messageFor(e));
        return {};
    }
    QVariantList result;
    constexpr double scale = domain::NormRect::Scale;
    for (const auto &r : found)
        result.append(QVariantMap{{QStringLiteral("x"), r.x / scale},
                                  {QStringLiteral("y"), r.y / scale},
                                  {QStringLiteral("w"), r.w / scale},
                                  {QStringLiteral("h"), r.h / scale}});
    return result;
}

void LibraryController::clearError() {
    setError({});
}

QString LibraryController::messageFor(const std::exception &error) {
    if (const auto *service = dynamic_cast<const services::ServiceError *>(&error)) {
        switch (service->kind()) {
        case services::ServiceError::Kind::NotFound:
            return tr("That item is no longer in the vault.");
        case services::ServiceError::Kind::Invalid:
            return tr("The vault can't accept this input.");
        case services::ServiceError::Kind::Refused:
            return tr("The consent rules don't allow this.");
        case services::ServiceError::Kind::Conflict:
            return tr("This was already done.");
        case services::ServiceError::Kind::Image:
            return tr("This file is not a photo the app accepts (JPEG or PNG).");
        case services::ServiceError::Kind::Storage:
            return tr("The vault could not be read or written. Nothing was changed.");
        case services::ServiceError::Kind::ReadOnly:
            return tr("This vault is open for inspection only.");
        }
    }
    if (dynamic_cast<const services::VaultException *>(&error))
        return tr("The vault is locked.");
    return tr("Something went wrong. Nothing was changed.");
}

void LibraryController::reloadPatients() {
    auto *core = m_host.core();
    if (!core) {
        m_patients.clear();
        return;
    }
    try {
        QList<QVariantMap> rows;
        for (const auto &patient : core->library().patients(m_search.trimmed(), 500)) {
            rows.append({{QStringLiteral("patientId"), patient.id},
                         {QStringLiteral("displayName"), patient.displayName},
                         {QStringLiteral("mrn"), patient.mrn},
                         {QStringLiteral("birthDate"), shortDate(patient.birthDate)},
                         {QStringLiteral("subtitle"), subtitle(patient.mrn, patient.birthDate)}});
        }
        m_patients.setRows(std::move(rows));
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
}

void LibraryController::reloadPatient() {
    auto *core = m_host.core();
    if (!core || m_patientId.isEmpty())
        return;
    try {
        const QDateTime now = m_host.now();
        const auto badges = ConsentBadges::forPatient(*core, m_patientId, now);

        QList<QVariantMap> photos;
        for (const auto &photo : core->library().photos(m_patientId)) {
            const auto status = lookup(badges, photo.id);
            photos.append(
                {{QStringLiteral("photoId"), photo.id},
                 {QStringLiteral("source"), QStringLiteral("image://vault/thumb/") + photo.id},
                 {QStringLiteral("fullSource"), QStringLiteral("image://vault/photo/") + photo.id},
                 {QStringLiteral("capturedAt"), shortDateTime(photo.capturedAt)},
                 {QStringLiteral("derivative"), photo.isDerivative()},
                 {QStringLiteral("regionCount"), int(photo.identifyingRegions.size())},
                 {QStringLiteral("badge"), ConsentBadges::code(status)},
                 {QStringLiteral("badgeText"), ConsentBadges::label(status)}});
        }
        m_photos.setRows(std::move(photos));

        QList<QVariantMap> stories;
        for (const auto &story : core->library().stories(m_patientId)) {
            const auto versions = core->library().storyVersions(story.id);
            if (versions.empty())
                continue;
            const auto status = lookup(badges, story.id);
            stories.append({{QStringLiteral("storyId"), story.id},
                            {QStringLiteral("title"), story.title},
                            {QStringLiteral("storyText"), versions.back().text},
                            {QStringLiteral("version"), versions.back().version},
                            {QStringLiteral("versionId"), versions.back().id},
                            {QStringLiteral("badge"), ConsentBadges::code(status)},
                            {QStringLiteral("badgeText"), ConsentBadges::label(status)}});
        }
        m_stories.setRows(std::move(stories));

        QList<QVariantMap> consents;
        for (const auto &consent : core->consents().forPatient(m_patientId)) {
            const auto status = core->consents().status(consent, now);
            QString signer;
            QString language;
            int items = 0;
            try {
                const auto record = domain::parseSealedRecord(consent.record);
                signer = record.printedName;
                language = record.language;
                items = int(record.items.size());
            } catch (const domain::RecordError &) {
                // The status says Invalid; the row still shows that the consent exists.
            }
            consents.append({{QStringLiteral("consentId"), consent.id},
                             {QStringLiteral("status"), ConsentBadges::code(status)},
                             {QStringLiteral("statusText"), ConsentBadges::label(status)},
                             {QStringLiteral("sealedAt"), shortDateTime(consent.sealedAt)},
                             {QStringLiteral("expiresAt"), shortDate(consent.expiresAt.date())},
                             {QStringLiteral("signerName"), signer},
                             {QStringLiteral("language"), language},
                             {QStringLiteral("itemCount"), items}});
        }
        m_consents.setRows(std::move(consents));
    } catch (const std::exception &e) {
        setError(messageFor(e));
    }
}

void LibraryController::clearAll() {
    m_patients.clear();
    m_photos.clear();
    m_stories.clear();
    m_consents.clear();
    m_patientId.clear();
    m_patientName.clear();
    m_patientMrn.clear();
    m_patientBirthDate.clear();
    m_patientSubtitle.clear();
    m_search.clear();
    emit searchChanged();
    emit patientChanged();
    clearError();
}

QString LibraryController::subtitle(const QString &mrn, const QDate &birthDate) {
    QStringList parts;
    if (!mrn.isEmpty())
        parts << tr("MRN %1").arg(mrn);
    if (birthDate.isValid())
        parts << tr("Born %1").arg(shortDate(birthDate));
    return parts.join(QStringLiteral(" · "));
}

void LibraryController::setError(const QString &message) {
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

} // namespace cc::ui
