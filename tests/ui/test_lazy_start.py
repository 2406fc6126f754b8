"""Issue 20's start-up: the window paints its first page without building or importing what
that page does not show, and the enterprise's data is exactly what it would have been."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from benchmarks import imports
from desktop.applications import standing
from desktop.facts.model import FactsFile
from desktop.facts.samples import SAMPLE_ASSESSED_ON
from desktop.rules.pack import RulePack
from desktop.rules.results import Assessment, Status
from desktop.store.records import RecordRef
from desktop.store.startup import OpenedStore
from desktop.ui import app as app_module
from desktop.ui import dashboard as dashboard_module
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import DASHBOARD_ROW, PROFILE_ROW, MainWindow
from desktop.ui.profile_editor import ProfileEditor
from tests.conftest import ROOT

pytestmark = pytest.mark.gui

# The loan-interest enterprise of the flow tests: eligible for 流动资金贷款贴息 once its loans are in.
ANSWERS = {"name": "青海示例机械制造有限公司", "uscc": "91630104MA753Q2P1D", "region_code": "630104",
           "industry_code": "3442", "ownership": "private", "employees": "95", "revenue": "42000000",
           "assets": "36000000"}


def _start(shell: Shell, opened: OpenedStore) -> MainWindow:
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    return shell.window


def test_the_dashboard_shows_the_last_enterprise_before_its_editor_exists(
        qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    profile = opened.store.create_profile(ANSWERS)
    opened.store.set_setting("ui.last_profile", profile)
    window = _start(shell, opened)
    assert window._profile_editor is None  # 企业信息 is not built for a start on the dashboard
    assert window.navigation.currentRow() == DASHBOARD_ROW
    dashboard = window.dashboard
    assert dashboard is not None and dashboard.assessment is not None
    assert dashboard.enterprise_label.text() == "企业：青海示例机械制造有限公司"
    by_id = {r.programme_id: r for r in dashboard.assessment.results}
    assert by_id["qh-2011-sme-loan-interest"].status is not Status.NOT_APPLICABLE
    assessed_before = [(r.programme_id, r.status) for r in dashboard.assessment.results]

    window.navigation.setCurrentRow(PROFILE_ROW)  # as a click on 企业信息
    editor = window._profile_editor
    assert isinstance(editor, ProfileEditor)
    assert window.pages.currentWidget() is editor and window.pages.indexOf(editor) == PROFILE_ROW
    assert editor.ref == RecordRef("profile", profile)
    assert editor.edits["enterprise.name"].answer() == ANSWERS["name"]
    assert editor.edits["enterprise.employees"].answer() == "95"
    # Building the editor changed nothing the dashboard shows.
    assert [(r.programme_id, r.status) for r in dashboard.assessment.results] == assessed_before

    # Typing in the editor built late re-assesses the dashboard and is saved.
    edit = editor.edits["enterprise.name"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "ACME Machinery")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving the field saves at once
    assert dashboard.enterprise_label.text() == "企业：ACME Machinery"
    window.save_everything()
    assert opened.store.answers(RecordRef("profile", profile))["name"] == "ACME Machinery"


def test_switching_enterprise_before_the_editor_exists_then_opening_it(
        qtbot: QtBot, shell: Shell, opened: OpenedStore) -> None:
    first = opened.store.create_profile({"name": "甲公司", "region_code": "630104"})
    second = opened.store.create_profile({"name": "乙公司", "region_code": "630104", "employees": "12"})
    opened.store.set_setting("ui.last_profile", first)
    window = _start(shell, opened)
    window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(second))
    assert window._profile_editor is None
    assert window.dashboard is not None
    assert window.dashboard.enterprise_label.text() == "企业：乙公司"
    window.navigation.setCurrentRow(PROFILE_ROW)
    assert window.profile_editor.ref == RecordRef("profile", second)
    assert window.profile_editor.edits["enterprise.employees"].answer() == "12"
    # And back to the sample: the editor, now built, shows it read-only.
    window.profile_switcher.setCurrentIndex(0)
    assert window.profile_editor.ref is None
    assert not window.profile_editor.edits["enterprise.name"].isEnabled()


def test_first_paint_waits_for_no_document_builder_desk_or_wizard(tmp_path: Path) -> None:
    """The real start, ``python -X importtime -m desktop --smoke-test``: none of these is imported
    before the window's first paint (the desk and the PDF/workbook builders took a second, the
    ORM half a second)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = ["-m", "desktop", "--data-dir", str(tmp_path), "--smoke-test"]
    subprocess.run([sys.executable, *argv], cwd=ROOT, env=env, check=True, capture_output=True)
    rows = imports.importtime(argv, env)
    before = {name for name, _self, _cumulative, painted_yet in rows if painted_yet}
    assert "PySide6.QtWidgets" in before and "desktop.ui.main_window" in before
    assert len(before) < len(rows), "the smoke test marked no first paint"
    for module in ("reportlab", "openpyxl", "desktop.intake.desk", "desktop.documents.drafting",
                   "desktop.ui.wizard.frame", "desktop.applications.review", "desktop.applications.stored",
                   # The first page is read with sqlite3; the store opens after the paint.
                   "sqlalchemy", "desktop.store.store", "desktop.store.schema", "alembic", "filelock",
                   # Signature checks are for importing a pack, YAML for compiling sources.
                   "cryptography", "nacl", "desktop.rulepacks.trust", "yaml"):
        assert module not in before, f"{module} imported before the first paint"


def test_the_benchmark_splits_at_the_mark_the_app_prints() -> None:
    assert imports.FIRST_PAINT_MARK == app_module.FIRST_PAINT_MARK


def test_start_assesses_the_enterprise_once_on_its_own_date(
        qtbot: QtBot, shell: Shell, opened: OpenedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The facts and then the enterprise's date used to assess twice before the first paint."""
    profile = opened.store.create_profile(ANSWERS)
    opened.store.set_setting("ui.last_profile", profile)
    opened.store.set_setting(f"profile.{profile}.assessed_on", {"day": "2011-12-10", "chosen": True})
    days: list[dt.date] = []

    def counted(pack: RulePack, facts: FactsFile, on: dt.date,
                applications: Mapping[str, FactsFile]) -> Assessment:
        days.append(on)
        return standing.assess_with_applications(pack, facts, on, applications)

    monkeypatch.setattr(dashboard_module, "assess_with_applications", counted)
    window = _start(shell, opened)
    assert days == [dt.date(2011, 12, 10)]
    assert window.dashboard is not None and window.dashboard.assessed_on == dt.date(2011, 12, 10)
    window.profile_switcher.setCurrentIndex(0)  # the sample, on its own date
    assert days[1:] == [SAMPLE_ASSESSED_ON]
