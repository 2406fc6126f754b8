"""Wizard inputs keep their text whole and their column straight (the frozen-app trial saw
"（未填写" cut off, "日历" under its menu arrow, and amount boxes of ragged widths)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.fonts import BODY_FONT
from desktop.ui.wizard.inputs import ChoiceInput, DateInput, LineInput
from desktop.ui.wizard.spec import FieldSpec

pytestmark = pytest.mark.gui


@pytest.fixture
def body_face(qapp: QApplication) -> Iterator[QFont]:
    """The bundled body face as the application's font, as the app starts (the test session's
    default font has no Chinese glyphs: its boxes' ink is as wide as their advance and hides the
    fault)."""
    QFontDatabase.addApplicationFont(str(BODY_FONT.path))
    before = qapp.font()
    face = QFont(BODY_FONT.family, 11)
    qapp.setFont(face)
    yield face
    qapp.setFont(before)


def test_a_choice_box_is_wide_enough_for_its_longest_entry(qtbot: QtBot, body_face: QFont) -> None:
    choice = ChoiceInput(FieldSpec("x", "是否", "choice", choices=(("true", "是"), ("false", "否"))))
    qtbot.addWidget(choice)
    choice.show()
    qtbot.waitExposed(choice)
    combo = choice.combo
    metrics = combo.fontMetrics()
    # The full-width brackets' ink is narrower than their advance: the fault this guards.
    assert metrics.boundingRect("（未填写）").width() < metrics.horizontalAdvance("（未填写）")
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    frame = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(0, 0), combo)
    assert combo.width() >= frame.width() + metrics.horizontalAdvance("（未填写）")


def test_amount_boxes_keep_one_width_whatever_they_read(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    small, large = LineInput(FieldSpec("a", "甲", "money")), LineInput(FieldSpec("b", "乙", "money"))
    for line in (small, large):
        line.setParent(page)
        line.setFixedWidth(700)
    small.set_answer("600万")
    large.set_answer("3000万")
    page.show()
    qtbot.waitExposed(page)
    assert small.note.text() == "＝ 600.00 万元" and large.note.text() == "＝ 3000.00 万元"
    assert small.line.width() == large.line.width()


def test_the_calendar_button_has_room_for_its_arrow(qtbot: QtBot, body_face: QFont) -> None:
    date = DateInput(FieldSpec("d", "日期", "date"))
    qtbot.addWidget(date)
    date.show()
    qtbot.waitExposed(date)
    button = date.button
    indicator = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    assert button.width() >= button.fontMetrics().horizontalAdvance("日历") + indicator
