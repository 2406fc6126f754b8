"""项目建设目标责任书, following the template of 附件3 附1 (001_41750fd7ee36e10e.txt) word for word.

The template's ＊＊＊ blanks are filled from the application; its fixed sentences are quoted
unchanged (tests/documents/test_pledge.py checks them against the policy text).
"""

from __future__ import annotations

from typing import Final

from desktop.documents.context import DraftContext
from desktop.documents.pdf import PdfDocument, columns, keep, page_break, para, paragraphs, spacer
from desktop.documents.text import chinese_year_month
from desktop.money import format_wan, rmb_upper

OPENING: Final = ("为确保工业经济平稳较快增长，加快项目建设，明确工作责任，强化资金管理，提高资金使用效率，"
                  "特签订此目标责任书。")
EARMARK: Final = "按照《{measures}》要求，该专项资金应专款专用，确保项目建设按期顺利完成，达到预期目标。"
# The figures blank "＊＊万元" is followed by the amount in 人民币大写, which the issue asks for.
GRANT: Final = ("根据{basis}文件和《{measures}》，下达给{enterprise}{project}{fund}资金{wan}万元"
                "（人民币{upper}），项目主要内容如下：")
DEFAULT_AUTHORITY: Final = "青海省经济委员会"


def pledge_pdf(ctx: DraftContext) -> bytes:
    app = ctx.application
    terms = app.pledge
    if terms is None:
        raise ValueError("pledge terms are checked before drafting")
    project = app.project
    amount = project.requested_amount if project is not None else None
    if project is None or amount is None or not project.name:
        raise ValueError("the project and its requested amount are checked before drafting")
    project_name = project.name
    authority = authority_name(ctx)
    when = chinese_year_month(app.prepared_on)
    doc = PdfDocument(f"项目建设目标责任书：{project_name}", "项目建设目标责任书", ctx.created,
                      cover=True)
    doc.add(spacer(40), para("项目建设目标责任书", "cover_title"), spacer(80),
            para(authority, "center"), para(when, "center"))
    doc.add(page_break(), para(OPENING))
    enterprise = fill_blank(ctx.enterprise_name, "企业", ("公司", "厂", "集团", "企业"))
    doc.add(para(GRANT.format(basis=ctx.policy_reference, measures=terms.management_measures,
                              enterprise=enterprise, project=fill_blank(project_name, "项目", ("项目",)),
                              fund=terms.fund_name, wan=format_wan(amount), upper=rmb_upper(amount))))
    total = f"{format_wan(project.total_investment)}万元" if project.total_investment is not None else ""
    content = app.report.construction if app.report is not None else ""
    for label, text in (("项目建设内容", content), ("项目总投资", total),
                        ("项目主要经济技术指标", terms.indicators), ("建设周期", terms.construction_period)):
        doc.add(para(label, "heading"), *paragraphs(text))
    doc.add(spacer(4), para(EARMARK.format(measures=terms.management_measures)), spacer(24))
    doc.add(keep(columns([(f"{authority}（盖章）", "项目业主单位（盖章）"), (when, when)])))
    return doc.render()


def fill_blank(name: str, word: str, endings: tuple[str, ...]) -> str:
    """The template's "＊＊＊企业" / "＊＊＊＊项目": add the word only when the name lacks it,
    so 某某有限公司 is not written 某某有限公司企业, nor 某某改造项目 as 某某改造项目项目."""
    return name if name.endswith(endings) else name + word


def authority_name(ctx: DraftContext) -> str:
    """The first seal block: the Qinghai template names 青海省经济委员会; elsewhere the route's head."""
    if ctx.document.region.startswith("63"):
        return DEFAULT_AUTHORITY
    route = ctx.result.route
    return route[0].submit_to if route else ctx.document.issuer
