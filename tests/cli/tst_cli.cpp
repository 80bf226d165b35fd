// consentcam-cli run as a process, the way a privacy officer or a script runs it.

#include <catch2/catch_test_macros.hpp>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace {

const QByteArray Passcode = "480913\n";

struct Result {
    int exitCode = -1;
    QByteArray out;
    QString err;
    [[nodiscard]] QJsonObject object() const { return QJsonDocument::fromJson(out).object(); }
    [[nodiscard]] QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
};

Result cli(const QStringList &arguments, const QByteArray &input = {}) {
    QProcess process;
    process.start(QStringLiteral(CONSENTCAM_CLI), arguments);
    REQUIRE(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

// A vault made and seeded through the CLI once, copied for each test that damages it.
class SeededVault {
public:
    SeededVault() {
        m_dir = m_tmp.path() + QStringLiteral("/vault");
        const auto init = cli({QStringLiteral("--vault"), m_dir, QStringLiteral("init"),
                               QStringLiteral("--passcode-stdin")},
                              Passcode);
        REQUIRE(init.exitCode == 0);
        const auto seeded =
            cli({QStringLiteral("--vault"), m_dir, QStringLiteral("--passcode-stdin"),
                 QStringLiteral("seed-demo"), QStringLiteral("--patients"), QStringLiteral("4")},
                Passcode);
        REQUIRE(seeded.exitCode == 0);
    }
    [[nodiscard]] QString dir() const { return m_dir; }
    Result run(const QStringList &arguments, const QByteArray &input = Passcode) const {
        return cli(
            QStringList{QStringLiteral("--vault"), m_dir, QStringLiteral("--passcode-stdin")} +
                arguments,
            input);
    }

private:
    QTemporaryDir m_tmp;
    QString m_dir;
};

QMap<QString, QByteArray> snapshot(const QString &dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (it.fileName() != QLatin1String("vault.attempts") && file.open(QIODevice::ReadOnly))
            files.insert(path,
                         QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

void flipByte(const QString &path, qint64 offset) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.seek(offset));
    char byte = 0;
    REQUIRE(file.getChar(&byte));
    REQUIRE(file.seek(offset));
    REQUIRE(file.putChar(char(byte ^ 0x10)));
}

bool reportNames(const QJsonObject &report, const QString &object, const QString &id) {
    const auto problems = report.value(QStringLiteral("problems")).toArray();
    return std::any_of(problems.begin(), problems.end(), [&](const QJsonValue &p) {
        return p[QStringLiteral("object")].toString() == object &&
               p[QStringLiteral("id")].toString() == id;
    });
}

} // namespace

TEST_CASE("--help documents every command, option and exit code") {
    const auto help = cli({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    const QString text = QString::fromUtf8(help.out);
    for (const char *word : {"init",
                             "seed-demo",
                             "verify",
                             "consents list",
                             "gate",
                             "--item",
                             "--platform",
                             "--audience",
                             "--purpose",
                             "audit export",
                             "audit verify",
                             "verify-export",
                             "--passcode-stdin",
                             "--vault",
                             "check-text",
                             "--patient",
                             "Exit codes",
                             "  0 ",
                             "  1 ",
                             "  2 "})
        CHECK(text.contains(QLatin1StringView(word)));
}

TEST_CASE("Usage errors exit 2 with a plain message on standard error") {
    QTemporaryDir tmp;
    const QString dir = tmp.path();
    const auto missing = cli({});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("no command")));
    CHECK(cli({QStringLiteral("frobnicate")}).exitCode == 2);
    CHECK(cli({QStringLiteral("--vault"), dir, QStringLiteral("verify"), QStringLiteral("--bogus")})
              .exitCode == 2);
    const auto noPasscode = cli({QStringLiteral("--vault"), dir, QStringLiteral("verify")});
    CHECK(noPasscode.exitCode == 2);
    CHECK(noPasscode.err.contains(QStringLiteral("--passcode-stdin")));
    const auto noVault = cli({QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin"),
                              QStringLiteral("verify")},
                             Passcode);
    CHECK(noVault.exitCode == 2);
    CHECK(noVault.err.contains(QStringLiteral("no vault")));
    const auto gateWithout =
        cli({QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin"),
             QStringLiteral("gate"), QStringLiteral("--item"), QStringLiteral("pho_x")},
            Passcode);
    CHECK(gateWithout.exitCode == 2);
    CHECK(gateWithout.err.contains(QStringLiteral("--platform")));
    const auto weak = cli({QStringLiteral("--vault"), dir + QStringLiteral("/v"),
                           QStringLiteral("init"), QStringLiteral("--passcode-stdin")},
                          "123456\n");
    CHECK(weak.exitCode == 2);
    CHECK(weak.err.contains(QStringLiteral("too weak")));
}

TEST_CASE("init, seed-demo and verify: a seeded vault verifies clean") {
    SeededVault vault;
    const auto again = cli({QStringLiteral("--vault"), vault.dir(), QStringLiteral("init"),
                            QStringLiteral("--passcode-stdin")},
                           Passcode);
    CHECK(again.exitCode == 2);
    CHECK(again.err.contains(QStringLiteral("already holds a vault")));

    const auto verify = vault.run({QStringLiteral("verify")});
    CHECK(verify.exitCode == 0);
    const QJsonObject report = verify.object();
    CHECK(report.value(QStringLiteral("ok")).toBool());
    CHECK(report.value(QStringLiteral("problems")).toArray().isEmpty());
    const QJsonObject checked = report.value(QStringLiteral("checked")).toObject();
    CHECK(checked.value(QStringLiteral("consents")).toInt() >= 3);
    CHECK(checked.value(QStringLiteral("mediaBlobs")).toInt() >= 16);
    CHECK(checked.value(QStringLiteral("auditEntries")).toInt() > 20);

    const auto wrong = vault.run({QStringLiteral("verify")}, "000000\n");
    CHECK(wrong.exitCode == 2);
    CHECK(wrong.err.contains(QStringLiteral("wrong passcode")));
}

TEST_CASE("Reading commands change nothing in the vault") {
    SeededVault vault;
    const auto before = snapshot(vault.dir());
    CHECK(vault.run({QStringLiteral("verify")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("consents"), QStringLiteral("list")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("audit"), QStringLiteral("export")}).exitCode == 0);
    CHECK(vault.run({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode == 0);
    CHECK(snapshot(vault.dir()) == before);
}

TEST_CASE("consents list and gate answer in JSON, and the gate's exit code says allowed or not") {
    SeededVault vault;
    const auto list = vault.run({QStringLiteral("consents"), QStringLiteral("list")});
    REQUIRE(list.exitCode == 0);
    const QJsonArray consents = list.array();
    REQUIRE(consents.size() >= 3);
    QJsonObject valid;
    QJsonObject revoked;
    for (const QJsonValue &value : consents) {
        const QJsonObject consent = value.toObject();
        CHECK(consent.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("con_")));
        CHECK(consent.value(QStringLiteral("recordSha256")).toString().size() == 64);
        const QString status = consent.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("valid") &&
            consent.value(QStringLiteral("identifiable")).toBool())
            valid = consent;
        if (status == QLatin1String("revoked"))
            revoked = consent;
    }
    REQUIRE_FALSE(valid.isEmpty());
    REQUIRE_FALSE(revoked.isEmpty());

    const auto gate = [&](const QJsonObject &consent, const QString &platform) {
        const QString item = consent.value(QStringLiteral("items"))
                                 .toArray()
                                 .first()[QStringLiteral("id")]
                                 .toString();
        return vault.run({QStringLiteral("gate"), QStringLiteral("--item"), item,
                          QStringLiteral("--platform"), platform, QStringLiteral("--audience"),
                          consent.value(QStringLiteral("audiences")).toArray().first().toString(),
                          QStringLiteral("--purpose"),
                          consent.value(QStringLiteral("purposes")).toArray().first().toString()});
    };
    const QString platform = valid.value(QStringLiteral("platforms")).toArray().first().toString();
    const auto allowed = gate(valid, platform);
    CHECK(allowed.exitCode == 0);
    CHECK(allowed.object().value(QStringLiteral("allowed")).toBool());
    CHECK(allowed.object().value(QStringLiteral("reasons")).toArray().isEmpty());

    const auto refused =
        gate(revoked, revoked.value(QStringLiteral("platforms")).toArray().first().toString());
    CHECK(refused.exitCode == 1);
    CHECK_FALSE(refused.object().value(QStringLiteral("allowed")).toBool());
    const auto reasons = refused.object().value(QStringLiteral("reasons")).toArray();
    REQUIRE_FALSE(reasons.isEmpty());
    CHECK(reasons.first()[QStringLiteral("code")].toString() == QStringLiteral("consent_revoked"));
    CHECK(reasons.first()[QStringLiteral("consent")].toString() ==
          revoked.value(QStringLiteral("id")).toString());

    const auto unknown = vault.run({QStringLiteral("gate"), QStringLiteral("--item"),
                                    QStringLiteral("pho_00000000000000000000000000000000"),
                                    QStringLiteral("--platform"), QStringLiteral("instagram"),
                                    QStringLiteral("--audience"), QStringLiteral("public"),
                                    QStringLiteral("--purpose"), QStringLiteral("education")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.object()[QStringLiteral("reasons")]
              .toArray()
              .first()[QStringLiteral("code")]
              .toString() == QStringLiteral("item_not_found"));
}

TEST_CASE("The audit log exports as JSON lines that verify off the device, and a change is found") {
    SeededVault vault;
    const auto exported = vault.run({QStringLiteral("audit"), QStringLiteral("export")});
    REQUIRE(exported.exitCode == 0);
    const QList<QByteArray> lines = exported.out.trimmed().split('\n');
    REQUIRE(lines.size() > 20);
    for (const QByteArray &line : lines)
        CHECK_FALSE(QJsonDocument::fromJson(line).isNull());
    CHECK(QJsonDocument::fromJson(lines.first()).object()[QStringLiteral("format")].toString() ==
          QStringLiteral("consentcam/audit-export/v1"));

    QTemporaryDir tmp;
    const QString file = tmp.filePath(QStringLiteral("audit.jsonl"));
    const auto write = [&](const QByteArray &bytes) {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
    };
    write(exported.out);
    const auto clean = cli({QStringLiteral("audit"), QStringLiteral("verify-export"), file});
    CHECK(clean.exitCode == 0);
    CHECK(clean.object()[QStringLiteral("ok")].toBool());

    QByteArray changed = exported.out;
    changed.replace("\"kind\":\"patient.added\"", "\"kind\":\"patient.adder\"");
    write(changed);
    const auto tampered = cli({QStringLiteral("audit"), QStringLiteral("verify-export"), file});
    CHECK(tampered.exitCode == 1);
    CHECK(tampered.object()[QStringLiteral("firstBadEntry")].toInt() >= 1);

    const auto inVault = vault.run({QStringLiteral("audit"), QStringLiteral("verify")});
    CHECK(inVault.exitCode == 0);
    CHECK(inVault.object()[QStringLiteral("ok")].toBool());
}

TEST_CASE("verify exits 1 and names the damaged media file or database page") {
    const SeededVault vault;
    // Each kind of damage to its own copy of the seeded vault.
    const auto damagedCopy = [&](const QString &file, qint64 offset) {
        auto copy = std::make_unique<QTemporaryDir>();
        const QString dir = copy->path() + QStringLiteral("/vault");
        QDirIterator it(vault.dir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString target = dir + path.mid(vault.dir().size());
            QDir().mkpath(QFileInfo(target).path());
            REQUIRE(QFile::copy(path, target));
        }
        flipByte(dir + QLatin1Char('/') + file, offset);
        return std::pair{std::move(copy), dir};
    };
    const auto verify = [](const QString &dir) {
        return cli({QStringLiteral("--vault"), dir, QStringLiteral("--passcode-stdin"),
                    QStringLiteral("verify")},
                   Passcode);
    };

    const QString blob =
        QDir(vault.dir() + QStringLiteral("/media")).entryList(QDir::Files).first();
    {
        const auto [copy, dir] = damagedCopy(QStringLiteral("media/") + blob, 777);
        const auto result = verify(dir);
        CHECK(result.exitCode == 1);
        CHECK(reportNames(result.object(), QStringLiteral("media"), blob));
        CHECK(result.err.isEmpty());
    }
    for (const int page : {1, 2, 7, 20}) {
        CAPTURE(page);
        const auto [copy, dir] =
            damagedCopy(QStringLiteral("vault.db"), qint64(page - 1) * 4096 + 1500);
        const auto result = verify(dir);
        CHECK(result.exitCode == 1);
        CHECK(reportNames(result.object(), QStringLiteral("database"), QString::number(page)));
        CHECK(result.err.isEmpty()); // SQLCipher's own log stays quiet
    }
}

TEST_CASE("check-text prints the PHI in a post's text as JSON, and exits 1 when there is some") {
    SeededVault vault;
    const auto list = vault.run({QStringLiteral("consents"), QStringLiteral("list")});
    REQUIRE(list.exitCode == 0);
    REQUIRE_FALSE(list.array().isEmpty());
    const QString id = list.array().first().toObject().value(QStringLiteral("patient")).toString();
    REQUIRE(id.startsWith(QStringLiteral("pat_")));

    // Every demo patient is called "… Example (demo)".
    const QString text =
        QStringLiteral("Ms. Example was seen on March 5, 2024; call 555-123-4567.");
    const auto found = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"), id},
                                 Passcode + text.toUtf8());
    CHECK(found.exitCode == 1);
    QStringList kinds;
    for (const QJsonValue &value : found.array()) {
        const QJsonObject finding = value.toObject();
        kinds << finding.value(QStringLiteral("kind")).toString();
        const QJsonArray span = finding.value(QStringLiteral("span")).toArray();
        REQUIRE(span.size() == 2);
        CHECK(span[0].toInt() < span[1].toInt());
        CHECK(span[1].toInt() <= text.size());
        CHECK_FALSE(finding.value(QStringLiteral("message")).toString().isEmpty());
    }
    CHECK(kinds ==
          QStringList{QStringLiteral("name"), QStringLiteral("date"), QStringLiteral("phone")});

    const auto clean = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"), id},
                                 Passcode + "General education, not medical advice.");
    CHECK(clean.exitCode == 0);
    CHECK(clean.array().isEmpty());

    const auto unknown = vault.run({QStringLiteral("check-text"), QStringLiteral("--patient"),
                                    QStringLiteral("pat_00000000000000000000000000000000")},
                                   Passcode + "text");
    CHECK(unknown.exitCode == 2);
    CHECK_FALSE(unknown.err.isEmpty());
}
