"""Every user-visible string of the UI has an English translation, and the shipped .qm is current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui.i18n import install_translators
from tests.conftest import ROOT

pytestmark = pytest.mark.gui
CATALOGUE = ROOT / "resources" / "i18n" / "desktop_en.ts"
COMPILED = ROOT / "resources" / "i18n" / "desktop_en.qm"
SOURCES = sorted((ROOT / "desktop" / "ui").rglob("*.py"))
FIX = "run tools/i18n.sh, translate the unfinished entries in resources/i18n/desktop_en.ts, run it again"


def _tool(name: str) -> str:
    # PySide6 installs its Qt tools beside the interpreter of the environment it is in.
    path = Path(sys.executable).parent / name
    if not path.exists():
        pytest.skip(f"{name} not installed with PySide6")
    return str(path)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def test_every_ui_string_has_a_finished_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", *map(str, SOURCES), "-ts", str(fresh)],
                   check=True, capture_output=True)
    wanted = set(_messages(fresh))
    assert len(wanted) > 100  # the collector sees the UI's strings (not just a few)
    shipped = _messages(CATALOGUE)
    missing = sorted(wanted - set(shipped))
    unfinished = sorted(key for key, msg in shipped.items() if key in wanted and (
        (msg.find("translation") is None) or msg.find("translation").get("type") in ("unfinished", "vanished")
        or not (msg.findtext("translation") or "").strip()))
    assert not missing, f"not in the catalogue ({FIX}): {missing}"
    assert not unfinished, f"untranslated ({FIX}): {unfinished}"


def test_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path: Path) -> None:
    out = tmp_path / "desktop_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(CATALOGUE), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == COMPILED.read_bytes(), f"stale .qm: {FIX}"


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[list[QTranslator]]:
    installed: list[QTranslator] = []
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(("code", "cancel"), [("zh_CN", "取消"), ("en", "Cancel")])
def test_qt_standard_buttons_follow_the_language(qapp: QApplication, translators: list[QTranslator],
                                                 code: str, cancel: str) -> None:
    translators.extend(install_translators(qapp, code))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert button is not None and button.text().replace("&", "") == cancel
    box.deleteLater()
