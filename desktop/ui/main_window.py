"""The main window: navigation on the left, one page per section, rule pack in the status bar.

The window wires pages together and owns no business logic: the profile editor turns typing
into facts (through the core), the dashboard asks the engine, and every write goes through
the controller (:mod:`desktop.ui.controller`); the window never touches the store itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.facts.answers import answers_from_facts
from desktop.facts.model import FactsFile
from desktop.facts.profile import INSTITUTION_PREFIX, profile_facts
from desktop.facts.registry import FACTS
from desktop.facts.samples import SAMPLE_ASSESSED_ON, load_sample
from desktop.rules.pack import RulePack
from desktop.rules.regional import facts_for_region, suggested_assessment_date
from desktop.rules.results import Assessment, ProgrammeResult
from desktop.store.refs import RecordRef
from desktop.ui.controller import RecordController
from desktop.ui.dashboard import DashboardPage
from desktop.ui.desk import desk_page_for
from desktop.ui.first_run import LANGUAGES
from desktop.ui.my_applications import ExportLogPage, MyApplicationsPage
from desktop.ui.pages import MaterialsPage
from desktop.ui.rulepack_action import add_import_action
from desktop.ui.wizard.host import OPENS_FOR, WizardHost

if TYPE_CHECKING:  # both built on first use
    from desktop.store.autosave import Autosaver
    from desktop.store.first_page import FirstPageReader
    from desktop.store.store import Store
    from desktop.ui.profile_editor import ProfileEditor
    from desktop.ui.source_viewer import SourceViewer

PROFILE_ROW, DASHBOARD_ROW, APPLICATIONS_ROW, MATERIALS_ROW, EXPORTS_ROW = range(5)
GEOMETRY_SETTING = "window.geometry"
LAST_PROFILE_SETTING = "ui.last_profile"
RECENT_PROFILES_SETTING = "ui.recent_profiles"  # the user's enterprises, most recently shown first
LAST_PAGE_SETTING = "ui.last_page"  # a PAGE_KEYS entry, "desk", or {"wizard": application id}
PAGE_KEYS = ("profile", "dashboard", "applications", "materials", "exports")  # by navigation row
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
    rulepack_installed = Signal()  # the shell rebuilds the window on the new pack

    def __init__(self, rulepack_status: str, pack: RulePack | None = None, store: Store | None = None,
                 *, role: str = "enterprise", language: str = "zh_CN",
                 first_page: FirstPageReader | None = None) -> None:
        """``first_page``, without a store: the window is built from the first page's reader (a
        start on an existing folder, before SQLAlchemy is imported) and :meth:`attach_store`
        gives it the store after the first paint, before any input is let through."""
        super().__init__()
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self._pack = pack
        if first_page is not None and (store is not None or role != "enterprise"):
            raise ValueError("the first page's reader is for an enterprise's window without its store yet")
        self.controller = RecordController(store, self, first_page=first_page)
        self._first_page = first_page  # until attach_store
        # The wizard reads drafts through the store and writes through the controller's autosave
        # worker (one worker for the whole window keeps every write in typing order).
        self._store = store
        self.source_viewer: SourceViewer | None = None
        self._role, self._language = role, language

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(6)
        self.pages = QStackedWidget()
        # 企业信息 (77 fields, the 1,400-code industry picker) is built when first shown or asked
        # for: it was most of the window's construction, and the first page is the dashboard.
        # Until then the window reads the enterprise's facts from the core itself.
        self._profile_editor: ProfileEditor | None = None
        self._profile_placeholder = QWidget()
        self._profile_record: tuple[RecordRef | None, dict[str, str]] = (None, {})
        self._profile_facts = FactsFile()
        self.dashboard = DashboardPage(pack) if pack is not None else None
        self.applications = MyApplicationsPage(store)
        self.applications.set_current_pack(pack.identity if pack is not None else None)
        self.materials = MaterialsPage()
        self.exports = ExportLogPage()
        self._exports_stale = True  # filled when first shown (_show_exports)
        dashboard_page: QWidget = self.dashboard or QLabel(self.tr("规则包无法加载，不能自评。"))
        profile_page = self._profile_placeholder
        for title, page in ((self.tr("企业信息"), profile_page), (self.tr("政策自评"), dashboard_page),
                            (self.tr("我的申报"), self.applications), (self.tr("材料清单"), self.materials),
                            (self.tr("导出记录"), self.exports)):
            self.navigation.addItem(title)
            self.pages.addWidget(page)
        self.desk_page = desk_page_for(role, pack, store)  # 主管部门: the 收件台 (desktop/ui/desk)
        if self.desk_page is not None:
            self.navigation.addItem(self.tr("收件台"))
            self.pages.addWidget(self.desk_page)
        self.navigation.currentRowChanged.connect(self._navigate)
        self.wizards = WizardHost(self)
        self.applications.open_requested.connect(self.wizards.open)
        self.applications.new_requested.connect(self.wizards.new)
        self.applications.changed.connect(self._show_applications)

        self.role_note = QLabel(self.tr(
            "您选择了“主管部门”身份，但收件台需要规则包和用户数据才能打开（见窗口下方的提示）；"
            "现在可以浏览政策自评，或在“设置”中改为企业用户。"))
        self.role_note.setObjectName("roleNote")
        self.role_note.setWordWrap(True)
        self.role_note.setStyleSheet("#roleNote { background: #e8f0fe; padding: 6px; }")
        self.role_note.setVisible(role == "official" and self.desk_page is None)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.role_note)
        row = QHBoxLayout()
        # The rule pack's line has its own permanent place under the navigation, so the status
        # bar is free for the messages that follow a click and nothing overwrites them.
        left = QVBoxLayout()
        left.addWidget(self.navigation, stretch=1)
        self.rulepack_label = QLabel(rulepack_status)
        self.rulepack_label.setObjectName("rulepackLabel")
        self.rulepack_label.setWordWrap(True)
        self.rulepack_label.setFixedWidth(170)
        self.rulepack_label.setStyleSheet("#rulepackLabel { color: #555; }")
        left.addWidget(self.rulepack_label)
        row.addLayout(left)
        row.addWidget(self.pages, stretch=1)
        outer.addLayout(row, stretch=1)
        self.setCentralWidget(central)
        self.statusBar().setSizeGripEnabled(False)
        # Offered with the message that a missing fact is asked in the programme's wizard.
        self.open_wizard_button = QPushButton(self.tr("打开申报向导"))
        self.open_wizard_button.setObjectName("openWizardForFact")
        self.open_wizard_button.hide()
        self.open_wizard_button.clicked.connect(self._open_offered_wizard)
        self.statusBar().addPermanentWidget(self.open_wizard_button)
        self._offered: ProgrammeResult | None = None
        self._fact_message = ""  # the missing-fact message shown, cleared with the selection

        self.profile_switcher = QComboBox()
        self.profile_switcher.setObjectName("profileSwitcher")
        # Long enterprise names: the box takes the toolbar's free width (not the width of the names
        # at first show, which cut a name typed later), its list is as wide as the longest name.
        self.profile_switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile_switcher.setMinimumContentsLength(16)
        self.profile_switcher.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._build_toolbar_and_menus()
        if self.dashboard is not None:
            self.dashboard.assessed.connect(self._assessed)
            self.dashboard.detail.anchorClicked.connect(self.follow_link)
            self.dashboard.date_chosen.connect(self._date_chosen)
            self.dashboard.programme_selected.connect(self._programme_selected)
        self.profile_switcher.currentIndexChanged.connect(self._profile_chosen)
        last = self.controller.setting(LAST_PROFILE_SETTING)
        self._fill_profiles(select=last if isinstance(last, int) else SAMPLE)
        if self.desk_page is not None:  # 主管部门: the 收件台 only
            self.navigation.setCurrentRow(self.pages.indexOf(self.desk_page))
            self._official_only()
        else:
            self._restore_page()
        self._fit_screen()
        self._restore_geometry()

    # -- the profile editor, built on first use ------------------------------------------------

    @property
    def profile_editor(self) -> ProfileEditor:
        if self._profile_editor is None:
            self._profile_editor = self._build_profile_editor()
        return self._profile_editor

    def _build_profile_editor(self) -> ProfileEditor:
        from desktop.ui.profile_editor import ProfileEditor

        pack = self._pack
        editor = ProfileEditor(
            self.controller, (lambda region: facts_for_region(pack, region)) if pack is not None else None)
        ref, answers = self._profile_record
        editor.load(ref, answers)  # the facts are the ones the dashboard already shows
        editor.facts_changed.connect(self._facts_changed)
        editor.saved.connect(lambda _result: self._refresh_profile_names())
        showing = self.pages.currentIndex()
        self.pages.insertWidget(PROFILE_ROW, editor)
        self.pages.removeWidget(self._profile_placeholder)
        self._profile_placeholder.deleteLater()
        self.pages.setCurrentIndex(showing)
        return editor

    def _load_profile(self, ref: RecordRef | None, answers: dict[str, str]) -> None:
        """Show one profile's answers: in the editor once it exists, else straight to the dashboard."""
        self._profile_record = (ref, answers)
        if self._profile_editor is not None:
            self._profile_editor.load(ref, answers)  # emits facts_changed
        else:
            self.controller.flush()
            self._facts_changed(profile_facts(answers).facts)

    # -- toolbar, menus, shortcuts -------------------------------------------------------------

    def _build_toolbar_and_menus(self) -> None:
        new_profile = self.new_profile_action = QAction(self.tr("新建企业(&N)"), self)
        new_profile.setObjectName("newProfile")
        new_profile.setShortcut(QKeySequence.StandardKey.New)
        new_profile.triggered.connect(self.new_profile)
        self.delete_action = QAction(self.tr("删除当前企业(&D)…"), self)
        self.delete_action.setObjectName("deleteProfile")
        self.delete_action.triggered.connect(self.delete_profile)
        toolbar = self.profile_toolbar = QToolBar(self.tr("企业"))
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
        file_menu.addAction(self.delete_action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("退出(&X)"))
        quit_action.setObjectName("quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        self.view_actions: list[QAction] = []
        for row in range(self.navigation.count()):
            action = view_menu.addAction(self.navigation.item(row).text())
            self.view_actions.append(action)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
        settings = self.menuBar().addMenu(self.tr("设置(&S)"))
        # The current language and role are shown as checked items (one of each group).
        language_menu = settings.addMenu(self.tr("界面语言(&L)"))
        languages = QActionGroup(self)
        for code, name in LANGUAGES:
            action = language_menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self._language)
            languages.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.language_requested.emit(c))
        role_menu = settings.addMenu(self.tr("身份(&R)"))
        roles = QActionGroup(self)
        for role, text in (("enterprise", self.tr("企业用户")), ("official", self.tr("主管部门"))):
            action = role_menu.addAction(text)
            action.setObjectName(f"role_{role}")
            action.setCheckable(True)
            action.setChecked(role == self._role)
            roles.addAction(action)
            action.triggered.connect(lambda _checked=False, r=role: self.role_requested.emit(r))
        self._settings_menu = settings
        if self._store is not None:
            self._add_import_action(self._store)

    def _add_import_action(self, store: Store) -> None:
        add_import_action(self._settings_menu, self, store.data_dir, store.list_applications,
                          self.rulepack_installed.emit)

    def attach_store(self, store: Store) -> None:
        """The store, opened after the first paint of a window built on the first page's reader:
        what the window wrote while it was built (settings) is written now, and every read and
        write from now on goes through the store.  Input is let through only after this."""
        self.controller.attach_store(store)
        self._store = store
        self._first_page = None
        self.applications.set_store(store)
        self._add_import_action(store)
        if self.pages.currentWidget() is self.exports:
            self._show_exports()

    def _official_only(self) -> None:
        """At the official's desk, nothing meant for an enterprise: no 当前企业, no 新建企业, no
        company pages (their rows, menu items and shortcuts); Settings → 身份 brings them back."""
        self.profile_toolbar.setVisible(False)
        self.profile_toolbar.toggleViewAction().setVisible(False)
        for action in (self.new_profile_action, self.delete_action):
            action.setVisible(False)
            action.setEnabled(False)
        assert self.desk_page is not None
        desk_row = self.pages.indexOf(self.desk_page)
        for row in range(self.navigation.count()):
            self.navigation.setRowHidden(row, row != desk_row)
        for row, action in enumerate(self.view_actions):
            action.setVisible(row == desk_row)
            action.setEnabled(row == desk_row)
        # One page only: the list of pages goes, and the rule pack's line moves to the status
        # bar (the desk checks every bundle with that pack), leaving the screen to the desk.
        self.navigation.setVisible(False)
        self.rulepack_label.setMinimumWidth(0)
        self.rulepack_label.setMaximumWidth(16777215)  # QWIDGETSIZE_MAX
        self.rulepack_label.setWordWrap(False)
        self.rulepack_label.setToolTip(self.rulepack_label.text())
        self.rulepack_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addPermanentWidget(self.rulepack_label, 1)

    # -- profiles ---------------------------------------------------------------------------------

    def _fill_profiles(self, select: int | None) -> None:
        self.profile_switcher.blockSignals(True)
        self.profile_switcher.clear()
        self.profile_switcher.addItem(self.tr("示例企业（只供浏览）"), SAMPLE)
        for profile in self.controller.profiles():
            self.profile_switcher.addItem(profile.name or self.tr("（未命名企业 {n}）").format(n=profile.id),
                                          profile.id)
        self.profile_switcher.blockSignals(False)
        index = max(self.profile_switcher.findData(select) if select is not None else 0, 0)
        if self.profile_switcher.currentIndex() == index:
            self._profile_chosen(index)  # no change for Qt to signal: shown here
        else:
            self.profile_switcher.setCurrentIndex(index)  # shown through currentIndexChanged, once
        self._fit_switcher_list()

    def _fit_switcher_list(self) -> None:
        """The open list shows every name whole (up to the screen's width); the box's tooltip
        names the enterprise in full where even the toolbar's width is too short for it."""
        switcher = self.profile_switcher
        metrics = switcher.view().fontMetrics()
        names = (switcher.itemText(i) for i in range(switcher.count()))
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        switcher.view().setMinimumWidth(min(widest + 40, self.screen().availableGeometry().width()))
        switcher.setToolTip(switcher.currentText())

    def _refresh_profile_names(self) -> None:
        if self.current_profile_id is None:
            return
        for profile in self.controller.profiles():
            index = self.profile_switcher.findData(profile.id)
            if index >= 0:
                self.profile_switcher.setItemText(
                    index, profile.name or self.tr("（未命名企业 {n}）").format(n=profile.id))
        self._fit_switcher_list()

    @property
    def current_profile_id(self) -> int | None:
        data = self.profile_switcher.currentData()
        return int(data) if data is not None else None

    def _profile_chosen(self, _index: int) -> None:
        profile_id = self.current_profile_id
        self.profile_switcher.setToolTip(self.profile_switcher.currentText())
        if hasattr(self, "wizards"):
            self.wizards.close_wizard()
            self.wizards.load_application_facts(profile_id, refresh=False)  # before the profile's facts
        if self.dashboard is not None:
            self.dashboard.can_apply = profile_id is not None
        self.delete_action.setEnabled(profile_id is not None)  # the sample cannot be deleted
        # The enterprise's facts and then its date: assessed once, not once for each.
        with self.dashboard.one_refresh() if self.dashboard is not None else contextlib.nullcontext():
            if profile_id is None or not self.controller.can_read:
                self._load_profile(None, sample_answers())
                if self.dashboard is not None:
                    self.dashboard.set_assessed_on(SAMPLE_ASSESSED_ON, note="")
            else:
                ref = RecordRef("profile", profile_id)
                self._load_profile(ref, self.controller.answers(ref))
                self._show_profile_date(profile_id)
        self.controller.set_setting(LAST_PROFILE_SETTING, profile_id)
        if profile_id is not None:
            others = [p for p in self._recent_profiles() if p != profile_id]
            self.controller.set_setting(RECENT_PROFILES_SETTING, [profile_id, *others])
        self._show_applications()

    def _recent_profiles(self) -> list[int]:
        saved = self.controller.setting(RECENT_PROFILES_SETTING)
        return [p for p in saved if isinstance(p, int)] if isinstance(saved, list) else []

    def _next_after_deleting(self, deleted: int) -> int | None:
        """The user's most recently shown enterprise still there; the sample only when none is left."""
        remaining = [p.id for p in self.controller.profiles() if p.id != deleted]
        for profile_id in self._recent_profiles():
            if profile_id in remaining:
                return profile_id
        return remaining[-1] if remaining else SAMPLE

    def new_profile(self) -> None:
        profile_id = self.controller.create_profile()
        if profile_id is None:
            self.statusBar().showMessage(self.tr("没有打开用户数据，不能新建企业。"), 8000)
            return
        self._fill_profiles(select=profile_id)
        self.navigation.setCurrentRow(PROFILE_ROW)
        self.profile_editor.focus_fact("enterprise.name")

    def _navigate(self, row: int) -> None:
        if row == PROFILE_ROW:
            _ = self.profile_editor  # built now, before its page is shown
        if row >= 0:
            self.pages.setCurrentIndex(row)
            self.controller.set_setting(LAST_PAGE_SETTING, PAGE_KEYS[row] if row < len(PAGE_KEYS) else "desk")
        if row == EXPORTS_ROW:
            self._show_exports()

    def _restore_page(self) -> None:
        """A restart opens the page last used (a wizard: its draft, at its own page), else 政策自评
        (the 收件台 for 主管部门)."""
        saved = self.controller.setting(LAST_PAGE_SETTING)
        row = DASHBOARD_ROW if self.desk_page is None else self.pages.indexOf(self.desk_page)
        if isinstance(saved, str) and saved in PAGE_KEYS:
            row = PAGE_KEYS.index(saved)
        self.navigation.setCurrentRow(row)
        draft = saved.get("wizard") if isinstance(saved, dict) else None
        if isinstance(draft, int) and draft in {
                a.id for a in self.controller.applications(self.current_profile_id)}:
            self.wizards.open(draft)

    def delete_profile(self) -> None:
        """Delete the enterprise shown, after a confirmation that names what goes with it."""
        profile_id = self.current_profile_id
        if profile_id is None:
            return
        self.controller.flush()
        name = self.profile_switcher.currentText()
        applications = len(self.controller.applications(profile_id))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("删除企业"), self.tr(
            "删除“{name}”？\n\n将一并删除：本企业填写的全部企业信息，以及它的 {n} 份申报。"
            "删除后不能恢复（已导出的申报包文件不受影响）。").format(name=name, n=applications),
            QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("删除"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        self.controller.delete_profile(profile_id)
        self._fill_profiles(select=self._next_after_deleting(profile_id))
        if self._profile_editor is not None:
            self._profile_editor.scroll_area.verticalScrollBar().setValue(0)
        self.statusBar().showMessage(self.tr("已删除“{name}”。").format(name=name), 10000)

    # -- the assessment date, per enterprise ---------------------------------------------------

    def _date_setting(self, profile_id: int) -> str:
        return f"profile.{profile_id}.assessed_on"

    def _show_profile_date(self, profile_id: int) -> None:
        if self.dashboard is None:
            return
        saved = self.controller.setting(self._date_setting(profile_id))
        if isinstance(saved, dict) and saved.get("chosen"):
            self.dashboard.set_assessed_on(dt.date.fromisoformat(saved["day"]), note="")
        else:
            self._suggest_date(profile_id)

    def _suggest_date(self, profile_id: int) -> None:
        """A date on which the enterprise's region's programmes are in force, said which and why."""
        if self.dashboard is None or self._pack is None:
            return
        region = self._profile_facts.enterprise.region_code
        today = dt.date.today()
        suggestion = suggested_assessment_date(self._pack, region, today)
        if suggestion.day == today:
            note = ""
        else:
            where = self.tr("本地区") if region else self.tr("规则包")
            note = self.tr(
                "评估日期设为 {day}：今天{where}的 {local} 项政策都不在有效期内；这一天有 {n} 项有效"
                "（如{first}）。可以改为其他日期。").format(
                day=suggestion.day.isoformat(), where=where, local=suggestion.local,
                n=len(suggestion.in_force), first=suggestion.in_force[0] if suggestion.in_force else "")
        self.dashboard.set_assessed_on(suggestion.day, note=note)
        self.controller.set_setting(self._date_setting(profile_id),
                                    {"day": suggestion.day.isoformat(), "chosen": False})

    def _date_chosen(self, day: dt.date) -> None:
        """The user set the date: it belongs to this enterprise from now on."""
        profile_id = self.current_profile_id
        if profile_id is not None:
            self.controller.set_setting(self._date_setting(profile_id),
                                        {"day": day.isoformat(), "chosen": True})

    def _facts_changed(self, facts: FactsFile) -> None:
        self._profile_facts = facts
        profile_id = self.current_profile_id
        if self.dashboard is not None and profile_id is not None:
            saved = self.controller.setting(self._date_setting(profile_id))
            region_changed = facts.enterprise.region_code != self.dashboard.facts_region
            if region_changed and not (isinstance(saved, dict) and saved.get("chosen")):
                self.dashboard.facts_region = facts.enterprise.region_code
                self._suggest_date(profile_id)
        if self.dashboard is not None:
            self.dashboard.set_facts(facts)

    def _assessed(self, assessment: Assessment) -> None:
        self.materials.show_assessment(assessment)

    def _show_applications(self) -> None:
        profile_id = self.current_profile_id
        self.applications.show_applications(self.controller.applications(profile_id))
        self.applications.set_editable(profile_id is not None)
        self._exports_stale = True
        if self.pages.currentWidget() is self.exports:
            self._show_exports()

    def _show_exports(self) -> None:
        """导出记录, filled when shown: the application model it reads is not needed to paint."""
        if self._store is not None and self._exports_stale:
            from desktop.applications.stored import export_records

            self.exports.show_records(export_records(self._store))
            self._exports_stale = False

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
            from desktop.ui.source_viewer import SourceViewer

            self.source_viewer = SourceViewer(self)
        self.source_viewer.show_citation(citation, result.title, self._pack.texts_dir if self._pack else None,
                                         document=self._document_name(citation.file))
        self.source_viewer.show()
        self.source_viewer.raise_()

    def _document_name(self, file: str) -> str:
        """The cited document's title and 文号 (the file name when the pack does not list it)."""
        documents = self._pack.documents.values() if self._pack is not None else ()
        for document in documents:
            if document.file == file:
                return f"{document.title}（{document.number}）" if document.number else document.title
        return file

    def go_to_fact(self, path: str) -> None:
        if self.profile_editor.edits.get(path) is None:
            self._say_fact_is_in_wizard(path)
            return
        self.navigation.setCurrentRow(PROFILE_ROW)
        self.profile_editor.focus_fact(path)

    def _say_fact_is_in_wizard(self, path: str) -> None:
        """A project's, loan's or application's fact: name it and offer the programme's wizard."""
        spec = FACTS.get(path)
        label = spec.label if spec is not None else path
        result = self.dashboard.current_result if self.dashboard is not None else None
        can_open = (result is not None and result.wizard is not None and result.status in OPENS_FOR
                    and self.current_profile_id is not None and self._store is not None)
        if can_open:
            text = self.tr("“{fact}”属于具体的项目、贷款或申报，在申报向导中填写：点右下角“打开申报向导”。")
        elif self.current_profile_id is None:
            text = self.tr("“{fact}”属于具体的项目、贷款或申报，在申报向导中填写；"
                           "示例企业不能申报，请先新建企业（Ctrl+N）。")
        else:
            text = self.tr("“{fact}”属于具体的项目、贷款或申报，在申报向导中填写。")
        self._offered = result if can_open else None
        self.open_wizard_button.setVisible(can_open)
        self._fact_message = text.format(fact=label)
        self.statusBar().showMessage(self._fact_message, 15000)

    def _open_offered_wizard(self) -> None:
        result = self._offered
        self._clear_offer()
        if result is not None:
            self.wizards.start(result)

    def _clear_offer(self) -> None:
        self._offered = None
        self.open_wizard_button.hide()
        if self._fact_message and self.statusBar().currentMessage() == self._fact_message:
            self.statusBar().clearMessage()  # only ours: other messages (the wizard's) stay
        self._fact_message = ""

    def _programme_selected(self, _result: ProgrammeResult | None) -> None:
        """What the status bar said about the previous programme's fact no longer applies."""
        self._clear_offer()

    def start_application(self, result: ProgrammeResult) -> None:
        self.wizards.start(result)

    def restore_state_of(self, previous: MainWindow) -> None:
        """Carry the enterprise, the page, the date and the size over to a rebuilt window."""
        self._fill_profiles(select=previous.current_profile_id)
        self.navigation.setCurrentRow(previous.navigation.currentRow())
        if self.dashboard is not None and previous.dashboard is not None:
            self.dashboard.set_assessed_on(previous.dashboard.assessed_on)
        self.restoreGeometry(previous.saveGeometry())

    # -- geometry and closing -----------------------------------------------------------------------

    def _fit_screen(self) -> None:
        """The default size fits the screen's free area (1366×768 at 125% leaves 1093×582)."""
        screen = self.screen().availableGeometry()
        frame = 40  # title bar and borders the window manager adds around the window
        width = min(1180, screen.width())
        height = min(760, screen.height() - frame)
        self.resize(width, height)

    def _restore_geometry(self) -> None:
        saved = self.controller.setting(GEOMETRY_SETTING)
        if isinstance(saved, str):
            self.restoreGeometry(QByteArray.fromHex(saved.encode("ascii")))

    @property
    def autosaver(self) -> Autosaver | None:
        return self.controller.autosaver

    def save_everything(self) -> None:
        """Write every answer still waiting (closing, the session ending); returns once written."""
        if hasattr(self, "wizards"):
            self.wizards.flush()
        self.controller.flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.save_everything()
        geometry = bytes(self.saveGeometry().toHex().data()).decode("ascii")
        self.controller.set_setting(GEOMETRY_SETTING, geometry)
        if self.source_viewer is not None:
            self.source_viewer.close()
        self.controller.close()
        super().closeEvent(event)
