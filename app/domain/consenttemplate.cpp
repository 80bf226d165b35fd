#include "domain/consenttemplate.h"

#include "crypto/bytes.h"
#include "crypto/hash.h"
#include "domain/canonicaljson.h"
#include "domain/vocabulary.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <initializer_list>

namespace cc::domain {

namespace {

const QString FormatName = QStringLiteral("consentcam/consent-template/v1");
constexpr qsizetype MaxFileSize = 256 * 1024;
constexpr int MaxDepth = 8; // the format nests three levels deep
constexpr qsizetype MaxSections = 64;
constexpr qsizetype MaxQuestions = 16;
constexpr qsizetype MinAnswers = 2;
constexpr qsizetype MaxAnswers = 6;
constexpr int MaxVersion = 1000000;
constexpr qsizetype MaxShownName = 40;

[[noreturn]] void fail(const QString &message) {
    throw TemplateError(message.toStdString());
}

QString prefixed(const QString &where, const QString &message) {
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

QString quoted(const QString &text) {
    return u'"' + text + u'"';
}

// Placeholders a section body may use, in the order render() fills them.
const QStringList &bodyPlaceholders() {
    static const QStringList names{QStringLiteral("items"),
                                   QStringLiteral("clinician"),
                                   QStringLiteral("credentials"),
                                   QStringLiteral("practice"),
                                   QStringLiteral("practice_contact"),
                                   QStringLiteral("platforms"),
                                   QStringLiteral("audiences"),
                                   QStringLiteral("purposes"),
                                   QStringLiteral("identifiability"),
                                   QStringLiteral("expiry"),
                                   QStringLiteral("compensation")};
    return names;
}

// The fixed label keys (besides one per vocabulary code) and the placeholders each must
// use; no other placeholder is allowed in them.
struct FixedLabel {
    QString key;
    QStringList placeholders;
};

const std::vector<FixedLabel> &fixedLabels() {
    static const std::vector<FixedLabel> labels{
        {QStringLiteral("identifiable.yes"), {}},
        {QStringLiteral("identifiable.no"), {}},
        {QStringLiteral("expiry.date"), {QStringLiteral("date")}},
        {QStringLiteral("expiry.event"), {QStringLiteral("event"), QStringLiteral("date")}},
        {QStringLiteral("compensation.paid"), {QStringLiteral("description")}},
        {QStringLiteral("compensation.unpaid"), {}},
        {QStringLiteral("item.photo"), {QStringLiteral("n"), QStringLiteral("date")}},
        {QStringLiteral("item.story"), {QStringLiteral("title"), QStringLiteral("version")}},
    };
    return labels;
}

struct VocabularyLabels {
    QString prefix;
    const QStringList &codes;
    QString what; // for messages: "platform"
};

const std::vector<VocabularyLabels> &vocabularyLabels() {
    static const std::vector<VocabularyLabels> lists{
        {QStringLiteral("platform."), vocabulary::platforms(), QStringLiteral("platform")},
        {QStringLiteral("audience."), vocabulary::audiences(), QStringLiteral("audience")},
        {QStringLiteral("purpose."), vocabulary::purposes(), QStringLiteral("purpose")},
        {QStringLiteral("role."), vocabulary::signerRoles(), QStringLiteral("signer role")},
        {QStringLiteral("method."), vocabulary::revocationMethods(),
         QStringLiteral("revocation method")},
    };
    return lists;
}

// What a required section is about: it must name these, or the statement it carries
// would be missing from the form.
QStringList placeholdersRequiredIn(const QString &sectionId) {
    static const QHash<QString, QStringList> required{
        {QStringLiteral("items"), {QStringLiteral("items")}},
        {QStringLiteral("discloser"),
         {QStringLiteral("clinician"), QStringLiteral("credentials"), QStringLiteral("practice")}},
        {QStringLiteral("recipients"), {QStringLiteral("platforms"), QStringLiteral("audiences")}},
        {QStringLiteral("purposes"), {QStringLiteral("purposes")}},
        {QStringLiteral("identifiability"), {QStringLiteral("identifiability")}},
        {QStringLiteral("expiry"), {QStringLiteral("expiry")}},
        {QStringLiteral("revocation"),
         {QStringLiteral("practice"), QStringLiteral("practice_contact")}},
        {QStringLiteral("compensation"), {QStringLiteral("compensation")}},
    };
    return required.value(sectionId);
}

// --- reading the JSON ---------------------------------------------------------------

// Refuses an object unless it has exactly the members named, reporting the first missing
// one, then the first unknown one.
void requireMembers(const QJsonObject &object, const QString &where,
                    std::initializer_list<const char *> names) {
    for (const char *name : names) {
        if (!object.contains(QLatin1String(name))) {
            fail(prefixed(where, QStringLiteral("missing member \"%1\"").arg(QLatin1String(name))));
        }
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool known = std::any_of(names.begin(), names.end(), [&](const char *name) {
            return it.key() == QLatin1String(name);
        });
        if (!known) {
            fail(prefixed(where, QStringLiteral("unknown member %1").arg(quoted(it.key()))));
        }
    }
}

// "section 3 \"body\"", or "\"title\"" at the top level.
QString memberWhere(const QString &where, const char *name) {
    const QString member = quoted(QLatin1String(name));
    return where.isEmpty() ? member : where + u' ' + member;
}

QString stringMember(const QJsonObject &object, const QString &where, const char *name) {
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isString()) {
        fail(memberWhere(where, name) + QStringLiteral(" must be a string"));
    }
    return value.toString();
}

QJsonArray arrayMember(const QJsonObject &object, const QString &where, const char *name) {
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isArray()) {
        fail(memberWhere(where, name) + QStringLiteral(" must be an array"));
    }
    return value.toArray();
}

QJsonObject objectMember(const QJsonObject &object, const QString &where, const char *name) {
    const QJsonValue value = object.value(QLatin1String(name));
    if (!value.isObject()) {
        fail(memberWhere(where, name) + QStringLiteral(" must be an object"));
    }
    return value.toObject();
}

int integerMember(const QJsonObject &object, const QString &where, const char *name, int min,
                  int max) {
    const QJsonValue value = object.value(QLatin1String(name));
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
        fail(memberWhere(where, name) + QStringLiteral(" must be an integer"));
    }
    if (number < double(min) || number > double(max)) {
        fail(memberWhere(where, name) +
             QStringLiteral(" must be between %1 and %2").arg(min).arg(max));
    }
    return int(number);
}

enum class Lines { One, Many };

// A text the signer reads: not blank, no control characters, line breaks only where
// the text is a paragraph (and then only "\n").
void checkText(const QString &text, const QString &where, Lines lines) {
    if (text.trimmed().isEmpty()) {
        fail(prefixed(where, QStringLiteral("empty text")));
    }
    for (const QChar c : text) {
        if (c == u'\n') {
            if (lines == Lines::One) {
                fail(prefixed(where, QStringLiteral("line break not allowed")));
            }
            continue;
        }
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator) {
            const QString code = QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            fail(prefixed(
                where, QStringLiteral("control character U+%1 not allowed").arg(code.toUpper())));
        }
    }
}

QString shownName(const QString &name) {
    return name.size() <= MaxShownName ? name : name.left(MaxShownName) + QStringLiteral("...");
}

// The placeholders text uses, each once, in order of first use. Refuses a brace that
// does not open or close a placeholder and any placeholder not in allowed.
QStringList placeholdersIn(const QString &text, const QString &where, const QStringList &allowed) {
    QStringList used;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (text.at(i) == u'}') {
            fail(prefixed(where, QStringLiteral("'}' without a matching '{'")));
        }
        if (text.at(i) != u'{') {
            continue;
        }
        qsizetype close = i + 1;
        while (close < size && text.at(close) != u'}' && text.at(close) != u'{') {
            ++close;
        }
        if (close == size || text.at(close) != u'}') {
            fail(prefixed(where, QStringLiteral("'{' without a matching '}'")));
        }
        const QString name = text.mid(i + 1, close - i - 1);
        if (!allowed.contains(name)) {
            fail(prefixed(where, QStringLiteral("unknown placeholder {%1}").arg(shownName(name))));
        }
        if (!used.contains(name)) {
            used.append(name);
        }
        i = close;
    }
    return used;
}

void requirePlaceholders(const QStringList &used, const QString &where,
                         const QStringList &required) {
    for (const QString &name : required) {
        if (!used.contains(name)) {
            fail(prefixed(where, QStringLiteral("must use {%1}").arg(name)));
        }
    }
}

// A text that may hold placeholders: checked as a text, then for its placeholders.
QString templateText(const QJsonObject &object, const QString &where, const char *name, Lines lines,
                     const QStringList &allowed, const QStringList &required = {}) {
    const QString text = stringMember(object, where, name);
    const QString textWhere = memberWhere(where, name);
    checkText(text, textWhere, lines);
    requirePlaceholders(placeholdersIn(text, textWhere, allowed), textWhere, required);
    return text;
}

bool isIdentifier(const QString &id) {
    // Anchored at the very end: "$" alone would also match before a final line break.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z][a-z0-9_]{0,63}")));
    return pattern.match(id).hasMatch();
}

// --- rendering ------------------------------------------------------------------------

// Replaces each {name} with values[name]; the text was checked by parse(), so every brace
// opens or closes a placeholder. Values are inserted as they are: a brace in a value is
// text, never a placeholder.
QString fill(const QString &text, const QHash<QString, QString> &values) {
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    while (from < text.size()) {
        const qsizetype open = text.indexOf(u'{', from);
        const qsizetype close = open < 0 ? -1 : text.indexOf(u'}', open + 1);
        if (close < 0) {
            out += QStringView(text).mid(from);
            break;
        }
        out += QStringView(text).mid(from, open - from);
        out += values.value(text.mid(open + 1, close - open - 1));
        from = close + 1;
    }
    return out;
}

QString joinList(const QStringList &parts, const QString &separator, const QString &last) {
    QString out;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += (i == parts.size() - 1) ? last : separator;
        }
        out += parts.at(i);
    }
    return out;
}

// A value typed by the clinician, as the form shows it: whitespace runs (line breaks
// included) become one space, and something must be left.
QString cleanInput(const QString &value, const QString &what) {
    const QString clean = value.simplified();
    if (clean.isEmpty()) {
        fail(QStringLiteral("no %1 given").arg(what));
    }
    for (const QChar c : clean) {
        if (c.category() == QChar::Other_Control) {
            fail(QStringLiteral("the %1 contains a control character").arg(what));
        }
    }
    return clean;
}

} // namespace

const QStringList &requiredSectionIds() {
    static const QStringList ids{QStringLiteral("items"),           QStringLiteral("discloser"),
                                 QStringLiteral("recipients"),      QStringLiteral("purposes"),
                                 QStringLiteral("identifiability"), QStringLiteral("expiry"),
                                 QStringLiteral("risks"),           QStringLiteral("revocation"),
                                 QStringLiteral("conditioning"),    QStringLiteral("redisclosure"),
                                 QStringLiteral("compensation"),    QStringLiteral("copy")};
    return ids;
}

ConsentTemplate ConsentTemplate::parse(QByteArrayView json) {
    if (json.size() > MaxFileSize) {
        fail(QStringLiteral("the template is larger than %1 KiB").arg(MaxFileSize / 1024));
    }
    QJsonValue document;
    try {
        document = parseJsonStrict(json, JsonLimits{MaxDepth, MaxFileSize});
    } catch (const JsonError &error) {
        fail(QStringLiteral("not valid JSON: %1").arg(QString::fromUtf8(error.what())));
    }
    if (!document.isObject()) {
        fail(QStringLiteral("a template must be a JSON object"));
    }
    const QJsonObject root = document.toObject();
    const QJsonValue format = root.value(QStringLiteral("format"));
    if (!format.isString()) {
        fail(QStringLiteral("not a consent template: \"format\" is missing or not a string"));
    }
    if (format.toString() != FormatName) {
        fail(QStringLiteral("unsupported template format %1").arg(quoted(format.toString())));
    }
    const QString top;
    requireMembers(root, top,
                   {"format", "id", "version", "language", "title", "dateFormat", "months",
                    "listSeparator", "listLastSeparator", "labels", "agreeStatement",
                    "signatureMeaning", "sections", "comprehension"});

    ConsentTemplate result;
    result.m_id = stringMember(root, top, "id");
    static const QRegularExpression idPattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z][a-z0-9-]{0,63}")));
    if (!idPattern.match(result.m_id).hasMatch()) {
        fail(QStringLiteral("template id %1 must be lowercase letters, digits and '-'")
                 .arg(quoted(shownName(result.m_id))));
    }
    result.m_version = integerMember(root, top, "version", 1, MaxVersion);
    result.m_language = stringMember(root, top, "language");
    static const QRegularExpression languagePattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z]{2,3}(-[A-Z]{2})?")));
    if (!languagePattern.match(result.m_language).hasMatch()) {
        fail(QStringLiteral("language %1 is not a language code such as \"en\" or \"es\"")
                 .arg(quoted(shownName(result.m_language))));
    }
    result.m_title = templateText(root, top, "title", Lines::One, {});
    const QStringList dateParts{QStringLiteral("day"), QStringLiteral("month"),
                                QStringLiteral("year")};
    result.m_dateFormat = templateText(root, top, "dateFormat", Lines::One, dateParts, dateParts);

    const QJsonArray months = arrayMember(root, top, "months");
    if (months.size() != 12) {
        fail(QStringLiteral("\"months\" must name 12 months, not %1").arg(months.size()));
    }
    for (qsizetype i = 0; i < months.size(); ++i) {
        const QString where = QStringLiteral("month %1").arg(i + 1);
        if (!months.at(i).isString()) {
            fail(where + QStringLiteral(": must be a string"));
        }
        const QString month = months.at(i).toString();
        checkText(month, where, Lines::One);
        (void)placeholdersIn(month, where, {});
        result.m_months.append(month);
    }

    const auto separator = [&root, &top](const char *name) {
        const QString text = stringMember(root, top, name);
        const QString where = memberWhere(top, name);
        if (text.isEmpty()) {
            fail(where + QStringLiteral(": empty text"));
        }
        for (const QChar c : text) {
            if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
                c == QChar::ParagraphSeparator) {
                fail(where + QStringLiteral(": control characters and line breaks not allowed"));
            }
        }
        (void)placeholdersIn(text, where, {});
        return text;
    };
    result.m_listSeparator = separator("listSeparator");
    result.m_listLastSeparator = separator("listLastSeparator");

    const QJsonObject labels = objectMember(root, top, "labels");
    QStringList knownKeys;
    for (const VocabularyLabels &list : vocabularyLabels()) {
        for (const QString &code : list.codes) {
            knownKeys.append(list.prefix + code);
        }
    }
    for (const FixedLabel &fixed : fixedLabels()) {
        knownKeys.append(fixed.key);
    }
    for (const QString &key : knownKeys) {
        if (!labels.contains(key)) {
            fail(QStringLiteral("missing label %1").arg(quoted(key)));
        }
    }
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
        if (!knownKeys.contains(it.key())) {
            fail(QStringLiteral("unknown label %1").arg(quoted(shownName(it.key()))));
        }
        const QString where = QStringLiteral("label %1").arg(quoted(it.key()));
        if (!it.value().isString()) {
            fail(where + QStringLiteral(": must be a string"));
        }
        const QString text = it.value().toString();
        checkText(text, where, Lines::One);
        const auto fixed = std::find_if(fixedLabels().begin(), fixedLabels().end(),
                                        [&](const FixedLabel &f) { return f.key == it.key(); });
        const QStringList placeholders =
            fixed == fixedLabels().end() ? QStringList{} : fixed->placeholders;
        requirePlaceholders(placeholdersIn(text, where, placeholders), where, placeholders);
        result.m_labels.insert(it.key(), text);
    }

    result.m_agree = templateText(root, top, "agreeStatement", Lines::Many, {});
    result.m_meaning = templateText(root, top, "signatureMeaning", Lines::Many, {});

    const QJsonArray sections = arrayMember(root, top, "sections");
    if (sections.isEmpty() || sections.size() > MaxSections) {
        fail(QStringLiteral("a template must have 1 to %1 sections").arg(MaxSections));
    }
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const QString where = QStringLiteral("section %1").arg(i + 1);
        if (!sections.at(i).isObject()) {
            fail(where + QStringLiteral(": must be an object"));
        }
        const QJsonObject object = sections.at(i).toObject();
        requireMembers(object, where, {"id", "title", "body"});
        TemplateSection section;
        section.id = stringMember(object, where, "id");
        if (!isIdentifier(section.id)) {
            fail(where + QStringLiteral(": id %1 must be lowercase letters, digits and '_'")
                             .arg(quoted(shownName(section.id))));
        }
        if (result.sectionIds().contains(section.id)) {
            fail(where + QStringLiteral(": duplicate section id %1").arg(quoted(section.id)));
        }
        section.title = templateText(object, where, "title", Lines::One, {});
        section.body = templateText(object, where, "body", Lines::Many, bodyPlaceholders(),
                                    placeholdersRequiredIn(section.id));
        // The item list is one line per item: it must stand on lines of its own.
        const QString items = QStringLiteral("{items}");
        for (qsizetype at = section.body.indexOf(items); at >= 0;
             at = section.body.indexOf(items, at + 1)) {
            const qsizetype end = at + items.size();
            if ((at > 0 && section.body.at(at - 1) != u'\n') ||
                (end < section.body.size() && section.body.at(end) != u'\n')) {
                fail(where + QStringLiteral(": {items} must be on a line of its own"));
            }
        }
        result.m_sections.push_back(std::move(section));
    }

    const QJsonArray questions = arrayMember(root, top, "comprehension");
    if (questions.isEmpty() || questions.size() > MaxQuestions) {
        fail(QStringLiteral("a template must have 1 to %1 comprehension questions")
                 .arg(MaxQuestions));
    }
    QStringList questionIds;
    for (qsizetype i = 0; i < questions.size(); ++i) {
        const QString where = QStringLiteral("question %1").arg(i + 1);
        if (!questions.at(i).isObject()) {
            fail(where + QStringLiteral(": must be an object"));
        }
        const QJsonObject object = questions.at(i).toObject();
        requireMembers(object, where, {"id", "question", "answers", "correct", "explanation"});
        ComprehensionQuestion question;
        question.id = stringMember(object, where, "id");
        if (!isIdentifier(question.id)) {
            fail(where + QStringLiteral(": id %1 must be lowercase letters, digits and '_'")
                             .arg(quoted(shownName(question.id))));
        }
        if (questionIds.contains(question.id)) {
            fail(where + QStringLiteral(": duplicate question id %1").arg(quoted(question.id)));
        }
        questionIds.append(question.id);
        question.question = templateText(object, where, "question", Lines::One, {});
        const QJsonArray answers = arrayMember(object, where, "answers");
        if (answers.size() < MinAnswers || answers.size() > MaxAnswers) {
            fail(where + QStringLiteral(": must have %1 to %2 answers, not %3")
                             .arg(MinAnswers)
                             .arg(MaxAnswers)
                             .arg(answers.size()));
        }
        for (qsizetype a = 0; a < answers.size(); ++a) {
            const QString answerWhere = where + QStringLiteral(" answer %1").arg(a + 1);
            if (!answers.at(a).isString()) {
                fail(answerWhere + QStringLiteral(": must be a string"));
            }
            const QString answer = answers.at(a).toString();
            checkText(answer, answerWhere, Lines::One);
            (void)placeholdersIn(answer, answerWhere, {});
            if (question.answers.contains(answer)) {
                fail(answerWhere + QStringLiteral(": the same as an earlier answer"));
            }
            question.answers.append(answer);
        }
        const QJsonValue correct = object.value(QStringLiteral("correct"));
        const double index = correct.toDouble();
        if (!correct.isDouble() || !std::isfinite(index) || std::trunc(index) != index) {
            fail(where + QStringLiteral(": \"correct\" must be an integer"));
        }
        if (index < 0 || index >= double(answers.size())) {
            fail(where + QStringLiteral(": \"correct\" must be an answer index from 0 to %1")
                             .arg(answers.size() - 1));
        }
        question.correct = int(index);
        question.explanation = templateText(object, where, "explanation", Lines::Many, {});
        result.m_questions.push_back(std::move(question));
    }
    return result;
}

QStringList ConsentTemplate::sectionIds() const {
    QStringList ids;
    ids.reserve(qsizetype(m_sections.size()));
    for (const TemplateSection &section : m_sections) {
        ids.append(section.id);
    }
    return ids;
}

QString ConsentTemplate::label(const QString &key) const {
    return m_labels.value(key);
}

QString ConsentTemplate::formatDate(const QDate &date) const {
    if (!date.isValid() || date.year() < 1) {
        fail(QStringLiteral("not a valid date"));
    }
    return fill(m_dateFormat, {{QStringLiteral("day"), QString::number(date.day())},
                               {QStringLiteral("month"), m_months.value(date.month() - 1)},
                               {QStringLiteral("year"), QString::number(date.year())}});
}

QString ConsentTemplate::describePhoto(int number, const QDate &taken) const {
    if (number < 1) {
        fail(QStringLiteral("photo numbers start at 1"));
    }
    if (!taken.isValid()) {
        fail(QStringLiteral("photo %1: no valid date taken").arg(number));
    }
    return fill(label(QStringLiteral("item.photo")),
                {{QStringLiteral("n"), QString::number(number)},
                 {QStringLiteral("date"), formatDate(taken)}});
}

QString ConsentTemplate::describeStory(const QString &title, int version) const {
    if (version < 1) {
        fail(QStringLiteral("story versions start at 1"));
    }
    return fill(label(QStringLiteral("item.story")),
                {{QStringLiteral("title"), cleanInput(title, QStringLiteral("story title"))},
                 {QStringLiteral("version"), QString::number(version)}});
}

std::vector<RenderedSection> ConsentTemplate::render(const FormInputs &inputs) const {
    // Codes become their labels in vocabulary order, so a scope reads the same whatever
    // order it was chosen in.
    const auto codeList = [this](const QStringList &codes, const VocabularyLabels &list) {
        if (codes.isEmpty()) {
            fail(QStringLiteral("no %1 chosen").arg(list.what));
        }
        for (qsizetype i = 0; i < codes.size(); ++i) {
            if (!list.codes.contains(codes.at(i))) {
                fail(
                    QStringLiteral("unknown %1 %2").arg(list.what, quoted(shownName(codes.at(i)))));
            }
            if (codes.indexOf(codes.at(i)) != i) {
                fail(QStringLiteral("%1 %2 chosen twice").arg(list.what, quoted(codes.at(i))));
            }
        }
        QStringList labels;
        for (const QString &code : list.codes) {
            if (codes.contains(code)) {
                labels.append(label(list.prefix + code));
            }
        }
        return joinList(labels, m_listSeparator, m_listLastSeparator);
    };
    const auto value = [&](const QString &name) -> QString {
        if (name == QLatin1String("items")) {
            if (inputs.itemDescriptions.isEmpty()) {
                fail(QStringLiteral("no items to share"));
            }
            QStringList lines;
            for (qsizetype i = 0; i < inputs.itemDescriptions.size(); ++i) {
                lines.append(QStringLiteral("\u2022 ") +
                             cleanInput(inputs.itemDescriptions.at(i),
                                        QStringLiteral("description of item %1").arg(i + 1)));
            }
            return lines.join(u'\n');
        }
        if (name == QLatin1String("clinician")) {
            return cleanInput(inputs.clinicianName, QStringLiteral("clinician name"));
        }
        if (name == QLatin1String("credentials")) {
            return cleanInput(inputs.clinicianCredentials, QStringLiteral("clinician credentials"));
        }
        if (name == QLatin1String("practice")) {
            return cleanInput(inputs.practiceName, QStringLiteral("practice name"));
        }
        if (name == QLatin1String("practice_contact")) {
            return cleanInput(inputs.practiceContact,
                              QStringLiteral("practice contact for written revocations"));
        }
        if (name == QLatin1String("platforms")) {
            return codeList(inputs.platforms, vocabularyLabels().at(0));
        }
        if (name == QLatin1String("audiences")) {
            return codeList(inputs.audiences, vocabularyLabels().at(1));
        }
        if (name == QLatin1String("purposes")) {
            return codeList(inputs.purposes, vocabularyLabels().at(2));
        }
        if (name == QLatin1String("identifiability")) {
            return label(inputs.identifiable ? QStringLiteral("identifiable.yes")
                                             : QStringLiteral("identifiable.no"));
        }
        if (name == QLatin1String("expiry")) {
            if (!inputs.expiryDate.isValid()) {
                fail(QStringLiteral("no valid expiry date given"));
            }
            const QString date = formatDate(inputs.expiryDate);
            if (inputs.expiryKind == FormInputs::Expiry::Date) {
                return fill(label(QStringLiteral("expiry.date")), {{QStringLiteral("date"), date}});
            }
            return fill(label(QStringLiteral("expiry.event")),
                        {{QStringLiteral("event"),
                          cleanInput(inputs.expiryEvent, QStringLiteral("expiry event"))},
                         {QStringLiteral("date"), date}});
        }
        // compensation
        if (!inputs.paid) {
            return label(QStringLiteral("compensation.unpaid"));
        }
        return fill(label(QStringLiteral("compensation.paid")),
                    {{QStringLiteral("description"),
                      cleanInput(inputs.compensationDescription,
                                 QStringLiteral("description of the payment"))}});
    };

    QHash<QString, QString> values;
    for (const QString &name : bodyPlaceholders()) {
        const QString placeholder = u'{' + name + u'}';
        const bool used =
            std::any_of(m_sections.begin(), m_sections.end(),
                        [&](const TemplateSection &s) { return s.body.contains(placeholder); });
        if (used) {
            values.insert(name, value(name));
        }
    }
    std::vector<RenderedSection> rendered;
    rendered.reserve(m_sections.size());
    for (const TemplateSection &section : m_sections) {
        rendered.push_back({section.id, section.title.normalized(QString::NormalizationForm_C),
                            fill(section.body, values).normalized(QString::NormalizationForm_C)});
    }
    return rendered;
}

QString ConsentTemplate::renderText(const FormInputs &inputs) const {
    const QString blankLine = QStringLiteral("\n\n");
    QString text = m_title;
    for (const RenderedSection &section : render(inputs)) {
        text += blankLine + section.title + blankLine + section.body;
    }
    return text.normalized(QString::NormalizationForm_C);
}

QString ConsentTemplate::textSha256(const FormInputs &inputs) const {
    const QByteArray utf8 = renderText(inputs).toUtf8();
    const crypto::Sha256Digest digest = crypto::sha256(crypto::ByteView(
        reinterpret_cast<const std::uint8_t *>(utf8.constData()), std::size_t(utf8.size())));
    return QString::fromStdString(crypto::toHex(crypto::ByteView(digest.data(), digest.size())));
}

void TemplateCatalog::add(ConsentTemplate consentTemplate) {
    if (find(consentTemplate.id(), consentTemplate.version(), consentTemplate.language())) {
        fail(QStringLiteral("template %1 version %2 (%3) is already in the catalog")
                 .arg(consentTemplate.id())
                 .arg(consentTemplate.version())
                 .arg(consentTemplate.language()));
    }
    m_templates.push_back(std::move(consentTemplate));
    m_stamp = nextStamp();
}

std::uint64_t TemplateCatalog::nextStamp() noexcept {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

const ConsentTemplate *TemplateCatalog::find(const QString &id, int version,
                                             const QString &language) const {
    for (const ConsentTemplate &t : m_templates) {
        if (t.id() == id && t.version() == version && t.language() == language) {
            return &t;
        }
    }
    return nullptr;
}

const ConsentTemplate *TemplateCatalog::latest(const QString &id, const QString &language) const {
    const ConsentTemplate *newest = nullptr;
    for (const ConsentTemplate &t : m_templates) {
        if (t.id() == id && t.language() == language &&
            (!newest || t.version() > newest->version())) {
            newest = &t;
        }
    }
    return newest;
}

QStringList TemplateCatalog::languages(const QString &id) const {
    QStringList result;
    for (const ConsentTemplate &t : m_templates) {
        if (t.id() == id && !result.contains(t.language())) {
            result.append(t.language());
        }
    }
    result.sort();
    return result;
}

} // namespace cc::domain
