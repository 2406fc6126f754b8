"""A failing loan's row says why in one short sentence per condition, figures included, nothing
said twice; the note under the table does not repeat the rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from tests.ui.clicks import click_link
from tests.ui.wizard.helpers import fill_cell

pytestmark = pytest.mark.gui
PROGRAMME = "qh-2011-sme-loan-interest"
PROFILE = {"name": "青海示例机械制造有限公司", "uscc": "91630104MA753Q2P1D", "region_code": "630104",
           "industry_code": "3442", "ownership": "private", "employees": "95", "revenue": "42000000",
           "assets": "36000000"}


def test_each_failing_condition_is_one_short_sentence_with_its_figures(
        qtbot: QtBot, window_for: Callable[[dict[str, str]], MainWindow]) -> None:
    window = window_for(PROFILE)
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(dt.date(2011, 12, 10))
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(PROGRAMME)
    click_link(qtbot, dashboard.detail, f"apply:{PROGRAMME}")
    frame = window.wizards.frame
    assert frame is not None and frame.page_key == "loans"
    table = frame.tables["loan"]
    table.add_button.click()
    table.add_button.click()
    rows = ({"bank": "青海银行", "principal": "500万", "start_on": "2011-06-15", "end_on": "2012-06-15",
             "annual_rate": "6.56%"},
            # Issued before 2011, three months long, matured before the notice: three conditions fail.
            {"bank": "西宁农商银行", "principal": "100万", "start_on": "2010-10-15", "end_on": "2011-02-14",
             "annual_rate": "6%"})
    for row, cells in enumerate(rows):
        for field, text in cells.items():
            fill_cell(qtbot, frame, "loan", row, field, text)
    note = table.table.item(1, len(table.columns)).text()
    assert note.startswith("✘ 不符合：")
    sentences = note.removeprefix("✘ 不符合：").split("；")
    assert sentences == ["贷款发放日 2010-10-15，要求不早于 2011-01-01",
                         "贷款期限 3 个月，要求不低于 6 个月",
                         "贷款到期日 2011-02-14，要求晚于 2011-12-07"], note
    # Nothing said twice: not the condition's label beside its finding, not the hint.
    assert "结果才会改变" not in note and "贷款期6个月以上" not in note and note.count("6 个月") == 1
    assert "✔ 符合" in table.table.item(0, len(table.columns)).text()
    # The note under the table does not list the loans' reasons again.
    below = frame.page_notes["loans"].text()
    assert "贷款期限" not in below and "结果才会改变" not in below, below
