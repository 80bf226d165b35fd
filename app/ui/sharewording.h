#pragma once

#include "domain/prepostchecks.h"
#include "domain/sharegate.h"

#include <QCoreApplication>
#include <QString>

namespace cc::ui {

// The translated words for what the share gate and the pre-post checks say: a blocked
// item's reason ("Consent revoked on 3 May 2026", "The consent does not cover
// Instagram") and each check's explanation.
class ShareWording final {
    Q_DECLARE_TR_FUNCTIONS(ShareWording)

public:
    [[nodiscard]] static QString reason(const domain::GateReason &reason);
    // The first reason of a blocked decision, or empty when allowed.
    [[nodiscard]] static QString decision(const domain::GateDecision &decision);
    [[nodiscard]] static QString check(const domain::prepost::Check &check);
    // "Blocks sharing", "Warning", "Suggestion".
    [[nodiscard]] static QString severity(domain::prepost::Severity severity);
    // The PHI kind in words ("a date", "a phone number", ...).
    [[nodiscard]] static QString phiKind(const QString &code);
    // A date as the UI shows it in reasons: "3 May 2026".
    [[nodiscard]] static QString day(const QDateTime &at);
};

} // namespace cc::ui
