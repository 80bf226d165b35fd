#include "benchsupport.h"

#include <QFile>
#include <QStringList>

#include <algorithm>
#include <cstdarg>

namespace cc::bench {

double median(std::vector<double> values) {
    if (values.empty())
        die(QStringLiteral("no measurements"));
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double medianRatio(const std::vector<double> &measured, const std::vector<double> &baseline) {
    std::vector<double> ratios;
    for (std::size_t i = 0; i < measured.size() && i < baseline.size(); ++i)
        ratios.push_back(measured[i] / baseline[i]);
    return median(ratios);
}

bool reportFigure(const char *figure, const char *name, double value, Bound bound, double target,
                  const char *quantity) {
    const bool met = bound == Bound::AtMost ? value <= target : value >= target;
    std::printf("%s %s %s=%.3f target%s%.2f%s\n", figure, name, quantity, value,
                bound == Bound::AtMost ? "<=" : ">=", target, met ? "" : " MISSED");
    std::fflush(stdout);
    return met;
}

void detail(const char *format, ...) {
    std::va_list args;
    va_start(args, format);
    std::fputs("  ", stderr);
    std::vfprintf(stderr, format, args);
    std::fputs("\n", stderr);
    va_end(args);
}

void die(const QString &what) {
    std::fprintf(stderr, "consentcam-bench: %s\n", what.toLocal8Bit().constData());
    std::exit(2);
}

double peakRssMiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        die(QStringLiteral("can't read /proc/self/status"));
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    die(QStringLiteral("no VmHWM in /proc/self/status"));
}

QString option(const QStringList &args, const QString &name, const QString &fallback) {
    const qsizetype at = args.indexOf(QStringLiteral("--") + name);
    if (at < 0)
        return fallback;
    if (at + 1 >= args.size())
        die(QStringLiteral("--%1 needs a value").arg(name));
    return args[at + 1];
}

} // namespace cc::bench
