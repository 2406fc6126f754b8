"""我的申报: the enterprise's applications with 新建, 打开, 复制, 重命名 and 删除.

Deleting asks inline, naming what is lost (:func:`what_is_lost`), never in a modal box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.applications.kinds import APPLICATION_KINDS
from desktop.rules.results import PackIdentity
from desktop.store.refs import ApplicationSummary, StoreError
from desktop.ui.fonts import title_font
from desktop.ui.pages import application_kind_text, application_status_text

if TYPE_CHECKING:  # the application model is imported when a list is shown, not at start
    from desktop.applications.stored import ExportRecord
    from desktop.store.store import Store


class MyApplicationsPage(QWidget):
    open_requested = Signal(int)
    new_requested = Signal(str)
    changed = Signal()

    def __init__(self, store: Store | None) -> None:
        super().__init__()
        self._store = store  # None until the store is open (set_store)
        self._listed: list[ApplicationSummary] = []
        self._current_pack: PackIdentity | None = None
        heading = QLabel(self.tr("我的申报"))
        heading.setFont(title_font(16))
        self.note = QLabel(self.tr("在“政策自评”中点击“开始申报”，或在这里新建。双击一份申报继续填写。"))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("applicationsTable")
        self.table.setHorizontalHeaderLabels([self.tr("申报类型"), self.tr("名称"), self.tr("状态"),
                                              self.tr("最后修改"), self.tr("规则包")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # short ones whole
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_selected())
        self.kind_choice = QComboBox()
        for kind in APPLICATION_KINDS:
            self.kind_choice.addItem(application_kind_text(kind), kind)
        self.new_button = QPushButton(self.tr("新建"))
        self.open_button = QPushButton(self.tr("打开"))
        self.copy_button = QPushButton(self.tr("复制"))
        self.rename_button = QPushButton(self.tr("重命名"))
        self.delete_button = QPushButton(self.tr("删除"))
        # A draft keeps the rule pack it was started with until the user chooses the new one.
        self.reassess_button = QPushButton(self.tr("按当前规则包重新自评"))
        self.reassess_button.setEnabled(False)
        self.reassess_button.clicked.connect(self.reassess_selected)
        self.table.itemSelectionChanged.connect(self._update_reassess)
        self.new_button.clicked.connect(lambda: self.new_requested.emit(self.kind_choice.currentData()))
        self.open_button.clicked.connect(self.open_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.rename_button.clicked.connect(self.start_rename)
        self.delete_button.clicked.connect(self.ask_delete)
        actions = QHBoxLayout()
        for widget in (self.kind_choice, self.new_button, self.open_button, self.copy_button,
                       self.rename_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        # Inline rename and delete confirmation: no modal boxes.
        self.rename_edit = QLineEdit()
        self.rename_edit.setObjectName("renameEdit")
        self.rename_edit.setMaxLength(200)
        self.rename_edit.returnPressed.connect(self.finish_rename)
        self.rename_edit.hide()
        self.confirm = QWidget()
        self.confirm.setObjectName("deleteConfirm")
        self.confirm.setStyleSheet("#deleteConfirm { background: #fde7e9; }")
        self.confirm_text = QLabel()
        self.confirm_text.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_text.setWordWrap(True)
        self.confirm_delete = QPushButton(self.tr("确认删除"))
        self.cancel_delete = QPushButton(self.tr("取消"))
        self.confirm_delete.clicked.connect(self.delete_selected)
        self.cancel_delete.clicked.connect(self.confirm.hide)
        row = QHBoxLayout(self.confirm)
        row.addWidget(self.confirm_text, stretch=1)
        row.addWidget(self.confirm_delete)
        row.addWidget(self.cancel_delete)
        self.confirm.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        # On its own row: beside the others it would widen the window past a 1366 px screen at 150 %.
        repin_row = QHBoxLayout()
        repin_row.addWidget(self.reassess_button)
        repin_row.addStretch(1)
        layout.addLayout(repin_row)
        layout.addWidget(self.rename_edit)
        layout.addWidget(self.confirm)
        layout.addWidget(self.table, stretch=1)

    def set_editable(self, editable: bool) -> None:
        for button in (self.new_button, self.open_button, self.copy_button, self.rename_button,
                       self.delete_button):
            button.setEnabled(editable)

    def set_store(self, store: Store) -> None:
        """The store, opened after the window's first paint (see desktop.ui.controller)."""
        self._store = store

    def show_applications(self, applications: list[ApplicationSummary]) -> None:
        selected = self.selected_id
        self._listed = applications
        self.table.setRowCount(len(applications))
        for row, app in enumerate(applications):
            cells = (application_kind_text(app.kind), app.title, application_status_text(app.status),
                     app.updated_at[:16].replace("T", " "), f"{app.rulepack_id} {app.rulepack_version}")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if app.id == selected:
                self.table.selectRow(row)
        self._update_reassess()

    def set_current_pack(self, identity: PackIdentity | None) -> None:
        """The pack this PC assesses with now; drafts on another one offer to move to it."""
        self._current_pack = identity
        self._update_reassess()

    def _selected_summary(self) -> ApplicationSummary | None:
        row = self.table.currentRow()
        return self._listed[row] if 0 <= row < len(self._listed) else None

    def _update_reassess(self) -> None:
        app, current = self._selected_summary(), self._current_pack
        pinned_elsewhere = (app is not None and current is not None and app.status == "draft"
                            and (app.rulepack_id, app.rulepack_version) != (current.id, current.version))
        self.reassess_button.setEnabled(pinned_elsewhere)
        tip = self.tr("本草稿按规则包 {old} 自评；改用当前规则包 {new} 重新自评。")
        self.reassess_button.setToolTip(tip.format(
            old=f"{app.rulepack_id} {app.rulepack_version}", new=f"{current.id} {current.version}")
            if pinned_elsewhere and app is not None and current is not None else "")

    def reassess_selected(self) -> None:
        app_id, current = self.selected_id, self._current_pack
        if app_id is None or current is None or self._store is None:
            return
        from desktop.rulepacks.drafts import repin  # the ORM: not imported before the first paint

        try:
            repin(self._store, app_id, current)
        except StoreError as exc:
            self.note.setText(str(exc))
            return
        self.changed.emit()
        self.select(app_id)

    @property
    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self._listed[row].id if 0 <= row < len(self._listed) else None

    def select(self, application_id: int) -> None:
        for row, app in enumerate(self._listed):
            if app.id == application_id:
                self.table.selectRow(row)

    def open_selected(self) -> None:
        if self.selected_id is not None:
            self.open_requested.emit(self.selected_id)

    def copy_selected(self) -> None:
        app_id = self.selected_id
        if app_id is None or self._store is None:
            return
        title = self._store.application(app_id).title
        from desktop.applications.stored import copy_application

        new_id = copy_application(self._store, app_id, self.tr("{title}（副本）").format(title=title))
        self.changed.emit()
        self.select(new_id)

    def start_rename(self) -> None:
        app_id = self.selected_id
        if app_id is None or self._store is None:
            return
        self.rename_edit.setText(self._store.application(app_id).title)
        self.rename_edit.show()
        self.rename_edit.setFocus()
        self.rename_edit.selectAll()

    def finish_rename(self) -> None:
        app_id = self.selected_id
        if app_id is not None and self._store is not None and self.rename_edit.text().strip():
            self._store.set_title(app_id, self.rename_edit.text().strip())
        self.rename_edit.hide()
        self.changed.emit()

    def ask_delete(self) -> None:
        app_id = self.selected_id
        if app_id is None or self._store is None:
            return
        from desktop.applications.stored import what_is_lost

        self.confirm_text.setText(what_is_lost(self._store, app_id))
        self.confirm.show()

    def delete_selected(self) -> None:
        app_id = self.selected_id
        if app_id is not None and self._store is not None:
            self._store.delete_application(app_id)
        self.confirm.hide()
        self.changed.emit()


class ExportLogPage(QWidget):
    """导出记录: every bundle made on this PC, with its time, file, SHA-256 and rule pack."""

    def __init__(self) -> None:
        super().__init__()
        heading = QLabel(self.tr("导出记录"))
        heading.setFont(title_font(16))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("exportsTable")
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("申报"), self.tr("文件"),
                                              self.tr("SHA-256"), self.tr("规则包")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The time, the hash's start and the pack whole; the application's title and the file
        # share the rest (the trial saw "2026-11-30 …" at 1366 px).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, stretch=1)

    def show_records(self, records: list[ExportRecord]) -> None:
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for column, text in enumerate((record.at.replace("T", " "), record.title, record.file,
                                           record.sha256[:16] + "…", record.rulepack)):
                item = QTableWidgetItem(text)
                item.setToolTip(record.sha256 if column == 3 else text)
                self.table.setItem(row, column, item)
