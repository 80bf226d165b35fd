// P2, P3 and P4: the vault's own work against what can't be avoided.
//
// P2 seals a generated photo of --megapixels (12) into a vault on the file system of
// --dir: hash, encryption, durable write, encrypted thumbnail and row, as the library does
// on import; the baseline is what any app must do with the same bytes: decode them scaled
// to the thumbnail's 512 px and write them once durably.
// P3 runs the app's main queries on the vault's SQLCipher database and on a plaintext
// export of it (sqlcipher_export), over the same handles' settings, with the page caches
// emptied before each round, so every page read is decrypted and authenticated.
// P4 times a gate decision, a revocation's impact and a gallery's first page on two
// synthetic vaults (consentcam-cli seed-scale) of different sizes.

#include "benchsupport.h"

#include "crypto/hash.h"
#include "domain/vocabulary.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/libraryservice.h"
#include "services/scaleseeder.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/database.h"
#include "storage/fileops.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <random>

namespace cc::bench {

namespace {

constexpr crypto::ScryptParams BenchKdf{std::uint64_t{1} << 14, 8, 1};

// A scratch directory on the file system the vault would live on (not /tmp, which may be
// a RAM disk where syncs cost nothing).
QTemporaryDir scratchIn(const QStringList &args) {
    const QString parent = option(args, QStringLiteral("dir"), QDir::currentPath());
    QDir().mkpath(parent);
    QTemporaryDir dir(QDir(parent).filePath(QStringLiteral("bench-XXXXXX")));
    if (!dir.isValid())
        die(QStringLiteral("can't make a scratch directory in %1").arg(parent));
    return dir;
}

int intOption(const QStringList &args, const char *name, int fallback, int min, int max) {
    bool ok = false;
    const int value = option(args, QLatin1StringView(name), QString::number(fallback)).toInt(&ok);
    if (!ok || value < min || value > max)
        die(QStringLiteral("--%1 must be %2 to %3").arg(QLatin1StringView(name)).arg(min).arg(max));
    return value;
}

// A fresh vault with the built-in forms and the real codec, unlocked.
struct OpenVault {
    explicit OpenVault(const QString &directory, storage::FileOps &files)
        : vault(directory, files) {}
    services::Vault vault;
    imaging::QImageCodec codec;
    domain::TemplateCatalog templates = services::loadBuiltInTemplates();
    std::optional<services::ConsentCore> core;
    void open() { core.emplace(vault, codec, templates); }
};

// A small JPEG that differs for every n: a comment segment with n after the start marker.
crypto::Bytes numbered(const crypto::Bytes &base, qint64 n) {
    const QByteArray text = "bench " + QByteArray::number(n);
    const auto length = std::size_t(text.size()) + 2;
    // Sized once and filled by copying: GCC 12 at -O3 misreads growing inserts here.
    crypto::Bytes jpeg(base.size() + 2 + length);
    auto out = std::copy(base.begin(), base.begin() + 2, jpeg.begin());
    *out++ = 0xFF;
    *out++ = 0xFE;
    *out++ = std::uint8_t(length >> 8);
    *out++ = std::uint8_t(length & 0xFF);
    out = std::copy(text.begin(), text.end(), out);
    std::copy(base.begin() + 2, base.end(), out);
    return jpeg;
}

} // namespace

bool sealPhoto(const QStringList &args) {
    const int megapixels = intOption(args, "megapixels", 12, 1, 48);
    const int runs = intOption(args, "runs", 7, 1, 100);
    QTemporaryDir scratch = scratchIn(args);
    const int width = int(std::lround(std::sqrt(megapixels * 1e6 * 4.0 / 3.0)));
    const int height = width * 3 / 4;
    const crypto::Bytes jpeg = imaging::demoPhoto(7, width, height);
    detail("sealing a %dx%d JPEG of %.1f MB (median of %d)", width, height,
           double(jpeg.size()) / 1e6, runs);

    storage::PosixFileOps files;
    OpenVault open(QDir(scratch.path()).filePath(QStringLiteral("vault")), files);
    QDir().mkpath(open.vault.directory());
    open.vault.create(QStringLiteral("bench-passcode"), BenchKdf);
    open.open();
    const auto patient = open.core->library().addPatient(QStringLiteral("Bench Example (demo)"));
    const QString baselineDir = QDir(scratch.path()).filePath(QStringLiteral("baseline"));
    QDir().mkpath(baselineDir);

    std::vector<double> sealed, baseline, decoded, hashed;
    for (int rep = 0; rep <= runs; ++rep) { // the first round warms up and is not counted
        const double base = seconds([&] {
            const QImage thumb = imaging::QImageCodec::decodeUpright(jpeg, 512);
            if (thumb.isNull())
                die(QStringLiteral("the generated photo does not decode"));
            storage::writeFileDurably(
                files, QDir(baselineDir).filePath(QStringLiteral("%1.jpg").arg(rep)), jpeg);
        });
        const double seal = seconds([&] {
            (void)open.core->library().importPhoto(patient.id, jpeg,
                                                   QDateTime::currentDateTimeUtc());
        });
        // Where the seal's time goes: its one decode (size, damage check and thumbnail)
        // and its hash; the rest is encryption and the durable writes.
        const double decode = seconds(
            [&] { (void)open.codec.import(jpeg, services::LibraryService::ThumbnailEdge); });
        const double hash = seconds([&] { (void)crypto::sha256(crypto::view(jpeg)); });
        if (rep > 0) {
            baseline.push_back(base);
            sealed.push_back(seal);
            decoded.push_back(decode);
            hashed.push_back(hash);
        }
    }
    detail("of the seal: decode and thumbnail %.1f ms, SHA-256 %.1f ms", median(decoded) * 1e3,
           median(hashed) * 1e3);
    detail("baseline (decode to 512 px + one durable write): %.1f ms", median(baseline) * 1e3);
    detail("seal (import into the vault):                  %.1f ms", median(sealed) * 1e3);
    return reportFigure("P2", "seal_12mp_photo", medianRatio(sealed, baseline), Bound::AtMost,
                        1.25);
}

namespace {

// The app's main read queries (as the repositories issue them), each with how its
// parameter is chosen.
struct Query {
    const char *name;
    const char *sql;
    const char *parameterSql; // picks a random parameter value; null: no parameter
};

constexpr Query MainQueries[] = {
    {"patients page",
     "SELECT id, display_name, mrn, birth_date, created_at FROM patients "
     "ORDER BY display_name COLLATE NOCASE, id LIMIT 50 OFFSET 0",
     nullptr},
    {"a patient's photos",
     "SELECT * FROM photos WHERE patient_id = ?1 AND role = 'clinical' "
     "ORDER BY captured_at DESC, id",
     "SELECT id FROM patients WHERE rowid = ?1"},
    {"consents naming a hash (the gate)",
     "SELECT * FROM consents WHERE id IN (SELECT consent_id FROM consent_items "
     "WHERE sha256 = ?1) ORDER BY sealed_at, id",
     "SELECT sha256 FROM photos WHERE rowid = ?1"},
    {"a consent's items",
     "SELECT item_kind, item_id, sha256 FROM consent_items WHERE consent_id = ?1 ORDER BY item_id",
     "SELECT id FROM consents WHERE rowid = ?1"},
    {"posts depending on a consent (revocation)",
     "SELECT DISTINCT p.id FROM posts p JOIN post_consents c ON c.post_id = p.id "
     "WHERE p.status = 'published' AND c.consent_id = ?1 AND NOT EXISTS ("
     "  SELECT 1 FROM post_consents other WHERE other.post_id = c.post_id "
     "  AND other.item_id = c.item_id "
     "  AND other.consent_id NOT IN (SELECT consent_id FROM revocations)) ORDER BY p.id",
     "SELECT id FROM consents WHERE rowid = ?1"},
    {"a media row (thumbnail read)", "SELECT wrapped_key, size FROM media WHERE id = ?1",
     "SELECT thumb_media_id FROM photos WHERE rowid = ?1"},
    {"audit log page", "SELECT seq, entry, hash FROM audit_log ORDER BY seq DESC LIMIT 100",
     nullptr},
};

struct StmtFree {
    void operator()(sqlite3_stmt *s) const noexcept { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFree>;

Stmt prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        die(QStringLiteral("prepare failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    return Stmt(stmt);
}

// Parameter values, copied out as blobs or text.
struct Value {
    bool blob = false;
    QByteArray bytes;
};

std::vector<Value> sampleParameters(sqlite3 *db, const char *sql, int count, std::mt19937_64 &rng) {
    std::vector<Value> values;
    const char *table = std::strstr(sql, "FROM ") + 5;
    const std::string countSql =
        "SELECT max(rowid) FROM " + std::string(table, std::strcspn(table, " "));
    auto max = prepare(db, countSql.c_str());
    if (sqlite3_step(max.get()) != SQLITE_ROW)
        die(QStringLiteral("no rows to sample"));
    const sqlite3_int64 rows = sqlite3_column_int64(max.get(), 0);
    auto pick = prepare(db, sql);
    while (int(values.size()) < count) {
        sqlite3_reset(pick.get());
        sqlite3_bind_int64(pick.get(), 1, sqlite3_int64(rng() % std::uint64_t(rows)) + 1);
        if (sqlite3_step(pick.get()) != SQLITE_ROW)
            continue;
        Value v;
        v.blob = sqlite3_column_type(pick.get(), 0) == SQLITE_BLOB;
        v.bytes = QByteArray(static_cast<const char *>(sqlite3_column_blob(pick.get(), 0)),
                             sqlite3_column_bytes(pick.get(), 0));
        values.push_back(v);
    }
    return values;
}

// Runs every query once per sampled parameter, reading every column of every row; adds each
// query's time to seconds.
std::int64_t runQueries(sqlite3 *db, const std::vector<std::vector<Value>> &parameters,
                        std::vector<double> &seconds) {
    std::int64_t cells = 0;
    for (std::size_t q = 0; q < std::size(MainQueries); ++q) {
        QElapsedTimer timer;
        timer.start();
        auto stmt = prepare(db, MainQueries[q].sql);
        const std::size_t runs = MainQueries[q].parameterSql ? parameters[q].size() : 20;
        for (std::size_t i = 0; i < runs; ++i) {
            sqlite3_reset(stmt.get());
            if (MainQueries[q].parameterSql) {
                const Value &v = parameters[q][i];
                if (v.blob)
                    sqlite3_bind_blob(stmt.get(), 1, v.bytes.constData(), int(v.bytes.size()),
                                      SQLITE_STATIC);
                else
                    sqlite3_bind_text(stmt.get(), 1, v.bytes.constData(), int(v.bytes.size()),
                                      SQLITE_STATIC);
            }
            int rc;
            while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
                for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c) {
                    (void)sqlite3_column_blob(stmt.get(), c);
                    ++cells;
                }
            }
            if (rc != SQLITE_DONE)
                die(QStringLiteral("query failed: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        }
        seconds[q] += double(timer.nsecsElapsed()) * 1e-9;
    }
    return cells;
}

void exec(sqlite3 *db, const std::string &sql) {
    char *error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const QString message = QString::fromUtf8(error ? error : "unknown error");
        sqlite3_free(error);
        die(QStringLiteral("%1: %2").arg(QString::fromStdString(sql), message));
    }
}

QString pragmaValue(sqlite3 *db, const char *pragma) {
    auto stmt = prepare(db, (std::string("PRAGMA ") + pragma).c_str());
    if (sqlite3_step(stmt.get()) != SQLITE_ROW)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0)));
}

} // namespace

bool keyedQueries(const QStringList &args) {
    const int photos = intOption(args, "photos", 20'000, 100, 10'000'000);
    const int runs = intOption(args, "runs", 9, 1, 100);
    QTemporaryDir scratch = scratchIn(args);
    storage::PosixFileOps real;
    const QString vaultDir = QDir(scratch.path()).filePath(QStringLiteral("vault"));
    QDir().mkpath(vaultDir);
    storage::DeferredSyncFileOps files(real, vaultDir);
    OpenVault open(vaultDir, files);
    open.vault.create(QStringLiteral("bench-passcode"), BenchKdf);
    open.open();
    const crypto::Bytes base = imaging::demoPhoto(11, 64, 48);
    services::ScaleSeeder seeder(
        *open.core, open.vault, [&](qint64 n) { return numbered(base, n); }, &files);
    const auto summary = seeder.generate({photos, photos / 10, photos / 5});
    detail("%lld photos, %lld consents, %lld posts", static_cast<long long>(summary.photos),
           static_cast<long long>(summary.consents), static_cast<long long>(summary.posts));

    sqlite3 *keyed = open.vault.database().handle();
    const QString plainPath = QDir(scratch.path()).filePath(QStringLiteral("plain.db"));
    // The vault's connection opens files without SQLITE_OPEN_CREATE, and an attached
    // database inherits that: the file must exist (empty is an empty database).
    if (QFile empty(plainPath); !empty.open(QIODevice::WriteOnly))
        die(QStringLiteral("can't create %1").arg(plainPath));
    exec(keyed, "ATTACH DATABASE '" + plainPath.toStdString() + "' AS plain KEY ''");
    exec(keyed, "SELECT sqlcipher_export('plain')");
    exec(keyed, "DETACH DATABASE plain");
    sqlite3 *plainRaw = nullptr;
    if (sqlite3_open_v2(plainPath.toUtf8().constData(), &plainRaw, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK)
        die(QStringLiteral("can't open the plaintext export"));
    std::unique_ptr<sqlite3, int (*)(sqlite3 *)> plain(plainRaw, &sqlite3_close_v2);
    // The same page cache and temporary storage as the vault's connection.
    for (const char *setting : {"cache_size", "temp_store", "mmap_size"})
        exec(plain.get(),
             std::string("PRAGMA ") + setting + " = " + pragmaValue(keyed, setting).toStdString());
    detail("keyed: cipher %s, page size %s, cache_size %s, memory security %s",
           pragmaValue(keyed, "cipher_version").toUtf8().constData(),
           pragmaValue(keyed, "cipher_page_size").toUtf8().constData(),
           pragmaValue(keyed, "cache_size").toUtf8().constData(),
           pragmaValue(keyed, "cipher_memory_security").toUtf8().constData());

    std::mt19937_64 rng(2026);
    std::vector<double> keyedTimes, plainTimes;
    // Each query's share over the measured rounds, to show where the difference is.
    std::vector<double> keyedByQuery(std::size(MainQueries)), plainByQuery(std::size(MainQueries));
    std::vector<double> unused(std::size(MainQueries));
    for (int rep = 0; rep <= runs; ++rep) {
        std::vector<std::vector<Value>> parameters;
        for (const Query &query : MainQueries)
            parameters.push_back(query.parameterSql
                                     ? sampleParameters(plain.get(), query.parameterSql, 50, rng)
                                     : std::vector<Value>{});
        // Cold page caches: every page is read (and, keyed, decrypted) again.
        sqlite3_db_release_memory(keyed);
        sqlite3_db_release_memory(plain.get());
        std::int64_t keyedCells = 0, plainCells = 0;
        std::vector<double> &keyedShare = rep > 0 ? keyedByQuery : unused;
        std::vector<double> &plainShare = rep > 0 ? plainByQuery : unused;
        // Which database goes first alternates, so that neither always meets the caches and
        // clock state the other left.
        double k = 0, p = 0;
        const auto runKeyed = [&] {
            k = seconds([&] { keyedCells = runQueries(keyed, parameters, keyedShare); });
        };
        const auto runPlain = [&] {
            p = seconds([&] { plainCells = runQueries(plain.get(), parameters, plainShare); });
        };
        if (rep % 2 == 0) {
            runKeyed();
            runPlain();
        } else {
            runPlain();
            runKeyed();
        }
        if (keyedCells != plainCells)
            die(QStringLiteral("the keyed and plaintext databases differ"));
        if (rep > 0) {
            keyedTimes.push_back(k);
            plainTimes.push_back(p);
        }
    }
    for (std::size_t q = 0; q < std::size(MainQueries); ++q)
        detail("  %-44s keyed %7.2f ms, plaintext %7.2f ms a round (x%.3f)", MainQueries[q].name,
               keyedByQuery[q] * 1e3 / runs, plainByQuery[q] * 1e3 / runs,
               keyedByQuery[q] / plainByQuery[q]);
    detail("main queries, keyed:     %.2f ms a round", median(keyedTimes) * 1e3);
    detail("main queries, plaintext: %.2f ms a round", median(plainTimes) * 1e3);
    return reportFigure("P3", "keyed_vs_plain_queries", medianRatio(keyedTimes, plainTimes),
                        Bound::AtMost, 1.15);
}

namespace {

// One seeded vault, unlocked, and what a round of P4 asks of it.
class ScaleVault {
public:
    ScaleVault(const QString &directory, const QString &passcode)
        : m_open(directory, m_files) {
        m_open.vault.unlock(passcode);
        m_open.open();
        sqlite3 *db = m_open.vault.database().handle();
        m_photoRows = maxRowid(db, "photos");
        m_consentRows = maxRowid(db, "consents");
        m_patientRows = maxRowid(db, "patients");
        const auto policy = m_open.core->settings().policy();
        m_target = {policy.allowedPlatforms.value(0), domain::vocabulary::audiences().value(0),
                    domain::vocabulary::purposes().value(0)};
    }

    [[nodiscard]] qint64 photos() const { return m_photoRows; }

    QString pick(const char *table, qint64 rows, std::mt19937_64 &rng) {
        auto stmt = prepare(m_open.vault.database().handle(),
                            (std::string("SELECT id FROM ") + table + " WHERE rowid = ?1").c_str());
        for (;;) {
            sqlite3_reset(stmt.get());
            sqlite3_bind_int64(stmt.get(), 1, sqlite3_int64(rng() % std::uint64_t(rows)) + 1);
            if (sqlite3_step(stmt.get()) == SQLITE_ROW)
                return QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0)));
        }
    }

    // A gate decision for a random photo.
    void gateDecision(std::mt19937_64 &rng) {
        const QString photo = pick("photos", m_photoRows, rng);
        if (!m_open.core->gate().decide(photo, m_target).allowed)
            die(QStringLiteral("the gate refused a seeded photo"));
    }

    // Revoking a random consent up to its impact (posts to take down, drafts blocked),
    // inside a transaction that is then rolled back: everything but the commit's sync,
    // and the vault stays as seeded.
    void revocationImpact(std::mt19937_64 &rng) {
        const QString consent = pick("consents", m_consentRows, rng);
        auto outer = m_open.vault.database().transaction();
        services::RevocationRequest request;
        request.consentId = consent;
        request.receivedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        request.method = QStringLiteral("other");
        request.note = QStringLiteral("Told the clinic by phone (benchmark).");
        const auto impact = m_open.core->revocations().revoke(request);
        if (impact.postsNeedingTakedown.isEmpty())
            die(QStringLiteral("a seeded consent had no posts to take down"));
        outer.rollback();
    }

    // The patient list's first page, then a random patient's gallery: its photos and the
    // thumbnails of the first screenful.
    void galleryFirstPage(std::mt19937_64 &rng) {
        (void)m_open.core->library().patients({}, 50);
        const QString patient = pick("patients", m_patientRows, rng);
        const auto photos = m_open.core->library().photos(patient);
        for (std::size_t i = 0; i < photos.size() && i < 24; ++i)
            (void)m_open.core->library().thumbnailBytes(photos[i].id);
    }

private:
    static qint64 maxRowid(sqlite3 *db, const char *table) {
        auto stmt = prepare(db, (std::string("SELECT max(rowid) FROM ") + table).c_str());
        if (sqlite3_step(stmt.get()) != SQLITE_ROW || sqlite3_column_int64(stmt.get(), 0) < 1)
            die(QStringLiteral("the vault has no %1").arg(QLatin1StringView(table)));
        return sqlite3_column_int64(stmt.get(), 0);
    }

    storage::PosixFileOps m_files;
    OpenVault m_open;
    qint64 m_photoRows = 0, m_consentRows = 0, m_patientRows = 0;
    domain::GateTarget m_target;
};

} // namespace

bool scaleQueries(const QStringList &args) {
    const QString passcode = option(args, QStringLiteral("passcode"));
    const QString smallDir = option(args, QStringLiteral("small"));
    const QString largeDir = option(args, QStringLiteral("large"));
    if (passcode.isEmpty() || smallDir.isEmpty() || largeDir.isEmpty())
        die(QStringLiteral("scale needs --small DIR --large DIR --passcode CODE"));
    const int runs = intOption(args, "runs", 9, 1, 100);
    const int samples = intOption(args, "samples", 50, 1, 10'000);
    auto timeUnlock = [&](std::unique_ptr<ScaleVault> &into, const QString &dir) {
        return seconds([&] { into = std::make_unique<ScaleVault>(dir, passcode); });
    };
    std::unique_ptr<ScaleVault> small, large;
    const double smallUnlock = timeUnlock(small, smallDir);
    const double largeUnlock = timeUnlock(large, largeDir);
    detail("photos: %lld vs %lld; unlock %.0f ms vs %.0f ms",
           static_cast<long long>(large->photos()), static_cast<long long>(small->photos()),
           largeUnlock * 1e3, smallUnlock * 1e3);

    struct Operation {
        const char *name;
        void (ScaleVault::*run)(std::mt19937_64 &);
    };
    const Operation operations[] = {{"gate_decision", &ScaleVault::gateDecision},
                                    {"revocation_impact", &ScaleVault::revocationImpact},
                                    {"gallery_first_page", &ScaleVault::galleryFirstPage}};
    bool met = true;
    std::mt19937_64 rng(2026);
    for (const Operation &operation : operations) {
        // rounds: runs + 1 rounds of samples on each vault in turn, the first not counted.
        auto rounds = [&](std::vector<double> &smallTimes, std::vector<double> &largeTimes) {
            for (int rep = 0; rep <= runs; ++rep) {
                const double s = seconds([&] {
                    for (int i = 0; i < samples; ++i)
                        (small.get()->*operation.run)(rng);
                });
                const double l = seconds([&] {
                    for (int i = 0; i < samples; ++i)
                        (large.get()->*operation.run)(rng);
                });
                if (rep > 0) {
                    smallTimes.push_back(s / samples);
                    largeTimes.push_back(l / samples);
                }
            }
        };
        // A first pass makes the same random picks as the measured one, so that both vaults
        // meet the measured picks with the pages they read in the page cache: the small
        // vault's file stays cached from its first round on, and without this the large
        // one's (gigabytes) would pay a disk read for each pick it has not made before. The
        // first pass's figure is printed as the cold one.
        const std::mt19937_64 picks = rng;
        std::vector<double> coldSmall, coldLarge;
        rounds(coldSmall, coldLarge);
        rng = picks;
        std::vector<double> smallTimes, largeTimes;
        rounds(smallTimes, largeTimes);
        detail("%-20s %.3f ms (large) vs %.3f ms (small); first pass %.3f vs %.3f ms "
               "(ratio %.3f, not targeted)",
               operation.name, median(largeTimes) * 1e3, median(smallTimes) * 1e3,
               median(coldLarge) * 1e3, median(coldSmall) * 1e3, medianRatio(coldLarge, coldSmall));
        met &= reportFigure("P4", operation.name, medianRatio(largeTimes, smallTimes),
                            Bound::AtMost, 2.0);
    }
    return met;
}

} // namespace cc::bench
