#pragma once

#include "domain/entities.h"

#include <optional>
#include <vector>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class Vault;

struct RevocationRequest {
    QString consentId;
    QDateTime receivedAt; // when the clinician received it; not in the future
    QString method;       // "signed_on_device" (strokes required), "written_letter"
                          // (evidencePhotoId required: the letter photographed), "other"
                          // (note required)
    QString note;
    QString evidencePhotoId;
    std::optional<domain::SignatureStrokes> strokes;
};

// What a revocation takes away (DESIGN §2.7).
struct RevocationImpact {
    QString consentId;
    QStringList blockedDrafts;        // open drafts with an item the gate now blocks
    QStringList postsNeedingTakedown; // posts in takedown_required that depended on it
};

// Revocations and takedowns (DESIGN §2.7). A revocation is effective at once and final:
// only a new consent can allow the items again. Throws ServiceError.
class RevocationService final {
public:
    RevocationService(Vault &vault, const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_templates(templates) {}

    // Records the revocation and, in the same transaction, moves every published post
    // that no longer has an unrevoked consent for one of its items to takedown_required,
    // with an audit entry each and a checkpoint. Conflict when already revoked.
    RevocationImpact revoke(const RevocationRequest &request);
    // The revocation's impact as it stands now: drafts still blocked, posts still
    // awaiting takedown.
    [[nodiscard]] RevocationImpact impactOf(const QString &consentId);

    [[nodiscard]] std::vector<domain::Post> postsNeedingTakedown();
    [[nodiscard]] qint64 takedownCount();
    // Marks a post taken down, with the date it was removed and optional evidence (a
    // photo of the patient's, e.g. a screenshot, stored with role takedown_evidence).
    // Conflict unless the post is in takedown_required.
    void markRemoved(const QString &postId, const QDateTime &removedAt,
                     const QString &evidencePhotoId = {}, const QString &note = {});

private:
    QStringList blockedDrafts(const QString &consentId, const QDateTime &now);

    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
