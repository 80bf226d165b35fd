// Keys leave memory on lock (DESIGN §4): after Vault::lock() no readable, writable page of
// this process — heap, stacks, the data segments, SQLCipher's locked pages — holds the
// master key, the database key or the media wrap key, as raw bytes or as the hex text
// SQLCipher is keyed with. The scan reads the process's own memory through /proc/self/mem,
// region by region as /proc/self/maps lists them.
//
// The test must not hold the keys itself while it scans, or it would find its own copies:
// it keeps each key only as two random-looking halves (the key XOR a random mask, and the
// mask), and the scanner compares memory against their XOR one byte at a time, so the key
// never exists whole in memory again. A scan while the vault is unlocked must find the
// master and database keys: that shows the scanner sees where the keys live.

#include "consentrequest.h"
#include "crypto/hkdf.h"
#include "crypto/random.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/templates.h"
#include "services/vault.h"
#include "servicetestsupport.h"
#include "storage/fileops.h"

#include <catch2/catch_test_macros.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace cc;
using namespace cc::services;
using namespace cc::services::test;

namespace {

// A secret held as two shares whose XOR is the secret.
struct SplitSecret {
    std::string what;
    std::vector<std::uint8_t> masked;
    std::vector<std::uint8_t> mask;

    [[nodiscard]] std::uint8_t at(std::size_t i) const { return masked[i] ^ mask[i]; }
    [[nodiscard]] std::size_t size() const { return masked.size(); }
};

SplitSecret split(std::string what, crypto::ByteView secret) {
    SplitSecret result{std::move(what), {}, {}};
    const crypto::Bytes mask = crypto::randomBytes(secret.size());
    result.mask.assign(mask.begin(), mask.end());
    result.masked.resize(secret.size());
    for (std::size_t i = 0; i < secret.size(); ++i)
        result.masked[i] = secret[i] ^ result.mask[i];
    return result;
}

// The key, and its hex text in lower and upper case (as SQLCipher is keyed: x'<hex>').
void addKey(std::vector<SplitSecret> &secrets, const std::string &what, crypto::ByteView key) {
    secrets.push_back(split(what, key));
    for (const bool upper : {false, true}) {
        static constexpr char Lower[] = "0123456789abcdef";
        static constexpr char Upper[] = "0123456789ABCDEF";
        const char *digits = upper ? Upper : Lower;
        crypto::SecretBytes hex(key.size() * 2);
        for (std::size_t i = 0; i < key.size(); ++i) {
            hex[2 * i] = std::uint8_t(digits[key[i] >> 4]);
            hex[2 * i + 1] = std::uint8_t(digits[key[i] & 0xF]);
        }
        secrets.push_back(split(what + (upper ? " (HEX)" : " (hex)"), crypto::view(hex)));
    }
}

// How often each secret occurs in the process's readable and writable memory.
std::vector<int> scanOwnMemory(const std::vector<SplitSecret> &secrets) {
    std::vector<int> hits(secrets.size(), 0);
    QFile maps(QStringLiteral("/proc/self/maps"));
    REQUIRE(maps.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = maps.readAll().split('\n');
    maps.close();
    const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    REQUIRE(mem >= 0);

    std::size_t longest = 0;
    for (const auto &secret : secrets)
        longest = std::max(longest, secret.size());
    constexpr std::size_t Chunk = std::size_t{1} << 20;
    // Allocated before the scan and reused, so that the scan itself changes no mapping.
    std::vector<std::uint8_t> buffer(Chunk + longest);
    int regions = 0;
    int skipped = 0;
    std::uint64_t scanned = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2 || fields[1].size() < 2 || fields[1][0] != 'r' || fields[1][1] != 'w')
            continue;
        const QList<QByteArray> range = fields[0].split('-');
        bool okStart = false;
        bool okEnd = false;
        const std::uint64_t start = range.value(0).toULongLong(&okStart, 16);
        const std::uint64_t end = range.value(1).toULongLong(&okEnd, 16);
        if (!okStart || !okEnd || end <= start)
            continue;
        // AddressSanitizer's shadow memory: terabytes reserved, never holding data.
        constexpr std::uint64_t ShadowSize = std::uint64_t{1} << 32;
        if (end - start >= ShadowSize) {
            ++skipped;
            continue;
        }
        ++regions;
        // Each chunk starts where the last ended, with the last longest-1 bytes carried
        // over, so a key across a chunk boundary is seen once.
        std::size_t carried = 0;
        for (std::uint64_t at = start; at < end;) {
            const std::size_t want = std::size_t(std::min<std::uint64_t>(Chunk, end - at));
            const ssize_t got = ::pread(mem, buffer.data() + carried, want, off_t(at));
            if (got <= 0)
                break; // a page that can't be read (a guard page): the rest of the region
            const std::size_t length = carried + std::size_t(got);
            scanned += std::uint64_t(got);
            for (std::size_t s = 0; s < secrets.size(); ++s) {
                const SplitSecret &secret = secrets[s];
                const std::uint8_t first = secret.at(0);
                // Candidates by their first byte through memchr (one position in 256 for a
                // random key): a byte-by-byte loop had made this test take minutes.
                const std::uint8_t *const begin = buffer.data();
                const std::size_t last = length - std::min(length, secret.size() - 1);
                for (const std::uint8_t *found = begin;
                     (found = static_cast<const std::uint8_t *>(
                          std::memchr(found, first, last - std::size_t(found - begin))));
                     ++found) {
                    const std::size_t i = std::size_t(found - begin);
                    std::size_t k = 1;
                    while (k < secret.size() && buffer[i + k] == secret.at(k))
                        ++k;
                    // A match wholly inside the carried bytes was counted last chunk.
                    if (k == secret.size() && i + secret.size() > carried)
                        ++hits[s];
                }
            }
            carried = std::min(length, longest - 1);
            std::copy(buffer.begin() + std::ptrdiff_t(length - carried),
                      buffer.begin() + std::ptrdiff_t(length), buffer.begin());
            at += std::uint64_t(got);
        }
    }
    ::close(mem);
    std::fill(buffer.begin(), buffer.end(), std::uint8_t{0});
    std::printf("key memory scan: %d writable regions, %.1f MiB (%d sanitizer shadow regions "
                "skipped)\n",
                regions, double(scanned) / (1024.0 * 1024.0), skipped);
    REQUIRE(regions > 0);
    REQUIRE(scanned > 0);
    return hits;
}

int hitsFor(const std::vector<SplitSecret> &secrets, const std::vector<int> &hits,
            const std::string &what) {
    for (std::size_t s = 0; s < secrets.size(); ++s) {
        if (secrets[s].what == what)
            return hits[s];
    }
    FAIL("no secret named " << what);
    return 0;
}

} // namespace

TEST_CASE("Locking the vault leaves no master, database or media key in the process's memory") {
    (void)app();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    TestClock clock;
    storage::PosixFileOps files;
    imaging::QImageCodec codec;
    const domain::TemplateCatalog templates = loadBuiltInTemplates();
    Vault vault(
        dir.path(), files, [&clock] { return clock.now; }, [&clock] { return clock.ticks; });
    vault.create(Passcode, FastKdf);

    std::vector<SplitSecret> secrets;
    {
        const crypto::SecretBytes masterKey = vault.masterKey();
        const crypto::SecretBytes dbKey = crypto::deriveKey(crypto::view(masterKey), "db");
        const crypto::SecretBytes wrapKey =
            crypto::deriveKey(crypto::view(masterKey), "media-wrap");
        addKey(secrets, "master key", crypto::view(masterKey));
        addKey(secrets, "database key", crypto::view(dbKey));
        addKey(secrets, "media wrap key", crypto::view(wrapKey));
    }

    // Work that touches every key: photos sealed into the media store and read back, a
    // consent sealed and signed, the audit log appended; then a lock and a second unlock.
    const auto session = [&] {
        ConsentCore core(vault, codec, templates);
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        const auto patient = core.library().addPatient(QStringLiteral("Ada Example"));
        QStringList items;
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            const crypto::Bytes bytes = imaging::demoPhoto(seed, 320, 240);
            items.append(core.library().importPhoto(patient.id, bytes, clock.now.addSecs(-60)).id);
        }
        (void)core.library().thumbnailBytes(items.first());
        (void)core.library().photoBytes(items.last());
        (void)core.consents().seal(cc::test::patientSignedRequest(
            patient.id, items, QStringLiteral("Ada Example"), clock.now, 5));
        REQUIRE(core.audit().verify().ok);
    };
    session();

    SECTION("unlocked, the scan finds the keys where the vault and SQLCipher keep them") {
        const std::vector<int> hits = scanOwnMemory(secrets);
        CHECK(hitsFor(secrets, hits, "master key") >= 1);
        CHECK(hitsFor(secrets, hits, "database key") >= 1);
        vault.lock();
    }
    SECTION("locked, none of them is anywhere, nor after a second unlock, a change of "
            "passcode and a lock") {
        vault.lock();
        std::vector<int> hits = scanOwnMemory(secrets);
        for (std::size_t s = 0; s < secrets.size(); ++s) {
            INFO("after the first lock: " << secrets[s].what);
            CHECK(hits[s] == 0);
        }

        vault.unlock(Passcode);
        session();
        vault.changePasscode(Passcode, QStringLiteral("a new passcode 2026"));
        vault.lock();
        hits = scanOwnMemory(secrets);
        for (std::size_t s = 0; s < secrets.size(); ++s) {
            INFO("after the second lock: " << secrets[s].what);
            CHECK(hits[s] == 0);
        }
    }
}
