"""The working-capital loan interest package: per-loan eligibility, interest, ratio, pledge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.applications.io import read_application
from desktop.documents.drafting import DraftError
from desktop.documents.loan_interest import InterestTerms, loan_lines
from desktop.documents.pledge import OPENING
from desktop.rules.predicates import Outcome
from desktop.rules.results import CitedText, ConditionResult
from tests.conftest import ROOT
from tests.documents.helpers import (
    EXAMPLES,
    draft_example,
    libreoffice_convert,
    poppler_text,
    sheet_of,
    squash,
    squashed_pdf_text,
)

EXAMPLE = "application_loan_interest.json"
CREATED = dt.datetime(2011, 12, 10, 9, 0)
POLICY = squash((ROOT / "resources" / "policies" / "001_41750fd7ee36e10e.txt").read_text(encoding="utf-8"))


def _draft(application: Any = None) -> dict[str, bytes]:
    return draft_example(EXAMPLE, CREATED, application)


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return _draft()


def test_schedule_lists_each_loan_with_eligibility_interest_and_totals(documents: dict[str, bytes]) -> None:
    sheet = sheet_of(documents["02_流动资金贷款明细表.xlsx"])
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$3"
    assert sheet["L3"].value == "不符合或待确认原因" and sheet["N3"].value == "贴息金额（万元）"
    # Loan 1: 5,000,000 × 6.56% ÷ 360 × 366 days = 333,466.67 元.
    assert [sheet.cell(4, c).value for c in (2, 5, 6, 7, 11)] == \
        ["青海银行", "2011年6月15日", "2012年6月15日", 366, "符合"]
    # Exact: 333,466.67 元 is not 33.35 万元, and "33.346667" reads as a mistake: shown in 元.
    assert sheet["J4"].value == pytest.approx(333466.67) and sheet["J4"].number_format == '#,##0.00"元"'
    assert sheet["I4"].number_format == "0.00%" and sheet["H4"].number_format == "0.00####"
    # The text states no ratio: the claimed loan's ratio and subsidy say who sets them.
    assert sheet["M4"].value == "由主管部门确定" and sheet["N4"].value == "由主管部门确定"
    assert sheet["M5"].value == "—" and sheet["N5"].value == "—"  # a loan not claimed has none
    assert sheet["N6"].value == "由主管部门确定" and "贴息比例：由主管部门确定" in sheet["A2"].value
    # Loan 2 runs 2011-10-15 to 2012-03-14: under six months, and the schedule says so.
    assert sheet["K5"].value == "不符合" and "6 个月" in sheet["L5"].value and sheet["G5"].value == 151
    assert sheet["A6"].value.startswith("合计")
    # Principal of every loan; interest of the eligible one only.
    assert sheet["H6"].value == pytest.approx(600) and sheet["J6"].value == pytest.approx(333466.67)
    assert sheet["K6"].value == "1笔符合" and "结果才会改变" not in sheet["L5"].value
    # How interest is counted is in the heading; no software note under the table (issue 17).
    assert "年利率/360" in sheet["A2"].value and sheet.max_row == 6
    assert not any("自评" in str(c.value) or "说明" in str(c.value) for row in sheet.iter_rows() for c in row)


def test_a_stated_ratio_gives_each_eligible_loan_its_subsidy() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    cited = CitedText("f.txt", "一", "按50%贴息")
    terms = InterestTerms(360, Decimal("0.5"), "按50%贴息。", cited)
    conditions = [ConditionResult("loans[0].term", "贷款1：期限", Outcome.PASS, "", cited),
                  ConditionResult("loans[1].term", "贷款2：期限", Outcome.FAIL, "4 个月", cited)]
    first, second = loan_lines(app.loans, conditions, terms)
    assert first.interest == Decimal("333466.67") and first.subsidy == Decimal("166733.34")
    assert second.eligibility is Outcome.FAIL and second.subsidy is None
    assert second.reasons == ("4 个月",)
    assert terms.ratio_text == "50.00%"


def test_form_and_letter_say_the_ratio_is_the_authoritys(documents: dict[str, bytes]) -> None:
    values = [c.value for row in sheet_of(documents["01_流动资金贷款贴息申请表.xlsx"]).iter_rows()
              for c in row if c.value is not None]
    assert "2 笔 / 1 笔" in values and pytest.approx(333466.67) in values
    # 贴息比例 and 申请贴息金额: no ratio in the text, so the cells say who sets it (never blank, never 0).
    assert values.count("由主管部门确定") == 2 and 0 not in values
    # The policy's own title and number, not the product's programme label (issue 17).
    assert "《青海省人民政府办公厅转发省经委关于贯彻落实应对当前工业经济突出问题十项举措的实施意见和" \
           "省金融办金融支持工业经济平稳发展实施意见的通知》" in values
    assert not any(isinstance(v, str) and "（2011）" in v for v in values)
    assert "91630104MA753Q2P1D" in values
    letter = squashed_pdf_text(documents["00_流动资金贷款贴息申请书.pdf"])
    assert "西宁市经济和信息化委员会：" in letter and "所在州" not in letter
    # Only the loan claimed; the other mentioned, never listed; 元 where 万元 is not exact.
    assert "申请贴息的流动资金贷款共1笔，本金合计500.00万元" in letter and "利息合计333,466.67元" in letter
    assert "另有1笔不符合条件，未申请贴息。" in letter and "共2笔" not in letter and "33.346667" not in letter
    # No lecture on what the policy leaves open, no formula, no route note (issue 17).
    assert "申请按规定比例给予贴息。" in letter and "原文" not in letter and "360" not in letter
    assert "抄送" not in letter
    assert "QH-2011-0615" in letter and "XN-2011-1015" not in letter  # only eligible loans listed
    assert "按一定的比例给予贴息支持" in POLICY


def test_pledge_leaves_the_unset_amount_blank_and_fills_the_rest(documents: dict[str, bytes]) -> None:
    text = squashed_pdf_text(documents["03_项目建设目标责任书.pdf"])
    assert squash(OPENING) in text and "＊" not in text
    # The fund says what it is for: no "…贴息项目中小企业…贴息资金" (issue 17).
    assert "下达给青海示例机械制造有限公司中小企业流动资金贷款贴息资金＿＿＿＿万元" in text
    assert "贴息项目中小企业" not in text
    assert "项目业主单位：青海示例机械制造有限公司（盖章）" in text
    assert "符合贴息条件的流动资金贷款1笔，本金合计500.00万元" in text
    assert "二〇一一年十二月" not in text and text.count("年月日") == 3


def test_granted_amount_fills_the_pledge_figures() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    app.pledge.granted_amount = Decimal("100000.5")  # type: ignore[union-attr]
    text = squashed_pdf_text(_draft(app)["03_项目建设目标责任书.pdf"])
    assert "资金100,000.50元（人民币壹拾万元零伍角）" in text


def test_materials_list_counts_contract_and_pledge_as_provided(documents: dict[str, bytes]) -> None:
    sheet = sheet_of(documents["04_申报材料清单.xlsx"])
    rows = {sheet.cell(r, 2).value: sheet.cell(r, 3).value for r in range(4, sheet.max_row + 1)}
    # Loan 2 is not eligible, so not claimed: only loan 1's contract is due, and it is attached.
    assert rows == {"流动资金贷款合同及借款凭证（由金融机构核实）": "已提供",
                    "项目建设目标责任书（获得贴息后签订）": "待签章",
                    "流动资金贷款贴息申请书": "已提供", "流动资金贷款贴息申请表": "已提供",
                    "流动资金贷款明细表": "已提供"}
    where = {sheet.cell(r, 2).value: sheet.cell(r, 4).value for r in range(4, sheet.max_row + 1)}
    contract = where["流动资金贷款合同及借款凭证（由金融机构核实）"]
    assert "未附" not in contract and "第2笔贷款不符合条件，未申请贴息，无需附" in contract


def test_missing_purpose_and_pledge_terms_are_listed() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    app.loan_purpose = None
    app.pledge = None
    with pytest.raises(DraftError) as caught:
        _draft(app)
    problems = "\n".join(caught.value.problems)
    assert "贷款用途及贴息资金使用说明" in problems and "目标责任书内容" in problems


def test_no_eligible_loan_means_no_papers() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    app.loans = app.loans[1:]
    with pytest.raises(DraftError, match="不符合"):
        _draft(app)


def test_loan_text_stays_text_in_the_workbooks() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    app.loans[0].bank = "=HYPERLINK(\"http://x\")"
    app.loans[0].contract_no = "@SUM(A1)\x07"
    app.loan_purpose = "<b>用途</b> & 说明"
    documents = _draft(app)
    sheet = sheet_of(documents["02_流动资金贷款明细表.xlsx"])
    assert sheet["B4"].value == "=HYPERLINK(\"http://x\")" and sheet["B4"].data_type == "s"
    assert sheet["C4"].value == "@SUM(A1)" and sheet["C4"].data_type == "s"
    assert "<b>用途</b>&说明" in squashed_pdf_text(documents["00_流动资金贷款贴息申请书.pdf"])


def test_the_authoritys_ratio_prints_through_libreoffice(documents: dict[str, bytes], tmp_path: Path) -> None:
    """What a clerk prints: the ratio and subsidy cells read 由主管部门确定, not blanks."""
    names = ["01_流动资金贷款贴息申请表.xlsx", "02_流动资金贷款明细表.xlsx"]
    for name in names:
        (tmp_path / name).write_bytes(documents[name])
    libreoffice_convert([tmp_path / name for name in names], tmp_path / "out", tmp_path / "lo-profile")
    form = poppler_text(tmp_path / "out" / "01_流动资金贷款贴息申请表.pdf")
    schedule = poppler_text(tmp_path / "out" / "02_流动资金贷款明细表.pdf")
    assert form.count("由主管部门确定") == 2
    assert "贴息比例：由主管部门确定" in schedule and schedule.count("由主管部门确定") == 4
