// PostsController against a real vault opened through AppController and CoreHost, with
// the fake share sheet: the picker's decisions for the draft's target, attaching only what
// the gate allows, live re-evaluation when the target changes, the pre-post checks,
// sharing (export, post recorded, files handed over and wiped), and the takedown count
// after a revocation.

#include "fake/fakesharesheet.h"
#include "imaging/demophoto.h"
#include "services/consentcore.h"
#include "ui/postscontroller.h"

#include "qml/appfixture.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QGuiApplication>
#include <QSignalSpy>

#include <memory>

using cc::platform::FakeShareSheet;
using cc::platform::ShareSheet;
using cc::test::waitFor;
using cc::ui::PostsController;

namespace {

// A patient with a consented photo (Instagram, public, education), a photo no consent
// covers, and the controller under test.
struct Fixture : cc::test::AppFixture {
    Fixture() {
        createVault();
        auto &core = *host->core();
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        const auto patient = core.library().addPatient(QStringLiteral("Ada Example"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        consented =
            core.library()
                .importPhoto(patient.id, cc::imaging::demoPhoto(3, 640, 480), now.addSecs(-3600))
                .id;
        uncovered =
            core.library()
                .importPhoto(patient.id, cc::imaging::demoPhoto(4, 640, 480), now.addSecs(-3000))
                .id;
        cc::services::ConsentRequest r;
        r.patientId = patient.id;
        r.itemIds = {consented};
        r.language = QStringLiteral("en");
        r.platforms = {QStringLiteral("instagram")};
        r.audiences = {QStringLiteral("public")};
        r.purposes = {QStringLiteral("education")};
        r.identifiable = true;
        r.expiry = {cc::domain::Expiry::Kind::Date, now.date().addDays(365), {}};
        r.signer = {QStringLiteral("patient"), patient.displayName, {}, {}, {}};
        r.strokes = cc::domain::syntheticSignature(11);
        r.printedName = patient.displayName;
        r.signedAt = now.addSecs(-120);
        r.agreed = true;
        r.agreedAt = now.addSecs(-150);
        r.countersignedAt = now.addSecs(-60);
        consentId = core.consents().seal(r).id;
        sheet.setNeedsFolder(true);
        controller = std::make_unique<PostsController>(*host, sheet);
    }

    // The picker's row for an item.
    QVariantMap picked(const QString &itemId) const {
        for (const QVariantMap &row : controller->picker()->rows()) {
            if (row.value(QStringLiteral("itemId")).toString() == itemId)
                return row;
        }
        return {};
    }

    QStringList checkKinds() const {
        QStringList kinds;
        for (const QVariantMap &row : controller->checks()->rows())
            kinds.append(row.value(QStringLiteral("kind")).toString());
        return kinds;
    }

    FakeShareSheet sheet;
    std::unique_ptr<PostsController> controller;
    QString consented;
    QString uncovered;
    QString consentId;
};

const QString Clean =
    QStringLiteral("Healing after six weeks. General education, not medical advice.");

} // namespace

TEST_CASE("The picker shows every item with its decision and only allowed ones attach") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE_FALSE(c.newDraft().isEmpty());
    CHECK(c.drafts()->rowCount() == 1);
    REQUIRE(c.picker()->rowCount() == 2);
    // No target yet: allowed if any consent could allow it.
    CHECK(f.picked(f.consented).value(QStringLiteral("allowed")).toBool());
    CHECK_FALSE(f.picked(f.uncovered).value(QStringLiteral("allowed")).toBool());
    CHECK(f.picked(f.uncovered).value(QStringLiteral("reasonText")).toString() ==
          QStringLiteral("No consent covers this item."));

    REQUIRE(c.saveDraft(Clean, QStringLiteral("instagram"), QStringLiteral("public"),
                        QStringLiteral("education")));
    CHECK(c.targetText() ==
          QStringLiteral("Instagram · Anyone (public) · Educating patients and the public"));
    CHECK(c.attach(f.consented));
    CHECK(f.picked(f.consented).value(QStringLiteral("attached")).toBool());
    CHECK_FALSE(c.attach(f.uncovered));
    CHECK(c.errorMessage() == QStringLiteral("No consent covers this item."));
    REQUIRE(c.items()->rowCount() == 1);
    CHECK(c.canShare());

    // A target the consent does not cover: the attached item is marked blocked, live.
    QSignalSpy changed(&c, &PostsController::draftChanged);
    REQUIRE(c.saveDraft(Clean, QStringLiteral("tiktok"), QStringLiteral("public"),
                        QStringLiteral("education")));
    CHECK(changed.count() >= 1);
    CHECK(c.blockedCount() == 1);
    const QVariantMap item = c.items()->get(0);
    CHECK_FALSE(item.value(QStringLiteral("allowed")).toBool());
    CHECK(item.value(QStringLiteral("reasonText")).toString() ==
          QStringLiteral("The consent does not cover TikTok."));
    CHECK_FALSE(f.picked(f.consented).value(QStringLiteral("allowed")).toBool());
    CHECK_FALSE(c.canShare());
    CHECK(f.checkKinds().contains(QStringLiteral("item_blocked")));
    CHECK(c.drafts()->get(0).value(QStringLiteral("blockedCount")).toInt() == 1);

    CHECK(c.detach(f.consented));
    CHECK(c.items()->rowCount() == 0);
    CHECK(c.discardDraft());
    CHECK(c.drafts()->rowCount() == 0);
    CHECK(c.draftId().isEmpty());
}

TEST_CASE("Pre-post checks block sharing until the text is fixed, and lines can be added") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE_FALSE(c.newDraft().isEmpty());
    REQUIRE(c.saveDraft(QStringLiteral("Ada came in on 3 May 2026."), QStringLiteral("instagram"),
                        QStringLiteral("public"), QStringLiteral("education")));
    REQUIRE(c.attach(f.consented));
    const QStringList kinds = f.checkKinds();
    CHECK(kinds.count(QStringLiteral("phi")) == 2); // the name and the date
    CHECK(kinds.contains(QStringLiteral("education_line")));
    CHECK_FALSE(c.canShare());
    const QVariantMap first = c.checks()->get(0);
    CHECK(first.value(QStringLiteral("severity")).toString() == QStringLiteral("blocking"));
    CHECK(first.value(QStringLiteral("severityText")).toString() ==
          QStringLiteral("Blocks sharing"));
    CHECK(first.value(QStringLiteral("message")).toString().contains(QStringLiteral("\"Ada\"")));

    REQUIRE(c.saveDraft(QStringLiteral("Healing after six weeks."), c.platform(), c.audience(),
                        c.purpose()));
    CHECK(f.checkKinds() == QStringList{QStringLiteral("education_line")});
    CHECK(c.canShare()); // a suggestion does not block
    REQUIRE(c.appendLine(QStringLiteral("education")));
    CHECK(c.text() ==
          QStringLiteral("Healing after six weeks.\nGeneral education, not medical advice."));
    CHECK(c.checks()->rowCount() == 0);
}

TEST_CASE("Sharing exports fresh files, records the post, hands the files over and wipes them") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE_FALSE(c.newDraft().isEmpty());
    REQUIRE(c.saveDraft(Clean, QStringLiteral("instagram"), QStringLiteral("public"),
                        QStringLiteral("education")));
    REQUIRE(c.attach(f.consented));
    QSignalSpy shared(&c, &PostsController::shared);

    c.share({}); // on the desktop a folder is needed
    CHECK(c.errorMessage() == QStringLiteral("Choose a folder to save the post's files in."));
    CHECK(f.sheet.calls().empty());

    const QUrl folder = QUrl::fromLocalFile(QStringLiteral("/home/ada/Posts"));
    c.share(folder);
    REQUIRE(shared.count() == 1);
    REQUIRE(waitFor([&c] { return !c.busy(); }));
    CHECK(c.errorMessage().isEmpty());
    CHECK(c.noticeMessage() == QStringLiteral("Post recorded. Files saved to /home/ada/Posts"));
    CHECK(c.folder() == folder);
    REQUIRE(f.sheet.calls().size() == 1);
    const auto &call = f.sheet.calls()[0];
    CHECK(call.mimeType == QStringLiteral("image/jpeg"));
    CHECK(call.folder == QStringLiteral("/home/ada/Posts"));
    CHECK(call.bytes.startsWith("\xff\xd8"));
    CHECK_FALSE(call.bytes.contains("Exif"));

    // The post is in the ledger; the draft is done.
    CHECK(c.draftId().isEmpty());
    CHECK(c.drafts()->rowCount() == 0);
    REQUIRE(c.posts()->rowCount() == 1);
    const QString postId = shared.front().front().toString();
    CHECK(c.posts()->get(0).value(QStringLiteral("postId")).toString() == postId);
    CHECK(c.posts()->get(0).value(QStringLiteral("status")).toString() ==
          QStringLiteral("published"));
    CHECK_FALSE(c.setPostUrl(postId, QStringLiteral("not an address")));
    CHECK(c.setPostUrl(postId, QStringLiteral("https://social.example/p/1")));
    CHECK(c.posts()->get(0).value(QStringLiteral("url")).toString() ==
          QStringLiteral("https://social.example/p/1"));

    // A revocation flags the post: the count follows until it is marked removed.
    CHECK(c.takedownCount() == 0);
    (void)f.host->core()->revocations().revoke(
        {f.consentId, f.host->now(), QStringLiteral("other"), QStringLiteral("by phone"), {}, {}});
    c.refresh();
    CHECK(c.takedownCount() == 1);
    CHECK(c.posts()->get(0).value(QStringLiteral("status")).toString() ==
          QStringLiteral("takedown_required"));
    f.host->core()->revocations().markRemoved(postId, f.host->now());
    c.refresh();
    CHECK(c.takedownCount() == 0);
}

TEST_CASE("A revocation between attaching and sharing refuses the share and nothing leaves") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE_FALSE(c.newDraft().isEmpty());
    REQUIRE(c.saveDraft(Clean, QStringLiteral("instagram"), QStringLiteral("public"),
                        QStringLiteral("education")));
    REQUIRE(c.attach(f.consented));
    (void)f.host->core()->revocations().revoke(
        {f.consentId, f.host->now(), QStringLiteral("other"), QStringLiteral("by phone"), {}, {}});
    c.share(QUrl::fromLocalFile(QStringLiteral("/home/ada/Posts")));
    CHECK(c.errorMessage().startsWith(QStringLiteral("Consent revoked on ")));
    CHECK(f.sheet.calls().empty());
    CHECK(c.posts()->rowCount() == 0);
    CHECK(c.blockedCount() == 1);
}

TEST_CASE("A cancelled hand-over keeps the post recorded and says so") {
    Fixture f;
    f.sheet.setNeedsFolder(false);
    f.sheet.setOutcome(ShareSheet::Outcome::Cancelled);
    auto &c = *f.controller;
    REQUIRE_FALSE(c.newDraft().isEmpty());
    REQUIRE(c.saveDraft(Clean, QStringLiteral("instagram"), QStringLiteral("public"),
                        QStringLiteral("education")));
    REQUIRE(c.attach(f.consented));
    c.share({});
    REQUIRE(waitFor([&c] { return !c.busy(); }));
    CHECK(c.errorMessage().startsWith(QStringLiteral("Sharing was cancelled.")));
    CHECK(c.posts()->rowCount() == 1);
}

TEST_CASE("Locking the vault empties every list") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE_FALSE(c.newDraft().isEmpty());
    REQUIRE(c.picker()->rowCount() == 2);
    f.app->lock();
    CHECK(c.drafts()->rowCount() == 0);
    CHECK(c.picker()->rowCount() == 0);
    CHECK(c.items()->rowCount() == 0);
    CHECK(c.draftId().isEmpty());
    CHECK(c.newDraft().isEmpty()); // nothing opens while locked
}

int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
