#include "services/revocationservice.h"

#include "domain/ids.h"
#include "domain/timestamps.h"
#include "domain/vocabulary.h"
#include "services/consentservice.h"
#include "services/gateservice.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/consentrepository.h"
#include "storage/photorepository.h"
#include "storage/postrepository.h"
#include "storage/storyrepository.h"

#include <QJsonArray>

namespace cc::services {

using support::guarded;

QStringList RevocationService::blockedDrafts(const QString &consentId, const QDateTime &now) {
    // Every id an open draft may hold for what the consent covers: the covered photos and
    // their derivatives, the covered story versions and their stories.
    QStringList related;
    guarded([&] {
        storage::PhotoRepository photos(m_vault.database());
        storage::StoryRepository stories(m_vault.database());
        for (const auto &item :
             storage::ConsentRepository(m_vault.database()).indexedItems(consentId)) {
            related.append(item.id);
            if (item.kind == domain::ItemKind::Photo) {
                for (const auto &derived : photos.derivativesOf(item.id))
                    related.append(derived.id);
            } else if (const auto version = stories.findVersion(item.id)) {
                related.append(version->storyId);
            }
        }
    });
    GateService gate(m_vault, m_templates);
    storage::PostRepository posts(m_vault.database());
    QStringList blocked;
    for (const QString &draftId : guarded([&] { return posts.openDraftsWith(related); })) {
        const auto draft = guarded([&] { return posts.findDraft(draftId); });
        if (!draft)
            continue;
        const domain::GateTarget target =
            (draft->target.platform.isEmpty() || draft->target.audience.isEmpty() ||
             draft->target.purpose.isEmpty())
                ? domain::GateTarget{}
                : draft->target;
        for (const QString &itemId : draft->itemIds) {
            if (related.contains(itemId) && !gate.decide(itemId, target, now).allowed) {
                blocked.append(draftId);
                break;
            }
        }
    }
    return blocked;
}

RevocationImpact RevocationService::revoke(const RevocationRequest &request) {
    const QDateTime now = m_vault.clock()().toUTC();
    if (!domain::vocabulary::isRevocationMethod(request.method))
        support::invalid(QStringLiteral("unknown revocation method '%1'").arg(request.method));
    if (!request.receivedAt.isValid() || request.receivedAt > now)
        support::invalid(QStringLiteral("when the revocation was received must be known and "
                                        "not in the future"));
    if (request.method == QLatin1String("signed_on_device") &&
        (!request.strokes || domain::signatureProblem(*request.strokes)))
        support::invalid(QStringLiteral("a revocation signed on the device needs the signer's "
                                        "signature"));
    if (request.method == QLatin1String("written_letter") && request.evidencePhotoId.isEmpty())
        support::invalid(QStringLiteral("photograph the written letter"));
    if (request.method == QLatin1String("other") && request.note.trimmed().isEmpty())
        support::invalid(QStringLiteral("say how the revocation was received"));

    auto transaction = support::beginChange(m_vault);
    ConsentService consents(m_vault, m_templates);
    const auto consent = consents.find(request.consentId);
    if (!consent)
        support::notFound("consent", request.consentId);
    if (consents.revocationOf(consent->id))
        throw ServiceError(ServiceError::Kind::Conflict,
                           "the consent is already revoked: a revocation is final");
    if (!request.evidencePhotoId.isEmpty()) {
        const auto evidence = guarded([&] {
            return storage::PhotoRepository(m_vault.database()).find(request.evidencePhotoId);
        });
        if (!evidence || evidence->patientId != consent->patientId)
            support::invalid(
                QStringLiteral("the evidence must be a photo stored for this patient"));
    }

    domain::Revocation revocation{domain::ids::generate(domain::ids::Kind::Revocation),
                                  consent->id,
                                  request.receivedAt.toUTC(),
                                  now,
                                  request.method,
                                  request.note,
                                  request.evidencePhotoId,
                                  request.strokes};
    RevocationImpact impact{consent->id, {}, {}};
    guarded([&] {
        storage::ConsentRepository(m_vault.database()).insertRevocation(revocation);
        storage::PostRepository posts(m_vault.database());
        impact.postsNeedingTakedown = posts.publishedPostsDependingOnlyOnRevoked(consent->id);
        for (const QString &postId : impact.postsNeedingTakedown) {
            posts.markTakedownRequired(postId, now);
            m_vault.audit().append(QStringLiteral("post.takedown_required"), now,
                                   {{QStringLiteral("post"), postId},
                                    {QStringLiteral("consent"), consent->id},
                                    {QStringLiteral("patient"), consent->patientId}},
                                   {consent->patientId, consent->id, postId});
        }
    });
    impact.blockedDrafts = blockedDrafts(consent->id, now);
    guarded([&] {
        m_vault.audit().append(
            QStringLiteral("consent.revoked"), now,
            {{QStringLiteral("consent"), consent->id},
             {QStringLiteral("patient"), consent->patientId},
             {QStringLiteral("revocation"), revocation.id},
             {QStringLiteral("method"), revocation.method},
             {QStringLiteral("receivedAt"), domain::isoUtc(revocation.receivedAt)},
             {QStringLiteral("blockedDrafts"), QJsonArray::fromStringList(impact.blockedDrafts)},
             {QStringLiteral("takedownPosts"),
              QJsonArray::fromStringList(impact.postsNeedingTakedown)}},
            {consent->patientId, consent->id, {}});
        transaction.commit();
    });
    return impact;
}

RevocationImpact RevocationService::impactOf(const QString &consentId) {
    RevocationImpact impact{consentId, {}, {}};
    if (!ConsentService(m_vault, m_templates).revocationOf(consentId))
        return impact;
    impact.blockedDrafts = blockedDrafts(consentId, m_vault.clock()().toUTC());
    for (const auto &post : postsNeedingTakedown()) {
        const bool depends =
            std::any_of(post.items.begin(), post.items.end(),
                        [&](const auto &item) { return item.consentIds.contains(consentId); });
        if (depends)
            impact.postsNeedingTakedown.append(post.id);
    }
    return impact;
}

std::vector<domain::Post> RevocationService::postsNeedingTakedown() {
    return guarded([&] {
        return storage::PostRepository(m_vault.database())
            .posts(domain::PostStatus::TakedownRequired);
    });
}

qint64 RevocationService::takedownCount() {
    return guarded([&] {
        return storage::PostRepository(m_vault.database())
            .countPosts(domain::PostStatus::TakedownRequired);
    });
}

void RevocationService::markRemoved(const QString &postId, const QDateTime &removedAt,
                                    const QString &evidencePhotoId, const QString &note) {
    const QDateTime now = m_vault.clock()().toUTC();
    if (!removedAt.isValid() || removedAt > now)
        support::invalid(QStringLiteral("the removal date must be known and not in the future"));
    auto transaction = support::beginChange(m_vault);
    guarded([&] {
        storage::PostRepository posts(m_vault.database());
        const auto post = posts.findPost(postId);
        if (!post)
            support::notFound("post", postId);
        if (post->status != domain::PostStatus::TakedownRequired)
            throw ServiceError(ServiceError::Kind::Conflict, "the post is not awaiting takedown");
        if (!evidencePhotoId.isEmpty()) {
            const auto evidence =
                storage::PhotoRepository(m_vault.database()).find(evidencePhotoId);
            if (!evidence || evidence->role != domain::PhotoRole::TakedownEvidence)
                support::invalid(
                    QStringLiteral("the evidence must be a photo stored as takedown evidence"));
        }
        posts.markRemoved(postId, removedAt.toUTC(), evidencePhotoId, note);
        m_vault.audit().append(QStringLiteral("post.removed"), now,
                               {{QStringLiteral("post"), postId},
                                {QStringLiteral("removedAt"), domain::isoUtc(removedAt)},
                                {QStringLiteral("evidence"), evidencePhotoId}},
                               {{}, {}, postId});
        transaction.commit();
    });
}

} // namespace cc::services
