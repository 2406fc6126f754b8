"""Fixtures every window test shares."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.startup import OpenedStore, open_store


@pytest.fixture
def opened(private_data_dir: Path) -> Iterator[OpenedStore]:
    """The user database in the test's private data folder, closed without a backup."""
    store = open_store(private_data_dir)
    yield store
    store.close(backup=False)
