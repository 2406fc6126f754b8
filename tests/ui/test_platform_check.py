"""Missing X11 libraries are named, with the packages to install, instead of a signal 6."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.ui import platform_check
from desktop.ui.platform_check import check_platform_libraries, explain, xcb_plugin

pytestmark = pytest.mark.gui


def _broken_plugin(tmp_path: Path) -> Path:
    """The real xcb plugin copied away from Qt's libraries: its loader cannot find them."""
    plugin = xcb_plugin()
    assert plugin is not None, "PySide6 ships the xcb platform plugin on Linux"
    copy = tmp_path / "libqxcb.so"
    shutil.copy(plugin, copy)
    return copy


def test_the_installed_plugin_has_everything_here() -> None:
    assert check_platform_libraries({"QT_QPA_PLATFORM": "xcb"}) is None


def test_a_missing_library_is_named(tmp_path: Path) -> None:
    message = check_platform_libraries({}, plugin=_broken_plugin(tmp_path))
    assert message is not None and "libQt6XcbQpa.so.6" in message and "缺少" in message
    assert check_platform_libraries({"QT_QPA_PLATFORM": "offscreen"}, plugin=tmp_path / "none") is None


def test_debian_packages_are_named_for_known_libraries() -> None:
    text = explain(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in text


def test_the_app_exits_2_with_the_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    broken = _broken_plugin(tmp_path)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: broken)
    assert main(["--data-dir", str(tmp_path / "data")]) == 2
    assert "libQt6XcbQpa.so.6" in capsys.readouterr().err
