#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets whose inputs can't be written by hand:
corpus/cobblestone_decrypt/ (Cobblestone-256 messages sealed under the key and context that
fuzz_cobblestone_decrypt.cpp decrypts with) and corpus/vaultkeyfile/ (vault.key files as the
app writes them, and a few it must refuse). Deterministic: running it again writes the same
bytes. Needs python3-cryptography.

    tests/fuzz/make_seeds.py
"""

import base64
import hashlib
import json
import pathlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"

# Cobblestone-256 (app/crypto/cobblestone.h): salt(24) || commitment(32) || chunks of 16 KiB
# sealed with AES-256-GCM under HKDF-Expand-SHA-512 keys; the last chunk is always short.
KEY = bytes([0x4B]) * 32
CONTEXT = b"fuzz"
CHUNK = 16384
LABEL = b"c2sp.org/chunked-encryption@v1+AEAD_AES_256_GCM\0"


def fixed_bytes(label, size):
    """size bytes that depend only on label."""
    out = b""
    while len(out) < size:
        out += hashlib.sha256(label.encode() + len(out).to_bytes(4, "big")).digest()
    return out[:size]


def chunks_of(plaintext):
    full = [plaintext[i:i + CHUNK] for i in range(0, len(plaintext) - len(plaintext) % CHUNK, CHUNK)]
    return full + [plaintext[len(full) * CHUNK:]]


def seal(plaintext, salt_label, order=None):
    salt = fixed_bytes(salt_label, 24)
    okm = HKDFExpand(hashes.SHA512(), 76, LABEL + salt + CONTEXT).derive(KEY)
    aead, base_nonce, commitment = AESGCM(okm[:32]), okm[32:44], okm[44:76]
    chunks = chunks_of(plaintext)
    sealed = []
    for index, chunk in enumerate(chunks):
        nonce = (int.from_bytes(base_nonce, "big") ^ index).to_bytes(12, "big")
        sealed.append(aead.encrypt(nonce, chunk, None))
    if order is not None:
        sealed = [sealed[i] for i in order]
    return salt + commitment + b"".join(sealed)


def cobblestone_seeds():
    text = fixed_bytes("plaintext", 2 * CHUNK + 100)
    valid_one = seal(text[:CHUNK + 100], "full-then-short")
    return {
        "valid-empty.cbs": seal(b"", "empty"),
        "valid-short.cbs": seal(b"a clinical photo, or its thumbnail", "short"),
        "valid-full-then-empty.cbs": seal(text[:CHUNK], "full-then-empty"),
        "valid-full-then-short.cbs": valid_one,
        "valid-two-full-then-short.cbs": seal(text[:2 * CHUNK + 100], "two-full-then-short"),
        "invalid-trailing-data.cbs": valid_one + b"\0" * 20,
        "invalid-final-chunk-missing.cbs": valid_one[:56 + CHUNK + 16],
        "invalid-chunks-swapped.cbs": seal(text[:2 * CHUNK + 100], "swapped", order=[1, 0, 2]),
    }


# vault.key (app/services/vaultkeyfile.h), written as VaultKeyFile::serialize() writes it:
# QJsonDocument's indented form, keys in order.
def vault_key(created="2026-03-02T09:15:00Z", n=1 << 17, r=8, p=1, version=1, salt=None,
              sealed=None, vault_id=None, indent=4):
    document = {
        "createdAt": created,
        "format": "consentcam-vault-key",
        "kdf": {
            "alg": "scrypt",
            "n": n,
            "p": p,
            "r": r,
            "salt": salt if salt is not None else base64.b64encode(fixed_bytes("salt", 16)).decode(),
        },
        "vaultId": vault_id if vault_id is not None else fixed_bytes("vault", 16).hex(),
        "version": version,
        "wrap": {
            "alg": "AES-256-GCM",
            "sealed": sealed if sealed is not None
            else base64.b64encode(fixed_bytes("sealed", 12 + 32 + 16)).decode(),
        },
    }
    if indent is None:
        return json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    return (json.dumps(document, sort_keys=True, indent=indent) + "\n").encode()


def vaultkeyfile_seeds():
    return {
        "valid.key": vault_key(),
        "valid-compact-offset-millis.key": vault_key(created="2026-03-02T10:15:00.250+01:00",
                                                     n=1 << 14, r=1, p=16, indent=None),
        "weak-kdf.key": vault_key(n=1 << 10),
        "future-version.key": vault_key(version=2),
        "short-salt.key": vault_key(salt=base64.b64encode(b"short").decode()),
        "uppercase-id.key": vault_key(vault_id=fixed_bytes("vault", 16).hex().upper()),
        # Once accepted: the id's pattern matched before a final line break.
        "regression-id-trailing-newline.key": vault_key(vault_id=fixed_bytes("vault", 16).hex() + "\n"),
    }


def main():
    for name, seeds in (("cobblestone_decrypt", cobblestone_seeds()),
                        ("vaultkeyfile", vaultkeyfile_seeds())):
        directory = CORPUS / name
        directory.mkdir(parents=True, exist_ok=True)
        for file, data in seeds.items():
            (directory / file).write_bytes(data)


if __name__ == "__main__":
    main()
