// P5 and P6: figures measured on the app's own process.
//
// P5 starts the app (on a locked vault, so its first frame is the unlock screen) and a
// minimal Qt Quick Controls app built alongside, alternately, each with the offscreen
// platform, and times from the start of the process to the line each prints when its
// first frame is drawn. P6 runs the app's gallery hook on a seeded vault: it unlocks,
// opens the patient with the most photos and scrolls the whole gallery, a frame per step,
// then prints its peak resident set.

#include "benchsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace cc::bench {

namespace {

QProcessEnvironment offscreen() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

// Milliseconds from starting program to the line starting with marker on its standard
// output; the process is then killed.
double timeToLine(const QString &program, const QStringList &arguments, const QByteArray &marker) {
    QProcess process;
    process.setProcessEnvironment(offscreen());
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        die(QStringLiteral("%1 did not start").arg(program));
    QByteArray output;
    while (!output.contains(marker)) {
        if (!process.waitForReadyRead(30000))
            die(QStringLiteral("%1 never printed '%2': %3")
                    .arg(program, QString::fromLatin1(marker),
                         QString::fromLocal8Bit(process.readAllStandardError())));
        output += process.readAllStandardOutput();
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    process.kill();
    process.waitForFinished();
    return ms;
}

} // namespace

bool launchTime(const QStringList &args) {
    const QString app = option(args, QStringLiteral("app"));
    const QString minimal = option(args, QStringLiteral("minimal"));
    const QString vault = option(args, QStringLiteral("vault"));
    const int runs = option(args, QStringLiteral("runs"), QStringLiteral("9")).toInt();
    if (app.isEmpty() || minimal.isEmpty() || runs < 1)
        die(QStringLiteral("launch needs --app PATH --minimal PATH [--vault DIR] [--runs N]"));
    QStringList appArgs{QStringLiteral("--report-first-frame")};
    if (!vault.isEmpty())
        appArgs << QStringLiteral("--vault") << vault;
    std::vector<double> appTimes, minimalTimes;
    for (int rep = 0; rep <= runs; ++rep) { // the first round warms the file cache
        const double m = timeToLine(minimal, {}, "first frame");
        const double a = timeToLine(app, appArgs, "first frame");
        if (rep > 0) {
            minimalTimes.push_back(m);
            appTimes.push_back(a);
        }
    }
    detail("launch to first frame: app %.0f ms, minimal Qt Quick Controls app %.0f ms",
           median(appTimes), median(minimalTimes));
    return reportFigure("P5", "launch_to_first_frame", medianRatio(appTimes, minimalTimes),
                        Bound::AtMost, 1.5);
}

bool galleryMemory(const QStringList &args) {
    const QString app = option(args, QStringLiteral("app"));
    const QString vault = option(args, QStringLiteral("vault"));
    const QString passcode = option(args, QStringLiteral("passcode"));
    if (app.isEmpty() || vault.isEmpty() || passcode.isEmpty())
        die(QStringLiteral("gallery needs --app PATH --vault DIR --passcode CODE"));
    QProcess process;
    QProcessEnvironment env = offscreen();
    env.insert(QStringLiteral("CONSENTCAM_BENCH_PASSCODE"), passcode);
    process.setProcessEnvironment(env);
    process.start(app, {QStringLiteral("--vault"), vault, QStringLiteral("--bench-gallery")});
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        die(QStringLiteral("the gallery run failed: %1")
                .arg(QString::fromLocal8Bit(process.readAllStandardError())));
    double peak = -1;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith("gallery ")) {
            detail("%s", line.constData());
            for (const QByteArray &field : line.split(' ')) {
                if (field.startsWith("peak_rss_mib="))
                    peak = field.mid(13).toDouble();
            }
        }
    }
    if (peak < 0)
        die(QStringLiteral("the gallery run printed no peak"));
    return reportFigure("P6", "gallery_scroll_peak_rss", peak, Bound::AtMost, 200, "mib");
}

} // namespace cc::bench
