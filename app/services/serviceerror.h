#pragma once

#include "domain/consentvalidator.h"
#include "domain/prepostchecks.h"
#include "domain/sharegate.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace cc::services {

// Why a use case refused or failed. The UI maps the kind to a translated message; the
// text is plain English for logs and the CLI, and never contains PHI.
class ServiceError : public std::runtime_error {
public:
    enum class Kind {
        NotFound, // the id names nothing of the expected kind
        Invalid,  // input the use case can't accept (empty name, wrong patient's item, ...)
        Refused,  // the rules forbid it: a defective consent, a blocked share
        Conflict, // the state forbids it: already revoked, draft already shared
        Image,    // the photo's bytes are not an image the app accepts
        Storage,  // the vault could not read or write
        ReadOnly, // the vault is open for inspection only
    };

    ServiceError(Kind kind, const std::string &message)
        : std::runtime_error(message)
        , m_kind(kind) {}
    [[nodiscard]] Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};

// Sealing refused: the record lacks or has wrong elements, each listed.
class SealRefused : public ServiceError {
public:
    explicit SealRefused(std::vector<domain::Defect> defects);
    [[nodiscard]] const std::vector<domain::Defect> &defects() const noexcept { return m_defects; }

private:
    std::vector<domain::Defect> m_defects;
};

// A share or attach refused by the gate: the decision for each item that is blocked.
class ShareRefused : public ServiceError {
public:
    struct Blocked {
        QString itemId;
        domain::GateDecision decision;
    };
    explicit ShareRefused(std::vector<Blocked> blocked);
    [[nodiscard]] const std::vector<Blocked> &blocked() const noexcept { return m_blocked; }

private:
    std::vector<Blocked> m_blocked;
};

// A share refused by a blocking pre-post check (PHI in the text, a missing sponsorship
// disclosure, ...): every check, blocking or not.
class ChecksRefused : public ServiceError {
public:
    explicit ChecksRefused(std::vector<domain::prepost::Check> checks);
    [[nodiscard]] const std::vector<domain::prepost::Check> &checks() const noexcept {
        return m_checks;
    }

private:
    std::vector<domain::prepost::Check> m_checks;
};

} // namespace cc::services
