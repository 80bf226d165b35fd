// Sealed consent records from arbitrary bytes: refused with RecordError or accepted, and
// what is accepted writes back to exactly the same bytes.

#include "domain/consentrecord.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArrayView bytes(data, qsizetype(size));
    try {
        const auto record = cc::domain::parseSealedRecord(bytes);
        if (record.canonical() != bytes)
            std::abort();
    } catch (const cc::domain::RecordError &) {
    }
    return 0;
}
