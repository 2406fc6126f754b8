"""The enterprise across sessions: its own assessment date, reopened on restart, deletable
(not the sample); the welcome dialog's Esc, checked settings, messages that stay, an empty
filter that empties the detail."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.rules.results import Status
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.first_run import FirstRunDialog
from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from tests.ui.clicks import click_link, menu_action

pytestmark = pytest.mark.gui



def _start(shell: Shell, opened: OpenedStore) -> MainWindow:
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    return shell.window


def _type_region(qtbot: QtBot, window: MainWindow, code: str) -> None:
    picker = window.profile_editor.edits["enterprise.region_code"]
    line = picker.lineEdit()  # type: ignore[union-attr]
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, code)
    window.profile_editor.flush()


def test_a_new_enterprise_starts_when_its_programmes_are_in_force_and_keeps_its_date(
        qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _start(shell, opened)
    dashboard = window.dashboard
    assert dashboard is not None
    menu_action(window, "newProfile").trigger()
    _type_region(qtbot, window, "630102")  # 西宁市城东区: 青海's programmes
    assert dashboard.assessed_on == dt.date(2013, 12, 31)
    note = dashboard.date_note.text()
    assert "2013-12-31" in note and "本地区" in note and "有效" in note
    assert dashboard.date_note.isVisibleTo(dashboard)
    # The user picks their own date; it is this enterprise's from now on.
    dashboard.date_edit.setFocus()
    dashboard.date_edit.setDate(QDate(2012, 6, 1))
    assert not dashboard.date_note.isVisibleTo(dashboard)
    first = window.current_profile_id
    menu_action(window, "newProfile").trigger()
    assert dashboard.assessed_on != dt.date(2012, 6, 1)
    window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(first))
    assert dashboard.assessed_on == dt.date(2012, 6, 1)


def test_a_restart_reopens_the_enterprise_last_used(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _start(shell, opened)
    menu_action(window, "newProfile").trigger()
    used = window.current_profile_id
    menu_action(window, "newProfile").trigger()
    window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(used))
    shell.close()
    again = _start(shell, opened)
    assert again.current_profile_id == used


def test_delete_names_what_is_lost_and_the_sample_cannot_be_deleted(
        qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _start(shell, opened)
    delete = menu_action(window, "deleteProfile")
    assert not delete.isEnabled()  # the sample is shown
    menu_action(window, "newProfile").trigger()
    assert delete.isEnabled()
    seen: list[str] = []

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "删除")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, confirm)
    delete.trigger()
    assert seen and "申报" in seen[0] and "不能恢复" in seen[0]
    assert opened.store.list_profiles() == []
    assert window.current_profile_id is None and not delete.isEnabled()
    assert "已删除" in window.statusBar().currentMessage()


def test_cancel_keeps_the_enterprise(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _start(shell, opened)
    menu_action(window, "newProfile").trigger()

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    menu_action(window, "deleteProfile").trigger()
    assert len(opened.store.list_profiles()) == 1


def test_settings_show_the_current_role_and_language_checked(shell: Shell, opened: OpenedStore) -> None:
    window = _start(shell, opened)
    assert menu_action(window, "role_enterprise").isChecked()
    assert not menu_action(window, "role_official").isChecked()
    assert menu_action(window, "language_zh_CN").isChecked()
    menu_action(window, "role_official").trigger()
    assert menu_action(window, "role_official").isChecked()
    assert opened.store.setting(ROLE_SETTING) == "official"


def test_esc_on_the_welcome_dialog_goes_on_with_the_defaults(qtbot: QtBot, shell: Shell,
                                                             opened: OpenedStore) -> None:
    def press_escape() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press_escape)
    assert shell.start(None, ask_first_run=True)
    assert opened.store.setting(ROLE_SETTING) == "enterprise"
    assert shell.window is not None and shell.window.isVisible()


def test_a_click_message_is_not_overwritten_by_the_rule_pack_line(qtbot: QtBot, shell: Shell,
                                                                   opened: OpenedStore) -> None:
    window = _start(shell, opened)
    assert window.rulepack_label.parent() is not window.statusBar()  # its own place
    assert "规则包" in window.rulepack_label.text() and window.rulepack_label.isVisibleTo(window)
    dashboard = window.dashboard
    assert dashboard is not None
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    # The sample shows no 开始申报; a missing project fact's link answers in the status bar.
    assert dashboard.select_programme("sjz-2017-tech-upgrade-fund")
    click_link(qtbot, dashboard.detail, "fact:project.kind")
    message = window.statusBar().currentMessage()
    assert "申报向导中填写" in message
    QApplication.processEvents()
    assert window.statusBar().currentMessage() == message


def test_filtering_to_nothing_clears_the_detail(shell: Shell, opened: OpenedStore) -> None:
    window = _start(shell, opened)
    dashboard = window.dashboard
    assert dashboard is not None
    assert dashboard.current_result is not None and dashboard.detail.toPlainText()
    dashboard.status_filter.setCurrentIndex(dashboard.status_filter.findData(Status.NOT_YET_EFFECTIVE))
    assert dashboard.proxy.rowCount() == 0
    assert dashboard.current_result is None and dashboard.detail.toPlainText() == ""
