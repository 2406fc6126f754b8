"""Where the wizards meet the main window: 开始申报, 我的申报's 新建/打开, and the dashboard.

Keeps the window's own code to a few entry points: the host opens (or re-opens) a draft, shows
its wizard as a page of the window, and feeds the wizard's facts to the dashboard so that a
programme waiting for loans or a project is re-assessed as they are typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.applications.kinds import KINDS
from desktop.facts.model import FactsFile
from desktop.rulepacks.active import pinned_pack
from desktop.rules.results import ProgrammeResult, Status
from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.wizard.frame import WizardFrame

# Wizards open for these; anything else has nothing to draft yet.
OPENS_FOR = (Status.ELIGIBLE, Status.UNDETERMINED)


class WizardHost(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.frame: WizardFrame | None = None
        # An application deleted (or copied) in 我的申报 changes what the dashboard assesses with.
        window.applications.changed.connect(lambda: self.load_application_facts(window.current_profile_id))

    def start(self, result: ProgrammeResult) -> WizardFrame | None:
        """开始申报: the existing draft for this programme, or a new one."""
        window = self.window
        store, pack, profile_id = window._store, window._pack, window.current_profile_id
        if store is None or pack is None or profile_id is None or result.wizard is None \
                or result.status not in OPENS_FOR:
            window.statusBar().showMessage(translate(
                "Wizard", "示例企业不能申报。请先新建企业（Ctrl+N）并填写企业信息。"), 10000)
            return None
        from desktop.applications.stored import create_draft, find_draft

        app_id = find_draft(store, profile_id, result.programme_id)
        if app_id is None:
            app_id = create_draft(store, profile_id, result.wizard, programme_id=result.programme_id,
                                  title=result.title, rulepack_id=pack.identity.id,
                                  rulepack_version=pack.identity.version,
                                  today=window.dashboard.assessed_on if window.dashboard else None)
        frame = self.open(app_id)
        if frame is not None and result.status is Status.UNDETERMINED and app_id is not None:
            frame.open_at_missing([m.fact for m in result.missing])
        return frame

    def new(self, kind: str) -> WizardFrame | None:
        """新建 from 我的申报: the first programme of that kind the enterprise may apply for."""
        window = self.window
        dashboard = window.dashboard
        assessment = dashboard.assessment if dashboard is not None else None
        if assessment is None:
            return None
        candidates = [r for r in assessment.results if r.wizard == kind and r.status in OPENS_FOR]
        if not candidates:
            text = translate("Wizard", "按当前自评，没有可以申报的{kind}政策。")
            window.statusBar().showMessage(text.format(
                kind=translate("Pages", KINDS[kind].label)), 10000)
            return None
        candidates.sort(key=lambda r: r.status is not Status.ELIGIBLE)
        return self.start(candidates[0])

    def open(self, application_id: int) -> WizardFrame | None:
        window = self.window
        store, pack = window._store, window._pack
        if store is None or pack is None or window.autosaver is None:
            return None
        self.close_wizard()
        # A draft stays on the rule pack it was started with until the user re-assesses it
        # (我的申报 → 按当前规则包重新自评); the pack of an older install is still on disk.
        summary = store.application(application_id)
        if (summary.rulepack_id, summary.rulepack_version) != (pack.identity.id, pack.identity.version):
            pinned = pinned_pack(store.data_dir, summary.rulepack_id, summary.rulepack_version)
            if pinned is not None:
                pack = pinned
                window.statusBar().showMessage(translate(
                    "Wizard", "本草稿按开始时的规则包 {pack} 填写与自评；要改用新规则，请在“我的申报”中"
                              "选“按当前规则包重新自评”。").format(
                    pack=f"{summary.rulepack_id} {summary.rulepack_version}"), 15000)
        # Imported on the first wizard opened: it brings the application review and the document
        # builders (reportlab, openpyxl), which the window's start does not need.
        from desktop.ui.wizard.frame import WizardFrame

        frame = WizardFrame(store, window.autosaver, pack, application_id)
        self.frame = frame
        window.controller.set_setting("ui.last_page", {"wizard": application_id})  # reopened on restart
        window.pages.addWidget(frame)
        window.navigation.setCurrentRow(-1)  # so that any entry, even the last one, leads back
        window.pages.setCurrentWidget(frame)
        if window.dashboard is not None:
            frame.facts_changed.connect(lambda facts, p=frame.programme_id: self._assess_with(p, facts))
            self._assess_with(frame.programme_id, frame.state.facts)
        frame.generated.connect(lambda _path: window._show_applications())
        window._show_applications()
        return frame

    def _assess_with(self, programme_id: str, facts: FactsFile) -> None:
        """The open draft's facts, as typed, for its own programme on the dashboard."""
        if self.window.dashboard is not None and programme_id:
            self.window.dashboard.set_programme_facts(programme_id, facts)

    def load_application_facts(self, profile_id: int | None, *, refresh: bool = True) -> None:
        """Each programme with an application of this enterprise is assessed on that
        application's facts (the open draft's as typed, else the latest stored): closing the
        wizard or restarting does not lose them (docs/WIZARDS.md, "The dashboard and drafts")."""
        dashboard, store = self.window.dashboard, self.window._store
        if dashboard is None:
            return
        facts = {}
        reader = self.window._first_page  # before the store is open: its plain-sqlite3 read
        if store is not None and profile_id is not None:
            from desktop.applications.standing import application_facts  # after the first paint

            facts = application_facts(store, profile_id)
        elif reader is not None and profile_id is not None:
            from desktop.applications.standing import first_page_application_facts

            facts = first_page_application_facts(reader, profile_id)
        frame = self.frame
        if frame is not None and frame.programme_id and frame.summary.profile_id == profile_id:
            facts[frame.programme_id] = frame.state.facts
        dashboard.set_application_facts(facts, refresh=refresh)

    def close_wizard(self) -> None:
        if self.frame is None:
            return
        self.frame.flush()
        self.window.pages.removeWidget(self.frame)
        self.frame.deleteLater()
        self.frame = None

    def flush(self) -> None:
        # After the window closed its writer (closeEvent, which flushed first) there is nothing
        # left to write: a second save (aboutToQuit) must not submit to the stopped worker.
        if self.frame is not None and self.window.autosaver is not None:
            self.frame.flush()

