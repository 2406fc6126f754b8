"""The main window: navigation on the left, one page per section, rule pack in the status bar.

The window wires pages together and owns no business logic: the profile editor turns typing
into facts (through the core), the dashboard asks the engine, the store keeps everything.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.facts.answers import answers_from_facts
from desktop.facts.model import FactsFile
from desktop.facts.profile import INSTITUTION_PREFIX
from desktop.facts.samples import SAMPLE_ASSESSED_ON, load_sample
from desktop.rules.pack import RulePack
from desktop.rules.results import Assessment, ProgrammeResult
from desktop.store.autosave import Autosaver
from desktop.store.records import RecordRef
from desktop.store.store import Store
from desktop.ui.dashboard import DashboardPage
from desktop.ui.desk import desk_page_for
from desktop.ui.first_run import LANGUAGES
from desktop.ui.pages import ApplicationsPage, ExportsPage, MaterialsPage, application_kind_text
from desktop.ui.profile_editor import ProfileEditor
from desktop.ui.source_viewer import SourceViewer

PROFILE_ROW, DASHBOARD_ROW, APPLICATIONS_ROW, MATERIALS_ROW, EXPORTS_ROW = range(5)
GEOMETRY_SETTING = "window.geometry"
SAMPLE = None  # the profile switcher's data for the read-only 示例企业


def sample_answers() -> dict[str, str]:
    facts = load_sample()
    answers = answers_from_facts(facts.enterprise)
    if facts.institution is not None:
        answers |= {INSTITUTION_PREFIX + k: v for k, v in answers_from_facts(facts.institution).items()}
    return answers


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    role_requested = Signal(str)

    def __init__(self, rulepack_status: str, pack: RulePack | None = None, store: Store | None = None,
                 *, role: str = "enterprise") -> None:
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.resize(1180, 760)
        self._pack, self._store = pack, store
        self.autosaver = Autosaver(store) if store is not None else None
        self.source_viewer: SourceViewer | None = None

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(6)
        self.pages = QStackedWidget()
        self.profile_editor = ProfileEditor(self.autosaver)
        self.dashboard = DashboardPage(pack) if pack is not None else None
        self.applications = ApplicationsPage()
        self.materials = MaterialsPage()
        self.exports = ExportsPage()
        dashboard_page: QWidget = self.dashboard or QLabel(self.tr("规则包无法加载，不能自评。"))
        for title, page in ((self.tr("企业信息"), self.profile_editor), (self.tr("政策自评"), dashboard_page),
                            (self.tr("我的申报"), self.applications), (self.tr("材料清单"), self.materials),
                            (self.tr("导出记录"), self.exports)):
            self.navigation.addItem(title)
            self.pages.addWidget(page)
        self.desk_page = desk_page_for(role, pack, store)  # 主管部门: the 收件台 (desktop/ui/desk)
        if self.desk_page is not None:
            self.navigation.addItem(self.tr("收件台"))
            self.pages.addWidget(self.desk_page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.role_note = QLabel(self.tr(
            "您选择了“主管部门”身份。收件台（核验、审阅、汇总申报包）将在后续版本提供；"
            "现在可以浏览政策自评，或在“设置”中改为企业用户。"))
        self.role_note.setObjectName("roleNote")
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("#roleNote { background: #e8f0fe; padding: 6px; }")
        self.role_note.setVisible(role == "official" and self.desk_page is None)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.role_note)
        row = QHBoxLayout()
        row.addWidget(self.navigation)
        row.addWidget(self.pages, stretch=1)
        outer.addLayout(row, stretch=1)
        self.setCentralWidget(central)
        self.rulepack_label = QLabel(rulepack_status)
        self.rulepack_label.setToolTip(rulepack_status)  # the whole line, when the window is narrow
        self.statusBar().addPermanentWidget(self.rulepack_label)

        self.profile_switcher = QComboBox()
        self.profile_switcher.setObjectName("profileSwitcher")
        self.profile_switcher.setMinimumContentsLength(24)
        self._build_toolbar_and_menus()
        self.profile_editor.facts_changed.connect(self._facts_changed)
        self.profile_editor.saved.connect(lambda _result: self._refresh_profile_names())
        if self.dashboard is not None:
            self.dashboard.assessed.connect(self._assessed)
            self.dashboard.detail.anchorClicked.connect(self.follow_link)
        self.profile_switcher.currentIndexChanged.connect(self._profile_chosen)
        self._fill_profiles(select=SAMPLE)
        self.navigation.setCurrentRow(DASHBOARD_ROW if self.desk_page is None
                                      else self.pages.indexOf(self.desk_page))
        self._restore_geometry()

    # -- toolbar, menus, shortcuts -------------------------------------------------------------

    def _build_toolbar_and_menus(self) -> None:
        new_profile = QAction(self.tr("新建企业(&N)"), self)
        new_profile.setShortcut(QKeySequence.StandardKey.New)
        new_profile.triggered.connect(self.new_profile)
        toolbar = QToolBar(self.tr("企业"))
        toolbar.setObjectName("profileToolbar")
        toolbar.setMovable(False)
        switch_label = QLabel(self.tr("当前企业(&P)："))
        switch_label.setBuddy(self.profile_switcher)
        toolbar.addWidget(switch_label)
        toolbar.addWidget(self.profile_switcher)
        toolbar.addAction(new_profile)
        self.addToolBar(toolbar)

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(new_profile)
        quit_action = file_menu.addAction(self.tr("退出(&X)"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        for row in range(self.navigation.count()):
            action = view_menu.addAction(self.navigation.item(row).text())
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
        settings = self.menuBar().addMenu(self.tr("设置(&S)"))
        language_menu = settings.addMenu(self.tr("界面语言(&L)"))
        for code, name in LANGUAGES:
            action = language_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
        role_menu = settings.addMenu(self.tr("身份(&R)"))
        for role, text in (("enterprise", self.tr("企业用户")), ("official", self.tr("主管部门"))):
            action = role_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, r=role: self.role_requested.emit(r))

    # -- profiles ---------------------------------------------------------------------------------

    def _fill_profiles(self, select: int | None) -> None:
        self.profile_switcher.blockSignals(True)
        self.profile_switcher.clear()
        self.profile_switcher.addItem(self.tr("示例企业（只供浏览）"), SAMPLE)
        for profile in self._store.list_profiles() if self._store is not None else []:
            self.profile_switcher.addItem(profile.name or self.tr("（未命名企业 {n}）").format(n=profile.id),
                                          profile.id)
        self.profile_switcher.blockSignals(False)
        index = self.profile_switcher.findData(select) if select is not None else 0
        self.profile_switcher.setCurrentIndex(max(index, 0))
        self._profile_chosen(self.profile_switcher.currentIndex())

    def _refresh_profile_names(self) -> None:
        current = self.current_profile_id
        if self._store is None or current is None:
            return
        for profile in self._store.list_profiles():
            index = self.profile_switcher.findData(profile.id)
            if index >= 0:
                self.profile_switcher.setItemText(
                    index, profile.name or self.tr("（未命名企业 {n}）").format(n=profile.id))

    @property
    def current_profile_id(self) -> int | None:
        data = self.profile_switcher.currentData()
        return int(data) if data is not None else None

    def _profile_chosen(self, _index: int) -> None:
        profile_id = self.current_profile_id
        if profile_id is None or self._store is None:
            if self.dashboard is not None:
                self.dashboard.set_assessed_on(SAMPLE_ASSESSED_ON)
            self.profile_editor.load(None, sample_answers())
        else:
            ref = RecordRef("profile", profile_id)
            self.profile_editor.load(ref, self._store.answers(ref))
        self._show_applications()

    def new_profile(self) -> None:
        if self._store is None:
            self.statusBar().showMessage(self.tr("没有打开用户数据，不能新建企业。"), 8000)
            return
        self.profile_editor.flush()
        profile_id = self._store.create_profile({})
        self._fill_profiles(select=profile_id)
        self.navigation.setCurrentRow(PROFILE_ROW)
        self.profile_editor.focus_fact("enterprise.name")

    def _facts_changed(self, facts: FactsFile) -> None:
        if self.dashboard is not None:
            self.dashboard.set_facts(facts)

    def _assessed(self, assessment: Assessment) -> None:
        self.materials.show_assessment(assessment)

    def _show_applications(self) -> None:
        profile_id = self.current_profile_id
        listed = (self._store.list_applications(profile_id)
                  if self._store is not None and profile_id is not None else [])
        self.applications.show_applications(listed)

    # -- links from the detail pane ---------------------------------------------------------------

    def follow_link(self, url: QUrl) -> None:
        result = self.dashboard.current_result if self.dashboard is not None else None
        scheme, _, target = url.toString().partition(":")
        if result is None:
            return
        if scheme == "cite":
            self.open_citation(result, target)
        elif scheme == "fact":
            self.go_to_fact(target)
        elif scheme == "apply":
            self.start_application(result)

    def open_citation(self, result: ProgrammeResult, target: str) -> None:
        citation = (result.amount.citation if target == "amount"
                    else result.conditions[int(target)].citation if target.isdigit() else None)
        if citation is None:
            return
        if self.source_viewer is None:
            self.source_viewer = SourceViewer(self)
        self.source_viewer.show_citation(citation, result.title)
        self.source_viewer.show()
        self.source_viewer.raise_()

    def go_to_fact(self, path: str) -> None:
        if self.profile_editor.edits.get(path) is None:
            text = self.tr("这项信息属于具体的项目、贷款或申报，在申报向导中填写：{fact}")
            self.statusBar().showMessage(text.format(fact=path), 10000)
            return
        self.navigation.setCurrentRow(PROFILE_ROW)
        self.profile_editor.focus_fact(path)

    def start_application(self, result: ProgrammeResult) -> None:
        profile_id = self.current_profile_id
        if self._store is None or profile_id is None or self._pack is None or result.wizard is None:
            text = self.tr("示例企业不能申报。请先新建企业（Ctrl+N）并填写企业信息。")
            self.statusBar().showMessage(text, 10000)
            return
        identity = self._pack.identity
        self._store.create_application(profile_id, result.wizard, rulepack_id=identity.id,
                                       rulepack_version=identity.version, programme_id=result.programme_id,
                                       title=result.title)
        self._show_applications()
        self.navigation.setCurrentRow(APPLICATIONS_ROW)
        self.statusBar().showMessage(self.tr("已建立{kind}申报：{title}").format(
            kind=application_kind_text(result.wizard), title=result.title), 10000)

    def restore_state_of(self, previous: MainWindow) -> None:
        """Carry the enterprise, the page, the date and the size over to a rebuilt window."""
        self._fill_profiles(select=previous.current_profile_id)
        self.navigation.setCurrentRow(previous.navigation.currentRow())
        if self.dashboard is not None and previous.dashboard is not None:
            self.dashboard.set_assessed_on(previous.dashboard.assessed_on)
        self.restoreGeometry(previous.saveGeometry())

    # -- geometry and closing -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._store.setting(GEOMETRY_SETTING) if self._store is not None else None
        if isinstance(saved, str):
            self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii")))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.profile_editor.flush()
        if self._store is not None:
            geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
            self._store.set_setting(GEOMETRY_SETTING, geometry)
        if self.source_viewer is not None:
            self.source_viewer.close()
        if self.autosaver is not None:
            self.autosaver.close()
        super().closeEvent(event)
