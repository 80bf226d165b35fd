#include "domain/consentvalidator.h"

#include "domain/consentrecord.h"
#include "domain/consenttemplate.h"
#include "domain/ids.h"
#include "domain/vocabulary.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <functional>

namespace cc::domain {

namespace {

// As many items as a sealed record may hold (consentrecord.cpp reads no more).
constexpr std::size_t MaxItems = 500;

bool blank(const QString &text) {
    return text.trimmed().isEmpty();
}

bool isSha256Hex(const QString &text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
               return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                      (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
           });
}

class Report {
public:
    void add(const char *element, const QString &message) {
        m_defects.push_back({QLatin1StringView(element), message});
    }
    std::vector<Defect> take() { return std::move(m_defects); }

private:
    std::vector<Defect> m_defects;
};

// Codes that are empty, unknown to the vocabulary, or listed twice.
QString codeProblem(const QStringList &codes, const char *what,
                    const std::function<bool(const QString &)> &known) {
    if (codes.isEmpty())
        return QStringLiteral("no %1 chosen").arg(QLatin1StringView(what));
    for (const QString &code : codes) {
        if (!known(code))
            return QStringLiteral("unknown %1 '%2'").arg(QLatin1StringView(what), code);
    }
    if (QStringList unique = codes; unique.removeDuplicates() != 0)
        return QStringLiteral("a %1 is listed twice").arg(QLatin1StringView(what));
    return {};
}

void checkStatement(Report &report, const ConsentRecord &record, const char *section,
                    const char *element, const char *what) {
    if (!record.sections.contains(QLatin1StringView(section)))
        report.add(element,
                   QStringLiteral("the form does not state %1").arg(QLatin1StringView(what)));
}

void checkStrokes(Report &report, const char *element, const SignatureStrokes &strokes,
                  const QString &whose) {
    if (const auto problem = signatureProblem(strokes)) {
        report.add(element, QStringLiteral("%1 signature is not acceptable (%2)")
                                .arg(whose, QLatin1StringView(toString(*problem))));
    }
}

} // namespace

std::vector<Defect> validateConsent(const ConsentRecord &record, const TemplateCatalog &catalog) {
    Report report;
    const ConsentTemplate *form =
        catalog.find(record.templateId, record.templateVersion, record.language);

    if (!ids::isValid(record.patientId, ids::Kind::Patient) || blank(record.patientName))
        report.add(element::Patient, QStringLiteral("the patient is not identified"));

    if (!form) {
        report.add(element::Form,
                   QStringLiteral("the form template %1 version %2 (%3) is not known")
                       .arg(record.templateId)
                       .arg(record.templateVersion)
                       .arg(record.language));
    } else {
        if (record.sections != form->sectionIds())
            report.add(element::Form,
                       QStringLiteral("the form's sections are not those of its template"));
        try {
            if (record.formTextSha256 != form->textSha256(record.formInputs()))
                report.add(element::Form, QStringLiteral("the form text does not match what the "
                                                         "template shows for these choices"));
        } catch (const TemplateError &error) {
            report.add(element::Form, QStringLiteral("the form can't show these choices: %1")
                                          .arg(QString::fromUtf8(error.what())));
        }
    }
    for (const QString &section : requiredSectionIds()) {
        static const QStringList Statements{
            QStringLiteral("revocation"), QStringLiteral("conditioning"),
            QStringLiteral("redisclosure"), QStringLiteral("compensation")};
        if (!Statements.contains(section) && !record.sections.contains(section))
            report.add(element::Form,
                       QStringLiteral("the form lacks the section '%1'").arg(section));
    }

    if (record.items.empty()) {
        report.add(element::Items, QStringLiteral("the consent covers no items"));
    } else if (record.items.size() > MaxItems) {
        report.add(element::Items,
                   QStringLiteral("a consent can cover at most %1 items").arg(MaxItems));
    } else {
        QSet<QString> seen;
        for (const auto &item : record.items) {
            const auto kind =
                item.kind == ItemKind::Photo ? ids::Kind::Photo : ids::Kind::StoryVersion;
            if (!ids::isValid(item.id, kind) || !isSha256Hex(item.sha256) ||
                blank(item.description)) {
                report.add(
                    element::Items,
                    QStringLiteral("an item is not described specifically (%1)").arg(item.id));
                break;
            }
            if (seen.contains(item.id)) {
                report.add(element::Items,
                           QStringLiteral("an item is listed twice (%1)").arg(item.id));
                break;
            }
            seen.insert(item.id);
        }
    }

    if (blank(record.clinicianName) || blank(record.clinicianCredentials) ||
        blank(record.practiceName))
        report.add(element::Discloser, QStringLiteral("the form does not say who discloses"));

    if (auto problem = codeProblem(record.platforms, "platform", vocabulary::isPlatform);
        !problem.isEmpty()) {
        report.add(element::Recipients, problem);
    } else if (auto audience = codeProblem(record.audiences, "audience", vocabulary::isAudience);
               !audience.isEmpty()) {
        report.add(element::Recipients, audience);
    } else {
        for (const QString &platform : record.platforms) {
            if (!record.policy.allowedPlatforms.contains(platform)) {
                report.add(element::Recipients,
                           QStringLiteral("the practice's policy does not allow %1").arg(platform));
                break;
            }
        }
    }
    if (auto problem = codeProblem(record.purposes, "purpose", vocabulary::isPurpose);
        !problem.isEmpty())
        report.add(element::Purposes, problem);

    // Only de-identified use: what hides the patient must be known before the signer
    // agrees, so each photo's identifying regions are part of the record.
    for (const auto &item : record.items) {
        if (item.kind == ItemKind::Story && !item.regions.empty()) {
            report.add(element::Identifiability, QStringLiteral("a story has no image regions"));
            break;
        }
        if (!record.identifiable && item.kind == ItemKind::Photo && item.regions.empty()) {
            report.add(element::Identifiability,
                       QStringLiteral("the identifying regions of %1 are not marked").arg(item.id));
            break;
        }
    }

    // The expiry date is a day in the signer's zone, counted from the day of signing.
    const QTimeZone signerZone(record.utcOffsetMinutes * 60);
    if (!record.expiry.date.isValid()) {
        report.add(element::Expiry, QStringLiteral("no expiry date"));
    } else if (record.expiry.kind == Expiry::Kind::Event && blank(record.expiry.event)) {
        report.add(element::Expiry, QStringLiteral("the expiry event is not described"));
    } else if (!signerZone.isValid()) {
        report.add(element::Expiry,
                   QStringLiteral("the signer's offset from UTC (%1 minutes) is not a time zone's, "
                                  "so the expiry date can't be placed")
                       .arg(record.utcOffsetMinutes));
    } else if (record.signedAt.isValid()) {
        const QDate signedOn = record.signedAt.toTimeZone(signerZone).date();
        const qint64 days = signedOn.daysTo(record.expiry.date);
        if (days < 0)
            report.add(element::Expiry, QStringLiteral("the consent ends before it was signed"));
        else if (days > record.policy.maxDurationDays)
            report.add(element::Expiry,
                       QStringLiteral("the consent runs %1 days, longer than the policy's %2")
                           .arg(days)
                           .arg(record.policy.maxDurationDays));
    }

    if (!vocabulary::isSignerRole(record.signer.role) || blank(record.signer.name))
        report.add(element::Signer, QStringLiteral("the signer is not identified"));
    if (record.signer.isRepresentative() &&
        (blank(record.signer.relationship) || blank(record.signer.authority)))
        report.add(element::Representative,
                   QStringLiteral("a representative's relationship and authority are required"));
    if (!record.signer.authorityDocument.isEmpty() &&
        (!ids::isValid(record.signer.authorityDocument, ids::Kind::Photo) ||
         !isSha256Hex(record.signer.authorityDocumentSha256)))
        report.add(element::Representative,
                   QStringLiteral("the authority document is not a photo in the vault"));
    else if (record.signer.authorityDocument.isEmpty() &&
             !record.signer.authorityDocumentSha256.isEmpty())
        report.add(element::Representative,
                   QStringLiteral("the authority document's hash names no document"));

    checkStrokes(report, element::Signature, record.strokes, QStringLiteral("the signer's"));
    if (blank(record.printedName))
        report.add(element::PrintedName, QStringLiteral("no printed name"));
    if (!record.signedAt.isValid())
        report.add(element::SignatureDate, QStringLiteral("the signature is not dated"));
    if (blank(record.signatureMeaning) ||
        (form && record.signatureMeaning != form->signatureMeaning()))
        report.add(element::SignatureMeaning,
                   QStringLiteral("the meaning of the signature is not the form's"));

    checkStatement(report, record, "revocation", element::RevocationStatement,
                   "the right to revoke");
    if (record.sections.contains(QStringLiteral("revocation")) && blank(record.practiceContact))
        report.add(element::RevocationStatement,
                   QStringLiteral("the form does not say where to send a revocation"));
    checkStatement(report, record, "conditioning", element::ConditioningStatement,
                   "that care is not conditioned on signing");
    checkStatement(report, record, "redisclosure", element::RedisclosureStatement,
                   "that recipients may redisclose");
    if (record.paid) {
        checkStatement(report, record, "compensation", element::CompensationStatement,
                       "the compensation");
        if (blank(record.compensationDescription))
            report.add(element::CompensationStatement,
                       QStringLiteral("a paid use must say what is paid and by whom"));
    }

    if (!record.agreed || !record.agreedAt.isValid() || blank(record.agreeStatement) ||
        (form && record.agreeStatement != form->agreeStatement()))
        report.add(element::Intent, QStringLiteral("the signer did not explicitly agree"));

    if (record.witness) {
        const Witness &witness = *record.witness;
        if (blank(witness.name) || !witness.signedAt.isValid())
            report.add(element::Witness, QStringLiteral("the witness is not named or not dated"));
        checkStrokes(report, element::Witness, witness.strokes, QStringLiteral("the witness's"));
    } else if (record.policy.witnessRequired) {
        report.add(element::Witness, QStringLiteral("the practice's policy requires a witness"));
    }

    if (!record.countersignedAt.isValid())
        report.add(element::Clinician, QStringLiteral("the clinician has not countersigned"));

    // Agree, sign and witness happen in any order, all before the countersignature, which
    // comes before sealing; the consent starts after signing and before it ends.
    const auto before = [](const QDateTime &a, const QDateTime &b) {
        return !a.isValid() || !b.isValid() || a <= b;
    };
    const bool ordered =
        before(record.signedAt, record.countersignedAt) &&
        before(record.agreedAt, record.countersignedAt) &&
        (!record.witness || before(record.witness->signedAt, record.countersignedAt)) &&
        before(record.countersignedAt, record.sealedAt) && record.startsAt.isValid() &&
        before(record.signedAt, record.startsAt) &&
        (!record.expiresAt().isValid() || record.startsAt < record.expiresAt());
    if (!ordered)
        report.add(element::Timeline,
                   QStringLiteral("the record's times are not in a possible order"));

    if (const QString problem = record.policy.problem(); !problem.isEmpty())
        report.add(element::PolicyElement, problem);

    return report.take();
}

} // namespace cc::domain
