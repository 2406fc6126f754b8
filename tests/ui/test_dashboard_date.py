"""The assessment date takes a whole date typed as offices write it, as the wizard's dates do."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.facts.samples import SAMPLE_ASSESSED_ON, load_sample
from desktop.rules.database import bundled_pack
from desktop.ui.dashboard import DashboardPage

pytestmark = pytest.mark.gui


@pytest.fixture
def dashboard(qtbot: QtBot) -> DashboardPage:
    page = DashboardPage(bundled_pack())
    qtbot.addWidget(page)
    page.set_assessed_on(SAMPLE_ASSESSED_ON)
    page.set_facts(load_sample())
    page.show()
    qtbot.waitExposed(page)
    return page


def _select_all(qtbot: QtBot, edit: QWidget) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)


def _commit_chinese(edit: QWidget, text: str) -> None:
    event = QInputMethodEvent()  # Chinese arrives through the input method as committed text
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def test_a_typed_iso_date_is_taken_whole(qtbot: QtBot, dashboard: DashboardPage) -> None:
    edit = dashboard.date_edit
    _select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2011-12-10")
    with qtbot.waitSignal(dashboard.date_chosen) as chosen:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert chosen.args == [dt.date(2011, 12, 10)]
    assert dashboard.assessed_on == dt.date(2011, 12, 10)
    assert dashboard.assessment is not None and dashboard.assessment.assessed_on == dt.date(2011, 12, 10)


def test_a_chinese_date_is_taken_on_leaving_the_field(qtbot: QtBot, dashboard: DashboardPage) -> None:
    edit = dashboard.date_edit
    _select_all(qtbot, edit)
    _commit_chinese(edit, "2011年12月10日")
    with qtbot.waitSignal(dashboard.date_chosen):
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert dashboard.assessed_on == dt.date(2011, 12, 10)
    assert dashboard.date_edit.text() == "2011-12-10"  # shown the one way once taken


def test_an_unreadable_date_is_marked_and_changes_nothing(qtbot: QtBot, dashboard: DashboardPage) -> None:
    edit = dashboard.date_edit
    _select_all(qtbot, edit)
    qtbot.keyClicks(edit, "2011-13-40")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dashboard.assessed_on == SAMPLE_ASSESSED_ON
    assert dashboard.date_problem.isVisible()
    assert "2011-13-40" in dashboard.date_problem.text() and "没有这一天" in dashboard.date_problem.text()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)  # back to the date in force
    assert edit.text() == SAMPLE_ASSESSED_ON.isoformat() and not dashboard.date_problem.isVisible()
    # The arrow keys still step a day, as in a date box.
    with qtbot.waitSignal(dashboard.date_chosen) as chosen:
        qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert chosen.args == [SAMPLE_ASSESSED_ON + dt.timedelta(days=1)]
