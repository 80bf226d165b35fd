// Media encryption throughput against the hardware ceiling, and the unlock cost.
//
// Cobblestone-256 encryption and decryption of a 64 MiB buffer are compared with one
// single-shot EVP AES-256-GCM call over the same buffer in the same process: the ratio says
// how much the chunking, per-chunk nonces and tags cost. Output buffers are allocated once
// and reused, so the numbers measure the cipher work, not the allocator or page faults.

#include "crypto/cobblestone.h"
#include "crypto/random.h"
#include "crypto/scrypt.h"

#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <vector>

using namespace cc::crypto;

namespace {

constexpr std::size_t BufferSize = std::size_t{64} << 20;
constexpr int Repetitions = 9;
constexpr std::size_t Piece = std::size_t{256} << 10;
constexpr double Target = 0.85;

using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()> &work) {
    const auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double megabytesPerSecond(double secs) {
    return static_cast<double>(BufferSize) / 1e6 / secs;
}

[[noreturn]] void die(const char *what) {
    std::fprintf(stderr, "benchmark failed: %s\n", what);
    std::exit(1);
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
        die("EVP encrypt");
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
        die("EVP decrypt");
    }
}

// The ratio is taken per repetition (each run against the baseline run just before it, so
// load from other processes affects both alike), then the median of those ratios.
void report(const char *what, const std::vector<double> &secs,
            const std::vector<double> &baseline) {
    std::vector<double> ratios;
    for (std::size_t i = 0; i < secs.size(); ++i) {
        ratios.push_back(baseline[i] / secs[i]);
    }
    const double ratio = median(ratios);
    std::printf("  %-38s %8.0f MB/s   ratio %.3f   target >= %.2f: %s\n", what,
                megabytesPerSecond(median(secs)), ratio, Target, ratio >= Target ? "PASS" : "FAIL");
}

} // namespace

int main() {
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

    std::vector<double> evpEnc, evpDec, cobEnc, cobDec, streamEnc, streamDec;
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
                die("Cobblestone decrypt");
            }
        }));
        if (written != BufferSize || opened != plaintext || evpPlain != plaintext) {
            die("round trip mismatch");
        }
        // Streaming as a file writer or reader uses it: 256 KiB pieces, each piece's output
        // handed on and its buffer reused.
        std::size_t streamed = 0;
        streamEnc.push_back(seconds([&] {
            cobblestone::Encryptor enc(key, context);
            streamed = enc.header().size();
            for (std::size_t i = 0; i < BufferSize; i += Piece) {
                piece.clear();
                enc.update(ByteView(plaintext).subspan(i, Piece), piece);
                streamed += piece.size();
            }
            piece.clear();
            enc.finish(piece);
            streamed += piece.size();
        }));
        if (streamed != sealed.size()) {
            die("streaming encrypt size");
        }
        streamDec.push_back(seconds([&] {
            cobblestone::Decryptor dec(key, context);
            streamed = 0;
            for (std::size_t i = 0; i < sealed.size(); i += Piece) {
                pieceOpened.clear();
                const ByteView in = ByteView(sealed).subspan(i, std::min(Piece, sealed.size() - i));
                if (dec.update(in, pieceOpened) != cobblestone::DecryptStatus::Ok) {
                    die("Cobblestone streaming decrypt (256K)");
                }
                streamed += pieceOpened.size();
            }
            pieceOpened.clear();
            if (dec.finish(pieceOpened) != cobblestone::DecryptStatus::Ok) {
                die("Cobblestone streaming decrypt (256K)");
            }
            streamed += pieceOpened.size();
        }));
        if (streamed != BufferSize) {
            die("streaming decrypt size");
        }
    }

    const double baseEnc = median(evpEnc);
    const double baseDec = median(evpDec);
    std::printf("AES-256-GCM / Cobblestone-256 on a 64 MiB buffer (median of %d)\n", Repetitions);
    std::printf("  %-38s %8.0f MB/s\n", "EVP single-shot encrypt", megabytesPerSecond(baseEnc));
    std::printf("  %-38s %8.0f MB/s\n", "EVP single-shot decrypt", megabytesPerSecond(baseDec));
    report("Cobblestone encrypt", cobEnc, evpEnc);
    report("Cobblestone decrypt", cobDec, evpDec);
    report("Cobblestone streaming encrypt (256K)", streamEnc, evpEnc);
    report("Cobblestone streaming decrypt (256K)", streamDec, evpDec);

    std::vector<double> unlock;
    const Bytes salt = randomBytes(16);
    for (int rep = 0; rep < 3; ++rep) {
        unlock.push_back(
            seconds([&] { (void)scrypt(view(std::string_view("123456")), salt, ScryptParams{}); }));
    }
    std::printf("scrypt unlock (N=2^17, r=8, p=1, median of 3): %.0f ms\n", median(unlock) * 1e3);
    return 0;
}
