"""The save indicator tells the truth: saving until the database confirms, then the time;
a refused write in red until that very field is saved."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.store.records import RecordRef, StoreError
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
SAVED = re.compile(r"^已保存 \d\d:\d\d$")



@pytest.fixture
def window(qtbot: QtBot, opened: OpenedStore) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    shell.window.new_profile()
    yield shell.window
    shell.close()


def _type(qtbot: QtBot, window: MainWindow, path: str, text: str) -> QLineEdit:
    edit = window.profile_editor.edits[path]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    return edit


def test_saving_until_confirmed_then_the_time(qtbot: QtBot, window: MainWindow, opened: OpenedStore) -> None:
    indicator = window.profile_editor.save_state
    profile_id = window.current_profile_id
    assert profile_id is not None
    _type(qtbot, window, "enterprise.employees", "160")
    assert indicator.text() == "正在保存…"  # typed, not yet written
    qtbot.waitUntil(lambda: SAVED.match(indicator.text()) is not None, timeout=5000)
    # When it says saved, the database has it.
    assert opened.store.answers(RecordRef("profile", profile_id))["employees"] == "160"


def test_a_refused_write_stays_red_until_that_field_is_saved(
        qtbot: QtBot, window: MainWindow, opened: OpenedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = opened.store.save_answer

    def full_disk(ref: RecordRef, field: str, text: str | None) -> bool:
        if text == "999":
            raise StoreError("磁盘已满")
        return real_save(ref, field, text)

    monkeypatch.setattr(opened.store, "save_answer", full_disk)
    indicator = window.profile_editor.save_state
    edit = _type(qtbot, window, "enterprise.employees", "999")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "磁盘已满" in indicator.text(), timeout=5000)
    assert indicator.text().startswith("未能保存") and "#b00020" in indicator.styleSheet()
    # Another field saving fine does not hide the failure.
    other = _type(qtbot, window, "enterprise.name", "Jia Co")
    qtbot.keyClick(other, Qt.Key.Key_Tab)
    with qtbot.waitSignal(window.profile_editor.saved, timeout=5000):
        pass
    assert "磁盘已满" in indicator.text()
    # Saving that field again resolves it.
    _type(qtbot, window, "enterprise.employees", "998")
    qtbot.waitUntil(lambda: SAVED.match(indicator.text()) is not None, timeout=5000)
    assert indicator.styleSheet() == ""
