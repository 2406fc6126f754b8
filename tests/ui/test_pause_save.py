"""A typing pause saves on its own: no leaving the field, no flush called by the test."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.records import RecordRef
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui



def test_pause_after_typing_reaches_the_database(qtbot: QtBot, opened: OpenedStore) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell = Shell(app, opened)
    try:
        shell.start("zh_CN", ask_first_run=False)
        window = shell.window
        assert isinstance(window, MainWindow)
        window.new_profile()
        profile_id = window.current_profile_id
        assert profile_id is not None
        edit = window.profile_editor.edits["enterprise.employees"]
        edit.setFocus()
        qtbot.keyClicks(edit, "160")
        # The user pauses with the cursor still in the field; the save must come by itself.
        with qtbot.waitSignal(window.profile_editor.saved, timeout=5000):
            pass
        qtbot.waitUntil(
            lambda: opened.store.answers(RecordRef("profile", profile_id)).get("employees") == "160",
            timeout=5000)
        assert edit.hasFocus()
    finally:
        shell.close()
