"""Typing into the wizard's real widgets as a person does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from desktop.ui.wizard.frame import WizardFrame
from desktop.ui.wizard.inputs import ChoiceInput, TextInput


def type_text(qtbot: QtBot, target: QWidget, text: str) -> None:
    target.setFocus()
    if text.isascii():
        qtbot.keyClicks(target, text)
    else:
        # Chinese arrives through the input method as committed text (QTest types ASCII only).
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(target, event)


def fill(qtbot: QtBot, frame: WizardFrame, key: str, text: str) -> None:
    edit = frame.inputs[key]
    if isinstance(edit, ChoiceInput):
        combo = edit.combo
        combo.setFocus()
        index = combo.findData(text)
        assert index > 0, (key, text)
        while combo.currentIndex() != index:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        return
    target: QWidget = edit.edit if isinstance(edit, TextInput) else edit.line  # type: ignore[union-attr]
    if isinstance(target, QLineEdit | QPlainTextEdit):
        target.clear()
    type_text(qtbot, target, text)
    if isinstance(target, QLineEdit):
        qtbot.keyClick(target, Qt.Key.Key_Tab)


def fill_cell(qtbot: QtBot, frame: WizardFrame, kind: str, row: int, field: str, text: str) -> None:
    table = frame.tables[kind]
    column = next(i for i, c in enumerate(table.columns) if c.field == field)
    view = table.table
    item = view.item(row, column)
    view.setFocus()
    view.setCurrentItem(item)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the keyboard's "edit this cell"

    def editors() -> list[QLineEdit]:
        # The open editor is the visible line edit in the viewport (closed ones linger, hidden).
        return [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]

    qtbot.waitUntil(lambda: len(editors()) == 1)
    editor = editors()[0]
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editors())
    assert table.table.item(row, column).text() == text


def fill_pages(qtbot: QtBot, frame: WizardFrame, pages: dict[str, dict[str, str]]) -> None:
    """Go to each page by its list entry, as a user clicks it, and type its answers."""
    for page, answers in pages.items():
        frame.page_list.setCurrentRow(frame.spec.page_index(page))
        assert frame.page_key == page
        for key, text in answers.items():
            fill(qtbot, frame, key, text)


def open_wizard(window: MainWindow, programme: str, on: dt.date = dt.date(2011, 12, 10)) -> WizardFrame:
    """开始申报 on ``programme`` from the dashboard, on a date its policy is in force."""
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(on)
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(programme)
    dashboard.detail.anchorClicked.emit(QUrl(f"apply:{programme}"))
    frame = window.wizards.frame
    assert frame is not None
    return frame
