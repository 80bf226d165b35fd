#pragma once

#include "domain/consenttemplate.h"
#include "services/consentcore.h"

#include <QObject>

#include <memory>

namespace cc::services {
class ImageCodec;
class Vault;
} // namespace cc::services

namespace cc::ui {

class AppController;

// Holds the consent core for as long as the vault is open, for every controller behind
// the clinician's and the patient's screens. It follows AppController: the core is built
// when the state becomes Unlocked (or PatientMode) and dropped when the vault locks.
// Before dropping it, `closing` is emitted so that models clear every patient detail they
// hold: nothing read from the vault outlives the lock.
class CoreHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoreHost)

public:
    CoreHost(AppController &app, services::Vault &vault, services::ImageCodec &codec,
             const domain::TemplateCatalog &templates, QObject *parent = nullptr);
    ~CoreHost() override;

    // Non-null while the vault is open.
    [[nodiscard]] services::ConsentCore *core() const { return m_core.get(); }
    [[nodiscard]] bool isOpen() const { return m_core != nullptr; }
    [[nodiscard]] services::Vault &vault() const { return m_vault; }
    [[nodiscard]] services::ImageCodec &codec() const { return m_codec; }
    [[nodiscard]] const domain::TemplateCatalog &templates() const { return m_templates; }
    [[nodiscard]] AppController &app() const { return m_app; }
    // The vault's wall clock (tests move it).
    [[nodiscard]] QDateTime now() const;

signals:
    void opened();
    // The core is about to go: drop everything read from the vault.
    void closing();

private:
    void follow();

    AppController &m_app;
    services::Vault &m_vault;
    services::ImageCodec &m_codec;
    const domain::TemplateCatalog &m_templates;
    std::unique_ptr<services::ConsentCore> m_core;
};

} // namespace cc::ui
