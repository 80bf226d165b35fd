#include "pdftestsupport.h"

#include "domain/consentrecord.h"
#include "domain/consenttemplate.h"
#include "servicetestsupport.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace cc::services::test {

namespace {

QByteArray run(const QString &program, crypto::ByteView pdf, QStringList arguments) {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("copy.pdf"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(reinterpret_cast<const char *>(pdf.data()), qint64(pdf.size())) ==
                qint64(pdf.size()));
    }
    for (QString &argument : arguments)
        argument.replace(QStringLiteral("{pdf}"), path);
    QProcess process;
    process.start(program, arguments);
    INFO(program.toStdString() << " is part of poppler-utils, which scripts/setup.sh installs");
    REQUIRE(process.waitForStarted(10'000));
    REQUIRE(process.waitForFinished(60'000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

} // namespace

QString pdfText(crypto::ByteView pdf) {
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), pdf,
                                 {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                  QStringLiteral("{pdf}"), QStringLiteral("-")}));
}

QMap<QString, QString> pdfInfo(crypto::ByteView pdf) {
    const QString out = QString::fromUtf8(
        run(QStringLiteral("pdfinfo"), pdf,
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), QStringLiteral("{pdf}")}));
    QMap<QString, QString> fields;
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            fields.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return fields;
}

QString squeezed(const QString &text) {
    QString out = text;
    out.remove(QRegularExpression(QStringLiteral("\\s+")));
    return out;
}

void dumpPdf(crypto::ByteView pdf, const QString &name) {
    const QString dir = qEnvironmentVariable("CONSENTCAM_PDF_DUMP_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name + QStringLiteral(".pdf")));
    if (file.open(QIODevice::WriteOnly))
        file.write(reinterpret_cast<const char *>(pdf.data()), qint64(pdf.size()));
}

ConsentDocument documentFor(CoreFixture &fixture, const domain::SealedConsent &consent) {
    ConsentDocument document;
    document.record = domain::parseSealedRecord(consent.record);
    const auto &record = document.record;
    document.form =
        fixture.templates().find(record.templateId, record.templateVersion, record.language);
    REQUIRE(document.form);
    document.recordSha256 = consent.recordSha256;
    document.devicePublicKey = record.deviceKey;
    for (const auto &item : record.items) {
        if (item.kind == domain::ItemKind::Photo) {
            document.thumbnails.emplace(item.id, fixture.core().library().thumbnailBytes(item.id));
        } else {
            const auto version = fixture.core().library().storyVersion(item.id);
            REQUIRE(version);
            document.storyTexts.emplace(item.id, version->text);
        }
    }
    return document;
}

} // namespace cc::services::test
