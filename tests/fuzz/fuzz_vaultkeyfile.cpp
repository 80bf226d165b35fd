// vault.key parsing of arbitrary bytes: any input must be refused or accepted cleanly.

#include "services/vaultkeyfile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    (void)cc::services::VaultKeyFile::parse({data, size});
    return 0;
}
