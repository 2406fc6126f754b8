"""The R&D institution award package: the form with the award schedule, the 真实性承诺书."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop.applications.io import read_application
from desktop.documents.drafting import DraftError
from desktop.documents.rd_institution import PROMISES
from tests.documents.helpers import EXAMPLES, cell_texts, draft_example, sheet_of, squash, squashed_pdf_text

EXAMPLE = "application_rd_institution.json"
CREATED = dt.datetime(2018, 6, 1, 9, 0)


def _draft(application: Any = None) -> dict[str, bytes]:
    return draft_example(EXAMPLE, CREATED, application)


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return _draft()


def test_form_workbook_carries_the_institution_and_the_marked_schedule(documents: dict[str, bytes]) -> None:
    sheet = sheet_of(documents["01_研发机构奖励申请表.xlsx"])
    values = cell_texts(sheet)
    for expected in ("石家庄示例药业国家企业技术中心", "企业技术中心", "国家级", "2018年1月15日",
                     "发改高技〔2018〕123号", "86", "2100.00"):
        assert expected in values, expected
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 4).value == "本申报")
    schedule = [(sheet.cell(r, 1).value, sheet.cell(r, 3).value, sheet.cell(r, 4).value)
                for r in range(header + 1, header + 4)]
    assert schedule == [("国家级一次性奖励500万元。", 500, "适用"), ("省级一次性奖励100万元。", 100, None),
                        ("市级一次性奖励10万元。", 10, None)]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "申请奖励金额")
    assert sheet.cell(row, 2).value == pytest.approx(500) and sheet.cell(row, 2).number_format == "0.00####"
    assert sheet.page_setup.paperSize == 9 and sheet.print_title_rows == "$1:$2"


def test_form_pdf_quotes_the_clause_and_states_the_award(documents: dict[str, bytes]) -> None:
    text = squashed_pdf_text(documents["01_研发机构奖励申请表.pdf"])
    assert "申请奖励金额500.00万元" in text
    assert "分别给予500万元、100万元、10万元的一次性奖励" in text
    assert "研发机构建设与运行情况" in text and "博士12人" in text


def test_truth_pledge_lists_the_materials_and_the_promises(documents: dict[str, bytes]) -> None:
    text = squashed_pdf_text(documents["02_申报材料真实性承诺书.pdf"])
    for promise in PROMISES:
        assert squash(promise) in text
    assert "研发机构认定（建成）文件已提供" in text and "申报材料真实性承诺书待签章" in text
    assert "石家庄示例药业有限公司（盖章）" in text and "二〇一八年六月一日" in text


def test_materials_list_statuses(documents: dict[str, bytes]) -> None:
    sheet = sheet_of(documents["03_申报材料清单.xlsx"])
    rows = {sheet.cell(r, 2).value: sheet.cell(r, 3).value for r in range(4, sheet.max_row + 1)}
    assert rows == {"研发机构认定（建成）文件": "已提供", "研发机构基本情况（研发人员、研发经费）": "已提供",
                    "申报材料真实性承诺书": "待签章"}


def test_provincial_level_gets_the_provincial_line() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    app.institution.level = "provincial"  # type: ignore[union-attr]
    documents = _draft(app)
    assert "申请奖励金额100.00万元" in squashed_pdf_text(documents["01_研发机构奖励申请表.pdf"])
    values = cell_texts(sheet_of(documents["01_研发机构奖励申请表.xlsx"]))
    marked = values.index("适用")
    assert values[marked - 2] == "省级一次性奖励100万元。"


def test_recognition_before_the_policy_is_refused() -> None:
    app = read_application(EXAMPLES / EXAMPLE)
    app.institution.recognised_on = dt.date(2016, 12, 1)  # type: ignore[union-attr]
    with pytest.raises(DraftError, match="不符合"):
        _draft(app)


def test_authority_set_amount_is_said_plainly() -> None:
    """青海2013 links support to R&D spend without a figure: the form must not invent one."""
    app = read_application(EXAMPLES / EXAMPLE)
    app.programme_id = "qh-2013-rd-support"
    app.prepared_on = dt.date(2013, 6, 1)
    app.enterprise.region_code = "630104"
    documents = _draft(app)
    text = squashed_pdf_text(documents["01_研发机构奖励申请表.pdf"])
    assert "申请奖励金额由主管部门确定" in text and "500.00" not in text
