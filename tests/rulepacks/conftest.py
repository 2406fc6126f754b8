from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.rulepacks import trust
from tests.rulepacks.helpers import shipped_files


@pytest.fixture(scope="session")
def authority_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def files() -> dict[str, bytes]:
    return shipped_files()


def trust_key(data_dir: Path, key: Ed25519PrivateKey, tmp: Path) -> None:
    pub = tmp / "authority.pub"
    pub.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo))
    trust.trust(data_dir, pub)


@pytest.fixture
def trusting_dir(private_data_dir: Path, authority_key: Ed25519PrivateKey, tmp_path: Path) -> Path:
    """A data folder that trusts the test authority's key (as ``rules trust`` would)."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    trust_key(private_data_dir, authority_key, tmp_path)
    return private_data_dir
