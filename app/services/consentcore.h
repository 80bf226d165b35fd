#pragma once

#include "services/auditservice.h"
#include "services/consentservice.h"
#include "services/exportservice.h"
#include "services/gateservice.h"
#include "services/libraryservice.h"
#include "services/postservice.h"
#include "services/revocationservice.h"
#include "services/settingsservice.h"

namespace cc::services {

// Every use case over one unlocked vault, built together by a composition root (the app,
// the CLI, the tests) once the vault is unlocked and dropped when it locks. Holds no
// state of its own: each service reads and writes through the vault.
class ConsentCore final {
public:
    ConsentCore(Vault &vault, ImageCodec &codec, const domain::TemplateCatalog &templates)
        : m_settings(vault)
        , m_library(vault, codec)
        , m_consents(vault, templates)
        , m_gate(vault, templates)
        , m_exports(vault, codec, templates)
        , m_posts(vault, templates)
        , m_revocations(vault, templates)
        , m_audit(vault) {}
    ConsentCore(const ConsentCore &) = delete;
    ConsentCore &operator=(const ConsentCore &) = delete;

    [[nodiscard]] SettingsService &settings() { return m_settings; }
    [[nodiscard]] LibraryService &library() { return m_library; }
    [[nodiscard]] ConsentService &consents() { return m_consents; }
    [[nodiscard]] GateService &gate() { return m_gate; }
    [[nodiscard]] ExportService &exports() { return m_exports; }
    [[nodiscard]] PostService &posts() { return m_posts; }
    [[nodiscard]] RevocationService &revocations() { return m_revocations; }
    [[nodiscard]] AuditService &audit() { return m_audit; }

private:
    SettingsService m_settings;
    LibraryService m_library;
    ConsentService m_consents;
    GateService m_gate;
    ExportService m_exports;
    PostService m_posts;
    RevocationService m_revocations;
    AuditService m_audit;
};

} // namespace cc::services
