"""导出记录 at the width of a 1366 px screen: the time, the hash's start and the pack show whole
(the frozen-app trial saw "2026-11-30 …" and "huiqi-built…")."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.applications.stored import ExportRecord
from desktop.ui.my_applications import ExportLogPage

pytestmark = pytest.mark.gui


def test_short_columns_show_whole_and_long_ones_share_the_rest(qtbot: QtBot) -> None:
    page = ExportLogPage()
    qtbot.addWidget(page)
    page.resize(968, 600)  # the page's share of a 1366 px window
    page.show_records([ExportRecord(
        "2026-11-30T21:05:09", 1, "青海省工业企业技术改造项目资金支持（2011）硅铁矿热炉节能技术改造项目",
        "/home/clerk/Documents/申报包/青海西川铁合金有限公司_青海省工业企业技术改造项目资金支持.zip",
        "05e9896eebf" + "0" * 53, "huiqi-builtin 2026.11.1")])
    page.show()
    qtbot.waitExposed(page)
    table = page.table
    for column in (0, 3, 4):
        text = table.item(0, column).text()
        needed = table.fontMetrics().horizontalAdvance(text)
        assert table.columnWidth(column) >= needed, (text, table.columnWidth(column), needed)
    assert table.horizontalScrollBar().maximum() == 0  # nothing pushed off to the right
