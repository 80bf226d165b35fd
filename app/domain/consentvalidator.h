#pragma once

// The legal floor of DESIGN §3 as code: what a media-release consent must contain to be
// valid. Sealing refuses a record with any defect, and the share gate re-runs the same
// check on every sealed record before it lets anything out.

#include <QString>

#include <vector>

namespace cc::domain {

struct ConsentRecord;
class TemplateCatalog;

// One missing or defective element. element is a stable id the UI translates; message
// is a plain English explanation for logs and the CLI.
struct Defect {
    QString element;
    QString message;
    friend bool operator==(const Defect &, const Defect &) = default;
};

// The element ids, in the order validateConsent() reports them.
namespace element {
inline constexpr const char *Patient = "patient";       // whose information it is
inline constexpr const char *Form = "form";             // a known template, the exact text
inline constexpr const char *Items = "items";           // a specific, non-empty description
inline constexpr const char *Discloser = "discloser";   // who uses and discloses
inline constexpr const char *Recipients = "recipients"; // platforms and audiences
inline constexpr const char *Purposes = "purposes";
// De-identified only: every photo's identifying regions marked when sealed.
inline constexpr const char *Identifiability = "identifiability";
inline constexpr const char *Expiry = "expiry"; // a date or event within the policy maximum
inline constexpr const char *Signer = "signer";
inline constexpr const char *Representative = "representative"; // relationship, authority
inline constexpr const char *Signature = "signature";           // strokes that are not trivial
inline constexpr const char *PrintedName = "printed_name";
inline constexpr const char *SignatureDate = "signature_date";
inline constexpr const char *SignatureMeaning = "signature_meaning";
inline constexpr const char *RevocationStatement = "revocation_statement";
inline constexpr const char *ConditioningStatement = "conditioning_statement";
inline constexpr const char *RedisclosureStatement = "redisclosure_statement";
inline constexpr const char *CompensationStatement = "compensation_statement";
inline constexpr const char *Intent = "intent"; // the explicit act of agreeing
inline constexpr const char *Witness = "witness";
inline constexpr const char *Clinician = "clinician"; // the clinician's countersignature
inline constexpr const char *Timeline = "timeline";   // times in a possible order
inline constexpr const char *PolicyElement = "policy";
} // namespace element

// Every defect of record, judged against the policy it carries and the template it
// names (which must be in catalog). An empty result means the record may be sealed.
// The id, vault, sealing time and device key are the sealer's to set and are not
// checked here (signature verification covers them).
[[nodiscard]] std::vector<Defect> validateConsent(const ConsentRecord &record,
                                                  const TemplateCatalog &catalog);

} // namespace cc::domain
