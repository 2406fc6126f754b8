"""我的申报, 材料清单 and 导出记录: lists over the store and the current assessment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.rules.results import Assessment, Status
from desktop.store.refs import ApplicationSummary
from desktop.ui.fonts import title_font
from desktop.ui.i18n import translate


def _page(title: str, blurb: str) -> tuple[QVBoxLayout, QLabel]:
    layout = QVBoxLayout()
    heading = QLabel(title)
    heading.setFont(title_font(16))
    body = QLabel(blurb)
    body.setWordWrap(True)
    body.setTextFormat(Qt.TextFormat.PlainText)
    layout.addWidget(heading)
    layout.addWidget(body)
    return layout, body


def application_kind_text(kind: str) -> str:
    return {"tech_upgrade": translate("Pages", "技术改造项目"),
            "loan_interest": translate("Pages", "流动资金贷款贴息"),
            "rd_institution": translate("Pages", "研发机构奖励")}.get(kind, kind)


def application_status_text(status: str) -> str:
    return {"draft": translate("Pages", "草稿"), "ready": translate("Pages", "待导出"),
            "exported": translate("Pages", "已导出")}.get(status, status)


class ApplicationsPage(QWidget):
    """The enterprise's applications, newest change first; 开始申报 on the dashboard adds one."""

    def __init__(self) -> None:
        super().__init__()
        layout, self.note = _page(self.tr("我的申报"), self.tr(
            "在“政策自评”中选择可以申报的项目，点击“开始申报”即在此建立一份申报。"
            "逐步填写的申报向导在后续版本提供；现在可以按 examples/ 中的格式准备申报文件，"
            "用 python -m desktop draft 生成申报包。"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("申报类型"), self.tr("名称"), self.tr("状态"),
                                              self.tr("最后修改")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, stretch=1)
        self.setLayout(layout)

    def show_applications(self, applications: list[ApplicationSummary]) -> None:
        self.table.setRowCount(len(applications))
        for row, app in enumerate(applications):
            cells = (application_kind_text(app.kind), app.title, application_status_text(app.status),
                     app.updated_at[:16].replace("T", " "))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))


class MaterialsPage(QWidget):
    """Materials of every programme the enterprise can apply for on the assessment date."""

    def __init__(self) -> None:
        super().__init__()
        layout, self.note = _page(self.tr("材料清单"), "")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("政策项目 / 所需材料")])
        layout.addWidget(self.tree, stretch=1)
        self.setLayout(layout)

    def show_assessment(self, assessment: Assessment) -> None:
        self.tree.clear()
        eligible = [r for r in assessment.results if r.status is Status.ELIGIBLE]
        self.note.setText(self.tr("按 {day} 的自评结果，可以申报 {n} 项政策，所需材料如下。").format(
            day=assessment.assessed_on.isoformat(), n=len(eligible)) if eligible else
            self.tr("按当前的自评结果，还没有可以申报的政策；补充企业信息后再来查看。"))
        for result in eligible:
            parent = QTreeWidgetItem([result.title])
            for material in result.materials:
                parent.addChild(QTreeWidgetItem([material]))
            self.tree.addTopLevelItem(parent)
        self.tree.expandAll()


class ExportsPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout, self.note = _page(self.tr("导出记录"), self.tr(
            "本机导出的申报包会列在这里。申报向导提供之前，"
            "用 python -m desktop draft 生成的申报包不在此登记。"))
        layout.addStretch(1)
        self.setLayout(layout)
