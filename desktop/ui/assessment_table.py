"""A read-only table model over the core's assessment results, plus its filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.money import format_wan
from desktop.rules.results import ProgrammeResult, Status
from desktop.ui.i18n import translate
from desktop.ui.labels import STATUS_MARKS, status_text

ResultRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex

_STATUS_ORDER = list(Status)
# The roles data() answers; the view asks for about ten per cell (font, colours, size hints...)
# while sizing its columns to their contents, so the others return at once.
_ANSWERED = frozenset({int(ResultRole), int(SortRole), int(Qt.ItemDataRole.DisplayRole),
                       int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.TextAlignmentRole)})




class AssessmentTableModel(QAbstractTableModel):
    COLUMNS = ("status", "title", "region", "document", "amount", "validity")

    def __init__(self) -> None:
        super().__init__()
        self._results: list[ProgrammeResult] = []

    def set_results(self, results: list[ProgrammeResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result_at(self, row: int) -> ProgrammeResult:
        return self._results[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("状态"), self.tr("政策项目"), self.tr("地区"), self.tr("文件"),
                    self.tr("预计金额（万元）"), self.tr("有效期")][section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        result = self._results[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ResultRole:
            return result
        if role == SortRole:
            return self._sort_key(result, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(result, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "amount":
            return result.amount.basis
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(result: ProgrammeResult, column: str) -> str:
        if column == "status":
            return f"{STATUS_MARKS[result.status]} {status_text(result.status)}"
        if column == "title":
            return result.title
        if column == "region":
            return result.region
        if column == "document":
            return result.document_number or translate("AssessmentTable", "（无文号）")
        if column == "amount":
            figure = result.amount.figure  # none where the programme pays nothing today
            if figure is not None:
                return format_wan(figure)
            if result.amount.applies and result.amount.set_by_authority:
                return translate("AssessmentTable", "由主管部门确定")
            return "—"
        start = result.valid_from.isoformat() if result.valid_from else ""
        end = result.valid_to.isoformat() if result.valid_to else translate("AssessmentTable", "长期")
        return translate("AssessmentTable", "{start} 至 {end}").format(start=start, end=end)

    @staticmethod
    def _sort_key(result: ProgrammeResult, column: str) -> Any:
        if column == "status":
            return _STATUS_ORDER.index(result.status)
        if column == "amount":
            figure = result.amount.figure
            return int(figure * 100) if figure is not None else -1  # 分
        if column == "validity":
            return result.valid_from.isoformat() if result.valid_from else ""
        return AssessmentTableModel._display(result, column)


class AssessmentFilter(QSortFilterProxyModel):
    """Hides other regions unless asked, and filters by status and by kind of programme."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SortRole)
        self._show_other_regions = False
        self._statuses: frozenset[Status] | None = None
        self._kind: str | None = None

    def set_show_other_regions(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_other_regions = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_statuses(self, statuses: frozenset[Status] | None) -> None:
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, AssessmentTableModel)
        result = model.result_at(source_row)
        if result.status is Status.NOT_APPLICABLE and not self._show_other_regions:
            return False
        if self._kind is not None and result.kind != self._kind:
            return False
        return self._statuses is None or result.status in self._statuses
