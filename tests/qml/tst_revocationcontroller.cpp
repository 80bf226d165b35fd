// RevocationController against a real vault opened through AppController and CoreHost,
// the real receipt renderer and the fake share sheet: a consent shown with its scope and
// items; a revocation recorded each way it can be received, and refused without what
// that way needs, in the future, or twice; its impact (the blocked draft, the post to take
// down) until the post is marked removed; the patient's receipt read back with pdftotext
// and its export in the log.

#include "domain/consenttemplate.h"
#include "fake/fakesharesheet.h"
#include "imaging/consentpdf.h"
#include "imaging/demophoto.h"
#include "imaging/revocationpdf.h"
#include "services/consentcore.h"
#include "services/revocationreceiptservice.h"
#include "services/vault.h"
#include "storage/auditlog.h"
#include "ui/revocationcontroller.h"

#include "qml/appfixture.h"
#include "unit/services/pdftestsupport.h"
#include "unit/services/servicetestsupport.h"

#include <catch2/catch_session.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>

#include <memory>

using cc::platform::ShareSheet;
using cc::test::waitFor;
using cc::ui::RevocationController;

namespace {

const cc::domain::GateTarget InstagramEducation{
    QStringLiteral("instagram"), QStringLiteral("public"), QStringLiteral("education")};

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

// A dash: what a signature pad refuses.
QVariantList dash() {
    QVariantList points;
    for (int i = 0; i < 30; ++i)
        points.append(QVariantMap{{QStringLiteral("x"), 100 + 10 * i},
                                  {QStringLiteral("y"), 120},
                                  {QStringLiteral("t"), 10 * i}});
    return {QVariant(points)};
}

// An unlocked vault with a patient's sealed consent over one photo, a published post of
// the photo (its address known), an open draft holding it, and the controller under test.
struct Fixture : cc::test::AppFixture {
    explicit Fixture(const QString &language = QStringLiteral("en")) {
        createVault();
        auto &core = *host->core();
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        const auto patient = core.library().addPatient(QStringLiteral("Ada Example"));
        patientId = patient.id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        photoId =
            core.library()
                .importPhoto(patient.id, cc::imaging::demoPhoto(3, 320, 240), now.addSecs(-3600))
                .id;
        cc::services::ConsentRequest r;
        r.patientId = patient.id;
        r.itemIds = {photoId};
        r.language = language;
        r.platforms = {QStringLiteral("instagram")};
        r.audiences = {QStringLiteral("public")};
        r.purposes = {QStringLiteral("education")};
        r.identifiable = true;
        r.expiry = {cc::domain::Expiry::Kind::Date, now.date().addDays(365), {}};
        // Signed here: the receipt prints times in this zone, as the fields are typed.
        r.utcOffsetMinutes = QDateTime::currentDateTime().offsetFromUtc() / 60;
        r.signer = {QStringLiteral("patient"), patient.displayName, {}, {}, {}};
        r.strokes = cc::domain::syntheticSignature(11);
        r.printedName = patient.displayName;
        r.signedAt = now.addSecs(-120);
        r.agreed = true;
        r.agreedAt = now.addSecs(-150);
        r.countersignedAt = now.addSecs(-60);
        consentId = core.consents().seal(r).id;

        const auto published =
            core.posts().createDraft(QStringLiteral("Six weeks of treatment."), InstagramEducation);
        core.posts().attach(published.id, photoId);
        postId = core.posts().share(published.id).id;
        core.posts().setUrl(postId, QStringLiteral("https://instagram.example/p/abc123"));
        const auto draft = core.posts().createDraft(QStringLiteral("Before and after, part two."),
                                                    InstagramEducation);
        core.posts().attach(draft.id, photoId);
        draftId = draft.id;

        controller = std::make_unique<RevocationController>(*host, renderer, sheet);
    }

    cc::services::ConsentCore &core() { return *host->core(); }

    QString evidence(cc::domain::PhotoRole role) {
        return core()
            .library()
            .importPhoto(patientId, cc::imaging::demoPhoto(9, 320, 240), host->now(), role)
            .id;
    }

    std::vector<cc::storage::AuditLog::Row> exports() {
        std::vector<cc::storage::AuditLog::Row> rows;
        vault->audit().forEach({}, [&](const cc::storage::AuditLog::Row &row) {
            if (row.kind == QLatin1String("media.exported"))
                rows.push_back(row);
        });
        return rows;
    }

    bool settled() {
        return waitFor([this] { return !controller->busy(); });
    }

    cc::imaging::RevocationPdfRenderer renderer;
    cc::platform::FakeShareSheet sheet;
    std::unique_ptr<RevocationController> controller;
    QString patientId;
    QString photoId;
    QString consentId;
    QString postId;
    QString draftId;
};

QString yesterday(const Fixture &f) {
    return f.host->now().toLocalTime().date().addDays(-1).toString(Qt::ISODate);
}

QString tomorrow(const Fixture &f) {
    return f.host->now().toLocalTime().date().addDays(1).toString(Qt::ISODate);
}

} // namespace

TEST_CASE("load shows the consent: standing, signer, scope and items") {
    Fixture f;
    auto &c = *f.controller;
    QAbstractItemModelTester items(c.items(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester drafts(c.blockedDrafts(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester posts(c.takedowns(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&c, &RevocationController::consentChanged);
    REQUIRE(c.load(f.consentId));
    CHECK(changed.count() == 1);
    CHECK(c.consentId() == f.consentId);
    CHECK(c.patientId() == f.patientId);
    CHECK(c.patientName() == QStringLiteral("Ada Example"));
    CHECK(c.status() == QStringLiteral("valid"));
    CHECK(c.statusText() == QStringLiteral("Consent valid"));
    CHECK(c.signerName() == QStringLiteral("Ada Example"));
    CHECK(c.signerRoleText() == QStringLiteral("The patient"));
    CHECK(c.platformsText() == QStringLiteral("Instagram"));
    CHECK(c.audiencesText() == QStringLiteral("Anyone (public)"));
    CHECK(c.purposesText() == QStringLiteral("Educating patients and the public"));
    CHECK(c.languageText() == QStringLiteral("English"));
    CHECK(c.expiryText().startsWith(QStringLiteral("Until ")));
    CHECK_FALSE(c.sealedAt().isEmpty());
    REQUIRE(c.items()->rowCount() == 1);
    const QVariantMap item = c.items()->get(0);
    CHECK(item.value(QStringLiteral("itemId")).toString() == f.photoId);
    CHECK(item.value(QStringLiteral("kind")).toString() == QStringLiteral("photo"));
    CHECK(item.value(QStringLiteral("source")).toString() ==
          QStringLiteral("image://vault/thumb/") + f.photoId);
    CHECK_FALSE(c.revoked());
    CHECK(c.blockedDrafts()->rowCount() == 0);
    CHECK(c.takedowns()->rowCount() == 0);
    CHECK(c.takedownCount() == 0);

    CHECK_FALSE(c.load(QStringLiteral("con_00000000000000000000000000000000")));
    CHECK(c.errorMessage() == QStringLiteral("That consent is not in the vault."));
}

TEST_CASE("Revoking in person takes the patient's signature; a mark is refused") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE(c.load(f.consentId));
    const QString method = QStringLiteral("signed_on_device");
    CHECK_FALSE(c.signatureProblem(dash(), 600, 240).isEmpty());
    CHECK_FALSE(c.revoke(method, {}, {}, {}, {}, dash(), 600, 240));
    CHECK(c.errorMessage().startsWith(QStringLiteral("This looks like a mark")));
    CHECK_FALSE(c.revoke(method, {}, {}, {}, {}, {}, 600, 240));
    CHECK(c.errorMessage() == QStringLiteral("Please sign in the box."));
    CHECK_FALSE(c.revoked());

    const auto signature = cc::domain::syntheticSignature(5, 600, 240);
    CHECK(c.signatureProblem(toVariant(signature), 600, 240).isEmpty());
    REQUIRE(c.revoke(method, {}, {}, {}, {}, toVariant(signature), 600, 240));
    CHECK(c.errorMessage().isEmpty());
    CHECK_FALSE(c.noticeMessage().isEmpty());
    CHECK(c.revoked());
    CHECK(c.status() == QStringLiteral("revoked"));
    CHECK(c.revokedMethod() == method);
    CHECK(c.revokedMethodText() == QStringLiteral("Signed in person on this device"));
    const auto revocation = f.core().consents().revocationOf(f.consentId);
    REQUIRE(revocation);
    REQUIRE(revocation->strokes);
    CHECK(*revocation->strokes == signature);
    CHECK(qAbs(revocation->receivedAt.secsTo(f.host->now())) < 60);

    // Final: a second revocation is refused.
    CHECK_FALSE(c.revoke(method, {}, {}, {}, {}, toVariant(signature), 600, 240));
    CHECK(c.errorMessage() == QStringLiteral("This consent is already revoked. A revocation is "
                                             "final."));
}

TEST_CASE("A written letter needs its photo, stored as revocation evidence") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE(c.load(f.consentId));
    const QString method = QStringLiteral("written_letter");
    CHECK_FALSE(c.revoke(method, {}, {}, {}, {}, {}, 0, 0));
    CHECK(c.errorMessage() ==
          QStringLiteral("Photograph the patient's letter, or import a photo of it."));
    // A photo of another patient's is not this revocation's evidence.
    const auto other = f.core().library().addPatient(QStringLiteral("Bea Other"));
    const QString stranger =
        f.core()
            .library()
            .importPhoto(other.id, cc::imaging::demoPhoto(4, 320, 240), f.host->now(),
                         cc::domain::PhotoRole::RevocationEvidence)
            .id;
    CHECK_FALSE(c.revoke(method, {}, {}, {}, stranger, {}, 0, 0));
    CHECK_FALSE(c.errorMessage().isEmpty());
    CHECK_FALSE(c.revoked());

    const QString letter = f.evidence(cc::domain::PhotoRole::RevocationEvidence);
    REQUIRE(c.revoke(method, yesterday(f), QStringLiteral("16:45"),
                     QStringLiteral("Letter dated the day before"), letter, {}, 0, 0));
    CHECK(c.revoked());
    CHECK(c.revokedMethodText() == QStringLiteral("Written letter"));
    CHECK(c.revokedNote() == QStringLiteral("Letter dated the day before"));
    const auto revocation = f.core().consents().revocationOf(f.consentId);
    REQUIRE(revocation);
    CHECK(revocation->evidencePhotoId == letter);
    const QDateTime expected(QDate::fromString(yesterday(f), Qt::ISODate), QTime(16, 45));
    CHECK(revocation->receivedAt == expected.toUTC());
}

TEST_CASE("Another way needs a note; a date that is not one or in the future is refused") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE(c.load(f.consentId));
    const QString method = QStringLiteral("other");
    CHECK_FALSE(c.revoke(method, {}, {}, QStringLiteral("   "), {}, {}, 0, 0));
    CHECK(c.errorMessage().startsWith(QStringLiteral("Say how the revocation was received")));
    const QString note = QStringLiteral("By phone, then by e-mail");
    CHECK_FALSE(c.revoke(method, tomorrow(f), {}, note, {}, {}, 0, 0));
    CHECK(c.errorMessage() == QStringLiteral("That is in the future. Enter when it happened."));
    const QDateTime ahead = f.host->now().toLocalTime().addSecs(3600);
    CHECK_FALSE(c.revoke(method, ahead.date().toString(Qt::ISODate),
                         ahead.time().toString(QStringLiteral("HH:mm")), note, {}, {}, 0, 0));
    CHECK(c.errorMessage() == QStringLiteral("That is in the future. Enter when it happened."));
    CHECK_FALSE(c.revoke(method, QStringLiteral("05/03/2025"), {}, note, {}, {}, 0, 0));
    CHECK(c.errorMessage().startsWith(QStringLiteral("Enter the date as year-month-day")));
    CHECK_FALSE(c.revoke(method, c.today(), QStringLiteral("25:99"), note, {}, {}, 0, 0));
    CHECK(c.errorMessage().startsWith(QStringLiteral("Enter the time as hours and minutes")));
    CHECK_FALSE(c.revoke(QStringLiteral("carrier_pigeon"), {}, {}, note, {}, {}, 0, 0));
    CHECK_FALSE(c.revoked());
    CHECK(f.core().revocations().takedownCount() == 0);

    // A day in the past without a time: noon that day.
    REQUIRE(c.revoke(method, yesterday(f), {}, note, {}, {}, 0, 0));
    const auto revocation = f.core().consents().revocationOf(f.consentId);
    REQUIRE(revocation);
    CHECK(revocation->note == note);
    CHECK(revocation->receivedAt ==
          QDateTime(QDate::fromString(yesterday(f), Qt::ISODate), QTime(12, 0)).toUTC());
}

TEST_CASE("The impact lists the blocked draft and the post; marking it removed clears it") {
    Fixture f;
    auto &c = *f.controller;
    QAbstractItemModelTester drafts(c.blockedDrafts(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester posts(c.takedowns(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(c.load(f.consentId));
    QSignalSpy count(&c, &RevocationController::takedownCountChanged);
    REQUIRE(c.revoke(QStringLiteral("other"), {}, {}, QStringLiteral("By phone"), {}, {}, 0, 0));
    CHECK(count.count() == 1);
    CHECK(c.takedownCount() == 1);

    REQUIRE(c.blockedDrafts()->rowCount() == 1);
    const QVariantMap draft = c.blockedDrafts()->get(0);
    CHECK(draft.value(QStringLiteral("draftId")).toString() == f.draftId);
    CHECK(draft.value(QStringLiteral("preview")).toString() ==
          QStringLiteral("Before and after, part two."));
    CHECK(draft.value(QStringLiteral("targetText")).toString() ==
          QStringLiteral("Instagram · Anyone (public) · Educating patients and the public"));

    REQUIRE(c.takedowns()->rowCount() == 1);
    const QVariantMap post = c.takedowns()->get(0);
    CHECK(post.value(QStringLiteral("postId")).toString() == f.postId);
    CHECK(post.value(QStringLiteral("platform")).toString() == QStringLiteral("instagram"));
    CHECK(post.value(QStringLiteral("platformText")).toString() == QStringLiteral("Instagram"));
    CHECK(post.value(QStringLiteral("url")).toString() ==
          QStringLiteral("https://instagram.example/p/abc123"));
    CHECK_FALSE(post.value(QStringLiteral("postedAt")).toString().isEmpty());

    // Removed in the future, or with a photo that is not takedown evidence: refused.
    CHECK_FALSE(c.markRemoved(f.postId, tomorrow(f), {}, {}));
    CHECK(c.errorMessage() == QStringLiteral("That is in the future. Enter when it happened."));
    CHECK_FALSE(c.markRemoved(f.postId, c.today(), f.photoId, {}));
    CHECK_FALSE(c.errorMessage().isEmpty());
    CHECK(c.takedowns()->rowCount() == 1);

    const QString screenshot = f.evidence(cc::domain::PhotoRole::TakedownEvidence);
    REQUIRE(c.markRemoved(f.postId, c.today(), screenshot, QStringLiteral("Deleted by me")));
    CHECK(c.noticeMessage() == QStringLiteral("The post is marked as taken down."));
    CHECK(c.takedowns()->rowCount() == 0);
    CHECK(c.takedownCount() == 0);
    CHECK(count.count() == 2);
    CHECK(f.core().revocations().takedownCount() == 0);
    const auto removed = f.core().posts().post(f.postId);
    REQUIRE(removed);
    CHECK(removed->status == cc::domain::PostStatus::Removed);
    CHECK(removed->removalEvidencePhotoId == screenshot);
    CHECK(removed->removalNote == QStringLiteral("Deleted by me"));
    // The draft stays blocked: only removing the item or a new consent changes that.
    CHECK(c.blockedDrafts()->rowCount() == 1);
    // Taken down once only.
    CHECK_FALSE(c.markRemoved(f.postId, c.today(), {}, {}));
    CHECK_FALSE(c.errorMessage().isEmpty());
}

TEST_CASE("The receipt is a PDF of who revoked what, when, how and what stops; its export is "
          "logged") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE(c.load(f.consentId));
    c.giveReceipt({});
    CHECK(c.errorMessage() ==
          QStringLiteral("Record the revocation first: the receipt is for a revoked consent."));
    CHECK(f.sheet.calls().empty());

    const auto signature = cc::domain::syntheticSignature(5, 600, 240);
    REQUIRE(c.revoke(QStringLiteral("signed_on_device"), yesterday(f), QStringLiteral("09:30"), {},
                     {}, toVariant(signature), 600, 240));
    c.giveReceipt({});
    CHECK(c.busy());
    REQUIRE(f.settled());
    CHECK(c.errorMessage().isEmpty());
    CHECK(c.noticeMessage() == QStringLiteral("Receipt shared."));
    REQUIRE(f.sheet.calls().size() == 1);
    const auto &call = f.sheet.calls()[0];
    const QString name = QStringLiteral("revocation-%1.pdf").arg(f.consentId.mid(4, 8));
    CHECK(call.fileName == name);
    CHECK(call.mimeType == QStringLiteral("application/pdf"));
    REQUIRE(call.bytes.startsWith("%PDF-"));

    const cc::crypto::ByteView pdf(reinterpret_cast<const std::uint8_t *>(call.bytes.constData()),
                                   std::size_t(call.bytes.size()));
    cc::services::test::dumpPdf(pdf, QStringLiteral("revocation-receipt-en"));
    const QString text = cc::services::test::pdfText(pdf);
    const QString flat = cc::services::test::squeezed(text);
    const auto has = [&flat](const QString &words) {
        return flat.contains(cc::services::test::squeezed(words));
    };
    CHECK(has(QStringLiteral("Your permission has been cancelled")));
    CHECK(has(QStringLiteral("Cancelled by")));
    CHECK(has(QStringLiteral("Ada Example")));
    CHECK(has(f.consentId));
    CHECK(has(QStringLiteral("Received on")));
    CHECK(has(QStringLiteral("Recorded on")));
    CHECK(has(QStringLiteral("9:30 AM")));
    CHECK(has(QStringLiteral("Signed on the clinician's device")));
    CHECK(has(QStringLiteral("What stops")));
    CHECK(has(QStringLiteral("Posts in preparation that were stopped: 1")));
    CHECK(has(QStringLiteral("https://instagram.example/p/abc123")));
    CHECK(has(QStringLiteral("Bayview Skin Clinic")));
    const auto consent = f.core().consents().find(f.consentId);
    REQUIRE(consent);
    CHECK(has(consent->recordSha256));
    const QString key = QString::fromStdString(cc::crypto::toHex(f.vault->devicePublicKey()));
    CHECK(has(cc::imaging::ConsentPdfRenderer::keyFingerprint(key)));
    // Nothing about the patient in the file's metadata.
    const auto info = cc::services::test::pdfInfo(pdf);
    CHECK(info.value(QStringLiteral("Title")) == QStringLiteral("Your permission has been "
                                                                "cancelled"));
    CHECK(info.value(QStringLiteral("Creator")) == QStringLiteral("ConsentCam"));

    // The export is in the log, with the hash of what was handed over.
    const auto exports = f.exports();
    REQUIRE(exports.size() == 1);
    const QJsonObject data =
        QJsonDocument::fromJson(exports[0].entry).object().value(QStringLiteral("data")).toObject();
    CHECK(data.value(QStringLiteral("what")).toString() == QStringLiteral("revocation_receipt"));
    CHECK(data.value(QStringLiteral("via")).toString() == QStringLiteral("share_sheet"));
    CHECK(data.value(QStringLiteral("sha256")).toString() ==
          QString::fromLatin1(
              QCryptographicHash::hash(call.bytes, QCryptographicHash::Sha256).toHex()));
    CHECK(exports[0].subject.consentId == f.consentId);
    CHECK(f.vault->audit().checkpoints().back().seq == f.vault->audit().count());
}

TEST_CASE("The receipt is in the signer's language; on the desktop it goes into a folder") {
    Fixture f(QStringLiteral("es"));
    f.sheet.setNeedsFolder(true);
    auto &c = *f.controller;
    REQUIRE(c.load(f.consentId));
    CHECK(c.languageText() == QStringLiteral("Spanish"));
    REQUIRE(
        c.revoke(QStringLiteral("other"), {}, {}, QStringLiteral("Por teléfono"), {}, {}, 0, 0));
    c.giveReceipt({});
    CHECK(c.errorMessage() == QStringLiteral("Choose a folder to save the receipt in."));
    CHECK(f.sheet.calls().empty());
    c.giveReceipt(QUrl::fromLocalFile(QStringLiteral("/home/ada/Documents")));
    REQUIRE(f.settled());
    const QString name = cc::services::RevocationReceiptService::fileNameFor(f.consentId);
    CHECK(c.noticeMessage() == QStringLiteral("Receipt saved to /home/ada/Documents/") + name);
    REQUIRE(f.sheet.calls().size() == 1);
    const QByteArray &bytes = f.sheet.calls()[0].bytes;
    const cc::crypto::ByteView pdf(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                   std::size_t(bytes.size()));
    cc::services::test::dumpPdf(pdf, QStringLiteral("revocation-receipt-es"));
    const QString flat = cc::services::test::squeezed(cc::services::test::pdfText(pdf));
    CHECK(flat.contains(
        cc::services::test::squeezed(QStringLiteral("Su permiso ha sido cancelado"))));
    CHECK(flat.contains(cc::services::test::squeezed(QStringLiteral("Cómo se recibió"))));
    CHECK(flat.contains(QStringLiteral("Porteléfono")));
    CHECK(flat.contains(cc::services::test::squeezed(
        QStringLiteral("Publicaciones ya hechas que se están retirando"))));

    f.sheet.setOutcome(ShareSheet::Outcome::FolderUnavailable, QStringLiteral("EACCES"));
    c.giveReceipt(QUrl::fromLocalFile(QStringLiteral("/root")));
    REQUIRE(f.settled());
    CHECK(c.errorMessage() ==
          QStringLiteral("The receipt could not be saved in that folder. Choose another folder."));
    CHECK(f.exports().size() == 2);
}

TEST_CASE("Every language of the built-in forms has the receipt's words, with the same "
          "placeholders") {
    const auto templates = cc::services::loadBuiltInTemplates();
    const QStringList languages = cc::imaging::RevocationPdfRenderer::labelLanguages();
    const QRegularExpression placeholder(QStringLiteral("\\{[a-z]+\\}"));
    const auto placeholders = [&](const QString &text) {
        QStringList found;
        for (auto match = placeholder.globalMatch(text); match.hasNext();)
            found.append(match.next().captured());
        found.sort();
        return found;
    };
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("es")}) {
        CHECK(templates.find(QStringLiteral("media-release"), 1, language) != nullptr);
        CHECK(languages.contains(language));
    }
    for (const QString &key : cc::imaging::RevocationPdfRenderer::labelKeys()) {
        const QString english =
            cc::imaging::RevocationPdfRenderer::label(QStringLiteral("en"), key);
        for (const QString &language : languages) {
            INFO(key.toStdString() << " in " << language.toStdString());
            const QString text = cc::imaging::RevocationPdfRenderer::label(language, key);
            CHECK_FALSE(text.isEmpty());
            CHECK(placeholders(text) == placeholders(english));
        }
    }
}

TEST_CASE("Locking drops everything read from the vault") {
    Fixture f;
    auto &c = *f.controller;
    REQUIRE(c.load(f.consentId));
    REQUIRE(c.revoke(QStringLiteral("other"), {}, {}, QStringLiteral("By phone"), {}, {}, 0, 0));
    REQUIRE(c.takedowns()->rowCount() == 1);
    f.app->lock();
    CHECK(c.consentId().isEmpty());
    CHECK(c.patientName().isEmpty());
    CHECK(c.items()->rowCount() == 0);
    CHECK(c.blockedDrafts()->rowCount() == 0);
    CHECK(c.takedowns()->rowCount() == 0);
    CHECK(c.takedownCount() == 0);
    CHECK_FALSE(c.revoked());
    CHECK_FALSE(c.revoke(QStringLiteral("other"), {}, {}, QStringLiteral("x"), {}, {}, 0, 0));
    CHECK(c.errorMessage() == QStringLiteral("The vault is locked."));
    // Unlocking again counts the posts still awaiting takedown.
    f.unlock();
    CHECK(c.takedownCount() == 1);
}

int main(int argc, char *argv[]) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
