#include "ui/sharewording.h"

#include "ui/vocabularylabels.h"

#include <QLocale>

namespace cc::ui {

QString ShareWording::day(const QDateTime &at) {
    if (!at.isValid())
        return {};
    return QLocale().toString(at.toLocalTime().date(), QStringLiteral("d MMMM yyyy"));
}

QString ShareWording::reason(const domain::GateReason &reason) {
    namespace r = domain::reason;
    const QString &code = reason.code;
    if (code == QLatin1String(r::ItemNotFound))
        return tr("This item is no longer in the vault.");
    if (code == QLatin1String(r::InvalidTarget))
        return tr("Choose the platform, audience and purpose first.");
    if (code == QLatin1String(r::PlatformNotAllowedByPolicy))
        return tr("The practice's policy does not allow %1.")
            .arg(VocabularyLabels::platformLabel(reason.value));
    if (code == QLatin1String(r::NoConsent))
        return tr("No consent covers this item.");
    if (code == QLatin1String(r::StoryEditedAfterSigning))
        return tr("Story edited after signing: the consent covers an earlier version.");
    if (code == QLatin1String(r::ConsentTampered))
        return tr("The consent's record fails verification.");
    if (code == QLatin1String(r::ConsentDefective))
        return tr("The consent lacks a required element.");
    if (code == QLatin1String(r::ConsentRevoked))
        return tr("Consent revoked on %1.").arg(day(reason.at));
    if (code == QLatin1String(r::ConsentNotStarted))
        return tr("The consent starts on %1.").arg(day(reason.at));
    if (code == QLatin1String(r::ConsentExpired))
        return tr("Consent expired on %1.").arg(day(reason.at));
    if (code == QLatin1String(r::PlatformNotCovered))
        return tr("The consent does not cover %1.")
            .arg(VocabularyLabels::platformLabel(reason.value));
    if (code == QLatin1String(r::AudienceNotCovered))
        return tr("The consent does not cover this audience: %1.")
            .arg(VocabularyLabels::audienceLabel(reason.value));
    if (code == QLatin1String(r::PurposeNotCovered))
        return tr("The consent does not cover this purpose: %1.")
            .arg(VocabularyLabels::purposeLabel(reason.value));
    if (code == QLatin1String(r::DeidentifiedOnly))
        return tr("The consent allows only de-identified use: attach a redacted copy.");
    if (code == QLatin1String(r::IdentifyingRegionVisible))
        return tr("The redacted copy leaves an identifying region visible.");
    return tr("Blocked by the share gate.");
}

QString ShareWording::decision(const domain::GateDecision &decision) {
    if (decision.allowed || decision.reasons.empty())
        return {};
    return reason(decision.reasons.front());
}

QString ShareWording::phiKind(const QString &code) {
    if (code == QLatin1String("name"))
        return tr("the patient's name");
    if (code == QLatin1String("date"))
        return tr("a date other than the year");
    if (code == QLatin1String("phone"))
        return tr("a phone number");
    if (code == QLatin1String("fax"))
        return tr("a fax number");
    if (code == QLatin1String("email"))
        return tr("an e-mail address");
    if (code == QLatin1String("url"))
        return tr("a web address with an identifier");
    if (code == QLatin1String("record_number"))
        return tr("a record, account or licence number");
    if (code == QLatin1String("ssn"))
        return tr("a social security number");
    if (code == QLatin1String("address"))
        return tr("a street address");
    if (code == QLatin1String("zip_code"))
        return tr("a ZIP code");
    if (code == QLatin1String("age"))
        return tr("an age over 89");
    if (code == QLatin1String("ip_address"))
        return tr("an IP address");
    return tr("an identifier");
}

QString ShareWording::check(const domain::prepost::Check &check) {
    namespace k = domain::prepost::kind;
    if (check.kind == QLatin1String(k::Phi))
        return tr("\"%1\" looks like %2. Remove it: posts must not carry protected health "
                  "information.")
            .arg(check.detail, phiKind(check.phiKind));
    if (check.kind == QLatin1String(k::StoryVersion))
        return tr("The story was edited after the patient signed. Its text is not the version "
                  "the consent covers: get a new consent or attach the signed version.");
    if (check.kind == QLatin1String(k::DeidentifiedRequired))
        return tr("The consent allows only de-identified use. Attach a redacted copy that hides "
                  "the face and every marked region.");
    if (check.kind == QLatin1String(k::SponsorshipDisclosure))
        return tr("The patient was compensated, so the post must say it is sponsored (for "
                  "example \"#ad\").");
    if (check.kind == QLatin1String(k::HealthClaimSource))
        return tr("\"%1\" makes a health claim without a source. Link the study or guideline, "
                  "for example from pubmed.ncbi.nlm.nih.gov or medlineplus.gov.")
            .arg(check.detail);
    if (check.kind == QLatin1String(k::EducationLine))
        return tr("Consider adding \"General education, not medical advice.\"");
    if (check.kind == QLatin1String(k::ItemBlocked)) {
        domain::GateReason gateReason;
        gateReason.code = check.detail;
        return tr("An attached item is blocked: %1").arg(reason(gateReason));
    }
    return tr("Check the post before sharing.");
}

QString ShareWording::severity(domain::prepost::Severity severity) {
    switch (severity) {
    case domain::prepost::Severity::Blocking:
        return tr("Blocks sharing");
    case domain::prepost::Severity::Warning:
        return tr("Warning");
    case domain::prepost::Severity::Suggestion:
        break;
    }
    return tr("Suggestion");
}

} // namespace cc::ui
