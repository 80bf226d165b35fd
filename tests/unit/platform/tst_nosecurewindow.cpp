#include "nosecurewindow.h"

#include <catch2/catch_test_macros.hpp>

#include <QGuiApplication>
#include <QWindow>

TEST_CASE("desktop Linux says it cannot secure a window and records the request") {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "tst_nosecurewindow";
    char *argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);

    cc::platform::NoSecureWindow secure;
    QWindow window;
    CHECK_FALSE(secure.isSupported());
    CHECK_FALSE(secure.secured(&window));
    secure.setSecure(&window, true);
    CHECK(secure.secured(&window));
    secure.setSecure(&window, false);
    CHECK_FALSE(secure.secured(&window));
}
