"""Fixtures every window test shares."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.store.startup import OpenedStore, open_store

if TYPE_CHECKING:
    from desktop.ui.app import Shell


@pytest.fixture(autouse=True)
def widgets_die_within_their_test() -> Iterator[None]:
    """pytest-qt closes a test's widgets with ``deleteLater``, which Qt would carry out in the
    *next* test's first event loop; a fault in a destructor would then be blamed on the wrong
    test.  Destroy them here, at the end of the test that made them."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def opened(private_data_dir: Path) -> Iterator[OpenedStore]:
    """The user database in the test's private data folder, closed without a backup."""
    store = open_store(private_data_dir)
    yield store
    store.close(backup=False)


@pytest.fixture
def shell(qtbot: object, opened: OpenedStore) -> Iterator[Shell]:
    """The app's shell on the test's database, as ``run_app`` makes it; closed (and its window
    destroyed) at the end of the test."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import Shell

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = Shell(app, opened)
    yield made
    made.close()
