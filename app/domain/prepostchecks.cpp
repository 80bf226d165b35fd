#include "domain/prepostchecks.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace cc::domain::prepost {

namespace {

using Re = QRegularExpression;

constexpr auto Options = Re::CaseInsensitiveOption | Re::UseUnicodePropertiesOption;

// Words that claim an effect on health, in English and Spanish. Deliberately broad: a
// claim without a source only warns.
const Re &healthClaim() {
    static const Re re(
        QStringLiteral(
            "(?<![\\p{L}\\d])(?:"
            "cur(?:e|es|ed|ing)|prevent(?:s|ed|ing)?|"
            "(?:reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|cut(?:s)?) (?:the |your )?risk|"
            "(?:clinically )?proven|guarantee(?:s|d)?|miracle|"
            "(?:studies|research|trials?|evidence|science) (?:show(?:s|ed|n)?|prove(?:s|d)?|"
            "suggest(?:s|ed)?|confirm(?:s|ed)?)|"
            "boost(?:s|ed|ing)? (?:your )?immun\\p{L}*|effective (?:in|at|for|against)|"
            "\\d+(?:[.,]\\d+)? ?% (?:of (?:patients|people|cases|users)|fewer|less|more|"
            "lower|higher|reduction|improvement|success)|"
            "cura(?:n)?|previene(?:n)?|(?:reduce(?:n)?|disminuye(?:n)?) el riesgo|"
            "(?:los )?estudios (?:demuestran|muestran|confirman)|comprobad[oa]s?|"
            "eficaz(?:es)?|garantizad[oa]s?|milagros[oa]|"
            "\\d+(?:[.,]\\d+)? ?% de (?:los )?pacientes"
            ")(?![\\p{L}\\d])"),
        Options);
    return re;
}

const Re &sourceLink() {
    static const Re re(QStringLiteral("(?:https?://|www\\.|\\bdoi:\\s*10\\.)"), Options);
    return re;
}

const Re &sponsorshipDisclosure() {
    static const Re re(
        QStringLiteral("(?:#(?:ad|ads|sponsored|paid|partner|publicidad|patrocinado|anuncio|"
                       "colaboraci[oó]npagada)(?![\\p{L}\\d])|"
                       "(?<![\\p{L}\\d])(?:sponsored|advertisement|paid partnership|"
                       "paid promotion|publicidad|patrocinad[oa]|colaboraci[oó]n pagada)"
                       "(?![\\p{L}\\d]))"),
        Options);
    return re;
}

const Re &educationDisclaimer() {
    static const Re re(
        QStringLiteral("not (?:a substitute for )?(?:professional )?medical advice|"
                       "general (?:education|information) only|for (?:general )?educational "
                       "purposes|no (?:es|constituye|sustituye(?: a)?) (?:un )?consejo "
                       "m[eé]dico|fines educativos"),
        Options);
    return re;
}

int order(Severity severity) {
    return int(severity);
}

QString sentenceAround(const QString &text, qsizetype start, qsizetype length) {
    static const Re end(QStringLiteral("[.!?\\n]"));
    qsizetype from = start;
    while (from > 0 && !end.match(text.mid(from - 1, 1)).hasMatch())
        --from;
    qsizetype to = start + length;
    while (to < text.size() && !end.match(text.mid(to, 1)).hasMatch())
        ++to;
    return text.mid(from, to - from).trimmed();
}

void addItemChecks(std::vector<Check> &checks, const Item &item) {
    if (item.decision.allowed)
        return;
    bool explained = false;
    for (const GateReason &reason : item.decision.reasons) {
        Check check;
        check.itemId = item.itemId;
        check.detail = reason.consentId;
        if (reason.code == QLatin1String(reason::StoryEditedAfterSigning)) {
            check.kind = QLatin1String(kind::StoryVersion);
        } else if (reason.code == QLatin1String(reason::DeidentifiedOnly) ||
                   reason.code == QLatin1String(reason::IdentifyingRegionVisible)) {
            check.kind = QLatin1String(kind::DeidentifiedRequired);
            check.suggestion = QLatin1String(
                reason.code == QLatin1String(reason::DeidentifiedOnly)
                    ? "Make a redacted copy that hides the face and marks, and attach that"
                    : "Cover every region marked as identifying in the redacted copy");
        } else {
            continue;
        }
        if (std::none_of(checks.begin(), checks.end(), [&check](const Check &c) {
                return c.kind == check.kind && c.itemId == check.itemId;
            })) {
            checks.push_back(check);
        }
        explained = true;
    }
    if (!explained && !item.decision.reasons.empty()) {
        Check check;
        check.kind = QLatin1String(kind::ItemBlocked);
        check.itemId = item.itemId;
        check.detail = item.decision.reasons.front().code;
        checks.push_back(check);
    }
}

} // namespace

QString toString(Severity severity) {
    static const std::array names{"blocking", "warning", "suggestion"};
    return QString::fromLatin1(names.at(std::size_t(severity)));
}

QString Check::message() const {
    if (kind == QLatin1String(kind::Phi))
        return QStringLiteral("Possible protected health information in the text (%1)")
            .arg(phiKind);
    if (kind == QLatin1String(kind::StoryVersion))
        return QStringLiteral("The story was edited after the patient signed: its text is "
                              "not the version the consent covers");
    if (kind == QLatin1String(kind::DeidentifiedRequired))
        return QStringLiteral("The consent allows only de-identified use: attach a redacted "
                              "copy that hides every identifying region");
    if (kind == QLatin1String(kind::SponsorshipDisclosure))
        return QStringLiteral("The patient was compensated: the post must disclose "
                              "sponsorship (for example \"#ad\")");
    if (kind == QLatin1String(kind::HealthClaimSource))
        return QStringLiteral("A health claim without a source link: \"%1\"").arg(detail);
    if (kind == QLatin1String(kind::EducationLine))
        return QStringLiteral("No \"general education, not medical advice\" line");
    return QStringLiteral("An attached item is blocked by the share gate (%1)").arg(detail);
}

qsizetype findSponsorshipDisclosure(const QString &text) {
    const auto match = sponsorshipDisclosure().match(text);
    return match.hasMatch() ? match.capturedStart() : -1;
}

bool hasEducationLine(const QString &text) {
    return educationDisclaimer().match(text).hasMatch();
}

QString educationLine(const QString &language) {
    if (language.startsWith(QLatin1String("es")))
        return QStringLiteral("Contenido de educación general, no es consejo médico.");
    return QStringLiteral("General education, not medical advice.");
}

QString sponsorshipLine(const QString &language) {
    if (language.startsWith(QLatin1String("es")))
        return QStringLiteral("#publicidad");
    return QStringLiteral("#ad");
}

std::vector<Check> checkPost(const Facts &facts) {
    std::vector<Check> checks;
    const QString &text = facts.text;

    // PHI, for every patient concerned (or none: the kinds that need no context).
    std::vector<phi::Context> contexts = facts.patients;
    if (contexts.empty())
        contexts.emplace_back();
    std::vector<phi::Finding> findings;
    for (const phi::Context &context : contexts) {
        for (const phi::Finding &finding : phi::findPhi(text, context)) {
            if (std::find(findings.begin(), findings.end(), finding) == findings.end())
                findings.push_back(finding);
        }
    }
    for (const phi::Finding &finding : findings) {
        Check check;
        check.kind = QLatin1String(kind::Phi);
        check.start = finding.start;
        check.length = finding.length;
        check.phiKind = phi::toString(finding.kind);
        check.detail = text.mid(finding.start, finding.length);
        checks.push_back(check);
    }

    for (const Item &item : facts.items)
        addItemChecks(checks, item);

    if (facts.compensated && findSponsorshipDisclosure(text) < 0) {
        Check check;
        check.kind = QLatin1String(kind::SponsorshipDisclosure);
        check.suggestion = sponsorshipLine(QStringLiteral("en"));
        checks.push_back(check);
    }

    if (!sourceLink().match(text).hasMatch()) {
        auto it = healthClaim().globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            Check check;
            check.kind = QLatin1String(kind::HealthClaimSource);
            check.severity = Severity::Warning;
            check.start = match.capturedStart();
            check.length = match.capturedLength();
            check.detail = sentenceAround(text, check.start, check.length);
            check.suggestion =
                QStringLiteral("Link the study or guideline the claim rests on, e.g. from "
                               "https://pubmed.ncbi.nlm.nih.gov or https://medlineplus.gov");
            checks.push_back(check);
        }
    }

    if (!text.trimmed().isEmpty() && !hasEducationLine(text)) {
        Check check;
        check.kind = QLatin1String(kind::EducationLine);
        check.severity = Severity::Suggestion;
        check.suggestion = educationLine(QStringLiteral("en"));
        checks.push_back(check);
    }

    std::stable_sort(checks.begin(), checks.end(), [](const Check &a, const Check &b) {
        if (order(a.severity) != order(b.severity))
            return order(a.severity) < order(b.severity);
        return a.start < b.start;
    });
    return checks;
}

bool blocks(const std::vector<Check> &checks) {
    return std::any_of(checks.begin(), checks.end(),
                       [](const Check &check) { return check.severity == Severity::Blocking; });
}

} // namespace cc::domain::prepost
