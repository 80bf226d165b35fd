#pragma once

#include "domain/auditchain.h"
#include "storage/auditlog.h"

#include <QByteArray>

#include <functional>

namespace cc::services {

class Vault;

// Reading and checking the audit log (DESIGN §2.8, §4.2). Throws ServiceError.
class AuditService final {
public:
    static constexpr const char *ExportFormat = "consentcam/audit-export/v1";

    explicit AuditService(Vault &vault)
        : m_vault(vault) {}

    // The chain and every checkpoint against this vault's device key.
    [[nodiscard]] domain::audit::Verification verify(const domain::audit::Progress &progress = {});
    // Entries concerning a patient, consent or post (empty filter members match all).
    [[nodiscard]] std::vector<storage::AuditLog::Row>
    entries(const storage::AuditLog::Subject &filter = {});

    // JSON lines: a header {"format","vault","deviceKey","exportedAt","entries",
    // "checkpoints"}, then each entry {"seq","entry":{…},"hash"} followed, where one was
    // taken, by {"checkpoint":{"seq","head","signature"}}. Everything needed to verify
    // the chain off the device (verifyExport).
    void exportJsonLines(const std::function<void(const QByteArray &line)> &write);

private:
    Vault &m_vault;
};

// Verifies an export written by exportJsonLines against the device key its header names
// (compare that key's fingerprint with one printed on a consent's copy). Never throws:
// malformed input is a failed verification naming the line.
[[nodiscard]] domain::audit::Verification verifyExport(const QByteArray &jsonLines,
                                                       QString *deviceKeyHex = nullptr);

} // namespace cc::services
