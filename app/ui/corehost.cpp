#include "ui/corehost.h"

#include "services/vault.h"
#include "ui/appcontroller.h"

namespace cc::ui {

CoreHost::CoreHost(AppController &app, services::Vault &vault, services::ImageCodec &codec,
                   const domain::TemplateCatalog &templates, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_vault(vault)
    , m_codec(codec)
    , m_templates(templates) {
    connect(&m_app, &AppController::stateChanged, this, &CoreHost::follow);
    follow();
}

CoreHost::~CoreHost() = default;

QDateTime CoreHost::now() const {
    return m_vault.clock()();
}

void CoreHost::follow() {
    const bool open = m_vault.state() == services::Vault::State::Unlocked &&
                      (m_app.state() == AppController::State::Unlocked ||
                       m_app.state() == AppController::State::PatientMode);
    if (open && !m_core) {
        m_core = std::make_unique<services::ConsentCore>(m_vault, m_codec, m_templates);
        emit opened();
    } else if (!open && m_core) {
        emit closing();
        m_core.reset();
    }
}

} // namespace cc::ui
