"""Evaluate a programme's amount rules, spelling out the basis and applying caps."""

from __future__ import annotations

from decimal import Decimal

from desktop.facts import FACTS
from desktop.money import format_wan_with_unit, round_yuan
from desktop.rules.context import FactContext, loan_interest
from desktop.rules.model import Share
from desktop.rules.pack import CompiledAmount, CompiledProgramme
from desktop.rules.predicates import Outcome
from desktop.rules.results import AmountResult, Certainty, ShareFigure


class AmountConflictError(RuntimeError):
    """Two amount rules fired for one programme without a declared precedence."""


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def evaluate_amount(
    programme: CompiledProgramme, ctx: FactContext, eligible_items: list[int]
) -> tuple[AmountResult, set[str]]:
    """Return the amount and the facts it still needs."""
    firing: list[CompiledAmount] = []
    pending: list[CompiledAmount] = []
    for rule in programme.amounts:
        outcome = rule.when.evaluate(ctx) if rule.when else Outcome.PASS
        if outcome is Outcome.PASS:
            firing.append(rule)
        elif outcome is Outcome.UNKNOWN:
            pending.append(rule)
    overridden = {ref for rule in firing for ref in rule.source.overrides}
    firing = [r for r in firing if r.source.id not in overridden]
    if len(firing) > 1:
        raise AmountConflictError(
            f"{programme.id}: amount rules {[r.source.id for r in firing]} fire together")
    if not firing:
        needed = {f for r in pending if r.when for f in r.when.facts}
        basis = "；".join(r.source.basis for r in programme.amounts)
        return AmountResult(None, Certainty.ESTIMATE, f"金额取决于尚未填写的信息。{basis}"), needed
    return _compute(firing[0], ctx, eligible_items)


def _compute(
    rule: CompiledAmount, ctx: FactContext, eligible_items: list[int]
) -> tuple[AmountResult, set[str]]:
    src, n = rule.source, rule.numbers
    needed: set[str] = set()
    certainty: str = src.certainty or "exact"
    steps: list[str] = []
    amount: Decimal | None = None
    if src.fixed is not None:
        amount = n["fixed"]
    elif src.ratio:
        base = ctx.get(src.ratio.base)
        if base is None:
            needed.add(src.ratio.base)
        else:
            amount = round_yuan(base * n["rate"])
            steps.append(f"{FACTS[src.ratio.base].label} {format_wan_with_unit(base)} × "
                         f"{_pct(n['rate'])} = {format_wan_with_unit(amount)}")
    elif src.tiers:
        amount = _tiers(rule, ctx, needed, steps)
    elif src.top_up:
        base = ctx.get(src.top_up.base)
        received = ctx.get(src.top_up.received_rate)
        target = Decimal(src.top_up.target_rate)
        if base is None or received is None:
            needed |= {f for f, v in ((src.top_up.base, base),
                                      (src.top_up.received_rate, received)) if v is None}
        else:
            gap = max(Decimal(0), target - received)
            amount = round_yuan(base * gap)
            steps.append(f"{FACTS[src.top_up.base].label} {format_wan_with_unit(base)} × "
                         f"（{_pct(target)} − 已获 {_pct(received)}）= {format_wan_with_unit(amount)}")
    elif src.interest_subsidy:
        return _interest(rule, ctx, eligible_items)
    elif src.set_by_authority:
        if "range" in n:
            low, high = n["range"]
            amount, certainty = high, "upper_bound"
            steps.append(f"经评审确定，范围 {format_wan_with_unit(low)} 至 "
                         f"{format_wan_with_unit(high)}，此处列出上限")
        else:
            certainty = "set_by_authority"
    if amount is not None and src.less_received:
        received_amount = ctx.get(src.less_received)
        if received_amount is None:
            certainty = "estimate"
            steps.append(f"未扣除{FACTS[src.less_received].label}（未填写）")
        else:
            amount = max(Decimal(0), amount - received_amount)
            steps.append(f"扣除{FACTS[src.less_received].label} "
                         f"{format_wan_with_unit(received_amount)} 后为 {format_wan_with_unit(amount)}")
    yearly: Decimal | None = None
    years: Decimal | None = None
    if amount is not None and src.period:
        yearly, years = amount, ctx.get(src.period.years)
        amount = _over_period(yearly, years, src.period.years, needed, steps)
    if amount is not None and n.get("cap") is not None and amount > n["cap"]:
        amount = n["cap"]
        steps.append(f"超过上限，按 {src.cap} 计" if not src.period else f"累计超过上限，按 {src.cap} 计")
    if src.period:
        steps.append(src.period.reading)
    total: Decimal | None = None
    shares: tuple[ShareFigure, ...] = ()
    if amount is not None and src.split:
        total, shares = amount, _shares(src.split, amount)
        amount = next(s.yuan for s in shares if s.applicant)
        listed = "、".join(f"{s.recipient}{'（申请企业）' if s.applicant else ''} "
                           f"{format_wan_with_unit(s.yuan)}" for s in shares)
        steps.append(f"奖励总额 {format_wan_with_unit(total)}，其中：{listed}；"
                     f"列示金额为申请企业本身所得部分")
    if amount is None and certainty != "set_by_authority":
        certainty = "estimate"
    basis = src.basis + ("（" + "；".join(steps) + "）" if steps else "")
    return AmountResult(amount, Certainty(certainty), basis, rule.citation, src.id, total=total,
                        shares=shares, yearly=yearly, years=years), needed


def _shares(split: list[Share], total: Decimal) -> tuple[ShareFigure, ...]:
    return tuple(ShareFigure(s.recipient, Decimal(s.share), round_yuan(total * Decimal(s.share)),
                             s.applicant) for s in split)


def _over_period(yearly: Decimal, years: Decimal | None, years_fact: str, needed: set[str],
                 steps: list[str]) -> Decimal | None:
    """Yearly support over a span of ``years``: the cumulative sum, before any cap."""
    if years is None:
        needed.add(years_fact)
        steps.append(f"每年 {format_wan_with_unit(yearly)}；累计金额取决于"
                     f"{FACTS[years_fact].label}（未填写）")
        return None
    cumulative = round_yuan(yearly * years)
    steps.append(f"每年 {format_wan_with_unit(yearly)} × {FACTS[years_fact].label} "
                 f"{years.normalize():f} 年 = 累计 {format_wan_with_unit(cumulative)}")
    return cumulative


def constant_yuan(rule: CompiledAmount) -> tuple[bool, Decimal | None]:
    """``(True, yuan)`` when the rule's figure reads no fact, as :func:`_compute` would give it.

    Fixed sums, authority ranges (their upper bound) and interest subsidies without a ratio
    qualify unless something is deducted; the cap is applied.  The triage path uses this to
    skip building the basis text.
    """
    src, n = rule.source, rule.numbers
    if src.less_received:
        return False, None
    if src.fixed is not None:
        amount: Decimal | None = n["fixed"]
    elif src.set_by_authority:
        amount = n["range"][1] if "range" in n else None
    elif src.interest_subsidy and src.interest_subsidy.rate is None:
        return True, None  # no ratio in the text: whatever the loans, the authority decides
    else:
        return False, None
    cap = n.get("cap")
    if amount is not None and cap is not None and amount > cap:
        amount = cap
    return True, amount


def _tiers(rule: CompiledAmount, ctx: FactContext, needed: set[str], steps: list[str]
           ) -> Decimal | None:
    tiers = rule.source.tiers
    assert tiers is not None
    value = ctx.get(tiers.fact)
    previous = ctx.get(tiers.first_time_over) if tiers.first_time_over else Decimal(-1)
    if value is None or previous is None:
        needed |= {tiers.fact} | ({tiers.first_time_over} if tiers.first_time_over else set())
        return None
    reached = [(threshold, amount, text) for threshold, amount, text in rule.numbers["tiers"]
               if _tier_reached(previous, threshold, value, over=tiers.first_time_over is not None)]
    if not reached:
        steps.append("未达到任何档次")
        return Decimal(0)
    _, amount, text = max(reached, key=lambda tier: tier[0])
    verb = "首次超过" if tiers.first_time_over else "达到"
    steps.append(f"{FACTS[tiers.fact].label} {format_wan_with_unit(value)}，"
                 f"{verb}“{text}”档，奖励 {format_wan_with_unit(amount)}")
    assert isinstance(amount, Decimal)
    return amount


def _tier_reached(previous: Decimal, threshold: Decimal, value: Decimal, *, over: bool) -> bool:
    """``at_least`` tiers include the threshold; "首次超" tiers (``first_time_over``) exclude it.

    The exclusion matches :class:`desktop.rules.predicates.FirstCrossing`: 超/突破 a figure
    means going past it (docs/RULES.md, counting boundaries).
    """
    if over:
        return previous <= threshold < value
    return threshold <= value


def _interest(
    rule: CompiledAmount, ctx: FactContext, eligible_items: list[int]
) -> tuple[AmountResult, set[str]]:
    spec = rule.source.interest_subsidy
    assert spec is not None
    basis_days = 360 if spec.day_count == "actual/360" else 365
    loans = ctx.facts.loans or []
    total = Decimal(0)
    parts = []
    for index in eligible_items:
        interest = loan_interest(loans[index], basis_days)
        if interest is None:
            continue
        total += interest
        parts.append(f"贷款{index + 1} 利息 {format_wan_with_unit(interest)}")
    base_text = (f"符合条件贷款按日利率＝年利率/{basis_days}、实际天数计息，"
                 f"合计 {format_wan_with_unit(total)}（{'；'.join(parts) or '无符合条件的贷款'}）")
    if spec.rate is None:
        basis = f"{rule.source.basis}贴息基数：{base_text}。贴息比例文件未明确，由主管部门确定。"
        return AmountResult(None, Certainty.SET_BY_AUTHORITY, basis, rule.citation, rule.source.id), set()
    rate = Decimal(spec.rate)
    amount = round_yuan(total * rate)
    basis = f"{rule.source.basis}{base_text} × {_pct(rate)} = {format_wan_with_unit(amount)}"
    return AmountResult(amount, Certainty(rule.source.certainty or "exact"), basis, rule.citation,
                        rule.source.id), set()
