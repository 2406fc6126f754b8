"""What a county clerk sent back after drafting the three examples (issue 17, second reading).

Each test fails on the code before the fix: seal phrases, figures with their unit and file names
broken across lines, a 请示 without its 附件 list, one-line opinion boxes, a mangled citation.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from desktop.applications.io import read_application
from desktop.documents.drafting import draft
from desktop.documents.pdf import para
from desktop.rules.database import bundled_pack
from tests.documents.helpers import EXAMPLES, squashed_pdf_text

TECH = "application_tech_upgrade.json"
LOAN = "application_loan_interest.json"
RD = "application_rd_institution.json"
CREATED = {TECH: dt.datetime(2012, 3, 1, 9, 0), LOAN: dt.datetime(2011, 12, 10, 9, 0),
           RD: dt.datetime(2018, 6, 1, 9, 0)}


@pytest.fixture(scope="module")
def drafts() -> dict[str, dict[str, bytes]]:
    return {name: draft(read_application(EXAMPLES / name), bundled_pack(), CREATED[name]).documents
            for name in (TECH, LOAN, RD)}


def _lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple | list) else line.words
        out.append("".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words))
    return out


@pytest.mark.parametrize("phrase", ["（盖章）", "333,463.36元", "500.00万元", "00_申报文件.pdf",
                                    "03_项目建设目标责任书.pdf"])
def test_a_seal_mark_a_figure_with_its_unit_and_a_file_name_are_never_broken(phrase: str) -> None:
    for prefix in range(40):
        for width in (300.0, 442.0):  # each phrase fits on a line of these widths
            text = "字" * prefix + f"青海示例硅业有限公司：{phrase}，其后还有文字。"
            for style in ("body", "plain", "cell"):
                lines = _lines(para(text, style), width)
                assert "".join(lines) == text
                assert phrase in "|".join(lines), (prefix, width, lines)


def _line_texts(content: bytes) -> list[str]:
    return [line for page in PdfReader(io.BytesIO(content)).pages
            for line in page.extract_text().splitlines()]


def test_the_materials_list_keeps_each_file_name_on_one_line(drafts: dict[str, dict[str, bytes]]) -> None:
    for name, material in ((TECH, "05_申报材料清单.pdf"), (LOAN, "04_申报材料清单.pdf"),
                           (RD, "03_申报材料清单.pdf")):
        documents = drafts[name]
        lines = _line_texts(documents[material])
        for file in documents:
            if "清单" not in file:
                assert any(file in line for line in lines), (material, file, lines)


def test_the_seal_phrase_of_the_truth_pledge_is_whole(drafts: dict[str, dict[str, bytes]]) -> None:
    lines = _line_texts(drafts[RD]["02_申报材料真实性承诺书.pdf"])
    assert any(line.rstrip().endswith("（盖章）") for line in lines), lines
    assert not any(line.rstrip().endswith(("（盖", "（")) for line in lines)


def test_each_request_letter_lists_its_enclosures_before_the_seal(
        drafts: dict[str, dict[str, bytes]]) -> None:
    tech = squashed_pdf_text(drafts[TECH]["00_申报文件.pdf"])
    assert ("妥否，请批示。附件：1.项目申请报告书2.项目基本情况表3.项目固定资产购置清单"
            "4.项目建设目标责任书5.申报材料清单6.项目的核准或备案文件") in re.sub(r"—\d+—", "", tech)
    assert tech.index("附件：") < tech.index("青海示例硅业有限公司（盖章）")
    loan = re.sub(r"—\d+—", "", squashed_pdf_text(drafts[LOAN]["00_流动资金贷款贴息申请书.pdf"]))
    assert "附件：1.流动资金贷款贴息申请表2.流动资金贷款明细表" in loan
    assert "流动资金贷款贴息申请书" not in loan.split("附件：", 1)[1]  # the letter does not enclose itself


def _label_y(content: bytes, page: int, label: str) -> float:
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if label in text:
            found.append(cm[5])

    PdfReader(io.BytesIO(content)).pages[page].extract_text(visitor_text=visit)
    assert found, label
    return found[0]


def test_rd_opinion_boxes_give_writing_space_and_the_seal_names_the_company(
        drafts: dict[str, dict[str, bytes]]) -> None:
    content = drafts[RD]["01_研发机构奖励申请表.pdf"]
    pages = len(PdfReader(io.BytesIO(content)).pages)
    last = pages - 1
    county = _label_y(content, last, "推荐")
    city = _label_y(content, last, "审核")
    assert county - city >= 70, (county, city)  # about 25 mm a box, like the workbook's rows
    text = squashed_pdf_text(content)
    assert "申报单位：石家庄示例药业有限公司（盖章）" in text


def test_the_rd_citation_is_set_as_a_clerk_cites(drafts: dict[str, dict[str, bytes]]) -> None:
    for document in ("01_研发机构奖励申请表.pdf",):
        lines = "".join(_line_texts(drafts[RD][document]))
        assert "（石政发〔2017〕7号）附件31：“" in lines
        assert "） 附件" not in lines and "号） 附件 31）" not in lines
