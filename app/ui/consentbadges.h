#pragma once

#include "services/consentservice.h"

#include <QHash>
#include <QString>

#include <optional>

namespace cc::services {
class ConsentCore;
}

namespace cc::ui {

// The consent badge of each photo and story of a patient (DESIGN §2.4): the best
// standing among the consents that cover it. A redacted copy is covered through its
// original; a story through its latest version only (an edit after signing leaves the
// new text uncovered).
class ConsentBadges final {
public:
    // Item id ("pho_…", "sto_…") → the best status among covering consents. Items no
    // consent covers are absent.
    [[nodiscard]] static QHash<QString, services::ConsentStatus>
    forPatient(services::ConsentCore &core, const QString &patientId, const QDateTime &now);

    // Stable codes for QML: the consent's status (services::toString: "valid",
    // "expiring_soon", "not_started", "expired", "revoked", "invalid"), or "none".
    [[nodiscard]] static QString code(std::optional<services::ConsentStatus> status);
    // The badge's translated text ("Consent valid", "No consent", ...).
    [[nodiscard]] static QString label(std::optional<services::ConsentStatus> status);
    // Which of two statuses a badge shows: a valid consent wins over any other.
    [[nodiscard]] static bool better(services::ConsentStatus a, services::ConsentStatus b);
};

} // namespace cc::ui
