#include "ui/vocabularylabels.h"

#include "domain/vocabulary.h"

#include <QVariantMap>

namespace cc::ui {

namespace vocabulary = domain::vocabulary;

namespace {

// Platforms whose label is the brand's own name, in no language translated.
const QStringList &brandNames() {
    static const QStringList codes{
        QStringLiteral("instagram"), QStringLiteral("facebook"), QStringLiteral("x"),
        QStringLiteral("tiktok"),    QStringLiteral("linkedin"), QStringLiteral("youtube"),
        QStringLiteral("threads"),   QStringLiteral("bluesky"),  QStringLiteral("mastodon")};
    return codes;
}

} // namespace

VocabularyLabels::VocabularyLabels(QObject *parent)
    : QObject(parent) {}

VocabularyLabels::~VocabularyLabels() = default;

const QStringList &VocabularyLabels::codes(Kind kind) {
    switch (kind) {
    case Kind::Platform:
        return vocabulary::platforms();
    case Kind::Audience:
        return vocabulary::audiences();
    case Kind::Purpose:
        return vocabulary::purposes();
    case Kind::SignerRole:
        return vocabulary::signerRoles();
    case Kind::RevocationMethod:
        return vocabulary::revocationMethods();
    }
    static const QStringList none;
    return none;
}

QString VocabularyLabels::labelFor(Kind kind, const QString &code) {
    switch (kind) {
    case Kind::Platform:
        return platformLabel(code);
    case Kind::Audience:
        return audienceLabel(code);
    case Kind::Purpose:
        return purposeLabel(code);
    case Kind::SignerRole:
        return signerRoleLabel(code);
    case Kind::RevocationMethod:
        return revocationMethodLabel(code);
    }
    return {};
}

QString VocabularyLabels::platformLabel(const QString &code) {
    if (code == QLatin1String("instagram"))
        return QStringLiteral("Instagram");
    if (code == QLatin1String("facebook"))
        return QStringLiteral("Facebook");
    if (code == QLatin1String("x"))
        return QStringLiteral("X");
    if (code == QLatin1String("tiktok"))
        return QStringLiteral("TikTok");
    if (code == QLatin1String("linkedin"))
        return QStringLiteral("LinkedIn");
    if (code == QLatin1String("youtube"))
        return QStringLiteral("YouTube");
    if (code == QLatin1String("threads"))
        return QStringLiteral("Threads");
    if (code == QLatin1String("bluesky"))
        return QStringLiteral("Bluesky");
    if (code == QLatin1String("mastodon"))
        return QStringLiteral("Mastodon");
    if (code == QLatin1String("website"))
        return tr("The practice's website");
    return {};
}

QString VocabularyLabels::audienceLabel(const QString &code) {
    if (code == QLatin1String("public"))
        return tr("Anyone (public)");
    if (code == QLatin1String("followers"))
        return tr("My followers or connections");
    if (code == QLatin1String("professionals"))
        return tr("Healthcare professionals only");
    return {};
}

QString VocabularyLabels::purposeLabel(const QString &code) {
    if (code == QLatin1String("education"))
        return tr("Educating patients and the public");
    if (code == QLatin1String("professional_education"))
        return tr("Teaching other healthcare professionals");
    if (code == QLatin1String("awareness"))
        return tr("Health awareness campaigns");
    if (code == QLatin1String("practice_promotion"))
        return tr("Promoting me or my practice");
    return {};
}

QString VocabularyLabels::signerRoleLabel(const QString &code) {
    if (code == QLatin1String("patient"))
        return tr("The patient");
    if (code == QLatin1String("parent_guardian"))
        return tr("Parent or legal guardian");
    if (code == QLatin1String("healthcare_poa"))
        return tr("Healthcare power of attorney");
    if (code == QLatin1String("other_representative"))
        return tr("Other legal representative");
    return {};
}

QString VocabularyLabels::revocationMethodLabel(const QString &code) {
    if (code == QLatin1String("signed_on_device"))
        return tr("Signed in person on this device");
    if (code == QLatin1String("written_letter"))
        return tr("Written letter");
    if (code == QLatin1String("other"))
        return tr("Another way");
    return {};
}

bool VocabularyLabels::isProperName(Kind kind, const QString &code) {
    return kind == Kind::Platform && brandNames().contains(code);
}

QVariantList VocabularyLabels::choicesFor(Kind kind) {
    QVariantList choices;
    for (const QString &code : codes(kind))
        choices.append(QVariantMap{{QStringLiteral("code"), code},
                                   {QStringLiteral("label"), labelFor(kind, code)}});
    return choices;
}

QVariantList VocabularyLabels::platforms() const {
    return choicesFor(Kind::Platform);
}

QVariantList VocabularyLabels::audiences() const {
    return choicesFor(Kind::Audience);
}

QVariantList VocabularyLabels::purposes() const {
    return choicesFor(Kind::Purpose);
}

QVariantList VocabularyLabels::signerRoles() const {
    return choicesFor(Kind::SignerRole);
}

QVariantList VocabularyLabels::revocationMethods() const {
    return choicesFor(Kind::RevocationMethod);
}

QString VocabularyLabels::label(Kind kind, const QString &code) const {
    return labelFor(kind, code);
}

} // namespace cc::ui
