// VocabularyLabels: a display name for every code of domain/vocabulary.h, in English
// (the source strings) and in Spanish (the app's compiled translation).

#include "ui/vocabularylabels.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QHash>
#include <QTranslator>
#include <QVariantMap>

using cc::ui::VocabularyLabels;
using Kind = VocabularyLabels::Kind;

namespace {

const Kind allKinds[] = {Kind::Platform, Kind::Audience, Kind::Purpose, Kind::SignerRole,
                         Kind::RevocationMethod};

// Every (kind, code) pair's label in the language installed now.
QHash<QString, QString> allLabels() {
    QHash<QString, QString> labels;
    for (const Kind kind : allKinds) {
        for (const QString &code : VocabularyLabels::codes(kind))
            labels.insert(QString::number(int(kind)) + u':' + code,
                          VocabularyLabels::labelFor(kind, code));
    }
    return labels;
}

void checkEveryCodeNamed() {
    for (const Kind kind : allKinds) {
        REQUIRE_FALSE(VocabularyLabels::codes(kind).isEmpty());
        for (const QString &code : VocabularyLabels::codes(kind)) {
            const QString label = VocabularyLabels::labelFor(kind, code);
            INFO(code.toStdString() << " is labelled \"" << label.toStdString() << '"');
            CHECK_FALSE(label.trimmed().isEmpty());
            if (!VocabularyLabels::isProperName(kind, code))
                CHECK(label.compare(code, Qt::CaseInsensitive) != 0);
        }
    }
}

} // namespace

TEST_CASE("Every code has an English label that is not the code itself") {
    checkEveryCodeNamed();
    CHECK(VocabularyLabels::platformLabel(QStringLiteral("website")) ==
          QStringLiteral("The practice's website"));
    CHECK(VocabularyLabels::audienceLabel(QStringLiteral("public")) ==
          QStringLiteral("Anyone (public)"));
    CHECK(VocabularyLabels::audienceLabel(QStringLiteral("followers")) ==
          QStringLiteral("My followers or connections"));
    CHECK(VocabularyLabels::audienceLabel(QStringLiteral("professionals")) ==
          QStringLiteral("Healthcare professionals only"));
    CHECK(VocabularyLabels::platformLabel(QStringLiteral("tiktok")) == QStringLiteral("TikTok"));
}

TEST_CASE("Only the brand names are proper names") {
    for (const Kind kind : allKinds) {
        for (const QString &code : VocabularyLabels::codes(kind)) {
            INFO(code.toStdString());
            CHECK(VocabularyLabels::isProperName(kind, code) ==
                  (kind == Kind::Platform && code != QLatin1String("website")));
        }
    }
}

TEST_CASE("A code outside its vocabulary has no label") {
    CHECK(VocabularyLabels::platformLabel(QStringLiteral("myspace")).isEmpty());
    CHECK(VocabularyLabels::labelFor(Kind::Audience, QStringLiteral("instagram")).isEmpty());
    CHECK(VocabularyLabels::labelFor(Kind::Purpose, {}).isEmpty());
    CHECK(VocabularyLabels::signerRoleLabel(QStringLiteral("Patient")).isEmpty());
    CHECK(VocabularyLabels::revocationMethodLabel(QStringLiteral("public")).isEmpty());
}

TEST_CASE("The lists for QML hold every code in order with its label") {
    VocabularyLabels labels(nullptr);
    const std::pair<Kind, QVariantList> lists[] = {
        {Kind::Platform, labels.platforms()},
        {Kind::Audience, labels.audiences()},
        {Kind::Purpose, labels.purposes()},
        {Kind::SignerRole, labels.signerRoles()},
        {Kind::RevocationMethod, labels.revocationMethods()}};
    for (const auto &[kind, list] : lists) {
        const QStringList &codes = VocabularyLabels::codes(kind);
        REQUIRE(list.size() == codes.size());
        for (qsizetype i = 0; i < codes.size(); ++i) {
            const QVariantMap entry = list.at(i).toMap();
            CHECK(entry.size() == 2);
            CHECK(entry.value(QStringLiteral("code")).toString() == codes.at(i));
            CHECK(entry.value(QStringLiteral("label")).toString() ==
                  VocabularyLabels::labelFor(kind, codes.at(i)));
            CHECK(labels.label(kind, codes.at(i)) == VocabularyLabels::labelFor(kind, codes.at(i)));
        }
    }
}

TEST_CASE("Every code has a Spanish label; all but the brand names are translated") {
    const QHash<QString, QString> english = allLabels();
    QTranslator spanish;
    REQUIRE(spanish.load(QStringLiteral(":/i18n/consentcam_es.qm")));
    REQUIRE(QCoreApplication::installTranslator(&spanish));

    checkEveryCodeNamed();
    const QHash<QString, QString> translated = allLabels();
    for (const Kind kind : allKinds) {
        for (const QString &code : VocabularyLabels::codes(kind)) {
            INFO(code.toStdString());
            const QString key = QString::number(int(kind)) + u':' + code;
            const std::string label = translated.value(key).toStdString();
            if (VocabularyLabels::isProperName(kind, code))
                CHECK(label == english.value(key).toStdString());
            else
                CHECK(label != english.value(key).toStdString());
        }
    }
    CHECK(VocabularyLabels::audienceLabel(QStringLiteral("public")) ==
          QStringLiteral("Cualquier persona (público)"));

    // The labels follow the translator of the moment.
    QCoreApplication::removeTranslator(&spanish);
    CHECK(allLabels() == english);
}

// Translators need a QCoreApplication.
int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
