"""A new user's path through the real window: first run, typing a profile, the dashboard's
verdict, the original text behind a condition, a missing-fact link, 开始申报, and typos."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.rules.results import Status
from desktop.store.records import RecordRef
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.fact_widgets import ChoiceFactEdit, PickerFactEdit
from desktop.ui.first_run import FirstRunDialog
from desktop.ui.main_window import APPLICATIONS_ROW, DASHBOARD_ROW, PROFILE_ROW, MainWindow
from tests.ui.clicks import click_link, menu_action

pytestmark = pytest.mark.gui
PROGRAMME = "sjz-2017-rd-institution"



def _window(shell: Shell) -> MainWindow:
    assert shell.window is not None
    return shell.window


def _returning_user(shell: Shell, opened: OpenedStore) -> MainWindow:
    """Start as someone who went through the first run before: enterprise role, Chinese."""
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell.start("zh_CN", ask_first_run=False)
    return _window(shell)


def _type(qtbot: QtBot, window: MainWindow, path: str, text: str) -> None:
    edit = window.profile_editor.edits[path]
    if isinstance(edit, ChoiceFactEdit):
        edit.setFocus()
        index = edit.findData(text)
        assert index > 0, (path, text)
        # Keyboard choice, as a user without a mouse would make it.
        while edit.currentIndex() != index:
            qtbot.keyClick(edit, Qt.Key.Key_Down)
        return
    target = edit.lineEdit() if isinstance(edit, PickerFactEdit) else edit
    assert isinstance(target, QLineEdit)
    target.clear()
    target.setFocus()
    if text.isascii():
        qtbot.keyClicks(target, text)
    else:
        # Chinese arrives through the input method as committed text, as from a real IME
        # (QTest can only synthesise ASCII key presses).
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(target, event)
    if isinstance(edit, QLineEdit):
        qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving the field saves at once


def _choose_in_first_run(qtbot: QtBot, role_official: bool = False) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FirstRunDialog)
    (dialog.official if role_official else dialog.enterprise).click()
    dialog.accept()


def test_fresh_start_to_eligible_500_wan(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    QTimer.singleShot(0, lambda: _choose_in_first_run(qtbot))
    assert shell.start(None, ask_first_run=True)
    assert opened.store.setting(ROLE_SETTING) == "enterprise"
    window = _window(shell)
    qtbot.waitExposed(window)
    # The sample is on screen at once; then the user creates their own enterprise and types it in.
    window.new_profile()
    assert window.navigation.currentRow() == PROFILE_ROW
    answers = {
        "enterprise.name": "石家庄恒远制药有限公司", "enterprise.uscc": "91130100MA07L2T95N",
        "enterprise.region_code": "130171", "enterprise.industry_code": "2710",
        "enterprise.ownership": "private", "enterprise.employees": "420", "enterprise.revenue": "380000000",
        "enterprise.assets": "520000000", "institution.name": "恒远国家企业技术中心",
        "institution.kind": "enterprise_tech_center", "institution.level": "national",
        "institution.recognised_on": "2018-01-15",
    }
    for path, text in answers.items():
        _type(qtbot, window, path, text)
    window.profile_editor.flush()
    assert "中型企业" in window.profile_editor.size_label.text()
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.date_edit.setDate(QDate(2018, 6, 1))
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(PROGRAMME)
    result = dashboard.current_result
    assert result is not None and result.status is Status.ELIGIBLE
    assert "500.00" in dashboard.detail.toPlainText() and "可以申报" in dashboard.detail.toPlainText()
    # Everything typed is in the store, under the profile the window shows.
    profile_id = window.current_profile_id
    assert profile_id is not None
    saved = opened.store.answers(RecordRef("profile", profile_id))
    assert saved["name"] == "石家庄恒远制药有限公司" and saved["institution_level"] == "national"
    assert saved["region_code"] == "130171"

    # 查看原文: the policy text opens at the cited clause, the quote highlighted.
    click_link(qtbot, dashboard.detail, "cite:1")
    viewer = window.source_viewer
    assert viewer is not None and viewer.isVisible()
    assert "500万元、100万元、10万元的一次性奖励" in viewer.highlighted.replace("\u2029", "")
    assert "已在原文中标出" in viewer.heading.text()

    # 开始申报 creates the application, opens its wizard and lists it under 我的申报.
    click_link(qtbot, dashboard.detail, f"apply:{PROGRAMME}")
    assert window.wizards.frame is not None and window.pages.currentWidget() is window.wizards.frame
    window.navigation.setCurrentRow(APPLICATIONS_ROW)
    assert window.applications.table.rowCount() == 1
    assert window.applications.table.item(0, 0).text() == "研发机构奖励"


def test_missing_fact_link_jumps_to_the_field(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _returning_user(shell, opened)
    qtbot.waitExposed(window)
    window.new_profile()
    _type(qtbot, window, "enterprise.region_code", "130102")
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(dt.date(2018, 6, 1))
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(PROGRAMME)
    result = dashboard.current_result
    assert result is not None and result.status is Status.UNDETERMINED
    facts = [m.fact for m in result.missing]
    assert "institution.kind" in facts
    assert "institution.kind" in dashboard.detail.toHtml()  # a link target in the pane
    click_link(qtbot, dashboard.detail, "fact:institution.kind")
    assert window.navigation.currentRow() == PROFILE_ROW
    edit = window.profile_editor.edits["institution.kind"]
    qtbot.waitUntil(edit.hasFocus)
    # A fact that belongs to a wizard says so instead of jumping nowhere.
    window.go_to_fact("project.kind")  # no programme of 130102 links one; the handler itself
    assert "申报向导" in window.statusBar().currentMessage()


def test_invalid_credit_code_is_flagged_kept_and_saved(qtbot: QtBot, shell: Shell,
                                                       opened: OpenedStore) -> None:
    window = _returning_user(shell, opened)
    window.new_profile()
    _type(qtbot, window, "enterprise.uscc", "91130100MA07L2T95X")
    _type(qtbot, window, "enterprise.employees", "-5")
    editor = window.profile_editor
    editor.flush()
    error = editor.errors["enterprise.uscc"]
    assert error.isVisibleTo(editor) and "校验位" in error.text() and "已按原样保存" in error.text()
    assert "不能为负数" in editor.errors["enterprise.employees"].text()
    uscc_edit = editor.edits["enterprise.uscc"]
    assert isinstance(uscc_edit, QLineEdit) and uscc_edit.text() == "91130100MA07L2T95X"
    profile_id = window.current_profile_id
    assert profile_id is not None
    saved = opened.store.answers(RecordRef("profile", profile_id))
    assert saved["uscc"] == "91130100MA07L2T95X" and saved["employees"] == "-5"
    assert QApplication.activeModalWidget() is None  # no dialog for a typo
    # The invalid code counts as unknown: nothing is decided on it.
    assert window.profile_editor.facts.enterprise.uscc is None
    # Correcting it clears the flag.
    _type(qtbot, window, "enterprise.uscc", "91130100MA07L2T95N")
    assert not error.isVisibleTo(editor)


def test_a_huge_paste_is_cut_not_crashed(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _returning_user(shell, opened)
    window.new_profile()
    edit = window.profile_editor.edits["enterprise.name"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    QApplication.clipboard().setText("企" * 10_000_000)
    edit.paste()
    window.profile_editor.flush()
    profile_id = window.current_profile_id
    assert profile_id is not None
    saved = opened.store.answers(RecordRef("profile", profile_id)).get("name", "")
    assert len(saved) == 20_000  # cut at the widget's limit, and kept as typed
    assert "内容过长" in window.profile_editor.errors["enterprise.name"].text()


def test_switching_language_changes_visible_texts(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _returning_user(shell, opened)
    assert window.navigation.item(0).text() == "企业信息"
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    menu_action(window, "language_en").trigger()
    english = _window(shell)
    assert english is not window
    assert [english.navigation.item(r).text() for r in range(5)] == \
        ["Enterprise", "Self-assessment", "My applications", "Materials", "Exports"]
    assert english.navigation.currentRow() == DASHBOARD_ROW  # the user stays where they were
    assert "Rule pack" in english.rulepack_label.text()
    assert english.profile_switcher.itemText(0) == "Sample enterprise (read-only)"
    assert opened.store.setting("ui.language") == "en"
    menu_action(english, "language_zh_CN").trigger()
    assert _window(shell).navigation.item(0).text() == "企业信息"


def test_window_geometry_is_remembered(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _returning_user(shell, opened)
    qtbot.waitExposed(window)
    window.setGeometry(10, 20, 760, 560)  # inside the 800×600 offscreen screen
    qtbot.waitUntil(lambda: window.width() == 760)
    window.close()
    shell.window = None
    again = shell.show_window()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (760, 560)
    # The offscreen platform adds its own frame offset of a few pixels on restore.
    assert abs(again.x() - 10) <= 4 and abs(again.y() - 20) <= 4


def test_keyboard_reaches_every_page_and_the_profile_switcher(qtbot: QtBot, shell: Shell,
                                                               opened: OpenedStore) -> None:
    window = _returning_user(shell, opened)
    window.activateWindow()
    qtbot.waitActive(window)
    window.navigation.setFocus()
    qtbot.waitUntil(window.navigation.hasFocus)
    keys = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5)
    for row, key in enumerate(keys):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        assert window.navigation.currentRow() == row, (row, QApplication.focusWidget())
    switcher = window.findChild(QComboBox, "profileSwitcher")
    assert switcher is not None and switcher.focusPolicy() != Qt.FocusPolicy.NoFocus
