"""The main window: navigation on the left, one page per section, rule pack in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.rules.pack import RulePack
from desktop.ui.dashboard import DashboardPage
from desktop.ui.fonts import title_font

DASHBOARD_ROW = 1


class MainWindow(QMainWindow):
    def __init__(self, rulepack_status: str, pack: RulePack | None = None) -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.resize(1100, 720)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(6)
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(pack) if pack is not None else None
        for row, (title, blurb) in enumerate(self._sections()):
            self.navigation.addItem(title)
            if row == DASHBOARD_ROW and self.dashboard is not None:
                self.pages.addWidget(self.dashboard)
            else:
                self.pages.addWidget(self._placeholder_page(title, blurb))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, stretch=1)
        self.setCentralWidget(central)
        self.rulepack_label = QLabel(rulepack_status)
        self.statusBar().addPermanentWidget(self.rulepack_label)

    def _sections(self) -> list[tuple[str, str]]:
        return [
            (self.tr("企业信息"), self.tr("填写一次企业基本情况，所有政策自评与申报共用。")),
            (self.tr("政策自评"), self.tr("逐项对照政策条款，查看可申报、不符合或待补充的项目。")),
            (self.tr("我的申报"), self.tr("技术改造项目、流动资金贷款贴息、研发机构奖励申报向导。")),
            (self.tr("材料清单"), self.tr("申报所需材料及其准备情况。")),
            (self.tr("导出记录"), self.tr("已生成的申报材料包。")),
        ]

    def _placeholder_page(self, title: str, blurb: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(title)
        heading.setFont(title_font(18))
        body = QLabel(blurb)
        body.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        return page
