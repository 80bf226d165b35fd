// The signer's copy in the vault: made once from the sealed bytes, stored encrypted with
// its audit entry, read back intact, never on disk in plaintext, and checked by the
// whole-vault verifier like every other blob.

#include "pdftestsupport.h"
#include "servicetestsupport.h"

#include "imaging/consentpdf.h"
#include "services/consentcopyservice.h"
#include "services/consentdocument.h"
#include "services/serviceerror.h"
#include "services/servicesupport.h"
#include "services/vaultverifier.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/mediastore.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;
using services::test::pdfText;
using services::test::squeezed;

using cc::services::test::readAll;
using cc::services::test::writeAll;

namespace {

// The fixture with the real renderer and a consent (two photos, a story, a witness).
struct CopyFixture {
    CoreFixture f;
    imaging::ConsentPdfRenderer renderer;
    domain::SealedConsent consent;

    CopyFixture() {
        const auto patient = f.addPatient(QStringLiteral("Ada Example"));
        const auto first = f.addPhoto(patient.id, 1);
        const auto second = f.addPhoto(patient.id, 2);
        const auto [story, version] = f.core().library().addStory(
            patient.id, QStringLiteral("Healing after a burn"),
            QStringLiteral("A kitchen burn on the hand, from the first visit to full healing."));
        consent = f.seal(patient.id, {first.id, second.id, version.id}, [](ConsentRequest &r) {
            r.witness = domain::Witness{QStringLiteral("Nurse Ingrid Olsen"),
                                        domain::syntheticSignature(99), r.signedAt.addSecs(20)};
        });
    }
    ConsentCopyService service() {
        return ConsentCopyService(f.vault(), f.codec(), renderer, f.templates());
    }
    VerifyReport verify() {
        f.close();
        auto vault = f.makeVault();
        return VaultVerifier(*vault, f.templates()).run(services::test::Passcode);
    }
};

// A renderer that counts its calls and can fail, around the real one.
class CountingRenderer final : public ConsentDocumentRenderer {
public:
    crypto::SecretBytes render(const ConsentDocument &document) override {
        ++calls;
        if (fail)
            throw DocumentError("the renderer was told to fail");
        return real.render(document);
    }
    imaging::ConsentPdfRenderer real;
    int calls = 0;
    bool fail = false;
};

ServiceError::Kind errorKind(const std::function<void()> &f) {
    try {
        f();
    } catch (const ServiceError &error) {
        return error.kind();
    }
    FAIL("no ServiceError thrown");
    return ServiceError::Kind::Invalid;
}

QString describe(const VerifyReport &report) {
    QString text;
    for (const auto &p : report.problems)
        text += p.object + QLatin1Char(' ') + p.id + QStringLiteral(": ") + p.problem +
                QLatin1Char('\n');
    return text;
}

std::vector<storage::AuditLog::Row> auditRows(Vault &vault, const QString &kind) {
    std::vector<storage::AuditLog::Row> rows;
    vault.audit().forEach({}, [&](const storage::AuditLog::Row &row) {
        if (row.kind == kind)
            rows.push_back(row);
    });
    return rows;
}

} // namespace

TEST_CASE("A copy is made from the sealed record, stored encrypted, and read back intact") {
    CopyFixture c;
    auto service = c.service();
    CHECK_FALSE(service.find(c.consent.id));
    const qint64 mediaBefore = c.f.vault().media().count();

    const auto copy = service.makeCopy(c.consent.id);
    CHECK(copy.consentId == c.consent.id);
    CHECK(storage::MediaStore::isValidId(copy.mediaId));
    CHECK(copy.size > 1000);
    CHECK(copy.createdAt == c.f.clock().now);
    CHECK(c.f.vault().media().count() == mediaBefore + 1);

    const auto bytes = service.copyBytes(c.consent.id);
    CHECK(qint64(bytes.size()) == copy.size);
    CHECK(support::sha256Hex(crypto::view(bytes)) == copy.sha256);
    CHECK(std::string(bytes.begin(), bytes.begin() + 5) == "%PDF-");
    const QString text = pdfText(crypto::view(bytes));
    CHECK(squeezed(text).contains(c.consent.id));
    CHECK(squeezed(text).contains(c.consent.recordSha256));
    CHECK(text.contains(QStringLiteral("Nurse Ingrid Olsen")));
    CHECK(text.contains(QStringLiteral("Ada Example")));

    // Still there, the same, after the vault is locked and opened again.
    c.f.reopen();
    auto again = c.service();
    const auto found = again.find(c.consent.id);
    REQUIRE(found);
    CHECK(found->mediaId == copy.mediaId);
    CHECK(found->sha256 == copy.sha256);
    CHECK(found->createdAt == copy.createdAt);
    CHECK(again.copyBytes(c.consent.id) == bytes);
}

TEST_CASE("Making a copy twice returns the first and writes nothing") {
    CopyFixture c;
    CountingRenderer renderer;
    ConsentCopyService service(c.f.vault(), c.f.codec(), renderer, c.f.templates());
    const auto first = service.makeCopy(c.consent.id);
    const qint64 media = c.f.vault().media().count();
    const auto entries = c.f.vault().audit().count();
    c.f.clock().advanceSeconds(600);
    const auto second = service.makeCopy(c.consent.id);
    CHECK(renderer.calls == 1);
    CHECK(second.mediaId == first.mediaId);
    CHECK(second.sha256 == first.sha256);
    CHECK(second.createdAt == first.createdAt);
    CHECK(c.f.vault().media().count() == media);
    CHECK(c.f.vault().audit().count() == entries);
}

TEST_CASE("Making a copy is logged in the same transaction, handing it over as an export") {
    CopyFixture c;
    auto service = c.service();
    const auto copy = service.makeCopy(c.consent.id);
    const auto made = auditRows(c.f.vault(), QStringLiteral("consent.copy_made"));
    REQUIRE(made.size() == 1);
    CHECK(made[0].subject.consentId == c.consent.id);
    CHECK(made[0].subject.patientId == c.consent.patientId);
    CHECK(made[0].entry.contains(copy.sha256.toUtf8()));
    CHECK(made[0].entry.contains(copy.mediaId.toUtf8()));
    CHECK_FALSE(made[0].entry.contains("Ada"));

    const auto checkpoints = c.f.vault().audit().checkpointCount();
    service.recordExport(c.consent.id, QStringLiteral("folder"));
    const auto exported = auditRows(c.f.vault(), QStringLiteral("media.exported"));
    REQUIRE(exported.size() == 1);
    CHECK(exported[0].subject.consentId == c.consent.id);
    CHECK(exported[0].entry.contains("\"via\":\"folder\""));
    CHECK(exported[0].entry.contains("consent_copy"));
    // An export is signed at once.
    CHECK(c.f.vault().audit().checkpointCount() == checkpoints + 1);
    CHECK(errorKind([&] { service.recordExport(c.consent.id, QStringLiteral("email")); }) ==
          ServiceError::Kind::Invalid);
}

TEST_CASE("A renderer that fails leaves nothing behind") {
    CopyFixture c;
    CountingRenderer renderer;
    renderer.fail = true;
    ConsentCopyService service(c.f.vault(), c.f.codec(), renderer, c.f.templates());
    const qint64 media = c.f.vault().media().count();
    const auto entries = c.f.vault().audit().count();
    CHECK(errorKind([&] { (void)service.makeCopy(c.consent.id); }) == ServiceError::Kind::Invalid);
    CHECK_FALSE(service.find(c.consent.id));
    CHECK(c.f.vault().media().count() == media);
    CHECK(c.f.vault().audit().count() == entries);
    renderer.fail = false;
    CHECK_NOTHROW(service.makeCopy(c.consent.id));
}

TEST_CASE("No copy is made of an unknown consent or of a record that does not verify") {
    CopyFixture c;
    auto service = c.service();
    CHECK(errorKind([&] {
              (void)service.makeCopy(QStringLiteral("con_00000000000000000000000000000000"));
          }) == ServiceError::Kind::NotFound);
    CHECK(errorKind([&] { (void)service.copyBytes(c.consent.id); }) ==
          ServiceError::Kind::NotFound);
    CHECK(errorKind([&] { service.recordExport(c.consent.id, QStringLiteral("folder")); }) ==
          ServiceError::Kind::NotFound);

    // The record changed behind the app's back: its hash no longer matches.
    services::test::tamper(c.f.vault(),
                           ("UPDATE consents SET record = CAST(replace(CAST(record AS TEXT), "
                            "'Ada Example', 'Eve Example') AS BLOB) WHERE id = '" +
                            c.consent.id.toStdString() + "'")
                               .c_str());
    CHECK(errorKind([&] { (void)service.makeCopy(c.consent.id); }) == ServiceError::Kind::Refused);
    CHECK_FALSE(service.find(c.consent.id));
}

TEST_CASE("A copy whose stored bytes changed is not handed out") {
    CopyFixture c;
    auto service = c.service();
    const auto copy = service.makeCopy(c.consent.id);
    // The row says another hash: the bytes decrypt but are not the copy that was made.
    services::test::tamper(c.f.vault(),
                           ("UPDATE consent_copies SET sha256 = zeroblob(32) WHERE consent_id = '" +
                            c.consent.id.toStdString() + "'")
                               .c_str());
    CHECK(errorKind([&] { (void)service.copyBytes(c.consent.id); }) == ServiceError::Kind::Storage);
    (void)copy;
}

TEST_CASE("No PDF is ever on disk in plaintext, only its encrypted blob") {
    CopyFixture c;
    auto service = c.service();
    (void)service.makeCopy(c.consent.id);
    (void)service.copyBytes(c.consent.id);
    const QString directory = c.f.directory();
    c.f.close(); // -wal and -shm included: they are scanned before and after the checkpoint
    int files = 0;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        INFO(path.toStdString());
        const QByteArray bytes = readAll(path);
        CHECK_FALSE(bytes.contains("%PDF"));
        CHECK_FALSE(bytes.contains("/FontFile"));
        CHECK_FALSE(bytes.contains("Ada Example"));
    }
    // vault.key, vault.db, the two photos' originals and the copy (thumbnails are kept
    // encrypted in their rows, inside vault.db).
    CHECK(files >= 5);
}

TEST_CASE("The verifier checks the copy: a clean one passes, a flipped byte is found and named") {
    CopyFixture c;
    const auto copy = c.service().makeCopy(c.consent.id);
    const auto clean = c.verify();
    INFO(describe(clean).toStdString());
    CHECK(clean.ok());
    CHECK(clean.consentCopies == 1);
    CHECK(clean.toJson()
              .value(QStringLiteral("checked"))
              .toObject()
              .value(QStringLiteral("consentCopies"))
              .toInt() == 1);

    const QString path = c.f.directory() + QStringLiteral("/media/") + copy.mediaId;
    const QByteArray original = readAll(path);
    for (const qsizetype at : {qsizetype(10), original.size() / 2, original.size() - 3}) {
        QByteArray damaged = original;
        damaged[at] = char(damaged[at] ^ 0x20);
        writeAll(path, damaged);
        const auto report = c.verify();
        writeAll(path, original);
        INFO(at << "\n" << describe(report).toStdString());
        CHECK_FALSE(report.ok());
        const auto problem =
            std::find_if(report.problems.begin(), report.problems.end(), [&](const auto &p) {
                return p.object == QLatin1String("media") && p.id == copy.mediaId;
            });
        REQUIRE(problem != report.problems.end());
        CHECK(problem->details.value(QStringLiteral("consent")).toString() == c.consent.id);
        CHECK(problem->details.value(QStringLiteral("role")).toString() == QStringLiteral("copy"));
    }
    CHECK(c.verify().ok());
}

TEST_CASE("The verifier finds a copy's row changed or lost behind the app's back") {
    CopyFixture c;
    (void)c.service().makeCopy(c.consent.id);
    const auto names = [](const VerifyReport &report, const QString &id, const QString &text) {
        return std::any_of(report.problems.begin(), report.problems.end(), [&](const auto &p) {
            return p.object == QLatin1String("consent") && p.id == id && p.problem.contains(text);
        });
    };
    SECTION("a different hash") {
        services::test::tamper(c.f.vault(), "UPDATE consent_copies SET sha256 = zeroblob(32)");
        const auto report = c.verify();
        INFO(describe(report).toStdString());
        CHECK(names(report, c.consent.id, QStringLiteral("do not match the recorded SHA-256")));
        CHECK(names(report, c.consent.id, QStringLiteral("no entry in the audit log")));
    }
    SECTION("the row deleted") {
        services::test::tamper(c.f.vault(), "DELETE FROM consent_copies");
        const auto report = c.verify();
        INFO(describe(report).toStdString());
        CHECK(names(report, c.consent.id, QStringLiteral("records a copy the vault lost")));
    }
}
