#include "services/vaultverifier.h"

#include "crypto/hash.h"
#include "crypto/hkdf.h"
#include "domain/consenttemplate.h"
#include "services/auditservice.h"
#include "services/consentservice.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/consentcopyrepository.h"
#include "storage/consentrepository.h"
#include "storage/database.h"
#include "storage/mediastore.h"
#include "storage/photorepository.h"
#include "storage/postrepository.h"
#include "storage/storyrepository.h"
#include "storage/walcheck.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <QFileInfo>

namespace cc::services {

namespace {

// What a media blob holds: a photo's original or thumbnail, or a consent's copy.
struct BlobOwner {
    QString photoId;
    QString role; // "original", "thumbnail", "copy"
    QString expectedSha256;
    QString consentId{}; // for a copy
};

class Checker {
public:
    Checker(Vault &vault, const domain::TemplateCatalog &templates, VerifyReport &report,
            const VaultVerifier::Progress &progress)
        : m_vault(vault)
        , m_templates(templates)
        , m_report(report)
        , m_progress(progress) {}

    void problem(const QString &object, const QString &id, const QString &text,
                 const QJsonObject &details = {}) {
        m_report.problems.push_back({object, id, text, details});
    }

    // Runs one pass; a storage failure inside it is a finding, and the next pass runs.
    template<class F>
    void pass(const char *what, F &&f) {
        try {
            f();
        } catch (const std::exception &error) {
            problem(QStringLiteral("database"), {},
                    QStringLiteral("reading %1 failed: %2")
                        .arg(QLatin1StringView(what), QString::fromUtf8(error.what())));
        }
    }

    void progress(const char *phase, qint64 done, qint64 total) {
        if (m_progress)
            m_progress(QLatin1StringView(phase), done, total);
    }

    void photos() {
        storage::PhotoRepository repository(m_vault.database());
        repository.forEach([&](const domain::Photo &photo) {
            ++m_report.photos;
            m_owners.insert(photo.mediaId, {photo.id, QStringLiteral("original"), photo.sha256});
            m_owners.insert(photo.thumbMediaId, {photo.id, QStringLiteral("thumbnail"), {}});
        });
    }

    void copies() {
        storage::ConsentCopyRepository(m_vault.database())
            .forEach([&](const domain::ConsentCopy &copy) {
                ++m_report.consentCopies;
                m_owners.insert(copy.mediaId,
                                {{}, QStringLiteral("copy"), copy.sha256, copy.consentId});
                m_copies.insert(copy.consentId, copy.sha256);
            });
    }

    void media() {
        auto &store = m_vault.media();
        const qint64 total = store.count();
        store.forEachId([&](const QString &mediaId) {
            ++m_report.mediaBlobs;
            progress("media", m_report.mediaBlobs, total);
            const BlobOwner owner = m_owners.value(mediaId);
            QJsonObject details;
            if (!owner.photoId.isEmpty()) {
                details.insert(QStringLiteral("photo"), owner.photoId);
                details.insert(QStringLiteral("role"), owner.role);
            } else if (!owner.consentId.isEmpty()) {
                details.insert(QStringLiteral("consent"), owner.consentId);
                details.insert(QStringLiteral("role"), owner.role);
            }
            try {
                const crypto::SecretBytes bytes = store.read(mediaId);
                if (!owner.consentId.isEmpty()) {
                    if (support::sha256Hex(crypto::view(bytes)) != owner.expectedSha256)
                        problem(
                            QStringLiteral("consent"), owner.consentId,
                            QStringLiteral("its copy's bytes do not match the recorded SHA-256"),
                            {{QStringLiteral("media"), mediaId}});
                } else if (!owner.expectedSha256.isEmpty()) {
                    const QString actual = support::sha256Hex(crypto::view(bytes));
                    m_photoHashes.insert(owner.photoId, actual);
                    if (actual != owner.expectedSha256)
                        problem(QStringLiteral("photo"), owner.photoId,
                                QStringLiteral(
                                    "the original's bytes do not match its recorded SHA-256"),
                                {{QStringLiteral("media"), mediaId}});
                }
            } catch (const storage::StorageError &error) {
                problem(QStringLiteral("media"), mediaId, QString::fromUtf8(error.what()), details);
            }
        });
        for (auto it = m_owners.cbegin(); it != m_owners.cend(); ++it) {
            if (!store.contains(it.key()))
                problem(it->consentId.isEmpty() ? QStringLiteral("photo")
                                                : QStringLiteral("consent"),
                        it->consentId.isEmpty() ? it->photoId : it->consentId,
                        QStringLiteral("its %1 blob has no media row").arg(it->role));
        }
    }

    void storyVersions() {
        storage::StoryRepository(m_vault.database())
            .forEachVersion([&](const domain::StoryVersion &version) {
                ++m_report.storyVersions;
                const QString actual = support::sha256Hex(version.text);
                m_storyHashes.insert(version.id, actual);
                if (actual != version.sha256)
                    problem(QStringLiteral("story_version"), version.id,
                            QStringLiteral("the text does not match its recorded SHA-256"));
            });
    }

    void consents() {
        ConsentService service(m_vault, m_templates);
        storage::ConsentRepository repository(m_vault.database());
        const qint64 total = repository.count();
        repository.forEach([&](const domain::SealedConsent &consent) {
            ++m_report.consents;
            progress("consents", m_report.consents, total);
            const ConsentCheck checked = service.check(consent);
            if (!checked.intact) {
                problem(QStringLiteral("consent"), consent.id, checked.integrityProblem);
                return;
            }
            for (const auto &defect : checked.defects)
                problem(QStringLiteral("consent"), consent.id,
                        QStringLiteral("not valid: %1 (%2)").arg(defect.element, defect.message));
            // The row's times are what lists and badges show: they must be the record's.
            const domain::ConsentRecord &record = *checked.record;
            if (consent.sealedAt != record.sealedAt || consent.startsAt != record.startsAt ||
                consent.expiresAt != record.expiresAt())
                problem(QStringLiteral("consent"), consent.id,
                        QStringLiteral("the row's times differ from the sealed record"));
            if (!record.signer.authorityDocument.isEmpty() &&
                m_photoHashes.value(record.signer.authorityDocument) !=
                    record.signer.authorityDocumentSha256)
                problem(QStringLiteral("consent"), consent.id,
                        QStringLiteral("the authority document no longer has the sealed SHA-256"));
            m_sealed.insert(consent.id, consent.recordSha256);
            auto indexed = repository.indexedItems(consent.id);
            auto recorded = checked.record->items;
            const auto byId = [](const auto &a, const auto &b) {
                return a.id < b.id;
            };
            std::sort(recorded.begin(), recorded.end(), byId);
            const bool sameIndex =
                std::equal(indexed.begin(), indexed.end(), recorded.begin(), recorded.end(),
                           [](const auto &a, const auto &b) {
                               return a.kind == b.kind && a.id == b.id && a.sha256 == b.sha256;
                           });
            if (!sameIndex)
                problem(QStringLiteral("consent"), consent.id,
                        QStringLiteral("the item index differs from the sealed record"));
            for (const auto &item : recorded) {
                const auto &hashes =
                    item.kind == domain::ItemKind::Photo ? m_photoHashes : m_storyHashes;
                const auto found = hashes.constFind(item.id);
                if (found == hashes.cend())
                    problem(QStringLiteral("consent"), consent.id,
                            QStringLiteral("covered item %1 can't be read to check its hash")
                                .arg(item.id));
                else if (*found != item.sha256)
                    problem(QStringLiteral("consent"), consent.id,
                            QStringLiteral("covered item %1 no longer has the sealed SHA-256")
                                .arg(item.id));
            }
        });
    }

    // What the signed log says happened must be what the tables hold: a row deleted or
    // added behind the app's back (a revocation, a post's takedown state) shows here.
    void ledger() {
        QHash<QString, QString> sealedLogged; // consent -> record hash
        QHash<QString, QString> copiesLogged; // consent -> the copy's hash
        QSet<QString> revokedLogged, eventLogged, postedLogged, takedownLogged, removedLogged;
        m_vault.audit().forEach({}, [&](const storage::AuditLog::Row &row) {
            QJsonObject data;
            try {
                data = domain::parseJsonStrict(row.entry)
                           .toObject()
                           .value(QStringLiteral("data"))
                           .toObject();
            } catch (const domain::JsonError &) {
                return; // the chain check names it
            }
            const auto field = [&](const char *name) {
                return data.value(QLatin1StringView(name)).toString();
            };
            if (row.kind == QLatin1String("consent.sealed"))
                sealedLogged.insert(field("consent"), field("recordSha256"));
            else if (row.kind == QLatin1String("consent.copy_made"))
                copiesLogged.insert(field("consent"), field("sha256"));
            else if (row.kind == QLatin1String("consent.revoked"))
                revokedLogged.insert(field("consent"));
            else if (row.kind == QLatin1String("consent.expiry_event"))
                eventLogged.insert(field("consent"));
            else if (row.kind == QLatin1String("post.recorded"))
                postedLogged.insert(field("post"));
            else if (row.kind == QLatin1String("post.takedown_required"))
                takedownLogged.insert(field("post"));
            else if (row.kind == QLatin1String("post.removed"))
                removedLogged.insert(field("post"));
        });
        const auto mismatch = [&](const QString &object, const QString &id, const QString &text) {
            problem(object, id, text);
        };
        for (auto it = m_sealed.cbegin(); it != m_sealed.cend(); ++it) {
            if (sealedLogged.value(it.key()) != it.value())
                mismatch(QStringLiteral("consent"), it.key(),
                         QStringLiteral("no entry in the audit log seals this record"));
        }
        for (auto it = sealedLogged.cbegin(); it != sealedLogged.cend(); ++it) {
            if (!m_sealed.contains(it.key()))
                mismatch(QStringLiteral("consent"), it.key(),
                         QStringLiteral("the audit log records this consent, the vault lost it"));
        }
        for (auto it = m_copies.cbegin(); it != m_copies.cend(); ++it) {
            if (copiesLogged.value(it.key()) != it.value())
                mismatch(QStringLiteral("consent"), it.key(),
                         QStringLiteral("no entry in the audit log made this copy"));
        }
        for (auto it = copiesLogged.cbegin(); it != copiesLogged.cend(); ++it) {
            if (!m_copies.contains(it.key()))
                mismatch(QStringLiteral("consent"), it.key(),
                         QStringLiteral("the audit log records a copy the vault lost"));
        }
        storage::ConsentRepository consents(m_vault.database());
        const QStringList revoked = consents.revokedConsentIds();
        for (const QString &id : revoked) {
            if (!revokedLogged.contains(id))
                mismatch(QStringLiteral("consent"), id,
                         QStringLiteral("a revocation no audit entry records"));
        }
        for (const QString &id : revokedLogged) {
            if (!revoked.contains(id))
                mismatch(QStringLiteral("consent"), id,
                         QStringLiteral("the audit log records a revocation the vault lost"));
        }
        const QStringList events = consents.consentIdsWithExpiryEvent();
        for (const QString &id : events) {
            if (!eventLogged.contains(id))
                mismatch(QStringLiteral("consent"), id,
                         QStringLiteral("an expiry event no audit entry records"));
        }
        for (const QString &id : eventLogged) {
            if (!events.contains(id))
                mismatch(QStringLiteral("consent"), id,
                         QStringLiteral("the audit log records an expiry event the vault lost"));
        }
        const auto statuses = storage::PostRepository(m_vault.database()).statuses();
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
            const bool flagged = it.value() != domain::PostStatus::Published;
            if (!postedLogged.contains(it.key()) || flagged != takedownLogged.contains(it.key()) ||
                (it.value() == domain::PostStatus::Removed) != removedLogged.contains(it.key()))
                mismatch(QStringLiteral("post"), it.key(),
                         QStringLiteral("its takedown state is not what the audit log records"));
        }
        for (const QString &id : postedLogged) {
            if (!statuses.contains(id))
                mismatch(QStringLiteral("post"), id,
                         QStringLiteral("the audit log records this post, the vault lost it"));
        }
    }

    // Files in media/ that no row names: left by an interrupted write (the app removes
    // them at its next unlock) or put there from outside. Not damage, but worth knowing.
    void strayFiles() {
        const QDir dir(m_vault.media().mediaDir());
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
            if (!m_vault.media().contains(name))
                m_report.notes.append(QStringLiteral("media/%1 has no row").arg(name));
        }
    }

    void audit() {
        const auto result = AuditService(m_vault).verify([&](qint64 done, qint64 total) {
            progress("audit", done, total);
            return true;
        });
        m_report.auditEntries = result.entries;
        m_report.checkpoints = result.checkpoints;
        if (!result.ok)
            problem(QStringLiteral("audit"), QString::number(result.firstBadSeq.value_or(0)),
                    result.problem);
    }

private:
    Vault &m_vault;
    const domain::TemplateCatalog &m_templates;
    VerifyReport &m_report;
    const VaultVerifier::Progress &m_progress;
    QHash<QString, BlobOwner> m_owners;
    QHash<QString, QString> m_photoHashes; // photo id -> SHA-256 of the decrypted original
    QHash<QString, QString> m_storyHashes; // version id -> SHA-256 of its text
    QHash<QString, QString> m_sealed;      // consent id -> record hash, as stored
    QHash<QString, QString> m_copies;      // consent id -> its copy's SHA-256, as stored
};

} // namespace

QJsonObject VerifyReport::toJson() const {
    QJsonArray list;
    for (const auto &p : problems) {
        QJsonObject entry = p.details;
        entry.insert(QStringLiteral("object"), p.object);
        entry.insert(QStringLiteral("id"), p.id);
        entry.insert(QStringLiteral("problem"), p.problem);
        list.append(entry);
    }
    return {
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("vault"), vaultId},
        {QStringLiteral("checked"), QJsonObject{{QStringLiteral("databasePages"), pages},
                                                {QStringLiteral("mediaBlobs"), mediaBlobs},
                                                {QStringLiteral("photos"), photos},
                                                {QStringLiteral("storyVersions"), storyVersions},
                                                {QStringLiteral("consents"), consents},
                                                {QStringLiteral("consentCopies"), consentCopies},
                                                {QStringLiteral("auditEntries"), auditEntries},
                                                {QStringLiteral("walFrames"), walFrames},
                                                {QStringLiteral("checkpoints"), checkpoints}}},
        {QStringLiteral("problems"), list}};
}

VerifyReport VaultVerifier::run(const QString &passcode, const Progress &progress) {
    VerifyReport report;
    Checker checker(m_vault, m_templates, report, progress);
    const crypto::SecretBytes masterKey = m_vault.unwrapMasterKey(passcode);

    // Pages first, on a connection that reads nothing else: this works even when the
    // schema page is the damaged one.
    std::vector<int> badPages;
    try {
        const crypto::SecretBytes dbKey = crypto::deriveKey(crypto::view(masterKey), "db");
        badPages =
            storage::Database::cipherIntegrityCheck(m_vault.databasePath(), crypto::view(dbKey));
        report.pages = QFileInfo(m_vault.databasePath()).size() / 4096;
    } catch (const storage::StorageError &error) {
        checker.problem(QStringLiteral("database"), {}, QString::fromUtf8(error.what()));
    }

    // What a crash left in the write-ahead log: SQLite would silently drop every
    // transaction after a damaged frame, so the log file is read here first.
    const storage::WalReport wal =
        storage::checkWal(m_vault.databasePath() + QStringLiteral("-wal"));
    report.walFrames = wal.frames;
    if (!wal.ok()) {
        QJsonArray frames;
        for (const qint64 frame : wal.damagedFrames)
            frames.append(frame);
        checker.problem(QStringLiteral("database"), QStringLiteral("wal"), wal.problem,
                        {{QStringLiteral("frames"), frames}});
    }

    try {
        m_vault.openForInspection(crypto::view(masterKey));
    } catch (const VaultException &error) {
        for (const int page : badPages)
            checker.problem(QStringLiteral("database"), QString::number(page),
                            QStringLiteral("page fails its HMAC check"),
                            {{QStringLiteral("page"), page}});
        checker.problem(QStringLiteral("database"), {},
                        QStringLiteral("the database can't be opened: %1")
                            .arg(QString::fromUtf8(error.what())));
        return report;
    }
    report.vaultId = m_vault.vaultId();

    checker.pass("the database structure", [&] {
        // A page that fails its HMAC can't be read at all, so SQLite's own checks can only
        // say which table it belongs to: the one whose check fails.
        const QStringList damaged = m_vault.database().damagedTables();
        for (const int page : badPages) {
            checker.problem(QStringLiteral("database"), QString::number(page),
                            QStringLiteral("page fails its HMAC check"),
                            {{QStringLiteral("page"), page},
                             {QStringLiteral("tables"), QJsonArray::fromStringList(damaged)}});
        }
        if (!badPages.empty())
            return;
        for (const auto &p : m_vault.database().integrityProblems())
            checker.problem(QStringLiteral("database"), QString::number(p.page), p.detail,
                            {{QStringLiteral("page"), p.page}, {QStringLiteral("table"), p.owner}});
    });
    checker.pass("photos", [&] { checker.photos(); });
    checker.pass("consent copies", [&] { checker.copies(); });
    checker.pass("media", [&] { checker.media(); });
    checker.pass("stories", [&] { checker.storyVersions(); });
    checker.pass("consents", [&] { checker.consents(); });
    checker.pass("the audit log", [&] { checker.audit(); });
    checker.pass("the audit log against the vault", [&] { checker.ledger(); });
    checker.pass("the media directory", [&] { checker.strayFiles(); });
    m_vault.lock();
    return report;
}

} // namespace cc::services
