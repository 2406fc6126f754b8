"""The dashboard assesses a programme with its draft's loans after the wizard is left, after
the profile is typed in, after switching enterprise and back, and after a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.rules.results import Status
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import DASHBOARD_ROW, PROFILE_ROW, MainWindow
from tests.ui.clicks import click_link
from tests.ui.wizard.helpers import fill_cell

pytestmark = pytest.mark.gui
LOANS = "qh-2011-sme-loan-interest"
PROFILE = {"name": "青海示例机械制造有限公司", "uscc": "91630104MA753Q2P1D", "region_code": "630104",
           "industry_code": "3442", "ownership": "private", "employees": "95", "revenue": "42000000",
           "assets": "36000000"}


@pytest.fixture
def shell(qtbot: QtBot, opened: OpenedStore) -> Iterator[Shell]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    opened.store.create_profile(PROFILE)
    shell = Shell(app, opened)
    yield shell
    shell.close()


def _start(shell: Shell) -> MainWindow:
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    return shell.window


def _status(window: MainWindow, programme: str = LOANS) -> Status:
    assert window.dashboard is not None and window.dashboard.assessment is not None
    return window.dashboard.assessment.result(programme).status


def test_a_closed_or_reopened_draft_still_counts_its_loans(qtbot: QtBot, shell: Shell,
                                                           opened: OpenedStore) -> None:
    window = _start(shell)
    window._fill_profiles(select=opened.store.list_profiles()[0].id)
    dashboard = window.dashboard
    assert dashboard is not None
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    dashboard.date_edit.setFocus()
    dashboard.date_edit.setDate(QDate(2011, 12, 10))  # the user's date, kept for this enterprise
    assert dashboard.select_programme(LOANS)
    assert _status(window) is Status.UNDETERMINED
    others = {r.programme_id: r.status for r in dashboard.assessment.results  # type: ignore[union-attr]
              if r.programme_id != LOANS}

    click_link(qtbot, dashboard.detail, f"apply:{LOANS}")
    frame = window.wizards.frame
    assert frame is not None and frame.page_key == "loans"
    frame.tables["loan"].add_button.click()
    for field, text in {"bank": "青海银行", "contract_no": "QH-2011-0615", "principal": "500万",
                        "start_on": "2011-06-15", "end_on": "2012-06-15", "annual_rate": "6.56%"}.items():
        fill_cell(qtbot, frame, "loan", 0, field, text)
    assert _status(window) is Status.ELIGIBLE
    # The draft's loans are that programme's: the enterprise's other programmes are as before.
    assert {r.programme_id: r.status for r in dashboard.assessment.results  # type: ignore[union-attr]
            if r.programme_id != LOANS} == others

    # Left for 企业信息, where a figure is changed: the loans still count.
    window.navigation.setCurrentRow(PROFILE_ROW)
    employees = window.profile_editor.edits["enterprise.employees"]
    assert isinstance(employees, QLineEdit)
    employees.setFocus()
    employees.selectAll()
    qtbot.keyClicks(employees, "96")
    qtbot.keyClick(employees, Qt.Key.Key_Tab)
    assert _status(window) is Status.ELIGIBLE

    # Another enterprise (the wizard closes) and back.
    window.profile_switcher.setCurrentIndex(0)  # the sample
    assert window.wizards.frame is None
    window.profile_switcher.setCurrentIndex(1)
    assert _status(window) is Status.ELIGIBLE

    # A restart: the same enterprise, its date, and its draft's loans.
    shell.close()
    again = _start(shell)
    assert again.dashboard is not None
    assert again.dashboard.assessed_on.isoformat() == "2011-12-10"
    assert _status(again) is Status.ELIGIBLE
    result = again.dashboard.assessment.result(LOANS)  # type: ignore[union-attr]
    assert any(c.id == "loans[0].term" for c in result.conditions)
    assert again.dashboard.select_programme(LOANS)
    assert "贷款期限 12 个月" in again.dashboard.detail.toPlainText()

    # Deleting the draft in 我的申报 takes its loans away from the dashboard too.
    assert again.wizards.frame is None
    page = again.applications
    page.table.selectRow(0)
    page.delete_button.click()
    page.confirm_delete.click()
    assert not opened.store.list_applications()
    assert _status(again) is Status.UNDETERMINED
