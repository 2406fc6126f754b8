"""Ed25519 keys: make a pair, read them, name them by fingerprint, sign and check.

A public key is named by its fingerprint: the SHA-256 of its 32 raw bytes in hex.  People
compare the first 32 hex digits, grouped by four (:func:`short_fingerprint`).

The signing itself is libsodium's, through PyNaCl (PyCA).  Key files are the standard PEM forms
of RFC 8410 that OpenSSL and the ``cryptography`` package write and read: a private key as
unencrypted PKCS #8 (``BEGIN PRIVATE KEY``), a public key as SubjectPublicKeyInfo (``BEGIN
PUBLIC KEY``).  For Ed25519 each is a fixed DER header followed by the 32 key bytes, so reading
one is a comparison with that header (:data:`_PRIVATE_DER_HEADER`, :data:`_PUBLIC_DER_HEADER`);
anything else is refused.  Keys made by earlier versions of the app read the same.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from desktop.rulepacks.errors import PackRefusedError, os_error_words

MAX_KEY_FILE_BYTES = 4096
# RFC 8410: PrivateKeyInfo { version 0, AlgorithmIdentifier id-Ed25519, OCTET STRING { OCTET
# STRING (32) } } and SubjectPublicKeyInfo { AlgorithmIdentifier id-Ed25519, BIT STRING (32) }.
_PRIVATE_DER_HEADER = bytes.fromhex("302e020100300506032b657004220420")
_PUBLIC_DER_HEADER = bytes.fromhex("302a300506032b6570032100")
_KEY_BYTES = 32


class PrivateKey:
    """An Ed25519 signing key (its 32-byte seed)."""

    def __init__(self, signing: SigningKey) -> None:
        self._signing = signing

    @classmethod
    def generate(cls) -> PrivateKey:
        return cls(SigningKey.generate())

    def public_key(self) -> VerifyKey:
        return self._signing.verify_key

    def sign(self, message: bytes) -> bytes:
        return self._signing.sign(message).signature

    def pem(self) -> bytes:
        return _pem("PRIVATE KEY", _PRIVATE_DER_HEADER + bytes(self._signing))


def _pem(label: str, der: bytes) -> bytes:
    body = base64.b64encode(der).decode("ascii")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----", ""]).encode("ascii")


def _pem_der(data: bytes, label: str) -> bytes | None:
    """The DER inside one PEM block with this label, or None when the data is not one."""
    try:
        text = data.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    begin, end = f"-----BEGIN {label}-----", f"-----END {label}-----"
    if not (text.startswith(begin) and text.endswith(end)) or len(text) < len(begin) + len(end):
        return None
    try:
        return base64.b64decode("".join(text[len(begin):-len(end)].split()), validate=True)
    except binascii.Error:
        return None


def _key_bytes(der: bytes, header: bytes) -> bytes | None:
    if len(der) == len(header) + _KEY_BYTES and der.startswith(header):
        return der[len(header):]
    return None


@dataclass(frozen=True)
class PublicKey:
    key: VerifyKey
    fingerprint: str
    label: str = ""

    def pem(self) -> str:
        return public_pem(self.key)


def fingerprint(key: VerifyKey) -> str:
    return hashlib.sha256(bytes(key)).hexdigest()


def short_fingerprint(full: str) -> str:
    return " ".join(full[i:i + 4] for i in range(0, 32, 4))


def public_pem(key: VerifyKey) -> str:
    return _pem("PUBLIC KEY", _PUBLIC_DER_HEADER + bytes(key)).decode("ascii")


def generate_keypair(out: Path) -> PublicKey:
    """Write the private key to ``out`` (owner-only, mode 600) and the public key to ``out.pub``."""
    if out.exists():
        raise PackRefusedError(f"{out} 已存在，不会覆盖已有的私钥。")
    private = PrivateKey.generate()
    pem = private.pem()
    out.parent.mkdir(parents=True, exist_ok=True)
    # Created with mode 600 from the start: the key is never readable by others, not even briefly.
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    public = private.public_key()
    pub_path = out.with_name(out.name + ".pub")
    pub_path.write_text(public_pem(public), encoding="ascii")
    return PublicKey(public, fingerprint(public))


def _read_small(path: Path, what: str) -> bytes:
    try:
        if path.stat().st_size > MAX_KEY_FILE_BYTES:
            raise PackRefusedError(f"{path} 不是{what}文件（文件过大）。")
        return path.read_bytes()
    except OSError as exc:
        raise PackRefusedError(f"无法读取{what}文件 {path}：{os_error_words(exc)}。") from exc


def load_private_key(path: Path) -> PrivateKey:
    data = _read_small(path, "私钥")
    der = _pem_der(data, "PRIVATE KEY")
    if der is None:
        raise PackRefusedError(f"{path} 不是可用的私钥文件（应为 rules keygen 生成的 PEM）。")
    seed = _key_bytes(der, _PRIVATE_DER_HEADER)
    if seed is None:
        # A PKCS #8 key of another algorithm (RSA, EC …) or an encrypted one.
        raise PackRefusedError(f"{path} 不是 Ed25519 私钥。")
    return PrivateKey(SigningKey(seed))


def parse_public_key(data: bytes, label: str = "") -> PublicKey:
    der = _pem_der(data, "PUBLIC KEY")
    if der is None or not der.startswith(b"\x30"):
        raise PackRefusedError("不是可用的公钥（应为 rules keygen 生成的 .pub 文件）。")
    raw = _key_bytes(der, _PUBLIC_DER_HEADER)
    if raw is None:
        raise PackRefusedError("不是 Ed25519 公钥。")
    key = VerifyKey(raw)
    return PublicKey(key, fingerprint(key), label)


def load_public_key(path: Path) -> PublicKey:
    data = _read_small(path, "公钥")  # its message names the file already
    try:
        return parse_public_key(data, path.name)
    except PackRefusedError as exc:
        raise PackRefusedError(f"{path}：{exc.message}") from exc


def sign(private: PrivateKey, message: bytes) -> bytes:
    return private.sign(message)


def signature_valid(public: VerifyKey, signature: bytes, message: bytes) -> bool:
    try:
        public.verify(message, signature)
    except (BadSignatureError, ValueError, TypeError):
        # A signature of the wrong length is as invalid as a wrong one (libsodium refuses it).
        return False
    return True
