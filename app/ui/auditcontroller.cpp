#include "ui/auditcontroller.h"

#include "domain/canonicaljson.h"
#include "services/auditservice.h"
#include "services/consentcore.h"
#include "ui/corehost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>

namespace cc::ui {

namespace {

const QStringList entryRoles{QStringLiteral("seq"),         QStringLiteral("at"),
                             QStringLiteral("kind"),        QStringLiteral("kindText"),
                             QStringLiteral("subjectText"), QStringLiteral("patientId"),
                             QStringLiteral("consentId"),   QStringLiteral("postId")};

QString shortId(const QString &id) {
    return id.section(QLatin1Char('_'), 1).left(8);
}

QString shortDateTime(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

QJsonObject dataOf(const QByteArray &entry) {
    try {
        return domain::parseJsonStrict(entry).toObject().value(QStringLiteral("data")).toObject();
    } catch (const domain::JsonError &) {
        return {}; // a damaged entry: verify() names it
    }
}

} // namespace

AuditController::AuditController(CoreHost &host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_entries(entryRoles) {
    connect(&m_host, &CoreHost::closing, this, &AuditController::clearAll);
    connect(&m_host, &CoreHost::opened, this, [this] { m_closing = false; });
}

QVariantList AuditController::filterChips() const {
    QVariantList chips;
    const auto chip = [&chips](const char *field, const QString &label) {
        chips.append(QVariantMap{{QStringLiteral("field"), QLatin1String(field)},
                                 {QStringLiteral("label"), label}});
    };
    if (!m_patientId.isEmpty())
        chip("patient", tr("Patient: %1").arg(patientLabel(m_patientId)));
    if (!m_consentId.isEmpty())
        chip("consent", tr("Consent %1").arg(shortId(m_consentId)));
    if (!m_postId.isEmpty())
        chip("post", tr("Post %1").arg(shortId(m_postId)));
    return chips;
}

void AuditController::setFilter(const QString &patientId, const QString &consentId,
                                const QString &postId) {
    m_patientId = patientId;
    m_consentId = consentId;
    m_postId = postId;
    emit filterChanged();
    reload();
}

void AuditController::clearFilter(const QString &field) {
    if (field.isEmpty() || field == QLatin1String("patient"))
        m_patientId.clear();
    if (field.isEmpty() || field == QLatin1String("consent"))
        m_consentId.clear();
    if (field.isEmpty() || field == QLatin1String("post"))
        m_postId.clear();
    emit filterChanged();
    reload();
}

void AuditController::refresh() {
    reload();
}

void AuditController::verify() {
    if (verifying())
        return;
    setError({});
    if (!m_host.isOpen()) {
        setError(tr("The vault is locked."));
        return;
    }
    m_closing = false;
    m_verifyState = VerifyState::Running;
    m_verifyMessage = tr("Checking every entry and signed checkpoint…");
    m_firstBadSeq = 0;
    setProgress(0);
    emit verifyChanged();

    QElapsedTimer sinceRepaint;
    sinceRepaint.start();
    const auto progress = [&](std::int64_t done, std::int64_t total) {
        if (m_closing)
            return false;
        if (done == total || sinceRepaint.elapsed() >= m_repaintInterval.count()) {
            setProgress(total > 0 ? double(done) / double(total) : 1.0);
            // Repaint, run timers and answer the system, but take no taps: nothing else
            // may touch the vault while the check reads it.
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
            sinceRepaint.restart();
        }
        return !m_closing;
    };
    domain::audit::Verification result;
    bool failed = false;
    try {
        // A service of its own, not the core's: the core goes if the vault locks meanwhile.
        services::AuditService audit(m_host.vault());
        result = audit.verify(progress);
    } catch (const std::exception &) {
        failed = true;
    }

    if (m_closing || result.reason == domain::audit::Problem::Cancelled) {
        m_verifyState = VerifyState::Cancelled;
        m_verifyMessage = tr("The check stopped because the vault locked. Unlock and check again.");
    } else if (failed) {
        m_verifyState = VerifyState::Failed;
        m_verifyMessage = tr("The log could not be read. Nothing was changed.");
    } else if (result.ok) {
        m_verifyState = VerifyState::Intact;
        setProgress(1);
        m_verifyMessage = tr("The log is intact: %n entries verified.", "", int(result.entries)) +
                          QLatin1Char(' ') +
                          tr("%n signed checkpoints.", "", int(result.checkpoints));
        if (const auto tail = int(result.entries - result.signedThrough); tail > 0)
            m_verifyMessage +=
                QLatin1Char(' ') + tr("The last %n entries are not yet covered by a signed "
                                      "checkpoint; the vault's encryption protects them.",
                                      "", tail);
    } else {
        m_verifyState = VerifyState::Broken;
        m_firstBadSeq = int(result.firstBadSeq.value_or(0));
        m_verifyMessage = tr("Entry %1 is the first that does not verify: %2")
                              .arg(QLocale().toString(m_firstBadSeq), problemText(result.reason));
    }
    emit verifyChanged();
}

QString AuditController::kindLabel(const QString &kind, const QJsonObject &data) {
    static const QHash<QString, const char *> Labels{
        {QStringLiteral("vault.created"), QT_TR_NOOP("Vault created")},
        {QStringLiteral("vault.device_key_created"), QT_TR_NOOP("Device key created")},
        {QStringLiteral("vault.unlocked"), QT_TR_NOOP("Vault unlocked")},
        {QStringLiteral("vault.passcode_changed"), QT_TR_NOOP("Passcode changed")},
        {QStringLiteral("clinician.changed"), QT_TR_NOOP("Clinician profile changed")},
        {QStringLiteral("policy.changed"), QT_TR_NOOP("Practice policy changed")},
        {QStringLiteral("patient.added"), QT_TR_NOOP("Patient added")},
        {QStringLiteral("photo.added"), QT_TR_NOOP("Photo added")},
        {QStringLiteral("photo.derived"), QT_TR_NOOP("Redacted copy made")},
        {QStringLiteral("photo.regions_marked"), QT_TR_NOOP("Identifying regions marked")},
        {QStringLiteral("story.added"), QT_TR_NOOP("Story written")},
        {QStringLiteral("story.edited"), QT_TR_NOOP("Story edited")},
        {QStringLiteral("consent.sealed"), QT_TR_NOOP("Consent sealed")},
        {QStringLiteral("consent.copy_made"), QT_TR_NOOP("Patient's copy made")},
        {QStringLiteral("consent.revoked"), QT_TR_NOOP("Consent revoked")},
        {QStringLiteral("consent.expiry_event"), QT_TR_NOOP("Consent's end event recorded")},
        {QStringLiteral("draft.created"), QT_TR_NOOP("Draft started")},
        {QStringLiteral("draft.updated"), QT_TR_NOOP("Draft changed")},
        {QStringLiteral("draft.item_attached"), QT_TR_NOOP("Item added to a draft")},
        {QStringLiteral("draft.item_detached"), QT_TR_NOOP("Item removed from a draft")},
        {QStringLiteral("draft.discarded"), QT_TR_NOOP("Draft discarded")},
        {QStringLiteral("post.recorded"), QT_TR_NOOP("Post shared")},
        {QStringLiteral("post.url_set"), QT_TR_NOOP("Post's address recorded")},
        {QStringLiteral("post.takedown_required"), QT_TR_NOOP("Post flagged for takedown")},
        {QStringLiteral("post.removed"), QT_TR_NOOP("Post taken down")},
    };
    if (kind == QLatin1String("media.exported")) {
        const QString what = data.value(QStringLiteral("what")).toString();
        if (what == QLatin1String("consent_copy"))
            return tr("Patient's copy given");
        if (what == QLatin1String("revocation_receipt"))
            return tr("Revocation receipt given");
        return tr("File exported");
    }
    const auto found = Labels.constFind(kind);
    return found == Labels.constEnd() ? kind : tr(*found);
}

QString AuditController::problemText(domain::audit::Problem problem) {
    using Problem = domain::audit::Problem;
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Cancelled:
        return tr("the check was stopped.");
    case Problem::DuplicateCheckpoint:
        return tr("two signed checkpoints claim the same entry.");
    case Problem::EntryMissing:
        return tr("an entry is missing.");
    case Problem::EntryOutOfOrder:
        return tr("the entries are out of order.");
    case Problem::EntryAltered:
        return tr("it was changed after it was written.");
    case Problem::CheckpointMissing:
        return tr("a signed checkpoint that must follow it is missing, so an entry may have "
                  "been changed, added or removed.");
    case Problem::CheckpointForged:
        return tr("a checkpoint is not signed by this device's key.");
    case Problem::CheckpointMismatch:
        return tr("the entries differ from what a signed checkpoint vouches for.");
    case Problem::EntriesRemoved:
        return tr("entries were removed from the end of the log.");
    case Problem::Malformed:
        return tr("it is not a well-formed entry.");
    case Problem::WrongStart:
        return tr("the log does not begin with the vault's creation and its device key.");
    case Problem::IndexMismatch:
        return tr("what the log is searched by no longer matches the entry.");
    case Problem::Empty:
        return tr("the log is empty.");
    case Problem::ExportUnreadable:
        return tr("the export can't be read.");
    }
    return {};
}

void AuditController::reload() {
    auto *core = m_host.core();
    if (!core) {
        m_entries.clear();
        return;
    }
    try {
        m_patientNames.clear();
        QVariantList choices;
        for (const auto &patient : core->library().patients({}, 1000)) {
            m_patientNames.insert(patient.id, patient.displayName);
            choices.append(QVariantMap{{QStringLiteral("patientId"), patient.id},
                                       {QStringLiteral("label"), patient.displayName}});
        }
        if (choices != m_patientChoices) {
            m_patientChoices = choices;
            emit patientChoicesChanged();
        }
        emit filterChanged(); // the chips name patients read just now

        const auto rows = core->audit().entries({m_patientId, m_consentId, m_postId});
        QList<QVariantMap> entries;
        entries.reserve(qsizetype(rows.size()));
        for (auto row = rows.rbegin(); row != rows.rend(); ++row) {
            QStringList subject;
            if (!row->subject.patientId.isEmpty())
                subject.append(patientLabel(row->subject.patientId));
            if (!row->subject.consentId.isEmpty())
                subject.append(tr("Consent %1").arg(shortId(row->subject.consentId)));
            if (!row->subject.postId.isEmpty())
                subject.append(tr("Post %1").arg(shortId(row->subject.postId)));
            entries.append({{QStringLiteral("seq"), qint64(row->seq)},
                            {QStringLiteral("at"), shortDateTime(row->at)},
                            {QStringLiteral("kind"), row->kind},
                            {QStringLiteral("kindText"), kindLabel(row->kind, dataOf(row->entry))},
                            {QStringLiteral("subjectText"), subject.join(QStringLiteral(" · "))},
                            {QStringLiteral("patientId"), row->subject.patientId},
                            {QStringLiteral("consentId"), row->subject.consentId},
                            {QStringLiteral("postId"), row->subject.postId}});
        }
        m_entries.setRows(std::move(entries));
        setError({});
    } catch (const std::exception &) {
        m_entries.clear();
        setError(tr("The log could not be read. Nothing was changed."));
    }
}

void AuditController::clearAll() {
    m_closing = true;
    m_entries.clear();
    m_patientNames.clear();
    m_patientId.clear();
    m_consentId.clear();
    m_postId.clear();
    emit filterChanged();
    if (!m_patientChoices.isEmpty()) {
        m_patientChoices.clear();
        emit patientChoicesChanged();
    }
    if (!verifying()) {
        m_verifyState = VerifyState::NotRun;
        m_verifyMessage.clear();
        m_firstBadSeq = 0;
        setProgress(0);
        emit verifyChanged();
    }
    setError({});
}

void AuditController::setProgress(double progress) {
    if (qFuzzyCompare(progress + 1, m_progress + 1))
        return;
    m_progress = progress;
    emit progressChanged();
}

void AuditController::setError(const QString &message) {
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

QString AuditController::patientLabel(const QString &patientId) const {
    const auto found = m_patientNames.constFind(patientId);
    if (found != m_patientNames.constEnd())
        return *found;
    return tr("Patient %1").arg(shortId(patientId));
}

} // namespace cc::ui
