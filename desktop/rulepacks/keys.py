"""Ed25519 keys: make a pair, read them, name them by fingerprint, sign and check.

A public key is named by its fingerprint: the SHA-256 of its 32 raw bytes in hex.  People
compare the first 32 hex digits, grouped by four (:func:`short_fingerprint`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.rulepacks.errors import PackRefusedError, os_error_words

MAX_KEY_FILE_BYTES = 4096


@dataclass(frozen=True)
class PublicKey:
    key: Ed25519PublicKey
    fingerprint: str
    label: str = ""

    def pem(self) -> str:
        return public_pem(self.key)


def fingerprint(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def short_fingerprint(full: str) -> str:
    return " ".join(full[i:i + 4] for i in range(0, 32, 4))


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def generate_keypair(out: Path) -> PublicKey:
    """Write the private key to ``out`` (owner-only, mode 600) and the public key to ``out.pub``."""
    if out.exists():
        raise PackRefusedError(f"{out} 已存在，不会覆盖已有的私钥。")
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
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


def load_private_key(path: Path) -> Ed25519PrivateKey:
    data = _read_small(path, "私钥")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise PackRefusedError(f"{path} 不是可用的私钥文件（应为 rules keygen 生成的 PEM）。") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise PackRefusedError(f"{path} 不是 Ed25519 私钥。")
    return key


def parse_public_key(data: bytes, label: str = "") -> PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as exc:
        raise PackRefusedError("不是可用的公钥（应为 rules keygen 生成的 .pub 文件）。") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise PackRefusedError("不是 Ed25519 公钥。")
    return PublicKey(key, fingerprint(key), label)


def load_public_key(path: Path) -> PublicKey:
    data = _read_small(path, "公钥")  # its message names the file already
    try:
        return parse_public_key(data, path.name)
    except PackRefusedError as exc:
        raise PackRefusedError(f"{path}：{exc.message}") from exc


def sign(private: Ed25519PrivateKey, message: bytes) -> bytes:
    return private.sign(message)


def signature_valid(public: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public.verify(signature, message)
    except InvalidSignature:
        return False
    return True
