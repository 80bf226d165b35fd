#include "fake/fakekeystore.h"

#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QSignalSpy>

using cc::platform::FakeKeyStore;

namespace {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "tst_fakekeystore";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

} // namespace

TEST_CASE("the fake key store answers asynchronously, once per call") {
    app();
    FakeKeyStore store;
    QSignalSpy written(&store, &cc::platform::KeyStore::secretWritten);
    QSignalSpy read(&store, &cc::platform::KeyStore::secretRead);
    QSignalSpy deleted(&store, &cc::platform::KeyStore::secretDeleted);

    store.writeSecret(QStringLiteral("quick-unlock"), QByteArray("\x01\x02\x00\x03", 4));
    CHECK(written.count() == 0); // not synchronous
    REQUIRE(written.wait(1000));
    CHECK(written.at(0).at(1).toString().isEmpty());

    store.readSecret(QStringLiteral("quick-unlock"));
    REQUIRE(read.wait(1000));
    CHECK(read.at(0).at(1).toByteArray() == QByteArray("\x01\x02\x00\x03", 4));
    CHECK(read.at(0).at(2).toString().isEmpty());

    store.deleteSecret(QStringLiteral("quick-unlock"));
    REQUIRE(deleted.wait(1000));
    CHECK_FALSE(store.contains(QStringLiteral("quick-unlock")));

    store.readSecret(QStringLiteral("quick-unlock"));
    REQUIRE(read.wait(1000));
    CHECK(read.at(1).at(1).toByteArray().isEmpty());
    CHECK_FALSE(read.at(1).at(2).toString().isEmpty());
    QCoreApplication::processEvents();
    CHECK(written.count() == 1);
    CHECK(read.count() == 2);
    CHECK(deleted.count() == 1);
}

TEST_CASE("an unavailable key store fails every call instead of hanging") {
    app();
    FakeKeyStore store;
    store.setAvailable(false);
    CHECK_FALSE(store.isAvailable());
    QSignalSpy written(&store, &cc::platform::KeyStore::secretWritten);
    QSignalSpy read(&store, &cc::platform::KeyStore::secretRead);
    store.writeSecret(QStringLiteral("k"), QByteArray("v"));
    REQUIRE(written.wait(1000));
    CHECK_FALSE(written.at(0).at(1).toString().isEmpty());
    CHECK_FALSE(store.contains(QStringLiteral("k")));
    store.readSecret(QStringLiteral("k"));
    REQUIRE(read.wait(1000));
    CHECK_FALSE(read.at(0).at(2).toString().isEmpty());
}
