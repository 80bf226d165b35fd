#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace cc::domain {
class TemplateCatalog;
}

namespace cc::services {

class Vault;

// One thing found wrong: what kind of object, which one, and what is wrong with it.
struct VerifyProblem {
    QString object; // "database", "media", "photo", "story_version", "consent", "audit"
    QString id;     // the object's id, page number or audit seq
    QString problem;
    QJsonObject details; // more about where: the photo a blob belongs to, the table a page holds
};

struct VerifyReport {
    QString vaultId;
    qint64 pages = 0; // pages whose HMAC was checked (the database's page count)
    qint64 mediaBlobs = 0;
    qint64 photos = 0;
    qint64 storyVersions = 0;
    qint64 consents = 0;
    qint64 consentCopies = 0;
    qint64 auditEntries = 0;
    qint64 checkpoints = 0;
    qint64 walFrames = 0; // frames found in the write-ahead log a crash left
    std::vector<VerifyProblem> problems;
    // What is worth knowing but is not damage (files a crash left behind).
    QStringList notes;

    [[nodiscard]] bool ok() const { return problems.empty(); }
    [[nodiscard]] QJsonObject toJson() const;
};

// Checks a whole vault off the phone, for a privacy officer (DESIGN §2.8, §4):
//   - every database page's HMAC (cipher_integrity_check) and SQLite's integrity check;
//   - every media blob decrypts with its tags verified, every photo's original hashes
//     to its recorded SHA-256, every story version's text to its;
//   - every consent's bytes, hash and device signature, its item index, the validity
//     rules, and each covered item's hash recomputed from the stored bytes;
//   - every consent's copy (the signer's PDF) decrypts and hashes to its recorded SHA-256;
//   - the audit chain and its signed checkpoints, and that what it records (seals, copies,
//     revocations, expiry events, posts and their takedown state) is what the tables hold;
//   - the write-ahead log a crash may have left, which SQLite would otherwise cut short
//     silently at a damaged frame.
// It opens the vault for inspection and writes nothing. Damage is reported, never thrown.
class VaultVerifier final {
public:
    // Progress: a phase name and (done, total) within it.
    using Progress = std::function<void(const QString &phase, qint64 done, qint64 total)>;

    VaultVerifier(Vault &vault, const domain::TemplateCatalog &templates)
        : m_vault(vault)
        , m_templates(templates) {}

    // vault must be locked; it is locked again when run() returns. Throws VaultException
    // for what stops a check before it starts: no vault, a wrong passcode (counted like
    // any try), a back-off.
    [[nodiscard]] VerifyReport run(const QString &passcode, const Progress &progress = {});

private:
    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
};

} // namespace cc::services
