"""收件台: receive bundles, see what was received with its flags, review, export the 汇总表.

The page holds no rules: the list and the detail are drawn from the desk's rows, and every
action goes through :class:`DeskController`.  The official's name is typed once per session
(it is not remembered: whoever sits at the desk says who they are) and goes into the log.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.intake.desk import DeskError, missing_materials
from desktop.intake.duplicates import is_settled, warnings
from desktop.intake.models import NEEDS_REASON, Received, allowed_next
from desktop.ui.desk.controller import DeskController, ReceiveSummary
from desktop.ui.desk.detail import detail_html, status_label, wan

COLUMNS = 8
PROGRAMME, STATUS, MATERIALS, FLAGS = 2, 3, 6, 7

FLAGGED = QColor("#fde7e9")
INCOMPLETE = QColor("#fff4ce")


class DeskPage(QWidget):
    def __init__(self, controller: DeskController) -> None:
        super().__init__()
        self.controller = controller
        self._rows: dict[int, Received] = {}
        self._flags: dict[int, list[str]] = {}
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        last = controller.setting("last_folder")
        self.last_folder = next((f for f in (last, documents) if f and Path(f).is_dir()), str(Path.home()))

        self.official = QLineEdit()
        self.official.setObjectName("officialName")
        self.official.setPlaceholderText(self.tr("请先填写经办人姓名"))
        self.official.setMinimumWidth(self.fontMetrics().horizontalAdvance("请先填写经办人姓名") + 24)
        self.official.setMaximumWidth(240)
        name_label = QLabel(self.tr("经办人(&N)："))
        name_label.setBuddy(self.official)
        self.receive_folder_button = QPushButton(self.tr("从文件夹收件(&R)…"))
        self.receive_files_button = QPushButton(self.tr("选择申报包(&B)…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(220)
        self.status = QLabel()
        self.status.setObjectName("deskStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        for widget in (name_label, self.official, self.receive_folder_button, self.receive_files_button,
                       self.progress):
            top.addWidget(widget)
        top.addStretch(1)
        self.desk_name = QLineEdit(controller.setting("desk_name") or "")
        self.desk_name.setObjectName("deskName")
        self.desk_name.setPlaceholderText(self.tr("如：某县工业和信息化局"))
        self.desk_name.setMinimumWidth(self.fontMetrics().horizontalAdvance("某县工业和信息化局") + 24)
        desk_name_label = QLabel(self.tr("填报单位(&U)："))
        desk_name_label.setBuddy(self.desk_name)
        self.export_button = QPushButton(self.tr("导出汇总表(&E)…"))
        # The 汇总表 on the second row, beside the receiving status: the first row then fits a
        # 1366×768 screen at 150 % (about 910 logical pixels).
        second = QHBoxLayout()
        second.addWidget(self.status, stretch=1)
        for widget in (desk_name_label, self.desk_name, self.export_button):
            second.addWidget(widget)

        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("receivedTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("编号"), self.tr("企业"), self.tr("政策项目"), self.tr("状态"),
            self.tr("申请\n（万元）"), self.tr("测算\n（万元）"), self.tr("材料"), self.tr("标记")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line per application, whatever the names: long ones are elided (the full text is
        # in the tooltip and the detail), so rows never grow tall or go stale after a resize.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PROGRAMME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        char = self.fontMetrics().horizontalAdvance("中")
        self.table.setColumnWidth(1, char * 7)
        self._fit_programme_column()

        self.rejected = QTextBrowser()
        self.rejected.setObjectName("rejectedList")
        self.lists = QTabWidget()
        self.lists.addTab(self.table, self.tr("收件"))
        self.lists.addTab(self.rejected, "")

        self.detail = QTextBrowser()
        self.detail.setObjectName("deskDetail")
        self.reason = QLineEdit()
        self.reason.setObjectName("reviewReason")
        self.reason.setPlaceholderText(self.tr("退回补正、不予支持时必填"))
        reason_label = QLabel(self.tr("理由(&Y)："))
        reason_label.setBuddy(self.reason)
        self._confirming: int | None = None  # the received id whose 通过 asks once more
        self.review_buttons = {
            "reviewing": QPushButton(self.tr("开始审核")),
            "approved": QPushButton(self.tr("通过")),
            "returned": QPushButton(self.tr("退回补正")),
            "refused": QPushButton(self.tr("不予支持")),
        }
        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason, stretch=1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for status, button in self.review_buttons.items():
            button.setObjectName(f"review_{status}")
            button.clicked.connect(lambda _checked=False, s=status: self.review_current(s))
            actions.addWidget(button)
        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, stretch=1)
        right_layout.addLayout(reason_row)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lists)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 460])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(splitter, stretch=1)

        self.receive_folder_button.clicked.connect(self.choose_folder)
        self.receive_files_button.clicked.connect(self.choose_files)
        self.export_button.clicked.connect(self.choose_summary_file)
        self.desk_name.editingFinished.connect(
            lambda: controller.set_setting("desk_name", self.desk_name.text().strip()))
        self.table.itemSelectionChanged.connect(self._show_current)
        controller.changed.connect(self.refresh)
        controller.progress.connect(self._progress)
        controller.received.connect(self._received)
        controller.failed.connect(self._failed)
        self.refresh()

    # -- list and detail -------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.current_id()
        rows, self._flags = self.controller.rows()
        self._rows = {row.id: row for row in rows}
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            flags = self._flags.get(row.id, [])
            open_flags = warnings(flags)
            settled = [f for f in flags if is_settled(f)]
            missing = missing_materials(row)
            flag_text = (f"⚠ {len(open_flags)}" if open_flags
                         else self.tr("✓ 已处理") if settled else "")
            cells = [str(row.id), row.enterprise_name, row.programme_title,
                     status_label(row.status), wan(row.requested_yuan), wan(row.desk_yuan),
                     self.tr("缺 %1").replace("%1", str(len(missing))) if missing else self.tr("齐"),
                     flag_text]
            tips = {1: f"{row.enterprise_name}\n{row.uscc}", PROGRAMME: row.programme_title,
                    MATERIALS: "\n".join(missing), FLAGS: "\n".join(flags)}
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if open_flags:
                    item.setBackground(QBrush(FLAGGED))
                elif missing and column == MATERIALS:
                    item.setBackground(QBrush(INCOMPLETE))
                item.setToolTip(tips.get(column) or ("\n".join(open_flags) if open_flags else ""))
                if column in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
        self._fit_programme_column()
        if current is not None and current in self._rows:
            self.select(current)
        self._show_rejections()
        self._show_current()  # the same row stays selected, so no selection signal comes

    def _fit_programme_column(self) -> None:
        """The programme keeps room for seven characters: the table asks the splitter for the
        other columns' widths plus that, so the detail pane never squeezes it to one."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(COLUMNS) if c != PROGRAMME)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(others + 7 * self.fontMetrics().horizontalAdvance("中") + frame)

    def _show_rejections(self) -> None:
        kept = self.controller.rejections()
        self.lists.setTabText(1, self.tr("未接收（%1）").replace("%1", str(len(kept))))
        if not kept:
            self.rejected.setHtml(self.tr("<p>没有拒收的申报包。</p>"))
            return
        intro = self.tr("以下文件未通过校验，没有登记；每个文件的全部问题都列出。请企业改正后重新提交。")
        self.rejected.setHtml(f"<p>{escape(intro)}</p>" + "".join(
            f"<h4>{escape(r.file_name)}</h4><p><small>{r.at:%Y-%m-%d %H:%M} {escape(r.who)} "
            f"{escape(r.path)}</small></p><ol>"
            + "".join(f"<li>{escape(problem)}</li>" for problem in r.reasons) + "</ol>"
            for r in kept))

    def current_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select(self, app_id: int) -> None:
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == app_id:
                self.table.selectRow(index)
                return

    def _show_current(self) -> None:
        app_id = self.current_id()
        row = self._rows.get(app_id) if app_id is not None else None
        allowed = allowed_next(row.status) if row is not None else ()
        for status, button in self.review_buttons.items():
            button.setEnabled(status in allowed)
        decided = row is not None and row.status in ("approved", "returned", "refused")
        self.review_buttons["reviewing"].setText(self.tr("重新审核") if decided else self.tr("开始审核"))
        if self._confirming is not None and self._confirming != app_id:
            self._end_confirming()
        if row is None:
            self.detail.setHtml(self.tr("<p>选择左侧的一份收件查看核验结果。</p>"))
            return
        self.detail.setHtml(detail_html(row, self._flags.get(row.id, []),
                                        self.controller.desk.audit(row.id)))

    # -- review ----------------------------------------------------------------------------

    def review_current(self, status: str) -> None:
        app_id = self.current_id()
        if app_id is None:
            return
        who = self._official()
        if who is None:
            return
        shown = self._rows[app_id]
        missing = missing_materials(shown)
        if status == "approved" and missing and self._confirming != app_id:
            # Approving a bundle that lacks materials is allowed (paper copies may have come by
            # hand), but never by a click meant for something else: the button asks once more.
            self._confirming = app_id
            self.review_buttons["approved"].setText(self.tr("仍然通过"))
            self._say(self.tr("这份申报缺少 %1 项材料：%2。纸质材料已收齐的，再点“仍然通过”；"
                              "否则请“退回补正”。").replace("%1", str(len(missing)))
                      .replace("%2", "、".join(missing)), error=True)
            return
        self._end_confirming()
        # The reason belongs to a decision: opening a review neither uses nor clears it.
        reason = self.reason.text() if status != "reviewing" else None
        try:
            self.controller.review(app_id, status, who=who, reason=reason,
                                   expected_version=shown.version)
        except DeskError as exc:
            self._say(str(exc), error=True)  # the typed reason stays for the next try
            if status in NEEDS_REASON and not self.reason.text().strip():
                self.reason.setFocus()
            self.refresh()  # a conflict: show what the other official did
            return
        if status != "reviewing":
            self.reason.clear()
        self._say(self.tr("收件 #%1 已改为“%2”。").replace("%1", str(app_id))
                  .replace("%2", status_label(status)))
        # The clicked button may now be disabled, and Qt would hand the focus to the next field,
        # the 经办人 box with its name selected: one keystroke would overwrite it.
        self.table.setFocus()

    def _end_confirming(self) -> None:
        self._confirming = None
        self.review_buttons["approved"].setText(self.tr("通过"))

    def _official(self) -> str | None:
        name = self.official.text().strip()
        if not name:
            self._say(self.tr("请先填写经办人姓名：每一项操作都会记入审核日志。"), error=True)
            self.official.setFocus()
            return None
        return name

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setText(text)

    # -- receiving -------------------------------------------------------------------------

    def file_dialog(self, title: str, *, folders: bool) -> QFileDialog:
        """Qt's own dialog (translated with the application), wide, at the last folder used."""
        dialog = QFileDialog(self, title, self.last_folder)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        if folders:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
            dialog.setNameFilter(self.tr("申报包 (*.zip)"))
        # Qt's own form leaves some labels untranslated whatever the catalogue: set them here.
        labels = {QFileDialog.DialogLabel.LookIn: self.tr("查找范围："),
                  QFileDialog.DialogLabel.FileName: self.tr("文件名(&N)：") if not folders
                  else self.tr("文件夹(&N)："),
                  QFileDialog.DialogLabel.FileType: self.tr("文件类型："),
                  QFileDialog.DialogLabel.Reject: self.tr("取消")}
        for label, text in labels.items():
            dialog.setLabelText(label, text)
        screen = self.screen().availableGeometry()
        dialog.resize(min(960, screen.width() - 40), min(600, screen.height() - 60))
        # Whole names, sizes and dates: the name column takes the room, the others their content.
        tree = dialog.findChild(QTreeView, "treeView")
        if tree is not None:
            header = tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in range(1, header.count()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        sidebar = dialog.findChild(QListView, "sidebar")
        if sidebar is not None:
            sidebar.setMinimumWidth(self.fontMetrics().horizontalAdvance("计算机文档") + 48)
        return dialog

    def ask_paths(self, title: str, *, folders: bool) -> list[Path]:
        dialog = self.file_dialog(title, folders=folders)
        try:
            if not dialog.exec():
                return []
            chosen = [Path(f) for f in dialog.selectedFiles()]
        finally:
            dialog.deleteLater()
        if chosen:
            self._remember_folder(chosen[0] if folders else chosen[0].parent)
        return chosen

    def _remember_folder(self, folder: Path) -> None:
        self.last_folder = str(folder)
        self.controller.set_setting("last_folder", self.last_folder)

    def choose_folder(self) -> None:
        if self._official() is None or self.controller.busy:  # asked before the files, not after
            return
        paths = self.ask_paths(self.tr("选择存放申报包的文件夹（如U盘）"), folders=True)
        if paths:
            self.receive_paths(paths)

    def choose_files(self) -> None:
        if self._official() is None or self.controller.busy:
            return
        paths = self.ask_paths(self.tr("选择申报包"), folders=False)
        if paths:
            self.receive_paths(paths)

    def receive_paths(self, paths: list[Path]) -> None:
        who = self._official()
        if who is None or self.controller.busy:
            return
        self.receive_folder_button.setEnabled(False)
        self.receive_files_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("正在核验申报包…"))
        self.controller.start_receiving(paths, who)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.tr("已核验 %1/%2：%3").replace("%1", str(done))
                            .replace("%2", str(total)).replace("%3", name))

    def _finish_receiving(self) -> None:
        self.progress.setVisible(False)
        self.receive_folder_button.setEnabled(True)
        self.receive_files_button.setEnabled(True)

    def _received(self, summary: ReceiveSummary) -> None:
        self._finish_receiving()
        text = (self.tr("收件 %1 份，已收到过 %2 份，拒收 %3 份。").replace("%1", str(summary.accepted))
                .replace("%2", str(summary.again)).replace("%3", str(len(summary.rejected))))
        self.status.setText(text)
        if summary.rejected:
            # Every reason of every refused file is in the 未接收 tab, kept in the database.
            self.lists.setCurrentWidget(self.rejected)
            self._say(self.tr("拒收 %1 份：%2。每个文件的全部问题见“未接收”。")
                      .replace("%1", str(len(summary.rejected)))
                      .replace("%2", "、".join(name for name, _problems in summary.rejected)), error=True)

    def _failed(self, message: str) -> None:
        self._finish_receiving()
        self.status.setText(self.tr("收件失败：") + message)

    # -- 汇总表 ------------------------------------------------------------------------------

    def choose_summary_file(self) -> None:
        if not self.desk_name.text().strip():
            self._say(self.tr("请先填写填报单位：它印在汇总表的表头。"), error=True)
            self.desk_name.setFocus()
            return
        dialog = self.file_dialog(self.tr("导出汇总表"), folders=False)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile("汇总表.xlsx")
        try:
            if not dialog.exec() or not dialog.selectedFiles():
                return
            out = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        self._remember_folder(out.parent)
        self.export_summary(out)

    def export_summary(self, out: Path) -> None:
        name = self.desk_name.text().strip()
        self.controller.set_setting("desk_name", name)
        try:
            self.controller.export_summary(out, name or self.tr("（填报单位）"))
        except OSError as exc:
            self._say(self.tr("无法写入汇总表：") + str(exc.strerror or exc), error=True)
            return
        self._say(self.tr("已导出汇总表：") + str(out))
