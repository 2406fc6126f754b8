"""Where the 请示 breaks: its 附件 list is never split and stays with the seal; a letter that runs a
little over one page is set tighter and fits (each example's 请示 rendered and read back by page)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from desktop.applications.io import read_application
from desktop.documents.drafting import draft
from desktop.rules.database import bundled_pack
from tests.documents.helpers import EXAMPLES, squash

TECH = ("application_tech_upgrade.json", "00_申报文件.pdf", dt.datetime(2012, 3, 1, 9, 0))
LOAN = ("application_loan_interest.json", "00_流动资金贷款贴息申请书.pdf", dt.datetime(2011, 12, 10, 9, 0))
TECH_ENCLOSED = ["1.项目申请报告书", "2.项目基本情况表", "3.项目固定资产购置清单", "4.项目建设目标责任书",
                 "5.申报材料清单", "6.项目的核准或备案文件"]
LOAN_ENCLOSED = ["1.流动资金贷款贴息申请表", "2.流动资金贷款明细表", "3.项目建设目标责任书", "4.申报材料清单",
                 "5.流动资金贷款合同及借款凭证（由金融机构核实）"]


def _pages(content: bytes) -> list[str]:
    pages = PdfReader(io.BytesIO(content)).pages
    return [re.sub(r"—\d+—", "", squash(page.extract_text())) for page in pages]


def _letter(example: tuple[str, str, dt.datetime], purpose: str | None = None) -> list[str]:
    name, letter, created = example
    app = read_application(EXAMPLES / name)
    if purpose is not None:
        app.loan_purpose = purpose
    return _pages(draft(app, bundled_pack(), created).documents[letter])


def _the_list_stays_with_the_seal(pages: list[str], enclosed: list[str], seal: str) -> None:
    last = pages[-1]
    assert seal in last
    assert "妥否，请批示。附件：" + "".join(enclosed) in last  # whole, on the seal's page
    assert all("附件：" not in page for page in pages[:-1])


def test_the_tech_request_fits_one_page_with_its_list_and_seal() -> None:
    pages = _letter(TECH)
    assert len(pages) == 1, pages  # it ran two lines of 附件 and the seal onto a page 2
    _the_list_stays_with_the_seal(pages, TECH_ENCLOSED, "青海示例硅业有限公司（盖章）")
    assert "抄送：西宁市城东区发展和改革局，西宁市城东区财政局。" in pages[0]


def test_the_loan_request_keeps_its_whole_list_with_the_seal_on_page_two() -> None:
    pages = _letter(LOAN)
    assert len(pages) == 2, pages  # too long to fit even set tighter
    _the_list_stays_with_the_seal(pages, LOAN_ENCLOSED, "青海示例机械制造有限公司（盖章）")
    assert pages[0].endswith("我单位对申报材料的真实性负责。"), pages[0][-60:]


@pytest.mark.parametrize("lines", range(0, 24, 3))
def test_whatever_the_length_the_list_is_never_split(lines: int) -> None:
    purpose = "\n".join(["贷款用于购买钢材、铸件等原材料和支付职工工资，保障订单生产。"] * lines)
    pages = _letter(LOAN, purpose or "贷款用于购买原材料。")
    _the_list_stays_with_the_seal(pages, LOAN_ENCLOSED, "青海示例机械制造有限公司（盖章）")
