"""收件台: receive bundles, see what was received with its flags, review, export the 汇总表.

The page holds no rules: the list and the detail are drawn from the desk's rows, and every
action goes through :class:`DeskController`.  The official's name is typed once per session
(it is not remembered: whoever sits at the desk says who they are) and goes into the log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.intake.desk import DeskError
from desktop.intake.models import Received
from desktop.ui.desk.controller import DeskController, ReceiveSummary
from desktop.ui.desk.detail import detail_html, status_label, wan

FLAGGED = QColor("#fde7e9")


class DeskPage(QWidget):
    def __init__(self, controller: DeskController) -> None:
        super().__init__()
        self.controller = controller
        self._rows: dict[int, Received] = {}
        self._flags: dict[int, list[str]] = {}

        self.official = QLineEdit()
        self.official.setObjectName("officialName")
        self.official.setPlaceholderText(self.tr("请先填写经办人姓名"))
        self.official.setMaximumWidth(160)
        name_label = QLabel(self.tr("经办人(&N)："))
        name_label.setBuddy(self.official)
        self.receive_folder_button = QPushButton(self.tr("从文件夹收件(&R)…"))
        self.receive_files_button = QPushButton(self.tr("选择申报包(&B)…"))
        self.export_button = QPushButton(self.tr("导出汇总表(&E)…"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(220)
        self.status = QLabel()
        self.status.setObjectName("deskStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (name_label, self.official, self.receive_folder_button, self.receive_files_button,
                       self.export_button, self.progress):
            top.addWidget(widget)
        top.addWidget(self.status, stretch=1)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("receivedTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("编号"), self.tr("企业"), self.tr("政策项目"), self.tr("状态"),
            self.tr("申请（万元）"), self.tr("测算（万元）"), self.tr("标记")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.detail = QTextBrowser()
        self.detail.setObjectName("deskDetail")
        self.reason = QLineEdit()
        self.reason.setObjectName("reviewReason")
        self.reason.setPlaceholderText(self.tr("理由（退回补正、不予支持时必填）"))
        self.review_buttons = {
            "reviewing": QPushButton(self.tr("开始审核")),
            "approved": QPushButton(self.tr("通过")),
            "returned": QPushButton(self.tr("退回补正")),
            "refused": QPushButton(self.tr("不予支持")),
        }
        actions = QHBoxLayout()
        actions.addWidget(self.reason, stretch=1)
        for status, button in self.review_buttons.items():
            button.setObjectName(f"review_{status}")
            button.clicked.connect(lambda _checked=False, s=status: self.review_current(s))
            actions.addWidget(button)
        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, stretch=1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([620, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, stretch=1)

        self.receive_folder_button.clicked.connect(self.choose_folder)
        self.receive_files_button.clicked.connect(self.choose_files)
        self.export_button.clicked.connect(self.choose_summary_file)
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
            cells = [str(row.id), f"{row.enterprise_name}\n{row.uscc}", row.programme_title,
                     status_label(row.status), wan(row.requested_yuan), wan(row.desk_yuan),
                     f"⚠ {len(flags)}" if flags else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if flags:
                    item.setBackground(QBrush(FLAGGED))
                    item.setToolTip("\n".join(flags))
                if column in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        if current is not None and current in self._rows:
            self.select(current)
        self._show_current()  # the same row stays selected, so no selection signal comes

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
        for button in self.review_buttons.values():
            button.setEnabled(row is not None)
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
        try:
            self.controller.review(app_id, status, who=who, reason=self.reason.text(),
                                   expected_version=shown.version)
        except DeskError as exc:
            self._say(str(exc), error=True)
            self.refresh()  # a conflict: show what the other official did
            return
        self.reason.clear()
        self._say(self.tr("收件 #%1 已改为“%2”。").replace("%1", str(app_id))
                  .replace("%2", status_label(status)))

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

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择存放申报包的文件夹（如U盘）"))
        if folder:
            self.receive_paths([Path(folder)])

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, self.tr("选择申报包"), "",
                                                      self.tr("申报包 (*.zip)"))
        if files:
            self.receive_paths([Path(f) for f in files])

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
            self.status.setToolTip("\n".join(f"{name}：{'；'.join(problems)}"
                                             for name, problems in summary.rejected))
            self._say(self.tr("拒收：") + "；".join(f"{name}（{problems[0]}）"
                                                 for name, problems in summary.rejected[:3]), error=True)

    def _failed(self, message: str) -> None:
        self._finish_receiving()
        self.status.setText(self.tr("收件失败：") + message)

    # -- 汇总表 ------------------------------------------------------------------------------

    def choose_summary_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("导出汇总表"), "汇总表.xlsx",
                                                    self.tr("Excel 工作簿 (*.xlsx)"))
        if name:
            self.export_summary(Path(name))

    def export_summary(self, out: Path) -> None:
        try:
            self.controller.export_summary(out, self.tr("（填报单位）"))
        except OSError as exc:
            self._say(self.tr("无法写入汇总表：") + str(exc.strerror or exc), error=True)
            return
        self._say(self.tr("已导出汇总表：") + str(out))
