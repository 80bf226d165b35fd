// Sealing consents: what a sealed record holds, what is refused, and that a stored record
// is checked from its bytes alone.

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "domain/signature.h"
#include "imaging/demophoto.h"
#include "services/serviceerror.h"
#include "services/verifiedrecords.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"

#include <catch2/catch_test_macros.hpp>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;

namespace {

QStringList elementsOf(const std::vector<domain::Defect> &defects) {
    QStringList elements;
    for (const auto &defect : defects)
        elements.append(defect.element);
    return elements;
}

QStringList auditKinds(CoreFixture &f) {
    QStringList kinds;
    f.vault().audit().forEach({},
                              [&](const storage::AuditLog::Row &row) { kinds.append(row.kind); });
    return kinds;
}

crypto::ByteView bytesOf(const QByteArray &data) {
    return {reinterpret_cast<const std::uint8_t *>(data.constData()), std::size_t(data.size())};
}

} // namespace

TEST_CASE(
    "A sealed consent names the exact items, the form shown, and is signed by the device key") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto [story, version] =
        f.core().library().addStory(patient.id, QStringLiteral("A rash"), QStringLiteral("Text."));
    const auto sealed = f.seal(patient.id, {photo.id, story.id});

    const auto record = domain::parseSealedRecord(sealed.record);
    REQUIRE(record.items.size() == 2);
    CHECK(record.items[0].id == photo.id);
    CHECK(record.items[0].sha256 == photo.sha256);
    CHECK(record.items[1].id == version.id); // a story id means its latest version
    CHECK(record.items[1].sha256 == version.sha256);
    CHECK(record.patientName == patient.displayName);
    CHECK(record.vaultId == f.vault().vaultId());
    CHECK(record.clinicianName == QStringLiteral("Dr. Ana Ruiz"));
    CHECK(record.templateId == QStringLiteral("media-release"));
    CHECK(record.language == QStringLiteral("en"));
    const auto *form =
        f.templates().find(record.templateId, record.templateVersion, record.language);
    REQUIRE(form);
    CHECK(record.formTextSha256 == form->textSha256(record.formInputs()));
    CHECK(record.sealedAt == f.clock().now);

    const auto digest = crypto::sha256(bytesOf(sealed.record));
    CHECK(sealed.recordSha256 == QString::fromStdString(crypto::toHex(digest)));
    CHECK(crypto::ed25519Verify(f.vault().devicePublicKey(), digest, bytesOf(sealed.signature)));

    const auto checked = f.core().consents().check(sealed);
    CHECK(checked.intact);
    CHECK(checked.defects.empty());
    CHECK(auditKinds(f).contains(QStringLiteral("consent.sealed")));
    // The seal is followed at once by a signed checkpoint.
    CHECK(f.vault().audit().checkpoints().back().seq == f.vault().audit().count());
}

TEST_CASE("Sealing refuses a record with defects, lists each, and stores nothing") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const qint64 entries = f.vault().audit().count();
    auto request = f.request(patient.id, {photo.id});
    request.strokes = {600, 240, {{{10, 10, 0}, {11, 10, 8}}}};
    request.printedName.clear();
    request.agreed = false;
    request.platforms.clear();

    const auto defects = f.core().consents().validate(request);
    const QStringList elements = elementsOf(defects);
    CHECK(elements.contains(QStringLiteral("signature")));
    CHECK(elements.contains(QStringLiteral("printed_name")));
    CHECK(elements.contains(QStringLiteral("intent")));
    CHECK(elements.contains(QStringLiteral("recipients")));
    try {
        (void)f.core().consents().seal(request);
        FAIL("sealing should have been refused");
    } catch (const SealRefused &refused) {
        CHECK(elementsOf(refused.defects()) == elements);
    }
    CHECK(f.core().consents().forPatient(patient.id).empty());
    CHECK(f.vault().audit().count() == entries);
}

TEST_CASE("A consent covers only this patient's clinical photos and stories") {
    CoreFixture f;
    const auto ada = f.addPatient();
    const auto bruno = f.addPatient(QStringLiteral("Bruno Sample"));
    const auto brunosPhoto = f.addPhoto(bruno.id);
    const auto evidence =
        f.core().library().importPhoto(ada.id, imaging::demoPhoto(5, 64, 64), f.clock().now,
                                       domain::PhotoRole::RevocationEvidence);
    const auto kind = [&](const QStringList &items) {
        try {
            (void)f.seal(ada.id, items);
        } catch (const ServiceError &error) {
            return error.kind();
        }
        return ServiceError::Kind::Storage;
    };
    CHECK(kind({brunosPhoto.id}) == ServiceError::Kind::Invalid);
    CHECK(kind({evidence.id}) == ServiceError::Kind::Invalid);
    CHECK(kind({QStringLiteral("pho_00000000000000000000000000000000")}) ==
          ServiceError::Kind::NotFound);
    CHECK(kind({}) == ServiceError::Kind::Refused); // no items: a defect
}

TEST_CASE("A policy that requires a witness refuses a consent without one") {
    CoreFixture f;
    auto policy = f.core().settings().policy();
    policy.witnessRequired = true;
    f.core().settings().setPolicy(policy);
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    CHECK(elementsOf(f.core().consents().validate(f.request(patient.id, {photo.id}))) ==
          QStringList{QStringLiteral("witness")});
    const auto sealed = f.seal(patient.id, {photo.id}, [&](ConsentRequest &r) {
        r.witness = domain::Witness{QStringLiteral("Nurse Joy"), domain::syntheticSignature(3),
                                    r.signedAt.addSecs(10)};
    });
    CHECK(domain::parseSealedRecord(sealed.record).policy.witnessRequired);
}

TEST_CASE("Changed bytes, a forged hash or another key make a stored consent fail its check") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto sealed = f.seal(patient.id, {photo.id});
    // The genuine row is verified first, so its result is remembered (VerifiedRecords):
    // none of the changed rows below may pass on the strength of it.
    REQUIRE(f.core().consents().check(sealed).intact);
    REQUIRE(f.vault().verifiedRecords().size() >= 1);

    SECTION("a changed byte in the signature, the record untouched") {
        auto changed = sealed;
        changed.signature[7] = char(changed.signature[7] ^ 0x01);
        const auto checked = f.core().consents().check(changed);
        CHECK_FALSE(checked.intact);
        CHECK(checked.integrityProblem == QStringLiteral("the signature does not verify"));
        CHECK(f.core().consents().check(sealed).intact);
        CHECK_FALSE(f.core().consents().check(changed).intact);
    }
    SECTION("a changed stored hash, the record untouched") {
        auto changed = sealed;
        changed.recordSha256 = QString(64, QLatin1Char('0'));
        CHECK_FALSE(f.core().consents().check(changed).intact);
    }
    SECTION("a changed byte in the record") {
        auto changed = sealed;
        changed.record.replace("\"public\"", "\"puBlic\"");
        const auto checked = f.core().consents().check(changed);
        CHECK_FALSE(checked.intact);
        CHECK(checked.integrityProblem.contains(QStringLiteral("hash")));
    }
    SECTION("a changed record with its hash recomputed, but not re-signed") {
        auto changed = sealed;
        changed.record.replace("\"instagram\"", "\"facebook\"");
        changed.recordSha256 =
            QString::fromStdString(crypto::toHex(crypto::sha256(bytesOf(changed.record))));
        const auto checked = f.core().consents().check(changed);
        CHECK_FALSE(checked.intact);
        CHECK(checked.integrityProblem == QStringLiteral("the signature does not verify"));
    }
    SECTION("a record signed by another key") {
        auto record = domain::parseSealedRecord(sealed.record);
        const auto other = crypto::Ed25519PrivateKey::generate();
        record.deviceKey = QString::fromStdString(crypto::toHex(other.publicKey()));
        auto changed = sealed;
        changed.record = record.canonical();
        const auto digest = crypto::sha256(bytesOf(changed.record));
        changed.recordSha256 = QString::fromStdString(crypto::toHex(digest));
        const auto signature = other.sign(digest);
        changed.signature = QByteArray(reinterpret_cast<const char *>(signature.data()), 64);
        const auto checked = f.core().consents().check(changed);
        CHECK_FALSE(checked.intact);
        CHECK(checked.integrityProblem == QStringLiteral("the record names another device key"));
    }
    SECTION("a record moved to another patient's row") {
        auto changed = sealed;
        changed.patientId = f.addPatient(QStringLiteral("Bruno Sample")).id;
        CHECK_FALSE(f.core().consents().check(changed).intact);
    }
    SECTION("bytes that are not JSON") {
        auto changed = sealed;
        changed.record = "not json";
        CHECK_FALSE(f.core().consents().check(changed).intact);
    }
}

TEST_CASE("Verified records are remembered for a few consents at most") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    std::vector<domain::SealedConsent> sealed;
    for (std::size_t i = 0; i < VerifiedRecords::Capacity + 8; ++i)
        sealed.push_back(f.seal(patient.id, {photo.id}));
    for (const auto &consent : sealed)
        CHECK(f.core().consents().check(consent).intact);
    CHECK(f.vault().verifiedRecords().size() == VerifiedRecords::Capacity);
    // The first ones were pushed out; they verify in full, and still pass.
    CHECK(f.core().consents().check(sealed.front()).intact);
    CHECK(f.core().consents().check(sealed.back()).defects.empty());
}

TEST_CASE("A remembered record is judged again against a catalog with other content") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto sealed = f.seal(patient.id, {f.addPhoto(patient.id).id});

    // First verified through a service whose catalog lacks the record's template: intact,
    // but not valid, and remembered so.
    domain::TemplateCatalog growing;
    ConsentService other(f.vault(), growing);
    const auto without = other.check(sealed);
    CHECK(without.intact);
    REQUIRE_FALSE(without.defects.empty());
    CHECK(without.defects.front().element == QString::fromLatin1(domain::element::Form));
    REQUIRE(f.vault().verifiedRecords().size() >= 1);
    // The same row through the app's catalog is valid,
    CHECK(f.core().consents().check(sealed).defects.empty());
    // and through the first service's catalog once it has gained the template.
    for (const auto &t : f.templates().all())
        growing.add(t);
    CHECK(other.check(sealed).defects.empty());
}

TEST_CASE("A consent's status moves from valid to expiring, expired or revoked") {
    CoreFixture f;
    auto &consents = f.core().consents();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto sealed = f.seal(patient.id, {photo.id});
    const QDateTime now = f.clock().now;
    CHECK(consents.status(sealed, now) == ConsentStatus::Valid);
    CHECK(consents.status(sealed, now.addDays(340)) == ConsentStatus::ExpiringSoon);
    CHECK(consents.status(sealed, now.addDays(367)) == ConsentStatus::Expired);
    CHECK(consents.status(sealed, now.addSecs(-3600)) == ConsentStatus::NotStarted);

    RevocationRequest revocation{
        sealed.id, now, QStringLiteral("other"), QStringLiteral("Phone call, confirmed in writing"),
        {},        {}};
    (void)f.core().revocations().revoke(revocation);
    CHECK(consents.status(sealed, now) == ConsentStatus::Revoked);
}

TEST_CASE("A consent that ends with an event expires when the event is recorded") {
    CoreFixture f;
    auto &consents = f.core().consents();
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto byEvent = f.seal(patient.id, {photo.id}, [&](ConsentRequest &r) {
        r.expiry = {domain::Expiry::Kind::Event, f.clock().now.date().addDays(700),
                    QStringLiteral("the end of my treatment")};
    });
    const auto byDate = f.seal(patient.id, {photo.id});
    f.clock().advanceDays(10);
    CHECK(consents.status(byEvent, f.clock().now) == ConsentStatus::Valid);
    consents.recordExpiryEvent(byEvent.id, f.clock().now.addSecs(-60),
                               QStringLiteral("discharged"));
    CHECK(consents.status(byEvent, f.clock().now) == ConsentStatus::Expired);
    CHECK_THROWS_AS(consents.recordExpiryEvent(byEvent.id, f.clock().now, {}), ServiceError);
    CHECK_THROWS_AS(consents.recordExpiryEvent(byDate.id, f.clock().now, {}), ServiceError);
    CHECK_THROWS_AS(consents.recordExpiryEvent(byEvent.id, f.clock().now.addDays(1), {}),
                    ServiceError);
}

TEST_CASE("A Spanish consent is sealed with the Spanish form") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto sealed = f.seal(patient.id, {photo.id},
                               [](ConsentRequest &r) { r.language = QStringLiteral("es"); });
    const auto record = domain::parseSealedRecord(sealed.record);
    CHECK(record.language == QStringLiteral("es"));
    const auto *form =
        f.templates().find(record.templateId, record.templateVersion, QStringLiteral("es"));
    REQUIRE(form);
    CHECK(record.agreeStatement == form->agreeStatement());
    CHECK(record.items.front().description.startsWith(QStringLiteral("Foto")));
    CHECK_THROWS_AS(f.seal(patient.id, {photo.id},
                           [](ConsentRequest &r) { r.language = QStringLiteral("fr"); }),
                    ServiceError);
}

TEST_CASE("A vault opened for inspection refuses every change") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    const auto request = f.request(patient.id, {photo.id});
    f.close();
    auto vault = f.makeVault();
    const auto key = vault->unwrapMasterKey(services::test::Passcode);
    vault->openForInspection(crypto::view(key));
    CHECK(vault->isReadOnly());
    ConsentCore core(*vault, f.codec(), f.templates());
    const qint64 entries = vault->audit().count();
    try {
        (void)core.consents().seal(request);
        FAIL("a read-only vault sealed a consent");
    } catch (const ServiceError &error) {
        CHECK(error.kind() == ServiceError::Kind::ReadOnly);
    }
    CHECK_THROWS_AS(core.library().addPatient(QStringLiteral("Bruno")), ServiceError);
    CHECK(vault->audit().count() == entries);
    CHECK(core.library().photo(photo.id).has_value()); // reading works
}

TEST_CASE("A representative's authority document is this patient's, and sealed by its hash") {
    CoreFixture f;
    const auto patient = f.addPatient();
    const auto other = f.addPatient(QStringLiteral("Bruno Sample"));
    const auto photo = f.addPhoto(patient.id);
    const auto document =
        f.core().library().importPhoto(patient.id, imaging::demoPhoto(21, 64, 64), f.clock().now,
                                       domain::PhotoRole::AuthorityDocument);
    const auto foreign =
        f.core().library().importPhoto(other.id, imaging::demoPhoto(22, 64, 64), f.clock().now,
                                       domain::PhotoRole::AuthorityDocument);
    const auto withDocument = [&](const QString &id) {
        return [id](ConsentRequest &r) {
            r.signer = {QStringLiteral("parent_guardian"), QStringLiteral("Carla Example"),
                        QStringLiteral("mother"), QStringLiteral("parent of a minor"), id};
            r.printedName = QStringLiteral("Carla Example");
        };
    };
    for (const QString &bad :
         {foreign.id, photo.id, QStringLiteral("pho_00000000000000000000000000000000")})
        CHECK_THROWS_AS(f.seal(patient.id, {photo.id}, withDocument(bad)), ServiceError);
    const auto sealed = f.seal(patient.id, {photo.id}, withDocument(document.id));
    const auto record = domain::parseSealedRecord(sealed.record);
    CHECK(record.signer.authorityDocument == document.id);
    CHECK(record.signer.authorityDocumentSha256 == document.sha256);
}

TEST_CASE("Text a record or form can't carry is refused as invalid input") {
    CoreFixture f;
    const auto invalid = [](const std::function<void()> &action) {
        try {
            action();
        } catch (const ServiceError &error) {
            return error.kind() == ServiceError::Kind::Invalid;
        }
        return false;
    };
    const auto patient = f.addPatient();
    const auto photo = f.addPhoto(patient.id);
    CHECK(invalid([&] { (void)f.core().library().addPatient(QStringLiteral("Ada\x01")); }));
    CHECK(invalid([&] {
        (void)f.core().library().addStory(patient.id, QStringLiteral("Case\nTwo"),
                                          QStringLiteral("x"));
    }));
    CHECK(invalid([&] {
        f.core().settings().setClinician({QString(QChar(0xd800)), QStringLiteral("MD"),
                                          QStringLiteral("Clinic"), QStringLiteral("Street")});
    }));
    CHECK(invalid([&] {
        (void)f.seal(patient.id, {photo.id},
                     [](ConsentRequest &r) { r.utcOffsetMinutes = 15 * 60; });
    }));
    CHECK(f.core().settings().clinician().name == QStringLiteral("Dr. Ana Ruiz"));
}
