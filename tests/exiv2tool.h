#pragma once

// The exiv2 command-line tool (scripts/setup.sh installs it), as an outside judge of the
// metadata in an image file: it writes EXIF, GPS, IPTC and XMP tags into the tests'
// inputs and lists what a file carries.

#include <catch2/catch_test_macros.hpp>

#include <QProcess>
#include <QString>
#include <QStringList>

#include <string_view>

namespace cc::test {

// Runs exiv2 with arguments and returns its standard output. Fails the test when it can't
// run or reports an error (253 is exiv2's "no metadata found", which is an answer).
inline QString exiv2(const QStringList &arguments) {
    QProcess process;
    process.start(QStringLiteral("exiv2"), arguments);
    INFO("exiv2 is installed by scripts/setup.sh");
    REQUIRE(process.waitForStarted(10'000));
    REQUIRE(process.waitForFinished(60'000));
    const QByteArray err = process.readAllStandardError();
    INFO("exiv2 " << arguments.join(QLatin1Char(' ')).toStdString() << ": " << err.toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE((process.exitCode() == 0 || process.exitCode() == 253));
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Every EXIF, IPTC and XMP tag in the file, one per line ("exiv2 -pa"); empty when none.
inline QString exiv2Tags(const QString &path) {
    return exiv2({QStringLiteral("-pa"), path});
}

// The file's JPEG segments ("exiv2 -pS"), to show where metadata sits.
inline QString exiv2Structure(const QString &path) {
    return exiv2({QStringLiteral("-pS"), path});
}

// Applies exiv2 modify commands ("set Exif.Image.Orientation 6", ...) to the file in place.
inline void exiv2Modify(const QString &path, const QStringList &commands) {
    QStringList arguments;
    for (const QString &command : commands)
        arguments << QStringLiteral("-M") + command;
    (void)exiv2(arguments << path);
}

// Tags that put a patient and a place into a photo, as a phone or an editor would.
inline const QStringList IdentifyingTags{
    QStringLiteral("set Exif.Image.Make ConsentCamTestPhone"),
    QStringLiteral("set Exif.Image.Artist Jane Roe"),
    QStringLiteral("set Exif.Photo.DateTimeOriginal 2026:03:05 10:15:00"),
    QStringLiteral("set Exif.Photo.UserComment charset=Ascii Patient Jane Roe MRN 00417731"),
    QStringLiteral("set Exif.GPSInfo.GPSLatitudeRef N"),
    QStringLiteral("set Exif.GPSInfo.GPSLatitude 4/1 15/1 33/1"),
    QStringLiteral("set Exif.GPSInfo.GPSLongitudeRef W"),
    QStringLiteral("set Exif.GPSInfo.GPSLongitude 73/1 58/1 0/1"),
    QStringLiteral("set Iptc.Application2.Caption Jane Roe, follow-up visit"),
    QStringLiteral("set Xmp.dc.title Jane Roe"),
    QStringLiteral("set Xmp.dc.description Follow-up visit of MRN 00417731"),
};

// True when the bytes contain text.
inline bool bytesContain(const QByteArray &bytes, std::string_view text) {
    return bytes.contains(QByteArray(text.data(), qsizetype(text.size())));
}

// The markers metadata segments begin with: Exif APP1, XMP APP1, ICC APP2, Photoshop
// (IPTC) APP13.
inline void requireNoMetadataMarkers(const QByteArray &bytes) {
    CHECK_FALSE(bytesContain(bytes, "Exif"));
    CHECK_FALSE(bytesContain(bytes, "http://ns.adobe.com/xap"));
    CHECK_FALSE(bytesContain(bytes, "ICC_PROFILE"));
    CHECK_FALSE(bytesContain(bytes, "Photoshop 3.0"));
    CHECK_FALSE(bytesContain(bytes, "Jane Roe"));
    CHECK_FALSE(bytesContain(bytes, "00417731"));
}

} // namespace cc::test
