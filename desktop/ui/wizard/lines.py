"""The equipment list and the loans table: rows the user adds, removes, duplicates, pastes
from Excel/WPS or imports from .xlsx, with running totals and a note per row.

The table only shows and reports: each edited cell goes to the frame as (row, field, text);
the frame saves it and says what each row means (:meth:`LinesTable.set_notes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import translate
from desktop.ui.wizard.spec import QT_TRANSLATE_NOOP

EditTrigger = QAbstractItemView.EditTrigger
EndEditHint = QAbstractItemDelegate.EndEditHint


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    width: int = 110


COLUMNS: dict[str, tuple[Column, ...]] = {
    "equipment": (
        Column("name", QT_TRANSLATE_NOOP("Wizard", "设备名称"), 190),
        Column("model", QT_TRANSLATE_NOOP("Wizard", "规格型号")),
        Column("quantity", QT_TRANSLATE_NOOP("Wizard", "数量"), 60),
        Column("unit", QT_TRANSLATE_NOOP("Wizard", "单位"), 50),
        Column("unit_price", QT_TRANSLATE_NOOP("Wizard", "单价（元，可写万）"), 140),
        Column("supplier", QT_TRANSLATE_NOOP("Wizard", "供应商"), 160),
    ),
    "loan": (
        Column("bank", QT_TRANSLATE_NOOP("Wizard", "贷款银行"), 110),
        Column("contract_no", QT_TRANSLATE_NOOP("Wizard", "合同编号"), 105),
        Column("principal", QT_TRANSLATE_NOOP("Wizard", "本金（元，可写万）"), 140),
        Column("start_on", QT_TRANSLATE_NOOP("Wizard", "发放日"), 95),
        Column("end_on", QT_TRANSLATE_NOOP("Wizard", "到期日"), 95),
        Column("annual_rate", QT_TRANSLATE_NOOP("Wizard", "年利率"), 75),
        Column("interest_paid", QT_TRANSLATE_NOOP("Wizard", "已付利息（元，选填）"), 140),
    ),
    # A tech upgrade's 固定资产投资贷款合同 (附件3 四（二）5): the signing date is what the text tests.
    "fixed_loan": (
        Column("bank", QT_TRANSLATE_NOOP("Wizard", "贷款银行"), 110),
        Column("contract_no", QT_TRANSLATE_NOOP("Wizard", "合同编号"), 105),
        Column("principal", QT_TRANSLATE_NOOP("Wizard", "本金（元，可写万）"), 140),
        Column("signed_on", QT_TRANSLATE_NOOP("Wizard", "签订日期"), 115),
        Column("start_on", QT_TRANSLATE_NOOP("Wizard", "发放日"), 95),
        Column("end_on", QT_TRANSLATE_NOOP("Wizard", "到期日"), 95),
        Column("annual_rate", QT_TRANSLATE_NOOP("Wizard", "年利率"), 75),
    ),
}
FAIL_COLOUR = QColor("#fde7e9")


class GridTable(QTableWidget):
    """A table that types like Excel/WPS: typing into a selected cell edits it, Tab and Enter
    go to the next cell, the row's end goes on to the next row, and Tab on the last row asks for
    a new one (``append_row``).  The last ``trailing`` columns (notes) are read-only and skipped."""

    append_row = Signal()

    def __init__(self, columns: int, trailing: int) -> None:
        super().__init__(0, columns)
        self._typed_columns = columns - trailing
        self.setEditTriggers(EditTrigger.AnyKeyPressed | EditTrigger.DoubleClicked
                             | EditTrigger.EditKeyPressed | EditTrigger.SelectedClicked)

    # The note column (the last) never shrinks below a readable width: in a narrow window the
    # table scrolls sideways instead of wrapping a reason one character per line.
    NOTE_MIN_WIDTH = 240

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        header, note = self.horizontalHeader(), self.columnCount() - 1
        free = self.viewport().width() - sum(header.sectionSize(i) for i in range(note))
        if free >= self.NOTE_MIN_WIDTH:
            header.setSectionResizeMode(note, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(note, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(note, self.NOTE_MIN_WIDTH)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        # Tab arrives as EditNextItem, Enter as SubmitModelCache: both mean "on to the next cell".
        if hint in (EndEditHint.EditNextItem, EndEditHint.SubmitModelCache):
            super().closeEditor(editor, EndEditHint.NoHint)
            self.advance(grow=hint == EndEditHint.EditNextItem)
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        next_keys = (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (event.key() in next_keys and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                               Qt.KeyboardModifier.KeypadModifier)
                and self.state() != QAbstractItemView.State.EditingState and self.rowCount()):
            self.advance(grow=event.key() == Qt.Key.Key_Tab)
            event.accept()
            return
        super().keyPressEvent(event)

    def advance(self, grow: bool) -> None:
        """On to the next cell; past the last row, Tab (``grow``) adds a row, Enter stays."""
        row, column = max(self.currentRow(), 0), self.currentColumn()
        if column + 1 < self._typed_columns:
            column += 1
        else:
            row, column = row + 1, 0
        if row >= self.rowCount():
            if not grow:
                return
            self.append_row.emit()  # the frame adds the row (and saves it) at once
            if row >= self.rowCount():
                return
        self.setCurrentCell(row, column)


class LinesTable(QWidget):
    cell_edited = Signal(int, str, str)  # row, field, text as typed
    add_requested = Signal()
    remove_requested = Signal(int)
    duplicate_requested = Signal(int)
    rows_pasted = Signal(str)  # the clipboard's text
    import_requested = Signal()

    def __init__(self, kind: str, columns: str | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.columns = COLUMNS[columns or kind]
        note_title = (translate("Wizard", "金额") if kind == "equipment"
                      else translate("Wizard", "是否符合及原因"))
        self.table = GridTable(len(self.columns) + 1, trailing=1)
        self.table.setObjectName(f"{kind}Table")
        titles = [translate("Wizard", c.title) for c in self.columns]
        self.table.setHorizontalHeaderLabels([*titles, note_title])
        for index, column in enumerate(self.columns):
            self.table.setColumnWidth(index, column.width)
        self.table.horizontalHeader().setSectionResizeMode(len(self.columns), QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(translate("Wizard", "添加一行"))
        self.remove_button = QPushButton(translate("Wizard", "删除所选行"))
        self.duplicate_button = QPushButton(translate("Wizard", "复制所选行"))
        self.paste_button = QPushButton(translate("Wizard", "粘贴（从 Excel/WPS 复制的多行）"))
        self.add_button.clicked.connect(self.add_requested)
        self.table.append_row.connect(self.add_requested)
        # Every selected row, not only the current one; removed from the bottom up so that the
        # row numbers still to come stay valid.
        self.remove_button.clicked.connect(self._remove_selected)
        self.duplicate_button.clicked.connect(self._duplicate_selected)
        self.paste_button.clicked.connect(self.paste)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.duplicate_button, self.paste_button):
            buttons.addWidget(button)
        if kind == "equipment":
            self.import_button = QPushButton(translate("Wizard", "导入 .xlsx…"))
            self.import_button.clicked.connect(self.import_requested)
            buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        self.totals = QLabel()
        self.totals.setObjectName(f"{kind}Totals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.totals)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)
        self._loading = False

    def _remove_selected(self) -> None:
        for row in reversed(self.selected_rows()):
            self.remove_requested.emit(row)

    def _duplicate_selected(self) -> None:
        for row in self.selected_rows():
            self.duplicate_requested.emit(row)

    def selected_rows(self) -> list[int]:
        """The rows with a selected cell, in order; the current row when nothing is selected."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        return rows

    def paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.rows_pasted.emit(text)

    def set_rows(self, rows: Sequence[Mapping[str, str]]) -> None:
        self._loading = True
        self.table.setRowCount(len(rows))
        for row, answers in enumerate(rows):
            for column, spec in enumerate(self.columns):
                self.table.setItem(row, column, QTableWidgetItem(answers.get(spec.field, "")))
            note = QTableWidgetItem("")
            note.setFlags(note.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, len(self.columns), note)
        self._loading = False

    def set_notes(self, notes: list[tuple[str, bool]], totals: str) -> None:
        self._loading = True
        for row, (text, ok) in enumerate(notes[: self.table.rowCount()]):
            item = self.table.item(row, len(self.columns))
            if item is None:
                continue
            item.setText(text)
            item.setToolTip(text)
            for column in range(self.table.columnCount()):
                cell = self.table.item(row, column)
                if cell is not None:
                    cell.setBackground(FAIL_COLOUR if not ok else QColor(Qt.GlobalColor.transparent))
        self.table.resizeRowsToContents()
        self._loading = False
        self.totals.setText(totals)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() >= len(self.columns):
            return
        self.cell_edited.emit(item.row(), self.columns[item.column()].field, item.text())

    def type_into(self, row: int, field: str, text: str) -> None:
        """What an edit of one cell does (for scripted scenes; tests type into the cell)."""
        column = next(i for i, c in enumerate(self.columns) if c.field == field)
        item = self.table.item(row, column)
        assert item is not None
        item.setText(text)
