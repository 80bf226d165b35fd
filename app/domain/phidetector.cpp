#include "domain/phidetector.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace cc::domain::phi {

namespace {

using Re = QRegularExpression;

// The more specific kind wins where two findings overlap.
int priority(Kind kind) {
    switch (kind) {
    case Kind::Ssn:
        return 12;
    case Kind::Email:
        return 11;
    case Kind::Url:
        return 10;
    case Kind::Fax:
        return 9;
    case Kind::Phone:
        return 8;
    case Kind::RecordNumber:
        return 7;
    case Kind::IpAddress:
        return 6;
    case Kind::Address:
        return 5;
    case Kind::ZipCode:
        return 4;
    case Kind::Age:
        return 3;
    case Kind::Date:
        return 2;
    case Kind::Name:
        return 1;
    }
    return 0;
}

const QString Months = QStringLiteral(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    "noviembre|diciembre|ene|abr|ago|dic");

struct Pattern {
    Kind kind;
    Re re;
    int group = 0; // the capture group that is the finding
};

const std::vector<Pattern> &patterns() {
    static const std::vector<Pattern> all = [] {
        const auto ci = Re::CaseInsensitiveOption | Re::UseUnicodePropertiesOption;
        const auto cs = Re::UseUnicodePropertiesOption;
        const QString day = QStringLiteral("(?:[0-2]?\\d|3[01])(?:st|nd|rd|th)?");
        std::vector<Pattern> p;
        // Dates: "March 5", "Mar. 5, 2024", "5 March", "5 de marzo de 2024", "March 2024",
        // "03/05/2024", "5.3.24", "2024-03-05".
        p.push_back(
            {Kind::Date,
             Re(QStringLiteral("\\b(?:%1)\\.?\\s+%2\\b(?:,?\\s+\\d{4}\\b)?").arg(Months, day),
                ci)});
        p.push_back({Kind::Date, Re(QStringLiteral("\\b%2\\s+(?:of\\s+|de\\s+)?(?:%1)\\b(?:\\.?,?"
                                                   "\\s+(?:of\\s+|de\\s+)?\\d{4}\\b)?")
                                        .arg(Months, day),
                                    ci)});
        p.push_back(
            {Kind::Date,
             Re(QStringLiteral("\\b(?:%1)\\.?\\s+(?:of\\s+|de\\s+|del\\s+)?\\d{4}\\b").arg(Months),
                ci)});
        p.push_back(
            {Kind::Date, Re(QStringLiteral("\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b"), cs)});
        p.push_back({Kind::Date, Re(QStringLiteral("\\b\\d{4}[/-]\\d{1,2}[/-]\\d{1,2}\\b"), cs)});
        // Numbers that identify.
        p.push_back({Kind::Ssn, Re(QStringLiteral("\\b\\d{3}-\\d{2}-\\d{4}\\b"), cs)});
        p.push_back({Kind::Email,
                     Re(QStringLiteral("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}"), cs)});
        p.push_back({Kind::Url, Re(QStringLiteral("\\b(?:https?://|www\\.)[^\\s<>\"']+"), ci)});
        p.push_back({Kind::Phone, Re(QStringLiteral("(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{2,4}\\)|"
                                                    "\\b\\d{3})[\\s.-]?\\d{3}[\\s.-]?\\d{4}\\b"),
                                     cs)});
        p.push_back(
            {Kind::Phone, Re(QStringLiteral("\\+\\d{1,3}(?:[\\s.-]?\\d{2,4}){3,4}\\b"), cs)});
        p.push_back(
            {Kind::RecordNumber,
             Re(QStringLiteral("\\b(?:mrn|medical\\s+record(?:\\s+number)?|record(?:\\s+number)?|"
                               "chart(?:\\s+number)?|account(?:\\s+number)?|acct\\.?|"
                               "licen[cs]e(?:\\s+(?:number|plate))?|policy(?:\\s+number)?|"
                               "member\\s+id|patient\\s+id|insurance\\s+id|serial(?:\\s+number)?|"
                               "vin|plate|historia(?:\\s+cl[ií]nica)?|expediente|"
                               "n[uú]mero\\s+de\\s+(?:historia|expediente|cuenta|p[oó]liza|"
                               "afiliado|licencia))(?:\\s+(?:no\\.?|number|n[uú]mero|#|n\\.?º))?"
                               "(?:\\s+(?:is|was|es|era))?"
                               "\\s*[:#]?\\s*((?=[\\w-]*\\d)[A-Z]{0,4}-?[\\w-]{3,})"),
                ci),
             1});
        p.push_back({Kind::RecordNumber, Re(QStringLiteral("#\\s?\\d{5,}\\b"), cs)});
        p.push_back(
            {Kind::Address,
             Re(QStringLiteral("\\b\\d{1,6}\\s+(?:[A-Z][\\w'.-]*\\s+){1,3}(?:Street|St|Avenue|Ave|"
                               "Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
                               "Terrace|Highway|Hwy|Parkway|Pkwy|Circle|Cir)\\b\\.?"),
                cs)});
        p.push_back(
            {Kind::Address,
             Re(QStringLiteral("\\b(?:Calle|C/|Avenida|Avda\\.|Av\\.|Paseo|Plaza|Camino)\\s+"
                               "(?:[\\p{L}'.-]+\\s+){0,4}?(?:n\\.?º\\s*)?\\d{1,5}\\b"),
                cs)});
        p.push_back(
            {Kind::ZipCode, Re(QStringLiteral("\\b[A-Z]{2},?\\s+(\\d{5}(?:-\\d{4})?)\\b"), cs), 1});
        p.push_back({Kind::ZipCode,
                     Re(QStringLiteral("\\b(?:zip(?:\\s+code)?|postal\\s+code|c[oó]digo\\s+postal|"
                                       "c\\.?p\\.?)\\s*:?\\s*(\\d{5}(?:-\\d{4})?)\\b"),
                        ci),
                     1});
        p.push_back(
            {Kind::Age,
             Re(QStringLiteral("\\b(?:9\\d|1[0-4]\\d)(?:\\s+|-)?(?:years?(?:\\s+|-)old|"
                               "year-old|yrs?(?:\\s+|-)old|yo\\b|y/o|a[nñ]os(?:\\s+de\\s+edad)?)"),
                ci)});
        p.push_back(
            {Kind::Age, Re(QStringLiteral("\\b(?:aged?|edad(?:\\s+de)?|de)\\s+(?:9\\d|1[0-4]\\d)\\b"
                                          "(?!\\s*(?:%|mg|ml|kg|cm|mm))"),
                           ci)});
        p.push_back({Kind::IpAddress, Re(QStringLiteral("\\b(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?"
                                                        ":25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}\\b"),
                                         cs)});
        return p;
    }();
    return all;
}

// A web address only counts when something in it could identify someone: digits, a
// query, or the patient's name. A plain source link ("https://www.cdc.gov/eczema") does not,
// and neither do the numbers of a literature or trial registry (a DOI, a PubMed or PMC id,
// an NCT number), which name a publication, not a person: a health claim's source link
// must not itself be refused as PHI.
bool literatureLink(const QString &url) {
    static const Re host(
        QStringLiteral(
            "^(?:https?://)?(?:www\\.)?(?:dx\\.)?"
            "(doi\\.org|pubmed\\.ncbi\\.nlm\\.nih\\.gov|(?:www\\.)?ncbi\\.nlm\\.nih\\.gov/pmc|"
            "clinicaltrials\\.gov|cochranelibrary\\.com|nejm\\.org|thelancet\\.com|"
            "jamanetwork\\.com|bmj\\.com|nature\\.com|sciencedirect\\.com|"
            "academic\\.oup\\.com|onlinelibrary\\.wiley\\.com)(?:[/:]|$)"),
        Re::CaseInsensitiveOption);
    return host.match(url).hasMatch();
}

bool identifyingUrl(const QString &url, const QStringList &nameTokens) {
    static const Re digits(QStringLiteral("\\d{3,}"));
    if (url.contains(u'?') || url.contains(u'='))
        return true;
    if (digits.match(url).hasMatch() && !literatureLink(url))
        return true;
    return std::any_of(nameTokens.begin(), nameTokens.end(), [&url](const QString &token) {
        return url.contains(token, Qt::CaseInsensitive);
    });
}

QStringList nameTokens(const QString &name) {
    static const Re parenthesis(QStringLiteral("\\([^)]*\\)"));
    static const QStringList particles{
        QStringLiteral("de"),  QStringLiteral("la"), QStringLiteral("del"), QStringLiteral("los"),
        QStringLiteral("las"), QStringLiteral("y"),  QStringLiteral("van"), QStringLiteral("von"),
        QStringLiteral("da"),  QStringLiteral("di"), QStringLiteral("mr"),  QStringLiteral("mrs"),
        QStringLiteral("ms"),  QStringLiteral("dr"), QStringLiteral("sr"),  QStringLiteral("sra")};
    QString plain = name;
    plain.remove(parenthesis);
    QStringList tokens;
    for (const QString &token : plain.split(Re(QStringLiteral("[\\s,.]+")), Qt::SkipEmptyParts)) {
        if (token.size() >= 2 && !particles.contains(token.toLower()))
            tokens.append(token);
    }
    return tokens;
}

void add(std::vector<Finding> &findings, Kind kind, qsizetype start, qsizetype length) {
    if (length > 0)
        findings.push_back({kind, start, length});
}

} // namespace

QString toString(Kind kind) {
    static const std::array names{"name",    "date",     "phone",         "fax",
                                  "email",   "url",      "record_number", "ssn",
                                  "address", "zip_code", "age",           "ip_address"};
    return QString::fromLatin1(names.at(std::size_t(kind)));
}

std::vector<Finding> findPhi(const QString &text, const Context &context) {
    std::vector<Finding> raw;
    const QStringList names = nameTokens(context.patientName);

    for (const Pattern &pattern : patterns()) {
        auto it = pattern.re.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            const qsizetype start = match.capturedStart(pattern.group);
            const qsizetype length = match.capturedLength(pattern.group);
            if (pattern.kind == Kind::Url && !identifyingUrl(match.captured(0), names))
                continue;
            Kind kind = pattern.kind;
            if (kind == Kind::Phone) {
                // "Fax the referral to 555…", "fax: (555) …"
                const qsizetype from = std::max<qsizetype>(0, start - 24);
                if (text.mid(from, start - from)
                        .contains(QLatin1String("fax"), Qt::CaseInsensitive))
                    kind = Kind::Fax;
            }
            add(raw, kind, start, length);
        }
    }
    for (const QString &token : names) {
        const Re re(QStringLiteral("(?<![\\p{L}\\d])%1(?![\\p{L}\\d])").arg(Re::escape(token)),
                    Re::CaseInsensitiveOption | Re::UseUnicodePropertiesOption);
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            add(raw, Kind::Name, match.capturedStart(), match.capturedLength());
        }
    }
    if (context.mrn.trimmed().size() >= 3) {
        const QString mrn = context.mrn.trimmed();
        for (qsizetype at = text.indexOf(mrn, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(mrn, at + mrn.size(), Qt::CaseInsensitive))
            add(raw, Kind::RecordNumber, at, mrn.size());
    }

    // Longest first at each start, then merge: the same kind joins (a first and a last
    // name), another kind keeps the more specific of the two.
    std::sort(raw.begin(), raw.end(), [](const Finding &a, const Finding &b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    std::vector<Finding> merged;
    for (const Finding &finding : raw) {
        if (!merged.empty()) {
            Finding &last = merged.back();
            const qsizetype lastEnd = last.start + last.length;
            const bool touching = finding.kind == Kind::Name && last.kind == Kind::Name &&
                                  finding.start <= lastEnd + 1 &&
                                  text.mid(lastEnd, finding.start - lastEnd).trimmed().isEmpty();
            if (finding.start < lastEnd || touching) {
                const qsizetype end = std::max(lastEnd, finding.start + finding.length);
                if (finding.kind == last.kind || priority(last.kind) >= priority(finding.kind)) {
                    if (finding.kind == last.kind)
                        last.length = end - last.start;
                    continue;
                }
                last = {finding.kind, std::min(last.start, finding.start),
                        end - std::min(last.start, finding.start)};
                continue;
            }
        }
        merged.push_back(finding);
    }
    return merged;
}

} // namespace cc::domain::phi
