"""Documents a county clerk accepts on first reading (issue 17; review of 2026-11).

One test (or more) per numbered problem of the issue, each failing on the code before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from desktop.applications.addressing import suggested_recipient
from desktop.applications.io import parse_application, read_application
from desktop.applications.model import ApplicationFile, Recipient
from desktop.documents import pledge, rd_institution
from desktop.documents.drafting import Draft, DraftError, draft
from desktop.documents.pdf import CANNOT_START_LINE, NO_TEXT_PAGE, para
from desktop.documents.xlsx import MAX_ROW_HEIGHT_PT
from desktop.money import rmb_upper, wan_and_upper
from desktop.rules.database import bundled_pack
from tests.documents.helpers import (
    EXAMPLES,
    libreoffice_convert,
    pdf_text,
    sheet_of,
    squash,
    squashed_pdf_text,
)

TECH = "application_tech_upgrade.json"
LOAN = "application_loan_interest.json"
RD = "application_rd_institution.json"
CREATED = {TECH: dt.datetime(2012, 3, 1, 9, 0), LOAN: dt.datetime(2011, 12, 10, 9, 0),
           RD: dt.datetime(2018, 6, 1, 9, 0)}


def _app(name: str) -> ApplicationFile:
    return read_application(EXAMPLES / name)


def _draft(name: str, app: ApplicationFile | None = None) -> Draft:
    return draft(app or _app(name), bundled_pack(), CREATED[name])


@pytest.fixture(scope="module")
def drafts() -> dict[str, Draft]:
    return {name: _draft(name) for name in (TECH, LOAN, RD)}


def _pages(content: bytes) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(io.BytesIO(content)).pages]


# ---- 1. Addressed to a real office; no internal notes or clause explanations ----------------

def test_letters_are_addressed_to_the_named_office_and_print_no_notes(drafts: dict[str, Draft]) -> None:
    tech = squashed_pdf_text(drafts[TECH].documents["00_申报文件.pdf"])
    loan = squashed_pdf_text(drafts[LOAN].documents["00_流动资金贷款贴息申请书.pdf"])
    assert "西宁市城东区经济和信息化局：" in tech and "西宁市经济和信息化委员会：" in loan
    for text in (tech, loan):
        for note in ("同级经（发、商）委", "所在州（地、市）", "报送路径", "附件3", "附件5", "原文",
                     "未规定", "按日利率", "抄送：无"):
            assert note not in text, note
    assert "关于硅铁矿热炉节能环保技术改造项目申请技术改造专项资金的请示" in tech
    truth = squashed_pdf_text(drafts[RD].documents["02_申报材料真实性承诺书.pdf"])
    assert "石家庄高新技术产业开发区经济发展局：" in truth and "主管部门：" not in truth


def test_without_a_recipient_the_letter_leaves_a_line_not_a_category() -> None:
    app = _app(TECH)
    app.recipient = None
    text = squashed_pdf_text(_draft(TECH, app).documents["00_申报文件.pdf"])
    assert "＿＿＿＿＿＿＿＿＿＿＿＿：" in text and "同级" not in text and "抄送" not in text


def test_the_route_is_the_suggested_recipient(drafts: dict[str, Draft]) -> None:
    suggested = suggested_recipient(drafts[TECH].context.result)
    assert suggested == Recipient(office="同级经（发、商）委（按管辖关系）",
                                  copy_to=["同级发改部门", "同级财政部门"])


# ---- 2. Seal blocks stay with their text ------------------------------------------------------

_SEAL = re.compile(r"[^（）。]{0,40}（盖章）|法定代表人（签字）：?|年月日|"
                   r"[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月(?:[一二三四五六七八九十]+日)?|—\d+—")


def _seal_only_pages(content: bytes) -> list[int]:
    """Pages whose text is nothing but seal lines, dates and the page number."""
    return [number for number, text in enumerate(_pages(content), start=1)
            if ("（盖章）" in text or "（签字）" in text) and not _SEAL.sub("", text)]


def test_no_pledge_page_holds_only_seals_whatever_the_text_length(drafts: dict[str, Draft]) -> None:
    base = drafts[TECH].context
    sentence = "改造后硅铁单位产品电耗不高于7600度/吨。"  # about one line at 3号
    # One line more each time, across the page boundary (a page holds 22 lines at 3号).
    for lines in range(0, 30):
        app = base.application.model_copy(deep=True)
        assert app.pledge is not None
        app.pledge.indicators = "\n".join([sentence] * (lines + 1))
        content = pledge.pledge_pdf(dataclasses.replace(base, application=app))
        assert _seal_only_pages(content) == [], lines


def test_no_rd_form_page_holds_only_seals_whatever_the_text_length(drafts: dict[str, Draft]) -> None:
    base = drafts[RD].context
    for lines in range(0, 28):
        app = base.application.model_copy(deep=True)
        app.institution_summary = "\n".join(["中心建有中试基地和检测平台，运行良好。"] * (lines + 1))
        content = rd_institution.form_pdf(dataclasses.replace(base, application=app))
        assert _seal_only_pages(content) == [], lines


def test_a_seal_after_a_paragraph_taller_than_a_page_never_stands_alone() -> None:
    from desktop.documents.pdf import PdfDocument

    seen_note = False
    # A paragraph too tall to keep with anything, ending line by line across the page foot.
    for lines in range(30, 50):
        doc = PdfDocument("t", "t", dt.datetime(2020, 1, 1))
        doc.add(para("正" * (28 * lines - 3) + "。"))
        doc.sign(para("某某公司（盖章）", "right"), para("二〇二〇年一月一日", "right"))
        content = doc.render()
        assert _seal_only_pages(content) == [], lines
        seen_note = seen_note or NO_TEXT_PAGE in pdf_text(content)
    assert seen_note  # at least one length needed the （此页无正文） page


# ---- 3. 小写 and 大写 agree; totals add up -----------------------------------------------------

_UPPER_DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UPPER_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def parse_rmb_upper(text: str) -> Decimal:
    """人民币大写 back to 元: the inverse a reader applies."""
    yuan_part, _, cents_part = text.partition("元") if "元" in text else ("", "", text)
    total = 0
    section = 0
    digit = 0
    for char in yuan_part:
        if char in _UPPER_DIGITS:
            digit = _UPPER_DIGITS[char]
        elif char in _UPPER_UNITS:
            section += digit * _UPPER_UNITS[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
    total += section + digit
    jiao = re.search(r"(.)角", cents_part)
    fen = re.search(r"(.)分", cents_part)
    cents = (_UPPER_DIGITS[jiao.group(1)] * 10 if jiao else 0) + \
        (_UPPER_DIGITS[fen.group(1)] if fen else 0)
    return Decimal(total) + Decimal(cents) / 100


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999_99))
def test_the_upper_case_read_back_equals_the_figure(cents: int) -> None:
    yuan = Decimal(cents) / 100
    wan, upper = wan_and_upper(yuan)
    assert parse_rmb_upper(upper) == yuan
    # The figure is exact, never rounded away: 万元 when two decimals hold it, else 元.
    figure = Decimal(wan.removesuffix("万元")) * 10_000 if wan.endswith("万元") \
        else Decimal(wan.removesuffix("元").replace(",", ""))
    assert figure == yuan
    assert wan.endswith("万元") == (cents % 10_000 == 0)


def test_a_non_round_grant_prints_the_same_amount_in_figures_and_words() -> None:
    app = _app(TECH)
    assert app.project is not None and app.financing is not None and app.pledge is not None
    app.project.requested_amount = app.financing.requested_subsidy = Decimal("4999950")
    app.financing.bank_loans = Decimal("15000025")
    app.financing.self_raised = Decimal("15000025")
    app.pledge.granted_amount = Decimal("4999950")
    documents = _draft(TECH, app).documents
    text = squashed_pdf_text(documents["04_项目建设目标责任书.pdf"])
    # Not exact at two decimals of 万元: printed in 元 (never "499.995万元"), 大写 of the same 元.
    assert f"资金4,999,950.00元（人民币{rmb_upper(Decimal('4999950'))}）" in text
    assert "资金500.00万元" not in text and "499.995" not in text
    report = squashed_pdf_text(documents["01_项目申请报告书.pdf"])
    sources = [Decimal(v.replace(",", "")) for v in
               re.findall(r"(?:申请专项资金|银行贷款|企业自筹)([\d,]+\.\d\d)元", report)]
    assert sources == [Decimal("4999950"), Decimal("15000025"), Decimal("15000025")]
    assert sum(sources) == Decimal("35000000") and "资金筹措合计3500.00万元" in report


# ---- 4. The pledge is a pledge ---------------------------------------------------------------

def test_the_pledge_leaves_amount_and_date_blank_until_granted(drafts: dict[str, Draft]) -> None:
    text = squashed_pdf_text(drafts[TECH].documents["04_项目建设目标责任书.pdf"])
    assert "资金＿＿＿＿万元（人民币＿＿＿＿＿＿＿＿＿＿）" in text and "资金500.00万元" not in text
    assert "二〇一二年三月" not in text and text.count("年月日") == 3


def test_a_granted_figure_and_signing_date_fill_the_pledge() -> None:
    app = _app(TECH)
    assert app.pledge is not None
    app.pledge.granted_amount = Decimal("4000000")
    app.pledge.signed_on = dt.date(2012, 6, 18)
    text = squashed_pdf_text(_draft(TECH, app).documents["04_项目建设目标责任书.pdf"])
    assert "资金400.00万元（人民币肆佰万元整）" in text
    assert text.count("二〇一二年六月十八日") == 2 and "二〇一二年六月" in text


# ---- 5. The checklist tells the truth ---------------------------------------------------------

def _checklist(documents: dict[str, bytes]) -> dict[str, tuple[str, str]]:
    name = next(n for n in documents if n.endswith("申报材料清单.xlsx"))
    sheet = sheet_of(documents[name])
    return {sheet.cell(r, 2).value: (sheet.cell(r, 3).value, sheet.cell(r, 4).value)
            for r in range(4, sheet.max_row + 1)}


def test_tech_checklist(drafts: dict[str, Draft]) -> None:
    rows = _checklist(drafts[TECH].documents)
    listed = rows["项目固定资产购置清单和合同"]
    assert listed[0] == "缺" and "合同未附" in listed[1]
    first = next(v for k, v in rows.items() if k.startswith("项目申请报告书"))
    assert first[0] == "已提供"
    assert "01_项目申请报告书.pdf" in first[1] and "02_项目基本情况表.xlsx" in first[1]
    loans = next(v for k, v in rows.items() if k.startswith("申请贴息的项目"))
    assert loans[0] == "不适用"  # a grant is asked for, although the project has bank loans
    assert rows["项目建设目标责任书（获得支持后与省经委签署）"][0] == "待签章"


def test_contracts_attached_make_the_list_item_provided_and_a_subsidy_request_makes_loans_due() -> None:
    app = _app(TECH)
    assert app.financing is not None
    app.attachments.append(app.attachments[0].model_copy(
        update={"material": "项目固定资产购置清单和合同", "path": "attachments/合同.pdf"}))
    app.financing.interest_subsidy_requested = True
    rows = _checklist(_draft(TECH, app).documents)
    assert rows["项目固定资产购置清单和合同"][0] == "已提供"
    assert next(v for k, v in rows.items() if k.startswith("申请贴息的项目"))[0] == "缺"


def test_each_loan_needs_its_contract() -> None:
    app = _app(LOAN)
    app.attachments.append(app.attachments[0].model_copy(update={"loan": 2, "path": "attachments/2.pdf"}))
    rows = _checklist(_draft(LOAN, app).documents)
    assert rows["流动资金贷款合同及借款凭证（由金融机构核实）"][0] == "已提供"


# ---- 6. Every character prints, or drafting is refused naming field and character --------------

def test_rare_characters_print_in_the_fallback_face(tmp_path: Path) -> None:
    app = _app(RD)
    app.contact.person = "王𫖯"
    app.enterprise.name = "石家庄𠀀鿏示例药业™有限公司"
    content = _draft(RD, app).documents["01_研发机构奖励申请表.pdf"]
    text = pdf_text(content)
    assert "王𫖯" in text and "石家庄𠀀鿏示例药业™有限公司" in text
    fonts = PdfReader(io.BytesIO(content)).pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("HanaMinB" in n for n in names) and any("DejaVuSans" in n for n in names)


def test_a_character_no_font_has_is_refused_with_field_and_character() -> None:
    app = _app(RD)
    app.contact.person = "王😀"
    with pytest.raises(DraftError) as caught:
        _draft(RD, app)
    assert any("contact.person" in p and "😀" in p and "U+1F600" in p for p in caught.value.problems)


# ---- 7. Control characters stripped, single-line fields on one line ----------------------------

def test_newlines_in_names_are_joined_on_import_and_before_drafting(drafts: dict[str, Draft]) -> None:
    data: dict[str, Any] = drafts[TECH].context.application.model_dump(mode="json", by_alias=True)
    data["enterprise"]["name"] = "青海示例\n硅业有限公司"
    data["contact"]["person"] = "王\r\n建国\u200b\u202e"
    imported = parse_application(data)
    assert imported.enterprise.name == "青海示例硅业有限公司" and imported.contact.person == "王建国"
    app = _app(TECH)
    app.enterprise.name = "青海示例\n硅业有限公司"  # set directly, as a wizard might
    letter = pdf_text(_draft(TECH, app).documents["00_申报文件.pdf"])
    assert "青海示例硅业有限公司（盖章）" in letter


# ---- 8. Long text never beyond 409 pt in a workbook ------------------------------------------

def test_long_text_goes_to_a_continuation_sheet_and_no_row_exceeds_409pt() -> None:
    app = _app(RD)
    long_text = "".join(f"第{i}段：研发中心持续开展关键技术攻关。" for i in range(1200)) + "全文终。"
    app.institution_summary = long_text
    content = _draft(RD, app).documents["01_研发机构奖励申请表.xlsx"]
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        heights = [d.height for d in sheet.row_dimensions.values() if d.height is not None]
        assert max(heights) <= MAX_ROW_HEIGHT_PT, sheet.title
    form, extra = workbook.worksheets
    assert any("全文见附页1" in str(c.value) for row in form.iter_rows() for c in row)
    assert extra.title == "附页" and extra.page_setup.paperSize == 9
    carried = "".join(str(extra.cell(r, 1).value) for r in range(3, extra.max_row + 1))
    assert squash(carried) == squash(long_text)


# ---- 9. Forms complete --------------------------------------------------------------------------

def test_basic_info_form_has_the_fields_a_clerk_expects(drafts: dict[str, Draft]) -> None:
    sheet = sheet_of(drafts[TECH].documents["02_项目基本情况表.xlsx"])
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    for label in ("建设地点", "备案（核准）文号", "环评批复文号", "用地批复文号", "新增生产能力",
                  "新增销售收入（万元/年）", "新增利税（万元/年）", "法定代表人", "建设内容及规模",
                  "资金筹措合计", "通信地址"):
        assert label in values, label
    assert "宁发改备〔2012〕12号" in values and "李海东" in values
    # The date is filled once, at the top, as people write it; the signature line asks no date.
    assert "填报日期：2012年3月1日　　金额单位：万元" in values
    sign = next(v for v in values if isinstance(v, str) and v.startswith("填报单位（盖章）"))
    assert "日期" not in sign and "年" not in sign
    # The amount applied for, in figures and words; the fund and the policy in their own row.
    assert "500.00万元（人民币伍佰万元整）" in values
    assert not any(isinstance(v, str) and ("本程序" in v or v.startswith("注：")) for v in values)
    assert not any(isinstance(v, str) and re.search(r"\d{4}-\d\d-\d\d", v) for v in values)
    assert "　　　　　建筑安装工程费" in values  # the sub-item keeps its indentation


def test_rd_form_quotes_clause_31_verbatim_with_upper_case_amount(drafts: dict[str, Draft]) -> None:
    policy = (EXAMPLES.parent / "resources" / "policies" / "004_52c42cf665b5c8c2.txt").read_text("utf-8")
    clause = ("对企业新认定（建成）的国家级、省级、市级企业技术中心、工程研究中心、工程实验室"
              "及工程技术研究中心、重点实验室分别给予500万元、100万元、10万元的一次性奖励。")
    assert clause in policy
    text = squashed_pdf_text(drafts[RD].documents["01_研发机构奖励申请表.pdf"])
    assert squash(clause) in text and "（政策原文）" not in text.replace("政策原文（", "")
    assert "500.00万元（人民币伍佰万元整）" in text
    values = [c.value for row in sheet_of(drafts[RD].documents["01_研发机构奖励申请表.xlsx"]).iter_rows()
              for c in row if c.value is not None]
    assert any(isinstance(v, str) and clause in v for v in values) and "人民币伍佰万元整" in values


# ---- 10. Typography ---------------------------------------------------------------------------

def _lines(paragraph: Paragraph, width: float) -> list[str]:
    """The text of each line reportlab sets (one-font paragraphs give (space, [text]) pairs)."""
    paragraph.wrap(width, 10_000)
    out = []
    for line in paragraph.blPara.lines:
        words = line[1] if isinstance(line, tuple | list) else line.words
        out.append("".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words))
    return out


def test_no_line_starts_with_closing_punctuation_nor_ends_with_an_opening_mark() -> None:
    sentence = "明细见《项目固定资产购置清单》。设备（含安装）。他说“好”，然后走了。"
    for prefix in range(0, 40):
        for width in (300.0, 442.0):
            lines = _lines(para("字" * prefix + sentence * 3), width)
            assert all(line[:1] not in CANNOT_START_LINE for line in lines[1:]), (prefix, lines)
            assert all(line[-1:] not in "（《“" for line in lines[:-1]), (prefix, lines)


def test_leading_full_width_spaces_indent_the_cell(drafts: dict[str, Draft]) -> None:
    indented = para("　　　　　建筑安装工程费", "plain")
    flush = para("项目总投资", "plain")
    assert indented.style.leftIndent == pytest.approx(5 * flush.style.fontSize)
    assert "建筑安装工程费" in _lines(indented, 300)[0]


def test_pdf_dates_are_the_bundles_created_time(drafts: dict[str, Draft]) -> None:
    for name, content in drafts[TECH].documents.items():
        if name.endswith(".pdf"):
            info = PdfReader(io.BytesIO(content)).metadata
            assert info is not None and info["/CreationDate"] == "D:20120301090000", name


def test_cover_has_seal_legal_representative_and_address(drafts: dict[str, Draft]) -> None:
    cover = _pages(drafts[TECH].documents["01_项目申请报告书.pdf"])[0]
    assert "申报单位（盖章）" in cover and "法定代表人李海东" in cover
    assert "通信地址西宁市城东区八一路88号" in cover
    assert "青海省工业企业技术改造项目资金支持（2011）" not in cover
    letter = squashed_pdf_text(drafts[TECH].documents["00_申报文件.pdf"])
    assert "通信地址：西宁市城东区八一路88号" in letter


def test_a_heading_never_ends_a_page() -> None:
    app = _app(RD)
    app.institution_summary = "".join(f"第{i}段：研发中心持续开展关键技术攻关。" for i in range(300))
    pages = _pages(_draft(RD, app).documents["01_研发机构奖励申请表.pdf"])
    holder = next(p for p in pages if "四、研发机构建设与运行情况" in p)
    assert "第0段" in holder  # the text starts under its heading, not on the next page
    tech = _app(TECH)
    assert tech.report is not None
    tech.report.construction = "\n".join(["对矿热炉实施全封闭改造，新建余热发电系统。"] * 30)
    for page in _pages(_draft(TECH, tech).documents["01_项目申请报告书.pdf"]):
        body = re.sub(r"—\d+—$", "", page)
        assert not re.search(r"[一二三四五六七八九]、[^。，]{2,12}$", body), body[-30:]


@pytest.mark.slow
def test_long_workbook_text_prints_in_full_through_libreoffice(tmp_path: Path) -> None:
    app = _app(RD)
    body = "".join(f"第{i}段：研发中心持续开展关键技术攻关。" for i in range(600))
    long_text = f"开头标记。{body}全文终。"
    app.institution_summary = long_text
    workbook = tmp_path / "form.xlsx"
    workbook.write_bytes(_draft(RD, app).documents["01_研发机构奖励申请表.xlsx"])
    libreoffice_convert([workbook], tmp_path / "out", tmp_path / "lo-profile")
    printed = squashed_pdf_text((tmp_path / "out" / "form.pdf").read_bytes())
    for marker in ("开头标记", "第300段", "第599段", "全文终", "全文见附页1"):
        assert marker in printed, marker


def test_a_measures_name_typed_with_its_own_title_marks_is_not_doubled() -> None:
    app = _app(TECH)
    assert app.pledge is not None
    app.pledge.management_measures = "《青海省技术改造专项资金管理办法》"
    text = squashed_pdf_text(_draft(TECH, app).documents["04_项目建设目标责任书.pdf"])
    assert "按照《青海省技术改造专项资金管理办法》要求" in text and "《《" not in text
