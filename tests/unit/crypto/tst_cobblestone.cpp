#include "crypto/cobblestone.h"

#include "crypto/hash.h"
#include "crypto/random.h"
#include "testvectors.h"

#include <catch2/catch_test_macros.hpp>

#include <QtGlobal>

#include <algorithm>
#include <random>

using namespace cc::crypto;
using namespace cc::crypto::cobblestone;
using namespace cc::crypto::test;

namespace {

const Bytes Key = fromHex("4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b");
const Bytes Context{'m', 'e', 'd', 'i', 'a', 0x00, '1'};

// Inflates a zlib stream; any complaint from the inflater fails the test.
Bytes inflate(const Bytes &compressed) {
    QByteArray input(4, '\0');
    // qUncompress wants the expected size first; it is only a hint and grows as needed.
    const quint32 hint = 1u << 20;
    input[0] = static_cast<char>(hint >> 24);
    input[1] = static_cast<char>(hint >> 16);
    input[2] = static_cast<char>(hint >> 8);
    input[3] = static_cast<char>(hint);
    input.append(reinterpret_cast<const char *>(compressed.data()),
                 static_cast<qsizetype>(compressed.size()));
    static bool complained = false;
    complained = false;
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &) { complained = true; });
    const QByteArray out = qUncompress(input);
    qInstallMessageHandler(previous);
    REQUIRE_FALSE(complained);
    return toBytes(out);
}

struct Streamed {
    DecryptStatus status = DecryptStatus::Ok;
    SecretBytes released;
};

// Feeds message in pieces of the given size, stopping at the first failure.
Streamed decryptStreaming(ByteView key, ByteView context, ByteView message, std::size_t piece) {
    Streamed r;
    Decryptor d(key, context);
    for (std::size_t i = 0; i < message.size() && r.status == DecryptStatus::Ok; i += piece) {
        r.status = d.update(message.subspan(i, std::min(piece, message.size() - i)), r.released);
    }
    if (r.status == DecryptStatus::Ok) {
        r.status = d.finish(r.released);
    }
    if (r.status != DecryptStatus::Ok) {
        // Failed stays failed, with the same status, and releases nothing more.
        SecretBytes more;
        CHECK(d.update(ByteView(message).first(std::min<std::size_t>(message.size(), 100)), more) ==
              r.status);
        CHECK(d.update(Bytes(SealedChunkSize * 2, 0), more) == r.status);
        CHECK(d.finish(more) == r.status);
        CHECK(more.empty());
    }
    return r;
}

std::string sha512Hex(ByteView data) {
    const Sha512Digest d = sha512(data);
    return toHex(ByteView(d.data(), d.size()));
}

Bytes randomMessage(std::size_t size) {
    return randomBytes(size);
}

Bytes plain(const SecretBytes &s) {
    return Bytes(s.begin(), s.end());
}

bool decryptsOk(ByteView key, ByteView context, ByteView message) {
    SecretBytes out;
    const DecryptStatus s = decrypt(key, context, message, out);
    if (s != DecryptStatus::Ok) {
        CHECK(out.empty());
    }
    return s == DecryptStatus::Ok;
}

const std::size_t PieceSizes[] = {1, 7, 16400, 0 /* whole */};

} // namespace

TEST_CASE("Wycheproof Cobblestone-256 vectors") {
    const QJsonObject root = loadVectors("c2sp_chunked_encryption_aes_256_gcm_test.json");
    int ran = 0;
    int valid = 0;
    int partial = 0;
    int derived = 0;
    for (const QJsonValue &gv : groups(root)) {
        for (const QJsonValue &tv : tests(gv.toObject())) {
            const QJsonObject t = tv.toObject();
            const int id = t.value(QLatin1String("tcId")).toInt();
            INFO("tcId " << id << ": " << stringField(t, "comment"));
            const Bytes key = hexField(t, "key");
            const Bytes ctx = hexField(t, "ctx");
            const Bytes ct = inflate(hexField(t, "ct"));
            ++ran;

            if (hasFlag(t, "InvalidKeySize")) {
                REQUIRE(key.size() != 32);
                SecretBytes out;
                CHECK(decrypt(key, ctx, ct, out) == DecryptStatus::BadKeySize);
                CHECK(decryptStreaming(key, ctx, ct, ct.size() + 1).status ==
                      DecryptStatus::BadKeySize);
                CHECK_THROWS_AS(Encryptor(key, ctx), CryptoError);
                CHECK_FALSE(isValid(t));
                continue;
            }
            REQUIRE(key.size() == 32);

            if (t.contains(QLatin1String("aeadKey"))) {
                REQUIRE(ct.size() >= SaltSize);
                const DerivedKeys keys = derive(key, ByteView(ct).first(SaltSize), ctx);
                CHECK(toHex(view(keys.aeadKey)) == stringField(t, "aeadKey"));
                CHECK(toHex(keys.baseNonce) == stringField(t, "baseNonce"));
                ++derived;
            }

            // Whole-buffer forms.
            SecretBytes whole;
            const DecryptStatus wholeStatus = decrypt(key, ctx, ct, whole);
            Bytes into(decryptedSize(ct.size()).value_or(0));
            std::size_t written = 99;
            const DecryptStatus intoStatus = decryptInto(key, ctx, ct, into, written);

            if (isValid(t)) {
                ++valid;
                const auto length =
                    static_cast<std::size_t>(t.value(QLatin1String("msgLength")).toInteger(-1));
                const std::string hash = stringField(t, "msgSha512");
                REQUIRE(wholeStatus == DecryptStatus::Ok);
                CHECK(whole.size() == length);
                CHECK(sha512Hex(view(whole)) == hash);
                REQUIRE(intoStatus == DecryptStatus::Ok);
                CHECK(written == length);
                CHECK(sha512Hex(ByteView(into).first(written)) == hash);
                for (const std::size_t piece : PieceSizes) {
                    INFO("piece " << piece);
                    const Streamed s = decryptStreaming(key, ctx, ct, piece ? piece : ct.size());
                    CHECK(s.status == DecryptStatus::Ok);
                    CHECK(s.released.size() == length);
                    CHECK(sha512Hex(view(s.released)) == hash);
                }
                continue;
            }

            CHECK(wholeStatus != DecryptStatus::Ok);
            CHECK(whole.empty());
            CHECK(intoStatus != DecryptStatus::Ok);
            CHECK(written == 0);

            // In one go, a streaming decryptor releases exactly the valid prefix and fails.
            const Streamed oneGo = decryptStreaming(key, ctx, ct, ct.size() + 1);
            CHECK(oneGo.status != DecryptStatus::Ok);
            if (hasFlag(t, "PartialPlaintext")) {
                ++partial;
                const auto length =
                    static_cast<std::size_t>(t.value(QLatin1String("msgLength")).toInteger(-1));
                CHECK(oneGo.released.size() == length);
                CHECK(sha512Hex(view(oneGo.released)) == stringField(t, "msgSha512"));
            } else {
                CHECK(oneGo.released.empty());
            }
            // Any other piece size releases the same bytes, never more.
            for (const std::size_t piece : PieceSizes) {
                INFO("piece " << piece);
                const Streamed s = decryptStreaming(key, ctx, ct, piece ? piece : ct.size());
                CHECK(s.status == oneGo.status);
                CHECK(plain(s.released) == plain(oneGo.released));
            }

            if (hasFlag(t, "HeaderFailure")) {
                CHECK(oneGo.status == DecryptStatus::BadHeader);
                if (ct.size() >= HeaderSize) {
                    // Rejected as soon as the header is complete, before any chunk.
                    Decryptor d(key, ctx);
                    SecretBytes out;
                    CHECK(d.update(ByteView(ct).first(HeaderSize), out) ==
                          DecryptStatus::BadHeader);
                }
            }
            if (hasFlag(t, "Truncation") && !hasFlag(t, "HeaderFailure") &&
                !hasFlag(t, "PartialPlaintext")) {
                CHECK(oneGo.status == DecryptStatus::Truncated);
            }
        }
    }
    CHECK(ran == 35);
    CHECK(valid == 10);
    CHECK(partial == 9);
    CHECK(derived == 25);
}

TEST_CASE("round trip for lengths around chunk boundaries") {
    std::mt19937 rng(12345);
    std::vector<std::size_t> lengths{0, 1, 16383, 16384, 16385, 32767, 32768, 32769, 3 * 16384};
    for (int i = 0; i < 6; ++i) {
        lengths.push_back(std::uniform_int_distribution<std::size_t>(0, 200000)(rng));
    }
    for (const std::size_t length : lengths) {
        INFO("length " << length);
        const Bytes msg = randomMessage(length);
        const Bytes ct = encrypt(Key, Context, msg);
        REQUIRE(ct.size() == encryptedSize(length));
        REQUIRE(decryptedSize(ct.size()) == length);
        SecretBytes out;
        REQUIRE(decrypt(Key, Context, ct, out) == DecryptStatus::Ok);
        CHECK(plain(out) == msg);

        Bytes into(length);
        std::size_t written = 0;
        REQUIRE(decryptInto(Key, Context, ct, into, written) == DecryptStatus::Ok);
        CHECK(written == length);
        CHECK(into == msg);

        // Streaming encryption in random pieces produces a message the decryptor accepts in
        // random pieces, and the same salt gives the same bytes as encrypting in one go.
        const Bytes salt(ct.begin(), ct.begin() + SaltSize);
        Encryptor pieces(Key, Context, salt);
        Bytes streamed = pieces.header();
        for (std::size_t i = 0; i < length;) {
            const std::size_t n =
                std::min(length - i, std::uniform_int_distribution<std::size_t>(0, 40000)(rng));
            pieces.update(ByteView(msg).subspan(i, n), streamed);
            i += n;
        }
        pieces.finish(streamed);
        CHECK(streamed == ct);

        Decryptor d(Key, Context);
        SecretBytes released;
        for (std::size_t i = 0; i < ct.size();) {
            const std::size_t n =
                std::min(ct.size() - i, std::uniform_int_distribution<std::size_t>(0, 40000)(rng));
            REQUIRE(d.update(ByteView(ct).subspan(i, n), released) == DecryptStatus::Ok);
            i += n;
        }
        REQUIRE(d.finish(released) == DecryptStatus::Ok);
        CHECK(plain(released) == msg);

        // The allocation-free forms, each piece into one reused buffer exactly as large as
        // the bound asks, give the same bytes.
        Encryptor spanPieces(Key, Context, salt);
        Bytes spanSealed = spanPieces.header();
        Bytes buffer;
        for (std::size_t i = 0; i < length;) {
            const std::size_t n =
                std::min(length - i, std::uniform_int_distribution<std::size_t>(0, 40000)(rng));
            buffer.assign(spanPieces.updateSize(n), 0xAA);
            spanPieces.update(ByteView(msg).subspan(i, n), buffer, written);
            REQUIRE(written == buffer.size());
            spanSealed.insert(spanSealed.end(), buffer.begin(), buffer.end());
            i += n;
        }
        buffer.assign(spanPieces.finishSize(), 0xAA);
        spanPieces.finish(buffer, written);
        REQUIRE(written == buffer.size());
        spanSealed.insert(spanSealed.end(), buffer.begin(), buffer.end());
        CHECK(spanSealed == ct);

        Decryptor spanReader(Key, Context);
        Bytes spanOpened;
        for (std::size_t i = 0; i < ct.size();) {
            const std::size_t n =
                std::min(ct.size() - i, std::uniform_int_distribution<std::size_t>(0, 40000)(rng));
            buffer.assign(spanReader.updateBound(n), 0xAA);
            REQUIRE(spanReader.update(ByteView(ct).subspan(i, n), buffer, written) ==
                    DecryptStatus::Ok);
            REQUIRE(written == buffer.size());
            spanOpened.insert(spanOpened.end(), buffer.begin(), buffer.end());
            i += n;
        }
        buffer.assign(spanReader.finishBound(), 0xAA);
        REQUIRE(spanReader.finish(buffer, written) == DecryptStatus::Ok);
        REQUIRE(written == buffer.size());
        spanOpened.insert(spanOpened.end(), buffer.begin(), buffer.end());
        CHECK(spanOpened == msg);
    }
}

TEST_CASE("the allocation-free forms refuse a short buffer and change nothing") {
    const Bytes msg = randomBytes(3 * ChunkSize + 100);
    const Bytes ct = encrypt(Key, Context, msg);

    Decryptor d(Key, Context);
    const ByteView first = ByteView(ct).first(HeaderSize + 2 * SealedChunkSize + 7);
    REQUIRE(d.updateBound(first.size()) == 2 * ChunkSize);
    Bytes small(2 * ChunkSize - 1);
    std::size_t written = 99;
    CHECK_THROWS_AS((void)d.update(first, small, written), CryptoError);
    CHECK(written == 0);
    // Nothing was consumed: the same input into a large enough buffer carries on.
    Bytes opened(d.updateBound(first.size()));
    REQUIRE(d.update(first, opened, written) == DecryptStatus::Ok);
    CHECK(written == 2 * ChunkSize);
    Bytes rest(d.updateBound(ct.size() - first.size()));
    REQUIRE(d.update(ByteView(ct).subspan(first.size()), rest, written) == DecryptStatus::Ok);
    opened.insert(opened.end(), rest.begin(), rest.begin() + std::ptrdiff_t(written));
    REQUIRE(d.finishBound() == 100);
    Bytes last(99);
    CHECK_THROWS_AS((void)d.finish(last, written), CryptoError);
    last.resize(100);
    REQUIRE(d.finish(last, written) == DecryptStatus::Ok);
    opened.insert(opened.end(), last.begin(), last.begin() + std::ptrdiff_t(written));
    CHECK(opened == msg);

    Encryptor e(Key, Context);
    REQUIRE(e.updateSize(ChunkSize + 1) == SealedChunkSize);
    Bytes sealed(SealedChunkSize - 1);
    CHECK_THROWS_AS(e.update(ByteView(msg).first(ChunkSize + 1), sealed, written), CryptoError);
    CHECK(e.updateSize(0) == 0);
    CHECK(e.finishSize() == AesGcm::TagSize);
    Bytes tail(AesGcm::TagSize - 1);
    CHECK_THROWS_AS(e.finish(tail, written), CryptoError);
    // Still unfinished and empty: an empty message seals and opens.
    tail.resize(AesGcm::TagSize);
    e.finish(tail, written);
    Bytes whole = e.header();
    whole.insert(whole.end(), tail.begin(), tail.end());
    SecretBytes empty;
    CHECK(decrypt(Key, Context, whole, empty) == DecryptStatus::Ok);
    CHECK(empty.empty());
}

TEST_CASE("a failing chunk in the allocation-free form releases the chunks before it") {
    const Bytes msg = randomBytes(4 * ChunkSize + 5);
    Bytes ct = encrypt(Key, Context, msg);
    ct[HeaderSize + 2 * SealedChunkSize + 10] ^= 1; // the third chunk
    Decryptor d(Key, Context);
    Bytes out(d.updateBound(ct.size()), 0xAA);
    std::size_t written = 0;
    CHECK(d.update(ct, out, written) == DecryptStatus::BadChunk);
    CHECK(written == 2 * ChunkSize);
    CHECK(std::equal(out.begin(), out.begin() + std::ptrdiff_t(written), msg.begin()));
    // What the failing chunk opened into its room is gone.
    CHECK(std::all_of(out.begin() + std::ptrdiff_t(written),
                      out.begin() + std::ptrdiff_t(written + ChunkSize),
                      [](std::uint8_t b) { return b == 0; }));
    CHECK(d.updateBound(SealedChunkSize) == 0);
    CHECK(d.finishBound() == 0);
    CHECK(d.finish(out, written) == DecryptStatus::BadChunk);
    CHECK(written == 0);
}

TEST_CASE("every encryption uses a fresh salt") {
    const Bytes msg(100, 1);
    const Bytes a = encrypt(Key, Context, msg);
    const Bytes b = encrypt(Key, Context, msg);
    CHECK_FALSE(std::equal(a.begin(), a.begin() + SaltSize, b.begin()));
    CHECK(Encryptor(Key, Context).header() != Encryptor(Key, Context).header());
}

TEST_CASE("a full chunk is released as soon as it verifies") {
    const Bytes msg = randomMessage(ChunkSize * 2 + 10);
    const Bytes ct = encrypt(Key, Context, msg);
    Decryptor d(Key, Context);
    SecretBytes out;
    REQUIRE(d.update(ByteView(ct).first(HeaderSize + SealedChunkSize - 1), out) ==
            DecryptStatus::Ok);
    CHECK(out.empty());
    REQUIRE(d.update(ByteView(ct).subspan(HeaderSize + SealedChunkSize - 1, 1), out) ==
            DecryptStatus::Ok);
    CHECK(out.size() == ChunkSize);
    CHECK(Bytes(out.begin(), out.end()) == Bytes(msg.begin(), msg.begin() + ChunkSize));
}

TEST_CASE("flipping any single byte makes decryption fail") {
    const Bytes msg = randomMessage(ChunkSize * 2 + 1000);
    const Bytes ct = encrypt(Key, Context, msg);
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < HeaderSize; ++i) {
        positions.push_back(i); // salt and commitment
    }
    for (std::size_t c = 0; c < 3; ++c) {
        const std::size_t start = HeaderSize + c * SealedChunkSize;
        const std::size_t body = c < 2 ? ChunkSize : 1000;
        for (std::size_t i = 0; i < body; i += 211) {
            positions.push_back(start + i);
        }
        positions.push_back(start + body - 1);
        for (std::size_t i = 0; i < AesGcm::TagSize; ++i) {
            positions.push_back(start + body + i); // every tag byte
        }
    }
    REQUIRE(positions.back() == ct.size() - 1);
    for (const std::size_t pos : positions) {
        INFO("position " << pos);
        for (const std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
            Bytes bad = ct;
            bad[pos] ^= mask;
            CHECK_FALSE(decryptsOk(Key, Context, bad));
            Bytes into(msg.size());
            std::size_t written = 1;
            CHECK(decryptInto(Key, Context, bad, into, written) != DecryptStatus::Ok);
            CHECK(written == 0);
        }
    }
}

TEST_CASE("wrong key or wrong context fails at the header") {
    const Bytes ct = encrypt(Key, Context, randomMessage(50000));
    Bytes otherKey = Key;
    otherKey[31] ^= 1;
    Bytes otherContext = Context;
    otherContext.pop_back();
    for (const auto &[key, context] :
         {std::pair{otherKey, Context}, std::pair{Key, otherContext}, std::pair{Key, Bytes{}}}) {
        Decryptor d(key, context);
        SecretBytes out;
        CHECK(d.update(ByteView(ct).first(HeaderSize), out) == DecryptStatus::BadHeader);
        CHECK(d.update(ByteView(ct).subspan(HeaderSize), out) == DecryptStatus::BadHeader);
        CHECK(out.empty());
        CHECK(decrypt(key, context, ct, out) == DecryptStatus::BadHeader);
        std::size_t written = 0;
        Bytes into(50000);
        CHECK(decryptInto(key, context, ct, into, written) == DecryptStatus::BadHeader);
    }
}

TEST_CASE("truncation at every chunk boundary fails") {
    for (const std::size_t length : {ChunkSize * 3, ChunkSize * 3 + 500}) {
        INFO("length " << length);
        const Bytes ct = encrypt(Key, Context, randomMessage(length));
        std::vector<std::size_t> cuts{0, 1, SaltSize, HeaderSize - 1, HeaderSize};
        for (std::size_t c = 1; HeaderSize + c * SealedChunkSize < ct.size(); ++c) {
            const std::size_t boundary = HeaderSize + c * SealedChunkSize;
            cuts.insert(cuts.end(),
                        {boundary - 1, boundary, boundary + 1, boundary + 15, boundary + 16});
        }
        cuts.push_back(ct.size() - 1);
        for (const std::size_t cut : cuts) {
            if (cut >= ct.size()) {
                continue;
            }
            INFO("cut at " << cut);
            const ByteView shortened = ByteView(ct).first(cut);
            CHECK_FALSE(decryptsOk(Key, Context, shortened));
            const Streamed s = decryptStreaming(Key, Context, shortened, 4096);
            CHECK(s.status != DecryptStatus::Ok);
            CHECK(s.released.size() <= length);
        }
        // Dropping the whole final chunk leaves a message of full chunks only.
        const std::size_t lastStart = HeaderSize + (length / ChunkSize) * SealedChunkSize;
        const Streamed s = decryptStreaming(Key, Context, ByteView(ct).first(lastStart), 999);
        CHECK(s.status == DecryptStatus::Truncated);
    }
}

TEST_CASE("data after the final chunk is rejected") {
    const Bytes msg = randomMessage(ChunkSize);
    Bytes ct = encrypt(Key, Context, msg); // a full chunk and an empty final chunk
    Decryptor d(Key, Context);
    SecretBytes out;
    REQUIRE(d.update(ct, out) == DecryptStatus::Ok);
    REQUIRE(d.finish(out) == DecryptStatus::Ok);
    CHECK(d.update(Bytes{0}, out) == DecryptStatus::TrailingData);
    CHECK(d.finish(out) == DecryptStatus::TrailingData);

    for (const std::size_t extra : {std::size_t{1}, std::size_t{20}, SealedChunkSize}) {
        Bytes longer = ct;
        longer.resize(ct.size() + extra, 0x41);
        SecretBytes whole;
        CHECK(decrypt(Key, Context, longer, whole) != DecryptStatus::Ok);
        CHECK(whole.empty());
    }
    Bytes longer = ct;
    longer.resize(ct.size() + 20, 0x41);
    SecretBytes whole;
    CHECK(decrypt(Key, Context, longer, whole) == DecryptStatus::TrailingData);
}

TEST_CASE("keys of the wrong size are refused") {
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{16}, std::size_t{31}, std::size_t{33}, std::size_t{64}}) {
        const Bytes key(size, 1);
        CHECK_THROWS_AS(Encryptor(key, Context), CryptoError);
        CHECK_THROWS_AS(encrypt(key, Context, Bytes(10)), CryptoError);
        CHECK_THROWS_AS(derive(key, Bytes(SaltSize), Context), CryptoError);
        Decryptor d(key, Context);
        SecretBytes out;
        CHECK(d.update(encrypt(Key, Context, Bytes(10)), out) == DecryptStatus::BadKeySize);
        CHECK(d.finish(out) == DecryptStatus::BadKeySize);
        CHECK(out.empty());
    }
    CHECK_THROWS_AS(derive(Key, Bytes(SaltSize - 1), Context), CryptoError);
}

TEST_CASE("chunk nonces are the base nonce XOR the big-endian index, up to 2^38 chunks") {
    const Bytes base = fromHex("0102030405060708090a0b0c");
    CHECK(toHex(chunkNonce(base, 0)) == "0102030405060708090a0b0c");
    CHECK(toHex(chunkNonce(base, 1)) == "0102030405060708090a0b0d");
    CHECK(toHex(chunkNonce(base, 0x100)) == "0102030405060708090a0a0c");
    CHECK(toHex(chunkNonce(base, 0x0102030405)) == "01020304050607090b090f09");
    CHECK(toHex(chunkNonce(base, MaxChunks - 1)) == "0102030405060737f6f5f4f3");
    CHECK_THROWS_AS(chunkNonce(base, MaxChunks), CryptoError);
    CHECK_THROWS_AS(chunkNonce(Bytes(11), 0), CryptoError);
}

TEST_CASE("Encryptor refuses use after finish") {
    Encryptor e(Key, Context);
    Bytes out;
    e.update(Bytes(10), out);
    e.finish(out);
    const std::size_t size = out.size();
    CHECK_THROWS_AS(e.update(Bytes(ChunkSize + 1), out), CryptoError);
    CHECK_THROWS_AS(e.finish(out), CryptoError);
    CHECK(out.size() == size);
}

TEST_CASE("status names") {
    CHECK(std::string(toString(DecryptStatus::Ok)) == "ok");
    CHECK(std::string(toString(DecryptStatus::BadHeader)) == "bad header");
    CHECK(std::string(toString(DecryptStatus::TrailingData)) == "trailing data");
}
