"""我的申报: 新建, 打开, 复制, 重命名, 删除 (confirmation naming what is lost); 开始申报 twice
opens the same draft; the read-only sample offers no 开始申报."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from desktop.store.startup import OpenedStore
from desktop.ui.main_window import APPLICATIONS_ROW, DASHBOARD_ROW, MainWindow
from tests.ui.wizard.helpers import fill, open_wizard, type_text

pytestmark = pytest.mark.gui
PROGRAMME = "qh-2011-sme-loan-interest"
PROFILE = {"name": "青海示例机械制造有限公司", "region_code": "630104", "industry_code": "3442",
           "ownership": "private", "employees": "95", "revenue": "42000000", "assets": "36000000"}


def test_start_twice_opens_the_same_draft(qtbot: QtBot, opened: OpenedStore,
                                          window_for: Callable[[dict[str, str]], MainWindow]) -> None:
    window = window_for(PROFILE)
    first = open_wizard(window, PROGRAMME)
    dashboard = window.dashboard
    assert dashboard is not None
    fill(qtbot, first, "loan_purpose", "购买原材料")
    first_id = first.application_id
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(PROGRAMME)
    dashboard.detail.anchorClicked.emit(QUrl(f"apply:{PROGRAMME}"))
    second = window.wizards.frame
    assert second is not None and second.application_id == first_id
    assert second.inputs["loan_purpose"].answer() == "购买原材料"  # nothing typed was lost
    assert len(opened.store.list_applications()) == 1


def test_sample_shows_no_start(window_for: Callable[[dict[str, str]], MainWindow]) -> None:
    window = window_for(PROFILE)
    window._fill_profiles(select=None)  # the read-only 示例企业
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(dt.date(2018, 6, 1))
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme("sjz-2017-rd-institution")
    assert "开始申报" not in dashboard.detail.toPlainText()
    assert not window.applications.new_button.isEnabled()


def test_new_copy_rename_delete(qtbot: QtBot, opened: OpenedStore,
                                window_for: Callable[[dict[str, str]], MainWindow]) -> None:
    window = window_for(PROFILE)
    assert window.dashboard is not None
    window.dashboard.set_assessed_on(dt.date(2011, 12, 10))
    page = window.applications
    window.navigation.setCurrentRow(APPLICATIONS_ROW)
    page.kind_choice.setCurrentIndex(page.kind_choice.findData("loan_interest"))
    page.new_button.click()
    frame = window.wizards.frame
    assert frame is not None and frame.summary.kind == "loan_interest"
    frame.tables["loan"].add_button.click()
    window.navigation.setCurrentRow(APPLICATIONS_ROW)
    assert page.table.rowCount() == 1
    page.table.selectRow(0)
    page.copy_button.click()
    assert page.table.rowCount() == 2
    copies = [a for a in opened.store.list_applications() if a.title.endswith("（副本）")]
    assert len(copies) == 1 and len(opened.store.lines(copies[0].id, "loan")) == 1
    page.select(copies[0].id)
    page.rename_button.click()
    assert page.rename_edit.isVisible()
    page.rename_edit.clear()
    type_text(qtbot, page.rename_edit, "2012年贴息（备用）")
    qtbot.keyClick(page.rename_edit, Qt.Key.Key_Return)
    assert opened.store.application(copies[0].id).title == "2012年贴息（备用）"
    page.select(copies[0].id)
    page.delete_button.click()
    assert page.confirm.isVisible()
    assert "贷款 1 笔" in page.confirm_text.text() and "2012年贴息（备用）" in page.confirm_text.text()
    page.cancel_delete.click()
    assert len(opened.store.list_applications()) == 2
    page.select(copies[0].id)
    page.delete_button.click()
    page.confirm_delete.click()
    assert [a.id for a in opened.store.list_applications()] == [frame.application_id]
    page.select(frame.application_id)
    page.open_button.click()
    assert window.wizards.frame is not None and window.wizards.frame.application_id == frame.application_id
