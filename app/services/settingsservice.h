#pragma once

#include "domain/practice.h"

namespace cc::services {

class Vault;

// The practice policy and the clinician profile, kept in the vault. Changes are written
// to the audit log. Throws ServiceError.
class SettingsService final {
public:
    explicit SettingsService(Vault &vault)
        : m_vault(vault) {}

    // Policy::defaults() until one is set.
    [[nodiscard]] domain::Policy policy();
    // Invalid when policy.problem() is not empty.
    void setPolicy(const domain::Policy &policy);

    // An empty profile until one is set.
    [[nodiscard]] domain::ClinicianProfile clinician();
    void setClinician(const domain::ClinicianProfile &profile);

private:
    Vault &m_vault;
};

} // namespace cc::services
