// The one textual form of instants ("2026-11-28T09:11:08.123Z") and of days ("2027-05-03"),
// and milliseconds since the epoch.

#include "domain/timestamps.h"

#include "domaintestsupport.h"

#include <catch2/catch_test_macros.hpp>

#include <QTimeZone>

#include <cstdint>

using namespace cc::domain;

TEST_CASE("an instant is written in UTC with milliseconds") {
    CHECK(isoUtc(QDateTime(QDate(2026, 11, 28), QTime(9, 11, 8, 123), Qt::UTC)) ==
          QStringLiteral("2026-11-28T09:11:08.123Z"));
    CHECK(isoUtc(QDateTime(QDate(2026, 11, 28), QTime(9, 11), Qt::UTC)) ==
          QStringLiteral("2026-11-28T09:11:00.000Z"));
    CHECK(isoUtc(QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC)) ==
          QStringLiteral("1970-01-01T00:00:00.000Z"));
}

TEST_CASE("an instant in another zone is written as the same instant in UTC") {
    const QDateTime eastern(QDate(2026, 12, 31), QTime(21, 30, 0, 7), QTimeZone(-300 * 60));
    CHECK(isoUtc(eastern) == QStringLiteral("2027-01-01T02:30:00.007Z"));
    const QDateTime india(QDate(2026, 11, 3), QTime(1, 30), QTimeZone(330 * 60));
    CHECK(isoUtc(india) == QStringLiteral("2026-11-02T20:00:00.000Z"));
    const QDateTime local = QDateTime::currentDateTime();
    CHECK(parseIsoUtc(isoUtc(local)) == local);
}

TEST_CASE("an instant parses back to the same instant, in UTC") {
    for (const char *text :
         {"2026-11-28T09:11:08.123Z", "1970-01-01T00:00:00.000Z", "2028-02-29T23:59:59.999Z",
          "2026-12-31T00:00:00.001Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"}) {
        CAPTURE(text);
        const auto parsed = parseIsoUtc(QLatin1StringView(text));
        REQUIRE(parsed.has_value());
        CHECK(parsed->timeSpec() == Qt::UTC);
        CHECK(isoUtc(*parsed) == QLatin1StringView(text));
    }
    const auto parsed = parseIsoUtc(QStringLiteral("2026-11-28T09:11:08.123Z"));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == QDateTime(QDate(2026, 11, 28), QTime(9, 11, 8, 123), Qt::UTC));
}

TEST_CASE("only the exact form of an instant parses") {
    for (const char *text : {
             "",
             "2026-11-28T09:11:08.123",       // no Z
             "2026-11-28T09:11:08.123z",      // lowercase z
             "2026-11-28T09:11:08.123+00:00", // an offset
             "2026-11-28T10:11:08.123+01:00", //
             "2026-11-28T09:11:08Z",          // no milliseconds
             "2026-11-28T09:11:08.12Z",       // two digits of milliseconds
             "2026-11-28T09:11:08.1234Z",     // 25 characters
             "2026-11-28T09:11Z",             // no seconds
             "2026-11-28 09:11:08.123Z",      // a space for T
             "2026-11-28t09:11:08.123Z",      // lowercase t
             "2026-11-28T09:11:08,123Z",      // a comma for the point
             "2026-02-30T09:11:08.123Z",      // February 30
             "2027-02-29T09:11:08.123Z",      // not a leap year
             "2026-13-01T09:11:08.123Z",      // month 13
             "2026-11-00T09:11:08.123Z",      // day 0
             "2026-11-28T24:00:00.000Z",      // hour 24
             "2026-11-28T09:60:08.123Z",      // minute 60
             "2026-11-28T09:11:60.000Z",      // a leap second
             "2026-1-28T09:11:08.123Z",       // a short month
             "2026-11-28T9:11:08.123Z",       // a short hour
             "+2026-11-28T09:11:08.123Z",     // a sign
             " 2026-11-28T09:11:08.123Z",     // a space in front
             "2026-11-28T09:11:08.123Z ",     // a space behind
             "2026-11-28T09:11:08.-12Z",      // a negative fraction
             "20261128T091108.123Z",          // the basic format
         }) {
        CAPTURE(text);
        CHECK_FALSE(parseIsoUtc(QString::fromUtf8(text)).has_value());
    }
    // Digits that are not ASCII.
    QString arabic = QStringLiteral("2026-11-28T09:11:08.123Z");
    arabic[3] = QChar(0x0666);
    CHECK_FALSE(parseIsoUtc(arabic).has_value());
}

TEST_CASE("an invalid instant is written as nothing") {
    CHECK(isoUtc(QDateTime()).isEmpty());
}

TEST_CASE("a day is written and read only as year-month-day") {
    CHECK(isoDate(QDate(2027, 5, 3)) == QStringLiteral("2027-05-03"));
    CHECK(isoDate(QDate(2027, 12, 31)) == QStringLiteral("2027-12-31"));
    CHECK(isoDate(QDate()).isEmpty());
    CHECK(parseIsoDate(QStringLiteral("2027-05-03")) == QDate(2027, 5, 3));
    CHECK(parseIsoDate(QStringLiteral("2028-02-29")) == QDate(2028, 2, 29));
    for (const char *text :
         {"", "2027-5-3", "2027-05-3", "2027-5-03", "2027/05/03", "20270503", "2027-02-29",
          "2027-02-30", "2027-13-01", "2027-00-10", "2027-05-00", " 2027-05-03", "2027-05-03 ",
          "2027-05-03T00:00:00.000Z", "27-05-03", "+027-05-03", "2027-05-3a"}) {
        CAPTURE(text);
        CHECK_FALSE(parseIsoDate(QString::fromUtf8(text)).has_value());
    }
}

TEST_CASE("milliseconds since the epoch convert both ways") {
    CHECK(fromMs(0) == QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC));
    CHECK(fromMs(0).timeSpec() == Qt::UTC);
    CHECK(isoUtc(fromMs(1'795'857'068'123)) == QStringLiteral("2026-11-28T09:11:08.123Z"));
    CHECK(isoUtc(fromMs(-1)) == QStringLiteral("1969-12-31T23:59:59.999Z"));
    for (const std::int64_t ms :
         {std::int64_t(0), std::int64_t(1), std::int64_t(-1), std::int64_t(1'795'857'068'123),
          std::int64_t(253'402'300'799'999)}) {
        CAPTURE(ms);
        CHECK(toMs(fromMs(ms)) == ms);
    }
    const QDateTime india(QDate(2026, 11, 3), QTime(1, 30), QTimeZone(330 * 60));
    CHECK(toMs(india) == toMs(QDateTime(QDate(2026, 11, 2), QTime(20, 0), Qt::UTC)));
    CHECK(fromMs(toMs(india)) == india);
}
