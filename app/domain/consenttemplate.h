#pragma once

// Consent form templates (DESIGN §2.3.3, §3): versioned, structured documents in
// assets/consent-templates/, one file per (id, version, language). A released template
// file never changes; a change is a new version. A sealed record names the template's
// id, version and language and the SHA-256 of the exact text the signer was shown,
// which renderText() reproduces from the template and the record's choices.
//
// File format (UTF-8 JSON, parsed strictly):
// {
//   "format": "consentcam/consent-template/v1",
//   "id": "media-release", "version": 1, "language": "en",
//   "title": "...",
//   "dateFormat": "{month} {day}, {year}",            // {day} {month} {year} only
//   "months": ["January", ..., "December"],            // exactly 12
//   "listSeparator": ", ", "listLastSeparator": " and ",
//   "labels": { "<key>": "<text>", ... },              // see label()
//   "agreeStatement": "...",   // the words of the explicit "I agree" act
//   "signatureMeaning": "...", // what the signature means (21 CFR 11.50)
//   "sections": [ {"id": "items", "title": "...", "body": "... {items} ..."}, ... ],
//   "comprehension": [ {"id": "...", "question": "...", "answers": ["...", ...],
//                       "correct": 0, "explanation": "..."}, ... ]
// }
// Section bodies and some labels contain placeholders in braces; each placeholder a
// text may use is listed below, and parse() refuses any other.

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace cc::domain {

class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The section ids a media-release template must have, in the order the validator
// names them. A template may have more.
[[nodiscard]] const QStringList &requiredSectionIds();

struct TemplateSection {
    QString id; // stable: [a-z][a-z0-9_]*
    QString title;
    QString body; // may contain placeholders
};

struct ComprehensionQuestion {
    QString id;
    QString question;
    QStringList answers; // at least two
    int correct = 0;     // index into answers
    QString explanation; // shown after a wrong answer, before the retry
};

// What fills a template's placeholders: everything the signer is shown that is not
// fixed text. Codes are vocabulary codes (vocabulary.h).
struct FormInputs {
    QStringList itemDescriptions; // from describePhoto() / describeStory(), in order
    QString clinicianName;        // "Dr. Ana Ruiz"
    QString clinicianCredentials; // "MD, Dermatology"
    QString practiceName;
    QString practiceContact; // where a written revocation goes (address, e-mail)
    QStringList platforms;
    QStringList audiences;
    QStringList purposes;
    bool identifiable = false; // false: only de-identified (redacted) versions may be shared
    enum class Expiry { Date, Event } expiryKind = Expiry::Date;
    QDate expiryDate;                // the end date; for an event, the latest end date
    QString expiryEvent;             // for Expiry::Event: "the end of my treatment"
    bool paid = false;               // the clinician or practice is paid for the use
    QString compensationDescription; // for paid: what and by whom
};

struct RenderedSection {
    QString id;
    QString title;
    QString body;
};

// One parsed, checked template. A value type.
class ConsentTemplate {
public:
    // Parses and checks a template file: strict JSON (canonicaljson.h), the format
    // string, every member present with the right type, non-empty texts, unique section
    // ids, 12 months, valid comprehension questions, only known placeholders in each
    // text, and a label for every vocabulary code and every fixed label key. Also refused:
    // unknown members and label keys; control characters, and line breaks outside
    // section bodies, the agree statement, the signature meaning and explanations; a
    // label or dateFormat missing one of its placeholders; a required section (below)
    // without the placeholders its statement needs (items {items}; discloser {clinician}
    // {credentials} {practice}; recipients {platforms} {audiences}; purposes {purposes};
    // identifiability, expiry and compensation their own; revocation {practice}
    // {practice_contact}); {items} not on a line of its own. Throws TemplateError naming
    // the first problem and where ("section 3 \"body\": unknown placeholder {foo}").
    [[nodiscard]] static ConsentTemplate parse(QByteArrayView json);

    [[nodiscard]] QString id() const { return m_id; }
    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] QString language() const { return m_language; } // "en", "es"
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] QString agreeStatement() const { return m_agree; }
    [[nodiscard]] QString signatureMeaning() const { return m_meaning; }
    [[nodiscard]] const std::vector<TemplateSection> &sections() const { return m_sections; }
    [[nodiscard]] QStringList sectionIds() const;
    [[nodiscard]] const std::vector<ComprehensionQuestion> &comprehension() const {
        return m_questions;
    }

    // Label keys: "platform.<code>", "audience.<code>", "purpose.<code>", "role.<code>",
    // "method.<code>" for every vocabulary code; "identifiable.yes", "identifiable.no";
    // "expiry.date" ({date}), "expiry.event" ({event} {date}); "compensation.paid"
    // ({description}), "compensation.unpaid"; "item.photo" ({n} {date}),
    // "item.story" ({title} {version}). An empty string for an unknown key.
    [[nodiscard]] QString label(const QString &key) const;

    // A date in the template's language, from dateFormat and months: "March 5, 2027".
    // Throws TemplateError for an invalid date.
    [[nodiscard]] QString formatDate(const QDate &date) const;
    // Item descriptions for FormInputs::itemDescriptions and the sealed record. Throw
    // TemplateError for a number or version below 1, an invalid date or a blank title.
    [[nodiscard]] QString describePhoto(int number, const QDate &taken) const;
    [[nodiscard]] QString describeStory(const QString &title, int version) const;

    // The sections with every placeholder filled. Placeholders in section bodies:
    // {items} (one line per description, each starting "• "), {clinician},
    // {credentials}, {practice}, {practice_contact}, {platforms}, {audiences},
    // {purposes} (labels joined with listSeparator / listLastSeparator),
    // {identifiability} (the identifiable.* label), {expiry} (the expiry.* label filled
    // in), {compensation} (the compensation.* label filled in).
    // Codes are listed in vocabulary order whatever their order in inputs; each text
    // input has its whitespace runs (line breaks too) shown as one space. Titles and
    // bodies come back in Unicode NFC. Throws TemplateError when an input a used
    // placeholder needs is missing or wrong: no items, a blank name, contact, event or
    // payment description, no code or an unknown or repeated code in a list, an invalid
    // expiry date (for an event too), a control character.
    [[nodiscard]] std::vector<RenderedSection> render(const FormInputs &inputs) const;
    // The exact text shown: the title, then for each rendered section its title and body,
    // all separated by blank lines ("\n\n"), lines ending in "\n" only (none after the
    // last body), in Unicode NFC. The same template and inputs always give the same text.
    // Throws as render() does.
    [[nodiscard]] QString renderText(const FormInputs &inputs) const;
    // SHA-256 of renderText(inputs) as UTF-8, lowercase hex.
    [[nodiscard]] QString textSha256(const FormInputs &inputs) const;

private:
    QString m_id;
    int m_version = 0;
    QString m_language;
    QString m_title;
    QString m_dateFormat;
    QStringList m_months;
    QString m_listSeparator;
    QString m_listLastSeparator;
    QHash<QString, QString> m_labels;
    QString m_agree;
    QString m_meaning;
    std::vector<TemplateSection> m_sections;
    std::vector<ComprehensionQuestion> m_questions;
};

// The templates an app version knows, every released version of each.
class TemplateCatalog {
public:
    // Throws TemplateError if a template with the same id, version and language is
    // already there.
    void add(ConsentTemplate consentTemplate);
    // nullptr when not known. Pointers stay valid until the next add().
    [[nodiscard]] const ConsentTemplate *find(const QString &id, int version,
                                              const QString &language) const;
    // The newest version of id in language; nullptr when there is none.
    [[nodiscard]] const ConsentTemplate *latest(const QString &id, const QString &language) const;
    // The languages id is available in, sorted.
    [[nodiscard]] QStringList languages(const QString &id) const;
    [[nodiscard]] const std::vector<ConsentTemplate> &all() const { return m_templates; }
    // Names this catalog's content: no catalog with other content has the same stamp, and
    // every add() gives a new one. What was judged against a stamp holds for the same stamp.
    [[nodiscard]] std::uint64_t stamp() const noexcept { return m_stamp; }

private:
    static std::uint64_t nextStamp() noexcept;

    std::vector<ConsentTemplate> m_templates;
    std::uint64_t m_stamp = nextStamp();
};

} // namespace cc::domain
