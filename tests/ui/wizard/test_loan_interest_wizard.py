"""The loan-subsidy wizard end to end, typed by hand: a Qinghai SME with two loans, from an
undetermined programme to an eligible one, to a bundle whose papers say what was typed."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.applications.stored import export_records
from desktop.rules.results import Status
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.main_window import DASHBOARD_ROW, MainWindow
from tests.ui.wizard.helpers import fill, fill_cell

pytestmark = pytest.mark.gui
PROGRAMME = "qh-2011-sme-loan-interest"
PROFILE = {"name": "青海示例机械制造有限公司", "uscc": "91630104MA753Q2P1D", "region_code": "630104",
           "industry_code": "3442", "ownership": "private", "employees": "95", "revenue": "42000000",
           "assets": "36000000"}



@pytest.fixture
def window(qtbot: QtBot, opened: OpenedStore) -> Iterator[MainWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    opened.store.set_setting(ROLE_SETTING, "enterprise")
    opened.store.create_profile(PROFILE)
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    assert shell.window is not None
    win = shell.window
    win._fill_profiles(select=opened.store.list_profiles()[0].id)
    yield win
    shell.close()


def test_loan_wizard_from_undetermined_to_bundle(qtbot: QtBot, window: MainWindow, opened: OpenedStore,
                                                 tmp_path: Path) -> None:
    dashboard = window.dashboard
    assert dashboard is not None
    dashboard.set_assessed_on(dt.date(2011, 12, 10))
    window.navigation.setCurrentRow(DASHBOARD_ROW)
    assert dashboard.select_programme(PROGRAMME)
    assert dashboard.current_result is not None
    assert dashboard.current_result.status is Status.UNDETERMINED
    assert "开始申报" in dashboard.detail.toPlainText()
    dashboard.detail.anchorClicked.emit(QUrl(f"apply:{PROGRAMME}"))
    frame = window.wizards.frame
    assert frame is not None
    assert frame.page_key == "loans"  # opened where the missing facts are asked

    # Two loans typed into the table; the second is too short and says why, live.
    table = frame.tables["loan"]
    table.add_button.click()
    table.add_button.click()
    for row, cells in enumerate((
            {"bank": "青海银行", "contract_no": "QH-2011-0615", "principal": "500万",
             "start_on": "2011-06-15", "end_on": "2012-06-15", "annual_rate": "6.56%"},
            {"bank": "西宁农商银行", "contract_no": "XN-2011-1015", "principal": "1,000,000",
             "start_on": "2011年10月15日", "end_on": "2012-03-14"})):
        for field, text in cells.items():
            fill_cell(qtbot, frame, "loan", row, field, text)
    notes = len(table.columns)
    assert "✔ 符合" in table.table.item(0, notes).text()
    assert "年利率" in table.table.item(1, notes).text()  # a missing rate is asked for, never shown as 0
    fill_cell(qtbot, frame, "loan", 1, "annual_rate", "6%")
    second = table.table.item(1, notes).text()
    assert "✘ 不符合" in second, second
    # The dashboard re-assessed with the loans: the programme is now eligible.
    assert dashboard.assessment is not None
    assert dashboard.assessment.result(PROGRAMME).status is Status.ELIGIBLE
    # 已付利息 is optional: typed for the first loan only, in 万.
    fill_cell(qtbot, frame, "loan", 0, "interest_paid", "12.5万")
    assert "✔ 符合" in table.table.item(0, notes).text()
    fill(qtbot, frame, "loan_purpose", "贷款用于购买钢材、铸件等原材料和支付职工工资。")

    frame.go_to_page("enterprise")
    fill(qtbot, frame, "contact_person", "李春梅")
    fill(qtbot, frame, "contact_phone", "0971-5123456")
    fill(qtbot, frame, "prepared_on", "2011年12月10日")
    frame.go_to_page("subsidy")
    note = frame.page_notes["subsidy"].text()
    assert "由主管部门确定" in note and "贴息金额" in note
    # Shown, never the basis: the text's own words say what the subsidy is on.
    assert "已付利息（填写的 1 笔）12.50 万元，只列入贷款明细表，不作贴息计算基数" in note, note
    assert "“2011年以来发生、贷款期6个月以上、尚未到期的流动资金贷款，按一定的比例给予贴息支持。”" in note
    fill(qtbot, frame, "assumed_ratio", "50%")
    note = frame.page_notes["subsidy"].text()
    assert "自估，仅供参考，非政策规定" in note
    frame.go_to_page("pledge")
    fill(qtbot, frame, "pledge_fund_name", "中小企业流动资金贷款贴息")
    fill(qtbot, frame, "pledge_management_measures", "青海省中小企业发展专项资金管理办法")
    fill(qtbot, frame, "pledge_indicators", "2012年实现销售收入4600万元。")
    fill(qtbot, frame, "pledge_construction_period", "2011年12月至2012年12月")
    frame.go_to_page("route")
    assert frame.inputs["route_submit_to"].answer()  # from the policy text

    frame.go_to_page("review")
    review = frame.review_view.toPlainText()
    assert "可以生成申报包" in review, review
    assert "有 1 笔贷款不符合条件" in review
    frame.folder.setText(str(tmp_path))
    with qtbot.waitSignal(frame.generated, timeout=60_000) as generated:
        frame.generate_button.click()
    bundle = generated.args[0]
    assert isinstance(bundle, Path) and bundle.exists()
    assert frame.open_folder.isVisible()
    records = export_records(opened.store)
    assert records and records[0].file == str(bundle) and records[0].rulepack.startswith("huiqi-builtin")

    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        schedule = next(n for n in names if n.endswith("02_流动资金贷款明细表.xlsx"))
        book = load_workbook(io.BytesIO(archive.read(schedule)))
        cells = [str(c.value) for row in book.active.iter_rows() for c in row if c.value is not None]
        assert "青海银行" in cells and "XN-2011-1015" in cells and any("不符合" in c for c in cells)
        sheet = book.active
        assert sheet["K3"].value == "已付利息（万元）" and sheet["K4"].value == pytest.approx(12.5)
        assert sheet["K5"].value is None  # not typed for the second loan: left blank
        assert any(c in ("500.00", "5000000", "500") or c.startswith("500") for c in cells)
        # The text states no ratio: the papers say who sets it; the 50% typed as a private estimate
        # is nowhere in them, and no ratio or subsidy cell is left blank.
        sheet = book.active
        # 已付利息 (K) shifts 贴息比例 and 贴息金额 to N and O.
        assert sheet["N4"].value == "由主管部门确定" and sheet["O4"].value == "由主管部门确定"
        assert not any("50.00%" in c or "50%" in c or "自估" in c for c in cells)
        form_name = next(n for n in names if n.endswith("贴息申请表.xlsx"))
        form = load_workbook(io.BytesIO(archive.read(form_name)))
        form_cells = [str(c.value) for row in form.active.iter_rows() for c in row if c.value is not None]
        assert form_cells.count("由主管部门确定") == 2 and not any("50" in c and "%" in c for c in form_cells)
        pledge = next(n for n in names if n.endswith("项目建设目标责任书.pdf"))
        text = _pdf_text(archive.read(pledge), tmp_path)
        assert "青海示例机械制造有限公司" in text and "中小企业流动资金贷款贴息" in text


def _pdf_text(content: bytes, tmp: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).replace("\n", "")
