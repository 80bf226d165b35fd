#include "ui/consentbadges.h"

#include "domain/consentrecord.h"
#include "services/consentcore.h"

#include <QCoreApplication>

namespace cc::ui {

using services::ConsentStatus;

namespace {

int rank(ConsentStatus status) {
    switch (status) {
    case ConsentStatus::Valid:
        return 6;
    case ConsentStatus::ExpiringSoon:
        return 5;
    case ConsentStatus::NotStarted:
        return 4;
    case ConsentStatus::Revoked:
        return 3;
    case ConsentStatus::Expired:
        return 2;
    case ConsentStatus::Invalid:
        return 1;
    }
    return 0;
}

void offer(QHash<QString, ConsentStatus> &best, const QString &id, ConsentStatus status) {
    const auto found = best.constFind(id);
    if (found == best.constEnd() || ConsentBadges::better(status, *found))
        best.insert(id, status);
}

} // namespace

bool ConsentBadges::better(ConsentStatus a, ConsentStatus b) {
    return rank(a) > rank(b);
}

QHash<QString, ConsentStatus> ConsentBadges::forPatient(services::ConsentCore &core,
                                                        const QString &patientId,
                                                        const QDateTime &now) {
    // What each covered id stands for: story versions map to their story, but only the
    // latest version of a story counts.
    QHash<QString, QString> latestVersionOfStory;
    for (const auto &story : core.library().stories(patientId)) {
        const auto versions = core.library().storyVersions(story.id);
        if (!versions.empty())
            latestVersionOfStory.insert(versions.back().id, story.id);
    }

    QHash<QString, ConsentStatus> byCoveredId;
    for (const auto &consent : core.consents().forPatient(patientId)) {
        const ConsentStatus status = core.consents().status(consent, now);
        domain::ConsentRecord record;
        try {
            record = domain::parseSealedRecord(consent.record);
        } catch (const domain::RecordError &) {
            continue; // status() already says Invalid; nothing it names can be trusted
        }
        for (const auto &item : record.items)
            offer(byCoveredId, item.id, status);
    }

    QHash<QString, ConsentStatus> result;
    for (auto it = byCoveredId.cbegin(); it != byCoveredId.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("stv_"))) {
            const auto story = latestVersionOfStory.constFind(it.key());
            if (story != latestVersionOfStory.constEnd())
                offer(result, *story, it.value());
        } else {
            offer(result, it.key(), it.value());
        }
    }
    // Redacted copies are covered through their originals.
    for (const auto &photo : core.library().photos(patientId)) {
        if (!photo.isDerivative())
            continue;
        const auto original = result.constFind(photo.originalId);
        if (original != result.constEnd())
            offer(result, photo.id, *original);
    }
    return result;
}

QString ConsentBadges::code(std::optional<ConsentStatus> status) {
    return status ? services::toString(*status) : QStringLiteral("none");
}

QString ConsentBadges::label(std::optional<ConsentStatus> status) {
    if (!status)
        return QCoreApplication::translate("ConsentBadges", "No consent");
    switch (*status) {
    case ConsentStatus::Valid:
        return QCoreApplication::translate("ConsentBadges", "Consent valid");
    case ConsentStatus::ExpiringSoon:
        return QCoreApplication::translate("ConsentBadges", "Expires within %1 days")
            .arg(services::ConsentService::ExpiringSoonDays);
    case ConsentStatus::NotStarted:
        return QCoreApplication::translate("ConsentBadges", "Consent not started yet");
    case ConsentStatus::Expired:
        return QCoreApplication::translate("ConsentBadges", "Consent expired");
    case ConsentStatus::Revoked:
        return QCoreApplication::translate("ConsentBadges", "Consent revoked");
    case ConsentStatus::Invalid:
        return QCoreApplication::translate("ConsentBadges", "Consent fails verification");
    }
    return {};
}

} // namespace cc::ui
