"""项目建设目标责任书, following the template of 附件3 附1 (001_41750fd7ee36e10e.txt) word for word.

The template's ＊＊＊ blanks are filled from the application; its fixed sentences are quoted
unchanged (tests/documents/test_pledge.py checks them against the policy text).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from desktop.documents import loan_interest
from desktop.documents.context import DraftContext
from desktop.documents.pdf import PdfDocument, columns, heading, page_break, para, paragraphs, spacer
from desktop.documents.text import chinese_date, chinese_year_month
from desktop.money import wan_and_upper, wan_with_unit

OPENING: Final = ("为确保工业经济平稳较快增长，加快项目建设，明确工作责任，强化资金管理，提高资金使用效率，"
                  "特签订此目标责任书。")
EARMARK: Final = "按照《{measures}》要求，该专项资金应专款专用，确保项目建设按期顺利完成，达到预期目标。"
# The figures blank "＊＊万元" is followed by the amount in 人民币大写, which the issue asks for.
# ``amount`` carries its unit: 500.00万元, or 333,463.36元 where two decimals of 万元 do not hold it.
GRANT: Final = ("根据{basis}文件和《{measures}》，下达给{enterprise}{project}{fund}资金{amount}"
                "（人民币{upper}），项目主要内容如下：")
DEFAULT_AUTHORITY: Final = "青海省经济委员会"
# Until the user enters the granted figure (after the grant), the figures stay a blank to fill on signing.
AMOUNT_BLANK: Final = "＿＿＿＿万元"
UPPER_BLANK: Final = "＿＿＿＿＿＿＿＿＿＿"
DATE_BLANK: Final = "　　　　年　　月　　日"


@dataclass(frozen=True)
class PledgeSubject:
    """What the template's project blanks hold for this kind of application."""

    project_name: str
    amount: Decimal | None  # None: not yet granted; the blank stays for signing
    content: str
    total: str


def pledge_subject(ctx: DraftContext) -> PledgeSubject:
    app = ctx.application
    terms = app.pledge
    assert terms is not None  # checked before drafting
    if app.kind == "loan_interest":
        t = loan_interest.totals(ctx)
        return PledgeSubject(
            "流动资金贷款贴息项目", terms.granted_amount,
            app.loan_purpose or "",
            f"符合贴息条件的流动资金贷款{t.eligible}笔，本金合计{wan_with_unit(t.eligible_principal)}")
    project = app.project
    assert project is not None and project.name  # checked before drafting
    total = wan_with_unit(project.total_investment) if project.total_investment is not None else ""
    # The pledge is signed after support is granted: what was requested is not what is granted.
    content = app.report.construction if app.report else ""
    return PledgeSubject(project.name, terms.granted_amount, content, total)


def pledge_pdf(ctx: DraftContext) -> bytes:
    app = ctx.application
    terms = app.pledge
    assert terms is not None  # checked before drafting
    subject = pledge_subject(ctx)
    authority = authority_name(ctx)
    # Signed after the grant: the date stays "年　月　日" until the user states the signing date.
    when = chinese_date(terms.signed_on) if terms.signed_on is not None else DATE_BLANK
    doc = PdfDocument(f"项目建设目标责任书：{subject.project_name}", "项目建设目标责任书", ctx.created,
                      cover=True)
    # The cover names what the pledge is about and who signs it, as a filed pledge is found by.
    doc.add(spacer(40), para("项目建设目标责任书", "cover_title"), spacer(16),
            para(f"项目名称：{subject.project_name}", "center"),
            para(f"项目业主单位：{ctx.enterprise_name}", "center"), spacer(56),
            para(authority, "center"),
            para(chinese_year_month(terms.signed_on) if terms.signed_on else DATE_BLANK, "center"))
    doc.add(page_break(), para(OPENING))
    enterprise = fill_blank(ctx.enterprise_name, "企业", ("公司", "厂", "集团", "企业"))
    amount = subject.amount
    # A loan subsidy has no project of its own: the fund's name says what it is for, so the
    # sentence reads "下达给某公司中小企业流动资金贷款贴息资金", not "…贴息项目中小企业…贴息资金".
    project = "" if app.kind == "loan_interest" else fill_blank(subject.project_name, "项目", ("项目",))
    fund = terms.fund_name.strip().removesuffix("资金")
    figure, upper = wan_and_upper(amount) if amount is not None else (AMOUNT_BLANK, UPPER_BLANK)
    # The template supplies the 《》; a name typed with its own marks would print 《《…》》.
    measures = terms.management_measures.strip().strip("《》")
    doc.add(para(GRANT.format(basis=ctx.policy_reference, measures=measures,
                              enterprise=enterprise, project=project, fund=fund,
                              amount=figure, upper=upper)))
    for label, text in (("项目建设内容", subject.content), ("项目总投资", subject.total),
                        ("项目主要经济技术指标", terms.indicators), ("建设周期", terms.construction_period)):
        doc.add(heading(label), *paragraphs(text))
    doc.add(para(EARMARK.format(measures=measures)))
    owner = f"项目业主单位：{ctx.enterprise_name}（盖章）"
    doc.sign(columns([(f"{authority}（盖章）", owner), (when, when)]), gap_mm=20)
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
