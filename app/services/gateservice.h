#pragma once

#include "domain/sharegate.h"

#include <optional>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class Vault;

// The share gate over the vault (DESIGN §4.3): gathers what storage knows about an item
// and every consent that names it, and lets domain::decideShare judge. Reads only; the
// caller's transaction (if any) makes the decision and what follows from it atomic.
class GateService final {
public:
    GateService(Vault &vault, const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_templates(templates) {}

    // itemId: a photo ("pho_…"), a story version ("stv_…") or a story ("sto_…", meaning
    // its latest version). An empty target asks whether any consent could allow the item
    // at all (for badges and revocation impact).
    [[nodiscard]] domain::GateDecision
    decide(const QString &itemId, const domain::GateTarget &target, const QDateTime &now);
    [[nodiscard]] domain::GateDecision decide(const QString &itemId,
                                              const domain::GateTarget &target);
    // The facts about itemId, nullopt when it names nothing shareable.
    [[nodiscard]] std::optional<domain::GateItem> item(const QString &itemId);

private:
    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
