// Cobblestone-256 decryption of arbitrary bytes (a media file on disk): any input fails or
// succeeds cleanly, and the whole-buffer, in-place, streaming and allocation-free streaming
// forms agree. The stream is
// fed in pieces that split the header and the chunks at every kind of boundary, as a media
// file is read piece by piece; once it fails it keeps failing and releases nothing more.

#include "crypto/cobblestone.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

namespace cobblestone = cc::crypto::cobblestone;
using cobblestone::DecryptStatus;

// The seeds in corpus/cobblestone_decrypt/ are sealed under this key and context
// (make_seeds.py).
const cc::crypto::Bytes Key(32, 0x4b);
const cc::crypto::Bytes Context{'f', 'u', 'z', 'z'};

// Piece sizes that split the header and the chunks at every kind of boundary.
constexpr std::size_t Sealed = cobblestone::SealedChunkSize;
constexpr std::array<std::size_t, 8> Pieces{
    1, 23, cobblestone::HeaderSize, 4096, Sealed - 1, Sealed, Sealed + 1, 2 * Sealed};

DecryptStatus streamed(cc::crypto::ByteView message, cc::crypto::SecretBytes &out) {
    cobblestone::Decryptor decryptor(Key, Context);
    DecryptStatus status = DecryptStatus::Ok;
    std::size_t piece = 0;
    for (std::size_t offset = 0; offset < message.size() && status == DecryptStatus::Ok;) {
        const std::size_t take = std::min(Pieces[piece++ % Pieces.size()], message.size() - offset);
        status = decryptor.update(message.subspan(offset, take), out);
        offset += take;
    }
    if (status == DecryptStatus::Ok)
        status = decryptor.finish(out);
    if (status != DecryptStatus::Ok) {
        // Only whole chunks that verified were released, and a failed stream stays failed.
        const std::size_t released = out.size();
        const std::uint8_t more[1] = {0};
        if (released % cobblestone::ChunkSize != 0 || decryptor.update(more, out) != status ||
            decryptor.finish(out) != status || out.size() != released)
            std::abort();
    }
    return status;
}

// The same stream through the allocation-free forms, each piece into a buffer of exactly
// the size the bound names (a fresh allocation, so AddressSanitizer sees a write past it).
DecryptStatus streamedInto(cc::crypto::ByteView message, cc::crypto::Bytes &out) {
    cobblestone::Decryptor decryptor(Key, Context);
    DecryptStatus status = DecryptStatus::Ok;
    std::size_t piece = 0;
    std::size_t written = 0;
    for (std::size_t offset = 0; offset < message.size() && status == DecryptStatus::Ok;) {
        const std::size_t take = std::min(Pieces[piece++ % Pieces.size()], message.size() - offset);
        cc::crypto::Bytes room(decryptor.updateBound(take));
        status = decryptor.update(message.subspan(offset, take), room, written);
        if (written > room.size())
            std::abort();
        out.insert(out.end(), room.begin(), room.begin() + std::ptrdiff_t(written));
        offset += take;
    }
    if (status == DecryptStatus::Ok) {
        cc::crypto::Bytes room(decryptor.finishBound());
        status = decryptor.finish(room, written);
        if (written > room.size())
            std::abort();
        out.insert(out.end(), room.begin(), room.begin() + std::ptrdiff_t(written));
    }
    return status;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const cc::crypto::ByteView message(data, size);

    cc::crypto::SecretBytes whole;
    const DecryptStatus status = cobblestone::decrypt(Key, Context, message, whole);

    cc::crypto::SecretBytes pieces;
    const DecryptStatus piecesStatus = streamed(message, pieces);

    cc::crypto::Bytes into;
    if (streamedInto(message, into) != piecesStatus ||
        !std::equal(into.begin(), into.end(), pieces.begin(), pieces.end()))
        std::abort();

    const auto expected = cobblestone::decryptedSize(size);
    cc::crypto::SecretBytes inPlace(expected.value_or(0));
    std::size_t written = 0;
    const DecryptStatus inPlaceStatus =
        cobblestone::decryptInto(Key, Context, message, inPlace, written);

    // A size no message can have is refused before any chunk is opened, so the in-place form
    // may name another failure than the stream; success is the same everywhere.
    if (piecesStatus != status ||
        (inPlaceStatus == DecryptStatus::Ok) != (status == DecryptStatus::Ok))
        std::abort();
    if (status == DecryptStatus::Ok &&
        (!expected || whole.size() != *expected || written != *expected || pieces != whole ||
         inPlace != whole))
        std::abort();
    if (status != DecryptStatus::Ok && (!whole.empty() || written != 0))
        std::abort();
    return 0;
}
