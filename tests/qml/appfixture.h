#pragma once

// The app's controller and the core host over a real vault in a temporary directory
// (cheap scrypt, the fake key store and secure window), for the controller tests. The
// vault is not created until createVault().

#include "fake/fakekeystore.h"
#include "fake/fakesecurewindow.h"
#include "imaging/qimagecodec.h"
#include "qml/eventloop.h"
#include "services/templates.h"
#include "services/vault.h"
#include "storage/fileops.h"
#include "ui/appcontroller.h"
#include "ui/corehost.h"

#include <catch2/catch_test_macros.hpp>

#include <QTemporaryDir>

#include <memory>

namespace cc::test {

struct AppFixture {
    static inline const QString passcode = QStringLiteral("482915");

    AppFixture() {
        REQUIRE(dir.isValid());
        options.newVaultKdf.n = std::uint64_t{1} << 14; // the smallest the vault accepts
        vault = std::make_unique<services::Vault>(dir.path(), files);
        app = std::make_unique<ui::AppController>(*vault, keyStore, secureWindow, options);
        host = std::make_unique<ui::CoreHost>(*app, *vault, codec, templates);
    }
    AppFixture(const AppFixture &) = delete;
    AppFixture &operator=(const AppFixture &) = delete;

    void createVault() {
        app->createVault(passcode);
        REQUIRE(waitFor([this] { return !app->busy(); }));
        REQUIRE(app->state() == ui::AppController::State::Unlocked);
        REQUIRE(host->isOpen());
    }

    void unlock() {
        app->unlock(passcode);
        REQUIRE(waitFor([this] { return !app->busy(); }));
        REQUIRE(app->state() == ui::AppController::State::Unlocked);
    }

    QTemporaryDir dir;
    storage::PosixFileOps files;
    platform::FakeKeyStore keyStore;
    platform::FakeSecureWindow secureWindow;
    ui::AppController::Options options;
    imaging::QImageCodec codec;
    const domain::TemplateCatalog templates = services::loadBuiltInTemplates();
    std::unique_ptr<services::Vault> vault;
    std::unique_ptr<ui::AppController> app;
    std::unique_ptr<ui::CoreHost> host;
};

} // namespace cc::test
