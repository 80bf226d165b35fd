// crash_suite [--iterations N] [--seed S] [--dir DIR] [--writer PATH] [--fresh-every N]
//             [--verify-every N] [--max-delay-ms N]
//
// Kills crash_writer with SIGKILL at random points while it seals consents, imports
// photos, writes stories, revokes, changes the passcode, shares posts and appends to the
// audit log, and after every kill opens the vault as the next user would and counts
//   corrupt            iterations after which the vault is damaged: vault.key unwraps
//                      under neither passcode (or is unreadable), the vault does not
//                      unlock, SQLite's integrity check or the audit chain fails, a blob
//                      does not decrypt or hash to its recorded SHA-256, or the whole-vault
//                      verifier (every --verify-every iterations, and on the last one
//                      of each vault) finds a problem;
//   lost_acknowledged  items the writer acknowledged (printed after the call returned)
//                      that are missing or hash differently, a passcode change it
//                      acknowledged that is not in effect, a passcode change in effect
//                      without its audit entry once the vault is unlocked again;
//   orphans            what is left after the vault's own clean-up at unlock: files in
//                      media/ without a row, rows without their file (unless their bytes
//                      are in the row), media rows no photo or copy names, and anything
//                      else in the vault directory (temporary files included).
// A passcode change that was under way may or may not have taken effect; exactly one of
// the two passcodes must open the vault. An operation under way when the kill came may or
// may not be there; if it is, it must be whole (the verifier and the integrity checks).
//
// Each iteration gives the writer a focus, cycling through the operation kinds and "mix",
// and a random seed; once it reports the vault open (and begins the focus operation) it is
// killed at a random point within that operation, by how long the operation has been
// taking in earlier runs, or now and then up to four times that (a few operations on);
// with the "mix" focus, within --max-delay-ms. The vault grows across iterations and is
// made afresh every --fresh-every iterations (and after damage, so that one fault is
// counted once).
//
// Progress, the seed (--seed repeats a run) and each finding go to standard error.
// Standard output has the kills per operation under way, the acknowledgements per kind,
// what the clean-up at unlock removed and how many passcode changes were cut short, then
// ends with one summary line:
//   crash iterations=N corrupt=0 lost_acknowledged=0 orphans=0 writer_errors=0
// (writer_errors: runs in which the writer failed by itself before the kill.) The exit
// status is 0 only if every count is 0 and every iteration ran; 2 for a usage or set-up
// error.

#include "crashprotocol.h"

#include "domain/practice.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/servicesupport.h"
#include "services/templates.h"
#include "services/vault.h"
#include "services/vaultkeyfile.h"
#include "services/vaultverifier.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/mediastore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace cc;
using namespace cc::services;
namespace protocol = cc::crashtest;

namespace {

const QStringList Passcodes{QStringLiteral("crash-passphrase-alpha"),
                            QStringLiteral("crash-passphrase-bravo")};
// The weakest parameters vault.key accepts (2 MiB, a few milliseconds, as in the fault
// sweep): every writer start unwraps the key once and every passcode change twice; with
// r = 8 that was over a third of each iteration.
constexpr crypto::ScryptParams CheapKdf{std::uint64_t{1} << 14, 1, 1};
constexpr int ProgressEvery = 100;
// How many older acknowledged items of each kind are read back in full per iteration,
// beside the ones acknowledged in it.
constexpr int SampledPerKind = 4;

struct Options {
    int iterations = 10000;
    std::uint64_t seed = 0;
    bool seedGiven = false;
    QString dir;
    QString writer;
    int freshEvery = 500;
    int verifyEvery = 50;
    int maxDelayMs = 100;
};

// Command-line errors and a set-up that fails: exit status 2.
class SetupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void err(const QString &line) {
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void out(const QString &line) {
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

Options parseOptions(const QStringList &args) {
    Options options;
    const auto number = [&](qsizetype &i, int minimum) {
        if (i + 1 >= args.size())
            throw SetupError(args[i].toStdString() + " needs a value");
        bool ok = false;
        const int value = args[++i].toInt(&ok);
        if (!ok || value < minimum)
            throw SetupError(args[i - 1].toStdString() +
                             ": not a number >= " + std::to_string(minimum));
        return value;
    };
    const auto text = [&](qsizetype &i) {
        if (i + 1 >= args.size())
            throw SetupError(args[i].toStdString() + " needs a value");
        return args[++i];
    };
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--iterations")) {
            options.iterations = number(i, 1);
        } else if (arg == QLatin1String("--seed")) {
            bool ok = false;
            options.seed = text(i).toULongLong(&ok);
            if (!ok)
                throw SetupError("--seed: not a number");
            options.seedGiven = true;
        } else if (arg == QLatin1String("--dir")) {
            options.dir = text(i);
        } else if (arg == QLatin1String("--writer")) {
            options.writer = text(i);
        } else if (arg == QLatin1String("--fresh-every")) {
            options.freshEvery = number(i, 1);
        } else if (arg == QLatin1String("--verify-every")) {
            options.verifyEvery = number(i, 1);
        } else if (arg == QLatin1String("--max-delay-ms")) {
            options.maxDelayMs = number(i, 0);
        } else {
            throw SetupError("unknown argument " + arg.toStdString() +
                             " (--iterations N --seed S --dir DIR --writer PATH"
                             " --fresh-every N --verify-every N --max-delay-ms N)");
        }
    }
    return options;
}

// What the writers acknowledged in the current vault, with the values they printed.
struct Acknowledged {
    QSet<QString> patients;
    QHash<QString, QString> photos;      // photo id -> SHA-256 of the original
    QHash<QString, QString> stories;     // story version id -> SHA-256 of the text
    QHash<QString, QString> consents;    // consent id -> SHA-256 of the sealed record
    QHash<QString, QString> revocations; // consent id -> revocation id
    QHash<QString, int> posts;           // post id -> item count
    int passcode = 0;                    // the passcode in effect
    int passcodeChanges = 0;             // changes that took effect, each owed an audit entry
};

// One writer run, from its standard output.
struct Run {
    std::vector<QStringList> acks; // acknowledgement lines, split
    QString pending;               // the kind of the operation under way at the kill
    bool ready = false;
};

struct Counts {
    int iterations = 0;
    int corrupt = 0;
    int lostAcknowledged = 0;
    int orphans = 0;
    int writerErrors = 0;
    std::map<QString, int> killedDuring; // operation kind (or "between") -> kills
    std::map<QString, int> acknowledged; // operation kind -> acknowledgements
    // That the kills land where it matters: files the crash left that the clean-up at
    // unlock removed, and passcode changes cut short (and of those, the ones in effect).
    int leftoversRemoved = 0;
    int passcodeCutShort = 0;
    int passcodeCutShortInEffect = 0;
};

// Complete lines only: a line the kill cut short was never acknowledged.
Run parseRun(const QByteArray &output, int passcodeGiven) {
    Run run;
    const auto end = output.lastIndexOf('\n');
    if (end < 0)
        return run;
    for (const QByteArray &raw : output.left(end).split('\n')) {
        const QStringList parts = QString::fromUtf8(raw).split(QLatin1Char(' '));
        if (parts.size() == 2 && parts[0] == QLatin1String("about")) {
            run.pending = parts[1];
        } else if (parts.size() == 2 && parts[0] == QLatin1String("ready")) {
            if (protocol::passcodeIndex(parts[1]) != passcodeGiven)
                throw std::runtime_error("the writer reports another passcode");
            run.ready = true;
            run.pending.clear();
        } else if (parts.size() >= 2 && protocol::kindFromName(parts[0])) {
            if (parts[0] != run.pending)
                throw std::runtime_error("an acknowledgement of an operation not begun: " +
                                         raw.toStdString());
            run.acks.push_back(parts);
            run.pending.clear();
        } else {
            throw std::runtime_error("a line the writer's protocol does not have: " +
                                     raw.toStdString());
        }
    }
    return run;
}

// What one check of the vault found.
struct Findings {
    QStringList corrupt;
    QStringList lost;
    QStringList orphans;
};

QHash<QString, QString> idToText(storage::Database &db, const char *sql) {
    QHash<QString, QString> map;
    auto query = db.prepare(sql);
    while (query.step())
        map.insert(query.columnText(0), query.columnText(1));
    return map;
}

class Suite {
public:
    Suite(Options options, QString vaultDir)
        : m_options(std::move(options))
        , m_vaultDir(std::move(vaultDir))
        , m_templates(loadBuiltInTemplates())
        , m_rng(m_options.seed) {}

    int run() {
        QElapsedTimer clock;
        clock.start();
        bool fresh = true;
        for (int i = 0; i < m_options.iterations; ++i) {
            if (fresh || (i > 0 && i % m_options.freshEvery == 0)) {
                createVault();
                fresh = false;
            }
            const bool lastOfVault =
                (i + 1) % m_options.freshEvery == 0 || i + 1 == m_options.iterations;
            const bool verify = lastOfVault || (i + 1) % m_options.verifyEvery == 0;
            const QString focus =
                i % 8 < 7 ? protocol::name(protocol::OperationKinds[i % 8]) : protocol::NoFocus;
            const Findings found = iterate(i, focus, m_rng(), verify);
            ++m_counts.iterations;
            m_counts.corrupt += found.corrupt.isEmpty() ? 0 : 1;
            m_counts.lostAcknowledged += int(found.lost.size());
            m_counts.orphans += int(found.orphans.size());
            report(i, QStringLiteral("corrupt"), found.corrupt);
            report(i, QStringLiteral("lost acknowledged"), found.lost);
            report(i, QStringLiteral("orphan"), found.orphans);
            // A damaged vault would report the same damage again and again.
            if (!found.corrupt.isEmpty())
                fresh = true;
            if ((i + 1) % ProgressEvery == 0 || i + 1 == m_options.iterations) {
                err(QStringLiteral("crash: %1/%2 corrupt=%3 lost_acknowledged=%4 orphans=%5 "
                                   "writer_errors=%6 (vault: %7 photos, %8 consents) %9 s")
                        .arg(i + 1)
                        .arg(m_options.iterations)
                        .arg(m_counts.corrupt)
                        .arg(m_counts.lostAcknowledged)
                        .arg(m_counts.orphans)
                        .arg(m_counts.writerErrors)
                        .arg(m_acked.photos.size())
                        .arg(m_acked.consents.size())
                        .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1));
            }
        }
        summary();
        const bool clean = m_counts.corrupt == 0 && m_counts.lostAcknowledged == 0 &&
                           m_counts.orphans == 0 && m_counts.writerErrors == 0;
        return clean && m_counts.iterations == m_options.iterations ? 0 : 1;
    }

private:
    void report(int iteration, const QString &what, const QStringList &lines) {
        for (const QString &line : lines)
            err(QStringLiteral("crash: iteration %1: %2: %3").arg(iteration).arg(what, line));
    }

    void summary() {
        QString kills = QStringLiteral("crash killed during:");
        for (const protocol::Kind kind : protocol::OperationKinds)
            kills += QStringLiteral(" %1=%2")
                         .arg(protocol::name(kind))
                         .arg(m_counts.killedDuring[protocol::name(kind)]);
        kills +=
            QStringLiteral(" between=%1").arg(m_counts.killedDuring[QStringLiteral("between")]);
        out(kills);
        QString acks = QStringLiteral("crash acknowledged:");
        for (const protocol::Kind kind : protocol::OperationKinds)
            acks += QStringLiteral(" %1=%2")
                        .arg(protocol::name(kind))
                        .arg(m_counts.acknowledged[protocol::name(kind)]);
        out(acks);
        out(QStringLiteral("crash recovery: leftover files removed at unlock=%1, passcode "
                           "changes cut short=%2 (in effect=%3)")
                .arg(m_counts.leftoversRemoved)
                .arg(m_counts.passcodeCutShort)
                .arg(m_counts.passcodeCutShortInEffect));
        out(QStringLiteral("crash iterations=%1 corrupt=%2 lost_acknowledged=%3 orphans=%4 "
                           "writer_errors=%5")
                .arg(m_counts.iterations)
                .arg(m_counts.corrupt)
                .arg(m_counts.lostAcknowledged)
                .arg(m_counts.orphans)
                .arg(m_counts.writerErrors));
    }

    // A new vault under passcode "a": the clinician profile every consent names, and two
    // patients (the writer adds the rest).
    void createVault() {
        if (QFileInfo::exists(m_vaultDir) && !QDir(m_vaultDir).removeRecursively())
            throw SetupError("cannot remove the previous vault");
        Vault vault(m_vaultDir, m_files);
        vault.create(Passcodes[0], CheapKdf);
        ConsentCore core(vault, m_codec, m_templates);
        core.settings().setClinician({QStringLiteral("Dr. Ana Ruiz"), QStringLiteral("MD"),
                                      QStringLiteral("Bayview Skin Clinic"),
                                      QStringLiteral("200 Harbor Street, Bayview")});
        m_acked = {};
        m_keyFilePasscode = -1;
        for (const QString &name :
             {QStringLiteral("Crash Seed One"), QStringLiteral("Crash Seed Two")})
            m_acked.patients.insert(core.library().addPatient(name).id);
        vault.lock();
        m_reportedOrphans.clear();
    }

    Findings iterate(int iteration, const QString &focus, std::uint64_t seed, bool verify) {
        Findings found;
        const QByteArray output = runWriter(iteration, focus, seed, killDelay(focus));
        Run run;
        try {
            run = parseRun(output, m_acked.passcode);
        } catch (const std::exception &error) {
            throw SetupError(error.what());
        }
        if (!run.ready) {
            ++m_counts.writerErrors;
            err(QStringLiteral("crash: iteration %1: the writer never reported the vault open")
                    .arg(iteration));
        }
        ++m_counts.killedDuring[run.pending.isEmpty() ? QStringLiteral("between") : run.pending];
        Acknowledged fresh; // this run's acknowledgements, read back in full
        for (const QStringList &ack : run.acks)
            record(ack, fresh);
        // A passcode change under way may have replaced vault.key before the kill.
        const bool passcodeInDoubt = run.pending == protocol::name(protocol::Kind::Passcode);
        check(found, fresh, passcodeInDoubt, verify);
        return found;
    }

    // How long after the writer reports the vault open it is killed.
    std::chrono::nanoseconds killDelay(const QString &focus) {
        const double typicalMs =
            focus == protocol::NoFocus ? double(m_options.maxDelayMs) : m_durationMs.at(focus);
        const bool further =
            focus != protocol::NoFocus && std::uniform_int_distribution<int>(0, 3)(m_rng) == 0;
        const double spanMs = typicalMs * (further ? 4.0 : 1.25);
        return std::chrono::nanoseconds(
            std::int64_t(std::uniform_real_distribution<double>(0.0, spanMs * 1e6)(m_rng)));
    }

    // How long each kind of operation takes, from the lines of the writers' runs as they
    // arrived: a moving average, so that the kills follow the machine's speed.
    void learnDurations(const std::vector<std::pair<QByteArray, qint64>> &lines) {
        QString begun;
        qint64 begunAt = 0;
        for (const auto &[line, at] : lines) {
            const QList<QByteArray> parts = line.split(' ');
            const QString first = QString::fromLatin1(parts.value(0));
            if (first == QLatin1String("about")) {
                begun = QString::fromLatin1(parts.value(1));
                begunAt = at;
            } else if (!begun.isEmpty() && first == begun && m_durationMs.count(begun) != 0) {
                double &typical = m_durationMs[begun];
                typical = std::max(0.5, 0.8 * typical + 0.2 * double(at - begunAt) / 1e6);
                begun.clear();
            }
        }
    }

    QByteArray runWriter(int iteration, const QString &focus, std::uint64_t seed,
                         std::chrono::nanoseconds delay) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(m_options.writer,
                     {m_vaultDir, Passcodes[0], Passcodes[1],
                      protocol::passcodeName(m_acked.passcode), focus, QString::number(seed)});
        if (!writer.waitForStarted(10000))
            throw SetupError("cannot start " + m_options.writer.toStdString() + ": " +
                             writer.errorString().toStdString());
        QByteArray output;
        QByteArray partial;
        std::vector<std::pair<QByteArray, qint64>> lines; // complete lines, when they came
        QElapsedTimer started;
        started.start();
        const auto take = [&] {
            const QByteArray chunk = writer.readAllStandardOutput();
            output += chunk;
            partial += chunk;
            for (qsizetype end = partial.indexOf('\n'); end >= 0; end = partial.indexOf('\n')) {
                lines.emplace_back(partial.left(end), started.nsecsElapsed());
                partial.remove(0, end + 1);
            }
        };
        // Kill it inside the use cases, not during its start-up: once it reports the vault
        // open (and begins its first operation), after delay.
        const auto isReady = [&] {
            return std::any_of(lines.cbegin(), lines.cend(),
                               [](const auto &line) { return line.first.startsWith("ready "); });
        };
        while (!isReady() && writer.state() != QProcess::NotRunning && started.elapsed() < 60000) {
            (void)writer.waitForReadyRead(1000);
            take();
        }
        const qint64 killAt = started.nsecsElapsed() + delay.count();
        while (writer.state() == QProcess::Running) {
            const qint64 left = killAt - started.nsecsElapsed();
            if (left <= 0)
                break;
            if (left < 2000000) {
                std::this_thread::sleep_for(std::chrono::nanoseconds(left));
                break;
            }
            (void)writer.waitForReadyRead(int((left - 1000000) / 1000000));
            take();
        }
        learnDurations(lines);
        writer.kill(); // SIGKILL
        if (!writer.waitForFinished(10000))
            throw SetupError("the writer did not end after SIGKILL");
        take();
        if (writer.exitStatus() != QProcess::CrashExit) {
            ++m_counts.writerErrors;
            err(QStringLiteral("crash: iteration %1 (focus %2, seed %3): the writer exited "
                               "with status %4: %5")
                    .arg(iteration)
                    .arg(focus)
                    .arg(seed)
                    .arg(writer.exitCode())
                    .arg(QString::fromLocal8Bit(writer.readAllStandardError()).trimmed()));
        }
        return output;
    }

    void record(const QStringList &ack, Acknowledged &fresh) {
        using protocol::Kind;
        const Kind kind = *protocol::kindFromName(ack[0]);
        ++m_counts.acknowledged[ack[0]];
        const auto field = [&](qsizetype i) {
            if (i >= ack.size())
                throw SetupError("a short acknowledgement: " +
                                 ack.join(QLatin1Char(' ')).toStdString());
            return ack[i];
        };
        switch (kind) {
        case Kind::Patient:
            m_acked.patients.insert(field(1));
            fresh.patients.insert(field(1));
            break;
        case Kind::Photo:
            m_acked.photos.insert(field(1), field(2));
            fresh.photos.insert(field(1), field(2));
            break;
        case Kind::Story:
            m_acked.stories.insert(field(1), field(2));
            fresh.stories.insert(field(1), field(2));
            break;
        case Kind::Consent:
            m_acked.consents.insert(field(1), field(2));
            fresh.consents.insert(field(1), field(2));
            break;
        case Kind::Revoke:
            m_acked.revocations.insert(field(1), field(2));
            fresh.revocations.insert(field(1), field(2));
            break;
        case Kind::Passcode:
            m_acked.passcode = protocol::passcodeIndex(field(1));
            if (m_acked.passcode < 0)
                throw SetupError("a passcode acknowledgement names no passcode");
            ++m_acked.passcodeChanges;
            break;
        case Kind::Post:
            m_acked.posts.insert(field(1), field(2).toInt());
            fresh.posts.insert(field(1), field(2).toInt());
            break;
        }
    }

    // Which passcode opens vault.key, tried without counting a failed attempt; the
    // acknowledged one first. Records what is wrong in found.
    std::optional<std::pair<int, crypto::SecretBytes>> passcodeInEffect(Findings &found,
                                                                        bool inDoubt) {
        QFile file(m_vaultDir + QStringLiteral("/vault.key"));
        if (!file.open(QIODevice::ReadOnly)) {
            found.corrupt.append(QStringLiteral("vault.key can't be read"));
            return std::nullopt;
        }
        const QByteArray bytes = file.readAll();
        const int expected = m_acked.passcode;
        const auto inEffect = [&](int index, crypto::SecretBytes masterKey) {
            if (inDoubt && index != expected) {
                ++m_counts.passcodeCutShortInEffect;
                ++m_acked.passcodeChanges;
            }
            // One sealed master key opens under one passcode only.
            if (index != expected && !inDoubt)
                found.lost.append(QStringLiteral("the acknowledged change to passcode %1")
                                      .arg(protocol::passcodeName(expected)));
            m_keyFileBytes = bytes;
            m_keyFilePasscode = index;
            m_keyFileMasterKey = masterKey;
            return std::make_pair(index, std::move(masterKey));
        };
        m_counts.passcodeCutShort += inDoubt ? 1 : 0;
        if (m_keyFilePasscode >= 0 && bytes == m_keyFileBytes)
            return inEffect(m_keyFilePasscode, m_keyFileMasterKey);
        const auto keyFile = VaultKeyFile::parse(crypto::ByteView(
            reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())));
        if (!keyFile) {
            found.corrupt.append(QStringLiteral("vault.key is damaged"));
            return std::nullopt;
        }
        for (const int index : {expected, 1 - expected}) {
            if (auto masterKey = keyFile->unwrap(Passcodes[index]))
                return inEffect(index, std::move(*masterKey));
        }
        found.corrupt.append(QStringLiteral("neither passcode opens vault.key"));
        return std::nullopt;
    }

    void check(Findings &found, const Acknowledged &fresh, bool passcodeInDoubt, bool verify) {
        auto inEffect = passcodeInEffect(found, passcodeInDoubt);
        if (!inEffect)
            return;
        m_acked.passcode = inEffect->first;

        if (verify) {
            // The vault exactly as the kill left it, write-ahead log included.
            try {
                Vault vault(m_vaultDir, m_files);
                const VerifyReport report =
                    VaultVerifier(vault, m_templates).run(Passcodes[m_acked.passcode]);
                for (const VerifyProblem &problem : report.problems)
                    found.corrupt.append(QStringLiteral("verifier: %1 %2: %3")
                                             .arg(problem.object, problem.id, problem.problem));
            } catch (const std::exception &error) {
                found.corrupt.append(QStringLiteral("verifier: ") +
                                     QString::fromUtf8(error.what()));
            }
        }

        const QStringList before = vaultFiles();
        try {
            Vault vault(m_vaultDir, m_files);
            // What the writer's next start does: the clean-up of what the crash left runs
            // at unlock.
            vault.unlockWithMasterKey(crypto::view(inEffect->second));
            ConsentCore core(vault, m_codec, m_templates);
            checkDatabase(found, vault, core);
            checkPasscodeChanges(found, vault);
            checkAcknowledged(found, vault, core, fresh);
            checkOrphans(found, vault);
            vault.lock();
            const QStringList after = vaultFiles();
            m_counts.leftoversRemoved +=
                int(std::count_if(before.cbegin(), before.cend(),
                                  [&](const QString &name) { return !after.contains(name); }));
        } catch (const std::exception &error) {
            found.corrupt.append(QStringLiteral("the vault fails to open or read: ") +
                                 QString::fromUtf8(error.what()));
        }
    }

    void checkDatabase(Findings &found, Vault &vault, ConsentCore &core) {
        const QString integrity = vault.database().integrityCheck();
        if (integrity != QLatin1String("ok"))
            found.corrupt.append(QStringLiteral("integrity check: ") + integrity);
        const auto chain = core.audit().verify();
        if (!chain.ok)
            found.corrupt.append(QStringLiteral("audit chain at seq %1: %2")
                                     .arg(chain.firstBadSeq.value_or(0))
                                     .arg(chain.problem));
    }

    // Every passcode change in effect is in the audit log once, those a kill cut short
    // before their entry committed included (the unlock above makes their entries).
    void checkPasscodeChanges(Findings &found, Vault &vault) {
        auto query = vault.database().prepare(
            "SELECT count(*) FROM audit_log WHERE kind = 'vault.passcode_changed'");
        const int logged = query.step() ? int(query.columnInt64(0)) : -1;
        if (logged != m_acked.passcodeChanges) {
            found.lost.append(QStringLiteral("audit entries of passcode changes: %1 for %2 in "
                                             "effect")
                                  .arg(logged)
                                  .arg(m_acked.passcodeChanges));
            m_acked.passcodeChanges = logged; // reported once, not at every later check
        }
    }

    // Every acknowledged item is there with the hash the writer printed; this run's and a
    // sample of the older ones are read back in full (decrypted and hashed, the consent's
    // signature checked).
    void checkAcknowledged(Findings &found, Vault &vault, ConsentCore &core,
                           const Acknowledged &fresh) {
        auto &db = vault.database();
        const auto lost = [&](const QString &what) {
            found.lost.append(what);
        };

        QSet<QString> patients;
        {
            auto query = db.prepare("SELECT id FROM patients");
            while (query.step())
                patients.insert(query.columnText(0));
        }
        for (auto it = m_acked.patients.begin(); it != m_acked.patients.end();) {
            if (!patients.contains(*it)) {
                lost(QStringLiteral("patient %1").arg(*it));
                it = m_acked.patients.erase(it);
            } else {
                ++it;
            }
        }

        const auto compare = [&](QHash<QString, QString> &acked, const char *sql,
                                 const QString &what) {
            const auto stored = idToText(db, sql);
            for (auto it = acked.begin(); it != acked.end();) {
                const auto row = stored.constFind(it.key());
                if (row == stored.cend() || *row != it.value()) {
                    lost(QStringLiteral("%1 %2 (%3)")
                             .arg(what, it.key(),
                                  row == stored.cend() ? QStringLiteral("missing")
                                                       : QStringLiteral("another hash")));
                    it = acked.erase(it);
                } else {
                    ++it;
                }
            }
        };
        compare(m_acked.photos, "SELECT id, lower(hex(sha256)) FROM photos",
                QStringLiteral("photo"));
        compare(m_acked.stories, "SELECT id, lower(hex(sha256)) FROM story_versions",
                QStringLiteral("story version"));
        compare(m_acked.consents, "SELECT id, lower(hex(record_sha256)) FROM consents",
                QStringLiteral("consent"));
        compare(m_acked.revocations, "SELECT consent_id, id FROM revocations",
                QStringLiteral("revocation of"));
        {
            QHash<QString, int> stored;
            auto query = db.prepare("SELECT id, (SELECT count(*) FROM post_items"
                                    " WHERE post_id = posts.id) FROM posts");
            while (query.step())
                stored.insert(query.columnText(0), int(query.columnInt64(1)));
            for (auto it = m_acked.posts.begin(); it != m_acked.posts.end();) {
                if (stored.value(it.key(), -1) != it.value()) {
                    lost(QStringLiteral("post %1").arg(it.key()));
                    it = m_acked.posts.erase(it);
                } else {
                    ++it;
                }
            }
        }

        // Read back in full through the use cases.
        const auto sample = [&](const auto &all, const auto &mine) {
            QStringList ids;
            for (auto it = mine.cbegin(); it != mine.cend(); ++it) {
                if (all.contains(it.key()))
                    ids.append(it.key());
            }
            if (!all.isEmpty()) {
                std::uniform_int_distribution<qsizetype> pick(0, all.size() - 1);
                for (int i = 0; i < SampledPerKind; ++i) {
                    auto it = all.cbegin();
                    std::advance(it, pick(m_rng));
                    ids.append(it.key());
                }
            }
            return ids;
        };
        for (const QString &id : sample(m_acked.photos, fresh.photos)) {
            try {
                const auto bytes = core.library().photoBytes(id);
                if (support::sha256Hex(crypto::view(bytes)) != m_acked.photos.value(id))
                    found.corrupt.append(QStringLiteral("photo %1: the original does not hash to "
                                                        "its acknowledged SHA-256")
                                             .arg(id));
                (void)core.library().thumbnailBytes(id);
            } catch (const std::exception &error) {
                found.corrupt.append(
                    QStringLiteral("photo %1: %2").arg(id, QString::fromUtf8(error.what())));
            }
        }
        for (const QString &id : sample(m_acked.stories, fresh.stories)) {
            const auto version = core.library().storyVersion(id);
            if (!version || support::sha256Hex(version->text) != m_acked.stories.value(id))
                found.corrupt.append(QStringLiteral("story version %1: the text does not hash "
                                                    "to its acknowledged SHA-256")
                                         .arg(id));
        }
        for (const QString &id : sample(m_acked.consents, fresh.consents)) {
            const auto consent = core.consents().find(id);
            if (!consent) {
                found.corrupt.append(QStringLiteral("consent %1 can't be read").arg(id));
                continue;
            }
            const ConsentCheck checked = core.consents().check(*consent);
            if (!checked.intact)
                found.corrupt.append(
                    QStringLiteral("consent %1: %2").arg(id, checked.integrityProblem));
        }
        for (const QString &id : sample(m_acked.revocations, fresh.revocations)) {
            const auto revocation = core.consents().revocationOf(id);
            if (!revocation || revocation->id != m_acked.revocations.value(id))
                found.corrupt.append(QStringLiteral("the revocation of %1 can't be read").arg(id));
        }
        for (const QString &id : sample(m_acked.posts, fresh.posts)) {
            const auto post = core.posts().post(id);
            if (!post || int(post->items.size()) != m_acked.posts.value(id))
                found.corrupt.append(QStringLiteral("post %1 can't be read whole").arg(id));
        }
    }

    // The files in media/ and the temporary files in the vault directory (not the
    // database's write-ahead log, which closing the database removes).
    [[nodiscard]] QStringList vaultFiles() const {
        QStringList names;
        for (const QString &name :
             QDir(m_vaultDir).entryList(QDir::Files | QDir::Hidden | QDir::System)) {
            if (storage::isTemporaryFileName(name))
                names.append(name);
        }
        for (const QString &name :
             QDir(m_vaultDir + QStringLiteral("/media")).entryList(QDir::Files | QDir::Hidden))
            names.append(QStringLiteral("media/") + name);
        return names;
    }

    // After the clean-up at unlock: nothing in the vault directory but the vault's own
    // files, no file in media/ without its row, no row without its file (unless its bytes
    // are in the row), and every media row named by a photo or a consent's copy.
    void checkOrphans(Findings &found, Vault &vault) {
        const auto orphan = [&](const QString &what) {
            if (!m_reportedOrphans.contains(what)) {
                m_reportedOrphans.insert(what);
                found.orphans.append(what);
            }
        };
        static const QSet<QString> VaultFiles{
            QStringLiteral("vault.key"),      QStringLiteral("vault.db"),
            QStringLiteral("vault.db-wal"),   QStringLiteral("vault.db-shm"),
            QStringLiteral("vault.attempts"), QStringLiteral("media")};
        constexpr auto Everything =
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
        for (const QString &name : QDir(m_vaultDir).entryList(Everything)) {
            if (!VaultFiles.contains(name))
                orphan(QStringLiteral("%1 in the vault directory").arg(name));
        }

        auto &db = vault.database();
        QSet<QString> rows, rowsWithFiles;
        {
            auto query = db.prepare("SELECT id, sealed IS NULL FROM media");
            while (query.step()) {
                rows.insert(query.columnText(0));
                if (query.columnInt64(1) != 0)
                    rowsWithFiles.insert(query.columnText(0));
            }
        }
        const QString mediaDir = vault.media().mediaDir();
        const QStringList names = QDir(mediaDir).entryList(Everything);
        const QSet<QString> files(names.begin(), names.end());
        for (const QString &name : names) {
            if (!rows.contains(name))
                orphan(QStringLiteral("media/%1 has no row").arg(name));
        }
        for (const QString &id : rowsWithFiles) {
            if (!files.contains(id))
                orphan(QStringLiteral("media row %1 has no file").arg(id));
        }
        auto unnamed = db.prepare("SELECT id FROM media WHERE id NOT IN ("
                                  " SELECT media_id FROM photos"
                                  " UNION ALL SELECT thumb_media_id FROM photos"
                                  " UNION ALL SELECT media_id FROM consent_copies)");
        while (unnamed.step())
            orphan(QStringLiteral("media row %1 belongs to nothing").arg(unnamed.columnText(0)));
    }

    Options m_options;
    QString m_vaultDir;
    storage::PosixFileOps m_files;
    imaging::QImageCodec m_codec;
    domain::TemplateCatalog m_templates;
    std::mt19937_64 m_rng;
    Acknowledged m_acked;
    Counts m_counts;
    QSet<QString> m_reportedOrphans;
    // What the operations take, in milliseconds (a first guess, then learnt).
    std::map<QString, double> m_durationMs{
        {QStringLiteral("patient"), 5}, {QStringLiteral("photo"), 30},
        {QStringLiteral("story"), 8},   {QStringLiteral("consent"), 8},
        {QStringLiteral("revoke"), 6},  {QStringLiteral("passcode"), 20},
        {QStringLiteral("post"), 30}};
    // vault.key as last read, with the passcode that opens it and the master key: the
    // file only changes with the passcode, and each unwrap costs a scrypt.
    QByteArray m_keyFileBytes;
    int m_keyFilePasscode = -1;
    crypto::SecretBytes m_keyFileMasterKey;
};

} // namespace

int main(int argc, char **argv) {
    try {
        QCoreApplication app(argc, argv); // image plugins
        storage::silenceSqlCipherLog();
        Options options = parseOptions(app.arguments());
        if (!options.seedGiven)
            options.seed = std::random_device{}();
        if (options.writer.isEmpty())
            options.writer =
                QCoreApplication::applicationDirPath() + QStringLiteral("/crash_writer");
        if (!QFileInfo(options.writer).isExecutable())
            throw SetupError("no crash_writer at " + options.writer.toStdString());
        std::optional<QTemporaryDir> scratch;
        if (options.dir.isEmpty()) {
            scratch.emplace();
            if (!scratch->isValid())
                throw SetupError("cannot make a scratch directory");
            options.dir = scratch->path();
        } else if (!QDir().mkpath(options.dir)) {
            throw SetupError("cannot make " + options.dir.toStdString());
        }
        const QString vaultDir = QDir(options.dir).filePath(QStringLiteral("crash-vault"));
        err(QStringLiteral("crash: %1 iterations, seed %2, vault in %3")
                .arg(options.iterations)
                .arg(options.seed)
                .arg(vaultDir));
        Suite suite(std::move(options), vaultDir);
        return suite.run();
    } catch (const std::exception &error) {
        std::fprintf(stderr, "crash_suite: %s\n", error.what());
        return 2;
    }
}
