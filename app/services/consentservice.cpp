#include "services/consentservice.h"

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "domain/ids.h"
#include "domain/timestamps.h"
#include "services/servicesupport.h"
#include "services/settingsservice.h"
#include "services/verifiedrecords.h"
#include "storage/auditlog.h"
#include "storage/consentrepository.h"
#include "storage/patientrepository.h"
#include "storage/photorepository.h"
#include "storage/storyrepository.h"

#include <QJsonArray>
#include <QTimeZone>

#include <cstdlib>

namespace cc::services {

using support::guarded;

namespace {

crypto::ByteView bytesOf(const QByteArray &data) {
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size())};
}

} // namespace

QString toString(ConsentStatus status) {
    switch (status) {
    case ConsentStatus::Valid:
        return QStringLiteral("valid");
    case ConsentStatus::ExpiringSoon:
        return QStringLiteral("expiring_soon");
    case ConsentStatus::NotStarted:
        return QStringLiteral("not_started");
    case ConsentStatus::Expired:
        return QStringLiteral("expired");
    case ConsentStatus::Revoked:
        return QStringLiteral("revoked");
    case ConsentStatus::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

domain::ConsentRecord ConsentService::build(const ConsentRequest &request) {
    const auto patient = guarded(
        [&] { return storage::PatientRepository(m_vault.database()).find(request.patientId); });
    if (!patient)
        support::notFound("patient", request.patientId);
    const domain::ConsentTemplate *form =
        m_templates.latest(QStringLiteral("media-release"), request.language);
    if (!form)
        support::invalid(
            QStringLiteral("there is no consent form in the language '%1'").arg(request.language));

    SettingsService settings(m_vault);
    const domain::ClinicianProfile clinician = settings.clinician();

    domain::ConsentRecord record;
    record.vaultId = m_vault.vaultId();
    record.patientId = patient->id;
    record.patientName = patient->displayName;
    record.templateId = form->id();
    record.templateVersion = form->version();
    record.language = form->language();
    record.sections = form->sectionIds();

    // Items: resolved to exactly what the signer is shown, hashed from the stored rows,
    // described in the form's language with dates in the signer's zone.
    constexpr int LargestOffsetMinutes = 14 * 60;
    if (std::abs(request.utcOffsetMinutes) > LargestOffsetMinutes)
        support::invalid(QStringLiteral("%1 minutes is not a time zone's offset from UTC")
                             .arg(request.utcOffsetMinutes));
    const QTimeZone zone(request.utcOffsetMinutes * 60);
    int photoNumber = 0;
    guarded([&] {
        storage::PhotoRepository photos(m_vault.database());
        storage::StoryRepository stories(m_vault.database());
        for (const QString &itemId : request.itemIds) {
            const auto kind = domain::ids::kindOf(itemId);
            if (kind == domain::ids::Kind::Photo) {
                const auto photo = photos.find(itemId);
                if (!photo)
                    support::notFound("photo", itemId);
                if (photo->patientId != patient->id || photo->role != domain::PhotoRole::Clinical)
                    support::invalid(
                        QStringLiteral("%1 is not a clinical photo of this patient").arg(itemId));
                // The regions that identify the patient, as marked now: sealed with the
                // consent (an original's marks, for a redacted copy).
                std::vector<domain::NormRect> regions = photo->identifyingRegions;
                if (photo->isDerivative()) {
                    const auto original = photos.find(photo->originalId);
                    if (!original)
                        throw ServiceError(ServiceError::Kind::Storage,
                                           "a redacted copy's original is missing");
                    regions = original->identifyingRegions;
                }
                record.items.push_back(
                    {domain::ItemKind::Photo, photo->id, photo->sha256,
                     form->describePhoto(++photoNumber, photo->capturedAt.toTimeZone(zone).date()),
                     regions});
                continue;
            }
            const auto version = stories.resolve(itemId);
            if (!version)
                support::notFound("photo or story", itemId);
            const auto story = stories.findStory(version->storyId);
            if (!story || story->patientId != patient->id)
                support::invalid(QStringLiteral("%1 is not a story of this patient").arg(itemId));
            record.items.push_back({domain::ItemKind::Story, version->id, version->sha256,
                                    form->describeStory(story->title, version->version)});
        }
    });

    record.clinicianName = clinician.name;
    record.clinicianCredentials = clinician.credentials;
    record.practiceName = clinician.practice;
    record.practiceContact = clinician.practiceContact;
    record.platforms = request.platforms;
    record.audiences = request.audiences;
    record.purposes = request.purposes;
    record.identifiable = request.identifiable;
    record.expiry = request.expiry;
    record.utcOffsetMinutes = request.utcOffsetMinutes;
    record.paid = request.paid;
    record.compensationDescription = request.paid ? request.compensationDescription : QString();
    record.signer = request.signer;
    record.signer.authorityDocumentSha256.clear();
    if (!request.signer.authorityDocument.isEmpty()) {
        // The representative's authority document is sealed by its hash, like an item.
        const auto document = guarded([&] {
            return storage::PhotoRepository(m_vault.database())
                .find(request.signer.authorityDocument);
        });
        if (!document || document->patientId != patient->id ||
            document->role != domain::PhotoRole::AuthorityDocument)
            support::invalid(QStringLiteral("the authority document must be a photo stored as "
                                            "this patient's authority document"));
        record.signer.authorityDocumentSha256 = document->sha256;
    }
    record.strokes = request.strokes;
    record.printedName = request.printedName;
    record.signedAt = request.signedAt.toUTC();
    record.signatureMeaning = form->signatureMeaning();
    record.agreed = request.agreed;
    record.agreeStatement = form->agreeStatement();
    record.agreedAt = request.agreedAt.toUTC();
    record.witness = request.witness;
    if (record.witness)
        record.witness->signedAt = record.witness->signedAt.toUTC();
    record.countersignedAt = request.countersignedAt.toUTC();
    record.policy = settings.policy();
    record.startsAt = request.startsAt.toUTC();
    try {
        record.formTextSha256 = form->textSha256(record.formInputs());
    } catch (const domain::TemplateError &) {
        // Choices the form can't show: the validator names what is missing.
    }
    return record;
}

domain::ConsentRecord ConsentService::prepare(const ConsentRequest &request) {
    return build(request);
}

std::vector<domain::Defect> ConsentService::validate(const ConsentRequest &request) {
    domain::ConsentRecord record = build(request);
    if (!record.startsAt.isValid())
        record.startsAt = m_vault.clock()().toUTC();
    return domain::validateConsent(record, m_templates);
}

domain::SealedConsent ConsentService::seal(const ConsentRequest &request) {
    auto transaction = support::beginChange(m_vault);
    domain::ConsentRecord record = build(request);
    const QDateTime now = m_vault.clock()().toUTC();
    record.id = domain::ids::generate(domain::ids::Kind::Consent);
    record.sealedAt = now;
    if (!record.startsAt.isValid())
        record.startsAt = now;
    record.deviceKey = QString::fromStdString(crypto::toHex(m_vault.devicePublicKey()));

    if (auto defects = domain::validateConsent(record, m_templates); !defects.empty())
        throw SealRefused(std::move(defects));

    QByteArray bytes;
    try {
        bytes = record.canonical();
    } catch (const domain::JsonError &error) {
        support::invalid(QStringLiteral("the consent holds text that can't be sealed: %1")
                             .arg(QString::fromUtf8(error.what())));
    }
    const auto digest = crypto::sha256(bytesOf(bytes));
    const crypto::Bytes signature = m_vault.deviceKey().sign(digest);

    domain::SealedConsent sealed;
    sealed.id = record.id;
    sealed.patientId = record.patientId;
    sealed.record = bytes;
    sealed.recordSha256 = QString::fromStdString(crypto::toHex(digest));
    sealed.signature =
        QByteArray(reinterpret_cast<const char *>(signature.data()), qsizetype(signature.size()));
    sealed.sealedAt = record.sealedAt;
    sealed.startsAt = record.startsAt;
    sealed.expiresAt = record.expiresAt();

    QJsonArray items;
    for (const auto &item : record.items)
        items.append(item.id);
    guarded([&] {
        storage::ConsentRepository(m_vault.database()).insert(sealed, record.items);
        m_vault.audit().append(QStringLiteral("consent.sealed"), now,
                               {{QStringLiteral("consent"), sealed.id},
                                {QStringLiteral("patient"), sealed.patientId},
                                {QStringLiteral("recordSha256"), sealed.recordSha256},
                                {QStringLiteral("items"), items}},
                               {sealed.patientId, sealed.id, {}});
        transaction.commit();
    });
    return sealed;
}

std::optional<domain::SealedConsent> ConsentService::find(const QString &id) {
    return guarded([&] { return storage::ConsentRepository(m_vault.database()).find(id); });
}

std::vector<domain::SealedConsent> ConsentService::forPatient(const QString &patientId) {
    return guarded(
        [&] { return storage::ConsentRepository(m_vault.database()).listForPatient(patientId); });
}

ConsentCheck ConsentService::check(const domain::SealedConsent &consent) {
    const auto digest = crypto::sha256(bytesOf(consent.record));
    VerifiedRecords &verified = m_vault.verifiedRecords();
    std::optional<RecordVerification> verification = verified.find(consent, digest);
    if (!verification) {
        verification = verify(consent, digest);
        if (verification->intact) {
            verification->defects = domain::validateConsent(*verification->record, m_templates);
            verification->catalogStamp = m_templates.stamp();
        }
        verified.remember(consent, digest, *verification);
    }
    ConsentCheck result;
    result.record = std::move(verification->record);
    result.intact = verification->intact;
    result.integrityProblem = std::move(verification->integrityProblem);
    if (result.intact)
        result.defects = verification->catalogStamp == m_templates.stamp()
                             ? std::move(verification->defects)
                             : domain::validateConsent(*result.record, m_templates);
    return result;
}

RecordVerification ConsentService::verify(const domain::SealedConsent &consent,
                                          const crypto::Sha256Digest &digest) {
    RecordVerification result;
    try {
        result.record = domain::parseSealedRecord(consent.record);
    } catch (const domain::RecordError &error) {
        result.integrityProblem = QString::fromUtf8(error.what());
        return result;
    }
    const QString digestHex = QString::fromStdString(crypto::toHex(digest));
    const crypto::Bytes publicKey = m_vault.devicePublicKey();
    const QString keyHex = QString::fromStdString(crypto::toHex(publicKey));
    if (digestHex != consent.recordSha256)
        result.integrityProblem = QStringLiteral("the record does not match its stored hash");
    else if (result.record->deviceKey != keyHex)
        result.integrityProblem = QStringLiteral("the record names another device key");
    else if (!crypto::ed25519Verify(publicKey, digest, bytesOf(consent.signature)))
        result.integrityProblem = QStringLiteral("the signature does not verify");
    else if (result.record->id != consent.id || result.record->patientId != consent.patientId ||
             result.record->vaultId != m_vault.vaultId())
        result.integrityProblem = QStringLiteral("the record does not belong to this row");
    else
        result.intact = true;
    return result;
}

ConsentStatus ConsentService::status(const domain::SealedConsent &consent, const QDateTime &now) {
    const ConsentCheck checked = check(consent);
    if (!checked.intact || !checked.defects.empty())
        return ConsentStatus::Invalid;
    if (revocationOf(consent.id))
        return ConsentStatus::Revoked;
    const auto event = guarded(
        [&] { return storage::ConsentRepository(m_vault.database()).expiryEventOf(consent.id); });
    const QDateTime expiresAt = checked.record->expiresAt();
    if (now >= expiresAt || (event && now >= event->occurredAt))
        return ConsentStatus::Expired;
    if (now < checked.record->startsAt)
        return ConsentStatus::NotStarted;
    if (now.daysTo(expiresAt) <= ExpiringSoonDays)
        return ConsentStatus::ExpiringSoon;
    return ConsentStatus::Valid;
}

std::optional<domain::Revocation> ConsentService::revocationOf(const QString &consentId) {
    return guarded(
        [&] { return storage::ConsentRepository(m_vault.database()).revocationOf(consentId); });
}

void ConsentService::recordExpiryEvent(const QString &consentId, const QDateTime &occurredAt,
                                       const QString &note) {
    const auto consent = find(consentId);
    if (!consent)
        support::notFound("consent", consentId);
    const ConsentCheck checked = check(*consent);
    if (!checked.record || checked.record->expiry.kind != domain::Expiry::Kind::Event)
        support::invalid(QStringLiteral("the consent does not end with an event"));
    const QDateTime now = m_vault.clock()().toUTC();
    if (!occurredAt.isValid() || occurredAt > now)
        support::invalid(QStringLiteral("the event's time must be known and not in the future"));
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::ConsentRepository consents(m_vault.database());
        if (consents.expiryEventOf(consentId))
            throw ServiceError(ServiceError::Kind::Conflict,
                               "the consent's expiry event is already recorded");
        consents.insertExpiryEvent({consentId, occurredAt.toUTC(), now, note});
        m_vault.audit().append(QStringLiteral("consent.expiry_event"), now,
                               {{QStringLiteral("consent"), consentId},
                                {QStringLiteral("patient"), consent->patientId},
                                {QStringLiteral("occurredAt"), domain::isoUtc(occurredAt)}},
                               {consent->patientId, consentId, {}});
        transaction.commit();
    });
}

} // namespace cc::services
