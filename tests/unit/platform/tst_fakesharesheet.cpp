// The fake share sheet the UI tests use: it records each share, finishes queued with the
// outcome it was given, and says Busy while one is in flight.

#include "fake/fakesharesheet.h"

#include <catch2/catch_test_macros.hpp>

#include <QCoreApplication>
#include <QSignalSpy>

using cc::platform::FakeShareSheet;
using cc::platform::ShareSheet;
using Outcome = ShareSheet::Outcome;

namespace {

QCoreApplication &app() {
    static int argc = 1;
    static char name[] = "tst_fakesharesheet";
    static char *argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

} // namespace

TEST_CASE("The fake share sheet records the share and finishes it later, once") {
    app();
    FakeShareSheet sheet;
    sheet.setNeedsFolder(true);
    QSignalSpy spy(&sheet, &ShareSheet::finished);
    QByteArray bytes("%PDF-1.4 secret");
    const int request = sheet.share(QStringLiteral("consent-1.pdf"), bytes,
                                    QStringLiteral("application/pdf"), QStringLiteral("/tmp/out"));
    bytes.fill('\0'); // the caller wipes its buffer; the record keeps its own copy
    CHECK(spy.count() == 0);
    REQUIRE(spy.wait(1000));
    CHECK(spy.at(0).at(0).toInt() == request);
    CHECK(spy.at(0).at(1).value<Outcome>() == Outcome::Shared);
    CHECK(spy.at(0).at(2).toString() == QStringLiteral("/tmp/out/consent-1.pdf"));
    REQUIRE(sheet.calls().size() == 1);
    CHECK(sheet.calls()[0].fileName == QStringLiteral("consent-1.pdf"));
    CHECK(sheet.calls()[0].bytes == QByteArray("%PDF-1.4 secret"));
    CHECK(sheet.calls()[0].mimeType == QStringLiteral("application/pdf"));
    CHECK(sheet.calls()[0].folder == QStringLiteral("/tmp/out"));
}

TEST_CASE("The fake share sheet fails as told, and is busy while a manual share is open") {
    app();
    FakeShareSheet sheet;
    sheet.setOutcome(Outcome::Cancelled, QStringLiteral("the user closed the sheet"));
    sheet.setManual(true);
    QSignalSpy spy(&sheet, &ShareSheet::finished);
    const int first =
        sheet.share(QStringLiteral("a.pdf"), "a", QStringLiteral("application/pdf"), {});
    CHECK(sheet.inFlight());
    const int second =
        sheet.share(QStringLiteral("b.pdf"), "b", QStringLiteral("application/pdf"), {});
    REQUIRE(spy.wait(1000));
    CHECK(spy.at(0).at(0).toInt() == second);
    CHECK(spy.at(0).at(1).value<Outcome>() == Outcome::Busy);
    CHECK(sheet.calls().size() == 1);
    sheet.complete();
    REQUIRE(spy.wait(1000));
    CHECK(spy.at(1).at(0).toInt() == first);
    CHECK(spy.at(1).at(1).value<Outcome>() == Outcome::Cancelled);
    CHECK(spy.at(1).at(2).toString().isEmpty());
    CHECK(spy.at(1).at(3).toString() == QStringLiteral("the user closed the sheet"));
    CHECK_FALSE(sheet.inFlight());
}
