"""What a new user tripped over in the first hour (issue 13's trial), through the real widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QGroupBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.policies.texts import policy_text
from desktop.rules.results import CitedText
from desktop.store.lock import DataDirLock
from desktop.store.startup import OpenedStore
from desktop.ui import app as app_module
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.fact_widgets import PickerFactEdit
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from desktop.ui.source_viewer import SourceViewer
from tests.ui.clicks import click_link, menu_action

pytestmark = pytest.mark.gui
QINGHAI_TEXT = "000_943aee89951fd539.txt"
JOBS = "qh-2013-small-micro-job-subsidy"



def _window(shell: Shell, opened: OpenedStore, language: str = "zh_CN") -> MainWindow:
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell.start(language, ask_first_run=False)
    assert shell.window is not None
    return shell.window


def _commit_text(target: QLineEdit, text: str) -> None:
    event = QInputMethodEvent()  # Chinese arrives from the input method as committed text
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def _qinghai_enterprise(qtbot: QtBot, window: MainWindow) -> None:
    window.new_profile()
    region = window.profile_editor.edits["enterprise.region_code"]
    assert isinstance(region, PickerFactEdit)
    region.set_answer("630100")
    region.committed.emit()
    window.profile_editor.flush()
    assert window.dashboard is not None
    window.dashboard.set_assessed_on(dt.date(2013, 6, 1))
    window.navigation.setCurrentRow(DASHBOARD_ROW)


# 1. 查看原文 marks the quote inside the cited clause, and names the document.

def test_issuer_citation_is_not_marked_in_an_unrelated_clause(qtbot: QtBot, shell: Shell,
                                                             opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    _qinghai_enterprise(qtbot, window)
    dashboard = window.dashboard
    assert dashboard is not None and dashboard.select_programme(JOBS)
    result = dashboard.current_result
    assert result is not None
    index = next(i for i, c in enumerate(result.conditions) if c.citation.clause == "发文机关")
    click_link(qtbot, dashboard.detail, f"cite:{index}")
    viewer = window.source_viewer
    assert viewer is not None and viewer.isVisible()
    # The text's only 青海省 is in 五、(质量认证咨询中心): marking it would point at the wrong place.
    assert viewer.highlighted == ""
    assert viewer.text.extraSelections() == []
    heading = viewer.heading.text()
    assert "青海省应对2013年工业经济环境偏紧形势" in heading and "发文机关" in heading


def test_quote_is_found_inside_its_clause_not_at_its_first_occurrence(qtbot: QtBot) -> None:
    viewer = SourceViewer()
    qtbot.addWidget(viewer)
    text = policy_text(QINGHAI_TEXT)
    first = text.find("小微企业")
    clause_nine = text.find("九、加大社保支持力度")
    assert 0 <= first < clause_nine  # the excerpt occurs first in the preamble
    shown = viewer.show_citation(CitedText(QINGHAI_TEXT, "九、加大社保支持力度", "小微企业"), "标题",
                                 document="某文件（青政〔2013〕1号）")
    assert shown
    assert viewer.text.textCursor().position() > clause_nine
    assert "某文件（青政〔2013〕1号）" in viewer.heading.text()
    assert "已在原文中标出" in viewer.heading.text()


def test_a_label_with_no_heading_falls_back_to_the_whole_text_and_says_so(qtbot: QtBot) -> None:
    viewer = SourceViewer()
    qtbot.addWidget(viewer)
    assert viewer.show_citation(CitedText(QINGHAI_TEXT, "第十九条", "小微企业"), "标题", document="某文件")
    assert "找不到条款“第十九条”" in viewer.heading.text() and "不一定" in viewer.heading.text()
    assert viewer.highlighted == "小微企业"


# 2. A wizard's fact: its Chinese name, the wizard offered, the message gone with the selection.

def test_wizard_fact_link_names_the_fact_and_offers_the_wizard(qtbot: QtBot, shell: Shell,
                                                              opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    _qinghai_enterprise(qtbot, window)
    dashboard = window.dashboard
    assert dashboard is not None
    result = next(r for r in dashboard.assessment.results
                  if r.wizard is not None and any(m.fact == "project.total_investment" for m in r.missing))
    assert dashboard.select_programme(result.programme_id)
    click_link(qtbot, dashboard.detail, "fact:project.total_investment")
    message = window.statusBar().currentMessage()
    assert "项目总投资" in message and "project.total_investment" not in message
    button = window.open_wizard_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.wizards.frame is not None and window.pages.currentWidget() is window.wizards.frame
    assert not button.isVisible()

    # Another programme: the message about the previous one is gone.
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(result.programme_id)
    click_link(qtbot, dashboard.detail, "fact:project.total_investment")
    assert window.statusBar().currentMessage()
    assert dashboard.select_programme(JOBS)
    assert window.statusBar().currentMessage() == "" and not button.isVisible()


def test_the_sample_is_not_offered_a_wizard(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    assert window.current_profile_id is None
    window.go_to_fact("project.total_investment")
    assert "项目总投资" in window.statusBar().currentMessage()
    assert "示例企业" in window.statusBar().currentMessage()
    assert not window.open_wizard_button.isVisible()


# 3. Deleting an enterprise shows the user's most recently used other one, from the top.

def test_deleting_switches_to_the_most_recent_own_enterprise(qtbot: QtBot, shell: Shell,
                                                            opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    window.new_profile()
    first = window.current_profile_id
    window.new_profile()
    window.new_profile()
    third = window.current_profile_id
    switcher = window.profile_switcher
    switcher.setCurrentIndex(switcher.findData(first))  # used last before the one deleted
    switcher.setCurrentIndex(switcher.findData(third))
    window.profile_editor.scroll_area.verticalScrollBar().setValue(400)

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        delete = next(b for b in box.buttons() if b.text() == "删除")
        delete.click()

    QTimer.singleShot(0, confirm)
    menu_action(window, "deleteProfile").trigger()
    assert window.current_profile_id == first
    assert window.profile_editor.scroll_area.verticalScrollBar().value() == 0

    QTimer.singleShot(0, confirm)
    menu_action(window, "deleteProfile").trigger()
    assert window.current_profile_id is not None and window.current_profile_id not in (first, third)
    QTimer.singleShot(0, confirm)
    menu_action(window, "deleteProfile").trigger()
    assert window.current_profile_id is None  # none left: the sample


# 4. Another copy running: one language, 确定 on the button.

def test_already_running_message_is_all_chinese_with_a_chinese_button(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    lock = DataDirLock(data_dir)
    lock.acquire()
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        buttons = box.findChild(QDialogButtonBox)
        assert buttons is not None
        seen["buttons"] = " ".join(b.text() for b in buttons.buttons())
        box.accept()

    translators = install_translators(app, app_module.saved_language(data_dir))
    try:
        QTimer.singleShot(0, read_and_close)
        assert app_module._open_user_data(data_dir, smoke_test=False) is None
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        lock.release()
    assert "另一个惠企申报助手正在使用数据目录" in seen["text"]
    assert "Another" not in seen["text"] and "copy" not in seen["text"]
    assert seen["buttons"] == "确定"


def test_startup_messages_show_one_language() -> None:
    text = "数据库文件不见了。 The database file was missing.\n\n只有中文。"
    assert app_module.in_language(text, "zh_CN") == "数据库文件不见了。\n\n只有中文。"
    assert app_module.in_language(text, "en") == "The database file was missing.\n\n只有中文。"


def test_language_chosen_is_remembered_for_the_next_start(qtbot: QtBot, shell: Shell,
                                                          opened: OpenedStore) -> None:
    _window(shell, opened, language="en")
    assert app_module.saved_language(opened.store.data_dir) == "en"


# 5. A date typed is echoed back as the day it was read as.

def test_date_field_echoes_the_day_understood(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    window.new_profile()
    path = "institution.recognised_on"
    edit = window.profile_editor.edits[path]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    qtbot.keyClicks(edit, "2018-3-1")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    hint = window.profile_editor.hints[path]
    qtbot.waitUntil(lambda: hint.text() == "＝ 2018年3月1日")
    assert not hint.isHidden()


# 6. "&" in a section title is shown, not taken as a shortcut.

def test_english_rd_section_title_shows_the_ampersand(qtbot: QtBot, shell: Shell,
                                                      opened: OpenedStore) -> None:
    window = _window(shell, opened, language="en")
    titles = [box.title() for box in window.profile_editor.findChildren(QGroupBox)]
    rd = [t for t in titles if "R&" in t]
    assert rd and all("R&&D" in t for t in rd), titles


# 7. Escape in the region picker puts the previous value back.

def test_escape_in_region_picker_restores_the_previous_value(qtbot: QtBot, shell: Shell,
                                                             opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    window.new_profile()
    region = window.profile_editor.edits["enterprise.region_code"]
    assert isinstance(region, PickerFactEdit)
    line = region.lineEdit()
    assert line is not None
    window.activateWindow()
    line.setFocus()
    _commit_text(line, "宁")
    popup = region.search.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert region.filter.rowCount() == 1  # 西宁市 alone: leaving would have picked it
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # dismissed
    assert not popup.isVisible()
    line.editingFinished.emit()  # leaving the field (focus moves on)
    window.profile_editor.flush()
    assert line.text() == ""
    assert region.answer() == ""
    assert window.profile_editor.facts.enterprise.region_code is None


def test_escape_puts_back_a_region_chosen_before(qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    window = _window(shell, opened)
    qtbot.waitExposed(window)
    window.new_profile()
    region = window.profile_editor.edits["enterprise.region_code"]
    assert isinstance(region, PickerFactEdit)
    region.set_answer("630100")
    region.committed.emit()
    line = region.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "13")
    assert line.text() == "13"
    qtbot.keyClick(region.search.popup() if region.search.popup().isVisible() else line, Qt.Key.Key_Escape)
    assert line.text() == "630100 西宁市"
    line.editingFinished.emit()
    window.profile_editor.flush()
    assert window.profile_editor.facts.enterprise.region_code == "630100"
