#include "services/auditservice.h"

#include "domain/canonicaljson.h"
#include "domain/timestamps.h"
#include "services/servicesupport.h"

#include <QList>

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
        return domain::audit::verifyChain(log.entries(), log.checkpoints(),
                                          m_vault.devicePublicKey(), m_vault.vaultId(), progress);
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
            write(domain::canonicalJson(
                QJsonObject{{QStringLiteral("seq"), qint64(entry.seq)},
                            {QStringLiteral("entry"), domain::parseJsonStrict(entry.entry)},
                            {QStringLiteral("hash"), hex(entry.hash)}}));
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
    return domain::audit::verifyChain(entries, checkpoints, unhex(QJsonValue(key)),
                                      header.value(QStringLiteral("vault")).toString());
}

} // namespace cc::services
