"""A date field that takes a whole date typed the way offices write it.

``QDateEdit`` types section by section: with its text selected, typing ``2011-12-10`` gave
2026-12-10 (the year was lost) and ``2011年12月10日`` did nothing.  This field reads what is
typed with the same parser as the profile and the wizard (:func:`desktop.office_input.parse_date_input`):
``2011-12-10``, ``2011年12月10日``, ``2011.12.10``, ``2011/12/10``.  It takes the date when the user
presses Enter or leaves the field, then shows it as ``yyyy-MM-dd``; Up/Down step a day and the
calendar button picks one.  Text it cannot read is left as typed, marked, with the reason in
``problem`` (the date stays what it was); Esc puts the date back.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from desktop.office_input import InputError, parse_date_input
from desktop.ui.i18n import translate

DISPLAY_FORMAT = "yyyy-MM-dd"
ERROR_STYLE = "QLineEdit { border: 1px solid #b00020; color: #b00020; }"


class OfficeDateEdit(QLineEdit):
    dateChanged = Signal(QDate)  # noqa: N815 (QDateEdit's name: the dashboard used one)
    problem = Signal(str)  # why the typed text was not taken ("" once it reads again)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate.currentDate()
        self.setText(self._date.toString(DISPLAY_FORMAT))
        self.setPlaceholderText(translate("DateEdit", "如 2018-06-01 或 2018年6月1日"))
        self.setMaxLength(40)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarUnshadeButton)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(translate("DateEdit", "从日历中选择"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self.take_typed)
        width = self.fontMetrics().horizontalAdvance("2088年12月31日") + 48
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, day: QDate) -> None:  # noqa: N802 (QDateEdit's name)
        self.setText(day.toString(DISPLAY_FORMAT))
        self._mark("")
        if day != self._date:
            self._date = QDate(day)
            self.dateChanged.emit(QDate(day))

    def take_typed(self) -> None:
        """Enter or leaving the field: the typed date becomes the date, or is marked as unreadable."""
        text = self.text().strip()
        if text == self._date.toString(DISPLAY_FORMAT):
            self._mark("")
            return
        try:
            day = parse_date_input(text)
        except InputError as exc:
            self._mark(str(exc))
            return
        self.setDate(QDate(day.year, day.month, day.day))

    def _mark(self, message: str) -> None:
        self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(message)
        self.problem.emit(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.setDate(self._date.addDays(1 if key == Qt.Key.Key_Up else -1))
            return
        if key == Qt.Key.Key_Escape and self.text() != self._date.toString(DISPLAY_FORMAT):
            self.setDate(self._date)  # what was typed is dropped; the date shown is the date
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)  # Enter on a day
        self.calendar.setSelectedDate(self._date)
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()

    def _picked(self, day: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self.setDate(day)
