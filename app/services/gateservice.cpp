#include "services/gateservice.h"

#include "domain/ids.h"
#include "services/consentservice.h"
#include "services/servicesupport.h"
#include "services/settingsservice.h"
#include "storage/auditlog.h"
#include "storage/consentrepository.h"
#include "storage/photorepository.h"
#include "storage/storyrepository.h"

namespace cc::services {

using support::guarded;

std::optional<domain::GateItem> GateService::item(const QString &itemId) {
    return guarded([&]() -> std::optional<domain::GateItem> {
        domain::GateItem item;
        const auto kind = domain::ids::kindOf(itemId);
        if (kind == domain::ids::Kind::Photo) {
            storage::PhotoRepository photos(m_vault.database());
            const auto photo = photos.find(itemId);
            if (!photo)
                return std::nullopt;
            item.kind = domain::ItemKind::Photo;
            item.id = photo->id;
            item.patientId = photo->patientId;
            item.sha256 = photo->sha256;
            if (photo->isDerivative()) {
                const auto original = photos.find(photo->originalId);
                if (!original)
                    return std::nullopt;
                item.originalId = original->id;
                item.originalSha256 = original->sha256;
                item.redactions = photo->redactions;
                item.identifyingRegions = original->identifyingRegions;
            }
            return item;
        }
        storage::StoryRepository stories(m_vault.database());
        const auto version = stories.resolve(itemId);
        if (!version)
            return std::nullopt;
        const auto story = stories.findStory(version->storyId);
        if (!story)
            return std::nullopt;
        item.kind = domain::ItemKind::Story;
        item.id = version->id;
        item.patientId = story->patientId;
        item.sha256 = version->sha256;
        for (const auto &earlier : stories.versions(story->id)) {
            if (earlier.version < version->version)
                item.earlierVersionSha256.append(earlier.sha256);
        }
        return item;
    });
}

domain::GateDecision GateService::decide(const QString &itemId, const domain::GateTarget &target,
                                         const QDateTime &now) {
    const auto facts = item(itemId);
    std::vector<domain::GateConsent> consents;
    if (facts) {
        QStringList hashes{facts->sha256};
        if (facts->isDerivative())
            hashes.append(facts->originalSha256);
        hashes.append(facts->earlierVersionSha256);
        ConsentService checker(m_vault, m_templates);
        const auto stored =
            guarded([&] { return storage::ConsentRepository(m_vault.database()).naming(hashes); });
        for (const auto &sealed : stored) {
            const ConsentCheck checked = checker.check(sealed);
            domain::GateConsent consent;
            if (checked.record)
                consent.record = *checked.record;
            // What the row says, not what unverified bytes claim.
            consent.record.id = sealed.id;
            consent.record.patientId = sealed.patientId;
            consent.intact = checked.intact;
            consent.integrityProblem = checked.integrityProblem;
            consent.defects = checked.defects;
            guarded([&] {
                storage::ConsentRepository repository(m_vault.database());
                if (const auto revocation = repository.revocationOf(sealed.id))
                    consent.revokedAt = revocation->receivedAt;
                // The signed log remembers a revocation even if its row went missing.
                else if (const auto logged = m_vault.audit().firstAbout(
                             QStringLiteral("consent.revoked"), sealed.id))
                    consent.revokedAt = *logged;
                if (const auto event = repository.expiryEventOf(sealed.id))
                    consent.expiryEventAt = event->occurredAt;
                else if (const auto logged = m_vault.audit().firstAbout(
                             QStringLiteral("consent.expiry_event"), sealed.id))
                    consent.expiryEventAt = *logged;
            });
            consents.push_back(std::move(consent));
        }
    }
    return domain::decideShare(facts, consents, SettingsService(m_vault).policy(), target,
                               now.toUTC());
}

domain::GateDecision GateService::decide(const QString &itemId, const domain::GateTarget &target) {
    return decide(itemId, target, m_vault.clock()());
}

} // namespace cc::services
