"""What the wizard tells the user while they type, decided here, not in widgets.

* :func:`review` — a fresh assessment of this application and every problem, split into what
  blocks 生成 (the papers would be wrong or ``draft`` would refuse them) and warnings.
* :func:`equipment_rows` and :func:`loan_rows` — each table row's note and the running totals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.applications.answers import DraftState, field_value
from desktop.applications.checks import check_amounts_within_estimate, check_application
from desktop.applications.model import EquipmentLine
from desktop.documents.loan_interest import loan_lines, programme_terms_or_none
from desktop.documents.text import form_date
from desktop.money import format_wan, format_wan_with_unit
from desktop.office_input import InputError
from desktop.rules.engine import assess
from desktop.rules.pack import RulePack
from desktop.rules.predicates import Outcome
from desktop.rules.results import STATUS_LABELS, Assessment, CitedText, ProgrammeResult, Status


@dataclass
class Review:
    assessment: Assessment
    result: ProgrammeResult
    blocking: list[str]
    warnings: list[str] = field(default_factory=list)

    @property
    def can_generate(self) -> bool:
        return not self.blocking


def assessed_on(state: DraftState, today: dt.date | None = None) -> dt.date:
    return state.prepared_on or today or dt.date.today()


def review(state: DraftState, pack: RulePack, programme_id: str, *, on: dt.date | None = None,
           already_claimed: list[str] | None = None) -> Review:
    assessment = assess(pack, state.facts, on or assessed_on(state))
    result = assessment.result(programme_id)
    blocking = [f"{_where(k)}：{m}" for k, m in state.errors.items()]
    blocking += [f"未填写：{m}" for m in state.missing]
    warnings: list[str] = []
    if state.profile_errors:
        warnings += [f"企业信息 {k}：{m}（请在“企业信息”页改正）" for k, m in state.profile_errors.items()]
    if state.application is not None:
        blocking += check_application(state.application, result)
        blocking += check_amounts_within_estimate(state.application, result)
        if not state.application.contact.address:
            warnings.append("没有填写通信地址；主管部门邮寄通知时需要。")
        if not state.application.attachments:
            warnings.append("还没有附上任何材料文件；材料清单仍会生成，纸质材料须另行提交。")
    elif result.status is not Status.ELIGIBLE:
        blocking.append(f"自评结果为“{STATUS_LABELS[result.status]}”。")
    if result.wizard == "loan_interest":
        failing = [line for line in loan_rows_of(state, result, pack, programme_id)
                   if line[1] is Outcome.FAIL]
        if failing:
            warnings.append(f"有 {len(failing)} 笔贷款不符合条件，将在明细表中列为不符合并写明原因，"
                            "不计入贴息。")
    item_rules = pack.programme(programme_id).item_conditions
    loan_blocking, loan_warnings = tech_loan_review(state, result,
                                                    item_rules[0].citation if item_rules else None)
    blocking += loan_blocking
    warnings += loan_warnings
    for claim in already_claimed or []:
        warnings.append(f"本数据目录中已有申报“{claim}”使用了同一认定（文号相同）；同一认定一般只能奖励一次。")
    return Review(assessment, result, _unique(blocking), warnings)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _where(key: str) -> str:
    if key.startswith("loan["):
        index = int(key[5:key.index("]")])
        return f"贷款第 {index + 1} 行 {key.split('.', 1)[1]}"
    if key.startswith("equipment["):
        index = int(key[10:key.index("]")])
        return f"购置清单第 {index + 1} 行 {key.split('.', 1)[1]}"
    return key


# -- tables -----------------------------------------------------------------------------------------

def _number(model: type[EquipmentLine], name: str, text: str | None) -> Decimal | int | None:
    if not text or not text.strip():
        return None
    try:
        value = field_value(model, name, text)
    except InputError:
        return None
    return value if isinstance(value, Decimal | int) else None


def equipment_rows(rows: Sequence[Mapping[str, str]]) -> tuple[list[tuple[str, bool]], Decimal, str]:
    """Each row's amount (or what is wrong), the list's total, and the totals line."""
    notes: list[tuple[str, bool]] = []
    total = Decimal(0)
    for row in rows:
        quantity = _number(EquipmentLine, "quantity", row.get("quantity"))
        price = _number(EquipmentLine, "unit_price", row.get("unit_price"))
        if quantity is None or price is None:
            missing = "数量" if quantity is None else "单价"
            notes.append((f"{missing}未填写或写法有误", False))
            continue
        amount = Decimal(quantity) * Decimal(price)
        total += amount
        notes.append((f"{format_wan(amount)} 万元", True))
    line = f"共 {len(rows)} 行，合计 {total:,.2f} 元（{format_wan(total)} 万元）"
    return notes, total, line


def loan_rows_of(state: DraftState, result: ProgrammeResult, pack: RulePack,
                 programme_id: str) -> list[tuple[str, Outcome]]:
    terms = programme_terms_or_none(pack.programme(programme_id))
    loans = state.facts.loans or []
    out = []
    for line in loan_lines(loans, result.conditions, terms):
        loan = line.loan
        # A loan subsidy needs what the interest is computed from; a tech upgrade's 贴息 contract
        # what the text tests (its signing date, 附件3 四（二）5).
        needed = ((("本金", loan.principal), ("发放日", loan.start_on), ("到期日", loan.end_on),
                   ("年利率", loan.annual_rate)) if terms is not None
                  else (("本金", loan.principal), ("签订日期", loan.signed_on)))
        missing = [label for label, value in needed if value is None]
        own = any(c.id.startswith(f"loans[{line.number - 1}].") for c in result.conditions)
        if missing:
            out.append((f"待补充：{'、'.join(missing)}", Outcome.UNKNOWN))
        elif not own:
            out.append(("政策原文未对贷款合同规定条件，由主管部门审核", Outcome.UNKNOWN))
        elif line.eligibility is Outcome.PASS:
            interest = f"，利息 {format_wan_with_unit(line.interest)}" if line.interest is not None else ""
            when = f"{line.days} 天{interest}" if terms is not None else f"{form_date(loan.signed_on)}签订"
            out.append((f"✔ 符合（{when}）", Outcome.PASS))
        else:
            mark = "✘ 不符合" if line.eligibility is Outcome.FAIL else "？ 待确认"
            out.append((f"{mark}：{'；'.join(line.reasons)}", line.eligibility))
    return out


def loan_totals_line(state: DraftState, result: ProgrammeResult, pack: RulePack, programme_id: str,
                     assumed_ratio: Decimal | None) -> str:
    """The subsidy as the policy states it, and, separately labelled, the user's own estimate."""
    terms = programme_terms_or_none(pack.programme(programme_id))
    if terms is None:
        return loan_contracts_line(state, result)
    lines = loan_lines(state.facts.loans or [], result.conditions, terms)
    passed = [line for line in lines if line.eligibility is Outcome.PASS]
    interest = sum((line.interest or Decimal(0) for line in passed), Decimal(0))
    principal = sum((line.loan.principal or Decimal(0) for line in passed), Decimal(0))
    parts = [f"符合条件的贷款 {len(passed)} 笔，本金 {format_wan_with_unit(principal)}，"
             f"利息（{terms.method}）{format_wan_with_unit(interest)}。",
             f"贴息比例：{terms.ratio_text}（{terms.ratio_source}）。"]
    if result.amount.figure is not None:
        parts.append(f"按政策测算贴息：{format_wan_with_unit(result.amount.figure)}。")
    else:
        parts.append("贴息金额：由主管部门确定。")
    paid = [line.loan.interest_paid for line in passed if line.loan.interest_paid is not None]
    if paid:
        # Shown, never the basis: the text names no basis, the rule computes on the contract period.
        parts.append(f"已付利息（填写的 {len(paid)} 笔）{format_wan_with_unit(sum(paid, Decimal(0)))}，"
                     f"只列入贷款明细表，不作贴息计算基数：{terms.citation.clause}原文为"
                     f"“{terms.citation.excerpt}”，未规定以已付利息计算。")
    if assumed_ratio is not None and terms.rate is None:
        estimate = (interest * assumed_ratio).quantize(Decimal("0.01"))
        parts.append("〔自估，仅供参考，非政策规定，不写入申报材料〕"
                     f"按您假设的比例 {assumed_ratio * 100:.2f}% "
                     f"估算约 {format_wan_with_unit(estimate)}。")
    return "\n".join(parts)


def loan_contracts_line(state: DraftState, result: ProgrammeResult) -> str:
    """A tech upgrade's 贴息 contracts: how many, their principal, how many meet the text."""
    loans = state.facts.loans or []
    principal = sum((loan.principal or Decimal(0) for loan in loans), Decimal(0))
    checked = [i for i in range(len(loans))
               if any(c.id.startswith(f"loans[{i}].") for c in result.conditions)]
    passed = [line for line in loan_lines(loans, result.conditions, None) if line.eligibility is Outcome.PASS]
    text = f"贷款合同 {len(loans)} 笔，本金合计 {format_wan_with_unit(principal)}"
    if checked:
        text += f"；符合原文要求 {len(passed)} 笔"
    return text + "。"


def tech_loan_review(state: DraftState, result: ProgrammeResult,
                     requirement: CitedText | None = None) -> tuple[list[str], list[str]]:
    """(blocking, warnings) about a tech upgrade's loan contracts, by the support asked for;
    ``requirement`` is what the programme's text asks of them (its per-loan rules' citation)."""
    application = state.application
    if application is None or application.kind != "tech_upgrade":
        return [], []
    financing = application.financing
    asks = financing is not None and financing.asks_interest_subsidy
    loans = application.loans
    if not asks:
        return [], (["已填写贷款合同，但申请支持方式不是贴息：贷款合同不列入申报材料。"] if loans else [])
    if not loans:
        quoted = (f"{requirement.clause}原文为“{requirement.excerpt}”；" if requirement is not None else "")
        return [], [f"申请贴息，但没有填写贷款合同；{quoted}没有贷款合同的（如以贷款承诺函申请），"
                    "请在申报材料中附上相应文件。"]
    blocking = [f"贷款第 {i} 行：未填写签订日期（申请贴息须核对合同签订日期）"
                for i, loan in enumerate(loans, start=1) if loan.signed_on is None]
    lines = loan_lines(loans, result.conditions, None)
    failing = [line for line in lines if line.eligibility is Outcome.FAIL]
    warnings = [f"贷款第 {line.number} 行不符合：{'；'.join(line.reasons)}；该合同不能作为申请贴息的依据。"
                for line in failing]
    return blocking, warnings


def policy_choices(pack: RulePack, programme_id: str, fact: str) -> tuple[str, ...]:
    """The values a programme's own conditions accept for a fact (e.g. its 重点支持领域 list)."""
    try:
        programme = pack.programme(programme_id)
    except StopIteration:
        return ()
    for condition in programme.source.conditions:
        test = condition.test
        if test.get("fact") == fact and isinstance(test.get("in"), list):
            return tuple(str(v) for v in test["in"])
    return ()
