#include "domain/auditchain.h"

#include "crypto/ed25519.h"
#include "domain/canonicaljson.h"
#include "domain/timestamps.h"

#include <QJsonValue>

#include <array>
#include <map>

namespace cc::domain::audit {

namespace {

void appendBigEndian(crypto::Bytes &out, std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(bits >> shift));
}

crypto::ByteView bytesOf(QByteArrayView data) {
    return {reinterpret_cast<const std::uint8_t *>(data.data()), std::size_t(data.size())};
}

// The kind of a well-formed entry (canonical JSON with exactly at, data and kind);
// nullopt for anything else.
std::optional<QString> entryKind(const QByteArray &entry) {
    try {
        const QJsonValue value = parseJsonStrict(entry);
        const QJsonObject object = value.toObject();
        const QJsonValue kind = object.value(QStringLiteral("kind"));
        if (value.isObject() && object.size() == 3 && kind.isString() &&
            object.value(QStringLiteral("data")).isObject() &&
            parseIsoUtc(object.value(QStringLiteral("at")).toString()).has_value() &&
            canonicalJson(value) == entry)
            return kind.toString();
    } catch (const JsonError &) {
    }
    return std::nullopt;
}

// The kind of an entry written the way makeEntry writes it (canonical, so "kind" is the
// last member), read without parsing; empty when the entry does not end that way.
QString quickKind(const QByteArray &entry) {
    static const QByteArray Marker = QByteArrayLiteral(",\"kind\":\"");
    if (!entry.endsWith("\"}"))
        return {};
    const qsizetype at = entry.lastIndexOf(Marker);
    if (at < 0)
        return {};
    const qsizetype start = at + Marker.size();
    const QByteArrayView kind(entry.constData() + start, entry.size() - 2 - start);
    if (kind.contains('"') || kind.contains('\\'))
        return {};
    return QString::fromUtf8(kind);
}

} // namespace

QByteArray makeEntry(const QString &kind, const QDateTime &at, const QJsonObject &data) {
    return canonicalJson(QJsonObject{{QStringLiteral("at"), isoUtc(at)},
                                     {QStringLiteral("data"), data},
                                     {QStringLiteral("kind"), kind}});
}

crypto::Bytes genesisHash() {
    return crypto::Bytes(32, 0);
}

crypto::Sha256Digest chainHash(std::int64_t seq, QByteArrayView entry, crypto::ByteView previous) {
    crypto::Sha256 hash;
    std::array<std::uint8_t, 9> prefix{}; // 0x00, then seq as 8 bytes big-endian
    const auto bits = static_cast<std::uint64_t>(seq);
    for (std::size_t i = 0; i < 8; ++i)
        prefix[1 + i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
    hash.update(prefix);
    hash.update(bytesOf(entry));
    hash.update(previous);
    return hash.finish();
}

crypto::Bytes checkpointMessage(const QString &vaultId, std::int64_t seq, crypto::ByteView head) {
    const QByteArray domain = QByteArrayLiteral("consentcam/audit-checkpoint/v1");
    const QByteArray vault = vaultId.toUtf8();
    crypto::Bytes message(domain.begin(), domain.end());
    message.push_back(0x00);
    message.insert(message.end(), vault.begin(), vault.end());
    message.push_back(0x00);
    appendBigEndian(message, seq);
    message.insert(message.end(), head.begin(), head.end());
    return message;
}

bool needsCheckpoint(const QString &kind) {
    static const QStringList Kinds{
        QStringLiteral("post.recorded"), QStringLiteral("media.exported"),
        QStringLiteral("consent.revoked"), QStringLiteral("consent.sealed")};
    return Kinds.contains(kind);
}

bool checkpointDueAt(std::int64_t seq, const QString &kind) {
    return seq % CheckpointInterval == 0 || needsCheckpoint(kind);
}

Verification verifyChain(const std::vector<Entry> &entries,
                         const std::vector<Checkpoint> &checkpoints, crypto::ByteView publicKey,
                         const QString &vaultId, const Progress &progress) {
    Verification result;
    const auto fail = [&](std::int64_t seq, Problem reason, const QString &problem) {
        result.ok = false;
        result.reason = reason;
        result.firstBadSeq = seq;
        result.problem = problem;
        return result;
    };

    std::map<std::int64_t, const Checkpoint *> bySeq;
    for (const auto &checkpoint : checkpoints) {
        if (!bySeq.emplace(checkpoint.seq, &checkpoint).second)
            return fail(checkpoint.seq, Problem::DuplicateCheckpoint,
                        QStringLiteral("two checkpoints at entry %1").arg(checkpoint.seq));
    }

    const auto total = std::int64_t(entries.size());
    crypto::Bytes previous = genesisHash();
    std::int64_t lastSigned = 0; // entries up to here are covered by a verified checkpoint
    for (const auto &row : entries) {
        const std::int64_t expected = result.entries + 1;
        if (row.seq != expected) {
            if (row.seq > expected)
                return fail(expected, Problem::EntryMissing,
                            QStringLiteral("entry %1 is missing").arg(expected));
            return fail(expected, Problem::EntryOutOfOrder,
                        QStringLiteral("entry %1 is out of order").arg(row.seq));
        }
        const QString kind = quickKind(row.entry);
        const auto hash = chainHash(row.seq, row.entry, previous);
        if (!crypto::equalConstantTime(hash, row.hash))
            return fail(row.seq, Problem::EntryAltered,
                        QStringLiteral("entry %1 does not match its hash").arg(row.seq));
        previous.assign(hash.begin(), hash.end());
        ++result.entries;

        const auto found = bySeq.find(row.seq);
        if (found == bySeq.end()) {
            // Then nothing since the last good checkpoint is signed, and the change can be
            // anywhere in it: a deleted or inserted entry moves a share off its checkpoint, a
            // rewrite drops the checkpoint that would give it away.
            if (checkpointDueAt(row.seq, kind))
                return fail(
                    lastSigned + 1, Problem::CheckpointMissing,
                    QStringLiteral("the checkpoint after entry %1 is missing").arg(row.seq));
        } else {
            const Checkpoint &checkpoint = *found->second;
            const auto message = checkpointMessage(vaultId, checkpoint.seq, checkpoint.head);
            if (!crypto::ed25519Verify(publicKey, message, checkpoint.signature))
                return fail(lastSigned + 1, Problem::CheckpointForged,
                            QStringLiteral("the checkpoint at entry %1 is not signed by this "
                                           "vault's device key")
                                .arg(row.seq));
            if (!crypto::equalConstantTime(checkpoint.head, previous))
                return fail(lastSigned + 1, Problem::CheckpointMismatch,
                            QStringLiteral("entries %1 to %2 differ from what the checkpoint at "
                                           "entry %2 signed")
                                .arg(lastSigned + 1)
                                .arg(row.seq));
            ++result.checkpoints;
            lastSigned = row.seq;
            bySeq.erase(found);
        }
        if (progress && !progress(result.entries, total)) {
            result.reason = Problem::Cancelled;
            result.problem = QStringLiteral("cancelled");
            return result;
        }
    }
    if (!bySeq.empty()) {
        // A cut tail and an entry removed with the rest renumbered look the same: either
        // way nothing after the last checkpoint that still matched is vouched for.
        const std::int64_t seq = bySeq.begin()->first;
        return fail(lastSigned + 1, Problem::EntriesRemoved,
                    QStringLiteral("the log ends at entry %1 but a checkpoint signs entry %2: "
                                   "entries were removed")
                        .arg(result.entries)
                        .arg(seq));
    }
    // Entries a verified checkpoint covers are exactly what the app wrote and signed. Those
    // after the last checkpoint are checked in full: canonical JSON with at, data and kind.
    for (auto row = entries.begin() + lastSigned; row != entries.end(); ++row) {
        const auto kind = entryKind(row->entry);
        if (!kind || *kind != quickKind(row->entry))
            return fail(row->seq, Problem::Malformed,
                        QStringLiteral("entry %1 is not a well-formed audit entry").arg(row->seq));
    }
    result.ok = true;
    result.signedThrough = lastSigned;
    return result;
}

} // namespace cc::domain::audit
