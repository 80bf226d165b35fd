#include "secretservicekeystore.h"

#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QSignalSpy>

using cc::platform::KeyStore;
using cc::platform::SecretServiceKeyStore;

TEST_CASE("secrets round-trip through a real Secret Service") {
    int argc = 1;
    char name[] = "integration_secretservice";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);

    SecretServiceKeyStore store(QStringLiteral("ConsentCam integration test"));
    REQUIRE(store.isAvailable());
    QSignalSpy written(&store, &KeyStore::secretWritten);
    QSignalSpy read(&store, &KeyStore::secretRead);
    // The store wipes the read buffer once the signal returns: copy it in the slot.
    QList<QByteArray> copies;
    const auto keepCopy = [&copies](const QString &, const QByteArray &secret, const QString &) {
        copies.append(QByteArray(secret.constData(), secret.size()));
    };
    QObject::connect(&store, &KeyStore::secretRead, keepCopy);
    QSignalSpy deleted(&store, &KeyStore::secretDeleted);
    constexpr int Timeout = 20000;

    const QByteArray secret("\x00\xff quick unlock \x10", 17);
    store.writeSecret(QStringLiteral("vault-1"), secret);
    REQUIRE(written.wait(Timeout));
    CHECK(written.at(0).at(0).toString() == QStringLiteral("vault-1"));
    CHECK(written.at(0).at(1).toString().toStdString().empty());

    store.readSecret(QStringLiteral("vault-1"));
    REQUIRE(read.wait(Timeout));
    REQUIRE(copies.size() == 1);
    CHECK(copies.at(0) == secret);
    // What the signal carried is gone from memory once the slot has returned.
    CHECK(read.at(0).at(1).toByteArray() == QByteArray(secret.size(), '\0'));
    CHECK(read.at(0).at(2).toString().isEmpty());

    // A second store object (an app restart) sees the same secret.
    SecretServiceKeyStore again(QStringLiteral("ConsentCam integration test"));
    QSignalSpy readAgain(&again, &KeyStore::secretRead);
    QObject::connect(&again, &KeyStore::secretRead, keepCopy);
    again.readSecret(QStringLiteral("vault-1"));
    REQUIRE(readAgain.wait(Timeout));
    REQUIRE(copies.size() == 2);
    CHECK(copies.at(1) == secret);

    store.deleteSecret(QStringLiteral("vault-1"));
    REQUIRE(deleted.wait(Timeout));
    CHECK(deleted.at(0).at(1).toString().isEmpty());

    store.readSecret(QStringLiteral("vault-1"));
    REQUIRE(read.wait(Timeout));
    CHECK(read.at(1).at(1).toByteArray().isEmpty());
    CHECK_FALSE(read.at(1).at(2).toString().isEmpty());
}
