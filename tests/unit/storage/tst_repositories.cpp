// Repositories: every field round-trips, lists are ordered and searchable, what was
// sealed, revoked or posted stays as it was, and posts change status only along the
// takedown path. Also the page-level integrity checks that find a damaged table.

#include "storagetestsupport.h"

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "domain/entities.h"
#include "domain/ids.h"
#include "domain/timestamps.h"
#include "storage/consentcopyrepository.h"
#include "storage/consentrepository.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/patientrepository.h"
#include "storage/photorepository.h"
#include "storage/postrepository.h"
#include "storage/storyrepository.h"
#include "storage/vaultmetarepository.h"

#include <catch2/catch_test_macros.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
using IdKind = domain::ids::Kind;

namespace {

// An instant with a millisecond part, n seconds into the test's day (UTC).
QDateTime at(std::int64_t n) {
    return domain::fromMs(1'795'000'000'123 + n * 1000);
}

QString hashOf(const QString &text) {
    const auto digest = crypto::sha256(crypto::view(text.toStdString()));
    return QString::fromStdString(crypto::toHex(digest));
}

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

// A migrated vault database in a fresh temporary directory, with builders for the rows
// the repositories reference.
struct Vault {
    QTemporaryDir dir;
    Database db;
    int mediaCount = 0;

    Vault()
        : db(Database::open(dir.filePath(QStringLiteral("vault.db")), testKey(1),
                            Database::OpenMode::CreateNew)) {
        migrate(db);
    }

    // A row of the media table, which photos reference.
    QString addMedia() {
        const QString id = QStringLiteral("%1").arg(++mediaCount, 32, 10, QLatin1Char('0'));
        auto insert = db.prepare("INSERT INTO media (id, wrapped_key, size, created_at) "
                                 "VALUES (?1, x'00', 1, '2026-11-28T09:00:00.000Z')");
        insert.bind(1, id);
        insert.run();
        return id;
    }

    domain::Patient addPatient(const QString &name, const QString &mrn = {}) {
        domain::Patient patient{domain::ids::generate(IdKind::Patient), name, mrn, QDate(), at(0)};
        PatientRepository(db).insert(patient);
        return patient;
    }

    domain::Photo photo(const QString &patientId, int n,
                        domain::PhotoRole role = domain::PhotoRole::Clinical) {
        domain::Photo photo;
        photo.id = domain::ids::generate(IdKind::Photo);
        photo.patientId = patientId;
        photo.role = role;
        photo.mediaId = addMedia();
        photo.thumbMediaId = addMedia();
        photo.sha256 = hashOf(QStringLiteral("photo %1").arg(n));
        photo.size = 100'000 + n;
        photo.width = 4032;
        photo.height = 3024;
        photo.format = QStringLiteral("jpeg");
        photo.capturedAt = at(n);
        photo.createdAt = at(n + 1);
        return photo;
    }

    domain::Photo addPhoto(const QString &patientId, int n,
                           domain::PhotoRole role = domain::PhotoRole::Clinical) {
        auto added = photo(patientId, n, role);
        PhotoRepository(db).insert(added);
        return added;
    }

    domain::SealedConsent consent(const QString &patientId, int n) {
        domain::SealedConsent consent;
        consent.id = domain::ids::generate(IdKind::Consent);
        consent.patientId = patientId;
        consent.record = QStringLiteral(R"({"consent":%1,"form":"en-1"})").arg(n).toUtf8();
        consent.recordSha256 = hashOf(QString::fromUtf8(consent.record));
        consent.signature = QByteArray(64, char(n));
        consent.sealedAt = at(n);
        consent.startsAt = at(n + 60);
        consent.expiresAt = at(n + 86'400);
        return consent;
    }

    domain::SealedConsent addConsent(const QString &patientId, int n,
                                     const std::vector<domain::CoveredItem> &items) {
        auto added = consent(patientId, n);
        ConsentRepository(db).insert(added, items);
        return added;
    }

    domain::Revocation revoke(const QString &consentId, int n) {
        domain::Revocation revocation{domain::ids::generate(IdKind::Revocation),
                                      consentId,
                                      at(n),
                                      at(n + 5),
                                      QStringLiteral("written_letter"),
                                      QStringLiteral("letter received by mail"),
                                      {},
                                      std::nullopt};
        ConsentRepository(db).insertRevocation(revocation);
        return revocation;
    }

    domain::Draft addDraft(int n, const QStringList &items = {},
                           domain::DraftState state = domain::DraftState::Open) {
        domain::Draft draft;
        draft.id = domain::ids::generate(IdKind::Draft);
        draft.text = QStringLiteral("Draft %1").arg(n);
        draft.target = {QStringLiteral("instagram"), QStringLiteral("public"),
                        QStringLiteral("education")};
        draft.state = state;
        draft.createdAt = at(n);
        draft.updatedAt = at(n);
        draft.itemIds = items;
        PostRepository(db).insertDraft(draft);
        return draft;
    }

    domain::Post post(const QString &draftId, int n, std::vector<domain::PostItem> items) {
        domain::Post post;
        post.id = domain::ids::generate(IdKind::Post);
        post.draftId = draftId;
        post.target = {QStringLiteral("instagram"), QStringLiteral("public"),
                       QStringLiteral("education")};
        post.text = QStringLiteral("Post %1 about healing").arg(n);
        post.postedAt = at(n);
        post.items = std::move(items);
        return post;
    }

    domain::Post addPost(const QString &draftId, int n, std::vector<domain::PostItem> items) {
        auto added = post(draftId, n, std::move(items));
        PostRepository(db).insertPost(added);
        return added;
    }

    std::int64_t count(const char *table) {
        const std::string sql = std::string("SELECT count(*) FROM ") + table;
        auto query = db.prepare(sql.c_str());
        REQUIRE(query.step());
        return query.columnInt64(0);
    }

    // The error kind of a statement, and that it names the trigger's reason.
    std::string refused(const char *sql, const char *reason) {
        try {
            db.exec(sql);
        } catch (const StorageError &error) {
            CHECK(std::string(error.what()).find(reason) != std::string::npos);
            return toString(error.kind());
        }
        return "none";
    }
};

domain::CoveredItem covered(const domain::Photo &photo) {
    return {domain::ItemKind::Photo, photo.id, photo.sha256, {}};
}

domain::PostItem posted(const domain::Photo &photo, const QStringList &consentIds) {
    return {domain::ItemKind::Photo, photo.id, photo.sha256, consentIds};
}

QStringList namesOf(const std::vector<domain::Patient> &patients) {
    QStringList ids;
    for (const auto &patient : patients)
        ids.append(patient.displayName);
    return ids;
}

template<class T>
QStringList idsOf(const std::vector<T> &rows) {
    QStringList ids;
    for (const auto &row : rows)
        ids.append(row.id);
    return ids;
}

void checkSame(const domain::Photo &read, const domain::Photo &written) {
    CHECK(read.id == written.id);
    CHECK(read.patientId == written.patientId);
    CHECK(read.role == written.role);
    CHECK(read.mediaId == written.mediaId);
    CHECK(read.thumbMediaId == written.thumbMediaId);
    CHECK(read.sha256 == written.sha256);
    CHECK(read.size == written.size);
    CHECK(read.width == written.width);
    CHECK(read.height == written.height);
    CHECK(read.format == written.format);
    CHECK(read.capturedAt == written.capturedAt);
    CHECK(read.createdAt == written.createdAt);
    CHECK(read.originalId == written.originalId);
    CHECK(read.redactions == written.redactions);
    CHECK(read.identifyingRegions == written.identifyingRegions);
}

void checkSame(const domain::SealedConsent &read, const domain::SealedConsent &written) {
    CHECK(read.id == written.id);
    CHECK(read.patientId == written.patientId);
    CHECK(read.record == written.record);
    CHECK(read.recordSha256 == written.recordSha256);
    CHECK(read.signature == written.signature);
    CHECK(read.sealedAt == written.sealedAt);
    CHECK(read.startsAt == written.startsAt);
    CHECK(read.expiresAt == written.expiresAt);
}

void checkSame(const domain::Post &read, const domain::Post &written) {
    CHECK(read.id == written.id);
    CHECK(read.draftId == written.draftId);
    CHECK(read.target == written.target);
    CHECK(read.text == written.text);
    CHECK(read.postedAt == written.postedAt);
    CHECK(read.url == written.url);
    CHECK(read.status == written.status);
    CHECK(read.takedownRequiredAt == written.takedownRequiredAt);
    CHECK(read.removedAt == written.removedAt);
    CHECK(read.removalEvidencePhotoId == written.removalEvidencePhotoId);
    CHECK(read.removalNote == written.removalNote);
    REQUIRE(read.items.size() == written.items.size());
    for (std::size_t i = 0; i < read.items.size(); ++i) {
        CHECK(read.items[i].kind == written.items[i].kind);
        CHECK(read.items[i].itemId == written.items[i].itemId);
        CHECK(read.items[i].sha256 == written.items[i].sha256);
        CHECK(read.items[i].consentIds == sorted(written.items[i].consentIds));
    }
}

crypto::Bytes storedBlob(Database &db, const char *sql, const QString &id) {
    auto query = db.prepare(sql);
    query.bind(1, id);
    REQUIRE(query.step());
    return query.columnBlob(0);
}

} // namespace

// --- Patients ----------------------------------------------------------------------

TEST_CASE("a patient round-trips with and without the optional MRN and birth date",
          "[repositories]") {
    Vault v;
    PatientRepository patients(v.db);
    const domain::Patient full{domain::ids::generate(IdKind::Patient), QStringLiteral("Ana Ruiz"),
                               QStringLiteral("MRN-0042"), QDate(1987, 3, 5), at(1)};
    const domain::Patient minimal{
        domain::ids::generate(IdKind::Patient), QStringLiteral("J. Doe"), {}, QDate(), at(2)};
    patients.insert(full);
    patients.insert(minimal);

    const auto readFull = patients.find(full.id);
    REQUIRE(readFull);
    CHECK(readFull->id == full.id);
    CHECK(readFull->displayName == full.displayName);
    CHECK(readFull->mrn == full.mrn);
    CHECK(readFull->birthDate == full.birthDate);
    CHECK(readFull->createdAt == full.createdAt);
    CHECK(readFull->createdAt.timeSpec() == Qt::UTC);
    CHECK(readFull->createdAt.toMSecsSinceEpoch() % 1000 == 123);

    const auto readMinimal = patients.find(minimal.id);
    REQUIRE(readMinimal);
    CHECK(readMinimal->mrn.isEmpty());
    CHECK_FALSE(readMinimal->birthDate.isValid());
    CHECK(readMinimal->createdAt == minimal.createdAt);

    CHECK_FALSE(patients.find(domain::ids::generate(IdKind::Patient)));
    CHECK(patients.count() == 2);
}

TEST_CASE("patients are listed by name and found by name or MRN, ignoring case, a page at a "
          "time",
          "[repositories]") {
    Vault v;
    v.addPatient(QStringLiteral("carol Young"), QStringLiteral("MRN-7731"));
    v.addPatient(QStringLiteral("Alice Zed"));
    v.addPatient(QStringLiteral("bob Alison"), QStringLiteral("mrn-1200"));
    v.addPatient(QStringLiteral("ALICE Young"), QStringLiteral("MRN-7745"));
    v.addPatient(QStringLiteral("Dave"));
    PatientRepository patients(v.db);

    CHECK(namesOf(patients.list()) ==
          QStringList{QStringLiteral("ALICE Young"), QStringLiteral("Alice Zed"),
                      QStringLiteral("bob Alison"), QStringLiteral("carol Young"),
                      QStringLiteral("Dave")});
    // By name, in any case, anywhere in the name; surrounding spaces are ignored.
    CHECK(namesOf(patients.list(QStringLiteral("alice"))) ==
          QStringList{QStringLiteral("ALICE Young"), QStringLiteral("Alice Zed")});
    CHECK(namesOf(patients.list(QStringLiteral("  ALI "))) ==
          QStringList{QStringLiteral("ALICE Young"), QStringLiteral("Alice Zed"),
                      QStringLiteral("bob Alison")});
    CHECK(namesOf(patients.list(QStringLiteral("young"))) ==
          QStringList{QStringLiteral("ALICE Young"), QStringLiteral("carol Young")});
    // By MRN, in any case.
    CHECK(namesOf(patients.list(QStringLiteral("mrn-77"))) ==
          QStringList{QStringLiteral("ALICE Young"), QStringLiteral("carol Young")});
    CHECK(namesOf(patients.list(QStringLiteral("MRN-12"))) ==
          QStringList{QStringLiteral("bob Alison")});
    CHECK(patients.list(QStringLiteral("nobody")).empty());
    // A page at a time, in the same order.
    CHECK(namesOf(patients.list({}, 2, 0)) ==
          QStringList{QStringLiteral("ALICE Young"), QStringLiteral("Alice Zed")});
    CHECK(namesOf(patients.list({}, 2, 2)) ==
          QStringList{QStringLiteral("bob Alison"), QStringLiteral("carol Young")});
    CHECK(namesOf(patients.list({}, 2, 4)) == QStringList{QStringLiteral("Dave")});
    CHECK(patients.list({}, 2, 6).empty());
    CHECK(namesOf(patients.list(QStringLiteral("alice"), 1, 1)) ==
          QStringList{QStringLiteral("Alice Zed")});
    CHECK(patients.count() == 5);
}

TEST_CASE("patient search ignores the case of accented letters", "[repositories]") {
    Vault v;
    v.addPatient(QStringLiteral("Ángela Núñez"));
    v.addPatient(QStringLiteral("Óscar Ibáñez"), QStringLiteral("HC-Ñ12"));
    v.addPatient(QStringLiteral("Zoe"));
    PatientRepository patients(v.db);

    CHECK(namesOf(patients.list(QStringLiteral("ángela"))) ==
          QStringList{QStringLiteral("Ángela Núñez")});
    CHECK(namesOf(patients.list(QStringLiteral("NÚÑEZ"))) ==
          QStringList{QStringLiteral("Ángela Núñez")});
    CHECK(namesOf(patients.list(QStringLiteral("óscar"))) ==
          QStringList{QStringLiteral("Óscar Ibáñez")});
    CHECK(namesOf(patients.list(QStringLiteral("hc-ñ"))) ==
          QStringList{QStringLiteral("Óscar Ibáñez")});
    CHECK(patients.list(QStringLiteral("ángelo")).empty());
}

// --- Photos ------------------------------------------------------------------------

TEST_CASE("a photo and its redacted derivative round-trip every field", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    PhotoRepository photos(v.db);

    auto original = v.photo(patient.id, 1);
    original.identifyingRegions = {{100, 200, 300, 400}, {0, 0, 10000, 10000}};
    photos.insert(original);

    auto derivative = v.photo(patient.id, 2);
    derivative.format = QStringLiteral("png");
    derivative.originalId = original.id;
    derivative.redactions = {{{100, 200, 300, 400}, domain::RedactionKind::Blur},
                             {{5000, 0, 5000, 10000}, domain::RedactionKind::Solid}};
    photos.insert(derivative);

    const auto readOriginal = photos.find(original.id);
    REQUIRE(readOriginal);
    checkSame(*readOriginal, original);
    CHECK_FALSE(readOriginal->isDerivative());
    CHECK(readOriginal->redactions.empty());

    const auto readDerivative = photos.find(derivative.id);
    REQUIRE(readDerivative);
    checkSame(*readDerivative, derivative);
    CHECK(readDerivative->isDerivative());
    CHECK(readDerivative->identifyingRegions.empty());

    // The hash is kept as its 32 raw bytes, and an original has no redactions at all.
    CHECK(storedBlob(v.db, "SELECT sha256 FROM photos WHERE id = ?1", original.id) ==
          crypto::fromHex(original.sha256.toStdString()));
    auto nulls = v.db.prepare("SELECT original_id IS NULL, redactions IS NULL FROM photos "
                              "WHERE id = ?1");
    nulls.bind(1, original.id);
    REQUIRE(nulls.step());
    CHECK(nulls.columnInt64(0) == 1);
    CHECK(nulls.columnInt64(1) == 1);

    CHECK(idsOf(photos.derivativesOf(original.id)) == QStringList{derivative.id});
    CHECK(photos.derivativesOf(derivative.id).empty());
    CHECK_FALSE(photos.find(domain::ids::generate(IdKind::Photo)));
}

TEST_CASE("a derivative without redactions is still a derivative", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    PhotoRepository photos(v.db);
    const auto original = v.addPhoto(patient.id, 1);
    auto derivative = v.photo(patient.id, 2);
    derivative.originalId = original.id;
    photos.insert(derivative);

    const auto read = photos.find(derivative.id);
    REQUIRE(read);
    CHECK(read->isDerivative());
    CHECK(read->originalId == original.id);
    CHECK(read->redactions.empty());
}

TEST_CASE("a photo whose redactions or regions could not be read back is refused",
          "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    PhotoRepository photos(v.db);
    const auto original = v.addPhoto(patient.id, 1);

    // More redactions than a row may hold.
    auto tooMany = v.photo(patient.id, 2);
    tooMany.originalId = original.id;
    tooMany.redactions.assign(257, {{0, 0, 100, 100}, domain::RedactionKind::Solid});
    CHECK(thrownKind([&] { photos.insert(tooMany); }) == "Constraint");

    auto invalidRedaction = v.photo(patient.id, 3);
    invalidRedaction.originalId = original.id;
    invalidRedaction.redactions = {{{9000, 0, 2000, 100}, domain::RedactionKind::Blur}};
    CHECK(thrownKind([&] { photos.insert(invalidRedaction); }) == "Constraint");

    auto invalidRegion = v.photo(patient.id, 4);
    invalidRegion.identifyingRegions = {{0, 0, 0, 100}};
    CHECK(thrownKind([&] { photos.insert(invalidRegion); }) == "Constraint");
    CHECK(thrownKind([&] {
              photos.setIdentifyingRegions(original.id, {{-1, 0, 10, 10}});
          }) == "Constraint");

    // The patient's photos all still read.
    CHECK(idsOf(photos.listForPatient(patient.id)) == QStringList{original.id});
    CHECK(photos.find(original.id)->identifyingRegions.empty());

    // 256 valid redactions are fine.
    auto most = v.photo(patient.id, 5);
    most.originalId = original.id;
    most.redactions.assign(256, {{0, 0, 100, 100}, domain::RedactionKind::Solid});
    photos.insert(most);
    CHECK(photos.find(most.id)->redactions.size() == 256);
}

TEST_CASE("photos are listed per patient and role, newest capture first, and regions can be "
          "marked later",
          "[repositories]") {
    Vault v;
    const auto ana = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto bob = v.addPatient(QStringLiteral("Bob Stone"));
    PhotoRepository photos(v.db);
    const auto early = v.addPhoto(ana.id, 10);
    const auto late = v.addPhoto(ana.id, 30);
    const auto middle = v.addPhoto(ana.id, 20);
    const auto document = v.addPhoto(ana.id, 40, domain::PhotoRole::AuthorityDocument);
    const auto bobs = v.addPhoto(bob.id, 50);

    CHECK(idsOf(photos.listForPatient(ana.id)) == QStringList{late.id, middle.id, early.id});
    CHECK(idsOf(photos.listForPatient(ana.id, domain::PhotoRole::AuthorityDocument)) ==
          QStringList{document.id});
    CHECK(photos.listForPatient(ana.id, domain::PhotoRole::TakedownEvidence).empty());
    CHECK(idsOf(photos.listForPatient(bob.id)) == QStringList{bobs.id});

    QStringList visited;
    photos.forEach([&](const domain::Photo &photo) { visited.append(photo.id); });
    CHECK(visited == QStringList{early.id, middle.id, late.id, document.id, bobs.id});
    CHECK(photos.count() == 5);

    const std::vector<domain::NormRect> regions{{1000, 1000, 2000, 2500}};
    photos.setIdentifyingRegions(middle.id, regions);
    CHECK(photos.find(middle.id)->identifyingRegions == regions);
    photos.setIdentifyingRegions(middle.id, {});
    CHECK(photos.find(middle.id)->identifyingRegions.empty());
    CHECK(thrownKind([&] {
              photos.setIdentifyingRegions(domain::ids::generate(IdKind::Photo), regions);
          }) == "NotFound");
}

TEST_CASE("the schema refuses a photo of an unknown patient, a malformed id or a malformed hash",
          "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    PhotoRepository photos(v.db);

    auto orphan = v.photo(domain::ids::generate(IdKind::Patient), 1);
    CHECK(thrownKind([&] { photos.insert(orphan); }) == "Constraint");

    auto wrongPrefix = v.photo(patient.id, 2);
    wrongPrefix.id = domain::ids::generate(IdKind::Story);
    CHECK(thrownKind([&] { photos.insert(wrongPrefix); }) == "Constraint");

    auto truncated = v.photo(patient.id, 3);
    truncated.id.chop(1);
    CHECK(thrownKind([&] { photos.insert(truncated); }) == "Constraint");

    auto badHash = v.photo(patient.id, 4);
    badHash.sha256 = QStringLiteral("not a hash");
    CHECK(thrownKind([&] { photos.insert(badHash); }) == "Constraint");

    auto shortHash = v.photo(patient.id, 5);
    shortHash.sha256.chop(2);
    CHECK(thrownKind([&] { photos.insert(shortHash); }) == "Constraint");

    auto unknownMedia = v.photo(patient.id, 6);
    unknownMedia.mediaId = QString(32, QLatin1Char('f'));
    CHECK(thrownKind([&] { photos.insert(unknownMedia); }) == "Constraint");

    auto unknownOriginal = v.photo(patient.id, 7);
    unknownOriginal.originalId = domain::ids::generate(IdKind::Photo);
    CHECK(thrownKind([&] { photos.insert(unknownOriginal); }) == "Constraint");

    CHECK(thrownKind([&] {
              PatientRepository(v.db).insert(
                  {QStringLiteral("pat_123"), QStringLiteral("Short Id"), {}, {}, at(0)});
          }) == "Constraint");
    CHECK(thrownKind([&] {
              PatientRepository(v.db).insert(
                  {domain::ids::generate(IdKind::Patient), QStringLiteral("   "), {}, {}, at(0)});
          }) == "Constraint");
    CHECK(photos.count() == 0);
    CHECK(PatientRepository(v.db).count() == 1);
}

// --- Stories -----------------------------------------------------------------------

TEST_CASE("a story keeps every version, the latest is the highest number, and none changes",
          "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    StoryRepository stories(v.db);
    const domain::Story story{domain::ids::generate(IdKind::Story), patient.id,
                              QStringLiteral("Healing after a burn"), at(1)};
    const domain::Story other{domain::ids::generate(IdKind::Story), patient.id,
                              QStringLiteral("A second case"), at(2)};
    stories.insertStory(story);
    stories.insertStory(other);

    CHECK_FALSE(stories.latestVersion(story.id));
    CHECK(stories.versions(story.id).empty());

    std::vector<domain::StoryVersion> written;
    for (int n : {1, 3, 2}) {
        const QString text = QStringLiteral("Text of version %1, with ñ and ü").arg(n);
        domain::StoryVersion version{
            domain::ids::generate(IdKind::StoryVersion), story.id, n, text, hashOf(text), at(n)};
        stories.insertVersion(version);
        written.push_back(version);
    }

    const auto readStory = stories.findStory(story.id);
    REQUIRE(readStory);
    CHECK(readStory->id == story.id);
    CHECK(readStory->patientId == story.patientId);
    CHECK(readStory->title == story.title);
    CHECK(readStory->createdAt == story.createdAt);

    const auto latest = stories.latestVersion(story.id);
    REQUIRE(latest);
    CHECK(latest->version == 3);
    CHECK(latest->id == written[1].id);

    const auto all = stories.versions(story.id);
    REQUIRE(all.size() == 3);
    CHECK(all[0].version == 1);
    CHECK(all[1].version == 2);
    CHECK(all[2].version == 3);

    const auto second = stories.findVersion(written[2].id);
    REQUIRE(second);
    CHECK(second->id == written[2].id);
    CHECK(second->storyId == story.id);
    CHECK(second->version == 2);
    CHECK(second->text == written[2].text);
    CHECK(second->sha256 == written[2].sha256);
    CHECK(second->createdAt == written[2].createdAt);
    CHECK_FALSE(stories.findVersion(domain::ids::generate(IdKind::StoryVersion)));

    CHECK(idsOf(stories.listForPatient(patient.id)) == QStringList{other.id, story.id});
    CHECK(stories.versionCount() == 3);

    // A version number is used once per story, and a version belongs to a known story.
    CHECK(thrownKind([&] {
              stories.insertVersion({domain::ids::generate(IdKind::StoryVersion), story.id, 2,
                                     QStringLiteral("again"), hashOf(QStringLiteral("again")),
                                     at(9)});
          }) == "Constraint");
    CHECK(thrownKind([&] {
              stories.insertVersion({domain::ids::generate(IdKind::StoryVersion),
                                     domain::ids::generate(IdKind::Story), 1,
                                     QStringLiteral("lost"), hashOf(QStringLiteral("lost")),
                                     at(9)});
          }) == "Constraint");

    CHECK(v.refused("UPDATE story_versions SET text = 'edited'", "a story version never changes") ==
          "Constraint");
    CHECK(v.refused("DELETE FROM story_versions WHERE version = 1",
                    "a story version is never deleted") == "Constraint");
    CHECK(stories.findVersion(written[0].id)->text == written[0].text);
    CHECK(stories.versionCount() == 3);
}

// --- Consents, revocations and expiry events ---------------------------------------

TEST_CASE("a sealed consent round-trips with the items it names", "[repositories]") {
    Vault v;
    const auto ana = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto bob = v.addPatient(QStringLiteral("Bob Stone"));
    const auto photoA = v.addPhoto(ana.id, 1);
    const auto photoB = v.addPhoto(ana.id, 2);
    const QString storyText = QStringLiteral("The story");
    const domain::CoveredItem story{domain::ItemKind::Story,
                                    domain::ids::generate(IdKind::StoryVersion), hashOf(storyText),
                                    QStringLiteral("Case story")};
    ConsentRepository consents(v.db);

    const auto first = v.addConsent(ana.id, 10, {covered(photoB), covered(photoA), story});
    const auto second = v.addConsent(ana.id, 20, {covered(photoA)});
    const auto bobs = v.addConsent(bob.id, 15, {});

    const auto read = consents.find(first.id);
    REQUIRE(read);
    checkSame(*read, first);
    CHECK(read->sealedAt.toMSecsSinceEpoch() % 1000 == 123);
    CHECK(storedBlob(v.db, "SELECT record_sha256 FROM consents WHERE id = ?1", first.id) ==
          crypto::fromHex(first.recordSha256.toStdString()));
    CHECK_FALSE(consents.find(domain::ids::generate(IdKind::Consent)));

    // The items as indexed, by id, without the descriptions the record carries.
    auto expected = std::vector<domain::CoveredItem>{covered(photoA), covered(photoB), story};
    expected[2].description.clear();
    std::sort(expected.begin(), expected.end(),
              [](const auto &a, const auto &b) { return a.id < b.id; });
    CHECK(consents.indexedItems(first.id) == expected);
    CHECK(consents.indexedItems(bobs.id).empty());

    CHECK(idsOf(consents.listForPatient(ana.id)) == QStringList{second.id, first.id});
    CHECK(idsOf(consents.listForPatient(bob.id)) == QStringList{bobs.id});
    QStringList visited;
    consents.forEach([&](const domain::SealedConsent &consent) { visited.append(consent.id); });
    CHECK(visited == QStringList{first.id, bobs.id, second.id});
    CHECK(consents.count() == 3);
}

TEST_CASE("consents naming any of several hashes are found once each", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo1 = v.addPhoto(patient.id, 1);
    const auto photo2 = v.addPhoto(patient.id, 2);
    const auto photo3 = v.addPhoto(patient.id, 3);
    const auto photo4 = v.addPhoto(patient.id, 4);
    ConsentRepository consents(v.db);
    const auto both = v.addConsent(patient.id, 10, {covered(photo1), covered(photo2)});
    const auto second = v.addConsent(patient.id, 20, {covered(photo2)});
    const auto third = v.addConsent(patient.id, 30, {covered(photo3)});

    CHECK(idsOf(consents.naming({photo1.sha256})) == QStringList{both.id});
    CHECK(idsOf(consents.naming({photo2.sha256})) == QStringList{both.id, second.id});
    const auto found = consents.naming({photo1.sha256, photo2.sha256, photo3.sha256});
    CHECK(sorted(idsOf(found)) == sorted(QStringList{both.id, second.id, third.id}));
    // The same hash twice, or two hashes of one consent, still give the consent once.
    CHECK(idsOf(consents.naming({photo1.sha256, photo1.sha256})) == QStringList{both.id});
    CHECK(idsOf(consents.naming({photo2.sha256, photo1.sha256})) ==
          QStringList{both.id, second.id});
    checkSame(consents.naming({photo3.sha256}).at(0), third);

    CHECK(consents.naming({photo4.sha256}).empty());
    CHECK(consents.naming({}).empty());
    CHECK(consents.naming({QStringLiteral("not hex")}).empty());
}

TEST_CASE("sealed consents and the items they name never change", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo = v.addPhoto(patient.id, 1);
    const auto consent = v.addConsent(patient.id, 10, {covered(photo)});
    ConsentRepository consents(v.db);

    CHECK(v.refused("UPDATE consents SET expires_at = expires_at + 1",
                    "a sealed consent never changes") == "Constraint");
    CHECK(v.refused("UPDATE consents SET record = x'7b7d'", "a sealed consent never changes") ==
          "Constraint");
    CHECK(v.refused("DELETE FROM consents", "a sealed consent is never deleted") == "Constraint");
    CHECK(v.refused("UPDATE consent_items SET sha256 = zeroblob(32)",
                    "a sealed consent never changes") == "Constraint");
    CHECK(v.refused("DELETE FROM consent_items", "a sealed consent is never deleted") ==
          "Constraint");

    checkSame(*consents.find(consent.id), consent);
    CHECK(consents.indexedItems(consent.id) == std::vector<domain::CoveredItem>{covered(photo)});

    // The schema also refuses a consent of an unknown patient, a malformed id or a
    // signature that is not 64 bytes.
    auto orphan = v.consent(domain::ids::generate(IdKind::Patient), 20);
    CHECK(thrownKind([&] { consents.insert(orphan, {}); }) == "Constraint");
    auto wrongPrefix = v.consent(patient.id, 30);
    wrongPrefix.id = domain::ids::generate(IdKind::Revocation);
    CHECK(thrownKind([&] { consents.insert(wrongPrefix, {}); }) == "Constraint");
    auto shortSignature = v.consent(patient.id, 40);
    shortSignature.signature.chop(1);
    CHECK(thrownKind([&] { consents.insert(shortSignature, {}); }) == "Constraint");
    CHECK(consents.count() == 1);
}

TEST_CASE("a revocation round-trips, is one per consent and is final", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto letter = v.addPhoto(patient.id, 1, domain::PhotoRole::RevocationEvidence);
    const auto byLetter = v.addConsent(patient.id, 10, {});
    const auto inPerson = v.addConsent(patient.id, 20, {});
    const auto kept = v.addConsent(patient.id, 30, {});
    ConsentRepository consents(v.db);

    const domain::Revocation written{domain::ids::generate(IdKind::Revocation),
                                     byLetter.id,
                                     at(100),
                                     at(200),
                                     QStringLiteral("written_letter"),
                                     QStringLiteral("Letter dated 3 May"),
                                     letter.id,
                                     std::nullopt};
    consents.insertRevocation(written);
    const domain::Revocation signedHere{domain::ids::generate(IdKind::Revocation),
                                        inPerson.id,
                                        at(300),
                                        at(300),
                                        QStringLiteral("signed_on_device"),
                                        {},
                                        {},
                                        domain::syntheticSignature(7)};
    consents.insertRevocation(signedHere);

    const auto read = consents.revocationOf(byLetter.id);
    REQUIRE(read);
    CHECK(read->id == written.id);
    CHECK(read->consentId == written.consentId);
    CHECK(read->receivedAt == written.receivedAt);
    CHECK(read->recordedAt == written.recordedAt);
    CHECK(read->method == written.method);
    CHECK(read->note == written.note);
    CHECK(read->evidencePhotoId == letter.id);
    CHECK_FALSE(read->strokes);

    const auto readSigned = consents.revocationOf(inPerson.id);
    REQUIRE(readSigned);
    CHECK(readSigned->evidencePhotoId.isEmpty());
    CHECK(readSigned->note.isEmpty());
    REQUIRE(readSigned->strokes);
    CHECK(*readSigned->strokes == domain::syntheticSignature(7));

    CHECK_FALSE(consents.revocationOf(kept.id));
    CHECK(consents.revocationCount() == 2);

    // A second revocation of the same consent is refused, as is one of an unknown consent.
    auto again = written;
    again.id = domain::ids::generate(IdKind::Revocation);
    CHECK(thrownKind([&] { consents.insertRevocation(again); }) == "Constraint");
    auto unknown = written;
    unknown.id = domain::ids::generate(IdKind::Revocation);
    unknown.consentId = domain::ids::generate(IdKind::Consent);
    CHECK(thrownKind([&] { consents.insertRevocation(unknown); }) == "Constraint");
    auto badMethod = written;
    badMethod.id = domain::ids::generate(IdKind::Revocation);
    badMethod.consentId = kept.id;
    badMethod.method = QStringLiteral("phone_call");
    CHECK(thrownKind([&] { consents.insertRevocation(badMethod); }) == "Constraint");

    CHECK(v.refused("UPDATE revocations SET note = 'withdrawn'", "a revocation is final") ==
          "Constraint");
    CHECK(v.refused("DELETE FROM revocations", "a revocation is final") == "Constraint");
    CHECK(consents.revocationCount() == 2);
    CHECK(consents.revocationOf(byLetter.id)->note == written.note);
}

TEST_CASE("a consent's copy round-trips, is one per consent and never changes", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto first = v.addConsent(patient.id, 10, {});
    const auto second = v.addConsent(patient.id, 20, {});
    const auto without = v.addConsent(patient.id, 30, {});
    ConsentCopyRepository copies(v.db);

    const domain::ConsentCopy copy{first.id, v.addMedia(), hashOf(QStringLiteral("pdf 1")), 48'213,
                                   at(40)};
    copies.insert(copy);
    const domain::ConsentCopy other{second.id, v.addMedia(), hashOf(QStringLiteral("pdf 2")), 1,
                                    at(50)};
    copies.insert(other);

    const auto read = copies.find(first.id);
    REQUIRE(read);
    CHECK(read->consentId == copy.consentId);
    CHECK(read->mediaId == copy.mediaId);
    CHECK(read->sha256 == copy.sha256);
    CHECK(read->size == copy.size);
    CHECK(read->createdAt == copy.createdAt);
    CHECK_FALSE(copies.find(without.id));
    CHECK(copies.count() == 2);
    QStringList visited;
    copies.forEach([&](const domain::ConsentCopy &c) { visited.append(c.consentId); });
    CHECK(visited == sorted(QStringList{first.id, second.id}));

    // A second copy of a consent, a copy of no consent, a blob another copy holds.
    auto again = copy;
    again.mediaId = v.addMedia();
    CHECK(thrownKind([&] { copies.insert(again); }) == "Constraint");
    auto orphan = copy;
    orphan.consentId = domain::ids::generate(IdKind::Consent);
    orphan.mediaId = v.addMedia();
    CHECK(thrownKind([&] { copies.insert(orphan); }) == "Constraint");
    auto sharedBlob = copy;
    sharedBlob.consentId = without.id;
    CHECK(thrownKind([&] { copies.insert(sharedBlob); }) == "Constraint");
    CHECK(v.refused("UPDATE consent_copies SET media_id = media_id",
                    "a consent's copy never changes") == "Constraint");
    CHECK(v.refused("DELETE FROM consent_copies", "a consent's copy is kept") == "Constraint");
    CHECK(copies.count() == 2);
    CHECK(copies.find(first.id)->mediaId == copy.mediaId);
}

TEST_CASE("an expiry event round-trips, one per consent", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto consent = v.addConsent(patient.id, 10, {});
    const auto other = v.addConsent(patient.id, 20, {});
    ConsentRepository consents(v.db);

    const domain::ExpiryEvent event{consent.id, at(500), at(600),
                                    QStringLiteral("Treatment ended on 2 June")};
    consents.insertExpiryEvent(event);
    const auto read = consents.expiryEventOf(consent.id);
    REQUIRE(read);
    CHECK(read->consentId == event.consentId);
    CHECK(read->occurredAt == event.occurredAt);
    CHECK(read->recordedAt == event.recordedAt);
    CHECK(read->note == event.note);
    CHECK_FALSE(consents.expiryEventOf(other.id));

    CHECK(thrownKind([&] { consents.insertExpiryEvent(event); }) == "Constraint");
    CHECK(thrownKind([&] {
              consents.insertExpiryEvent(
                  {domain::ids::generate(IdKind::Consent), at(1), at(2), QStringLiteral("x")});
          }) == "Constraint");
}

// --- Drafts ------------------------------------------------------------------------

TEST_CASE("a draft round-trips and keeps its items in the order they were attached",
          "[repositories]") {
    Vault v;
    PostRepository posts(v.db);
    const QString a = domain::ids::generate(IdKind::Photo);
    const QString b = domain::ids::generate(IdKind::StoryVersion);
    const QString c = domain::ids::generate(IdKind::Photo);
    const auto draft = v.addDraft(1, {a, b});

    auto read = posts.findDraft(draft.id);
    REQUIRE(read);
    CHECK(read->id == draft.id);
    CHECK(read->text == draft.text);
    CHECK(read->target == draft.target);
    CHECK(read->state == domain::DraftState::Open);
    CHECK(read->createdAt == draft.createdAt);
    CHECK(read->updatedAt == draft.updatedAt);
    CHECK(read->itemIds == QStringList{a, b});

    posts.attach(draft.id, c);
    CHECK(posts.findDraft(draft.id)->itemIds == QStringList{a, b, c});
    CHECK(posts.detach(draft.id, b));
    CHECK(posts.findDraft(draft.id)->itemIds == QStringList{a, c});
    CHECK_FALSE(posts.detach(draft.id, b));
    // Attached again, it goes to the end.
    posts.attach(draft.id, b);
    CHECK(posts.findDraft(draft.id)->itemIds == QStringList{a, c, b});
    CHECK(posts.detach(draft.id, a));
    posts.attach(draft.id, a);
    CHECK(posts.findDraft(draft.id)->itemIds == QStringList{c, b, a});
    // An item is attached once, and only to a draft that exists.
    CHECK(thrownKind([&] { posts.attach(draft.id, c); }) == "Constraint");
    CHECK(thrownKind([&] { posts.attach(domain::ids::generate(IdKind::Draft), c); }) ==
          "Constraint");

    // An update changes text, target, state and time, not the items or the creation time.
    auto changed = *posts.findDraft(draft.id);
    changed.text = QStringLiteral("Revised text");
    changed.target = {QStringLiteral("linkedin"), QStringLiteral("professionals"),
                      QStringLiteral("professional_education")};
    changed.state = domain::DraftState::Shared;
    changed.createdAt = at(99);
    changed.updatedAt = at(50);
    changed.itemIds.clear();
    posts.updateDraft(changed);
    read = posts.findDraft(draft.id);
    REQUIRE(read);
    CHECK(read->text == changed.text);
    CHECK(read->target == changed.target);
    CHECK(read->state == domain::DraftState::Shared);
    CHECK(read->createdAt == draft.createdAt);
    CHECK(read->updatedAt == at(50));
    CHECK(read->itemIds == QStringList{c, b, a});

    auto unknown = changed;
    unknown.id = domain::ids::generate(IdKind::Draft);
    CHECK(thrownKind([&] { posts.updateDraft(unknown); }) == "NotFound");
    CHECK_FALSE(posts.findDraft(unknown.id));
}

TEST_CASE("a draft without a target yet keeps empty target fields", "[repositories]") {
    Vault v;
    PostRepository posts(v.db);
    domain::Draft draft;
    draft.id = domain::ids::generate(IdKind::Draft);
    draft.createdAt = at(1);
    draft.updatedAt = at(1);
    posts.insertDraft(draft);
    const auto read = posts.findDraft(draft.id);
    REQUIRE(read);
    CHECK(read->target.isEmpty());
    CHECK(read->text.isEmpty());
    CHECK(read->itemIds.isEmpty());
}

TEST_CASE("drafts are listed by state, most recently updated first, and found by their items",
          "[repositories]") {
    Vault v;
    PostRepository posts(v.db);
    const QString x = domain::ids::generate(IdKind::Photo);
    const QString y = domain::ids::generate(IdKind::Photo);
    const QString z = domain::ids::generate(IdKind::StoryVersion);
    const auto older = v.addDraft(1, {x, y});
    const auto newer = v.addDraft(5, {y});
    const auto middle = v.addDraft(3, {z});
    const auto shared = v.addDraft(4, {x}, domain::DraftState::Shared);
    const auto discarded = v.addDraft(2, {x, z}, domain::DraftState::Discarded);

    CHECK(idsOf(posts.drafts(domain::DraftState::Open)) ==
          QStringList{newer.id, middle.id, older.id});
    CHECK(idsOf(posts.drafts(domain::DraftState::Shared)) == QStringList{shared.id});
    CHECK(idsOf(posts.drafts(domain::DraftState::Discarded)) == QStringList{discarded.id});
    CHECK(posts.drafts(domain::DraftState::Open).front().itemIds == QStringList{y});

    // Open drafts only, each once.
    CHECK(posts.openDraftsWith({x}) == QStringList{older.id});
    CHECK(sorted(posts.openDraftsWith({x, y})) == sorted({older.id, newer.id}));
    CHECK(sorted(posts.openDraftsWith({y, x, z, y})) == sorted({older.id, newer.id, middle.id}));
    CHECK(posts.openDraftsWith({domain::ids::generate(IdKind::Photo)}).isEmpty());
    CHECK(posts.openDraftsWith({}).isEmpty());
}

// --- Posts -------------------------------------------------------------------------

TEST_CASE("a post round-trips with its items in order and the consents of each", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo1 = v.addPhoto(patient.id, 1);
    const auto photo2 = v.addPhoto(patient.id, 2);
    const auto consentA = v.addConsent(patient.id, 10, {covered(photo1), covered(photo2)});
    const auto consentB = v.addConsent(patient.id, 20, {covered(photo2)});
    const QString storyVersion = domain::ids::generate(IdKind::StoryVersion);
    const auto draft = v.addDraft(1, {photo2.id, photo1.id, storyVersion});
    PostRepository posts(v.db);

    const auto post = v.addPost(
        draft.id, 30,
        {posted(photo2, {consentB.id, consentA.id}),
         posted(photo1, {consentA.id}),
         {domain::ItemKind::Story, storyVersion, hashOf(QStringLiteral("story")), {consentA.id}}});

    const auto read = posts.findPost(post.id);
    REQUIRE(read);
    checkSame(*read, post);
    CHECK(read->status == domain::PostStatus::Published);
    CHECK(read->url.isEmpty());
    CHECK_FALSE(read->takedownRequiredAt.isValid());
    CHECK_FALSE(read->removedAt.isValid());
    CHECK(read->postedAt.toMSecsSinceEpoch() % 1000 == 123);
    CHECK(storedBlob(v.db, "SELECT sha256 FROM post_items WHERE item_id = ?1", photo1.id) ==
          crypto::fromHex(photo1.sha256.toStdString()));
    CHECK_FALSE(posts.findPost(domain::ids::generate(IdKind::Post)));

    posts.setUrl(post.id, QStringLiteral("https://www.instagram.com/p/abc123/"));
    CHECK(posts.findPost(post.id)->url == QStringLiteral("https://www.instagram.com/p/abc123/"));
    CHECK(thrownKind([&] {
              posts.setUrl(domain::ids::generate(IdKind::Post), QStringLiteral("https://x"));
          }) == "NotFound");

    // A post needs a known draft, and each consent it cites must exist.
    auto noDraft = v.post(domain::ids::generate(IdKind::Draft), 40, {});
    CHECK(thrownKind([&] { posts.insertPost(noDraft); }) == "Constraint");
    auto unknownConsent =
        v.post(draft.id, 50, {posted(photo1, {domain::ids::generate(IdKind::Consent)})});
    CHECK(thrownKind([&] {
              auto transaction = v.db.transaction();
              posts.insertPost(unknownConsent);
              transaction.commit();
          }) == "Constraint");
    CHECK_FALSE(posts.findPost(unknownConsent.id));
    CHECK(posts.countPosts() == 1);
}

TEST_CASE("what was posted, and under which consents, never changes", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo = v.addPhoto(patient.id, 1);
    const auto consent = v.addConsent(patient.id, 10, {covered(photo)});
    const auto later = v.addConsent(patient.id, 15, {covered(photo)});
    const auto draft = v.addDraft(1, {photo.id});
    const auto post = v.addPost(draft.id, 20, {posted(photo, {consent.id})});

    const char *reason = "what was posted never changes";
    CHECK(v.refused("UPDATE post_items SET sha256 = zeroblob(32)", reason) == "Constraint");
    CHECK(v.refused("UPDATE post_items SET item_id = 'pho_00000000000000000000000000000000'",
                    reason) == "Constraint");
    CHECK(v.refused("DELETE FROM post_items", reason) == "Constraint");
    // The consents that allowed an item decide what a revocation takes down.
    const std::string swap =
        "UPDATE post_consents SET consent_id = '" + later.id.toStdString() + "'";
    CHECK(v.refused(swap.c_str(), reason) == "Constraint");
    CHECK(v.refused("DELETE FROM post_consents", reason) == "Constraint");
    CHECK(thrownKind([&] { v.db.exec("DELETE FROM posts"); }) == "Constraint");
    checkSame(*PostRepository(v.db).findPost(post.id), post);
}

TEST_CASE("an item of a post is never deleted, even one that names no consent", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo = v.addPhoto(patient.id, 1);
    const auto draft = v.addDraft(1, {photo.id});
    const auto post = v.addPost(draft.id, 20, {posted(photo, {})});

    CHECK(v.refused("DELETE FROM post_items", "what was posted never changes") == "Constraint");
    CHECK(v.count("post_items") == 1);
    checkSame(*PostRepository(v.db).findPost(post.id), post);
}

TEST_CASE("a post moves from published to takedown required to removed, and no other way",
          "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo = v.addPhoto(patient.id, 1);
    const auto screenshot = v.addPhoto(patient.id, 2, domain::PhotoRole::TakedownEvidence);
    const auto consent = v.addConsent(patient.id, 10, {covered(photo)});
    const auto draft = v.addDraft(1, {photo.id});
    const auto post = v.addPost(draft.id, 20, {posted(photo, {consent.id})});
    const auto other = v.addPost(draft.id, 30, {posted(photo, {consent.id})});
    PostRepository posts(v.db);
    const QString unknown = domain::ids::generate(IdKind::Post);

    // Not removed before a takedown is required.
    CHECK(thrownKind([&] { posts.markRemoved(post.id, at(40), screenshot.id, {}); }) == "NotFound");
    CHECK(thrownKind([&] { posts.markTakedownRequired(unknown, at(40)); }) == "NotFound");
    CHECK(thrownKind([&] { posts.markRemoved(unknown, at(40), {}, {}); }) == "NotFound");
    CHECK(posts.findPost(post.id)->status == domain::PostStatus::Published);

    posts.markTakedownRequired(post.id, at(50));
    auto read = posts.findPost(post.id);
    REQUIRE(read);
    CHECK(read->status == domain::PostStatus::TakedownRequired);
    CHECK(read->takedownRequiredAt == at(50));
    CHECK_FALSE(read->removedAt.isValid());
    // Only once: the first time stays recorded.
    CHECK(thrownKind([&] { posts.markTakedownRequired(post.id, at(60)); }) == "NotFound");
    CHECK(posts.findPost(post.id)->takedownRequiredAt == at(50));

    posts.markRemoved(post.id, at(70), screenshot.id, QStringLiteral("Removed by the platform"));
    read = posts.findPost(post.id);
    REQUIRE(read);
    CHECK(read->status == domain::PostStatus::Removed);
    CHECK(read->takedownRequiredAt == at(50));
    CHECK(read->removedAt == at(70));
    CHECK(read->removalEvidencePhotoId == screenshot.id);
    CHECK(read->removalNote == QStringLiteral("Removed by the platform"));
    CHECK(read->items.size() == 1);

    // A removed post stays removed.
    CHECK(thrownKind([&] { posts.markTakedownRequired(post.id, at(80)); }) == "NotFound");
    CHECK(thrownKind([&] { posts.markRemoved(post.id, at(80), {}, {}); }) == "NotFound");
    read = posts.findPost(post.id);
    CHECK(read->removedAt == at(70));
    CHECK(read->removalEvidencePhotoId == screenshot.id);

    // Removal without evidence keeps the evidence empty.
    posts.markTakedownRequired(other.id, at(90));
    posts.markRemoved(other.id, at(95), {}, QStringLiteral("Deleted it myself"));
    read = posts.findPost(other.id);
    CHECK(read->removalEvidencePhotoId.isEmpty());
    CHECK(read->removalNote == QStringLiteral("Deleted it myself"));
}

TEST_CASE("posts are listed newest first and counted by status", "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo = v.addPhoto(patient.id, 1);
    const auto consent = v.addConsent(patient.id, 10, {covered(photo)});
    const auto draft = v.addDraft(1, {photo.id});
    PostRepository posts(v.db);
    CHECK(posts.countPosts() == 0);
    CHECK(posts.posts().empty());

    const auto first = v.addPost(draft.id, 20, {posted(photo, {consent.id})});
    const auto third = v.addPost(draft.id, 40, {posted(photo, {consent.id})});
    const auto second = v.addPost(draft.id, 30, {posted(photo, {consent.id})});
    const auto fourth = v.addPost(draft.id, 50, {posted(photo, {consent.id})});
    posts.markTakedownRequired(second.id, at(60));
    posts.markTakedownRequired(fourth.id, at(60));
    posts.markRemoved(fourth.id, at(70), {}, {});

    CHECK(idsOf(posts.posts()) == QStringList{fourth.id, third.id, second.id, first.id});
    CHECK(idsOf(posts.posts(domain::PostStatus::Published)) == QStringList{third.id, first.id});
    CHECK(idsOf(posts.posts(domain::PostStatus::TakedownRequired)) == QStringList{second.id});
    CHECK(idsOf(posts.posts(domain::PostStatus::Removed)) == QStringList{fourth.id});
    CHECK(posts.posts().front().items.size() == 1);

    CHECK(posts.countPosts() == 4);
    CHECK(posts.countPosts(domain::PostStatus::Published) == 2);
    CHECK(posts.countPosts(domain::PostStatus::TakedownRequired) == 1);
    CHECK(posts.countPosts(domain::PostStatus::Removed) == 1);
}

TEST_CASE("a revocation takes away the published posts that no other unrevoked consent allows",
          "[repositories]") {
    Vault v;
    const auto patient = v.addPatient(QStringLiteral("Ana Ruiz"));
    const auto photo1 = v.addPhoto(patient.id, 1);
    const auto photo2 = v.addPhoto(patient.id, 2);
    const auto consentA = v.addConsent(patient.id, 10, {covered(photo1)});
    const auto consentB = v.addConsent(patient.id, 20, {covered(photo1)});
    const auto consentC = v.addConsent(patient.id, 30, {covered(photo2)});
    const auto draft = v.addDraft(1, {photo1.id, photo2.id});
    PostRepository posts(v.db);

    // photo1 allowed by A and B.
    const auto twoConsents = v.addPost(draft.id, 40, {posted(photo1, {consentA.id, consentB.id})});
    // photo1 allowed by A alone.
    const auto onlyA = v.addPost(draft.id, 50, {posted(photo1, {consentA.id})});
    // photo1 allowed by A alone, but already awaiting takedown.
    const auto alreadyFlagged = v.addPost(draft.id, 60, {posted(photo1, {consentA.id})});
    posts.markTakedownRequired(alreadyFlagged.id, at(61));
    // photo2 allowed by C only.
    const auto onlyC = v.addPost(draft.id, 70, {posted(photo2, {consentC.id})});
    // Two items: photo1 by A and B, photo2 by C.
    const auto mixed = v.addPost(
        draft.id, 80, {posted(photo1, {consentA.id, consentB.id}), posted(photo2, {consentC.id})});

    // Nothing is revoked yet: only what depends on A alone would go.
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(consentB.id).isEmpty());

    v.revoke(consentA.id, 100);
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(consentA.id) == QStringList{onlyA.id});
    posts.markTakedownRequired(onlyA.id, at(101));
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(consentA.id).isEmpty());

    v.revoke(consentB.id, 200);
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(consentB.id) ==
          sorted({twoConsents.id, mixed.id}));
    // A revoked consent that no post cites takes nothing away.
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(consentC.id).isEmpty());

    v.revoke(consentC.id, 300);
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(consentC.id) == sorted({onlyC.id, mixed.id}));
    CHECK(posts.publishedPostsDependingOnlyOnRevoked(domain::ids::generate(IdKind::Consent))
              .isEmpty());
}

// --- Vault values and the device key -----------------------------------------------

TEST_CASE("vault values are set, replaced and read back", "[repositories]") {
    Vault v;
    VaultMetaRepository meta(v.db);
    CHECK_FALSE(meta.value(QStringLiteral("vault_id")));
    meta.setValue(QStringLiteral("vault_id"), QStringLiteral("7f3a9c21"));
    meta.setValue(QStringLiteral("policy"), QStringLiteral(R"({"witness":"required"})"));
    CHECK(meta.value(QStringLiteral("vault_id")) == QStringLiteral("7f3a9c21"));
    meta.setValue(QStringLiteral("vault_id"), QStringLiteral("replaced"));
    CHECK(meta.value(QStringLiteral("vault_id")) == QStringLiteral("replaced"));
    CHECK(meta.value(QStringLiteral("policy")) == QStringLiteral(R"({"witness":"required"})"));
    meta.setValue(QStringLiteral("empty"), QString());
    const auto empty = meta.value(QStringLiteral("empty"));
    REQUIRE(empty);
    CHECK(empty->isEmpty());
    CHECK(v.count("vault_meta") == 3);
}

TEST_CASE("the device key is stored once and read back", "[repositories]") {
    Vault v;
    VaultMetaRepository meta(v.db);
    CHECK_FALSE(meta.deviceKey());

    const auto key = crypto::Ed25519PrivateKey::fromSeed(testKey(5));
    meta.storeDeviceKey(key.seed(), key.publicKey(), at(1));
    const auto stored = meta.deviceKey();
    REQUIRE(stored);
    CHECK(stored->seed == key.seed());
    CHECK(stored->publicKey == key.publicKey());
    CHECK(stored->createdAt == at(1));
    // The stored seed gives back the same signing key.
    const auto restored = crypto::Ed25519PrivateKey::fromSeed(stored->seed);
    CHECK(restored.publicKey() == key.publicKey());

    const auto second = crypto::Ed25519PrivateKey::fromSeed(testKey(6));
    CHECK(thrownKind([&] { meta.storeDeviceKey(second.seed(), second.publicKey(), at(2)); }) ==
          "Constraint");
    CHECK(meta.deviceKey()->publicKey == key.publicKey());
}

TEST_CASE("a device key of the wrong size is refused", "[repositories]") {
    Vault v;
    VaultMetaRepository meta(v.db);
    const auto key = crypto::Ed25519PrivateKey::fromSeed(testKey(5));
    const auto seed = key.seed();
    const auto publicKey = key.publicKey();
    CHECK(thrownKind([&] {
              meta.storeDeviceKey(crypto::ByteView(seed).first(31), publicKey, at(1));
          }) == "Constraint");
    CHECK(thrownKind([&] {
              meta.storeDeviceKey(seed, crypto::ByteView(publicKey).first(16), at(1));
          }) == "Constraint");
    CHECK_FALSE(meta.deviceKey());
}

// --- Page-level integrity ----------------------------------------------------------

namespace {

constexpr int PageSize = 4096;

enum class Columns {
    Constrained,   // NOT NULL columns, like every table of the vault
    Unconstrained, // nothing for SQLite's check to verify row by row
};

// A keyed database with a small table created before a big one that spans many pages,
// closed. Returns the number of pages.
int createPagedDatabase(const QString &path, Columns columns = Columns::Constrained) {
    auto db = Database::open(path, testKey(3), Database::OpenMode::CreateNew);
    if (columns == Columns::Constrained) {
        db.exec("CREATE TABLE small (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                "CREATE TABLE big (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
    } else {
        db.exec("CREATE TABLE small (id INTEGER PRIMARY KEY, name TEXT);"
                "CREATE TABLE big (id INTEGER PRIMARY KEY, payload BLOB)");
    }
    db.exec("INSERT INTO small (name) VALUES ('one'), ('two'), ('three')");
    {
        auto transaction = db.transaction();
        auto insert = db.prepare("INSERT INTO big (payload) VALUES (randomblob(600))");
        for (int i = 0; i < 300; ++i) {
            insert.run();
            insert.reset();
        }
        transaction.commit();
    }
    db.close();
    REQUIRE_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    const auto size = QFile(path).size();
    REQUIRE(size % PageSize == 0);
    return int(size / PageSize);
}

// The root page of each b-tree, with the pages in the file and on the free list: when
// every page past the small table's root is in use and the big table's root follows it,
// every page from there on is the big table's.
struct Layout {
    std::map<QString, int> roots;
    int pageCount = 0;
    int freePages = 0;
};

Layout layoutOf(const QString &path) {
    auto db = Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
    Layout layout;
    auto roots = db.prepare("SELECT name, rootpage FROM sqlite_schema");
    while (roots.step())
        layout.roots[roots.columnText(0)] = int(roots.columnInt64(1));
    auto count = db.prepare("PRAGMA page_count");
    REQUIRE(count.step());
    layout.pageCount = int(count.columnInt64(0));
    auto free = db.prepare("PRAGMA freelist_count");
    REQUIRE(free.step());
    layout.freePages = int(free.columnInt64(0));
    return layout;
}

void flipByte(const QString &path, int page, int offsetInPage) {
    auto data = readBytes(path);
    data.at(std::size_t(page - 1) * PageSize + std::size_t(offsetInPage)) ^= 0x01;
    writeBytes(path, data);
}

// SQLCipher 4's page format with the settings the vault uses: a page (other than the
// first) is AES-256-CBC ciphertext of its usable part, then the 16-byte IV, then
// HMAC-SHA512(ciphertext || IV || page number, 4 bytes little-endian). The cipher key is
// the raw key; the HMAC key is PBKDF2-HMAC-SHA512(raw key, salt XOR 0x3a, 2 rounds),
// the salt being the file's first 16 bytes.
constexpr std::size_t IvSize = 16;
constexpr std::size_t MacSize = 64;
constexpr std::size_t UsableSize = PageSize - IvSize - MacSize;

crypto::Bytes pageMac(crypto::ByteView macKey, const std::uint8_t *page, int number) {
    crypto::Bytes input(page, page + UsableSize + IvSize);
    for (int shift = 0; shift < 32; shift += 8)
        input.push_back(static_cast<std::uint8_t>(unsigned(number) >> shift));
    crypto::Bytes mac(MacSize);
    std::size_t length = 0;
    REQUIRE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA512", nullptr, macKey.data(), macKey.size(),
                      input.data(), input.size(), mac.data(), mac.size(), &length) != nullptr);
    REQUIRE(length == MacSize);
    return mac;
}

crypto::Bytes aesCbc(bool encrypt, crypto::ByteView key, const std::uint8_t *iv,
                     const std::uint8_t *in) {
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    REQUIRE(ctx);
    REQUIRE(EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key.data(), iv,
                              encrypt ? 1 : 0) == 1);
    REQUIRE(EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1);
    crypto::Bytes out(UsableSize);
    int written = 0;
    int final = 0;
    REQUIRE(EVP_CipherUpdate(ctx.get(), out.data(), &written, in, int(UsableSize)) == 1);
    REQUIRE(EVP_CipherFinal_ex(ctx.get(), out.data() + written, &final) == 1);
    REQUIRE(std::size_t(written + final) == UsableSize);
    return out;
}

// Decrypts a page of a closed database, lets edit change its plaintext, and encrypts it
// again under a valid HMAC: damage that the page's authentication can't see.
void rewritePage(const QString &path, crypto::ByteView key, int number,
                 const std::function<void(crypto::Bytes &)> &edit) {
    REQUIRE(number > 1);
    auto file = readBytes(path);
    crypto::Bytes macSalt(file.begin(), file.begin() + 16);
    for (auto &byte : macSalt)
        byte ^= 0x3a;
    crypto::Bytes macKey(32);
    REQUIRE(PKCS5_PBKDF2_HMAC(reinterpret_cast<const char *>(key.data()), int(key.size()),
                              macSalt.data(), int(macSalt.size()), 2, EVP_sha512(),
                              int(macKey.size()), macKey.data()) == 1);

    std::uint8_t *page = file.data() + std::size_t(number - 1) * PageSize;
    const std::uint8_t *iv = page + UsableSize;
    // The page authenticates as it is: the format above is the one in use.
    REQUIRE(pageMac(macKey, page, number) == crypto::Bytes(iv + IvSize, iv + IvSize + MacSize));

    auto plaintext = aesCbc(false, key, iv, page);
    edit(plaintext);
    const auto ciphertext = aesCbc(true, key, iv, plaintext.data());
    std::copy(ciphertext.begin(), ciphertext.end(), page);
    const auto mac = pageMac(macKey, page, number);
    std::copy(mac.begin(), mac.end(), page + UsableSize + IvSize);
    writeBytes(path, file);
}

} // namespace

TEST_CASE("a sound database has no damaged page or table", "[repositories][integrity]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    createPagedDatabase(path);

    CHECK(Database::cipherIntegrityCheck(path, testKey(3)).empty());
    auto db = Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
    CHECK(db.damagedTables().isEmpty());
    CHECK(db.integrityProblems().empty());
    CHECK(db.integrityCheck() == QStringLiteral("ok"));
}

TEST_CASE("a flipped byte is found on its page and in the table that owns it",
          "[repositories][integrity]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const int pages = createPagedDatabase(path);
    REQUIRE(pages >= 20);
    const auto sound = readBytes(path);

    // The small table's one page comes first, then the big table's pages.
    const auto layout = layoutOf(path);
    REQUIRE(layout.roots ==
            std::map<QString, int>{{QStringLiteral("small"), 2}, {QStringLiteral("big"), 3}});
    REQUIRE(layout.pageCount == pages);
    REQUIRE(layout.freePages == 0);
    const int chosen = pages / 2 + 2;

    flipByte(path, chosen, 1234);

    CHECK(Database::cipherIntegrityCheck(path, testKey(3)) == std::vector<int>{chosen});
    auto db = Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
    CHECK(db.damagedTables() == QStringList{QStringLiteral("big")});
    // The small table still reads.
    auto small = db.prepare("SELECT count(*) FROM small");
    REQUIRE(small.step());
    CHECK(small.columnInt64(0) == 3);
    // SQLite's own whole-database check can't read the page at all: it reports the
    // failure as a problem rather than throwing (cipherIntegrityCheck names the page).
    std::vector<Database::PageProblem> problems;
    REQUIRE_NOTHROW(problems = db.integrityProblems());
    CHECK_FALSE(problems.empty());
    db.close();

    // The same key on an intact copy finds nothing: the check is not just failing.
    writeBytes(path, sound);
    CHECK(Database::cipherIntegrityCheck(path, testKey(3)).empty());
}

TEST_CASE("a flipped byte in the first page is reported as page 1", "[repositories][integrity]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const int pages = createPagedDatabase(path);

    flipByte(path, 1, 2000);

    CHECK(Database::cipherIntegrityCheck(path, testKey(3)) == std::vector<int>{1});
    CHECK(thrownKind([&] {
              (void)Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
          }) != "none");
    // The file is as the flip left it.
    CHECK(QFile(path).size() == qint64(pages) * PageSize);
}

TEST_CASE("a page damaged under a valid HMAC is found by its table's own check",
          "[repositories][integrity]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const int pages = createPagedDatabase(path);
    REQUIRE(layoutOf(path).roots.at(QStringLiteral("big")) == 3);
    const int chosen = pages / 2 + 2;

    // The page's b-tree header claims far more cells than a page can hold.
    rewritePage(path, testKey(3), chosen, [](crypto::Bytes &page) {
        REQUIRE((page[0] == 0x0d || page[0] == 0x05)); // a table b-tree page
        page[3] = 0xff;
        page[4] = 0xff;
    });
    CHECK(Database::cipherIntegrityCheck(path, testKey(3)).empty());

    auto db = Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
    CHECK(db.damagedTables() == QStringList{QStringLiteral("big")});
    const QString first = db.integrityCheck();
    CHECK(first.contains(QStringLiteral("Tree 3 page %1").arg(chosen)));
    auto small = db.prepare("SELECT count(*) FROM small");
    REQUIRE(small.step());
    CHECK(small.columnInt64(0) == 3);
}

// SQLite reports every damaged b-tree page in its first row, then fails with
// SQLITE_CORRUPT when it scans the damaged table's rows.
TEST_CASE("integrity problems list each damaged b-tree page with its table",
          "[repositories][integrity]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const int pages = createPagedDatabase(path);
    REQUIRE(layoutOf(path).roots.at(QStringLiteral("small")) == 2);
    const int chosen = pages / 2 + 2;
    const auto overfull = [](crypto::Bytes &page) {
        REQUIRE((page[0] == 0x0d || page[0] == 0x05));
        page[3] = 0xff;
        page[4] = 0xff;
    };
    rewritePage(path, testKey(3), 2, overfull);
    rewritePage(path, testKey(3), chosen, overfull);

    auto db = Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
    CHECK(db.damagedTables() == QStringList{QStringLiteral("big"), QStringLiteral("small")});
    std::vector<Database::PageProblem> problems;
    REQUIRE_NOTHROW(problems = db.integrityProblems());
    const auto named = [&](int page, const QString &owner) {
        return std::any_of(problems.begin(), problems.end(), [&](const auto &problem) {
            return problem.page == page && problem.owner == owner;
        });
    };
    CHECK(named(chosen, QStringLiteral("big")));
    CHECK(named(2, QStringLiteral("small")));
}

TEST_CASE("once silenced, SQLCipher writes nothing about a damaged page to standard error",
          "[repositories][integrity]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vault.db"));
    const int pages = createPagedDatabase(path);
    flipByte(path, pages / 2 + 2, 99);

    silenceSqlCipherLog();
    const QString logPath = dir.filePath(QStringLiteral("stderr.txt"));
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    const int log = ::open(QFile::encodeName(logPath).constData(),
                           O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(saved >= 0);
    REQUIRE(log >= 0);
    REQUIRE(::dup2(log, STDERR_FILENO) == STDERR_FILENO);
    std::vector<int> bad;
    QStringList damaged;
    try {
        bad = Database::cipherIntegrityCheck(path, testKey(3));
        auto db = Database::open(path, testKey(3), Database::OpenMode::OpenExisting);
        damaged = db.damagedTables();
    } catch (...) {
    }
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    ::close(log);

    CHECK(bad == std::vector<int>{pages / 2 + 2});
    CHECK(damaged == QStringList{QStringLiteral("big")});
    CHECK(readBytes(logPath).empty());
}
