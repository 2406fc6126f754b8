"""政策自评: every programme for the current enterprise, with the reasons one click away."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QDate, QEvent, QItemSelection, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.applications.standing import assess_with_applications
from desktop.facts import FactsFile
from desktop.rules.pack import RulePack
from desktop.rules.results import Assessment, ProgrammeResult, Status
from desktop.ui.assessment_table import AssessmentFilter, AssessmentTableModel, ResultRole
from desktop.ui.date_edit import OfficeDateEdit
from desktop.ui.detail_html import programme_detail_html
from desktop.ui.labels import kind_text, status_text

NAME_COLUMN = 1  # 政策项目


class DashboardPage(QWidget):
    """Observes the enterprise facts and the date; the engine in the core does the deciding."""

    assessed = Signal(object)  # the new Assessment
    date_chosen = Signal(object)  # dt.date, when the user (not the program) changes the date
    programme_selected = Signal(object)  # the ProgrammeResult now shown (None: nothing shown)

    def __init__(self, pack: RulePack) -> None:
        super().__init__()
        self._pack = pack
        self._facts: FactsFile | None = None
        # Programme id -> the facts of the enterprise's application for it (its loans, project,
        # institution): that programme is assessed with them (desktop.applications.standing).
        self._applications: dict[str, FactsFile] = {}
        self.assessment: Assessment | None = None
        self.current_result: ProgrammeResult | None = None
        self.can_apply = False  # the read-only sample shows no 开始申报
        self.facts_region: str | None = None  # the region the date was last suggested for
        self._setting_date = False
        self._holding = False  # inside one_refresh(): the assessment waits for its end

        # Takes a whole date typed as offices write it (2011-12-10, 2011年12月10日), like the
        # wizard's and the profile's date fields; QDateEdit typed section by section and lost it.
        self.date_edit = OfficeDateEdit()
        self.date_edit.setObjectName("assessmentDate")
        self.other_regions = QCheckBox(self.tr("显示其他地区的政策(&O)"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in Status:
            if status is not Status.NOT_APPLICABLE:
                self.status_filter.addItem(status_text(status), status)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("全部类别"), None)
        for kind in sorted({p.source.kind for p in pack.programmes}, key=kind_text):
            self.kind_filter.addItem(kind_text(kind), kind)
        self.enterprise_label = QLabel()
        self.enterprise_label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
        # A long name wraps instead of widening the page past the window (150%: the date box and
        # the table's right columns were off-screen).
        self.enterprise_label.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("#banner { background: #fff4ce; padding: 6px; }")
        self.banner.hide()
        self.date_note = QLabel()
        self.date_note.setObjectName("dateNote")
        self.date_note.setWordWrap(True)
        self.date_note.setTextFormat(Qt.TextFormat.PlainText)
        self.date_note.setStyleSheet("#dateNote { color: #555; }")
        self.date_note.hide()
        self.date_problem = QLabel()  # why a typed date was not taken; the date stays as it was
        self.date_problem.setObjectName("dateProblem")
        self.date_problem.setTextFormat(Qt.TextFormat.PlainText)
        self.date_problem.setStyleSheet("#dateProblem { color: #b00020; }")
        self.date_problem.hide()

        self.model = AssessmentTableModel()
        self.proxy = AssessmentFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Sorted once here; the proxy keeps the user's chosen order across re-assessments.
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The programme's name takes the room the other columns leave, but never less than ten
        # characters: at 150% on 1366×768 a Stretch column was squeezed to two ("策项") while the
        # others kept their full width; now the table scrolls sideways instead.
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._fit_name_column)
        self.table.viewport().installEventFilter(self)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)

        date_label = QLabel(self.tr("评估日期(&D)："))
        date_label.setBuddy(self.date_edit)
        controls = QHBoxLayout()
        controls.addWidget(self.enterprise_label, stretch=1)
        controls.addWidget(date_label)
        controls.addWidget(self.date_edit)
        # Filters on their own row: the window must still fit a 1366-pixel screen at 150%.
        filters = QHBoxLayout()
        filter_label = QLabel(self.tr("筛选(&T)："))
        filter_label.setBuddy(self.status_filter)
        filters.addWidget(filter_label)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.other_regions)
        filters.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 280])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.date_note)
        layout.addWidget(self.date_problem)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, stretch=1)

        QWidget.setTabOrder(self.date_edit, self.status_filter)
        QWidget.setTabOrder(self.status_filter, self.kind_filter)
        QWidget.setTabOrder(self.kind_filter, self.other_regions)
        QWidget.setTabOrder(self.other_regions, self.table)
        QWidget.setTabOrder(self.table, self.detail)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.date_edit.problem.connect(self._date_problem)
        self.other_regions.toggled.connect(self.proxy.set_show_other_regions)
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.kind_filter.currentIndexChanged.connect(
            lambda _index: self.proxy.set_kind(self.kind_filter.currentData()))
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        # Filtering down to nothing leaves nothing to explain: the detail pane empties too.
        self.proxy.rowsRemoved.connect(self._clear_detail_if_empty)
        self.proxy.modelReset.connect(self._clear_detail_if_empty)
        self.proxy.layoutChanged.connect(self._clear_detail_if_empty)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return False

    def _fit_name_column(self, logical: int = -1, _old: int = 0, _new: int = 0) -> None:
        if logical == NAME_COLUMN:
            return  # our own resize
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != NAME_COLUMN)
        least = self.table.fontMetrics().horizontalAdvance("政" * 10)
        header.resizeSection(NAME_COLUMN, max(self.table.viewport().width() - others, least))

    @property
    def assessed_on(self) -> dt.date:
        day = self.date_edit.date()
        return dt.date(day.year(), day.month(), day.day())

    def set_assessed_on(self, day: dt.date, note: str | None = None) -> None:
        """Set the date for the program (an enterprise's saved or suggested date), with why."""
        self._setting_date = True
        try:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
        finally:
            self._setting_date = False
        if note is not None:
            self.date_note.setText(note)
            self.date_note.setVisible(bool(note))

    def _date_changed(self, _day: QDate) -> None:
        if not self._setting_date:
            self.date_note.hide()  # the user's own date needs no explanation
            self.date_chosen.emit(self.assessed_on)
        self.refresh()

    def _date_problem(self, message: str) -> None:
        if message:
            text = self.tr("无法识别“{text}”：{reason}。评估日期仍是 {day}，按 Esc 恢复。")
            self.date_problem.setText(text.format(text=self.date_edit.text(), reason=message,
                                                  day=self.assessed_on.isoformat()))
        self.date_problem.setVisible(bool(message))

    def _clear_detail_if_empty(self, *_args: object) -> None:
        if self.proxy.rowCount() == 0:
            self.current_result = None
            self.detail.clear()

    def set_facts(self, facts: FactsFile) -> None:
        """The enterprise profile, as shown in 企业信息."""
        self._facts = facts
        self.refresh()

    @contextlib.contextmanager
    def one_refresh(self) -> Iterator[None]:
        """Several changes (an enterprise's facts, then its date) assessed once, at the end."""
        holding, self._holding = self._holding, True
        try:
            yield
        finally:
            self._holding = holding
        self.refresh()

    def set_application_facts(self, applications: dict[str, FactsFile], *, refresh: bool = True) -> None:
        """All the enterprise's applications' facts, by programme (another enterprise: ``{}``)."""
        self._applications = dict(applications)
        if refresh:
            self.refresh()

    def set_programme_facts(self, programme_id: str, facts: FactsFile) -> None:
        """One application's facts as typed in its wizard."""
        self._applications[programme_id] = facts
        self.refresh()

    def refresh(self) -> None:
        if self._facts is None or self._holding:
            return
        # One enterprise against the whole pack takes about 3 ms (docs/PERFORMANCE.md) and
        # reads nothing from disk, so re-assessing on every keystroke never freezes the window.
        self.assessment = assess_with_applications(self._pack, self._facts, self.assessed_on,
                                                   self._applications)
        self.model.set_results(self.assessment.results)
        name = self._facts.enterprise.name or self.tr("（未填写企业名称）")
        self.enterprise_label.setText(self.tr("企业：{name}").format(name=name))
        self._update_banner()
        if self.proxy.rowCount():
            # Typing in the profile re-assesses; the programme the user is reading stays open.
            shown = self.current_result.programme_id if self.current_result is not None else None
            self.table.selectRow(self._row_of(shown))
        else:
            self.current_result = None
            self.detail.clear()
        self.assessed.emit(self.assessment)

    def _filter_status(self, _index: int) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_statuses(frozenset({status}) if status is not None else None)

    def _row_of(self, programme_id: str | None) -> int:
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), ResultRole).programme_id == programme_id:
                return row
        return 0

    def select_programme(self, programme_id: str) -> bool:
        row = self._row_of(programme_id)
        found = bool(self.proxy.data(self.proxy.index(row, 0), ResultRole).programme_id == programme_id)
        if found:
            self.table.selectRow(row)
        return found

    def _update_banner(self) -> None:
        assert self.assessment is not None
        expiry = self.assessment.expiry  # counted by the core
        if expiry.all_expired:
            self.banner.setText(self.tr(
                "在 {day} 这一天，适用于本企业所在地的 {n} 项政策均已过期，不能再据此申报。"
                "请向主管部门索取最新规则包；也可以把评估日期改到政策有效期内，查看当时的结论。"
            ).format(day=self.assessed_on.isoformat(), n=expiry.local))
            self.banner.show()
        elif expiry.expired:
            self.banner.setText(self.tr("在 {day} 这一天，有 {n} 项政策已过期。").format(
                day=self.assessed_on.isoformat(), n=expiry.expired))
            self.banner.show()
        else:
            self.banner.hide()

    def _show_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        result = self.proxy.data(indexes[0], ResultRole)
        self.current_result = result
        self.programme_selected.emit(result)
        self.detail.setHtml(programme_detail_html(result, can_apply=self.can_apply))
