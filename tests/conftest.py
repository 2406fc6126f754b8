"""Test-wide guards: offscreen Qt, no network, a private data dir, no leaked top-level widgets."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Must be set before Qt is imported anywhere in the session.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


class NetworkAccessError(RuntimeError):
    """Raised when code under test tries to open a network connection."""


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_create_connection = socket.create_connection


def _guarded(sock: socket.socket, address: Any) -> None:
    if sock.family != getattr(socket, "AF_UNIX", object()):
        raise NetworkAccessError(f"network access blocked in tests: {address!r}")


def _guard_connect(self: socket.socket, address: Any) -> None:
    _guarded(self, address)
    _real_connect(self, address)


def _guard_connect_ex(self: socket.socket, address: Any) -> int:
    _guarded(self, address)
    return _real_connect_ex(self, address)


def _guard_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    raise NetworkAccessError(f"network access blocked in tests: {address!r}")


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guard_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guard_connect_ex  # type: ignore[method-assign]
    socket.create_connection = _guard_create_connection  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user-data folder; nothing touches the real one."""
    data = tmp_path / "userdata"
    monkeypatch.setenv("DESKTOP_DATA_DIR", str(data))
    return data


@pytest.fixture
def no_leaked_widgets(qapp: Any) -> Iterator[None]:
    """Fail a Qt test that leaves top-level widgets behind (use qtbot.addWidget)."""
    from PySide6.QtWidgets import QApplication

    before = set(map(id, QApplication.topLevelWidgets()))
    yield
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets()
              if id(w) not in before and w.isVisible()]
    if leaked:
        names = ", ".join(type(w).__name__ for w in leaked)
        for widget in leaked:
            widget.close()
        pytest.fail(f"test leaked top-level widgets: {names}")


@pytest.fixture(autouse=True)
def gui_tests_leak_no_widgets(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test marked ``gui`` is checked for leaked top-level widgets.  Requested here, the
    check is set up before the test's own fixtures and so runs after they have closed theirs."""
    if request.node.get_closest_marker("gui") is not None:
        request.getfixturevalue("no_leaked_widgets")
    yield
