from __future__ import annotations

from pathlib import Path

import pytest

from desktop.rulepacks import trust
from desktop.rulepacks.keys import PrivateKey, public_pem
from tests.rulepacks.helpers import shipped_files


@pytest.fixture(scope="session")
def authority_key() -> PrivateKey:
    return PrivateKey.generate()


@pytest.fixture(scope="session")
def files() -> dict[str, bytes]:
    return shipped_files()


def trust_key(data_dir: Path, key: PrivateKey, tmp: Path) -> None:
    pub = tmp / "authority.pub"
    pub.write_text(public_pem(key.public_key()), encoding="ascii")
    trust.trust(data_dir, pub)


@pytest.fixture
def trusting_dir(private_data_dir: Path, authority_key: PrivateKey, tmp_path: Path) -> Path:
    """A data folder that trusts the test authority's key (as ``rules trust`` would)."""
    private_data_dir.mkdir(parents=True, exist_ok=True)
    trust_key(private_data_dir, authority_key, tmp_path)
    return private_data_dir
