#include "storage/walcheck.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace cc::storage {

namespace {

constexpr quint32 MagicLittleEndian = 0x377f0682; // checksums over little-endian words
constexpr quint32 MagicBigEndian = 0x377f0683;    // checksums over big-endian words
constexpr quint32 FormatVersion = 3007000;
constexpr qint64 HeaderSize = 32;
constexpr qint64 FrameHeaderSize = 24;
constexpr qint64 ReadChunk = 1 << 20; // frames are read about a mebibyte at a time

// The two running sums of SQLite's WAL checksum.
struct Checksum {
    quint32 s0 = 0;
    quint32 s1 = 0;
    bool operator==(const Checksum &) const = default;
};

quint32 bigEndian32(const uchar *bytes) {
    return qFromBigEndian<quint32>(bytes);
}

Checksum storedChecksum(const uchar *bytes) {
    return {bigEndian32(bytes), bigEndian32(bytes + 4)};
}

// SQLite's walChecksumBytes(): the data (a multiple of 8 bytes) as pairs of 32-bit words in
// the byte order the WAL's magic selects, s0 += x0 + s1; s1 += x1 + s0, continuing from sum.
Checksum checksum(const uchar *data, qint64 size, bool bigEndianWords, Checksum sum) {
    for (qint64 i = 0; i + 8 <= size; i += 8) {
        const quint32 x0 = bigEndianWords ? qFromBigEndian<quint32>(data + i)
                                          : qFromLittleEndian<quint32>(data + i);
        const quint32 x1 = bigEndianWords ? qFromBigEndian<quint32>(data + i + 4)
                                          : qFromLittleEndian<quint32>(data + i + 4);
        sum.s0 += x0 + sum.s1;
        sum.s1 += x1 + sum.s0;
    }
    return sum;
}

bool isValidPageSize(qint64 size) {
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

QString counted(qint64 n, const char *singular, const char *plural) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? singular : plural));
}

// "frame 12 is damaged", "frames 12 and 40 are damaged", "frames 3, 12 and 40 are damaged".
QString damagedFramesText(const std::vector<qint64> &frames) {
    if (frames.size() == 1)
        return QStringLiteral("frame %1 is damaged").arg(frames.front());
    QStringList numbers;
    for (const qint64 frame : frames)
        numbers.append(QString::number(frame));
    const QString last = numbers.takeLast();
    return QStringLiteral("frames %1 and %2 are damaged")
        .arg(numbers.join(QStringLiteral(", ")), last);
}

// Reads exactly size bytes; false with problem set when the file can't deliver them.
bool readExactly(QFile &file, char *into, qint64 size, QString &problem) {
    qint64 done = 0;
    while (done < size) {
        const qint64 got = file.read(into + done, size - done);
        if (got < 0) {
            problem = QStringLiteral("can't read the WAL: %1").arg(file.errorString());
            return false;
        }
        if (got == 0) {
            problem = QStringLiteral("can't read the WAL: it became shorter while it was read");
            return false;
        }
        done += got;
    }
    return true;
}

} // namespace

WalReport checkWal(const QString &path, int pageSize) {
    WalReport report;
    const QFileInfo info(path);
    if (!info.exists())
        return report;
    if (!info.isFile()) {
        report.present = true;
        report.problem = QStringLiteral("the WAL is not a regular file");
        return report;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        report.present = info.size() > 0;
        report.problem = QStringLiteral("can't read the WAL: %1").arg(file.errorString());
        return report;
    }
    const qint64 size = file.size();
    if (size <= 0)
        return report;
    report.present = true;
    if (!isValidPageSize(pageSize)) {
        report.problem = QStringLiteral("%1 is not a page size SQLite uses").arg(pageSize);
        return report;
    }
    // A header cut short: the log was being started when the writer stopped, nothing in it
    // was committed.
    if (size < HeaderSize)
        return report;

    uchar header[HeaderSize];
    if (!readExactly(file, reinterpret_cast<char *>(header), HeaderSize, report.problem))
        return report;
    const quint32 magic = bigEndian32(header);
    const bool bigEndianWords = (magic & 1) != 0;
    const quint32 version = bigEndian32(header + 4);
    const quint32 headerPageSize = bigEndian32(header + 8);
    const Checksum headerSum = checksum(header, 24, bigEndianWords, {});
    // What SQLite's recovery demands before it reads any frame; otherwise it treats the log
    // as empty.
    const bool headerValid = (magic == MagicLittleEndian || magic == MagicBigEndian) &&
                             isValidPageSize(headerPageSize) &&
                             headerSum == storedChecksum(header + 24);

    const qint64 framePageSize = headerValid ? qint64(headerPageSize) : qint64(pageSize);
    const qint64 frameSize = FrameHeaderSize + framePageSize;
    report.frames = (size - HeaderSize) / frameSize;
    if (!headerValid) {
        if (report.frames > 0)
            report.problem =
                QStringLiteral("the WAL header is damaged: SQLite would ignore %1")
                    .arg(report.frames == 1
                             ? QStringLiteral("the frame after it")
                             : QStringLiteral("all %1 frames after it").arg(report.frames));
        return report;
    }

    QStringList problems;
    if (version != FormatVersion)
        problems.append(QStringLiteral("the WAL header names format version %1, not %2")
                            .arg(version)
                            .arg(FormatVersion));
    if (framePageSize != pageSize)
        problems.append(QStringLiteral("the WAL holds %1-byte pages, not %2-byte pages")
                            .arg(framePageSize)
                            .arg(pageSize));

    const uchar *salts = header + 16;
    // The strict chain is SQLite's: it ends at the first frame that fails. Past it, each frame
    // is checked against the checksum its predecessor stores, or the one its predecessor
    // should have stored (when the stored one is what was damaged), to find further breaks.
    Checksum expected = headerSum;
    Checksum alternate;
    bool hasAlternate = false;
    bool chainIntact = true;
    std::vector<qint64> breaks;
    qint64 lastSaltedCommit = 0; // the last frame with this WAL's salts and a commit marker
    qint64 saltedCommits = 0;    // such frames in the whole file
    qint64 keptCommits = 0;      // such frames that SQLite reads

    const qint64 chunkFrames = std::max<qint64>(1, ReadChunk / frameSize);
    QByteArray buffer(qsizetype(chunkFrames * frameSize), Qt::Uninitialized);
    qint64 frame = 0;
    while (frame < report.frames) {
        const qint64 count = std::min(chunkFrames, report.frames - frame);
        if (!readExactly(file, buffer.data(), count * frameSize, report.problem))
            return report;
        for (qint64 i = 0; i < count; ++i) {
            ++frame;
            const auto *bytes = reinterpret_cast<const uchar *>(buffer.constData()) + i * frameSize;
            const quint32 pageNumber = bigEndian32(bytes);
            const quint32 commitSize = bigEndian32(bytes + 4);
            const bool saltsMatch = std::memcmp(bytes + 8, salts, 8) == 0;
            const Checksum stored = storedChecksum(bytes + 16);
            const auto frameSum = [&](Checksum from) {
                return checksum(bytes + FrameHeaderSize, framePageSize, bigEndianWords,
                                checksum(bytes, 8, bigEndianWords, from));
            };
            const Checksum computed = frameSum(expected);
            const bool sumMatches =
                computed == stored || (hasAlternate && frameSum(alternate) == stored);
            const bool valid = sumMatches && saltsMatch && pageNumber != 0;

            if (chainIntact && valid) {
                ++report.validFrames;
                if (commitSize != 0)
                    report.committedFrames = frame;
            } else {
                chainIntact = false;
                if (!valid)
                    breaks.push_back(frame);
            }
            if (saltsMatch && commitSize != 0) {
                lastSaltedCommit = frame;
                ++saltedCommits;
                if (frame <= report.committedFrames)
                    ++keptCommits;
            }
            hasAlternate = !sumMatches;
            alternate = computed;
            expected = stored;
        }
    }

    for (const qint64 broken : breaks) {
        if (broken < lastSaltedCommit)
            report.damagedFrames.push_back(broken);
    }
    if (!report.damagedFrames.empty()) {
        const qint64 lost = saltedCommits - keptCommits;
        problems.prepend(QStringLiteral("%1: %2 would be lost")
                             .arg(damagedFramesText(report.damagedFrames),
                                  counted(lost, "committed transaction from there on",
                                          "committed transactions from there on")));
    }
    report.problem = problems.join(QStringLiteral("; "));
    return report;
}

} // namespace cc::storage
