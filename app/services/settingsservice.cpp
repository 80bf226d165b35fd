#include "services/settingsservice.h"

#include "domain/canonicaljson.h"
#include "services/servicesupport.h"
#include "storage/auditlog.h"
#include "storage/vaultmetarepository.h"

namespace cc::services {

namespace {

const QString PolicyKey = QStringLiteral("policy");
const QString ClinicianKey = QStringLiteral("clinician");

QJsonValue stored(Vault &vault, const QString &key) {
    const auto text =
        support::guarded([&] { return storage::VaultMetaRepository(vault.database()).value(key); });
    if (!text)
        return QJsonValue(QJsonValue::Undefined);
    try {
        return domain::parseJsonStrict(text->toUtf8());
    } catch (const domain::JsonError &error) {
        throw ServiceError(ServiceError::Kind::Storage,
                           "the stored " + key.toStdString() + " is damaged: " + error.what());
    }
}

void store(Vault &vault, const QString &key, const QJsonObject &value, const QString &kind) {
    auto transaction = support::beginChange(vault);
    support::guarded([&] {
        storage::VaultMetaRepository(vault.database())
            .setValue(key, QString::fromUtf8(domain::canonicalJson(value)));
        vault.audit().append(kind, vault.clock()().toUTC(), {{key, value}});
        transaction.commit();
    });
}

} // namespace

domain::Policy SettingsService::policy() {
    const QJsonValue json = stored(m_vault, PolicyKey);
    if (json.isUndefined())
        return domain::Policy::defaults();
    const auto policy = domain::Policy::fromJson(json);
    if (!policy)
        throw ServiceError(ServiceError::Kind::Storage, "the stored policy is damaged");
    return *policy;
}

void SettingsService::setPolicy(const domain::Policy &policy) {
    if (const QString problem = policy.problem(); !problem.isEmpty())
        support::invalid(problem);
    store(m_vault, PolicyKey, policy.toJson(), QStringLiteral("policy.changed"));
}

domain::ClinicianProfile SettingsService::clinician() {
    const QJsonValue json = stored(m_vault, ClinicianKey);
    if (json.isUndefined())
        return {};
    const auto profile = domain::ClinicianProfile::fromJson(json);
    if (!profile)
        throw ServiceError(ServiceError::Kind::Storage, "the stored clinician profile is damaged");
    return *profile;
}

void SettingsService::setClinician(const domain::ClinicianProfile &profile) {
    store(m_vault, ClinicianKey, profile.toJson(), QStringLiteral("clinician.changed"));
}

} // namespace cc::services
