// vault.key parsing of arbitrary bytes (the file lies unencrypted beside the vault): refused
// or accepted cleanly; what is accepted has a 32-digit lowercase hex vault id and sane KDF
// parameters, and is written back (as a passcode change writes it) to a file that parses to
// the same key material, parameters and associated data, and the same creation time to the
// second (the file keeps no milliseconds).

#include "services/vaultkeyfile.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

bool isHexId(const QString &id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    using cc::services::VaultKeyFile;
    const auto file = VaultKeyFile::parse({data, size});
    if (!file)
        return 0;
    if (!isHexId(file->vaultId) || !VaultKeyFile::acceptsKdf(file->kdf) ||
        !file->createdAt.isValid())
        std::abort();
    const auto again = VaultKeyFile::parse(file->serialize());
    if (!again || again->vaultId != file->vaultId || again->kdf.n != file->kdf.n ||
        again->kdf.r != file->kdf.r || again->kdf.p != file->kdf.p || again->salt != file->salt ||
        again->sealedMasterKey != file->sealedMasterKey ||
        again->associatedData() != file->associatedData() ||
        again->createdAt != file->createdAt.addMSecs(-file->createdAt.time().msec()))
        std::abort();
    return 0;
}
