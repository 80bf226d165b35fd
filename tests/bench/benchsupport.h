#pragma once

// What every figure of consentcam-bench shares: timing, medians, and the one line per
// figure the bench script collects ("P1 <name> ratio=<x> target>=<y>").

#include <QString>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

namespace cc::bench {

using Clock = std::chrono::steady_clock;

inline double seconds(const std::function<void()> &work) {
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values);

// The median over repetitions of measured[i] / baseline[i]: each run is compared with the
// baseline run just before it, so load from other processes affects both alike.
double medianRatio(const std::vector<double> &measured, const std::vector<double> &baseline);

// How a figure is judged: the ratio must be at most, or at least, the target.
enum class Bound { AtMost, AtLeast };

// Prints the figure's line to standard output; returns whether it meets its target.
bool reportFigure(const char *figure, const char *name, double value, Bound bound, double target,
                  const char *quantity = "ratio");

// Details (absolute figures, sizes) go to standard error, so standard output holds only
// the figure lines.
void detail(const char *format, ...) __attribute__((format(printf, 1, 2)));

[[noreturn]] void die(const QString &what);

// The process's peak resident set (VmHWM) in MiB.
double peakRssMiB();

// Figures; each returns true when it meets its target.
bool cryptoThroughput(const QStringList &args); // P1
bool sealPhoto(const QStringList &args);        // P2
bool keyedQueries(const QStringList &args);     // P3
bool scaleQueries(const QStringList &args);     // P4
bool launchTime(const QStringList &args);       // P5
bool galleryMemory(const QStringList &args);    // P6

// The value of "--name VALUE" in args, or fallback.
QString option(const QStringList &args, const QString &name, const QString &fallback = {});

} // namespace cc::bench
