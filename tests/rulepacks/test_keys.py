"""Key files: the app reads what earlier versions (and OpenSSL) wrote, and refuses the rest by name.

The keys below were written by the ``cryptography`` package, which versions before the move to
PyNaCl used: the same PEM forms (RFC 8410), the same signature bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.keys import (
    PrivateKey,
    generate_keypair,
    load_private_key,
    load_public_key,
    parse_public_key,
    public_pem,
    sign,
    signature_valid,
)

OLD_PRIVATE = b"""-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIHcyKKpstmsfWtQPPseO74/CCPs3wSwQLwW28C+VPidg
-----END PRIVATE KEY-----
"""
OLD_PUBLIC = """-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAyjRgQn69u/LQxkv5Moa41j+IkEul7jJYVj6D5JvfJho=
-----END PUBLIC KEY-----
"""
# cryptography's Ed25519PrivateKey.sign(b"huiqi") with OLD_PRIVATE (Ed25519 signatures are deterministic).
OLD_SIGNATURE = bytes.fromhex(
    "59a4c20d2c98e33b1b837564d34074a7684c700a47849715d77547c808d6c3a2"
    "ed3cb347849e8a66c32ff73a9f4d33952086a88d5d3123b3d25bfd5e07e49909")
EC_PUBLIC = b"""-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEx8QmN6NzQCzKX5noVpX5icTL3oxy
jVpF1eUihrkgdfXMu3R2SkfRHZjmpi+0zl74Dlf+jsL4ItLwx+rcT79e8Q==
-----END PUBLIC KEY-----
"""
EC_PRIVATE = b"""-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgj238BSdDEvPnEepE
ugcEStHtX5/1uNcaSFybSgIOGJuhRANCAATHxCY3o3NALMpfmehWlfmJxMvejHKN
WkXV5SKGuSB19cy7dHZKR9EdmOamL7TOXvgOV/6Owvgi0vDH6txPv17x
-----END PRIVATE KEY-----
"""


def test_a_key_written_by_an_earlier_version_signs_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "authority.key"
    path.write_bytes(OLD_PRIVATE)
    private = load_private_key(path)
    assert public_pem(private.public_key()) == OLD_PUBLIC
    assert sign(private, b"huiqi") == OLD_SIGNATURE
    assert private.pem() == OLD_PRIVATE
    public = parse_public_key(OLD_PUBLIC.encode("ascii"))
    assert signature_valid(public.key, OLD_SIGNATURE, b"huiqi")
    assert not signature_valid(public.key, OLD_SIGNATURE, b"huiqi!")
    assert not signature_valid(public.key, OLD_SIGNATURE[:63], b"huiqi")


def test_keygen_writes_a_pair_that_reads_back(tmp_path: Path) -> None:
    made = generate_keypair(tmp_path / "k" / "authority.key")
    private = load_private_key(tmp_path / "k" / "authority.key")
    public = load_public_key(tmp_path / "k" / "authority.key.pub")
    assert public.fingerprint == made.fingerprint
    assert signature_valid(public.key, sign(private, b"pack"), b"pack")
    assert (tmp_path / "k" / "authority.key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(("data", "words"), [
    (EC_PUBLIC, "不是 Ed25519 公钥"),
    (b"hello", "不是可用的公钥"),
    (OLD_PUBLIC.encode("ascii").replace(b"MCow", b"MC!w"), "不是可用的公钥"),
    (OLD_PRIVATE, "不是可用的公钥"),
    ("公钥".encode(), "不是可用的公钥"),
])
def test_other_public_keys_are_refused_by_name(data: bytes, words: str) -> None:
    with pytest.raises(PackRefusedError, match=words):
        parse_public_key(data)


@pytest.mark.parametrize(("data", "words"), [
    (EC_PRIVATE, "不是 Ed25519 私钥"),
    (OLD_PUBLIC.encode("ascii"), "不是可用的私钥文件"),
    (b"\x00" * 100, "不是可用的私钥文件"),
])
def test_other_private_keys_are_refused_by_name(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "other.key"
    path.write_bytes(data)
    with pytest.raises(PackRefusedError, match=words):
        load_private_key(path)


def test_a_fresh_key_is_ed25519() -> None:
    key = PrivateKey.generate()
    assert len(key.sign(b"x")) == 64
    assert parse_public_key(public_pem(key.public_key()).encode("ascii")).fingerprint
