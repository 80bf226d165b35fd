#include "services/auditservice.h"

#include "domain/canonicaljson.h"
#include "domain/timestamps.h"
#include "services/servicesupport.h"

#include <QList>

#include <algorithm>

namespace cc::services {

using support::guarded;

namespace {

QString hex(const crypto::Bytes &bytes) {
    return QString::fromStdString(crypto::toHex(bytes));
}

crypto::Bytes unhex(const QJsonValue &value) {
    try {
        return crypto::fromHex(value.toString().toStdString());
    } catch (const std::invalid_argument &) {
        return {};
    }
}

} // namespace

domain::audit::Verification AuditService::verify(const domain::audit::Progress &progress) {
    return guarded([&] {
        auto &log = m_vault.audit();
        auto result =
            domain::audit::verifyChain(log.entries(), log.checkpoints(), m_vault.devicePublicKey(),
                                       m_vault.vaultId(), progress);
        if (!result.ok)
            return result;
        const auto fail = [&](std::int64_t seq, domain::audit::Problem reason,
                              const QString &problem) {
            result.ok = false;
            result.reason = reason;
            result.firstBadSeq = seq;
            result.problem = problem;
        };
        // The log starts with the vault (or, for a vault older than its device key, with the
        // key's creation), naming this device key: an emptied or replaced log is not clean.
        const QString key = hex(m_vault.devicePublicKey());
        bool first = true;
        log.forEach({}, [&](const storage::AuditLog::Row &row) {
            if (!result.ok)
                return;
            const QJsonObject entry = domain::parseJsonStrict(row.entry).toObject();
            if (first) {
                first = false;
                const QString kind = entry.value(QStringLiteral("kind")).toString();
                const QJsonObject data = entry.value(QStringLiteral("data")).toObject();
                if ((kind != QLatin1String("vault.created") &&
                     kind != QLatin1String("vault.device_key_created")) ||
                    data.value(QStringLiteral("deviceKey")).toString() != key)
                    return fail(row.seq, domain::audit::Problem::WrongStart,
                                QStringLiteral("the log does not begin with the vault's "
                                               "creation and its device key"));
            }
            // The columns the log is filtered by must say what the entry says.
            const QStringList subjects{row.subject.patientId, row.subject.consentId,
                                       row.subject.postId};
            const bool indexed =
                row.kind == entry.value(QStringLiteral("kind")).toString() &&
                domain::isoUtc(row.at) == entry.value(QStringLiteral("at")).toString() &&
                std::all_of(subjects.begin(), subjects.end(), [&](const QString &id) {
                    return id.isEmpty() || row.entry.contains(id.toUtf8());
                });
            if (!indexed)
                fail(row.seq, domain::audit::Problem::IndexMismatch,
                     QStringLiteral("entry %1's index columns differ from the entry").arg(row.seq));
        });
        if (first)
            fail(1, domain::audit::Problem::Empty,
                 QStringLiteral("the log is empty: a vault's log begins with its creation"));
        return result;
    });
}

std::vector<storage::AuditLog::Row>
AuditService::entries(const storage::AuditLog::Subject &filter) {
    std::vector<storage::AuditLog::Row> rows;
    guarded(
        [&] { m_vault.audit().forEach(filter, [&](const auto &row) { rows.push_back(row); }); });
    return rows;
}

void AuditService::exportJsonLines(const std::function<void(const QByteArray &line)> &write) {
    guarded([&] {
        auto &log = m_vault.audit();
        const auto entries = log.entries();
        const auto checkpoints = log.checkpoints();
        write(domain::canonicalJson(
            QJsonObject{{QStringLiteral("format"), QLatin1StringView(ExportFormat)},
                        {QStringLiteral("vault"), m_vault.vaultId()},
                        {QStringLiteral("deviceKey"), hex(m_vault.devicePublicKey())},
                        {QStringLiteral("exportedAt"), domain::isoUtc(m_vault.clock()())},
                        {QStringLiteral("entries"), qint64(entries.size())},
                        {QStringLiteral("checkpoints"), qint64(checkpoints.size())}}));
        auto checkpoint = checkpoints.begin();
        for (const auto &entry : entries) {
            // A damaged entry is exported as its bytes, so the export still runs and the
            // off-device check names it.
            QJsonValue parsed;
            try {
                parsed = domain::parseJsonStrict(entry.entry);
            } catch (const domain::JsonError &) {
            }
            QJsonObject line{{QStringLiteral("seq"), qint64(entry.seq)},
                             {QStringLiteral("hash"), hex(entry.hash)}};
            if (parsed.isObject())
                line.insert(QStringLiteral("entry"), parsed);
            else
                line.insert(QStringLiteral("damaged"),
                            hex(crypto::Bytes(entry.entry.begin(), entry.entry.end())));
            write(domain::canonicalJson(line));
            while (checkpoint != checkpoints.end() && checkpoint->seq <= entry.seq) {
                write(domain::canonicalJson(QJsonObject{
                    {QStringLiteral("checkpoint"),
                     QJsonObject{{QStringLiteral("seq"), qint64(checkpoint->seq)},
                                 {QStringLiteral("head"), hex(checkpoint->head)},
                                 {QStringLiteral("signature"), hex(checkpoint->signature)}}}}));
                ++checkpoint;
            }
        }
    });
}

domain::audit::Verification verifyExport(const QByteArray &jsonLines, QString *deviceKeyHex) {
    domain::audit::Verification failed;
    failed.reason = domain::audit::Problem::ExportUnreadable;
    const QList<QByteArray> lines = jsonLines.split('\n');
    std::vector<domain::audit::Entry> entries;
    std::vector<domain::audit::Checkpoint> checkpoints;
    QJsonObject header;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        QJsonObject object;
        try {
            object = domain::parseJsonStrict(lines[i]).toObject();
        } catch (const domain::JsonError &error) {
            failed.problem =
                QStringLiteral("line %1: %2").arg(i + 1).arg(QString::fromUtf8(error.what()));
            return failed;
        }
        if (header.isEmpty()) {
            if (object.value(QStringLiteral("format")).toString() !=
                QLatin1StringView(AuditService::ExportFormat)) {
                failed.problem = QStringLiteral("not an audit export");
                return failed;
            }
            header = object;
        } else if (object.contains(QStringLiteral("checkpoint"))) {
            const QJsonObject checkpoint = object.value(QStringLiteral("checkpoint")).toObject();
            checkpoints.push_back({checkpoint.value(QStringLiteral("seq")).toInteger(),
                                   unhex(checkpoint.value(QStringLiteral("head"))),
                                   unhex(checkpoint.value(QStringLiteral("signature")))});
        } else if (object.contains(QStringLiteral("damaged"))) {
            const crypto::Bytes bytes = unhex(object.value(QStringLiteral("damaged")));
            entries.push_back(
                {object.value(QStringLiteral("seq")).toInteger(),
                 QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())),
                 unhex(object.value(QStringLiteral("hash")))});
        } else {
            QByteArray entry;
            try {
                entry = domain::canonicalJson(object.value(QStringLiteral("entry")));
            } catch (const domain::JsonError &error) {
                failed.problem =
                    QStringLiteral("line %1: %2").arg(i + 1).arg(QString::fromUtf8(error.what()));
                return failed;
            }
            entries.push_back({object.value(QStringLiteral("seq")).toInteger(), entry,
                               unhex(object.value(QStringLiteral("hash")))});
        }
    }
    if (header.isEmpty()) {
        failed.problem = QStringLiteral("the export is empty");
        return failed;
    }
    const QString key = header.value(QStringLiteral("deviceKey")).toString();
    if (deviceKeyHex)
        *deviceKeyHex = key;
    auto result = domain::audit::verifyChain(entries, checkpoints, unhex(QJsonValue(key)),
                                             header.value(QStringLiteral("vault")).toString());
    // An export cut short after a checkpoint would otherwise verify: the header counts.
    if (result.ok &&
        (header.value(QStringLiteral("entries")).toInteger(-1) != qint64(entries.size()) ||
         header.value(QStringLiteral("checkpoints")).toInteger(-1) != qint64(checkpoints.size()))) {
        result.ok = false;
        result.reason = domain::audit::Problem::EntriesRemoved;
        result.firstBadSeq = qint64(entries.size()) + 1;
        result.problem = QStringLiteral("the export holds %1 entries and %2 checkpoints, its "
                                        "header says %3 and %4")
                             .arg(entries.size())
                             .arg(checkpoints.size())
                             .arg(header.value(QStringLiteral("entries")).toInteger())
                             .arg(header.value(QStringLiteral("checkpoints")).toInteger());
    }
    return result;
}

} // namespace cc::services
