"""The self-assessment dashboard driven through its widgets, with the sample enterprise."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from desktop.facts import FactsFile
from desktop.facts.samples import SAMPLE_ASSESSED_ON, load_sample
from desktop.rules.database import bundled_pack
from desktop.rules.results import Status
from desktop.ui.assessment_table import ResultRole
from desktop.ui.dashboard import DashboardPage

pytestmark = pytest.mark.gui


@pytest.fixture
def dashboard(qtbot: QtBot) -> DashboardPage:
    page = DashboardPage(bundled_pack())
    qtbot.addWidget(page)
    page.set_assessed_on(SAMPLE_ASSESSED_ON)
    page.set_facts(load_sample())
    return page


def _visible_statuses(page: DashboardPage) -> dict[str, Status]:
    proxy = page.proxy
    return {proxy.data(proxy.index(row, 0), ResultRole).programme_id:
            proxy.data(proxy.index(row, 0), ResultRole).status for row in range(proxy.rowCount())}


def test_sample_enterprise_shows_its_award_first_with_the_amount(dashboard: DashboardPage) -> None:
    first = dashboard.proxy.index(0, 0)
    assert dashboard.proxy.data(first, ResultRole).programme_id == "sjz-2017-rd-institution"
    assert "可以申报" in dashboard.proxy.data(first)
    assert dashboard.proxy.data(dashboard.proxy.index(0, 4)) == "500.00"
    html = dashboard.detail.toPlainText()
    assert "本政策执行期内新认定" in html or "新认定" in html
    assert "500.00 万元" in html
    # Only the unemployment-insurance rate cut (ended 2018-04-30) has expired that day.
    assert "有 1 项政策已过期" in dashboard.banner.text()
    assert "均已过期" not in dashboard.banner.text()


def test_other_regions_hidden_by_default_and_shown_on_request(dashboard: DashboardPage) -> None:
    statuses = _visible_statuses(dashboard)
    assert statuses and all(pid.startswith("sjz-") for pid in statuses)
    dashboard.other_regions.setChecked(True)
    statuses = _visible_statuses(dashboard)
    assert statuses["qh-2011-sme-loan-interest"] is Status.NOT_APPLICABLE


def test_changing_the_date_reassesses_and_warns_when_everything_expired(
        dashboard: DashboardPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dashboard.assessed):
        dashboard.set_assessed_on(dt.date(2026, 11, 22))
    assert set(_visible_statuses(dashboard).values()) == {Status.EXPIRED}
    assert dashboard.banner.isVisibleTo(dashboard)
    assert "均已过期" in dashboard.banner.text() and "2026-11-22" in dashboard.banner.text()


def test_user_text_is_shown_literally(dashboard: DashboardPage) -> None:
    data = load_sample().model_dump(by_alias=True)
    data["enterprise"]["name"] = "<b>粗体</b> & <img src=x>"
    dashboard.set_facts(FactsFile.model_validate(data))
    assert dashboard.enterprise_label.text().endswith("<b>粗体</b> & <img src=x>")


def test_filters_by_status_and_by_kind(dashboard: DashboardPage) -> None:
    everything = _visible_statuses(dashboard)
    dashboard.status_filter.setCurrentIndex(dashboard.status_filter.findData(Status.ELIGIBLE))
    eligible = _visible_statuses(dashboard)
    assert eligible and set(eligible.values()) == {Status.ELIGIBLE}
    assert set(eligible) < set(everything)
    dashboard.status_filter.setCurrentIndex(0)
    dashboard.kind_filter.setCurrentIndex(dashboard.kind_filter.findData("rd_institution"))
    proxy = dashboard.proxy
    kinds = {proxy.data(proxy.index(row, 0), ResultRole).kind for row in range(proxy.rowCount())}
    assert kinds == {"rd_institution"}
    assert "sjz-2017-rd-institution" in _visible_statuses(dashboard)
    dashboard.kind_filter.setCurrentIndex(0)
    assert _visible_statuses(dashboard) == everything


def test_no_amount_once_the_award_has_expired(dashboard: DashboardPage, qtbot: QtBot) -> None:
    """The sample's 500万元 award is shown while in force; after 2020 it is expired, and neither
    the amount column nor the detail pane states a figure (the basis keeps the working)."""
    with qtbot.waitSignal(dashboard.assessed):
        dashboard.set_assessed_on(dt.date(2021, 6, 1))
    proxy = dashboard.proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.data(proxy.index(r, 0), ResultRole).programme_id == "sjz-2017-rd-institution")
    assert "已过期" in proxy.data(proxy.index(row, 0))
    assert proxy.data(proxy.index(row, 4)) == "—"
    dashboard.table.selectRow(row)
    qtbot.waitUntil(lambda: "已过期" in dashboard.detail.toPlainText())
    detail = dashboard.detail.toPlainText()
    assert "500.00 万元（" not in detail and "暂无金额" in detail
    assert "如适用时如何计算" in detail
