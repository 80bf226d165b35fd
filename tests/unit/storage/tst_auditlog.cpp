// AuditLog: entries written only inside the transaction of their change, chained by hash,
// checkpoints signed by the device key, filters, and the schema that keeps the log
// append-only.

#include "storagetestsupport.h"

#include "crypto/ed25519.h"
#include "domain/auditchain.h"
#include "domain/timestamps.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <catch2/catch_test_macros.hpp>

#include <QJsonObject>
#include <QTemporaryDir>

#include <map>
#include <optional>
#include <stdexcept>

using namespace cc;
using namespace cc::storage;
using namespace cc::storage::test;
namespace audit = cc::domain::audit;

namespace {

const QString VaultId = QStringLiteral("vault-7f3a9c21");
const QString PatientA = QStringLiteral("pat_0000000000000000000000000000000a");
const QString PatientB = QStringLiteral("pat_0000000000000000000000000000000b");
const QString ConsentA = QStringLiteral("con_0000000000000000000000000000000a");
const QString ConsentB = QStringLiteral("con_0000000000000000000000000000000b");
const QString PostA = QStringLiteral("pos_0000000000000000000000000000000a");

// An instant with a millisecond part, n seconds into the test's day.
QDateTime at(int n) {
    return domain::fromMs(1'795'000'000'123 + std::int64_t(n) * 1000);
}

QJsonObject data(int n) {
    return QJsonObject{{QStringLiteral("n"), n}, {QStringLiteral("note"), QStringLiteral("x")}};
}

// A migrated vault database with its device key and audit log.
struct Fixture {
    QTemporaryDir dir;
    QString path;
    Database db;
    crypto::Ed25519PrivateKey key;
    std::optional<AuditLog> log;

    Fixture()
        : path(dir.filePath(QStringLiteral("vault.db")))
        , db(Database::open(path, testKey(1), Database::OpenMode::CreateNew))
        , key(crypto::Ed25519PrivateKey::fromSeed(testKey(7))) {
        migrate(db);
        log.emplace(db, key, VaultId);
    }

    // Appends one entry in a transaction of its own and commits it.
    std::int64_t append(const QString &kind, int n, const AuditLog::Subject &subject = {}) {
        auto transaction = db.transaction();
        const auto seq = log->append(kind, at(n), data(n), subject);
        transaction.commit();
        return seq;
    }

    void reopen() {
        log.reset();
        db.close();
        db = Database::open(path, testKey(1), Database::OpenMode::OpenExisting);
        log.emplace(db, key, VaultId);
    }

    audit::Verification verify() {
        return audit::verifyChain(log->entries(), log->checkpoints(), key.publicKey(), VaultId);
    }
};

std::vector<std::int64_t> checkpointSeqs(AuditLog &log) {
    std::vector<std::int64_t> seqs;
    for (const auto &checkpoint : log.checkpoints())
        seqs.push_back(checkpoint.seq);
    return seqs;
}

std::vector<std::int64_t> visitedSeqs(AuditLog &log, const AuditLog::Subject &filter) {
    std::vector<std::int64_t> seqs;
    log.forEach(filter, [&](const AuditLog::Row &row) { seqs.push_back(row.seq); });
    return seqs;
}

} // namespace

TEST_CASE("an audit entry written outside a transaction is refused and nothing is stored",
          "[auditlog]") {
    Fixture f;
    CHECK(thrownKind([&] {
              (void)f.log->append(QStringLiteral("patient.added"), at(0), data(0));
          }) == "Other");
    CHECK(f.log->count() == 0);
    CHECK(f.log->checkpointCount() == 0);
    // The same entry inside a transaction is accepted.
    CHECK(f.append(QStringLiteral("patient.added"), 0) == 1);
    CHECK(f.log->count() == 1);
}

TEST_CASE("entries are numbered from 1 without gaps and each hash chains to the one before",
          "[auditlog]") {
    Fixture f;
    for (int n = 1; n <= 7; ++n)
        CHECK(f.append(QStringLiteral("photo.captured"), n) == n);
    {
        // Several entries in one transaction continue the same numbering.
        auto transaction = f.db.transaction();
        CHECK(f.log->append(QStringLiteral("story.edited"), at(8), data(8)) == 8);
        CHECK(f.log->append(QStringLiteral("story.edited"), at(9), data(9)) == 9);
        transaction.commit();
    }

    const auto entries = f.log->entries();
    REQUIRE(entries.size() == 9);
    CHECK(f.log->count() == 9);
    crypto::Bytes previous = audit::genesisHash();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto &entry = entries[i];
        const int n = int(i) + 1;
        CHECK(entry.seq == n);
        const QString kind =
            n <= 7 ? QStringLiteral("photo.captured") : QStringLiteral("story.edited");
        CHECK(entry.entry == audit::makeEntry(kind, at(n), data(n)));
        const auto expected = audit::chainHash(entry.seq, entry.entry, previous);
        CHECK(entry.hash == crypto::Bytes(expected.begin(), expected.end()));
        previous = entry.hash;
    }
}

TEST_CASE("a signed checkpoint follows every 50th entry and every entry whose kind needs one",
          "[auditlog]") {
    Fixture f;
    // Kinds that need a checkpoint at once, and one that waits for the 50th entry.
    const std::map<int, QString> special{{3, QStringLiteral("consent.sealed")},
                                         {50, QStringLiteral("consent.sealed")},
                                         {61, QStringLiteral("post.recorded")},
                                         {62, QStringLiteral("media.exported")},
                                         {99, QStringLiteral("consent.revoked")}};
    for (const auto &[n, kind] : special)
        REQUIRE(audit::needsCheckpoint(kind));
    REQUIRE_FALSE(audit::needsCheckpoint(QStringLiteral("photo.captured")));

    for (int n = 1; n <= 151; ++n) {
        const auto found = special.find(n);
        f.append(found == special.end() ? QStringLiteral("photo.captured") : found->second, n);
    }

    CHECK(checkpointSeqs(*f.log) == std::vector<std::int64_t>{3, 50, 61, 62, 99, 100, 150});
    CHECK(f.log->checkpointCount() == 7);

    const auto entries = f.log->entries();
    const auto publicKey = f.key.publicKey();
    for (const auto &checkpoint : f.log->checkpoints()) {
        INFO("checkpoint at entry " << checkpoint.seq);
        // It signs the head of the chain at its entry, for this vault, with the device key.
        CHECK(checkpoint.head == entries[std::size_t(checkpoint.seq - 1)].hash);
        CHECK(crypto::ed25519Verify(
            publicKey, audit::checkpointMessage(VaultId, checkpoint.seq, checkpoint.head),
            checkpoint.signature));
        CHECK_FALSE(crypto::ed25519Verify(publicKey,
                                          audit::checkpointMessage(QStringLiteral("another-vault"),
                                                                   checkpoint.seq, checkpoint.head),
                                          checkpoint.signature));
        // The checkpoint row carries the time of the entry it follows.
        auto row = f.db.prepare("SELECT at FROM audit_checkpoints WHERE seq = ?1");
        row.bind(1, checkpoint.seq);
        REQUIRE(row.step());
        CHECK(row.columnInt64(0) == domain::toMs(at(int(checkpoint.seq))));
    }
}

TEST_CASE("the stored log and checkpoints pass verification with the device's public key",
          "[auditlog]") {
    Fixture f;
    for (int n = 1; n <= 57; ++n)
        f.append(n == 20 ? QStringLiteral("consent.revoked") : QStringLiteral("photo.captured"), n);

    const auto result = f.verify();
    CHECK(result.ok);
    CHECK(result.problem.isEmpty());
    CHECK(result.entries == 57);
    CHECK(result.checkpoints == 2);
    CHECK(result.signedThrough == 50);

    // Another device's key does not verify the checkpoints.
    const auto otherKey = crypto::Ed25519PrivateKey::fromSeed(testKey(8));
    const auto forged =
        audit::verifyChain(f.log->entries(), f.log->checkpoints(), otherKey.publicKey(), VaultId);
    CHECK_FALSE(forged.ok);
    CHECK(forged.firstBadSeq.value_or(0) == 1);
}

TEST_CASE("entries appended in a transaction that rolls back leave nothing and their seq is "
          "used again",
          "[auditlog]") {
    Fixture f;
    for (int n = 1; n <= 3; ++n)
        f.append(QStringLiteral("photo.captured"), n);
    REQUIRE(f.log->checkpointCount() == 0);

    {
        auto transaction = f.db.transaction();
        CHECK(f.log->append(QStringLiteral("photo.captured"), at(4), data(4)) == 4);
        CHECK(f.log->append(QStringLiteral("consent.sealed"), at(5), data(5)) == 5);
        CHECK(f.log->checkpointCount() == 1);
        transaction.rollback();
    }
    CHECK(f.log->count() == 3);
    CHECK(f.log->checkpointCount() == 0);

    // A failure that leaves the transaction's scope rolls the entry back too.
    CHECK_THROWS_AS(
        [&] {
            auto transaction = f.db.transaction();
            (void)f.log->append(QStringLiteral("consent.revoked"), at(6), data(6));
            throw std::runtime_error("the change failed after its entry was written");
        }(),
        std::runtime_error);
    CHECK(f.log->count() == 3);
    CHECK(f.log->checkpointCount() == 0);

    CHECK(f.append(QStringLiteral("story.edited"), 7) == 4);
    const auto entries = f.log->entries();
    REQUIRE(entries.size() == 4);
    CHECK(entries[3].entry == audit::makeEntry(QStringLiteral("story.edited"), at(7), data(7)));
    CHECK(f.verify().ok);
}

TEST_CASE("forEach visits entries in order, filtered by patient, consent or post", "[auditlog]") {
    Fixture f;
    f.append(QStringLiteral("patient.added"), 1, {PatientA, {}, {}});
    f.append(QStringLiteral("patient.added"), 2, {PatientB, {}, {}});
    f.append(QStringLiteral("consent.sealed"), 3, {PatientA, ConsentA, {}});
    f.append(QStringLiteral("consent.sealed"), 4, {PatientB, ConsentB, {}});
    f.append(QStringLiteral("post.recorded"), 5, {PatientA, ConsentA, PostA});
    f.append(QStringLiteral("settings.changed"), 6);

    using Seqs = std::vector<std::int64_t>;
    CHECK(visitedSeqs(*f.log, {}) == Seqs{1, 2, 3, 4, 5, 6});
    CHECK(visitedSeqs(*f.log, {PatientA, {}, {}}) == Seqs{1, 3, 5});
    CHECK(visitedSeqs(*f.log, {PatientB, {}, {}}) == Seqs{2, 4});
    CHECK(visitedSeqs(*f.log, {{}, ConsentA, {}}) == Seqs{3, 5});
    CHECK(visitedSeqs(*f.log, {{}, {}, PostA}) == Seqs{5});
    // Filters combine: every non-empty member must match.
    CHECK(visitedSeqs(*f.log, {PatientB, ConsentA, {}}).empty());
    CHECK(visitedSeqs(*f.log, {PatientA, ConsentA, PostA}) == Seqs{5});
    CHECK(visitedSeqs(*f.log, {QStringLiteral("pat_unknown"), {}, {}}).empty());

    // A row carries what was written.
    std::vector<AuditLog::Row> rows;
    f.log->forEach({{}, {}, PostA}, [&](const AuditLog::Row &row) { rows.push_back(row); });
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].kind == QStringLiteral("post.recorded"));
    CHECK(rows[0].at == at(5));
    CHECK(rows[0].at.timeSpec() == Qt::UTC);
    CHECK(rows[0].entry == audit::makeEntry(QStringLiteral("post.recorded"), at(5), data(5)));
    CHECK(rows[0].subject.patientId == PatientA);
    CHECK(rows[0].subject.consentId == ConsentA);
    CHECK(rows[0].subject.postId == PostA);

    rows.clear();
    f.log->forEach({}, [&](const AuditLog::Row &row) { rows.push_back(row); });
    REQUIRE(rows.size() == 6);
    CHECK(rows[5].subject.patientId.isEmpty());
    CHECK(rows[5].subject.consentId.isEmpty());
    CHECK(rows[5].subject.postId.isEmpty());
}

TEST_CASE("the schema refuses to change or delete audit entries and checkpoints", "[auditlog]") {
    Fixture f;
    f.append(QStringLiteral("patient.added"), 1, {PatientA, {}, {}});
    f.append(QStringLiteral("consent.sealed"), 2, {PatientA, ConsentA, {}});
    const auto entriesBefore = f.log->entries();
    const auto checkpointsBefore = f.log->checkpoints();
    REQUIRE(checkpointsBefore.size() == 1);

    // RAISE(ABORT) in a trigger is SQLITE_CONSTRAINT (SQLITE_CONSTRAINT_TRIGGER).
    for (const char *sql :
         {"UPDATE audit_log SET kind = 'patient.removed' WHERE seq = 1",
          "UPDATE audit_log SET patient_id = NULL", "UPDATE audit_log SET entry = x'7b7d'",
          "DELETE FROM audit_log WHERE seq = 2", "DELETE FROM audit_log",
          "UPDATE audit_checkpoints SET signature = zeroblob(64)",
          "UPDATE audit_checkpoints SET at = 0", "DELETE FROM audit_checkpoints"}) {
        INFO(sql);
        std::string message;
        try {
            f.db.exec(sql);
        } catch (const StorageError &error) {
            CHECK(error.kind() == StorageError::Kind::Constraint);
            message = error.what();
        }
        CHECK(message.find("the audit log is append-only") != std::string::npos);
    }

    // Refused inside a transaction as well, and the entries written before it survive.
    {
        auto transaction = f.db.transaction();
        (void)f.log->append(QStringLiteral("photo.captured"), at(3), data(3));
        CHECK(thrownKind([&] { f.db.exec("DELETE FROM audit_log WHERE seq = 1"); }) ==
              "Constraint");
        transaction.commit();
    }

    const auto entriesAfter = f.log->entries();
    REQUIRE(entriesAfter.size() == 3);
    for (std::size_t i = 0; i < entriesBefore.size(); ++i) {
        CHECK(entriesAfter[i].entry == entriesBefore[i].entry);
        CHECK(entriesAfter[i].hash == entriesBefore[i].hash);
    }
    const auto checkpointsAfter = f.log->checkpoints();
    REQUIRE(checkpointsAfter.size() == 1);
    CHECK(checkpointsAfter[0].signature == checkpointsBefore[0].signature);
    CHECK(f.verify().ok);
}

// A conflict resolved with REPLACE deletes the old row without firing the delete
// triggers while SQLite's recursive triggers are off.
TEST_CASE("an audit entry or checkpoint can't be replaced by inserting over it", "[auditlog]") {
    Fixture f;
    f.append(QStringLiteral("consent.sealed"), 1, {PatientA, ConsentA, {}});
    const auto before = f.log->entries();
    const auto checkpointsBefore = f.log->checkpoints();

    CHECK(thrownKind([&] {
              f.db.exec("INSERT OR REPLACE INTO audit_log (seq, entry, hash, kind, at) "
                        "VALUES (1, x'7b7d', zeroblob(32), 'patient.added', 0)");
          }) == "Constraint");
    CHECK(thrownKind([&] {
              f.db.exec("REPLACE INTO audit_checkpoints (seq, head, signature, at) "
                        "VALUES (1, zeroblob(32), zeroblob(64), 0)");
          }) == "Constraint");
    const auto after = f.log->entries();
    REQUIRE(after.size() == 1);
    CHECK(QString::fromUtf8(after[0].entry) == QString::fromUtf8(before[0].entry));
    CHECK(crypto::toHex(f.log->checkpoints().at(0).signature) ==
          crypto::toHex(checkpointsBefore.at(0).signature));
    CHECK(f.verify().ok);
}

TEST_CASE("a reopened database keeps the chain and new entries continue it", "[auditlog]") {
    Fixture f;
    for (int n = 1; n <= 52; ++n)
        f.append(QStringLiteral("photo.captured"), n, {PatientA, {}, {}});
    const auto before = f.log->entries();

    f.reopen();

    CHECK(f.log->count() == 52);
    CHECK(f.log->checkpointCount() == 1);
    const auto reopened = f.log->entries();
    REQUIRE(reopened.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        CHECK(reopened[i].seq == before[i].seq);
        CHECK(reopened[i].entry == before[i].entry);
        CHECK(reopened[i].hash == before[i].hash);
    }
    CHECK(f.append(QStringLiteral("consent.sealed"), 53, {PatientA, ConsentA, {}}) == 53);
    CHECK(checkpointSeqs(*f.log) == std::vector<std::int64_t>{50, 53});
    CHECK(visitedSeqs(*f.log, {{}, ConsentA, {}}) == std::vector<std::int64_t>{53});

    const auto result = f.verify();
    CHECK(result.ok);
    CHECK(result.entries == 53);
    CHECK(result.signedThrough == 53);
}
