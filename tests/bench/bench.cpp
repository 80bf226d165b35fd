// consentcam-bench FIGURE [OPTIONS]: one of the figures of scripts/bench, each measured
// against a baseline in the same run and printed as "P<n> <name> ratio=<x> target<=<y>"
// on standard output (details on standard error). Exit 0 when the figure meets its target,
// 1 when it misses, 2 when it could not be measured.
//
//   crypto  [--mib N]                          P1 Cobblestone vs single-shot AES-GCM
//   seal    [--megapixels N] [--dir D]         P2 sealing a photo vs decode + one write
//   keyed   [--photos N] [--dir D]             P3 main queries, keyed vs plaintext
//   scale   --small D --large D --passcode C   P4 the same operations on two vault sizes
//   launch  --app A --minimal M [--vault D]    P5 launch to first frame vs a minimal app
//   gallery --app A --vault D --passcode C     P6 peak memory scrolling a gallery

#include "benchsupport.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty())
        cc::bench::die(
            QStringLiteral("usage: consentcam-bench crypto|seal|keyed|scale|launch|gallery "
                           "[OPTIONS]"));
    const QString figure = args.takeFirst();
    using Figure = bool (*)(const QStringList &);
    const std::pair<const char *, Figure> figures[] = {
        {"crypto", cc::bench::cryptoThroughput}, {"seal", cc::bench::sealPhoto},
        {"keyed", cc::bench::keyedQueries},      {"scale", cc::bench::scaleQueries},
        {"launch", cc::bench::launchTime},       {"gallery", cc::bench::galleryMemory},
    };
    for (const auto &[name, run] : figures) {
        if (figure == QLatin1StringView(name))
            return run(args) ? 0 : 1;
    }
    cc::bench::die(QStringLiteral("unknown figure '%1'").arg(figure));
}
