// The audit chain and its verifier. Chains are written the way the device's audit log
// writes them: each entry chained to the one before, and a checkpoint signed with a real
// Ed25519 key after every 50th entry and after every entry whose kind needs one.

#include "domain/auditchain.h"

#include "crypto/ed25519.h"
#include "crypto/hash.h"
#include "domaintestsupport.h"

#include "randomizedscale.h"

#include <catch2/catch_get_random_seed.hpp>
#include <catch2/catch_test_macros.hpp>

#include <QJsonArray>

#include <algorithm>
#include <iostream>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>
#include <string>

using namespace cc;
namespace audit = cc::domain::audit;

namespace {

const QStringList &ordinaryKinds() {
    static const QStringList kinds{
        QStringLiteral("patient.added"),  QStringLiteral("story.added"),
        QStringLiteral("story.edited"),   QStringLiteral("draft.created"),
        QStringLiteral("draft.updated"),  QStringLiteral("photo.regions_marked"),
        QStringLiteral("post.url_set"),   QStringLiteral("consent.expiry_event"),
        QStringLiteral("draft.discarded")};
    return kinds;
}

// Shares, exports, revocations and seals: each is signed at once.
const QStringList &checkpointKinds() {
    static const QStringList kinds{
        QStringLiteral("post.recorded"), QStringLiteral("media.exported"),
        QStringLiteral("consent.revoked"), QStringLiteral("consent.sealed")};
    return kinds;
}

QString vaultId() {
    return QStringLiteral("0123456789abcdef0123456789abcdef");
}

const crypto::Ed25519PrivateKey &deviceKey() {
    static const crypto::Ed25519PrivateKey key = crypto::Ed25519PrivateKey::generate();
    return key;
}

QDateTime timeOf(std::int64_t seq) {
    return QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC).addMSecs(seq * 37'013);
}

QJsonObject dataOf(std::int64_t seq) {
    return {{QStringLiteral("n"), qint64(seq)},
            {QStringLiteral("patient"),
             QStringLiteral("pat_%1").arg(seq * 7919, 32, 16, QLatin1Char('0'))}};
}

struct Chain {
    std::vector<audit::Entry> entries;
    std::vector<audit::Checkpoint> checkpoints;

    // The seq of the last checkpoint before seq; 0 when there is none.
    [[nodiscard]] std::int64_t checkpointBefore(std::int64_t seq) const {
        std::int64_t found = 0;
        for (const auto &checkpoint : checkpoints) {
            if (checkpoint.seq < seq)
                found = std::max(found, checkpoint.seq);
        }
        return found;
    }
    [[nodiscard]] std::int64_t lastCheckpoint() const {
        return checkpointBefore(std::numeric_limits<std::int64_t>::max());
    }
    [[nodiscard]] audit::Entry &at(std::int64_t seq) { return entries.at(std::size_t(seq - 1)); }
    [[nodiscard]] audit::Checkpoint &checkpointAt(std::int64_t seq) {
        const auto found = std::find_if(checkpoints.begin(), checkpoints.end(),
                                        [&](const audit::Checkpoint &c) { return c.seq == seq; });
        REQUIRE(found != checkpoints.end());
        return *found;
    }
    void removeCheckpoint(std::int64_t seq) {
        const auto before = checkpoints.size();
        std::erase_if(checkpoints, [&](const audit::Checkpoint &c) { return c.seq == seq; });
        REQUIRE(checkpoints.size() + 1 == before);
    }
};

audit::Checkpoint signedCheckpoint(const crypto::Ed25519PrivateKey &key, std::int64_t seq,
                                   const crypto::Bytes &head, const QString &vault = vaultId()) {
    return {seq, head, key.sign(audit::checkpointMessage(vault, seq, head))};
}

crypto::Bytes chained(std::int64_t seq, const QByteArray &entry, const crypto::Bytes &previous) {
    const auto hash = audit::chainHash(seq, entry, previous);
    return {hash.begin(), hash.end()};
}

// Appends an entry the way the audit log does, with the checkpoint it makes due.
void append(Chain &chain, const QString &kind, const QByteArray &entry,
            const crypto::Ed25519PrivateKey &key = deviceKey()) {
    const auto seq = std::int64_t(chain.entries.size()) + 1;
    const crypto::Bytes previous =
        chain.entries.empty() ? audit::genesisHash() : chain.entries.back().hash;
    chain.entries.push_back({seq, entry, chained(seq, entry, previous)});
    if (audit::checkpointDueAt(seq, kind))
        chain.checkpoints.push_back(signedCheckpoint(key, seq, chain.entries.back().hash));
}

void append(Chain &chain, const QString &kind) {
    const auto seq = std::int64_t(chain.entries.size()) + 1;
    append(chain, kind, audit::makeEntry(kind, timeOf(seq), dataOf(seq)));
}

// A fixed mix: a share at 7, 30, 53, ...; a seal at 11, 48, 85, ...; a revocation at 30,
// 91, ...; an export at 41, 124, ...; everything else ordinary.
QString mixedKind(std::int64_t seq) {
    if (seq % 23 == 7)
        return QStringLiteral("post.recorded");
    if (seq % 37 == 11)
        return QStringLiteral("consent.sealed");
    if (seq % 61 == 30)
        return QStringLiteral("consent.revoked");
    if (seq % 83 == 41)
        return QStringLiteral("media.exported");
    return ordinaryKinds().at(qsizetype(seq % ordinaryKinds().size()));
}

Chain mixedChain(std::int64_t size) {
    Chain chain;
    for (std::int64_t seq = 1; seq <= size; ++seq)
        append(chain, mixedKind(seq));
    return chain;
}

// 120 entries of the fixed mix, signed at 7, 11, 30, 41, 48, 50, 53, 76, 85, 91, 99 and
// 100; entries 101 to 120 are not signed yet.
const Chain &chain120() {
    static const Chain chain = mixedChain(120);
    return chain;
}

audit::Verification verify(const Chain &chain, const audit::Progress &progress = {}) {
    static const crypto::Bytes publicKey = deviceKey().publicKey();
    return audit::verifyChain(chain.entries, chain.checkpoints, publicKey, vaultId(), progress);
}

// What an attacker without the device key can do after changing the log: give every row
// from index `from` on the next seq and recompute its hash from the row before.
void rechain(Chain &chain, std::size_t from) {
    crypto::Bytes previous = from == 0 ? audit::genesisHash() : chain.entries[from - 1].hash;
    for (std::size_t i = from; i < chain.entries.size(); ++i) {
        audit::Entry &row = chain.entries[i];
        row.seq = std::int64_t(i) + 1;
        row.hash = chained(row.seq, row.entry, previous);
        previous = row.hash;
    }
}

audit::Entry forgedEntry(std::int64_t seq, const QString &kind = QStringLiteral("draft.created")) {
    return {
        seq,
        audit::makeEntry(kind, timeOf(seq),
                         {{QStringLiteral("forged"), true}, {QStringLiteral("n"), qint64(seq)}}),
        {}};
}

// The reason a screen explains for each plain-English problem.
audit::Problem reasonFor(const QString &problem) {
    using P = audit::Problem;
    if (problem.startsWith(QStringLiteral("the checkpoint after")))
        return P::CheckpointMissing;
    if (problem.contains(QStringLiteral("does not match its hash")))
        return P::EntryAltered;
    if (problem.contains(QStringLiteral("is missing")))
        return P::EntryMissing;
    if (problem.contains(QStringLiteral("out of order")))
        return P::EntryOutOfOrder;
    if (problem.contains(QStringLiteral("is not signed by")))
        return P::CheckpointForged;
    if (problem.contains(QStringLiteral("differ from what the checkpoint")))
        return P::CheckpointMismatch;
    if (problem.contains(QStringLiteral("entries were removed")))
        return P::EntriesRemoved;
    if (problem.contains(QStringLiteral("not a well-formed")))
        return P::Malformed;
    if (problem.startsWith(QStringLiteral("two checkpoints")))
        return P::DuplicateCheckpoint;
    return P::None;
}

void checkBadAt(const audit::Verification &result, std::int64_t seq, const QString &problem) {
    CHECK_FALSE(result.ok);
    CHECK(result.firstBadSeq.value_or(0) == seq);
    CHECK(result.problem == problem);
    CHECK(result.reason == reasonFor(problem));
}

} // namespace

TEST_CASE("Shares, exports, revocations and seals need a checkpoint at once, everything else "
          "every 50 entries") {
    for (const QString &kind : checkpointKinds()) {
        INFO(kind.toStdString());
        CHECK(audit::needsCheckpoint(kind));
        CHECK(audit::checkpointDueAt(1, kind));
        CHECK(audit::checkpointDueAt(73, kind));
    }
    for (const QString &kind : ordinaryKinds()) {
        INFO(kind.toStdString());
        CHECK_FALSE(audit::needsCheckpoint(kind));
        CHECK_FALSE(audit::checkpointDueAt(1, kind));
        CHECK_FALSE(audit::checkpointDueAt(49, kind));
        CHECK(audit::checkpointDueAt(50, kind));
        CHECK_FALSE(audit::checkpointDueAt(51, kind));
        CHECK(audit::checkpointDueAt(100, kind));
        CHECK(audit::checkpointDueAt(250, kind));
    }
    CHECK_FALSE(audit::needsCheckpoint(QStringLiteral("Post.Recorded")));
    CHECK_FALSE(audit::needsCheckpoint(QString()));
    CHECK(audit::CheckpointInterval == 50);
}

TEST_CASE("An entry is canonical JSON of its time, data and kind") {
    const QByteArray entry = audit::makeEntry(
        QStringLiteral("consent.sealed"), QDateTime(QDate(2026, 11, 2), QTime(9, 32), Qt::UTC),
        {{QStringLiteral("consent"), QStringLiteral("con_0123456789abcdef0123456789abcdef")}});
    CHECK(entry ==
          QByteArray(R"({"at":"2026-11-02T09:32:00.000Z","data":{"consent":)"
                     R"("con_0123456789abcdef0123456789abcdef"},"kind":"consent.sealed"})"));
}

TEST_CASE("An entry's hash is SHA-256 of 0x00, its seq in 8 big-endian bytes, the entry and "
          "the previous hash") {
    const QByteArray entry(R"({"at":"2026-11-02T09:32:00.000Z","data":{"consent":)"
                           R"("con_0123456789abcdef0123456789abcdef"},"kind":"consent.sealed"})");
    crypto::Bytes previous(32);
    std::iota(previous.begin(), previous.end(), std::uint8_t(0));
    const std::int64_t seq = 0x0102030405;

    crypto::Bytes message{0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05};
    message.insert(message.end(), entry.begin(), entry.end());
    message.insert(message.end(), previous.begin(), previous.end());
    CHECK(audit::chainHash(seq, entry, previous) == crypto::sha256(message));

    // The same values computed independently.
    CHECK(crypto::toHex(audit::chainHash(seq, entry, previous)) ==
          "eca5892f9db465308906862b425842b427a1505c6bcd7a8cda9738b5525effc3");
    CHECK(crypto::toHex(audit::chainHash(1, entry, previous)) ==
          "25c6f178c53d85ee7e7fe056c96720ec4b9ee437a9b661f595231216d018f962");
    CHECK(audit::genesisHash() == crypto::Bytes(32, 0));
    CHECK(crypto::toHex(audit::chainHash(1, entry, audit::genesisHash())) ==
          "e788c2bfbde7b517f6cfbc3412437529c6e2630c6e3bca66c8b6a526492bb212");
}

TEST_CASE("A checkpoint signs a domain tag, the vault id, the seq and the head hash") {
    const crypto::Bytes head(32, 0xab);
    crypto::Bytes expected;
    for (const char c : std::string_view("consentcam/audit-checkpoint/v1"))
        expected.push_back(std::uint8_t(c));
    expected.push_back(0x00);
    for (const char c : std::string_view("0123456789abcdef0123456789abcdef"))
        expected.push_back(std::uint8_t(c));
    expected.push_back(0x00);
    for (const std::uint8_t b : {0, 0, 0, 0, 0, 0, 0x01, 0x2c})
        expected.push_back(b);
    expected.insert(expected.end(), head.begin(), head.end());
    CHECK(audit::checkpointMessage(vaultId(), 300, head) == expected);
    CHECK(audit::checkpointMessage(QStringLiteral("another vault"), 300, head) != expected);
    CHECK(audit::checkpointMessage(vaultId(), 301, head) != expected);
}

TEST_CASE("Clean chains of every size verify with the right counts") {
    for (const std::int64_t size : {0, 1, 49, 50, 51, 250}) {
        INFO("entries: " << size);
        const Chain chain = mixedChain(size);
        std::int64_t checkpoints = 0;
        std::int64_t signedThrough = 0;
        for (std::int64_t seq = 1; seq <= size; ++seq) {
            if (seq % 50 == 0 || checkpointKinds().contains(mixedKind(seq))) {
                ++checkpoints;
                signedThrough = seq;
            }
        }
        REQUIRE(std::int64_t(chain.checkpoints.size()) == checkpoints);

        const audit::Verification result = verify(chain);
        CHECK(result.ok);
        CHECK(result.entries == size);
        CHECK(result.checkpoints == checkpoints);
        CHECK(result.signedThrough == signedThrough);
        CHECK_FALSE(result.firstBadSeq.has_value());
        CHECK(result.problem.isEmpty());
        CHECK(result.reason == audit::Problem::None);

        // Checkpoints may come in any order.
        Chain reversed = chain;
        std::reverse(reversed.checkpoints.begin(), reversed.checkpoints.end());
        CHECK(verify(reversed).ok);
    }
    // A few values worked out by hand.
    CHECK(verify(mixedChain(49)).signedThrough == 48);
    CHECK(verify(mixedChain(50)).checkpoints == 6); // 7, 11, 30, 41, 48, 50
    CHECK(verify(mixedChain(250)).signedThrough == 250);

    // Only ordinary entries: the 50th is the first one signed.
    Chain plain;
    for (int i = 0; i < 49; ++i)
        append(plain, QStringLiteral("draft.updated"));
    CHECK(verify(plain).ok);
    CHECK(verify(plain).checkpoints == 0);
    append(plain, QStringLiteral("draft.updated"));
    CHECK(verify(plain).checkpoints == 1);
    CHECK(verify(plain).signedThrough == 50);
}

TEST_CASE("A changed byte in an entry is found at that entry") {
    Chain chain = chain120();
    QByteArray &entry = chain.at(20).entry;
    SECTION("still a well-formed entry") {
        REQUIRE(entry.startsWith(R"({"at":"2026-)"));
        entry[8] = '1'; // the year 2126
        checkBadAt(verify(chain), 20, QStringLiteral("entry 20 does not match its hash"));
    }
    SECTION("no longer JSON") {
        entry[0] = '[';
        checkBadAt(verify(chain), 20, QStringLiteral("entry 20 does not match its hash"));
    }
}

TEST_CASE("A changed stored hash is found at its entry") {
    Chain chain = chain120();
    chain.at(20).hash[5] ^= 0x40;
    checkBadAt(verify(chain), 20, QStringLiteral("entry 20 does not match its hash"));

    Chain last = chain120();
    last.at(120).hash[31] ^= 0x01; // even in the unsigned tail
    checkBadAt(verify(last), 120, QStringLiteral("entry 120 does not match its hash"));
}

TEST_CASE("A deleted entry is found where it is missing") {
    Chain chain = chain120();
    chain.entries.erase(chain.entries.begin() + 19);
    checkBadAt(verify(chain), 20, QStringLiteral("entry 20 is missing"));

    // Renumbered and rehashed, the rows after it are consistent but no longer what the
    // checkpoints signed: the entries since the last good checkpoint (11) are suspect.
    rechain(chain, 19);
    const audit::Verification result = verify(chain);
    CHECK_FALSE(result.ok);
    CHECK(result.firstBadSeq.value_or(0) == 12);
}

TEST_CASE("An inserted entry is found") {
    SECTION("renumbered and rehashed: at the next checkpoint, from the one before") {
        Chain chain = chain120();
        chain.entries.insert(chain.entries.begin() + 19, forgedEntry(20));
        rechain(chain, 19);
        checkBadAt(verify(chain), 12,
                   QStringLiteral("entries 12 to 30 differ from what the checkpoint at entry 30 "
                                  "signed"));
    }
    SECTION("a forged share, which makes a checkpoint due that was never signed") {
        Chain chain = chain120();
        chain.entries.insert(chain.entries.begin() + 19,
                             forgedEntry(20, QStringLiteral("post.recorded")));
        rechain(chain, 19);
        const audit::Verification result = verify(chain);
        CHECK_FALSE(result.ok);
        CHECK(result.firstBadSeq.value_or(0) == 12);
    }
    SECTION("slipped in with its seq and a hash chained to the entry before") {
        Chain chain = chain120();
        audit::Entry forged = forgedEntry(20);
        forged.hash = chained(20, forged.entry, chain.at(19).hash);
        chain.entries.insert(chain.entries.begin() + 19, forged);
        // The row after it repeats seq 20.
        checkBadAt(verify(chain), 21, QStringLiteral("entry 20 is out of order"));
    }
}

TEST_CASE("Reordered entries are found") {
    Chain chain = chain120();
    std::swap(chain.entries[19], chain.entries[24]);
    checkBadAt(verify(chain), 20, QStringLiteral("entry 20 is missing"));

    Chain adjacent = chain120();
    std::swap(adjacent.entries[59], adjacent.entries[60]);
    checkBadAt(verify(adjacent), 60, QStringLiteral("entry 60 is missing"));

    // Renumbered and rehashed after the swap.
    rechain(chain, 19);
    checkBadAt(verify(chain), 12,
               QStringLiteral("entries 12 to 30 differ from what the checkpoint at entry 30 "
                              "signed"));
}

TEST_CASE("A log cut short inside the signed range is found from the last checkpoint that "
          "still matches") {
    // Entries 54 to 60 still hash, but a cut and a removal with the rest renumbered look
    // alike: after the checkpoint at entry 53 nothing is vouched for.
    Chain chain = chain120();
    chain.entries.resize(60);
    checkBadAt(verify(chain), 54,
               QStringLiteral("the log ends at entry 60 but a checkpoint signs entry 76: entries "
                              "were removed"));

    Chain removed = chain120();
    removed.entries.resize(76);
    removed.entries.erase(removed.entries.begin() + 69);
    rechain(removed, 69);
    // (entry 76 needed its checkpoint at once: renumbered to 75, it now lacks one)
    checkBadAt(verify(removed), 54, QStringLiteral("the checkpoint after entry 75 is missing"));

    Chain empty = chain120();
    empty.entries.clear();
    checkBadAt(verify(empty), 1,
               QStringLiteral("the log ends at entry 0 but a checkpoint signs entry 7: entries "
                              "were removed"));

    // Entries after the last checkpoint are protected by the database's encryption only.
    Chain tail = chain120();
    tail.entries.resize(110);
    const audit::Verification result = verify(tail);
    CHECK(result.ok);
    CHECK(result.signedThrough == 100);
}

TEST_CASE("Rewriting an entry and every hash after it is caught by the next checkpoint") {
    Chain chain = chain120();
    REQUIRE(chain.checkpointBefore(60) == 53);
    QByteArray &entry = chain.at(60).entry;
    entry.replace(QByteArrayLiteral("\"n\":60"), QByteArrayLiteral("\"n\":61"));
    REQUIRE(entry.contains("\"n\":61"));
    rechain(chain, 59);
    REQUIRE(chain.at(60).seq == 60);

    checkBadAt(verify(chain), 54,
               QStringLiteral("entries 54 to 76 differ from what the checkpoint at entry 76 "
                              "signed"));

    // Removing the checkpoints that no longer match doesn't hide it: the first one due is
    // missing, and the entries since the last good one are what can't be trusted.
    for (const std::int64_t seq : {76, 85, 91, 99, 100})
        chain.removeCheckpoint(seq);
    checkBadAt(verify(chain), 54, QStringLiteral("the checkpoint after entry 76 is missing"));
}

TEST_CASE("A checkpoint without a valid signature by this vault's key is refused") {
    SECTION("a changed signature") {
        Chain chain = chain120();
        chain.checkpointAt(30).signature[0] ^= 0x01;
        checkBadAt(verify(chain), 12,
                   QStringLiteral("the checkpoint at entry 30 is not signed by this vault's "
                                  "device key"));
    }
    SECTION("a rewritten log signed with another key") {
        const auto attacker = crypto::Ed25519PrivateKey::generate();
        Chain chain = chain120();
        chain.at(60).entry.replace(QByteArrayLiteral("\"n\":60"), QByteArrayLiteral("\"n\":61"));
        rechain(chain, 59);
        for (auto &checkpoint : chain.checkpoints) {
            if (checkpoint.seq >= 60)
                checkpoint =
                    signedCheckpoint(attacker, checkpoint.seq, chain.at(checkpoint.seq).hash);
        }
        checkBadAt(verify(chain), 54,
                   QStringLiteral("the checkpoint at entry 76 is not signed by this vault's "
                                  "device key"));
    }
    SECTION("a log checked against another device's key") {
        const crypto::Bytes other = crypto::Ed25519PrivateKey::generate().publicKey();
        const Chain &chain = chain120();
        const auto result = audit::verifyChain(chain.entries, chain.checkpoints, other, vaultId());
        checkBadAt(result, 1,
                   QStringLiteral("the checkpoint at entry 7 is not signed by this vault's device "
                                  "key"));
        CHECK(audit::verifyChain(chain.entries, chain.checkpoints, {}, vaultId()).firstBadSeq ==
              std::optional<std::int64_t>(1));
    }
}

TEST_CASE("A required checkpoint that is missing is found, from the last good checkpoint on") {
    SECTION("after a share") {
        Chain chain = chain120();
        chain.removeCheckpoint(30);
        checkBadAt(verify(chain), 12, QStringLiteral("the checkpoint after entry 30 is missing"));
    }
    SECTION("after the 50th entry") {
        Chain chain = chain120();
        chain.removeCheckpoint(50);
        checkBadAt(verify(chain), 49, QStringLiteral("the checkpoint after entry 50 is missing"));
    }
    SECTION("the first one") {
        Chain chain = chain120();
        chain.removeCheckpoint(7);
        checkBadAt(verify(chain), 1, QStringLiteral("the checkpoint after entry 7 is missing"));
    }
}

TEST_CASE("A checkpoint signed for another vault is refused") {
    Chain chain = chain120();
    audit::Checkpoint &checkpoint = chain.checkpointAt(41);
    checkpoint =
        signedCheckpoint(deviceKey(), 41, checkpoint.head, QStringLiteral("another vault"));
    checkBadAt(verify(chain), 31,
               QStringLiteral("the checkpoint at entry 41 is not signed by this vault's device "
                              "key"));

    // A whole log exported from one vault doesn't verify as another's.
    const Chain &clean = chain120();
    const auto result =
        audit::verifyChain(clean.entries, clean.checkpoints, deviceKey().publicKey(),
                           QStringLiteral("fedcba9876543210fedcba9876543210"));
    CHECK_FALSE(result.ok);
    CHECK(result.firstBadSeq.value_or(0) == 1);
}

TEST_CASE("An entry that is not canonical is refused even with a matching hash") {
    const QByteArray at = QByteArrayLiteral("\"2026-11-02T09:12:20.260Z\"");
    const std::vector<QByteArray> entries{
        "{\"at\": " + at + ",\"data\":{},\"kind\":\"draft.created\"}",
        "{\"kind\":\"draft.created\",\"at\":" + at + ",\"data\":{}}",
        "{\"at\":" + at + ",\"data\":{},\"extra\":1,\"kind\":\"draft.created\"}",
        "{\"at\":" + at + ",\"kind\":\"draft.created\"}",
        "{\"at\":" + at + ",\"data\":[],\"kind\":\"draft.created\"}",
        "{\"at\":" + at + ",\"data\":{},\"kind\":7}",
        R"({"at":"2026-11-02T09:12:20Z","data":{},"kind":"draft.created"})",
        R"({"at":"2026-11-02 09:12:20.260","data":{},"kind":"draft.created"})",
        "{\"at\":" + at + ",\"data\":{},\"kind\":\"\\u0064raft.created\"}",
        "{\"at\":" + at + ",\"data\":{\"n\":1.0},\"kind\":\"draft.created\"}",
        "{\"at\":" + at + ",\"data\":{},\"kind\":\"draft.created\"}\n",
        "{\"at\":" + at + ",\"data\":{},\"data\":{},\"kind\":\"draft.created\"}",
        "[]",
        "not json",
        "",
    };
    // The canonical form passes, so the others fail for their form alone.
    {
        Chain chain = chain120();
        chain.at(20).entry = "{\"at\":" + at + ",\"data\":{},\"kind\":\"draft.created\"}";
        rechain(chain, 19);
        CHECK(verify(chain).firstBadSeq.value_or(0) == 12);
    }
    for (const QByteArray &entry : entries) {
        INFO(entry.toStdString());
        // After the last checkpoint nothing but the form vouches for an entry: it is
        // checked in full, and named.
        Chain tail = chain120();
        std::int64_t lastSigned = 0;
        for (const auto &checkpoint : tail.checkpoints)
            lastSigned = std::max(lastSigned, checkpoint.seq);
        const std::int64_t seq = lastSigned + 1;
        REQUIRE(seq <= 120);
        tail.at(seq).entry = entry;
        rechain(tail, int(seq - 1));
        checkBadAt(verify(tail), seq,
                   QStringLiteral("entry %1 is not a well-formed audit entry").arg(seq));
        // Inside the signed range the checkpoint that no longer matches gives it away.
        Chain inside = chain120();
        inside.at(20).entry = entry;
        rechain(inside, 19);
        CHECK_FALSE(verify(inside).ok);
        CHECK(verify(inside).firstBadSeq.value_or(0) == 12);
    }
}

TEST_CASE("Two checkpoints for one entry are refused") {
    Chain chain = chain120();
    chain.checkpoints.push_back(chain.checkpointAt(30));
    checkBadAt(verify(chain), 30, QStringLiteral("two checkpoints at entry 30"));
}

TEST_CASE("Progress counts every entry, and the check stops when asked") {
    const Chain &chain = chain120();
    std::vector<std::pair<std::int64_t, std::int64_t>> calls;
    const audit::Verification done = verify(chain, [&](std::int64_t entries, std::int64_t total) {
        calls.emplace_back(entries, total);
        return true;
    });
    CHECK(done.ok);
    REQUIRE(calls.size() == 120);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        CHECK(calls[i].first == std::int64_t(i) + 1);
        CHECK(calls[i].second == 120);
    }

    int asked = 0;
    const audit::Verification cancelled = verify(chain, [&](std::int64_t entries, std::int64_t) {
        ++asked;
        return entries < 30;
    });
    CHECK_FALSE(cancelled.ok);
    CHECK(asked == 30);
    CHECK(cancelled.entries == 30);
    CHECK(cancelled.problem == QStringLiteral("cancelled"));
    CHECK(cancelled.reason == audit::Problem::Cancelled);
    CHECK_FALSE(cancelled.firstBadSeq.has_value());

    bool called = false;
    CHECK(verify(Chain{}, [&](std::int64_t, std::int64_t) {
              called = true;
              return false;
          }).ok);
    CHECK_FALSE(called);
}

namespace {

std::int64_t pick(std::mt19937_64 &rng, std::int64_t lowest, std::int64_t highest) {
    return std::uniform_int_distribution<std::int64_t>(lowest, highest)(rng);
}

// A clean chain of size entries: mostly ordinary kinds, about one in twenty signed at once.
Chain randomChain(std::mt19937_64 &rng, std::int64_t size) {
    Chain chain;
    for (std::int64_t seq = 1; seq <= size; ++seq) {
        const bool signedAtOnce = pick(rng, 0, 19) == 0;
        const QStringList &kinds = signedAtOnce ? checkpointKinds() : ordinaryKinds();
        append(chain, kinds.at(qsizetype(pick(rng, 0, kinds.size() - 1))));
    }
    return chain;
}

struct Mutation {
    std::string description;
    std::int64_t firstChanged = 0; // the seq of the first row that is no longer as signed
};

// One change, at or before the last checkpoint, of a copy of a clean chain: what a
// storage fault or an attacker without the device key could do.
Mutation mutate(Chain &chain, std::mt19937_64 &rng) {
    const std::int64_t size = std::int64_t(chain.entries.size());
    const std::int64_t signedThrough = chain.lastCheckpoint();
    const std::int64_t seq = pick(rng, 1, signedThrough);
    const auto index = std::size_t(seq - 1);
    const bool rehash = pick(rng, 0, 1) == 1;
    std::ostringstream out;
    switch (pick(rng, 0, 6)) {
    case 0: {
        QByteArray &entry = chain.entries[index].entry;
        const auto byte = qsizetype(pick(rng, 0, entry.size() - 1));
        entry[byte] = char(entry[byte] ^ char(pick(rng, 1, 255)));
        if (rehash)
            rechain(chain, index);
        out << "entry byte " << byte << " of entry " << seq << (rehash ? ", rehashed" : "");
        return {out.str(), seq};
    }
    case 1: {
        crypto::Bytes &hash = chain.entries[index].hash;
        const auto byte = std::size_t(pick(rng, 0, 31));
        hash[byte] = std::uint8_t(hash[byte] ^ pick(rng, 1, 255));
        out << "hash byte " << byte << " of entry " << seq;
        return {out.str(), seq};
    }
    case 2: {
        const std::int64_t values[] = {seq - 1,
                                       seq + 1,
                                       0,
                                       -seq,
                                       pick(rng, 1, 2 * size),
                                       std::numeric_limits<std::int64_t>::max()};
        std::int64_t value = values[pick(rng, 0, 5)];
        if (value == seq)
            value = seq + 7;
        chain.entries[index].seq = value;
        out << "seq of entry " << seq << " set to " << value;
        return {out.str(), seq};
    }
    case 3:
        chain.entries.erase(chain.entries.begin() + std::ptrdiff_t(index));
        if (rehash)
            rechain(chain, index);
        out << "entry " << seq << " deleted" << (rehash ? ", later ones renumbered" : "");
        return {out.str(), seq};
    case 4: {
        const QStringList &kinds = pick(rng, 0, 3) == 0 ? checkpointKinds() : ordinaryKinds();
        const QString kind = kinds.at(qsizetype(pick(rng, 0, kinds.size() - 1)));
        chain.entries.insert(chain.entries.begin() + std::ptrdiff_t(index), forgedEntry(seq, kind));
        rechain(chain, index);
        out << "forged " << kind.toStdString() << " inserted as entry " << seq
            << ", later ones renumbered";
        return {out.str(), seq};
    }
    case 5: {
        std::int64_t other = pick(rng, 1, size - 1);
        if (other >= seq)
            ++other;
        std::swap(chain.entries[index], chain.entries[std::size_t(other - 1)]);
        const std::int64_t first = std::min(seq, other);
        if (rehash)
            rechain(chain, std::size_t(first - 1));
        out << "entries " << seq << " and " << other << " swapped"
            << (rehash ? ", renumbered" : "");
        return {out.str(), first};
    }
    default: {
        const std::int64_t kept = pick(rng, 0, signedThrough - 1);
        chain.entries.resize(std::size_t(kept));
        out << "log cut after entry " << kept;
        return {out.str(), kept + 1};
    }
    }
}

} // namespace

TEST_CASE("Ten thousand random changes to signed entries are all detected") {
    const int Mutations = int(cc::test::randomizedCount(10'000));
    constexpr int CleanChains = 8;
    const auto seed = Catch::getSeed();
    std::cout << "audit chain: seed " << seed << " (rerun with --rng-seed " << seed << ")\n";
    std::mt19937_64 rng(seed);

    std::vector<Chain> clean;
    int cleanVerified = 0;
    for (int i = 0; i < CleanChains; ++i) {
        clean.push_back(randomChain(rng, pick(rng, 100, 300)));
        const audit::Verification result = verify(clean.back());
        INFO("clean chain " << i << " of " << clean.back().entries.size() << " entries");
        CHECK(result.ok);
        CHECK(result.entries == std::int64_t(clean.back().entries.size()));
        CHECK(result.checkpoints == std::int64_t(clean.back().checkpoints.size()));
        cleanVerified += result.ok ? 1 : 0;
    }

    int detected = 0;
    int missed = 0;
    for (int i = 0; i < Mutations; ++i) {
        const Chain &original = clean[std::size_t(i) % clean.size()];
        Chain chain = original;
        const Mutation mutation = mutate(chain, rng);
        const audit::Verification result = verify(chain);
        // Everything before the checkpoint preceding the change is genuine; the first
        // changed row may not be reported as trustworthy.
        const std::int64_t lowest = original.checkpointBefore(mutation.firstChanged) + 1;
        const bool caught = !result.ok && result.firstBadSeq && *result.firstBadSeq >= lowest &&
                            *result.firstBadSeq <= mutation.firstChanged &&
                            !result.problem.isEmpty();
        if (caught) {
            ++detected;
        } else if (++missed <= 20) {
            FAIL_CHECK("mutation "
                       << i << " (" << mutation.description << "): ok=" << result.ok
                       << " firstBadSeq=" << (result.firstBadSeq ? *result.firstBadSeq : -1)
                       << " expected in [" << lowest << ", " << mutation.firstChanged
                       << "] problem: " << result.problem.toStdString());
        }
    }

    // The clean chains were never touched, and still verify.
    for (Chain &chain : clean) {
        std::shuffle(chain.checkpoints.begin(), chain.checkpoints.end(), rng);
        const bool ok = verify(chain).ok;
        CHECK(ok);
        cleanVerified += ok ? 1 : 0;
    }

    std::cout << "audit chain: " << detected << " mutations detected of " << Mutations << ", "
              << cleanVerified << " clean logs verified\n";
    CHECK(detected == Mutations);
    CHECK(missed == 0);
    CHECK(cleanVerified == 2 * CleanChains);
}
