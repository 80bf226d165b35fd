#pragma once

// The tamper-evident audit chain (DESIGN §4.2), as pure functions over rows so the same
// code verifies a vault's log and an exported copy off the device.
//
// Entry i (seq from 1, no gaps) is canonical JSON {"at":…,"data":{…},"kind":"…"} and
//   h_i = SHA-256(0x00 || seq as 8 bytes big-endian || entry || h_{i-1}),  h_0 = 32 zero bytes.
// A checkpoint signs (seq, h_seq) with the device key; one is required after every
// CheckpointInterval-th entry and after every entry whose kind needsCheckpoint().
// Entries after the last checkpoint are protected by the database's encryption only.

#include "crypto/bytes.h"
#include "crypto/hash.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cc::domain::audit {

constexpr std::int64_t CheckpointInterval = 50;

struct Entry {
    std::int64_t seq = 0;
    QByteArray entry; // canonical JSON
    crypto::Bytes hash;
};

struct Checkpoint {
    std::int64_t seq = 0;
    crypto::Bytes head;      // h_seq
    crypto::Bytes signature; // Ed25519 over checkpointMessage()
};

// The canonical bytes of an entry. Throws JsonError for data JCS can't carry.
[[nodiscard]] QByteArray makeEntry(const QString &kind, const QDateTime &at,
                                   const QJsonObject &data);
[[nodiscard]] crypto::Bytes genesisHash();
[[nodiscard]] crypto::Sha256Digest chainHash(std::int64_t seq, QByteArrayView entry,
                                             crypto::ByteView previous);
// "consentcam/audit-checkpoint/v1" 0x00 vaultId 0x00 seq(8, big-endian) head(32).
[[nodiscard]] crypto::Bytes checkpointMessage(const QString &vaultId, std::int64_t seq,
                                              crypto::ByteView head);
// Kinds after which a checkpoint is taken at once: shares, exports, revocations, seals.
[[nodiscard]] bool needsCheckpoint(const QString &kind);
[[nodiscard]] bool checkpointDueAt(std::int64_t seq, const QString &kind);

// Why a log does not verify, for a screen to explain in its own words (problem below is
// plain English, for logs and the CLI).
enum class Problem {
    None,                // the log verifies
    Cancelled,           // the progress callback stopped the check
    DuplicateCheckpoint, // two checkpoints sign the same entry
    EntryMissing,        // a sequence number is skipped
    EntryOutOfOrder,     // a sequence number repeats or goes back
    EntryAltered,        // an entry does not match its hash
    CheckpointMissing,   // a checkpoint the rules require is not there
    CheckpointForged,    // a checkpoint is not signed by the vault's device key
    CheckpointMismatch,  // the entries differ from what a checkpoint signed
    EntriesRemoved,      // a checkpoint signs an entry past the end of the log
    Malformed,           // an entry after the last checkpoint is not a well-formed entry
    WrongStart,          // the log does not begin with the vault's creation and its key
    IndexMismatch,       // the columns the log is filtered by differ from the entry
    Empty,               // the log has no entries at all
    ExportUnreadable,    // an export that can't be read as one (verifyExport only)
};

struct Verification {
    bool ok = false;
    Problem reason = Problem::None; // set with problem
    std::int64_t entries = 0;       // entries read
    std::int64_t checkpoints = 0;   // checkpoints whose signature and head verified
    std::int64_t signedThrough = 0; // seq of the last verified checkpoint
    // The first entry that is missing, altered, or not covered by the checkpoint that
    // should sign it; with problem in plain words.
    std::optional<std::int64_t> firstBadSeq;
    QString problem;
};

// Progress: (entries done, entries in all); return false to stop (the result then says
// the check was cancelled).
using Progress = std::function<bool(std::int64_t, std::int64_t)>;

// Verifies entries (in stored order) and checkpoints (any order) against publicKey and
// vaultId: the sequence, every hash, every checkpoint's signature and head, the required
// checkpoints, and that every entry after the last checkpoint is well formed (those a
// checkpoint covers are what the app signed). Never throws.
[[nodiscard]] Verification verifyChain(const std::vector<Entry> &entries,
                                       const std::vector<Checkpoint> &checkpoints,
                                       crypto::ByteView publicKey, const QString &vaultId,
                                       const Progress &progress = {});

} // namespace cc::domain::audit
