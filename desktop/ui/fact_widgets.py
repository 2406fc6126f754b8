"""One input widget per fact, chosen by the fact's type; each reports the answer as typed text.

Answers are text exactly as the user typed them (the store keeps them so), and the core
decides what they mean.  Choices are stored as their codes ("private", "true").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel, QWheelEvent
from PySide6.QtWidgets import QCalendarWidget, QComboBox, QCompleter, QLineEdit, QStyle

from desktop.facts.labels import choice_label
from desktop.facts.registry import FactSpec, FactType
from desktop.office_input import InputError, parse_date_input
from desktop.reference.industry import industries
from desktop.reference.regions import pickable
from desktop.reference.search import matches
from desktop.ui.i18n import translate

# A paste longer than this is cut in the widget, before it reaches the store's own limit.
MAX_TYPED_CHARS = 20_000


class ChoiceWheelGuard:
    """Mixed into drop-downs: the wheel scrolls the form, never the value under the pointer
    (scrolling past 认定级别 used to change it 国家级→省级→市级 without a word)."""

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()  # the scroll area behind takes it


class TextFactEdit(QLineEdit):
    answer_edited = Signal(str)  # every change the user makes
    committed = Signal()  # the user is done with the field: save without waiting


    def __init__(self, spec: FactSpec) -> None:
        super().__init__()
        self.setMaxLength(MAX_TYPED_CHARS)
        self.setPlaceholderText(_placeholder(spec))
        self.textEdited.connect(self.answer_edited)
        self.editingFinished.connect(self.committed)

    def answer(self) -> str:
        return self.text()

    def set_answer(self, text: str) -> None:
        self.setText(text)


class DateFactEdit(TextFactEdit):
    """A date typed as offices write it (2018年3月1日, 2018-03-01) or picked from a calendar."""

    def __init__(self, spec: FactSpec) -> None:
        super().__init__(spec)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarUnshadeButton)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(translate("FactWidgets", "从日历中选择"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)  # Enter on a day
        try:
            shown = parse_date_input(self.text())
            self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        except InputError:
            pass  # nothing readable typed yet: the calendar opens on today
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()

    def _picked(self, day: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self.setText(day.toString("yyyy-MM-dd"))
        self.answer_edited.emit(self.text())
        self.committed.emit()


def _placeholder(spec: FactSpec) -> str:
    if spec.type is FactType.DATE:
        return translate("FactWidgets", "如 2018-06-01 或 2018年6月1日")
    if spec.type is FactType.MONEY:
        return translate("FactWidgets", "如 1200000、8000万、0.8亿（默认单位：元）")
    if spec.unit == "比例":
        return translate("FactWidgets", "0 到 1 之间（一部分占全部的比例），如 0.3 表示 30%")
    if spec.type is FactType.INT and spec.unit:
        return translate("FactWidgets", "整数（{unit}）").format(unit=spec.unit)
    return ""


class ChoiceFactEdit(ChoiceWheelGuard, QComboBox):
    """是/否 and enumerations; the first, empty entry means "not answered"."""

    answer_edited = Signal(str)
    committed = Signal()

    def __init__(self, spec: FactSpec) -> None:
        super().__init__()
        options: list[tuple[str, str]] = [("", translate("FactWidgets", "（未填写）"))]
        if spec.type is FactType.BOOL:
            options += [("true", translate("FactWidgets", "是")), ("false", translate("FactWidgets", "否"))]
        else:
            options += [(code, choice_label(code)) for code in spec.choices]
        for code, label in options:
            self.addItem(label, code)
        self.activated.connect(self._chosen)

    def _chosen(self, _index: int) -> None:
        self.answer_edited.emit(self.answer())
        self.committed.emit()  # a choice is complete the moment it is made

    def answer(self) -> str:
        return str(self.currentData() or "")

    def set_answer(self, text: str) -> None:
        index = self.findData(text)
        if index < 0:  # a value from an older rule pack: keep it visible, never drop it
            self.addItem(text, text)
            index = self.count() - 1
        self.setCurrentIndex(index)


class EntryFilter(QSortFilterProxyModel):
    """Rows whose code, name or pinyin initials match what is typed (desktop.reference.search)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex  # noqa: N802
                         ) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        return matches(self._query, str(model.data(index, CODE_ROLE)), str(model.data(index, NAME_ROLE)))


CODE_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class PickerFactEdit(ChoiceWheelGuard, QComboBox):
    """Region and industry: type a code, any part of a name or its pinyin initials, then pick.

    Only a listed code is ever saved: text that names no entry is shown with a message
    (``unmatched``) and the saved code stays as it was.
    """

    answer_edited = Signal(str)
    committed = Signal()
    unmatched = Signal(str)  # the typed text matches no entry ("" once it does again)

    def __init__(self, entries: Sequence[tuple[str, str, str]]) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._codes = {label: code for code, label, _name in entries}
        self._known = {code for code, _label, _name in entries}
        self.addItem("", "")
        for code, label, _name in entries:
            self.addItem(label, code)
        # Parented to the widget: a model only the completer refers to is garbage-collected
        # by Python (the bug that made typing 西宁 show nothing).
        self.entries = QStandardItemModel(self)
        for code, label, name in entries:
            item = QStandardItem(label)
            item.setData(code, CODE_ROLE)
            item.setData(name, NAME_ROLE)
            self.entries.appendRow(item)
        self.filter = EntryFilter(self)
        self.filter.setSourceModel(self.entries)
        completer = QCompleter(self.filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.search = completer
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        line.setCompleter(completer)
        line.setMaxLength(200)
        line.setPlaceholderText(translate("FactWidgets", "输入代码、名称或拼音首字母搜索"))
        line.textEdited.connect(self._typed)
        completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.activated.connect(lambda _index: self._settle())
        line.editingFinished.connect(self._left)
        # Escape, in the field or in the list of suggestions, puts back the value from before
        # the typing: a suggestion the user dismissed is never picked on leaving the field.
        self._before = ""
        self._escape = _EscapeFilter(self._restore, self)
        line.installEventFilter(self._escape)
        popup = completer.popup()
        if popup is not None:
            popup.installEventFilter(self._escape)

    def _restore(self) -> None:
        popup = self.search.popup()
        if popup is not None:
            popup.hide()
        self.filter.set_query("")
        self.set_answer(self._before)
        self._settle(commit=False)

    def _typed(self, text: str) -> None:
        self.filter.set_query(text)
        self._settle(commit=False)

    def _picked(self, index: QModelIndex) -> None:
        self.set_answer(str(index.data(CODE_ROLE)))  # an index of the completer's own model
        self._settle()

    def _left(self) -> None:
        # Leaving with exactly one entry matching what was typed picks it: "西宁" -> 630100.
        if self.answer() == "" and self.text_typed() and self.filter.rowCount() == 1:
            self.set_answer(str(self.filter.data(self.filter.index(0, 0), CODE_ROLE)))
        elif self.answer():
            self.set_answer(self.answer())  # "2710" typed: show "2710 化学药品原料药制造"
        self._settle()

    def _settle(self, *, commit: bool = True) -> None:
        typed = self.text_typed()
        if typed and not self.answer():
            self.unmatched.emit(typed)
            return
        self.unmatched.emit("")
        self.answer_edited.emit(self.answer())
        if commit:
            self._before = self.answer()
            self.committed.emit()

    def text_typed(self) -> str:
        return self.currentText().strip()

    def answer(self) -> str:
        """The listed code the text names, or "" (free text is never a code)."""
        text = self.text_typed()
        if text in self._codes:
            return self._codes[text]
        return text if text in self._known else ""

    def set_answer(self, text: str) -> None:
        self._before = text
        index = self.findData(text)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(text)  # an old answer that is not a listed code: shown, flagged


class _EscapeFilter(QObject):
    """Calls ``on_escape`` for an Escape key pressed in the watched widgets, and eats it."""

    def __init__(self, on_escape: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._on_escape = on_escape

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            self._on_escape()
            return True
        return False


def region_entries() -> list[tuple[str, str, str]]:
    return [(region.code, region.label, region.name) for region in pickable()]


def industry_entries() -> list[tuple[str, str, str]]:
    return [(code, f"{code} {industry.name}", industry.name)
            for code, industry in sorted(industries().items())]


FactEdit = TextFactEdit | ChoiceFactEdit | PickerFactEdit | DateFactEdit


def make_fact_edit(spec: FactSpec) -> FactEdit:
    if spec.path == "enterprise.region_code":
        return PickerFactEdit(region_entries())
    if spec.path == "enterprise.industry_code":
        return PickerFactEdit(industry_entries())
    if spec.type in (FactType.BOOL, FactType.ENUM):
        return ChoiceFactEdit(spec)
    if spec.type is FactType.DATE:
        return DateFactEdit(spec)
    return TextFactEdit(spec)
