#pragma once

#include <QIODevice>
#include <QStringList>

namespace cc::cli {

// Exit codes of consentcam-cli.
enum ExitCode {
    Ok = 0,       // done; verify found nothing wrong; the gate allows the share or export
    Findings = 1, // verify found problems; the gate refuses; an audit export does not verify
    Failure = 2,  // a usage error, a vault that can't be opened, or any other failure
};

// Runs one consentcam-cli command line (arguments without the program name). Reads the
// passcode from in when --passcode-stdin is given; writes results (JSON) to out and
// errors in plain words to err.
int run(const QStringList &arguments, QIODevice &in, QIODevice &out, QIODevice &err);

// The --help text: every command, option and exit code.
[[nodiscard]] QString helpText();

} // namespace cc::cli
