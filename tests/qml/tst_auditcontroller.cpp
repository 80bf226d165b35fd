// AuditController against a real vault opened through AppController and CoreHost: the
// log's entries newest first in plain words, filtered by patient, consent and post;
// verification with its progress moving to the end, intact, then a row changed through
// SQL named as the first bad entry; a lock during the check stops it.

#include "imaging/demophoto.h"
#include "services/consentcore.h"
#include "services/vault.h"
#include "storage/auditlog.h"
#include "ui/auditcontroller.h"

#include "qml/appfixture.h"
#include "unit/services/servicetestsupport.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>

#include <memory>

using cc::ui::AuditController;
using VerifyState = AuditController::VerifyState;

namespace {

const cc::domain::GateTarget InstagramEducation{
    QStringLiteral("instagram"), QStringLiteral("public"), QStringLiteral("education")};

// Two patients, the first with a sealed consent over a photo that was posted.
struct Fixture : cc::test::AppFixture {
    Fixture() {
        createVault();
        auto &core = *host->core();
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        const auto ada = core.library().addPatient(QStringLiteral("Ada Example"));
        const auto bea = core.library().addPatient(QStringLiteral("Bea Example"));
        adaId = ada.id;
        beaId = bea.id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto photo = core.library().importPhoto(ada.id, cc::imaging::demoPhoto(3, 320, 240),
                                                      now.addSecs(-3600));
        (void)core.library().importPhoto(bea.id, cc::imaging::demoPhoto(4, 320, 240),
                                         now.addSecs(-3600));
        cc::services::ConsentRequest r;
        r.patientId = ada.id;
        r.itemIds = {photo.id};
        r.language = QStringLiteral("en");
        r.platforms = {QStringLiteral("instagram")};
        r.audiences = {QStringLiteral("public")};
        r.purposes = {QStringLiteral("education")};
        r.identifiable = true;
        r.expiry = {cc::domain::Expiry::Kind::Date, now.date().addDays(365), {}};
        r.signer = {QStringLiteral("patient"), ada.displayName, {}, {}, {}};
        r.strokes = cc::domain::syntheticSignature(11);
        r.printedName = ada.displayName;
        r.signedAt = now.addSecs(-120);
        r.agreed = true;
        r.agreedAt = now.addSecs(-150);
        r.countersignedAt = now.addSecs(-60);
        consentId = core.consents().seal(r).id;
        const auto draft =
            core.posts().createDraft(QStringLiteral("Six weeks of treatment."), InstagramEducation);
        core.posts().attach(draft.id, photo.id);
        postId = core.posts().share(draft.id).id;
        controller = std::make_unique<AuditController>(*host);
        controller->setRepaintInterval(std::chrono::milliseconds(0));
    }

    QStringList column(const char *role) const {
        QStringList values;
        for (const auto &row : controller->entries()->rows())
            values.append(row.value(QLatin1String(role)).toString());
        return values;
    }

    QString adaId;
    QString beaId;
    QString consentId;
    QString postId;
    std::unique_ptr<AuditController> controller;
};

} // namespace

TEST_CASE("The log's entries, newest first, in plain words") {
    Fixture f;
    auto &c = *f.controller;
    QAbstractItemModelTester tester(c.entries(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    c.refresh();
    const auto count = f.vault->audit().count();
    REQUIRE(c.entries()->rowCount() == int(count));
    const QStringList seqs = f.column("seq");
    CHECK(seqs.first() == QString::number(count));
    CHECK(seqs.last() == QStringLiteral("1"));
    const QStringList kinds = f.column("kindText");
    CHECK(kinds.last() == QStringLiteral("Vault created"));
    CHECK(kinds.first() == QStringLiteral("Post shared"));
    CHECK(kinds.contains(QStringLiteral("Consent sealed")));
    CHECK(kinds.contains(QStringLiteral("Patient added")));
    CHECK(kinds.contains(QStringLiteral("Clinician profile changed")));
    for (const QString &kind : kinds)
        CHECK_FALSE(kind.contains(QLatin1Char('.'))); // never a raw code
    CHECK_FALSE(c.entries()->get(0).value(QStringLiteral("at")).toString().isEmpty());
    // What an entry concerns, by the patient's name.
    CHECK(f.column("subjectText").filter(QStringLiteral("Bea Example")).size() >= 1);

    CHECK(AuditController::kindLabel(QStringLiteral("media.exported"),
                                     {{QStringLiteral("what"), QStringLiteral("consent_copy")}}) ==
          QStringLiteral("Patient's copy given"));
    CHECK(AuditController::kindLabel(
              QStringLiteral("media.exported"),
              {{QStringLiteral("what"), QStringLiteral("revocation_receipt")}}) ==
          QStringLiteral("Revocation receipt given"));
    CHECK(AuditController::kindLabel(QStringLiteral("something.new")) ==
          QStringLiteral("something.new"));
}

TEST_CASE("The log is filtered by patient, consent or post, each filter a chip") {
    Fixture f;
    auto &c = *f.controller;
    QAbstractItemModelTester tester(c.entries(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy filter(&c, &AuditController::filterChanged);
    c.refresh();
    const int all = c.entries()->rowCount();
    REQUIRE(c.patientChoices().size() == 2);

    c.setFilter(f.beaId, {}, {});
    CHECK(filter.count() >= 1);
    CHECK(c.filterPatientId() == f.beaId);
    const QStringList bea = f.column("patientId");
    REQUIRE_FALSE(bea.isEmpty());
    CHECK(bea.count(f.beaId) == bea.size());
    REQUIRE(c.filterChips().size() == 1);
    CHECK(c.filterChips()[0].toMap().value(QStringLiteral("field")).toString() ==
          QStringLiteral("patient"));
    CHECK(c.filterChips()[0].toMap().value(QStringLiteral("label")).toString() ==
          QStringLiteral("Patient: Bea Example"));

    c.setFilter({}, f.consentId, {});
    const QStringList consent = f.column("consentId");
    REQUIRE_FALSE(consent.isEmpty());
    CHECK(consent.count(f.consentId) == consent.size());
    CHECK(f.column("kind").contains(QStringLiteral("consent.sealed")));
    CHECK(c.filterChips()[0].toMap().value(QStringLiteral("label")).toString() ==
          QStringLiteral("Consent ") + f.consentId.mid(4, 8));

    c.setFilter(f.adaId, {}, f.postId);
    CHECK(f.column("kind") == QStringList{QStringLiteral("post.recorded")});
    CHECK(c.filterChips().size() == 2);
    c.clearFilter(QStringLiteral("post"));
    CHECK(c.filterPostId().isEmpty());
    CHECK(c.filterPatientId() == f.adaId);
    CHECK(c.entries()->rowCount() > 1);
    c.clearFilter();
    CHECK(c.filterChips().isEmpty());
    CHECK(c.entries()->rowCount() == all);
}

TEST_CASE("Verify reports progress to the end and an intact log") {
    Fixture f;
    auto &c = *f.controller;
    QList<double> steps;
    QObject::connect(&c, &AuditController::progressChanged, &c,
                     [&] { steps.append(c.progress()); });
    QSignalSpy changed(&c, &AuditController::verifyChanged);
    CHECK(c.verifyState() == VerifyState::NotRun);
    c.verify();
    CHECK(changed.count() == 2); // running, then done
    CHECK(c.verifyState() == VerifyState::Intact);
    CHECK_FALSE(c.verifying());
    CHECK(c.firstBadSeq() == 0);
    const auto entries = f.vault->audit().count();
    CHECK(c.verifyMessage().startsWith(
        QStringLiteral("The log is intact: %1 entries verified.").arg(entries)));
    // The bar moved through the log, never backwards, and ended full.
    REQUIRE(steps.size() >= int(entries) / 2);
    CHECK(std::is_sorted(steps.begin(), steps.end()));
    CHECK(steps.first() < 0.5);
    CHECK(c.progress() == 1.0);
}

TEST_CASE("Verify names the first entry changed behind the app's back, and why") {
    Fixture f;
    auto &c = *f.controller;
    c.verify();
    REQUIRE(c.verifyState() == VerifyState::Intact);
    // One letter of entry 4 changed, with the schema's guards lifted as an attacker would.
    cc::services::test::tamper(*f.vault,
                               "UPDATE audit_log SET entry = CAST(replace(CAST(entry AS TEXT), "
                               "'\"kind\"', '\"kinD\"') AS BLOB) WHERE seq = 4");
    c.verify();
    CHECK(c.verifyState() == VerifyState::Broken);
    CHECK(c.firstBadSeq() == 4);
    CHECK(c.verifyMessage() ==
          QStringLiteral("Entry 4 is the first that does not verify: it was changed after it "
                         "was written."));
    CHECK(AuditController::problemText(cc::domain::audit::Problem::CheckpointForged) ==
          QStringLiteral("a checkpoint is not signed by this device's key."));
}

TEST_CASE("Locking during the check stops it, and nothing read stays") {
    Fixture f;
    auto &c = *f.controller;
    c.refresh();
    REQUIRE(c.entries()->rowCount() > 0);
    bool locked = false;
    QObject::connect(&c, &AuditController::progressChanged, &c, [&] {
        if (!locked && c.progress() > 0) {
            locked = true;
            f.app->lock();
        }
    });
    c.verify();
    CHECK(locked);
    CHECK(c.verifyState() == VerifyState::Cancelled);
    CHECK(c.verifyMessage().startsWith(QStringLiteral("The check stopped because the vault "
                                                      "locked.")));
    CHECK(c.entries()->rowCount() == 0);
    CHECK(c.patientChoices().isEmpty());
    c.verify();
    CHECK(c.errorMessage() == QStringLiteral("The vault is locked."));
}

int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
