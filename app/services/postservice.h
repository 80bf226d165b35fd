#pragma once

#include "domain/entities.h"
#include "domain/prepostchecks.h"

#include <optional>
#include <vector>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class Vault;

struct ItemDecision {
    QString itemId;
    domain::GateDecision decision;
};

// Drafts and the post ledger (DESIGN §2.5, §2.6). An item can be attached to a draft
// only while the gate allows it for the draft's target, and sharing re-checks every item
// in the same transaction that records the post, so a revocation committed before the
// share always wins. Throws ServiceError (ShareRefused when the gate blocks).
class PostService final {
public:
    static constexpr qsizetype MaxTextLength = 20'000;

    PostService(Vault &vault, const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_templates(templates) {}

    domain::Draft createDraft(const QString &text = {}, const domain::GateTarget &target = {});
    // Changes the text and target of an open draft. Items that the new target blocks stay
    // attached; evaluate() reports them and share() refuses until they are removed.
    void updateDraft(const QString &draftId, const QString &text, const domain::GateTarget &target);
    // Refused (ShareRefused) when the draft has a target and the gate blocks the item for
    // it; Invalid for an unknown item; Conflict when already attached.
    void attach(const QString &draftId, const QString &itemId);
    void detach(const QString &draftId, const QString &itemId);
    void discard(const QString &draftId);
    [[nodiscard]] std::optional<domain::Draft> draft(const QString &id);
    [[nodiscard]] std::vector<domain::Draft>
    drafts(domain::DraftState state = domain::DraftState::Open);
    // The gate's decision for every item of the draft, for its target, now.
    [[nodiscard]] std::vector<ItemDecision> evaluate(const QString &draftId);

    // The pre-post checks (prepostchecks.h) of the draft's text and items for its target,
    // now: PHI of every attached item's patient, the gate's story-version and
    // de-identification reasons, sponsorship when a consent records compensation, health
    // claims without a source, the education line.
    [[nodiscard]] std::vector<domain::prepost::Check> checks(const QString &draftId);
    // The checks that need only text: PHI for the given patients (none: the kinds that
    // need no context), health claims, the education line.
    [[nodiscard]] std::vector<domain::prepost::Check> checkText(const QString &text,
                                                                const QStringList &patientIds);

    // Records the post of an open draft: every item allowed for the draft's target at this
    // moment, checked inside the transaction that records the post, marks the draft
    // shared and writes the audit entry (with a checkpoint). Story ids resolve to the
    // version shared. Invalid without a complete target or items; ShareRefused with every
    // blocked item's decision; ChecksRefused when a blocking pre-post check remains.
    domain::Post share(const QString &draftId);
    // The post's public address, once known.
    void setUrl(const QString &postId, const QString &url);
    [[nodiscard]] std::optional<domain::Post> post(const QString &id);
    [[nodiscard]] std::vector<domain::Post> posts(std::optional<domain::PostStatus> status = {});

private:
    domain::Draft openDraft(const QString &draftId);
    std::vector<domain::prepost::Check> checksFor(const QString &text,
                                                  const std::vector<ItemDecision> &decisions,
                                                  QStringList patientIds);

    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
