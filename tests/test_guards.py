"""The two architectural guards: a Qt-free core, and no network access."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, NetworkAccessError

CORE_IMPORT_CHECK = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    sys.modules["PySide6"] = None  # any `import PySide6...` now raises ImportError
    import desktop
    failed = []
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        # desktop.__main__ is the entry script: importing it starts the app.  Migration
        # scripts only run inside alembic; test_migrations runs every one of them.
        if info.name.startswith(("desktop.ui", "desktop._resources", "desktop.__main__",
                                 "desktop.store.migrations.")):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            failed.append(f"{info.name}: {exc}")
    print("\\n".join(failed))
    sys.exit(1 if failed else 0)
    """
)


def _run_core_check() -> subprocess.CompletedProcess[str]:
    code = f"import sys; sys.path[:0] = [{str(ROOT)!r}]\n" + CORE_IMPORT_CHECK
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)


def test_core_imports_without_qt() -> None:
    result = _run_core_check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_guard_catches_a_qt_import(tmp_path: Path) -> None:
    # A throwaway copy of the package with one Qt import planted outside desktop/ui.
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "desktop", copy / "desktop")
    (copy / "desktop" / "leaky.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    code = f"import sys; sys.path[:0] = [{str(copy)!r}]\n" + CORE_IMPORT_CHECK
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert "desktop.leaky" in result.stdout


def test_network_is_blocked() -> None:
    with pytest.raises(NetworkAccessError):
        socket.create_connection(("example.org", 80), timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, \
            pytest.raises(NetworkAccessError):
        sock.connect(("127.0.0.1", 9))


def test_unix_sockets_stay_allowed(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(path)
