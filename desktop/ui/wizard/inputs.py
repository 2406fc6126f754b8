"""The wizard's inputs, as Chinese offices write: money with its unit always visible (and what
was understood, in 万元), dates typed any usual way or picked from a calendar.

Every input keeps the text as typed (the store keeps it so) and reports ``answer_edited`` on
each change and ``committed`` when the user leaves it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from desktop.money import format_wan
from desktop.office_input import InputError, parse_date_input, parse_money_input
from desktop.ui.i18n import translate
from desktop.ui.wizard.spec import FieldSpec

MAX_TYPED_CHARS = 20_000


class _Input(QWidget):
    answer_edited = Signal(str)
    committed = Signal()

    def answer(self) -> str:
        raise NotImplementedError

    def set_answer(self, text: str) -> None:
        raise NotImplementedError


class LineInput(_Input):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.line = QLineEdit()
        self.line.setMaxLength(MAX_TYPED_CHARS)
        self.line.setObjectName(spec.key)
        if spec.hint:
            self.line.setPlaceholderText(translate("Wizard", spec.hint))
        self.note = QLabel()
        self.note.setObjectName("understood")
        self.note.setStyleSheet("color: #555;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, stretch=1)
        if spec.kind == "money":
            unit = QLabel(translate("Wizard", "元（可写 万/亿）"))
            row.addWidget(unit)
            row.addWidget(self.note)
            # Room for the longest reading, so that the boxes of a page stay one width whatever
            # each reads ("＝ 600.00 万元" beside "＝ 3000.00 万元" made a ragged column).
            self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance("＝ 0000000.00 万元"))
            self.line.setPlaceholderText(translate("Wizard", "如 8000万、0.8亿、8,000,000"))
        elif spec.unit:
            row.addWidget(QLabel(spec.unit))
        if spec.kind == "rate" and not spec.hint:  # a field's own hint says what kind of rate
            self.line.setPlaceholderText(translate("Wizard", "如 6.56% 或 0.0656"))
        self._money = spec.kind == "money"
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self.committed)
        self.setFocusProxy(self.line)

    def _edited(self, text: str) -> None:
        self._explain(text)
        self.answer_edited.emit(text)

    def _explain(self, text: str) -> None:
        if not self._money:
            return
        try:
            value = parse_money_input(text) if text.strip() else None
        except InputError:
            value = None
        self.note.setText(f"＝ {format_wan(value)} 万元" if value is not None else "")

    def answer(self) -> str:
        return self.line.text()

    def set_answer(self, text: str) -> None:
        self.line.setText(text)
        self._explain(text)


class DateInput(LineInput):
    """Typed (2018-03-01, 2018年3月1日) or picked: the calendar writes ISO into the same field."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec)
        self.line.setPlaceholderText(translate("Wizard", "如 2018-03-01 或 2018年3月1日"))
        menu = QMenu(self)
        # Parented at birth: the action takes the calendar over and deletes it with the menu, and a
        # parentless, Python-owned calendar would be deleted a second time when its wrapper goes
        # (heap corruption that crashed later, far from here).
        self.calendar = QCalendarWidget(menu)
        self.calendar.clicked.connect(self._picked)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.menu = menu
        self.button = QToolButton()
        self.button.setText(translate("Wizard", "日历"))
        self.button.setToolTip(translate("Wizard", "从日历选择"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(menu)
        # The style draws the menu arrow over the text without making room for it ("日历⌄").
        style = self.button.style()
        self.button.setMinimumWidth(self.button.sizeHint().width()
                                    + style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator))
        menu.aboutToShow.connect(self._sync_calendar)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.button)

    def _sync_calendar(self) -> None:
        try:
            day = parse_date_input(self.line.text())
        except InputError:
            day = dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, day: QDate) -> None:
        text = dt.date(day.year(), day.month(), day.day()).isoformat()
        self.line.setText(text)
        self.menu.hide()
        self.answer_edited.emit(text)
        self.committed.emit()


class TextInput(_Input):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(spec.key)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(130)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        self._loading = False
        self.edit.textChanged.connect(self._changed)
        self.setFocusProxy(self.edit)

    def _changed(self) -> None:
        if not self._loading:
            self.answer_edited.emit(self.answer())

    def answer(self) -> str:
        return self.edit.toPlainText()[:MAX_TYPED_CHARS]

    def set_answer(self, text: str) -> None:
        self._loading = True
        self.edit.setPlainText(text)
        self._loading = False


def widest_item_width(combo: QComboBox) -> int:
    """The width that shows the combo's longest entry whole.  QComboBox sizes itself by the
    entries' ink (``boundingRect``), and a full-width bracket's ink is half its advance, so a
    box sized for "（未填写）" cut off its closing bracket: measure the advance instead."""
    metrics = combo.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    style = combo.style()
    return style.sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                  QSize(widest, metrics.height()), combo).width()


class ChoiceInput(_Input):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.setObjectName(spec.key)
        self.combo.addItem(translate("Wizard", "（未填写）"), "")
        for code, label in spec.choices:
            self.combo.addItem(translate("Wizard", label), code)
        self.combo.setMinimumWidth(widest_item_width(self.combo))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        # A choice has no placeholder: its hint (when to pick what) sits beside it, greyed.
        self.hint: QLabel | None = None
        if spec.hint:
            self.hint = QLabel(translate("Wizard", spec.hint))
            self.hint.setObjectName(f"hint_{spec.key}")
            self.hint.setWordWrap(True)
            self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            row.addWidget(self.hint, 1)
        else:
            row.addStretch(1)
        self.combo.activated.connect(self._chosen)
        self.setFocusProxy(self.combo)

    def _chosen(self, _index: int) -> None:
        self.answer_edited.emit(self.answer())
        self.committed.emit()

    def answer(self) -> str:
        return str(self.combo.currentData() or "")

    def set_answer(self, text: str) -> None:
        index = self.combo.findData(text)
        if index < 0:
            self.combo.addItem(text, text)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)


Input = LineInput | DateInput | TextInput | ChoiceInput


def make_input(spec: FieldSpec) -> Input:
    if spec.kind == "multiline":
        return TextInput(spec)
    if spec.kind == "date":
        return DateInput(spec)
    if spec.kind == "choice":
        return ChoiceInput(spec)
    return LineInput(spec)


__all__ = ["Input", "Qt", "make_input"]
