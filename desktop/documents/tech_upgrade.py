"""The technical-upgrade (and new-industry, SME fixed-asset) project package, 附件3 四（二）."""

from __future__ import annotations

from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from desktop.applications.checks import equipment_total
from desktop.applications.model import REPORT_SECTION_TITLES, SUPPORT_FORM_LABELS, ProjectDetails
from desktop.documents.context import DraftContext
from desktop.documents.letter import request_letter
from desktop.documents.loan_interest import LoanLine, loan_lines
from desktop.documents.pdf import PdfDocument, form, grid, heading, keep, page_break, para, paragraphs, spacer
from desktop.documents.text import chinese_year_month, form_date
from desktop.documents.xlsx import (
    merge_cells,
    merge_text,
    new_form,
    put_amount,
    put_number,
    put_text,
    save_deterministic,
)
from desktop.facts.labels import choice_label
from desktop.money import amount_and_upper, format_wan_exact, wan_with_unit
from desktop.reference.regions import full_name
from desktop.rules.predicates import Outcome

REPORT = "01_项目申请报告书.pdf"
BASIC_INFO = "02_项目基本情况表.xlsx"
EQUIPMENT = "03_项目固定资产购置清单.xlsx"
LETTER = "00_申报文件.pdf"
_NUMERALS = "一二三四五六七八九十"


def _wan(yuan: Decimal | None) -> str:
    return wan_with_unit(yuan) if yuan is not None else "未填写"


def investment_rows(ctx: DraftContext) -> list[tuple[str, Decimal]]:
    """The investment and financing figures (元) the report and the 基本情况表 both show.

    Sub-items are indented with full-width spaces, which both the PDF and the workbook keep.
    """
    app = ctx.application
    project, investment, financing = app.project, app.investment, app.financing
    assert project is not None and investment is not None and financing is not None
    sources = financing.requested_subsidy + financing.bank_loans + financing.self_raised
    return [
        ("项目总投资", project.total_investment or Decimal(0)),
        ("　　其中：设备购置费", investment.equipment),
        ("　　　　　建筑安装工程费", investment.construction),
        ("　　　　　其他费用", investment.other),
        ("资金筹措合计", sources),
        ("　　其中：申请专项资金", financing.requested_subsidy),
        ("　　　　　银行贷款", financing.bank_loans),
        ("　　　　　企业自筹", financing.self_raised),
    ]


def report_pdf(ctx: DraftContext) -> bytes:
    app = ctx.application
    project, report = app.project, app.report
    assert project is not None and report is not None
    contact = app.contact
    doc = PdfDocument(f"项目申请报告书：{project.name}", "项目申请报告书", ctx.created, cover=True)
    doc.add(spacer(24), para("项目申请报告书", "cover_title"), spacer(12),
            para(project.name or "", "title"), spacer(30),
            form([("申报单位（盖章）", ctx.enterprise_name),
                  ("法定代表人", contact.legal_representative or ""),
                  ("申请资金", fund_name(ctx)), ("政策依据", ctx.policy_reference),
                  ("联系人", contact.person), ("联系电话", contact.phone),
                  ("通信地址", contact.address or "")]),
            spacer(24), para(chinese_year_month(app.prepared_on), "center"), page_break())
    for index, (field, title) in enumerate(REPORT_SECTION_TITLES):
        doc.add(heading(f"{_NUMERALS[index]}、{title}"))
        if field == "enterprise_overview":
            doc.add(form(ctx.enterprise_rows()), spacer(3))
        doc.add(*paragraphs(getattr(report, field)))
        if field == "financing":
            # Each amount with its unit: 万元 where two decimals hold it, else exact 元.
            rows = [["项目", "金额"]]
            rows += [[label, wan_with_unit(yuan)] for label, yuan in investment_rows(ctx)]
            doc.add(keep(spacer(2), grid(rows, (100, 56), right_align=(1,))))  # a short table stays whole
            support = support_form_text(ctx)
            if support:
                doc.add(para(f"申请支持方式：{support}。"))
            contracts = interest_contracts(ctx)
            if contracts:
                principal = sum((line.loan.principal or Decimal(0) for line in contracts), Decimal(0))
                # A contract the text does not accept is counted, and said to fail, here too.
                failing = "、".join(str(line.number) for line in contracts
                                    if line.eligibility is Outcome.FAIL)
                caveat = f"，其中第{failing}笔不符合原文要求" if failing else ""
                doc.add(para(f"申请贴息的固定资产投资贷款合同{len(contracts)}笔，本金合计{_wan(principal)}{caveat}，"
                             f"逐笔见《项目基本情况表》。"))
        if field == "construction" and app.equipment:
            doc.add(para(f"主要设备购置{len(app.equipment)}项，合计{_wan(equipment_total(app))}，"
                         f"明细见《项目固定资产购置清单》。"))
    return doc.render()


# The policy gives no layout ("项目基本情况表（略）"), so the columns are ours; docs/DOCUMENTS.md
# says so.  The form itself prints only what belongs on it.


def _wan_or_blank(yuan: Decimal | None) -> str:
    return format_wan_exact(yuan) if yuan is not None else ""


def basic_info_xlsx(ctx: DraftContext) -> bytes:
    app = ctx.application
    project, contact = app.project, app.contact
    assert project is not None
    details = app.project_details or ProjectDetails()
    workbook, sheet = new_form("项目基本情况表", "项目基本情况表", (24, 36, 20, 26), title_rows=2)
    merge_text(sheet, 2, 1, 4, f"填报日期：{form_date(app.prepared_on)}　　金额单位：万元")
    rows: list[tuple[str, str, str, str] | tuple[str, str]] = [
        ("项目名称", project.name or "", "项目类别", choice_label(project.kind) if project.kind else ""),
        ("申报单位", ctx.enterprise_name, "统一社会信用代码", app.enterprise.uscc or ""),
        ("法定代表人", contact.legal_representative or "", "所在地区",
         full_name(app.enterprise.region_code) if app.enterprise.region_code else ""),
        ("建设地点", details.location or ""),
        ("所属领域", project.sector or "", "主要产品", project.product or ""),
        ("备案（核准）文号", details.filing_no or "", "环评批复文号", details.eia_no or ""),
        ("用地批复文号", details.land_no or "", "新增生产能力", details.new_capacity or ""),
        ("计划开工", form_date(project.start_on), "计划竣工", form_date(project.finish_on)),
        ("建设内容及规模", app.report.construction if app.report else ""),
    ]
    row = _pairs(sheet, 3, rows)
    merge_text(sheet, row, 1, 4, "投资及资金筹措", header=True)
    row += 1
    for label, yuan in investment_rows(ctx):
        put_text(sheet, row, 1, label, bold=not label.startswith("　"))
        merge_cells(sheet, row, 2, row, 4)
        put_amount(sheet, row, 2, yuan)
        row += 1
    merge_text(sheet, row, 1, 4, "经济效益", header=True)
    row += 1
    row = _pairs(sheet, row, [
        ("新增销售收入（万元/年）", _wan_or_blank(details.new_revenue),
         "新增利税（万元/年）", _wan_or_blank(details.new_profit_tax)),
        ("联系人", contact.person, "联系电话", contact.phone),
        ("通信地址", contact.address or ""),
        ("申请资金", requested_text(ctx)),
        ("申请支持方式", support_form_text(ctx)),
        ("资金名称及政策依据", f"{fund_name(ctx)}（{ctx.policy_reference}）"),
    ])
    contracts = interest_contracts(ctx)
    if contracts:
        merge_text(sheet, row, 1, 4, "申请贴息的贷款合同", header=True)
        row += 1
        for column, text in enumerate(("贷款银行", "合同编号", "本金（万元）", "签订日期"), start=1):
            put_text(sheet, row, column, text, header=True)
        row += 1
        for line in contracts:
            put_text(sheet, row, 1, line.loan.bank)
            put_text(sheet, row, 2, line.loan.contract_no)
            put_amount(sheet, row, 3, line.loan.principal)
            put_text(sheet, row, 4, form_date(line.loan.signed_on), center=True)
            row += 1
        # A contract the text does not accept is listed with the finding, never silently dropped.
        for line in contracts:
            if line.eligibility is Outcome.FAIL:
                merge_text(sheet, row, 1, 4, f"第{line.number}笔不符合：{'；'.join(line.reasons)}")
                row += 1
    # The date is filled at the top (填报日期); the signature line does not ask for it again.
    merge_text(sheet, row, 1, 4, "填报单位（盖章）：　　　　　　　　填表人（签字）：", height=48)
    return save_deterministic(workbook, ctx.created)


def support_form_text(ctx: DraftContext) -> str:
    """贴息 / 补助 / 奖励 as asked for (附件3 一（二）); blank, to fill by hand, when not given."""
    financing = ctx.application.financing
    if financing is None:
        return ""
    forms = [SUPPORT_FORM_LABELS[financing.support_form]] if financing.support_form else []
    if financing.interest_subsidy_requested and "贴息" not in forms:
        forms.append("贴息")
    return "、".join(forms)


def interest_contracts(ctx: DraftContext) -> list[LoanLine]:
    """The loan contracts of a project that asks for 贴息, each with the assessment's finding on
    what the text requires of it (附件3 四（二）5: signed 2009 or later); none for a grant."""
    app = ctx.application
    financing = app.financing
    if not app.loans or financing is None or not financing.asks_interest_subsidy:
        return []
    return loan_lines(app.loans, ctx.result.conditions, None)


def requested_text(ctx: DraftContext) -> str:
    """``500.00万元（人民币伍佰万元整）``: the amount applied for, in figures and in words."""
    project = ctx.application.project
    requested = project.requested_amount if project is not None else None
    return amount_and_upper(requested) if requested is not None else "未填写"


def _pairs(sheet: Worksheet, row: int, rows: list[tuple[str, str, str, str] | tuple[str, str]]) -> int:
    """Label/value pairs, two to a row; a single pair spans the row.  Returns the next free row."""
    for entry in rows:
        put_text(sheet, row, 1, entry[0], header=True)
        if len(entry) == 2:
            merge_text(sheet, row, 2, 4, entry[1])
        else:
            put_text(sheet, row, 2, entry[1])
            put_text(sheet, row, 3, entry[2], header=True)
            put_text(sheet, row, 4, entry[3])
        row += 1
    return row


def equipment_xlsx(ctx: DraftContext) -> bytes:
    app = ctx.application
    headers = ("序号", "设备名称", "规格型号", "单位", "数量", "单价（万元）", "金额（万元）", "供应商")
    workbook, sheet = new_form("固定资产购置清单", "项目固定资产购置清单", (6, 26, 20, 6, 8, 14, 14, 24),
                               title_rows=3)
    project_name = app.project.name if app.project is not None else ""
    merge_text(sheet, 2, 1, len(headers), f"项目名称：{project_name}　　申报单位：{ctx.enterprise_name}")
    for column, text in enumerate(headers, start=1):
        put_text(sheet, 3, column, text, header=True)
    row = 4
    for index, line in enumerate(app.equipment, start=1):
        put_number(sheet, row, 1, index)
        put_text(sheet, row, 2, line.name)
        put_text(sheet, row, 3, line.model)
        put_text(sheet, row, 4, line.unit, center=True)
        put_number(sheet, row, 5, line.quantity)
        put_amount(sheet, row, 6, line.unit_price)
        put_amount(sheet, row, 7, line.unit_price * line.quantity)
        put_text(sheet, row, 8, line.supplier)
        row += 1
    merge_text(sheet, row, 1, 6, "合计", header=True)
    put_amount(sheet, row, 7, equipment_total(app), bold=True)
    put_text(sheet, row, 8, "")
    merge_text(sheet, row + 1, 1, len(headers), "申报单位（盖章）：　　　　　　　　　　　　"
                                                "填报日期：　　　　年　　月　　日", height=40)
    return save_deterministic(workbook, ctx.created)


def fund_name(ctx: DraftContext) -> str:
    """The fund as the user's papers name it (责任书 ``fund_name``), not the product's programme label."""
    pledge = ctx.application.pledge
    name = pledge.fund_name if pledge is not None and pledge.fund_name else "专项"
    return name if name.endswith("资金") else f"{name}资金"


def letter_pdf(ctx: DraftContext) -> bytes:
    """申报文件（请示）, addressed to the office the user named, titled with the project."""
    project = ctx.application.project
    assert project is not None
    fund = fund_name(ctx)
    return request_letter(ctx, "申报文件", f"关于{project.name}申请{fund}的请示", [para(
        f"根据{ctx.policy_reference}，我单位{project.name}符合支持条件。项目总投资"
        f"{_wan(project.total_investment)}，申请{fund}{_wan(project.requested_amount)}。"
        "现将项目申请报告书、项目基本情况表、项目固定资产购置清单等申报材料一并报上，"
        "我单位对申报材料的真实性负责。")])
