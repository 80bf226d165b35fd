#include "cli/cli.h"

#include "crypto/bytes.h"
#include "domain/canonicaljson.h"
#include "domain/consenttemplate.h"
#include "domain/phidetector.h"
#include "domain/timestamps.h"
#include "imaging/demophoto.h"
#include "imaging/qimagecodec.h"
#include "services/consentcore.h"
#include "services/demogenerator.h"
#include "services/scalephotos.h"
#include "services/scaleseeder.h"
#include "services/serviceerror.h"
#include "services/templates.h"
#include "services/vault.h"
#include "services/vaultverifier.h"
#include "storage/database.h"
#include "storage/fileops.h"
#include "storage/storageerror.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <array>
#include <memory>
#include <optional>

#include <unistd.h>

namespace cc::cli {

namespace {

// A usage error: the command line itself is wrong.
struct UsageError {
    QString message;
};

class Output {
public:
    Output(QIODevice &out, QIODevice &err)
        : m_out(out)
        , m_err(err) {}
    void json(const QJsonValue &value) {
        const QJsonDocument document =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        m_out.write(document.toJson(QJsonDocument::Indented));
    }
    void line(const QByteArray &bytes) {
        m_out.write(bytes);
        m_out.write("\n");
    }
    void error(const QString &message) {
        m_err.write(("consentcam-cli: " + message + "\n").toUtf8());
    }
    void progress(const QString &message) {
        if (::isatty(STDERR_FILENO))
            m_err.write(("\r" + message).toUtf8());
    }

private:
    QIODevice &m_out;
    QIODevice &m_err;
};

// The parsed command line: options anywhere, command words in order.
struct CommandLine {
    QStringList words;
    QHash<QString, QString> values; // --name VALUE
    bool passcodeStdin = false;
    bool help = false;

    QString take(const QString &name) { return values.take(name); }
    QString require(const QString &name) {
        const QString value = values.take(name);
        if (value.isEmpty())
            throw UsageError{QStringLiteral("--%1 is required").arg(name)};
        return value;
    }
    void done() {
        if (!values.isEmpty())
            throw UsageError{QStringLiteral("--%1 does not apply to this command")
                                 .arg(values.keys().constFirst())};
    }
};

CommandLine parse(const QStringList &arguments) {
    static const QStringList Valued{
        QStringLiteral("vault"),   QStringLiteral("patients"), QStringLiteral("seed"),
        QStringLiteral("item"),    QStringLiteral("platform"), QStringLiteral("audience"),
        QStringLiteral("purpose"), QStringLiteral("patient"),  QStringLiteral("out"),
        QStringLiteral("photos"),  QStringLiteral("consents"), QStringLiteral("posts")};
    CommandLine line;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            line.help = true;
        } else if (argument == QLatin1String("--passcode-stdin")) {
            line.passcodeStdin = true;
        } else if (argument.startsWith(QLatin1String("--"))) {
            QString name = argument.mid(2);
            QString value;
            if (const auto eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
                value = name.mid(eq + 1);
                name = name.left(eq);
            } else if (Valued.contains(name)) {
                if (i + 1 >= arguments.size())
                    throw UsageError{QStringLiteral("--%1 needs a value").arg(name)};
                value = arguments[++i];
            }
            if (!Valued.contains(name))
                throw UsageError{QStringLiteral("unknown option --%1").arg(name)};
            if (line.values.contains(name))
                throw UsageError{QStringLiteral("--%1 is given twice").arg(name)};
            if (value.isEmpty())
                throw UsageError{QStringLiteral("--%1 needs a value").arg(name)};
            line.values.insert(name, value);
        } else {
            line.words.append(argument);
        }
    }
    return line;
}

// The passcode: the first line of standard input.
QString readPasscode(QIODevice &in) {
    QByteArray line = in.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const QString passcode = QString::fromUtf8(line);
    crypto::wipe(line.data(), std::size_t(line.size()));
    if (passcode.isEmpty())
        throw UsageError{QStringLiteral("no passcode on standard input")};
    return passcode;
}

QString explain(const services::VaultException &error) {
    using services::VaultError;
    switch (error.error()) {
    case VaultError::NoVault:
        return QStringLiteral("there is no vault in this directory");
    case VaultError::AlreadyExists:
        return QStringLiteral("this directory already holds a vault");
    case VaultError::WeakPasscode:
        return QStringLiteral("the passcode is too weak: use at least 6 digits that are not a "
                              "run like 123456, or a passphrase of at least 8 characters");
    case VaultError::WrongPasscode:
        return QStringLiteral("wrong passcode");
    case VaultError::BackingOff:
        return QStringLiteral("too many wrong passcodes: try again later");
    case VaultError::KeyFileCorrupt:
        return QStringLiteral("vault.key is damaged or of an unknown version");
    case VaultError::DatabaseMissing:
        return QStringLiteral("vault.db is missing");
    case VaultError::DatabaseCorrupt:
        return QStringLiteral("vault.db is damaged or belongs to another vault (run verify)");
    case VaultError::Io:
        return QStringLiteral("the vault's files could not be read or written: %1")
            .arg(QString::fromUtf8(error.what()));
    case VaultError::NotUnlocked:
        return QStringLiteral("the vault is locked");
    case VaultError::Misconfigured:
        return QStringLiteral("the database library is not SQLCipher or ignored a security "
                              "setting: %1")
            .arg(QString::fromUtf8(error.what()));
    case VaultError::NeedsUpgrade:
        return QStringLiteral("the vault was made by an older version: open it with the app first");
    case VaultError::ReadOnly:
        return QStringLiteral("the vault is open for inspection only");
    }
    return QString::fromUtf8(error.what());
}

QJsonObject reasonJson(const domain::GateReason &reason) {
    QJsonObject object{{QStringLiteral("code"), reason.code},
                       {QStringLiteral("message"), reason.message()}};
    if (!reason.consentId.isEmpty())
        object.insert(QStringLiteral("consent"), reason.consentId);
    if (reason.at.isValid())
        object.insert(QStringLiteral("at"), domain::isoUtc(reason.at));
    if (!reason.value.isEmpty())
        object.insert(QStringLiteral("value"), reason.value);
    return object;
}

// An audit verification as the CLI prints it.
QJsonObject verificationJson(const domain::audit::Verification &result) {
    QJsonObject json{{QStringLiteral("ok"), result.ok},
                     {QStringLiteral("entries"), qint64(result.entries)},
                     {QStringLiteral("checkpoints"), qint64(result.checkpoints)},
                     {QStringLiteral("signedThrough"), qint64(result.signedThrough)}};
    if (!result.ok) {
        json.insert(QStringLiteral("firstBadEntry"), qint64(result.firstBadSeq.value_or(0)));
        json.insert(QStringLiteral("problem"), result.problem);
    }
    return json;
}

QString time(const QDateTime &at) {
    return at.isValid() ? domain::isoUtc(at) : QString();
}

// Everything a command needs: the vault directory's vault, its core once open.
class Session {
public:
    // deferSyncs: for bulk loads, the vault's file syncs wait for deferredFiles()->flush().
    Session(CommandLine &line, QIODevice &in, bool deferSyncs)
        : m_line(line)
        , m_in(in) {
        QString directory = line.take(QStringLiteral("vault"));
        if (directory.isEmpty())
            directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        directory = QDir(directory).absolutePath();
        if (deferSyncs) {
            m_deferred.emplace(m_files, directory);
            m_vault.emplace(directory, *m_deferred);
        } else {
            m_vault.emplace(directory, m_files);
        }
    }

    QString passcode() {
        if (!m_line.passcodeStdin)
            throw UsageError{QStringLiteral("this command needs --passcode-stdin")};
        return readPasscode(m_in);
    }
    // The rest of standard input (after the passcode line), as UTF-8 text.
    QString readText() {
        constexpr qint64 Limit = 1024 * 1024;
        const QByteArray bytes = m_in.read(Limit + 1);
        if (bytes.size() > Limit)
            throw UsageError{QStringLiteral("the text on standard input is longer than 1 MiB")};
        return QString::fromUtf8(bytes);
    }
    services::Vault &vault() { return *m_vault; }
    storage::DeferredSyncFileOps *deferredFiles() { return m_deferred ? &*m_deferred : nullptr; }
    const domain::TemplateCatalog &templates() { return m_templates; }

    // Opens the vault for changes, or read-only (nothing is written, not even the
    // unlock's audit entry).
    services::ConsentCore &open(bool readOnly) {
        const QString code = passcode();
        if (readOnly) {
            const crypto::SecretBytes key = m_vault->unwrapMasterKey(code);
            m_vault->openForInspection(crypto::view(key));
        } else {
            m_vault->unlock(code);
        }
        m_core.emplace(*m_vault, *m_codecInUse, m_templates);
        return *m_core;
    }
    // The image codec, and one to use instead when the core is made, kept as long as
    // the core.
    imaging::QImageCodec &codec() { return m_codec; }
    void useCodec(std::unique_ptr<services::ImageCodec> codec) {
        m_codecInstead = std::move(codec);
        m_codecInUse = m_codecInstead.get();
    }

private:
    CommandLine &m_line;
    QIODevice &m_in;
    storage::PosixFileOps m_files;
    std::optional<storage::DeferredSyncFileOps> m_deferred;
    std::optional<services::Vault> m_vault;
    imaging::QImageCodec m_codec;
    std::unique_ptr<services::ImageCodec> m_codecInstead;
    services::ImageCodec *m_codecInUse = &m_codec;
    domain::TemplateCatalog m_templates = services::loadBuiltInTemplates();
    std::optional<services::ConsentCore> m_core;
};

int init(Session &session, CommandLine &line, Output &output) {
    line.done();
    const QString code = session.passcode();
    session.vault().create(code);
    output.json(
        QJsonObject{{QStringLiteral("vault"), session.vault().vaultId()},
                    {QStringLiteral("directory"), session.vault().directory()},
                    {QStringLiteral("deviceKey"),
                     QString::fromStdString(crypto::toHex(session.vault().devicePublicKey()))}});
    return Ok;
}

int seedDemo(Session &session, CommandLine &line, Output &output) {
    bool ok = true;
    const QString patientsText = line.take(QStringLiteral("patients"));
    const int patients = patientsText.isEmpty() ? 8 : patientsText.toInt(&ok);
    if (!ok || patients < 1 || patients > 1'000'000)
        throw UsageError{QStringLiteral("--patients must be a number from 1 to 1000000")};
    const QString seedText = line.take(QStringLiteral("seed"));
    const qulonglong seed = seedText.isEmpty() ? 2026 : seedText.toULongLong(&ok);
    if (!ok)
        throw UsageError{QStringLiteral("--seed must be a number")};
    line.done();
    auto &core = session.open(false);
    services::DemoGenerator generator(core, session.vault().clock(), [](std::uint64_t photoSeed) {
        return imaging::demoPhoto(photoSeed, 1200, 900);
    });
    const auto summary = generator.generate(patients, seed, [&](int done, int total) {
        output.progress(QStringLiteral("seeding: patient %1 of %2").arg(done).arg(total));
    });
    output.progress(QStringLiteral("\n"));
    output.json(QJsonObject{{QStringLiteral("patients"), summary.patients},
                            {QStringLiteral("photos"), summary.photos},
                            {QStringLiteral("redactedCopies"), summary.derivatives},
                            {QStringLiteral("stories"), summary.stories},
                            {QStringLiteral("consents"), summary.consents},
                            {QStringLiteral("drafts"), summary.drafts},
                            {QStringLiteral("posts"), summary.posts},
                            {QStringLiteral("revocations"), summary.revocations}});
    return Ok;
}

// A positive count from an option, or its default.
qint64 countOption(CommandLine &line, const QString &name, qint64 fallback, qint64 min,
                   qint64 max) {
    const QString text = line.take(name);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        throw UsageError{
            QStringLiteral("--%1 must be a number from %2 to %3").arg(name).arg(min).arg(max)};
    return value;
}

// Up to 1 GiB of decrypted pages while seeding: more than the id indexes of a
// million-photo vault.
constexpr std::int64_t SeedPageCacheKiB = 1024 * 1024;

int seedScale(Session &session, CommandLine &line, Output &output) {
    constexpr qint64 Max = 100'000'000;
    const qint64 photos = countOption(line, QStringLiteral("photos"), 1'000'000, 1, Max);
    const qint64 consents = countOption(line, QStringLiteral("consents"), photos / 10, 0, Max);
    const qint64 posts = countOption(line, QStringLiteral("posts"), consents * 2, 0, Max);
    line.done();
    // The seeder refuses a vault that holds patients (having read no more than whether
    // there is one), so this process holds only synthetic data: it can do without
    // SQLCipher's memory security, half of a seed's time.
    (void)storage::leaveMemorySecurityOffForSyntheticData();
    // Every photo is the same small picture with its number in a comment: decoded once.
    auto owned =
        std::make_unique<services::ScalePhotos>(imaging::demoPhoto(2026, 64, 48), session.codec());
    const services::ScalePhotos &scalePhotos = *owned;
    session.useCodec(std::move(owned));
    auto &core = session.open(false);
    // A million photos make a database of some gigabytes, and each photo inserts at random
    // ids into its indexes: with SQLite's 2 MB page cache most inserts read and decrypt
    // index pages again, and seeding slowed to a crawl as the vault grew.
    session.vault().database().setPageCacheSize(SeedPageCacheKiB);
    services::ScaleSeeder seeder(
        core, session.vault(), [&](qint64 n) { return scalePhotos.photo(n); },
        session.deferredFiles());
    const auto summary = seeder.generate({photos, consents, posts}, [&](qint64 done, qint64 total) {
        output.progress(QStringLiteral("seeding: photo %1 of %2").arg(done).arg(total));
    });
    output.progress(QStringLiteral("\n"));
    output.json(QJsonObject{{QStringLiteral("patients"), summary.patients},
                            {QStringLiteral("photos"), summary.photos},
                            {QStringLiteral("consents"), summary.consents},
                            {QStringLiteral("posts"), summary.posts},
                            {QStringLiteral("batches"), summary.batches}});
    return Ok;
}

int verify(Session &session, CommandLine &line, Output &output) {
    line.done();
    services::VaultVerifier verifier(session.vault(), session.templates());
    const auto report = verifier.run(session.passcode(), [&](const QString &phase, qint64 done,
                                                             qint64 total) {
        output.progress(QStringLiteral("verifying %1: %2 of %3").arg(phase).arg(done).arg(total));
    });
    output.progress(QStringLiteral("\n"));
    output.json(report.toJson());
    return report.ok() ? Ok : Findings;
}

int listConsents(Session &session, CommandLine &line, Output &output) {
    const QString patientFilter = line.take(QStringLiteral("patient"));
    line.done();
    auto &core = session.open(true);
    const QDateTime now = session.vault().clock()();
    QJsonArray list;
    const auto patients = patientFilter.isEmpty() ? core.library().patients({}, 1'000'000)
                                                  : std::vector<domain::Patient>{};
    QStringList patientIds;
    for (const auto &patient : patients)
        patientIds.append(patient.id);
    if (!patientFilter.isEmpty())
        patientIds.append(patientFilter);
    for (const QString &patientId : patientIds) {
        for (const auto &consent : core.consents().forPatient(patientId)) {
            const auto checked = core.consents().check(consent);
            QJsonObject entry{{QStringLiteral("id"), consent.id},
                              {QStringLiteral("patient"), consent.patientId},
                              {QStringLiteral("sealedAt"), time(consent.sealedAt)},
                              {QStringLiteral("startsAt"), time(consent.startsAt)},
                              {QStringLiteral("expiresAt"), time(consent.expiresAt)},
                              {QStringLiteral("recordSha256"), consent.recordSha256},
                              {QStringLiteral("status"),
                               services::toString(core.consents().status(consent, now))}};
            if (const auto revocation = core.consents().revocationOf(consent.id))
                entry.insert(QStringLiteral("revokedAt"), time(revocation->receivedAt));
            if (checked.record) {
                const auto &record = *checked.record;
                QJsonArray items;
                for (const auto &item : record.items)
                    items.append(QJsonObject{{QStringLiteral("kind"), domain::toString(item.kind)},
                                             {QStringLiteral("id"), item.id},
                                             {QStringLiteral("sha256"), item.sha256}});
                entry.insert(QStringLiteral("patientName"), record.patientName);
                entry.insert(QStringLiteral("language"), record.language);
                entry.insert(QStringLiteral("signerRole"), record.signer.role);
                entry.insert(QStringLiteral("items"), items);
                entry.insert(QStringLiteral("platforms"),
                             QJsonArray::fromStringList(record.platforms));
                entry.insert(QStringLiteral("audiences"),
                             QJsonArray::fromStringList(record.audiences));
                entry.insert(QStringLiteral("purposes"),
                             QJsonArray::fromStringList(record.purposes));
                entry.insert(QStringLiteral("identifiable"), record.identifiable);
            }
            if (!checked.intact)
                entry.insert(QStringLiteral("problem"), checked.integrityProblem);
            list.append(entry);
        }
    }
    output.json(list);
    return Ok;
}

// A gate decision as the CLI prints it: {"allowed", "reasons", "consents" when allowed}.
QJsonObject decisionJson(const domain::GateDecision &decision) {
    QJsonArray reasons;
    for (const auto &reason : decision.reasons)
        reasons.append(reasonJson(reason));
    QJsonObject result{{QStringLiteral("allowed"), decision.allowed},
                       {QStringLiteral("reasons"), reasons}};
    if (decision.allowed)
        result.insert(QStringLiteral("consents"), QJsonArray::fromStringList(decision.consentIds));
    return result;
}

domain::GateTarget requireTarget(CommandLine &line) {
    return {line.require(QStringLiteral("platform")), line.require(QStringLiteral("audience")),
            line.require(QStringLiteral("purpose"))};
}

int gate(Session &session, CommandLine &line, Output &output) {
    const QString item = line.require(QStringLiteral("item"));
    const domain::GateTarget target = requireTarget(line);
    line.done();
    auto &core = session.open(true);
    const auto decision = core.gate().decide(item, target);
    output.json(decisionJson(decision));
    return decision.allowed ? Ok : Findings;
}

int importPhoto(Session &session, CommandLine &line, Output &output) {
    const QString patientId = line.require(QStringLiteral("patient"));
    const QString path = line.words.value(1);
    line.done();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        output.error(QStringLiteral("can't read %1: %2").arg(path, file.errorString()));
        return Failure;
    }
    // One byte more than allowed tells a file past the limit.
    const QByteArray content = file.read(services::LibraryService::MaxPhotoBytes + 1);
    if (content.size() > services::LibraryService::MaxPhotoBytes) {
        output.error(QStringLiteral("%1 is larger than 64 MiB").arg(path));
        return Failure;
    }
    const QDateTime modified = QFileInfo(file).lastModified();
    file.close();
    auto &core = session.open(false);
    if (!core.library().patient(patientId))
        throw UsageError{QStringLiteral("there is no patient %1 in this vault").arg(patientId)};
    const auto bytes = crypto::ByteView(reinterpret_cast<const std::uint8_t *>(content.constData()),
                                        std::size_t(content.size()));
    try {
        const auto photo = core.library().importPhoto(
            patientId, bytes, modified.isValid() ? modified.toUTC() : session.vault().clock()());
        output.json(QJsonObject{{QStringLiteral("id"), photo.id},
                                {QStringLiteral("sha256"), photo.sha256}});
    } catch (const services::ServiceError &error) {
        if (error.kind() != services::ServiceError::Kind::Image)
            throw;
        output.error(QStringLiteral("%1 is not an image the app accepts: %2")
                         .arg(path, QString::fromUtf8(error.what())));
        return Failure;
    }
    return Ok;
}

int exportItem(Session &session, CommandLine &line, Output &output) {
    const QString item = line.require(QStringLiteral("item"));
    const domain::GateTarget target = requireTarget(line);
    const QString folder = line.require(QStringLiteral("out"));
    line.done();
    auto &core = session.open(false);
    try {
        const QString path = core.exports().exportToFolder(item, target, folder);
        output.json(QJsonObject{{QStringLiteral("path"), path}});
    } catch (const services::ShareRefused &refused) {
        output.json(decisionJson(refused.blocked().front().decision));
        return Findings;
    }
    return Ok;
}

std::optional<domain::phi::Kind> phiKindFromString(const QString &code) {
    for (int k = 0; k <= int(domain::phi::Kind::IpAddress); ++k) {
        if (domain::phi::toString(domain::phi::Kind(k)) == code)
            return domain::phi::Kind(k);
    }
    return std::nullopt;
}

QString phiMessage(domain::phi::Kind kind) {
    using domain::phi::Kind;
    switch (kind) {
    case Kind::Name:
        return QStringLiteral("the patient's name");
    case Kind::Date:
        return QStringLiteral("a date more precise than the year");
    case Kind::Phone:
        return QStringLiteral("a telephone number");
    case Kind::Fax:
        return QStringLiteral("a fax number");
    case Kind::Email:
        return QStringLiteral("an e-mail address");
    case Kind::Url:
        return QStringLiteral("a web address that carries an identifier");
    case Kind::RecordNumber:
        return QStringLiteral("a record, account, licence or other identifying number");
    case Kind::Ssn:
        return QStringLiteral("a social security number");
    case Kind::Address:
        return QStringLiteral("a street address");
    case Kind::ZipCode:
        return QStringLiteral("a ZIP code");
    case Kind::Age:
        return QStringLiteral("an age over 89");
    case Kind::IpAddress:
        return QStringLiteral("an IP address");
    }
    return {};
}

int checkText(Session &session, CommandLine &line, Output &output) {
    const QString patientId = line.require(QStringLiteral("patient"));
    line.done();
    auto &core = session.open(true);
    const auto patient = core.library().patient(patientId);
    if (!patient)
        throw UsageError{QStringLiteral("there is no patient %1 in this vault").arg(patientId)};
    const QString text = session.readText();
    // The same pre-post checks as the draft editor's, for text alone: PHI (kind: the
    // identifier's kind), health claims without a source, the education line.
    QJsonArray findings;
    bool blocking = false;
    for (const auto &check : core.posts().checkText(text, {patient->id})) {
        const bool phi = check.kind == QLatin1String(domain::prepost::kind::Phi);
        blocking = blocking || check.severity == domain::prepost::Severity::Blocking;
        QJsonObject finding{
            {QStringLiteral("kind"), phi ? check.phiKind : check.kind},
            {QStringLiteral("check"), check.kind},
            {QStringLiteral("severity"), domain::prepost::toString(check.severity)},
            {QStringLiteral("span"),
             check.start < 0
                 ? QJsonValue(QJsonValue::Null)
                 : QJsonValue(QJsonArray{qint64(check.start), qint64(check.start + check.length)})},
            {QStringLiteral("message"),
             phi ? QStringLiteral("This looks like %1: remove it before posting.")
                       .arg(phiMessage(
                           phiKindFromString(check.phiKind).value_or(domain::phi::Kind::Name)))
                 : check.message()}};
        if (!check.suggestion.isEmpty())
            finding.insert(QStringLiteral("suggestion"), check.suggestion);
        findings.append(finding);
    }
    output.json(findings);
    return blocking ? Findings : Ok;
}

int audit(Session &session, CommandLine &line, Output &output) {
    line.done();
    auto &core = session.open(true);
    if (line.words.value(1) == QLatin1String("export")) {
        core.audit().exportJsonLines([&](const QByteArray &bytes) { output.line(bytes); });
        return Ok;
    }
    const auto result = core.audit().verify();
    output.json(verificationJson(result));
    return result.ok ? Ok : Findings;
}

int verifyExport(CommandLine &line, Output &output) {
    const QString path = line.words.value(2);
    line.done();
    if (path.isEmpty() || line.words.size() != 3)
        throw UsageError{QStringLiteral("audit verify-export needs one FILE")};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        output.error(QStringLiteral("can't read %1: %2").arg(path, file.errorString()));
        return Failure;
    }
    QString deviceKey;
    const auto result = services::verifyExport(file.readAll(), &deviceKey);
    QJsonObject json = verificationJson(result);
    json.insert(QStringLiteral("deviceKey"), deviceKey);
    output.json(json);
    return result.ok ? Ok : Findings;
}

} // namespace

QString helpText() {
    return QStringLiteral(
        "Usage: consentcam-cli [--vault DIR] [--passcode-stdin] COMMAND [OPTIONS]\n"
        "\n"
        "Checks and scripts a ConsentCam vault with the app's own core. DIR defaults to the\n"
        "app's data directory. Commands that open a vault read the passcode from the first\n"
        "line of standard input when --passcode-stdin is given (it is required for them).\n"
        "Only init, seed-demo, seed-scale, import-photo and export change the vault (export\n"
        "only its audit log); every other command opens it read-only and writes nothing.\n"
        "\n"
        "Commands:\n"
        "  init                     Create a new vault in DIR with the passcode.\n"
        "  seed-demo [--patients N] [--seed S]\n"
        "                           Add N (default 8) clearly fictional patients with photos,\n"
        "                           stories, sealed consents, drafts, posts and a revocation.\n"
        "  seed-scale [--photos N] [--consents C] [--posts P]\n"
        "                           Add a synthetic practice for load tests: C patients\n"
        "                           (default N/10), each with an equal share of N small\n"
        "                           generated photos (default 1000000) and one sealed consent\n"
        "                           covering them, and P posts (default 2C) shared through\n"
        "                           the gate. Committed in batches, each made durable before\n"
        "                           it is acknowledged; progress on a terminal.\n"
        "  verify                   Check everything: every database page's HMAC and the\n"
        "                           database structure, every media blob's tags and photo\n"
        "                           hash, every consent's signature, validity and covered\n"
        "                           item hashes, the audit chain and its checkpoints. Prints\n"
        "                           a JSON report naming each damaged object.\n"
        "  consents list [--patient ID]\n"
        "                           Every sealed consent (or one patient's) as a JSON array\n"
        "                           with its scope, items and status.\n"
        "  gate --item ID --platform P --audience A --purpose X\n"
        "                           Ask the share gate: {\"allowed\": bool, \"reasons\": [...]}.\n"
        "                           ID is a photo (pho_...), story version (stv_...) or story\n"
        "                           (sto_..., its latest version). P: instagram, facebook, x,\n"
        "                           tiktok, linkedin, youtube, threads, bluesky, mastodon,\n"
        "                           website. A: public, followers, professionals. X:\n"
        "                           education, professional_education, awareness,\n"
        "                           practice_promotion.\n"
        "  import-photo --patient ID FILE\n"
        "                           Import a JPEG or PNG file as a clinical photo of the\n"
        "                           patient (the file itself stays where it is): {\"id\",\n"
        "                           \"sha256\"} of the stored original.\n"
        "  export --item ID --platform P --audience A --purpose X --out DIR2\n"
        "                           Ask the share gate as gate does and, when it allows,\n"
        "                           export the item into the folder DIR2: a photo as a fresh\n"
        "                           JPEG (upright, at most 2048 pixels across, no metadata),\n"
        "                           a story as the UTF-8 text of the version consented to.\n"
        "                           An existing file is never replaced (\"photo-... (2).jpg\").\n"
        "                           Prints {\"path\"}; when the gate refuses, its\n"
        "                           {\"allowed\": false, \"reasons\": [...]} and nothing is\n"
        "                           written. The export is logged in the audit chain.\n"
        "  check-text --patient ID  Read a post's text after the passcode line on standard\n"
        "                           input and run the pre-post checks on it: a JSON array\n"
        "                           of {\"kind\", \"check\", \"severity\", \"span\": [start,\n"
        "                           end] in UTF-16 code units or null, \"message\",\n"
        "                           \"suggestion\"}. PHI (check \"phi\", blocking) has the\n"
        "                           identifier's kind: name, date, phone, fax, email, url,\n"
        "                           record_number, ssn, address, zip_code, age, ip_address;\n"
        "                           then health_claim_source (warning) and education_line\n"
        "                           (suggestion). Exit 1 when a check blocks.\n"
        "  audit export             The audit log as JSON lines: a header with the vault id\n"
        "                           and device key, every entry, every signed checkpoint.\n"
        "  audit verify             Verify the audit chain and checkpoints in the vault.\n"
        "  audit verify-export FILE Verify an exported log off the device (no vault needed)\n"
        "                           against the device key its header names.\n"
        "\n"
        "Exit codes:\n"
        "  0  done; verify found nothing wrong; the gate allows the share (and the export\n"
        "     is written); the log verifies; the text holds no PHI\n"
        "  1  verify found problems; the gate refuses (nothing is exported); the log does\n"
        "     not verify; the text holds PHI\n"
        "  2  a usage error, a wrong passcode, a vault that can't be opened, or another\n"
        "     failure (said on standard error)\n");
}

int run(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err) {
    Output output(out, err);
    try {
        // Every cipher setting would be ignored silently by plain SQLite.
        (void)storage::requireSqlCipher();
        storage::silenceSqlCipherLog();
        CommandLine line = parse(arguments);
        if (line.help || line.words.value(0) == QLatin1String("help")) {
            out.write(helpText().toUtf8());
            return Ok;
        }
        if (line.words.isEmpty())
            throw UsageError{QStringLiteral("no command given (see --help)")};
        const QString command = line.words.front();
        if (command == QLatin1String("audit") &&
            line.words.value(1) == QLatin1String("verify-export"))
            return verifyExport(line, output);

        // Every command that opens a vault: its words and what runs it.
        using Run = int (*)(Session &, CommandLine &, Output &);
        struct Command {
            QStringList words;
            Run run;
            QString operand;         // the one word that follows the command's, if it takes one
            bool deferSyncs = false; // a bulk load: file syncs wait for each batch's commit
        };
        const std::array<Command, 11> commands{{
            {{QStringLiteral("init")}, init, {}},
            {{QStringLiteral("seed-demo")}, seedDemo, {}},
            {{QStringLiteral("seed-scale")}, seedScale, {}, true},
            {{QStringLiteral("verify")}, verify, {}},
            {{QStringLiteral("consents"), QStringLiteral("list")}, listConsents, {}},
            {{QStringLiteral("gate")}, gate, {}},
            {{QStringLiteral("check-text")}, checkText, {}},
            {{QStringLiteral("import-photo")}, importPhoto, QStringLiteral("FILE")},
            {{QStringLiteral("export")}, exportItem, {}},
            {{QStringLiteral("audit"), QStringLiteral("export")}, audit, {}},
            {{QStringLiteral("audit"), QStringLiteral("verify")}, audit, {}},
        }};
        for (const Command &candidate : commands) {
            if (line.words.mid(0, candidate.words.size()) != candidate.words)
                continue;
            const qsizetype expected =
                candidate.words.size() + (candidate.operand.isEmpty() ? 0 : 1);
            if (line.words.size() < expected)
                throw UsageError{
                    QStringLiteral("%1 needs %2")
                        .arg(candidate.words.join(QLatin1Char(' ')), candidate.operand)};
            if (line.words.size() != expected)
                throw UsageError{QStringLiteral("unexpected '%1'").arg(line.words.value(expected))};
            Session session(line, in, candidate.deferSyncs); // takes --vault
            return candidate.run(session, line, output);
        }
        throw UsageError{QStringLiteral("unknown command '%1' (see --help)")
                             .arg(line.words.join(QLatin1Char(' ')))};
    } catch (const UsageError &error) {
        output.error(error.message);
    } catch (const services::VaultException &error) {
        output.error(explain(error));
    } catch (const services::ServiceError &error) {
        output.error(QString::fromUtf8(error.what()));
    } catch (const storage::StorageError &error) {
        output.error(QString::fromUtf8(error.what()));
    } catch (const domain::TemplateError &error) {
        output.error(QStringLiteral("the built-in consent forms are damaged: %1")
                         .arg(QString::fromUtf8(error.what())));
    } catch (const std::exception &error) {
        output.error(QString::fromUtf8(error.what()));
    }
    return Failure;
}

} // namespace cc::cli
