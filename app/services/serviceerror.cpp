#include "services/serviceerror.h"

namespace cc::services {

namespace {

std::string describe(const std::vector<domain::Defect> &defects) {
    std::string text = "the consent can't be sealed:";
    // append(), not " " + string: GCC 12's -Wrestrict misreads the inlined operator+ at -O3.
    for (const auto &defect : defects)
        text.append(" ")
            .append(defect.element.toStdString())
            .append(" (")
            .append(defect.message.toStdString())
            .append(");");
    return text;
}

std::string describe(const std::vector<ShareRefused::Blocked> &blocked) {
    std::string text = "blocked by the share gate:";
    for (const auto &item : blocked) {
        text.append(" ").append(item.itemId.toStdString());
        for (const auto &reason : item.decision.reasons)
            text.append(" [").append(reason.message().toStdString()).append("]");
        text += ";";
    }
    return text;
}

// Kinds only: a check's detail is the post's own words.
std::string describe(const std::vector<domain::prepost::Check> &checks) {
    std::string text = "blocked by the pre-post checks:";
    for (const auto &check : checks) {
        if (check.severity != domain::prepost::Severity::Blocking)
            continue;
        text.append(" ").append(check.kind.toStdString());
        if (!check.phiKind.isEmpty())
            text.append(" (").append(check.phiKind.toStdString()).append(")");
        text += ";";
    }
    return text;
}

} // namespace

SealRefused::SealRefused(std::vector<domain::Defect> defects)
    : ServiceError(Kind::Refused, describe(defects))
    , m_defects(std::move(defects)) {}

ShareRefused::ShareRefused(std::vector<Blocked> blocked)
    : ServiceError(Kind::Refused, describe(blocked))
    , m_blocked(std::move(blocked)) {}

ChecksRefused::ChecksRefused(std::vector<domain::prepost::Check> checks)
    : ServiceError(Kind::Refused, describe(checks))
    , m_checks(std::move(checks)) {}

} // namespace cc::services
