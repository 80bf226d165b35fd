// consentcam-cli: the consent core on the command line, for a privacy officer checking a
// vault off the phone and for scripts. main() only wires the process to cli::run().

#include "cli/cli.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ConsentCam"));
    QCoreApplication::setApplicationName(QStringLiteral("ConsentCam"));
    QFile in;
    QFile out;
    QFile err;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly) ||
        !err.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return cc::cli::Failure;
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const int code = cc::cli::run(arguments, in, out, err);
    out.flush();
    return code;
}
