// The exam-room controllers against a real vault: the library (patients, stories, badges)
// and a whole consent session through ConsentSession — patient mode, Spanish, scope, the
// comprehension check, a refused scribble, signature, witness, a wrong and a right
// countersign passcode — with the sealed record then checked through the core.

#include "domain/consenttemplate.h"
#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"
#include "ui/capturecontroller.h"
#include "ui/consentsession.h"
#include "ui/corehost.h"
#include "ui/injectedframesource.h"
#include "ui/librarycontroller.h"
#include "ui/uilanguage.h"

#include "qml/appfixture.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <memory>

using cc::ui::AppController;
using State = AppController::State;
using namespace std::chrono_literals;

using cc::test::waitFor;

namespace {

const QString passcode = cc::test::AppFixture::passcode;

QVariantList toVariant(const cc::domain::SignatureStrokes &strokes) {
    QVariantList result;
    for (const auto &stroke : strokes.strokes) {
        QVariantList points;
        for (const auto &point : stroke)
            points.append(QVariantMap{{QStringLiteral("x"), point.x},
                                      {QStringLiteral("y"), point.y},
                                      {QStringLiteral("t"), point.t}});
        result.append(QVariant(points));
    }
    return result;
}

struct Fixture : cc::test::AppFixture {
    Fixture() {
        library = std::make_unique<cc::ui::LibraryController>(*host);
        session = std::make_unique<cc::ui::ConsentSession>(*host, *app, language);
        createVault();
    }

    void completeProfile() {
        host->core()->settings().setClinician(
            {QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD, Dermatology"),
             QStringLiteral("Ruiz Dermatology"), QStringLiteral("privacy@ruiz.example")});
    }

    // A patient with one photo and one story; returns {patient, photo, story}.
    std::tuple<QString, QString, QString> patientWithItems() {
        const QString patient = library->addPatient(QStringLiteral("Lucía Example (demo)"), {}, {});
        REQUIRE_FALSE(patient.isEmpty());
        REQUIRE(library->openPatient(patient));
        const auto bytes = cc::imaging::demoPhoto(7, 640, 480);
        const auto photo = host->core()->library().importPhoto(patient, bytes, host->now());
        const QString story = library->saveStory({}, QStringLiteral("Healing rash"),
                                                 QStringLiteral("Two weeks of treatment."));
        REQUIRE_FALSE(story.isEmpty());
        library->refresh();
        return {patient, photo.id, story};
    }

    cc::ui::UiLanguage language{QLocale(QLocale::English)};
    std::unique_ptr<cc::ui::LibraryController> library;
    std::unique_ptr<cc::ui::ConsentSession> session;
};

// Fills every step of the wizard as a signer would, answering each question wrongly
// first.
void completeWizard(Fixture &f, const QString &language) {
    auto &s = *f.session;
    s.setLanguage(language);
    CHECK_FALSE(s.scopeProblem().isEmpty());
    s.setPurposes({QStringLiteral("education")});
    s.setPlatforms({QStringLiteral("instagram"), QStringLiteral("not_a_platform")});
    s.setAudiences({QStringLiteral("public")});
    s.setIdentifiable(true);
    s.chooseExpiryMonths(12);
    CHECK(s.scopeProblem().isEmpty());
    CHECK(s.platforms() == QStringList{QStringLiteral("instagram")});

    const QVariantList sections = s.sections();
    QStringList ids;
    for (const QVariant &section : sections)
        ids << section.toMap().value(QStringLiteral("id")).toString();
    for (const QString &required : cc::domain::requiredSectionIds())
        CHECK(ids.contains(required));

    const auto *form = f.templates.latest(QStringLiteral("media-release"), language);
    REQUIRE(form);
    REQUIRE(s.questions().size() == qsizetype(form->comprehension().size()));
    for (int i = 0; i < int(form->comprehension().size()); ++i) {
        const int right = form->comprehension().at(std::size_t(i)).correct;
        const auto wrong = s.answer(i, right == 0 ? 1 : 0);
        CHECK_FALSE(wrong.value(QStringLiteral("correct")).toBool());
        CHECK_FALSE(wrong.value(QStringLiteral("explanation")).toString().isEmpty());
        CHECK_FALSE(s.comprehensionPassed());
        CHECK(s.answer(i, right).value(QStringLiteral("correct")).toBool());
    }
    CHECK(s.comprehensionPassed());

    // A dash is a mark, not a signature.
    const QVariantList dash{QVariant(QVariantList{
        QVariantMap{
            {QStringLiteral("x"), 10}, {QStringLiteral("y"), 100}, {QStringLiteral("t"), 0}},
        QVariantMap{
            {QStringLiteral("x"), 200}, {QStringLiteral("y"), 101}, {QStringLiteral("t"), 90}}})};
    CHECK_FALSE(s.setSignature(dash, 600, 240).isEmpty());
    CHECK_FALSE(s.hasSignature());
    s.agree();
    CHECK_FALSE(s.agreed()); // there is nothing to agree with yet

    CHECK(s.setSignature(toVariant(cc::domain::syntheticSignature(11)), 600, 240).isEmpty());
    CHECK(s.hasSignature());
    s.setPrintedName(QStringLiteral("Lucía Example"));
    s.agree();
    CHECK(s.agreed());
    CHECK_FALSE(
        s.setWitness({}, toVariant(cc::domain::syntheticSignature(12)), 600, 240).isEmpty());
    CHECK(s.setWitness(QStringLiteral("Marta Witness"),
                       toVariant(cc::domain::syntheticSignature(12)), 600, 240)
              .isEmpty());
}

} // namespace

TEST_CASE("The library lists, searches and adds patients, refusing bad input") {
    Fixture f;
    QAbstractItemModelTester tester(f.library->patients(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(f.library->addPatient(QStringLiteral("  "), {}, {}).isEmpty());
    CHECK_FALSE(f.library->errorMessage().isEmpty());
    CHECK(f.library->addPatient(QStringLiteral("Ann Example"), {}, QStringLiteral("1984-13-40"))
              .isEmpty());
    CHECK(f.library->addPatient(QStringLiteral("Ann Example"), {}, QStringLiteral("2999-01-01"))
              .isEmpty());
    CHECK(f.library->patients()->rowCount() == 0);

    CHECK_FALSE(f.library
                    ->addPatient(QStringLiteral("Ann Example"), QStringLiteral("MRN-1"),
                                 QStringLiteral("1984-03-05"))
                    .isEmpty());
    CHECK(f.library->errorMessage().isEmpty());
    CHECK_FALSE(f.library->addPatient(QStringLiteral("Bob Sample"), {}, {}).isEmpty());
    CHECK(f.library->patients()->rowCount() == 2);
    f.library->setSearch(QStringLiteral("bob"));
    REQUIRE(f.library->patients()->rowCount() == 1);
    CHECK(f.library->patients()->get(0).value(QStringLiteral("displayName")) ==
          QStringLiteral("Bob Sample"));
}

TEST_CASE("Saving a story makes versions, and photos and stories start without a consent") {
    Fixture f;
    const auto [patient, photo, story] = f.patientWithItems();
    QAbstractItemModelTester photos(f.library->photos(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester stories(f.library->stories(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(f.library->photos()->rowCount() == 1);
    CHECK(f.library->photos()->get(0).value(QStringLiteral("badge")) == QStringLiteral("none"));
    CHECK(f.library->photos()->get(0).value(QStringLiteral("source")) ==
          QStringLiteral("image://vault/thumb/") + photo);
    REQUIRE(f.library->stories()->rowCount() == 1);
    CHECK(f.library->story(story).value(QStringLiteral("version")) == 1);

    CHECK(f.library->saveStory(story, {}, QStringLiteral("Two weeks of treatment.")) == story);
    CHECK(f.library->story(story).value(QStringLiteral("version")) == 1); // unchanged text
    CHECK(f.library->saveStory(story, {}, QStringLiteral("Three weeks of treatment.")) == story);
    CHECK(f.library->story(story).value(QStringLiteral("version")) == 2);
    CHECK(f.library->saveStory({}, {}, QStringLiteral("No title")).isEmpty());
    CHECK_FALSE(f.library->errorMessage().isEmpty());
}

TEST_CASE("A consent session needs items and a complete clinician profile") {
    Fixture f;
    const auto [patient, photo, story] = f.patientWithItems();
    CHECK_FALSE(f.session->begin(patient, {}));
    CHECK_FALSE(f.session->begin(patient, {photo}));
    CHECK_FALSE(f.session->errorMessage().isEmpty());
    CHECK(f.app->state() == State::Unlocked);
    f.completeProfile();
    CHECK_FALSE(f.session->begin(patient, {QStringLiteral("pho_00000000000000000000000000")}));
    CHECK(f.app->state() == State::Unlocked);
    CHECK(f.session->begin(patient, {photo}));
    CHECK(f.app->state() == State::PatientMode);
}

TEST_CASE("A whole session in Spanish seals a record the core verifies, then leaves patient mode") {
    Fixture f;
    f.completeProfile();
    const auto [patient, photo, story] = f.patientWithItems();
    REQUIRE(f.session->begin(patient, {photo, story}));
    CHECK(f.app->state() == State::PatientMode);
    REQUIRE(f.session->items()->rowCount() == 2);

    completeWizard(f, QStringLiteral("es"));
    CHECK(f.language.language() == QStringLiteral("es"));
    CHECK(f.session->missing().isEmpty());

    CHECK_FALSE(f.session->countersign(QStringLiteral("000000")));
    CHECK_FALSE(f.session->errorMessage().isEmpty());
    CHECK(f.app->state() == State::PatientMode);
    CHECK(f.vault->failedAttempts() == 1);

    REQUIRE(f.session->countersign(passcode));
    CHECK(f.app->state() == State::Unlocked);
    CHECK(f.language.language() == QStringLiteral("en"));
    const QString consentId = f.session->sealedConsentId();
    REQUIRE_FALSE(consentId.isEmpty());
    CHECK_FALSE(f.session->active());
    CHECK_FALSE(f.session->hasSignature()); // the strokes left memory with the session

    auto &core = *f.host->core();
    const auto sealed = core.consents().find(consentId);
    REQUIRE(sealed);
    const auto checked = core.consents().check(*sealed);
    CHECK(checked.intact);
    CHECK(checked.defects.empty());
    REQUIRE(checked.record);
    const auto &record = *checked.record;
    CHECK(record.language == QStringLiteral("es"));
    CHECK(record.printedName == QStringLiteral("Lucía Example"));
    CHECK(record.signer.role == QStringLiteral("patient"));
    REQUIRE(record.witness);
    CHECK(record.witness->name == QStringLiteral("Marta Witness"));
    CHECK(record.platforms == QStringList{QStringLiteral("instagram")});
    REQUIRE(record.items.size() == 2);
    CHECK(record.items[0].id == photo);
    CHECK(record.items[0].sha256 == core.library().photo(photo)->sha256);
    CHECK(record.items[1].sha256 == core.library().storyVersions(story).back().sha256);
    CHECK(record.countersignedAt.isValid());

    // The library shows the new consent and the items as covered.
    f.library->refresh();
    CHECK(f.library->consents()->rowCount() == 1);
    CHECK(f.library->photos()->get(0).value(QStringLiteral("badge")) == QStringLiteral("valid"));
    CHECK(f.library->stories()->get(0).value(QStringLiteral("badge")) == QStringLiteral("valid"));
    // An edit after signing leaves the new text uncovered.
    CHECK(f.library->saveStory(story, {}, QStringLiteral("Edited after signing.")) == story);
    CHECK(f.library->stories()->get(0).value(QStringLiteral("badge")) == QStringLiteral("none"));

    // Locking drops everything read from the vault.
    f.app->lock();
    CHECK(f.library->patients()->rowCount() == 0);
    CHECK(f.library->photos()->rowCount() == 0);
    CHECK(f.library->patientName().isEmpty());
}

TEST_CASE("Patient mode is left only with the passcode: cancel or a lock, never sealing") {
    Fixture f;
    f.completeProfile();
    const auto [patient, photo, story] = f.patientWithItems();
    REQUIRE(f.session->begin(patient, {photo}));
    completeWizard(f, QStringLiteral("en"));
    CHECK_FALSE(f.session->cancel(QStringLiteral("999999")));
    CHECK(f.app->state() == State::PatientMode);
    REQUIRE(f.session->cancel(passcode));
    CHECK(f.app->state() == State::Unlocked);
    CHECK(f.host->core()->consents().forPatient(patient).empty());

    REQUIRE(f.session->begin(patient, {photo}));
    completeWizard(f, QStringLiteral("es"));
    f.app->lock(); // the app left the foreground, say
    CHECK(f.app->state() == State::Locked);
    CHECK_FALSE(f.session->active());
    CHECK_FALSE(f.session->hasSignature());
    CHECK(f.language.language() == QStringLiteral("en"));
}

TEST_CASE("A paid use must be described, and the form and the record then state it") {
    Fixture f;
    f.completeProfile();
    const auto [patient, photo, story] = f.patientWithItems();
    CHECK_FALSE(f.session->begin(patient, {photo}, true, QStringLiteral("  ")));
    CHECK_FALSE(f.session->errorMessage().isEmpty());
    CHECK(f.app->state() == State::Unlocked);
    const QString paidBy = QStringLiteral("Acme Creams pays the practice for a sponsored post");
    REQUIRE(f.session->begin(patient, {photo}, true, paidBy));
    CHECK(f.session->paid());
    completeWizard(f, QStringLiteral("en"));
    bool stated = false;
    for (const QVariant &section : f.session->sections())
        stated =
            stated || section.toMap().value(QStringLiteral("body")).toString().contains(paidBy);
    CHECK(stated);
    REQUIRE(f.session->countersign(passcode));
    const auto consents = f.host->core()->consents().forPatient(patient);
    REQUIRE(consents.size() == 1);
    const auto record = f.host->core()->consents().check(consents.front()).record;
    REQUIRE(record);
    CHECK(record->paid);
    CHECK(record->compensationDescription == paidBy);
}

TEST_CASE("A representative signs with a photographed authority document sealed by its hash") {
    Fixture f;
    f.completeProfile();
    const auto [patient, photo, story] = f.patientWithItems();
    cc::ui::InjectedFrameSource camera;
    cc::ui::CaptureController capture(*f.host, camera);
    // The document comes in through the capture controller, as the wizard's camera does.
    QTemporaryDir files;
    const QString documentPath = files.filePath(QStringLiteral("court-order.jpg"));
    {
        QFile file(documentPath);
        REQUIRE(file.open(QIODevice::WriteOnly));
        const auto bytes = cc::imaging::demoPhoto(99, 400, 560);
        file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()));
    }
    REQUIRE(f.session->begin(patient, {photo}));
    const QString document = capture.importFile(patient, QUrl::fromLocalFile(documentPath),
                                                QStringLiteral("authority_document"));
    REQUIRE_FALSE(document.isEmpty());
    CHECK(f.host->core()->library().photo(document)->role ==
          cc::domain::PhotoRole::AuthorityDocument);
    CHECK(capture.importFile(patient, QUrl::fromLocalFile(documentPath), QStringLiteral("x"))
              .isEmpty());

    f.session->setSignerRole(QStringLiteral("parent_guardian"));
    CHECK_FALSE(f.session->signerProblem().isEmpty());
    f.session->setSignerName(QStringLiteral("Inés Example"));
    f.session->setRelationship(QStringLiteral("mother"));
    f.session->setAuthority(QStringLiteral("parent of a minor"));
    CHECK(f.session->signerProblem().isEmpty());
    CHECK_FALSE(f.session->setAuthorityDocument(photo)); // a clinical photo is not one
    CHECK(f.session->setAuthorityDocument(document));
    CHECK(f.session->authorityDocumentSource() ==
          QStringLiteral("image://vault/thumb/") + document);

    completeWizard(f, QStringLiteral("en"));
    REQUIRE(f.session->countersign(passcode));
    const auto consents = f.host->core()->consents().forPatient(patient);
    REQUIRE(consents.size() == 1);
    const auto record = f.host->core()->consents().check(consents.front()).record;
    REQUIRE(record);
    CHECK(record->signer.role == QStringLiteral("parent_guardian"));
    CHECK(record->signer.name == QStringLiteral("Inés Example"));
    CHECK(record->signer.relationship == QStringLiteral("mother"));
    CHECK(record->signer.authorityDocument == document);
    CHECK(record->signer.authorityDocumentSha256 ==
          f.host->core()->library().photo(document)->sha256);
}

TEST_CASE("Marked identifying regions open a de-identified-only consent, sealed with them") {
    Fixture f;
    f.completeProfile();
    const auto [patient, photo, story] = f.patientWithItems();
    REQUIRE(f.session->begin(patient, {photo}));
    CHECK_FALSE(f.session->deidentifiedPossible());
    REQUIRE(f.session->cancel(passcode));

    const QVariantMap face{{QStringLiteral("x"), 0.25},
                           {QStringLiteral("y"), 0.1},
                           {QStringLiteral("w"), 0.5},
                           {QStringLiteral("h"), 0.4}};
    const QVariantMap outside{{QStringLiteral("x"), 0.9},
                              {QStringLiteral("y"), 0.1},
                              {QStringLiteral("w"), 0.3},
                              {QStringLiteral("h"), 0.4}};
    CHECK_FALSE(f.library->markIdentifyingRegions(photo, {outside}));
    CHECK_FALSE(f.library->errorMessage().isEmpty());
    CHECK(f.library->identifyingRegions(photo).isEmpty());
    REQUIRE(f.library->markIdentifyingRegions(photo, {face}));
    const QVariantList marked = f.library->identifyingRegions(photo);
    REQUIRE(marked.size() == 1);
    CHECK(marked[0].toMap().value(QStringLiteral("w")).toDouble() == 0.5);
    CHECK(f.library->photos()->get(0).value(QStringLiteral("regionCount")) == 1);

    REQUIRE(f.session->begin(patient, {photo}));
    CHECK(f.session->deidentifiedPossible());
    completeWizard(f, QStringLiteral("en"));
    f.session->setIdentifiable(false);
    CHECK(f.session->scopeProblem().isEmpty());
    REQUIRE(f.session->countersign(passcode));
    const auto consents = f.host->core()->consents().forPatient(patient);
    REQUIRE(consents.size() == 1);
    const auto record = f.host->core()->consents().check(consents.front()).record;
    REQUIRE(record);
    CHECK_FALSE(record->identifiable);
    REQUIRE(record->items.size() == 1);
    CHECK(record->items[0].regions == std::vector<cc::domain::NormRect>{{2500, 1000, 5000, 4000}});
}

TEST_CASE("Nothing can be sealed while an element is missing") {
    Fixture f;
    f.completeProfile();
    const auto [patient, photo, story] = f.patientWithItems();
    REQUIRE(f.session->begin(patient, {photo}));
    CHECK_FALSE(f.session->missing().isEmpty());
    CHECK_FALSE(f.session->countersign(passcode));
    CHECK(f.app->state() == State::PatientMode);
    CHECK(f.vault->failedAttempts() == 0); // refused before the passcode was tried
}

int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
