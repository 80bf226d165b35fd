// ConsentCopyController against a real vault opened through AppController and CoreHost,
// the real PDF renderer and the fake share sheet: giveCopy() makes the copy once, logs the
// export, hands "consent-<id>.pdf" to the sheet and reports the outcome in its messages.

#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "fake/fakesharesheet.h"
#include "imaging/consentpdf.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcopyservice.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/auditlog.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"
#include "ui/consentcopycontroller.h"
#include "ui/corehost.h"

#include "qml/appfixture.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <functional>
#include <memory>

using cc::platform::FakeShareSheet;
using cc::platform::ShareSheet;
using cc::ui::AppController;
using cc::ui::ConsentCopyController;
using namespace std::chrono_literals;

using cc::test::waitFor;

namespace {

const QString passcode = cc::test::AppFixture::passcode;

// An unlocked vault with a sealed consent, the core host and the controller under test.
struct Fixture : cc::test::AppFixture {
    Fixture() {
        createVault();
        consentId = sealConsent();
        controller = std::make_unique<ConsentCopyController>(*host, renderer, sheet);
    }

    QString sealConsent() {
        auto &core = *host->core();
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        const auto patient = core.library().addPatient(QStringLiteral("Ada Example"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto photo = core.library().importPhoto(
            patient.id, cc::imaging::demoPhoto(3, 320, 240), now.addSecs(-3600));
        cc::services::ConsentRequest r;
        r.patientId = patient.id;
        r.itemIds = {photo.id};
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
        return core.consents().seal(r).id;
    }

    cc::services::ConsentCopyService copies() {
        return cc::services::ConsentCopyService(*vault, codec, renderer, templates);
    }

    int exports() {
        int count = 0;
        vault->audit().forEach({}, [&](const cc::storage::AuditLog::Row &row) {
            if (row.kind == QLatin1String("media.exported"))
                ++count;
        });
        return count;
    }

    bool settled() {
        return waitFor([this] { return !controller->busy(); });
    }

    cc::imaging::ConsentPdfRenderer renderer;
    FakeShareSheet sheet;
    std::unique_ptr<ConsentCopyController> controller;
    QString consentId;
};

} // namespace

TEST_CASE("On the desktop, giveCopy saves consent-<id>.pdf into the folder and says where") {
    Fixture f;
    f.sheet.setNeedsFolder(true);
    auto &c = *f.controller;
    CHECK(c.needsFolder());
    QSignalSpy busy(&c, &ConsentCopyController::busyChanged);
    c.giveCopy(f.consentId, QUrl::fromLocalFile(QStringLiteral("/home/ada/Documents")));
    CHECK(c.busy());
    REQUIRE(f.settled());
    CHECK(busy.count() == 2);
    CHECK(c.errorMessage().isEmpty());
    const QString name = QStringLiteral("consent-%1.pdf").arg(f.consentId.mid(4, 8));
    CHECK(ConsentCopyController::fileNameFor(f.consentId) == name);
    CHECK(c.noticeMessage() == QStringLiteral("Copy saved to /home/ada/Documents/") + name);

    REQUIRE(f.sheet.calls().size() == 1);
    const auto &call = f.sheet.calls()[0];
    CHECK(call.fileName == name);
    CHECK(call.mimeType == QStringLiteral("application/pdf"));
    CHECK(call.folder == QStringLiteral("/home/ada/Documents"));
    CHECK(call.bytes.startsWith("%PDF-"));
    // What was handed over is the stored copy, and its export is in the log.
    auto copies = f.copies();
    const auto stored = copies.copyBytes(f.consentId);
    CHECK(call.bytes ==
          QByteArray(reinterpret_cast<const char *>(stored.data()), qsizetype(stored.size())));
    CHECK(f.exports() == 1);
}

TEST_CASE("Giving the copy again shares the same stored copy") {
    Fixture f;
    f.controller->giveCopy(f.consentId, {});
    REQUIRE(f.settled());
    const auto first = f.copies().find(f.consentId);
    REQUIRE(first);
    f.controller->giveCopy(f.consentId, {});
    REQUIRE(f.settled());
    CHECK(f.copies().find(f.consentId)->mediaId == first->mediaId);
    REQUIRE(f.sheet.calls().size() == 2);
    CHECK(f.sheet.calls()[0].bytes == f.sheet.calls()[1].bytes);
    CHECK(f.exports() == 2);
}

TEST_CASE("On a phone, giveCopy hands the copy to the share sheet without a folder") {
    Fixture f;
    auto &c = *f.controller;
    CHECK_FALSE(c.needsFolder());
    c.giveCopy(f.consentId, {});
    REQUIRE(f.settled());
    CHECK(c.noticeMessage() == QStringLiteral("Copy shared."));
    REQUIRE(f.sheet.calls().size() == 1);
    CHECK(f.sheet.calls()[0].folder.isEmpty());
}

TEST_CASE("giveCopy on the desktop without a folder asks for one and shares nothing") {
    Fixture f;
    f.sheet.setNeedsFolder(true);
    f.controller->giveCopy(f.consentId, {});
    CHECK_FALSE(f.controller->busy());
    CHECK(f.controller->errorMessage() == QStringLiteral("Choose a folder to save the copy in."));
    f.controller->giveCopy(f.consentId, QUrl(QStringLiteral("https://example.invalid/")));
    CHECK_FALSE(f.controller->errorMessage().isEmpty());
    CHECK(f.sheet.calls().empty());
    CHECK_FALSE(f.copies().find(f.consentId));
    CHECK(f.exports() == 0);
}

TEST_CASE("A share that fails or is cancelled says so, and the controller is free again") {
    Fixture f;
    auto &c = *f.controller;
    f.sheet.setNeedsFolder(true);
    f.sheet.setOutcome(ShareSheet::Outcome::FolderUnavailable, QStringLiteral("EACCES"));
    c.giveCopy(f.consentId, QUrl::fromLocalFile(QStringLiteral("/root")));
    REQUIRE(f.settled());
    CHECK(c.errorMessage() ==
          QStringLiteral("The copy could not be saved in that folder. Choose another folder."));
    CHECK(c.noticeMessage().isEmpty());

    f.sheet.setOutcome(ShareSheet::Outcome::NoSpace);
    c.giveCopy(f.consentId, QUrl::fromLocalFile(QStringLiteral("/media/stick")));
    REQUIRE(f.settled());
    CHECK(c.errorMessage() == QStringLiteral("There is not enough space to save the copy."));

    f.sheet.setOutcome(ShareSheet::Outcome::Cancelled);
    c.giveCopy(f.consentId, QUrl::fromLocalFile(QStringLiteral("/tmp")));
    REQUIRE(f.settled());
    CHECK(c.errorMessage().isEmpty());
    CHECK(c.noticeMessage().startsWith(QStringLiteral("Sharing was cancelled.")));
    c.clearMessages();
    CHECK(c.noticeMessage().isEmpty());
}

TEST_CASE("giveCopy is ignored while busy, and ignores other parts' shares") {
    Fixture f;
    auto &c = *f.controller;
    f.sheet.setManual(true);
    c.giveCopy(f.consentId, {});
    REQUIRE(c.busy());
    c.giveCopy(f.consentId, {});
    CHECK(f.sheet.calls().size() == 1);
    // Someone else's share through the same sheet finishing does not end ours.
    emit f.sheet.finished(999, ShareSheet::Outcome::Failed, {}, QStringLiteral("not ours"));
    CHECK(c.busy());
    CHECK(c.errorMessage().isEmpty());
    f.sheet.complete();
    REQUIRE(f.settled());
    CHECK(c.noticeMessage() == QStringLiteral("Copy shared."));
}

TEST_CASE("giveCopy of an unknown consent or with the vault locked fails with a message") {
    Fixture f;
    auto &c = *f.controller;
    c.giveCopy(QStringLiteral("con_00000000000000000000000000000000"), {});
    CHECK_FALSE(c.busy());
    CHECK(c.errorMessage() == QStringLiteral("That consent is not in the vault."));
    f.app->lock();
    CHECK_FALSE(f.host->isOpen());
    c.giveCopy(f.consentId, {});
    CHECK(c.errorMessage() == QStringLiteral("The vault is locked."));
    CHECK(f.sheet.calls().empty());
}

int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
