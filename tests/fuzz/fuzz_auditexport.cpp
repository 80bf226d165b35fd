// Audit exports from arbitrary bytes (a file a privacy officer was handed): verification
// fails or succeeds, and never crashes.

#include "services/auditservice.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    (void)cc::services::verifyExport(
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
