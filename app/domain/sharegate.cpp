#include "domain/sharegate.h"

#include "domain/timestamps.h"
#include "domain/vocabulary.h"

#include <algorithm>

namespace cc::domain {

namespace {

// Whether record lists the item itself, or (for a derivative) its original.
bool names(const ConsentRecord &record, const GateItem &item) {
    return std::any_of(record.items.begin(), record.items.end(), [&](const CoveredItem &covered) {
        if (covered.kind != item.kind)
            return false;
        return covered.sha256 == item.sha256 ||
               (item.isDerivative() && covered.sha256 == item.originalSha256);
    });
}

bool namesEarlierVersion(const ConsentRecord &record, const GateItem &item) {
    return item.kind == ItemKind::Story &&
           std::any_of(record.items.begin(), record.items.end(), [&](const CoveredItem &covered) {
               return covered.kind == ItemKind::Story &&
                      item.earlierVersionSha256.contains(covered.sha256);
           });
}

void add(std::vector<GateReason> &reasons, GateReason reason) {
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end())
        reasons.push_back(std::move(reason));
}

// Every reason this one consent does not allow the share; empty when it does.
std::vector<GateReason> judge(const GateConsent &consent, const GateItem &item,
                              const GateTarget &target, const QDateTime &now) {
    const ConsentRecord &record = consent.record;
    const QString &id = record.id;
    std::vector<GateReason> reasons;
    if (!consent.intact) {
        reasons.push_back(
            {QLatin1StringView(reason::ConsentTampered), id, {}, consent.integrityProblem});
        return reasons; // nothing else in an unverified record can be believed
    }
    if (!consent.defects.empty())
        reasons.push_back(
            {QLatin1StringView(reason::ConsentDefective), id, {}, consent.defects.front().element});
    if (consent.revokedAt)
        reasons.push_back({QLatin1StringView(reason::ConsentRevoked), id, *consent.revokedAt, {}});
    if (!record.startsAt.isValid() || now < record.startsAt)
        reasons.push_back({QLatin1StringView(reason::ConsentNotStarted), id, record.startsAt, {}});
    const QDateTime expiresAt = record.expiresAt();
    if (!expiresAt.isValid() || now >= expiresAt)
        reasons.push_back({QLatin1StringView(reason::ConsentExpired), id, expiresAt, {}});
    else if (consent.expiryEventAt && now >= *consent.expiryEventAt)
        reasons.push_back({QLatin1StringView(reason::ConsentExpired), id, *consent.expiryEventAt,
                           QStringLiteral("event")});
    if (!target.isEmpty()) {
        if (!record.platforms.contains(target.platform))
            reasons.push_back(
                {QLatin1StringView(reason::PlatformNotCovered), id, {}, target.platform});
        if (!record.audiences.contains(target.audience))
            reasons.push_back(
                {QLatin1StringView(reason::AudienceNotCovered), id, {}, target.audience});
        if (!record.purposes.contains(target.purpose))
            reasons.push_back(
                {QLatin1StringView(reason::PurposeNotCovered), id, {}, target.purpose});
    }
    // De-identification is about images: a story is shared only as the exact text the
    // signer read (its hash), and text is checked for identifiers before posting.
    if (!record.identifiable && item.kind == ItemKind::Photo) {
        // The regions sealed with the consent, and any marked since: unmarking a region
        // later can't make a copy that shows it acceptable.
        std::vector<NormRect> regions = item.identifyingRegions;
        for (const auto &covered : record.items) {
            if (covered.kind == ItemKind::Photo &&
                (covered.sha256 == item.sha256 || covered.sha256 == item.originalSha256))
                regions.insert(regions.end(), covered.regions.begin(), covered.regions.end());
        }
        if (!item.isDerivative() || item.redactions.empty())
            reasons.push_back({QLatin1StringView(reason::DeidentifiedOnly), id, {}, {}});
        else if (!hidesAll(item.redactions, regions))
            reasons.push_back({QLatin1StringView(reason::IdentifyingRegionVisible), id, {}, {}});
    }
    return reasons;
}

} // namespace

QString GateReason::message() const {
    const QString date = at.isValid() ? isoDate(at.toUTC().date()) : QString();
    if (code == QLatin1String(reason::ItemNotFound))
        return QStringLiteral("no photo or story has this id");
    if (code == QLatin1String(reason::InvalidTarget))
        return QStringLiteral("unknown platform, audience or purpose: %1").arg(value);
    if (code == QLatin1String(reason::PlatformNotAllowedByPolicy))
        return QStringLiteral("the practice's policy does not allow posting to %1").arg(value);
    if (code == QLatin1String(reason::NoConsent))
        return QStringLiteral("no consent covers this item");
    if (code == QLatin1String(reason::StoryEditedAfterSigning))
        return QStringLiteral("story edited after signing: consent %1 covers an earlier version")
            .arg(consentId);
    if (code == QLatin1String(reason::ConsentTampered))
        return QStringLiteral("consent %1 fails verification: %2").arg(consentId, value);
    if (code == QLatin1String(reason::ConsentDefective))
        return QStringLiteral("consent %1 is not valid: %2").arg(consentId, value);
    if (code == QLatin1String(reason::ConsentRevoked))
        return QStringLiteral("consent %1 revoked on %2").arg(consentId, date);
    if (code == QLatin1String(reason::ConsentNotStarted))
        return QStringLiteral("consent %1 starts on %2").arg(consentId, date);
    if (code == QLatin1String(reason::ConsentExpired))
        return value == QLatin1String("event")
                   ? QStringLiteral("consent %1 ended with its expiry event on %2")
                         .arg(consentId, date)
                   : QStringLiteral("consent %1 expired on %2").arg(consentId, date);
    if (code == QLatin1String(reason::PlatformNotCovered))
        return QStringLiteral("consent %1 does not cover %2").arg(consentId, value);
    if (code == QLatin1String(reason::AudienceNotCovered))
        return QStringLiteral("consent %1 does not cover the audience %2").arg(consentId, value);
    if (code == QLatin1String(reason::PurposeNotCovered))
        return QStringLiteral("consent %1 does not cover the purpose %2").arg(consentId, value);
    if (code == QLatin1String(reason::DeidentifiedOnly))
        return QStringLiteral("consent %1 allows only de-identified use: share a redacted copy")
            .arg(consentId);
    if (code == QLatin1String(reason::IdentifyingRegionVisible))
        return QStringLiteral("consent %1 allows only de-identified use and an identifying "
                              "region is not redacted")
            .arg(consentId);
    return code;
}

GateDecision decideShare(const std::optional<GateItem> &item,
                         const std::vector<GateConsent> &consents, const Policy &currentPolicy,
                         const GateTarget &target, const QDateTime &now) {
    GateDecision decision;
    auto &reasons = decision.reasons;
    if (!item) {
        reasons.push_back({QLatin1StringView(reason::ItemNotFound), {}, {}, {}});
        return decision;
    }
    if (!target.isEmpty() &&
        (!vocabulary::isPlatform(target.platform) || !vocabulary::isAudience(target.audience) ||
         !vocabulary::isPurpose(target.purpose))) {
        reasons.push_back({QLatin1StringView(reason::InvalidTarget),
                           {},
                           {},
                           target.platform + QLatin1Char('/') + target.audience + QLatin1Char('/') +
                               target.purpose});
        return decision;
    }
    if (!target.isEmpty() && !currentPolicy.allowedPlatforms.contains(target.platform))
        reasons.push_back(
            {QLatin1StringView(reason::PlatformNotAllowedByPolicy), {}, {}, target.platform});

    bool covered = false;
    std::vector<GateReason> consentReasons;
    for (const auto &consent : consents) {
        if (consent.record.patientId != item->patientId)
            continue;
        // A record whose bytes don't verify can't be believed about what it covers: it was
        // found through the database's index, and is reported, never used.
        if (!consent.intact) {
            covered = true;
            add(consentReasons, judge(consent, *item, target, now).front());
            continue;
        }
        if (names(consent.record, *item)) {
            covered = true;
            auto judged = judge(consent, *item, target, now);
            if (judged.empty())
                decision.consentIds.append(consent.record.id);
            for (auto &r : judged)
                add(consentReasons, std::move(r));
        } else if (namesEarlierVersion(consent.record, *item)) {
            add(consentReasons,
                {QLatin1StringView(reason::StoryEditedAfterSigning), consent.record.id, {}, {}});
        }
    }
    if (!covered && consentReasons.empty())
        reasons.push_back({QLatin1StringView(reason::NoConsent), {}, {}, {}});

    decision.allowed = reasons.empty() && !decision.consentIds.isEmpty();
    if (decision.allowed)
        return decision;
    decision.consentIds.clear();
    for (auto &r : consentReasons)
        add(reasons, std::move(r));
    return decision;
}

} // namespace cc::domain
