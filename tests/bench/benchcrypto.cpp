// P1: Cobblestone-256 throughput against the ceiling of its cipher.
//
// Encryption and decryption of one buffer (64 MiB unless --mib says otherwise) are
// compared with one single-shot EVP AES-256-GCM call over the same buffer in the same
// process: the ratio says how much the chunking, per-chunk nonces and tags cost. Output
// buffers are allocated once and reused, so the numbers measure the cipher work, not the
// allocator or page faults. Also reports the unlock cost (scrypt) as a detail.

#include "benchsupport.h"

#include "crypto/cobblestone.h"
#include "crypto/random.h"
#include "crypto/scrypt.h"

#include <QStringList>

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <vector>

using namespace cc::crypto;

namespace cc::bench {

namespace {

constexpr int Repetitions = 9;
constexpr std::size_t Piece = std::size_t{256} << 10;
constexpr double Target = 0.85;

std::size_t BufferSize = std::size_t{64} << 20;

double megabytesPerSecond(double secs) {
    return static_cast<double>(BufferSize) / 1e6 / secs;
}

struct CtxFree {
    void operator()(EVP_CIPHER_CTX *p) const noexcept { EVP_CIPHER_CTX_free(p); }
};

// One EVP call over the whole buffer: the ceiling for any AES-256-GCM based format.
void evpSeal(ByteView key, ByteView nonce, ByteView in, std::uint8_t *out, std::uint8_t *tag) {
    std::unique_ptr<EVP_CIPHER_CTX, CtxFree> ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out, &len, in.data(), static_cast<int>(in.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag) != 1) {
        die(QStringLiteral("EVP encrypt"));
    }
}

void evpOpen(ByteView key, ByteView nonce, ByteView in, std::uint8_t *out, std::uint8_t *tag) {
    std::unique_ptr<EVP_CIPHER_CTX, CtxFree> ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce.data()) != 1 ||
        EVP_DecryptUpdate(ctx.get(), out, &len, in.data(), static_cast<int>(in.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), out + len, &len) != 1) {
        die(QStringLiteral("EVP decrypt"));
    }
}

// Throughput relative to the baseline: baseline time over measured time.
bool report(const char *name, const std::vector<double> &secs,
            const std::vector<double> &baseline) {
    detail("%-38s %8.0f MB/s", name, megabytesPerSecond(median(secs)));
    return reportFigure("P1", name, medianRatio(baseline, secs), Bound::AtLeast, Target);
}

} // namespace

bool cryptoThroughput(const QStringList &args) {
    bool ok = false;
    const int mib = option(args, QStringLiteral("mib"), QStringLiteral("64")).toInt(&ok);
    if (!ok || mib < 1 || mib > 1024)
        die(QStringLiteral("--mib must be 1 to 1024"));
    BufferSize = std::size_t(mib) << 20;
    const SecretBytes key = randomSecret(32);
    const Bytes nonce = randomBytes(12);
    const Bytes context{'b', 'e', 'n', 'c', 'h'};
    const Bytes plaintext = randomBytes(BufferSize);

    // Every output buffer is allocated and touched once, before any timing.
    Bytes evpOut(BufferSize, 1);
    Bytes evpPlain(BufferSize, 1);
    std::uint8_t tag[16] = {};
    Bytes sealed(cobblestone::encryptedSize(BufferSize), 1);
    Bytes opened(BufferSize, 1);
    Bytes piece;
    piece.reserve(Piece + 2 * cobblestone::SealedChunkSize);
    SecretBytes pieceOpened;
    pieceOpened.reserve(Piece + 2 * cobblestone::ChunkSize);
    // Room for the most either direction writes for one piece.
    Bytes pieceBuffer(Piece + 2 * cobblestone::SealedChunkSize, 1);

    std::vector<double> evpEnc, evpDec, cobEnc, cobDec, streamEnc, streamDec, vectorEnc, vectorDec;
    for (int rep = 0; rep < Repetitions; ++rep) {
        // Interleaved so that load from other processes hits every variant alike.
        evpEnc.push_back(seconds([&] { evpSeal(key, nonce, plaintext, evpOut.data(), tag); }));
        evpDec.push_back(seconds([&] { evpOpen(key, nonce, evpOut, evpPlain.data(), tag); }));
        cobEnc.push_back(
            seconds([&] { cobblestone::encryptInto(key, context, plaintext, sealed); }));
        std::size_t written = 0;
        cobDec.push_back(seconds([&] {
            if (cobblestone::decryptInto(key, context, sealed, opened, written) !=
                cobblestone::DecryptStatus::Ok) {
                die(QStringLiteral("Cobblestone decrypt"));
            }
        }));
        if (written != BufferSize || opened != plaintext || evpPlain != plaintext) {
            die(QStringLiteral("round trip mismatch"));
        }
        // Streaming as a file writer or reader uses it: 256 KiB pieces, each piece's output
        // handed on and one buffer reused (the allocation-free forms).
        std::size_t streamed = 0;
        streamEnc.push_back(seconds([&] {
            cobblestone::Encryptor enc(key, context);
            streamed = enc.header().size();
            std::size_t released = 0;
            for (std::size_t i = 0; i < BufferSize; i += Piece) {
                enc.update(ByteView(plaintext).subspan(i, Piece), pieceBuffer, released);
                streamed += released;
            }
            enc.finish(pieceBuffer, released);
            streamed += released;
        }));
        if (streamed != sealed.size()) {
            die(QStringLiteral("streaming encrypt size"));
        }
        streamDec.push_back(seconds([&] {
            cobblestone::Decryptor dec(key, context);
            streamed = 0;
            std::size_t released = 0;
            for (std::size_t i = 0; i < sealed.size(); i += Piece) {
                const ByteView in = ByteView(sealed).subspan(i, std::min(Piece, sealed.size() - i));
                if (dec.update(in, pieceBuffer, released) != cobblestone::DecryptStatus::Ok) {
                    die(QStringLiteral("Cobblestone streaming decrypt (256K)"));
                }
                streamed += released;
            }
            if (dec.finish(pieceBuffer, released) != cobblestone::DecryptStatus::Ok) {
                die(QStringLiteral("Cobblestone streaming decrypt (256K)"));
            }
            streamed += released;
        }));
        if (streamed != BufferSize) {
            die(QStringLiteral("streaming decrypt size"));
        }
        // The same through the forms that append to a vector, whose growth zero-fills it
        // first: shown, not targeted.
        vectorEnc.push_back(seconds([&] {
            cobblestone::Encryptor enc(key, context);
            for (std::size_t i = 0; i < BufferSize; i += Piece) {
                piece.clear();
                enc.update(ByteView(plaintext).subspan(i, Piece), piece);
            }
            piece.clear();
            enc.finish(piece);
        }));
        vectorDec.push_back(seconds([&] {
            cobblestone::Decryptor dec(key, context);
            for (std::size_t i = 0; i < sealed.size(); i += Piece) {
                pieceOpened.clear();
                const ByteView in = ByteView(sealed).subspan(i, std::min(Piece, sealed.size() - i));
                if (dec.update(in, pieceOpened) != cobblestone::DecryptStatus::Ok) {
                    die(QStringLiteral("Cobblestone streaming decrypt into a vector"));
                }
            }
            pieceOpened.clear();
            if (dec.finish(pieceOpened) != cobblestone::DecryptStatus::Ok) {
                die(QStringLiteral("Cobblestone streaming decrypt into a vector"));
            }
        }));
    }

    detail("AES-256-GCM / Cobblestone-256 on a %d MiB buffer (median of %d)", mib, Repetitions);
    detail("%-38s %8.0f MB/s", "EVP single-shot encrypt", megabytesPerSecond(median(evpEnc)));
    detail("%-38s %8.0f MB/s", "EVP single-shot decrypt", megabytesPerSecond(median(evpDec)));
    bool met = report("cobblestone_encrypt", cobEnc, evpEnc);
    met &= report("cobblestone_decrypt", cobDec, evpDec);
    met &= report("cobblestone_stream_encrypt_256k", streamEnc, evpEnc);
    met &= report("cobblestone_stream_decrypt_256k", streamDec, evpDec);
    detail("%-38s %8.0f MB/s (ratio %.3f, not targeted)", "stream encrypt into a vector",
           megabytesPerSecond(median(vectorEnc)), medianRatio(evpEnc, vectorEnc));
    detail("%-38s %8.0f MB/s (ratio %.3f, not targeted)", "stream decrypt into a vector",
           megabytesPerSecond(median(vectorDec)), medianRatio(evpDec, vectorDec));

    std::vector<double> unlock;
    const Bytes salt = randomBytes(16);
    for (int rep = 0; rep < 3; ++rep) {
        unlock.push_back(
            seconds([&] { (void)scrypt(view(std::string_view("123456")), salt, ScryptParams{}); }));
    }
    detail("scrypt unlock (N=2^17, r=8, p=1, median of 3): %.0f ms", median(unlock) * 1e3);
    return met;
}

} // namespace cc::bench
