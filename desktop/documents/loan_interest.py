"""The SME working-capital loan interest subsidy package (附件5 一、2).

Per-loan eligibility comes from the assessment itself (the ``loans[i].*`` condition lines),
and interest from the rule's own day-count basis, so the papers can never disagree with
what the dashboard said.  Where the text gives no subsidy ratio ("按一定的比例"), every
document says the ratio and the amount are set by the authority instead of inventing one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from desktop.documents.context import DraftContext
from desktop.documents.letter import request_letter
from desktop.documents.pdf import grid, para, paragraphs, spacer
from desktop.documents.text import form_date
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
from desktop.facts.model import Loan
from desktop.money import round_yuan, wan_with_unit
from desktop.rules.context import loan_interest
from desktop.rules.pack import CompiledProgramme
from desktop.rules.predicates import Outcome, all_of
from desktop.rules.results import OUTCOME_LABELS, CitedText, ConditionResult

SET_BY_AUTHORITY: Final = "由主管部门确定"  # the ratio or amount the text leaves to the authority
LETTER: Final = "00_流动资金贷款贴息申请书.pdf"
FORM: Final = "01_流动资金贷款贴息申请表.xlsx"
SCHEDULE: Final = "02_流动资金贷款明细表.xlsx"


@dataclass(frozen=True)
class InterestTerms:
    """The programme's interest rule: day-count basis, ratio (None: not in the text), source."""

    basis_days: int
    rate: Decimal | None
    basis: str
    citation: CitedText

    @property
    def method(self) -> str:
        return f"日利率＝年利率/{self.basis_days}，按实际天数计息"

    @property
    def ratio_text(self) -> str:
        """The stated ratio, or, where the text states none, who sets it: never a blank, never 0,
        never the user's own estimate (which is not part of the application)."""
        return f"{self.rate * 100:.2f}%" if self.rate is not None else SET_BY_AUTHORITY

    @property
    def ratio_source(self) -> str:
        return f"{self.basis}（{self.citation.clause}：“{self.citation.excerpt}”）"


@dataclass(frozen=True)
class LoanLine:
    number: int
    loan: Loan
    days: int | None
    interest: Decimal | None
    eligibility: Outcome
    reasons: tuple[str, ...]
    subsidy: Decimal | None


def interest_terms(ctx: DraftContext) -> InterestTerms:
    return programme_terms(ctx.programme)


def programme_terms(programme: CompiledProgramme) -> InterestTerms:
    """The interest rule of a loan-subsidy programme (the wizard shows it before any paper)."""
    terms = programme_terms_or_none(programme)
    assert terms is not None, programme.source.id
    return terms


def programme_terms_or_none(programme: CompiledProgramme) -> InterestTerms | None:
    """The interest rule, or None for a programme that computes no interest (a tech upgrade's 贴息
    contracts are checked line by line, their interest is the authority's to work out)."""
    rule = next((a for a in programme.amounts if a.source.interest_subsidy is not None), None)
    if rule is None:
        return None
    spec = rule.source.interest_subsidy
    assert spec is not None
    basis_days = 360 if spec.day_count == "actual/360" else 365
    return InterestTerms(basis_days, Decimal(spec.rate) if spec.rate is not None else None,
                         rule.source.basis, rule.citation)


def loan_lines(loans: list[Loan], conditions: list[ConditionResult],
               terms: InterestTerms | None) -> list[LoanLine]:
    """Each loan with its days, interest, its eligibility from the assessment and, if any, why not.

    Without interest terms (a programme that only checks the contracts) no interest is computed."""
    out = []
    for index, loan in enumerate(loans):
        own = [c for c in conditions if c.id.startswith(f"loans[{index}].")]
        # A loan with no condition lines was not assessed: never counted as eligible.
        eligibility = all_of([c.outcome for c in own]) if own else Outcome.UNKNOWN
        # One sentence per condition not met, with its figures ("贷款期限 4 个月，要求不低于 6 个月"):
        # the finding names what it measures, so neither the condition's label (which restates the
        # requirement) nor the hint (which restates it again) is repeated beside it.
        # A tech upgrade's 贴息 contract (no interest terms) is tested on this product's reading of
        # "2009年以后" as a date, so the policy's own sentence, with its clause, follows the figures.
        reasons = tuple((c.finding or c.label.split("：", 1)[-1])
                        + (f"（{c.citation.clause}：“{c.citation.excerpt}”）" if terms is None else "")
                        for c in own if c.outcome is not Outcome.PASS)
        interest = loan_interest(loan, terms.basis_days) if terms is not None else None
        days = (loan.end_on - loan.start_on).days if loan.start_on and loan.end_on else None
        subsidy = (round_yuan(interest * terms.rate) if eligibility is Outcome.PASS and interest is not None
                   and terms is not None and terms.rate is not None else None)
        out.append(LoanLine(index + 1, loan, days, interest, eligibility, reasons, subsidy))
    return out


@dataclass(frozen=True)
class LoanTotals:
    terms: InterestTerms
    lines: list[LoanLine]
    count: int
    eligible: int
    principal: Decimal
    eligible_principal: Decimal
    eligible_interest: Decimal
    subsidy: Decimal | None  # None: the ratio (so the amount) is the authority's to set


def totals(ctx: DraftContext) -> LoanTotals:
    """Every loan's line and the sums the form, the schedule, the letter and the pledge show."""
    terms = interest_terms(ctx)
    lines = loan_lines(ctx.application.loans, ctx.result.conditions, terms)
    passed = [line for line in lines if line.eligibility is Outcome.PASS]
    amount = ctx.result.amount
    return LoanTotals(
        terms=terms, lines=lines, count=len(lines), eligible=len(passed),
        principal=sum((line.loan.principal or Decimal(0) for line in lines), Decimal(0)),
        eligible_principal=sum((line.loan.principal or Decimal(0) for line in passed), Decimal(0)),
        eligible_interest=sum((line.interest or Decimal(0) for line in passed), Decimal(0)),
        # The engine's figure, so the form, the schedule and the dashboard agree to the fen.
        subsidy=amount.figure,
    )


def _subsidy_text(value: Decimal | None) -> str:
    return wan_with_unit(value) if value is not None else "由主管部门按规定比例核定"


def letter_pdf(ctx: DraftContext) -> bytes:
    app = ctx.application
    t = totals(ctx)
    rows = [["序号", "贷款银行", "合同编号", "期限", "本金", "利息"]]
    # Only the loans claimed are listed; amounts in 万元 where exact, else in 元 (never 33.346667万元).
    rows += [[str(line.number), line.loan.bank or "", line.loan.contract_no or "",
              f"{_date(line.loan.start_on)}至{_date(line.loan.end_on)}",
              wan_with_unit(line.loan.principal or Decimal(0)),
              wan_with_unit(line.interest or Decimal(0))]
             for line in t.lines if line.eligibility is Outcome.PASS]
    # A letter to the authority states the facts and the request; how the policy was read
    # (the ratio it leaves open, the day count) stays in the assessment and the schedule.
    request = (f"申请贴息{wan_with_unit(t.subsidy)}。" if t.subsidy is not None
               else "申请按规定比例给予贴息。")
    others = t.count - t.eligible
    # The loans not claimed are mentioned, never listed: the letter asks only for the others.
    aside = f"另有{others}笔不符合条件，未申请贴息。" if others else ""
    body = [
        para(f"根据{ctx.policy_reference}，我单位申请贴息的流动资金贷款共{t.eligible}笔，本金合计"
             f"{wan_with_unit(t.eligible_principal)}，利息合计{wan_with_unit(t.eligible_interest)}，"
             f"{request}{aside}"),
        spacer(2), grid(rows, (10, 24, 28, 38, 28, 28), right_align=(4, 5)), spacer(2),
        para("贷款用途及贴息资金使用说明：", "plain"), *paragraphs(app.loan_purpose or ""),
        para("现将流动资金贷款贴息申请表、贷款明细表等申报材料一并报上，贷款合同及借款凭证请金融机构"
             "核实。我单位对申报材料的真实性负责。"),
    ]
    return request_letter(ctx, "流动资金贷款贴息申请书", "关于申请流动资金贷款贴息的请示", body)


def _date(day: dt.date | None) -> str:
    return form_date(day)


def form_xlsx(ctx: DraftContext) -> bytes:
    app = ctx.application
    t = totals(ctx)
    terms = t.terms
    workbook, sheet = new_form("贴息申请表", "流动资金贷款贴息申请表", (26, 34, 22, 34), title_rows=2)
    merge_text(sheet, 2, 1, 4, f"填报日期：{form_date(app.prepared_on)}　　金额单位：万元")
    row = 3
    pairs = ctx.enterprise_rows()
    for left, right in zip(pairs[0::2], [*pairs[1::2], ("", "")], strict=False):
        for column, text in enumerate((*left, *right), start=1):
            put_text(sheet, row, column, text, header=column % 2 == 1)
        row += 1
    merge_text(sheet, row, 1, 4, "贷款及贴息情况", header=True)
    row += 1
    figures: list[tuple[str, Decimal | str]] = [
        ("贷款笔数 / 符合条件笔数", f"{t.count} 笔 / {t.eligible} 笔"),
        ("贷款本金合计", t.principal),
        ("符合条件贷款本金合计", t.eligible_principal),
        ("符合条件贷款利息合计", t.eligible_interest),
        ("计息方法", terms.method),
        # Where the policy states no ratio, the cells say who sets it (README, docs/DOCUMENTS.md).
        ("贴息比例", terms.ratio_text),
        ("申请贴息金额", t.subsidy if t.subsidy is not None else SET_BY_AUTHORITY),
        ("贷款用途", app.loan_purpose or ""),
        # The policy's own title and number: the product's programme label is not the clerk's.
        ("申请政策", ctx.policy_reference),
    ]
    for label, value in figures:
        put_text(sheet, row, 1, label, header=True)
        merge_cells(sheet, row, 2, row, 4)
        if isinstance(value, Decimal):
            put_amount(sheet, row, 2, value)
        else:
            put_text(sheet, row, 2, value)
        row += 1
    merge_text(sheet, row, 1, 2, "申报单位（盖章）：\n\n法定代表人（签字）：", height=60)
    merge_text(sheet, row, 3, 4, "所在地工业主管部门意见：\n\n（盖章）", height=60)
    return save_deterministic(workbook, ctx.created)


SCHEDULE_HEADERS: Final = ("序号", "贷款银行", "合同编号", "贷款种类", "发放日", "到期日", "计息天数",
                           "本金（万元）", "年利率", "利息（万元）", "是否符合", "不符合或待确认原因",
                           "贴息比例", "贴息金额（万元）")
# Printed after 利息 only when a loan gives it: the interest the enterprise has paid so far.  It is
# shown, never the basis: 附件5 一、2 says only “按一定的比例给予贴息支持”, and the rule computes
# on the contract-period interest (docs/DOCUMENTS.md).
PAID_HEADER: Final = "已付利息（万元）"


def schedule_headers(paid: bool) -> tuple[str, ...]:
    if not paid:
        return SCHEDULE_HEADERS
    at = SCHEDULE_HEADERS.index("利息（万元）") + 1
    return (*SCHEDULE_HEADERS[:at], PAID_HEADER, *SCHEDULE_HEADERS[at:])


def paid_total(lines: list[LoanLine]) -> Decimal | None:
    """已付利息 of the loans claimed, when every one of them gives it (a partial sum would mislead)."""
    passed = [line.loan.interest_paid for line in lines if line.eligibility is Outcome.PASS]
    if not passed or any(value is None for value in passed):
        return None
    return sum((value for value in passed if value is not None), Decimal(0))


def schedule_xlsx(ctx: DraftContext) -> bytes:
    t = totals(ctx)
    terms = t.terms
    paid = any(line.loan.interest_paid is not None for line in t.lines)
    headers = schedule_headers(paid)
    extra = 1 if paid else 0
    widths = (6, 16, 16, 12, 12, 12, 9, 12, 9, 12, *((12,) if paid else ()), 9, 36, 14, 14)
    workbook, sheet = new_form("贷款明细表", "流动资金贷款明细表", widths, title_rows=3, landscape=True)
    last = len(headers)
    merge_text(sheet, 2, 1, last, f"申报单位：{ctx.enterprise_name}　　计息方法：{terms.method}"
                                  f"　　贴息比例：{terms.ratio_text}")
    for column, header in enumerate(headers, start=1):
        put_text(sheet, 3, column, header, header=True)
    row = 4
    for line in t.lines:
        loan = line.loan
        put_text(sheet, row, 1, str(line.number), center=True)
        put_text(sheet, row, 2, loan.bank)
        put_text(sheet, row, 3, loan.contract_no)
        put_text(sheet, row, 4, choice_label(loan.kind) if loan.kind else "")
        put_text(sheet, row, 5, _date(loan.start_on), center=True)
        put_text(sheet, row, 6, _date(loan.end_on), center=True)
        put_number(sheet, row, 7, line.days)
        put_amount(sheet, row, 8, loan.principal)
        put_number(sheet, row, 9, loan.annual_rate, "0.00%")
        put_amount(sheet, row, 10, line.interest)
        if paid:
            put_amount(sheet, row, 11, loan.interest_paid)
        put_text(sheet, row, 11 + extra, OUTCOME_LABELS[line.eligibility], center=True)
        put_text(sheet, row, 12 + extra, "；".join(line.reasons))
        eligible = line.eligibility is Outcome.PASS
        put_text(sheet, row, 13 + extra, terms.ratio_text if eligible else "—", center=True)
        if line.subsidy is not None:
            put_amount(sheet, row, 14 + extra, line.subsidy)
        else:  # a loan not claimed has no subsidy; a claimed one's is the authority's to set
            put_text(sheet, row, 14 + extra, SET_BY_AUTHORITY if eligible else "—", center=True)
        row += 1
    merge_text(sheet, row, 1, 7, "合计（利息、贴息仅计符合条件的贷款）", header=True)
    put_amount(sheet, row, 8, t.principal, bold=True)
    put_text(sheet, row, 9, "")
    put_amount(sheet, row, 10, t.eligible_interest, bold=True)
    if paid:
        put_amount(sheet, row, 11, paid_total(t.lines), bold=True)
    put_text(sheet, row, 11 + extra, f"{t.eligible}笔符合", center=True)
    merge_text(sheet, row, 12 + extra, 13 + extra, "")
    if t.subsidy is not None:
        put_amount(sheet, row, 14 + extra, t.subsidy, bold=True)
    else:
        put_text(sheet, row, 14 + extra, SET_BY_AUTHORITY if t.eligible else "—", bold=True, center=True)
    # How interest is computed is in the heading (计息方法); where 是否符合 comes from is the
    # product's business, told in docs/DOCUMENTS.md, never printed on the paper.
    return save_deterministic(workbook, ctx.created)
