#pragma once

// The fixed vocabularies a consent is written in. Codes are stable identifiers that
// appear in sealed records, the database and the CLI; they are never translated (the
// consent templates carry a label for every code, see consenttemplate.h) and never
// renamed once released: a new meaning is a new code.

#include <QString>
#include <QStringList>

namespace cc::domain::vocabulary {

// Where a post may appear: "instagram", "facebook", "x", "tiktok", "linkedin",
// "youtube", "threads", "bluesky", "mastodon", "website" (the practice's own site or blog).
[[nodiscard]] const QStringList &platforms();
// Who may see it: "public" (anyone), "followers" (the clinician's followers or
// connections only), "professionals" (closed groups of healthcare professionals).
[[nodiscard]] const QStringList &audiences();
// Why it is shared: "education" (educating patients and the public),
// "professional_education" (teaching colleagues), "awareness" (health awareness
// campaigns), "practice_promotion" (promoting the clinician or practice).
[[nodiscard]] const QStringList &purposes();
// Who signs: "patient", "parent_guardian", "healthcare_poa" (healthcare power of
// attorney), "other_representative".
[[nodiscard]] const QStringList &signerRoles();
// How a revocation reached the clinician: "signed_on_device", "written_letter", "other".
[[nodiscard]] const QStringList &revocationMethods();

[[nodiscard]] bool isPlatform(const QString &code);
[[nodiscard]] bool isAudience(const QString &code);
[[nodiscard]] bool isPurpose(const QString &code);
[[nodiscard]] bool isSignerRole(const QString &code);
[[nodiscard]] bool isRevocationMethod(const QString &code);

} // namespace cc::domain::vocabulary
