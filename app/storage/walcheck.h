#pragma once

#include <QString>

#include <vector>

namespace cc::storage {

// What checkWal() found in a database's write-ahead log (the "-wal" file next to it).
struct WalReport {
    bool present = false;       // the file exists and is not empty
    qint64 frames = 0;          // complete frames in the file
    qint64 validFrames = 0;     // frames, from the first, whose cumulative checksum verifies (and
                                // whose salts match the header, and whose page number is not 0)
    qint64 committedFrames = 0; // valid frames up to and including the last valid commit frame:
                                // what SQLite will read
    // Frames (1-based) where the checksum chain breaks although a LATER frame carries this
    // WAL's salts and a commit marker: committed transactions that SQLite would silently drop.
    std::vector<qint64> damagedFrames;
    QString problem; // empty when nothing is wrong; otherwise plain words ("the WAL header is
                     // damaged: ...", "frame 12 is damaged: 3 committed transactions from there
                     // on would be lost"); several problems are joined with "; "
    [[nodiscard]] bool ok() const { return problem.isEmpty(); }
};

// Reads path (a SQLite WAL file) and checks its header and frames as SQLite's WAL format defines
// them (https://www.sqlite.org/fileformat2.html#walformat): 32-byte header (magic 0x377f0682/
// 0x377f0683 selecting the checksum byte order, version 3007000, page size, checkpoint seq,
// salt-1, salt-2, checksum over the first 24 bytes), frames of a 24-byte header (page number,
// commit size, salt-1, salt-2, cumulative checksum over the first 8 header bytes and the page)
// plus pageSize bytes.
//
// A missing or empty file is present=false and ok. Trailing frames that fail the checksum with no
// later same-salt commit frame are what a crash leaves (never acknowledged) and are not damage;
// neither are frames of an older WAL generation (other salts) after the valid part. A header
// whose checksum fails while the file has frames is damage: SQLite would ignore every frame.
// A header that verifies but names another format version or page size than pageSize is a
// problem too (the log does not belong to such a database), and its frames are then read with
// the header's page size. After the first break the frames are still checked one by one, each
// against the checksum its predecessor stores (or should have stored), so that every damaged
// frame is listed, not just the first. Lost transactions are counted by the commit markers as
// they read (a damaged frame's own marker can't be trusted). A damaged final commit frame looks
// exactly like a torn last write and is not reported; after a power loss (not a mere crash) a
// write that was never acknowledged can, rarely, leave the pattern of damage. Never throws (I/O
// errors go into problem); reads the file in pieces (it can be large).
[[nodiscard]] WalReport checkWal(const QString &path, int pageSize = 4096);

} // namespace cc::storage
