// The audit log over a real vault: verification, export and off-device verification, and
// tampering through SQL by someone holding the database key.

#include "imaging/demophoto.h"
#include "services/demogenerator.h"
#include "servicetestsupport.h"
#include "storage/auditlog.h"
#include "storage/database.h"

#include "randomizedscale.h"

#include <catch2/catch_get_random_seed.hpp>
#include <catch2/catch_test_macros.hpp>

#include <iostream>
#include <random>

using namespace cc;
using namespace cc::services;
using services::test::CoreFixture;

namespace {

void seed(CoreFixture &f, int patients) {
    DemoGenerator generator(
        f.core(), [&f] { return f.clock().now; },
        [](std::uint64_t s) { return imaging::demoPhoto(s, 96, 72); });
    (void)generator.generate(patients);
}

QByteArray exportOf(CoreFixture &f) {
    QByteArray all;
    f.core().audit().exportJsonLines([&](const QByteArray &line) { all += line + '\n'; });
    return all;
}

} // namespace

TEST_CASE("Every change is in the log, and the log verifies") {
    CoreFixture f;
    seed(f, 4);
    const auto result = f.core().audit().verify();
    CHECK(result.ok);
    CHECK(result.entries == f.vault().audit().count());
    CHECK(result.checkpoints == f.vault().audit().checkpointCount());
    CHECK(result.signedThrough > 0);

    QStringList kinds;
    for (const auto &row : f.core().audit().entries())
        kinds.append(row.kind);
    for (const char *kind :
         {"vault.created", "policy.changed", "clinician.changed", "patient.added", "photo.added",
          "photo.derived", "story.added", "consent.sealed", "draft.created", "draft.item_attached",
          "post.recorded", "post.url_set", "consent.revoked", "post.takedown_required",
          "post.removed"}) {
        INFO(kind);
        if (QLatin1StringView(kind) != QLatin1String("policy.changed"))
            CHECK(kinds.contains(QLatin1StringView(kind)));
    }
    // An unlock is an entry too.
    f.reopen();
    CHECK(f.core().audit().entries().back().kind == QStringLiteral("vault.unlocked"));
}

TEST_CASE("The log can be filtered by patient, consent or post") {
    CoreFixture f;
    const auto ada = f.addPatient();
    const auto bruno = f.addPatient(QStringLiteral("Bruno Sample"));
    const auto photo = f.addPhoto(ada.id);
    const auto consent = f.seal(ada.id, {photo.id});
    (void)f.addPhoto(bruno.id);
    const auto forAda = f.core().audit().entries({ada.id, {}, {}});
    CHECK(forAda.size() == 3); // added, photo, consent
    CHECK(f.core().audit().entries({{}, consent.id, {}}).size() == 1);
    for (const auto &row : forAda)
        CHECK(row.subject.patientId == ada.id);
}

TEST_CASE("An exported log verifies off the device, and a changed line does not") {
    CoreFixture f;
    seed(f, 3);
    const QByteArray exported = exportOf(f);
    QString key;
    const auto clean = verifyExport(exported, &key);
    CHECK(clean.ok);
    CHECK(clean.entries == f.vault().audit().count());
    CHECK(key == QString::fromStdString(crypto::toHex(f.vault().devicePublicKey())));

    QList<QByteArray> lines = exported.split('\n');
    SECTION("an entry's content") {
        lines[5].replace("\"kind\":\"", "\"kind\":\"x");
        const auto changed = verifyExport(lines.join('\n'));
        CHECK_FALSE(changed.ok);
        CHECK(changed.firstBadSeq.value_or(0) >= 1);
    }
    SECTION("the last signed entries cut off") {
        // The entry the last checkpoint signs, and everything after it, removed; the
        // checkpoint kept.
        qsizetype last = lines.size() - 1;
        while (last > 0 && !lines[last].contains("\"checkpoint\""))
            --last;
        REQUIRE(last > 1);
        const QByteArray checkpoint = lines[last];
        lines = lines.mid(0, last - 1);
        lines.append(checkpoint);
        CHECK_FALSE(verifyExport(lines.join('\n')).ok);
    }
    SECTION("not an export at all") {
        CHECK_FALSE(verifyExport("hello").ok);
        CHECK_FALSE(verifyExport({}).ok);
        CHECK_FALSE(verifyExport("{\"format\":\"other\"}").ok);
    }
}

TEST_CASE("Tampering with the stored log through SQL is always detected (randomized)") {
    CoreFixture f;
    seed(f, 6);
    auto &db = f.vault().database();
    const auto entries = f.vault().audit().entries();
    const auto checkpoints = f.vault().audit().checkpoints();
    REQUIRE(checkpoints.size() >= 4);
    const std::int64_t signedThrough = checkpoints.back().seq;
    REQUIRE(f.core().audit().verify().ok);

    // Catch's seed: printed at the start, reproduced with --rng-seed.
    std::mt19937_64 rng(Catch::getSeed());
    const auto anySigned = [&] {
        return std::int64_t(1 + rng() % std::uint64_t(signedThrough));
    };
    const int Mutations = int(cc::test::randomizedCount(2000));
    int detected = 0;
    int cleanChecks = 0;
    for (int i = 0; i < Mutations; ++i) {
        const int kind = int(rng() % 7);
        auto transaction = db.transaction();
        db.exec("PRAGMA defer_foreign_keys = ON;"
                "DROP TRIGGER audit_log_append_only; DROP TRIGGER audit_log_kept;"
                "DROP TRIGGER audit_checkpoints_append_only; DROP TRIGGER audit_checkpoints_kept;");
        const std::int64_t k = anySigned();
        const auto &row = entries[std::size_t(k - 1)];
        switch (kind) {
        case 0: { // one flipped byte of an entry
            QByteArray changed = row.entry;
            changed[qsizetype(rng() % std::uint64_t(changed.size()))] ^= char(1 << (rng() % 8));
            auto update = db.prepare("UPDATE audit_log SET entry = ?2 WHERE seq = ?1");
            update.bind(1, k).bind(
                2, crypto::ByteView(reinterpret_cast<const std::uint8_t *>(changed.data()),
                                    std::size_t(changed.size())));
            update.run();
            break;
        }
        case 1: { // one flipped byte of a stored hash
            auto hash = row.hash;
            hash[rng() % 32] ^= std::uint8_t(1 << (rng() % 8));
            auto update = db.prepare("UPDATE audit_log SET hash = ?2 WHERE seq = ?1");
            update.bind(1, k).bind(2, crypto::ByteView(hash));
            update.run();
            break;
        }
        case 2: { // an entry deleted
            auto remove = db.prepare("DELETE FROM audit_log WHERE seq = ?1");
            remove.bind(1, k);
            remove.run();
            break;
        }
        case 3: { // two entries swapped
            std::int64_t other = anySigned();
            if (other == k)
                other = k == 1 ? 2 : k - 1;
            const auto &a = entries[std::size_t(k - 1)];
            const auto &b = entries[std::size_t(other - 1)];
            auto update = db.prepare("UPDATE audit_log SET entry = ?2, hash = ?3 WHERE seq = ?1");
            for (const auto &[seq, from] : {std::pair{k, &b}, std::pair{other, &a}}) {
                update.reset();
                update.bind(1, seq)
                    .bind(2, crypto::ByteView(
                                 reinterpret_cast<const std::uint8_t *>(from->entry.data()),
                                 std::size_t(from->entry.size())))
                    .bind(3, crypto::ByteView(from->hash));
                update.run();
            }
            break;
        }
        case 4: { // the log cut short inside the signed range
            auto cut = db.prepare("DELETE FROM audit_log WHERE seq >= ?1");
            cut.bind(1, k);
            cut.run();
            break;
        }
        case 5: { // a forged entry inserted, chained correctly to the one before it
            // Every later entry moves up one (through a range no seq uses).
            db.exec(("UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= " + std::to_string(k))
                        .c_str());
            db.exec("UPDATE audit_log SET seq = seq - 999999 WHERE seq > 1000000");
            const QByteArray forged =
                domain::audit::makeEntry(QStringLiteral("patient.added"), f.clock().now, {});
            const auto previous =
                k == 1 ? domain::audit::genesisHash() : entries[std::size_t(k - 2)].hash;
            const auto hash = domain::audit::chainHash(k, forged, previous);
            auto insert = db.prepare("INSERT INTO audit_log (seq, entry, hash, kind, at) VALUES "
                                     "(?1, ?2, ?3, 'patient.added', 0)");
            insert.bind(1, k)
                .bind(2, crypto::ByteView(reinterpret_cast<const std::uint8_t *>(forged.data()),
                                          std::size_t(forged.size())))
                .bind(3, crypto::ByteView(hash));
            insert.run();
            break;
        }
        default: { // an entry rewritten and every later hash recomputed, without the key
            QByteArray changed = row.entry;
            changed.replace("\"at\":\"", "\"at\":\"1");
            if (changed == row.entry)
                changed.append(' ');
            auto previous =
                k == 1 ? domain::audit::genesisHash() : entries[std::size_t(k - 2)].hash;
            auto update = db.prepare("UPDATE audit_log SET entry = ?2, hash = ?3 WHERE seq = ?1");
            for (std::int64_t seq = k; seq <= std::int64_t(entries.size()); ++seq) {
                const QByteArray &bytes = seq == k ? changed : entries[std::size_t(seq - 1)].entry;
                const auto hash = domain::audit::chainHash(seq, bytes, previous);
                update.reset();
                update.bind(1, seq)
                    .bind(2, crypto::ByteView(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                              std::size_t(bytes.size())))
                    .bind(3, crypto::ByteView(hash));
                update.run();
                previous.assign(hash.begin(), hash.end());
            }
            break;
        }
        }
        const auto result = f.core().audit().verify();
        if (!result.ok && result.firstBadSeq && *result.firstBadSeq <= k + 1)
            ++detected;
        else
            FAIL("mutation " << kind << " at entry " << k
                             << " not detected: " << result.problem.toStdString());
        transaction.rollback();
        if (i % 100 == 0) {
            REQUIRE(f.core().audit().verify().ok); // the rollback restored a clean log
            ++cleanChecks;
        }
    }
    std::cout << "audit log through SQL: " << detected << " of " << Mutations
              << " mutations detected, " << cleanChecks << " clean checks passed\n";
    CHECK(detected == Mutations);
}

TEST_CASE("An emptied log, or index columns that differ from their entries, do not verify") {
    CoreFixture f;
    seed(f, 2);
    SECTION("every entry and checkpoint removed") {
        services::test::tamper(f.vault(), "DELETE FROM audit_checkpoints; DELETE FROM audit_log");
        const auto result = f.core().audit().verify();
        CHECK_FALSE(result.ok);
        CHECK(result.firstBadSeq == 1);
    }
    SECTION("a patient's entries hidden from the patient's view") {
        services::test::tamper(
            f.vault(), "UPDATE audit_log SET patient_id = 'pat_00000000000000000000000000000000' "
                       "WHERE seq = (SELECT min(seq) FROM audit_log WHERE patient_id IS NOT NULL)");
        CHECK_FALSE(f.core().audit().verify().ok);
    }
    SECTION("a kind changed beside its entry") {
        services::test::tamper(f.vault(),
                               "UPDATE audit_log SET kind = 'patient.added' WHERE seq = 2");
        const auto result = f.core().audit().verify();
        CHECK_FALSE(result.ok);
        CHECK(result.firstBadSeq == 2);
    }
}

TEST_CASE(
    "A damaged entry is still exported, and the export names it; a cut export does not verify") {
    CoreFixture f;
    seed(f, 2);
    const QByteArray clean = exportOf(f);
    SECTION("cut after a checkpoint") {
        QList<QByteArray> lines = clean.trimmed().split('\n');
        qsizetype last = lines.size() - 1;
        while (!lines[last].contains("\"checkpoint\""))
            --last;
        CHECK_FALSE(verifyExport(lines.mid(0, last).join('\n')).ok);
    }
    SECTION("an entry that is not JSON any more") {
        services::test::tamper(
            f.vault(), "UPDATE audit_log SET entry = CAST('{broken' AS BLOB) WHERE seq = 3");
        const QByteArray damaged = exportOf(f);
        CHECK(damaged.contains("\"damaged\""));
        const auto result = verifyExport(damaged);
        CHECK_FALSE(result.ok);
        CHECK(result.firstBadSeq.value_or(0) <= 3);
    }
}
