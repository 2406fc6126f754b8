"""The R&D institution award package: the application form (Excel and PDF) and the 真实性承诺书.

The award is the assessment's, and the form prints the programme's whole schedule (国家级,
省级, 市级 …) with the applicable line marked, so a reviewer sees the amount was not chosen
freely.  No policy text gives a wording for the 真实性承诺书; ours is kept plain and is
documented in docs/DOCUMENTS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from desktop.documents.context import DraftContext
from desktop.documents.letter import addressee
from desktop.documents.materials import STATUS_TEXT, material_statuses
from desktop.documents.pdf import (
    PdfDocument,
    columns,
    form,
    grid,
    heading,
    opinion_boxes,
    para,
    paragraphs,
    spacer,
)
from desktop.documents.text import chinese_date, form_date
from desktop.documents.xlsx import merge_text, new_form, put_amount, put_text, save_deterministic
from desktop.facts.labels import choice_label
from desktop.money import amount_and_upper, format_wan_exact, parse_amount_text, wan_and_upper

FORM_XLSX: Final = "01_研发机构奖励申请表.xlsx"
FORM_PDF: Final = "01_研发机构奖励申请表.pdf"
TRUTH_PLEDGE: Final = "02_申报材料真实性承诺书.pdf"
# What the form itself answers among the materials the rules list.
PROVIDES: Final = ("研发机构基本情况",)


def institution_rows(ctx: DraftContext) -> list[tuple[str, str]]:
    inst = ctx.application.institution
    assert inst is not None  # checked before drafting
    return [
        ("研发机构名称", inst.name or ""),
        ("机构类型", choice_label(inst.kind) if inst.kind else ""),
        ("认定级别", choice_label(inst.level) if inst.level else ""),
        ("认定（建成）日期", form_date(inst.recognised_on)),
        ("认定文件文号", inst.document_no or ""),
        ("认定单位", inst.authority or ""),
        ("研发人员（人）", str(inst.rd_staff) if inst.rd_staff is not None else ""),
        ("上年度研发经费支出（万元）", format_wan_exact(inst.rd_spend) if inst.rd_spend is not None else ""),
    ]


def award_text(ctx: DraftContext) -> str:
    """``500.00万元（人民币伍佰万元整）``: 小写 and 大写 from the same exact 元."""
    figure = ctx.result.amount.figure
    if figure is None:
        return "由主管部门确定"
    return amount_and_upper(figure)


@dataclass(frozen=True)
class ScheduleLine:
    basis: str
    yuan: Decimal | None  # None: the text names no figure
    applies: bool


def award_schedule(ctx: DraftContext) -> list[ScheduleLine]:
    """The programme's award schedule, one line per amount rule; the one that fired applies."""
    fired = ctx.result.amount.rule_id
    return [ScheduleLine(rule.source.basis,
                         parse_amount_text(rule.source.fixed) if rule.source.fixed else None,
                         rule.source.id == fired)
            for rule in ctx.programme.amounts]


# The schedule lines are the rule pack's summaries, so the column does not claim to be the text;
# the text itself is quoted word for word above the table (:func:`schedule_source`).
SCHEDULE_HEADERS: Final = ("奖励档次", "金额（万元）", "本申报")
OPINIONS: Final = ("所在县（市、区）主管部门推荐意见", "市主管部门审核意见")


def schedule_source(ctx: DraftContext) -> str:
    """The clause the schedule comes from, verbatim (第31条: "…分别给予500万元、100万元、10万元…"),
    cited as a clerk cites: 《title》（number）附件31：“…” (no stray spaces, no nested brackets)."""
    cited = ctx.result.amount.citation
    if cited is None:
        return f"政策原文：见{ctx.policy_reference}"
    return f"政策原文：{ctx.policy_reference}{_clause(cited.clause)}：“{cited.excerpt}”"


def _clause(clause: str) -> str:
    """``附件 31`` -> ``附件31``: a clause reference set solid, as Chinese text sets it."""
    return "".join(clause.split())


def _schedule_table(ctx: DraftContext) -> list[list[str]]:
    return [list(SCHEDULE_HEADERS)] + [
        [line.basis, format_wan_exact(line.yuan) if line.yuan is not None else "由主管部门确定",
         "适用" if line.applies else ""] for line in award_schedule(ctx)]


def _citation(ctx: DraftContext) -> str:
    cited = ctx.result.amount.citation
    if cited is None:
        return ctx.policy_reference
    return f"{ctx.policy_reference}{_clause(cited.clause)}：“{cited.excerpt}”"


def form_pdf(ctx: DraftContext) -> bytes:
    app = ctx.application
    doc = PdfDocument(f"研发机构奖励申请表：{ctx.enterprise_name}", "研发机构奖励申请表", ctx.created)
    doc.add(para("研发机构奖励申请表", "title"), para(f"申报政策：{ctx.result.title}", "plain"), spacer(3),
            heading("一、申报单位"), form(ctx.enterprise_rows()),
            heading("二、研发机构"), form(institution_rows(ctx)),
            heading("三、奖励标准与申请金额"), para(schedule_source(ctx), "plain"), spacer(2),
            grid(_schedule_table(ctx), (100, 36, 20), right_align=(1,)),
            spacer(2), form([("申请奖励金额", award_text(ctx))]))
    if app.institution_summary:
        doc.add(heading("四、研发机构建设与运行情况"), *paragraphs(app.institution_summary))
    # The authorities' opinion boxes follow the applicant's seal, as on a printed form, and stay
    # with it: a page of opinion boxes alone is a page of seals alone.
    # The opinion boxes give room to write, as the workbook's 60 pt rows do.
    # One line each, so the company's name is never broken by a half-width column.
    doc.sign(columns([(f"申报单位：{ctx.enterprise_name}（盖章）",), ("法定代表人（签字）：",),
                      (chinese_date(app.prepared_on),)]),
             spacer(6), opinion_boxes(OPINIONS))
    return doc.render()


def form_xlsx(ctx: DraftContext) -> bytes:
    app = ctx.application
    workbook, sheet = new_form("研发机构奖励申请表", "研发机构奖励申请表", (28, 60, 14, 10), title_rows=2)
    merge_text(sheet, 2, 1, 4, f"填报日期：{form_date(app.prepared_on)}　　金额单位：万元")
    row = 3
    for title, rows in (("申报单位", ctx.enterprise_rows()), ("研发机构", institution_rows(ctx))):
        merge_text(sheet, row, 1, 4, title, header=True)
        row += 1
        for label, value in rows:
            put_text(sheet, row, 1, label, header=True)
            merge_text(sheet, row, 2, 4, value)
            row += 1
    merge_text(sheet, row, 1, 4, "奖励标准与申请金额", header=True)
    row += 1
    merge_text(sheet, row, 1, 4, schedule_source(ctx))
    row += 1
    merge_text(sheet, row, 1, 2, SCHEDULE_HEADERS[0], header=True)
    put_text(sheet, row, 3, SCHEDULE_HEADERS[1], header=True)
    put_text(sheet, row, 4, SCHEDULE_HEADERS[2], header=True)
    row += 1
    for line in award_schedule(ctx):
        merge_text(sheet, row, 1, 2, line.basis)
        if line.yuan is not None:
            put_amount(sheet, row, 3, line.yuan)
        else:
            put_text(sheet, row, 3, "由主管部门确定")
        put_text(sheet, row, 4, "适用" if line.applies else "", center=True)
        row += 1
    figure = ctx.result.amount.figure
    put_text(sheet, row, 1, "申请奖励金额", header=True)
    if figure is not None:  # the figure in 万元 and, beside it, the 大写 of the same 元
        put_amount(sheet, row, 2, figure, bold=True)
        merge_text(sheet, row, 3, 4, f"人民币{wan_and_upper(figure)[1]}")
    else:
        merge_text(sheet, row, 2, 4, award_text(ctx))
    row += 1
    if app.institution_summary:
        put_text(sheet, row, 1, "研发机构建设与运行情况", header=True)
        merge_text(sheet, row, 2, 4, app.institution_summary)
        row += 1
    for title in OPINIONS:
        put_text(sheet, row, 1, title, header=True)
        merge_text(sheet, row, 2, 4, "\n\n（盖章）　　　　年　　月　　日", height=60)
        row += 1
    merge_text(sheet, row, 1, 4, "申报单位（盖章）：　　　　　　法定代表人（签字）：\n\n"
                                 "　　　　　　　　　　　　　　　　　　　　年　　月　　日", height=60)
    return save_deterministic(workbook, ctx.created)


PROMISES: Final = (
    "一、所提交的全部申报材料（见下表）内容真实、准确、完整，复印件与原件一致，不存在虚报、伪造、隐瞒等情况。",
    "二、所申报的研发机构及其认定（建成）文件真实有效，研发人员、研发经费等数据与单位账册一致。",
    "三、如有不实，本单位愿承担相应的法律责任，并退回已获得的全部奖励资金。",
)


def truth_pledge_pdf(ctx: DraftContext) -> bytes:
    app = ctx.application
    inst = app.institution
    assert inst is not None
    doc = PdfDocument(f"申报材料真实性承诺书：{ctx.enterprise_name}", "申报材料真实性承诺书", ctx.created)
    rows = [["序号", "材料名称", "状态"]]
    rows += [[str(i), m.name, STATUS_TEXT[m.status]] for i, m in enumerate(material_statuses(ctx), start=1)]
    doc.add(para("申报材料真实性承诺书", "title"), spacer(2), para(f"{addressee(ctx)}：", "plain"),
            para(f"本单位{ctx.enterprise_name}依据{ctx.policy_reference}申报{ctx.result.title}，"
                 f"所涉研发机构为{inst.name or '（未填写名称）'}。现郑重承诺："),
            *(para(text) for text in PROMISES), spacer(2), grid(rows, (14, 118, 24)))
    doc.sign(columns([("法定代表人（签字）：", f"{ctx.enterprise_name}（盖章）"),
                      ("", chinese_date(app.prepared_on))]))
    return doc.render()
