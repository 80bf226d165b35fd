// Strict JSON parsing of arbitrary bytes: any input must be refused or accepted cleanly, and
// whatever is accepted must canonicalize to text that is canonical and means the same value.

#include "domain/canonicaljson.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using namespace cc::domain;
    QJsonValue value;
    try {
        value = parseJsonStrict(QByteArrayView(data, qsizetype(size)));
    } catch (const JsonError &) {
        return 0;
    }
    const QByteArray canonical = canonicalJson(value);
    if (parseJsonStrict(canonical) != value || !isCanonicalJson(canonical)) {
        std::abort();
    }
    return 0;
}
