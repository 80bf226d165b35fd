#pragma once

// The checks a post goes through before it may be shared (DESIGN §2.5), each explained
// and either blocking or a warning:
//   - PHI in the text (phidetector.h), for every patient whose item is attached: blocks;
//   - a story whose text is not the version its consent covers: blocks;
//   - an item whose consent allows only de-identified use but which is not a redacted
//     derivative hiding every identifying region: blocks;
//   - content the patient was compensated for, without a sponsorship disclosure: blocks;
//   - a health claim ("cures", "reduces the risk", "studies show", "90% of patients")
//     without a source link: a warning, with a suggestion of where to find one;
//   - no "general education, not medical advice" line: a suggestion.
// The gate judges the items (sharegate.h); this turns its reasons into checks beside the
// text's own, so the draft editor and the CLI show one list. Pure; never throws.

#include "domain/phidetector.h"
#include "domain/sharegate.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace cc::domain::prepost {

enum class Severity {
    Blocking,   // the post can't be shared until it is fixed
    Warning,    // worth fixing; the clinician decides
    Suggestion, // good practice
};
[[nodiscard]] QString toString(Severity severity); // "blocking", "warning", "suggestion"

namespace kind {
inline constexpr const char *Phi = "phi";
inline constexpr const char *StoryVersion = "story_version";
inline constexpr const char *DeidentifiedRequired = "deidentified_required";
inline constexpr const char *SponsorshipDisclosure = "sponsorship_disclosure";
inline constexpr const char *HealthClaimSource = "health_claim_source";
inline constexpr const char *EducationLine = "education_line";
inline constexpr const char *ItemBlocked = "item_blocked"; // any other reason the gate gives
} // namespace kind

struct Check {
    QString kind; // kind::…
    Severity severity = Severity::Blocking;
    // The span of the text concerned (phi, health_claim_source), else start -1.
    qsizetype start = -1;
    qsizetype length = 0;
    QString itemId;     // the item concerned (story_version, deidentified_required)
    QString phiKind;    // phi::toString() of a phi finding
    QString detail;     // the claim's words, the consent concerned, ...
    QString suggestion; // what would fix it: a disclosure to add, where to find a source
    [[nodiscard]] QString message() const; // plain English, for logs and the CLI
    friend bool operator==(const Check &, const Check &) = default;
};

struct Item {
    QString itemId;
    GateDecision decision; // for the draft's target, now
};

struct Facts {
    QString text;
    // Whose items are attached: their name, record number and birth date.
    std::vector<phi::Context> patients;
    std::vector<Item> items;
    // Some consent that allows an attached item records compensation for the patient.
    bool compensated = false;
};

// Every check that applies, blocking ones first, then in text order.
[[nodiscard]] std::vector<Check> checkPost(const Facts &facts);
[[nodiscard]] bool blocks(const std::vector<Check> &checks);

// Where the text discloses sponsorship ("#ad", "#sponsored", "paid partnership",
// "#publicidad", "colaboración pagada", ...), or -1.
[[nodiscard]] qsizetype findSponsorshipDisclosure(const QString &text);
// The line the app offers to append, in English and Spanish.
[[nodiscard]] QString educationLine(const QString &language);
[[nodiscard]] QString sponsorshipLine(const QString &language);
// True when the text carries a general-education disclaimer in either language.
[[nodiscard]] bool hasEducationLine(const QString &text);

} // namespace cc::domain::prepost
