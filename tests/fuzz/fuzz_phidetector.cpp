// The PHI detector over arbitrary text (a post is typed by anyone): it never crashes,
// and its findings lie inside the text, in order, without overlapping.

#include "domain/phidetector.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const cc::domain::phi::Context context{
        QStringLiteral("María José Ortega"), QStringLiteral("A-558201"), {}};
    qsizetype end = 0;
    for (const auto &finding : cc::domain::phi::findPhi(text, context)) {
        if (finding.start < end || finding.length <= 0 ||
            finding.start + finding.length > text.size())
            std::abort();
        end = finding.start + finding.length;
    }
    return 0;
}
