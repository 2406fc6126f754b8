"""The eligibility engine: every programme of a pack, condition by condition, with reasons.

Status precedence: another region -> ``not_applicable``; outside the validity period ->
``expired`` / ``not_yet_effective``; otherwise any failed condition -> ``ineligible``,
any unknown -> ``undetermined``, and only all-pass -> ``eligible``.  Conditions are still
evaluated for expired programmes so the user sees where they would have stood.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from desktop.facts import FACTS, FactsFile
from desktop.reference import regions
from desktop.rules.amounts import evaluate_amount
from desktop.rules.context import FactContext
from desktop.rules.pack import (
    CompiledBlock,
    CompiledCondition,
    CompiledProgramme,
    ProgrammeInRegion,
    RulePack,
)
from desktop.rules.predicates import Outcome, Predicate, all_of, any_of
from desktop.rules.results import (
    NO_MONEY_STATUSES,
    STATUS_LABELS,
    AmountResult,
    Assessment,
    Certainty,
    CitedText,
    ConditionResult,
    MissingFact,
    ProgrammeResult,
    RouteResult,
    Status,
)

REGION_CONDITION_ID = "region"
LOANS_FACT = "loans"
LOANS_QUESTION = "请逐笔填写流动资金贷款合同（银行、金额、发放日、到期日、年利率）。"


def assess(pack: RulePack, facts: FactsFile, on: dt.date, *, explain: bool = True) -> Assessment:
    ctx = FactContext(facts, on)
    results: list[ProgrammeResult] = []
    for programme, (known, region, blocks) in zip(
            pack.programmes, _in_region(pack, facts.enterprise.region_code, explain), strict=True):
        if known is not programme:  # the pack's list was changed since: work it all out
            results.append(assess_programme(pack, programme, ctx, explain=explain))
        elif region.outcome is Outcome.FAIL:
            results.append(_other_region_result(programme, region, ctx, explain))
        else:
            results.append(_assess_programme(programme, ctx, explain, region, blocks))
    size = ctx.size()
    return Assessment(
        assessed_on=on,
        rulepack=pack.identity,
        enterprise_name=facts.enterprise.name or "",
        uscc=facts.enterprise.uscc or "",
        size_class=size.size_class or "unknown",
        size_explanation=size.explanation,
        results=results,
    )


def _missing_inputs(paths: Iterable[str], ctx: FactContext, item: int | None = None
                    ) -> list[str]:
    """Expand derived facts into the user-entered facts that are still empty."""
    found: list[str] = []
    for path in paths:
        spec = FACTS[path]
        if spec.is_derived:
            found += _missing_inputs(spec.inputs, ctx, item)
        elif ctx.get(path) is None:
            found.append(f"loans[{item}].{path[5:]}" if path.startswith("loan.") else path)
    return list(dict.fromkeys(found))


def _question(fact: str) -> str:
    if fact == LOANS_FACT:
        return LOANS_QUESTION
    if fact.startswith("loans["):
        index, name = fact[6:].split("].", 1)
        return f"贷款{int(index) + 1}：{FACTS['loan.' + name].question}"
    return FACTS[fact].question


def _evaluate_condition(
    condition: CompiledCondition, ctx: FactContext, explain: bool, label_prefix: str = "",
    id_prefix: str = "",
) -> ConditionResult | None:
    if condition.when is not None:
        guard = condition.when.evaluate(ctx)
        if guard is Outcome.FAIL:
            return None  # this condition does not apply to this enterprise
        if guard is Outcome.UNKNOWN:
            missing = tuple(_missing_inputs(condition.when.facts, ctx, ctx.item_index))
            detail = ("是否适用取决于：" + condition.when.describe(ctx)) if explain else ""
            return ConditionResult(id_prefix + condition.source.id,
                                   label_prefix + condition.source.label, Outcome.UNKNOWN,
                                   detail, condition.citation, None, missing)
    outcome = condition.test.evaluate(ctx)
    missing = (tuple(_missing_inputs(condition.test.facts, ctx, ctx.item_index))
               if explain and outcome is Outcome.UNKNOWN else ())
    detail, hint = "", None
    if explain:
        detail = condition.test.describe(ctx)
        hint = condition.test.hint(ctx)
        if hint:
            detail = f"{detail}；{hint}"
    return ConditionResult(id_prefix + condition.source.id, label_prefix + condition.source.label,
                           outcome, detail, condition.citation, hint, missing)


@lru_cache(maxsize=4096)
def _full_name(code: str) -> str:
    """The region's full name, looked up once per code (asked again for every programme)."""
    return regions.full_name(code)


def _region_condition_for(programme: CompiledProgramme, code: str | None, explain: bool
                          ) -> ConditionResult:
    region_name = programme.region_name
    missing: tuple[str, ...] = ()
    if code is None:
        outcome, missing = Outcome.UNKNOWN, ("enterprise.region_code",)
    else:
        outcome = Outcome.PASS if regions.within(code, programme.source.region) else Outcome.FAIL
    detail = (f"企业所在地：{_full_name(code) if code else '未填写'}；"
              f"本政策适用于{region_name}") if explain else ""
    document = programme.document
    citation = CitedText(document.file, "发文机关", document.issuer)
    return ConditionResult(REGION_CONDITION_ID, f"企业注册地在{region_name}", outcome, detail,
                           citation, None, missing)


# Region codes remembered per pack (China has about 3,000 county-level codes).
_REGION_MEMO_LIMIT = 4096


def _in_region(pack: RulePack, code: str | None, explain: bool) -> tuple[ProgrammeInRegion, ...]:
    """Each programme with its region condition and the blocks that can touch it.

    Made once per pack, region code and explain flag: the region condition depends on nothing
    else, and for an enterprise in another region it is all a programme's result says about the
    enterprise (see :func:`_other_region_result`).
    """
    key = (code, explain)
    found = pack.in_region.get(key)
    if found is None or len(found) != len(pack.programmes):
        found = tuple((programme, _region_condition_for(programme, code, explain),
                       tuple(b for b in pack.blocks if block_touches(b, programme)))
                      for programme in pack.programmes)
        if len(pack.in_region) < _REGION_MEMO_LIMIT:
            pack.in_region[key] = found
    return found


_NEGATED = {Outcome.PASS: Outcome.FAIL, Outcome.FAIL: Outcome.PASS, Outcome.UNKNOWN: Outcome.UNKNOWN}


def _block_conditions(blocks: Iterable[CompiledBlock], ctx: FactContext, explain: bool
                      ) -> list[ConditionResult]:
    """The blocks (of those that touch the programme) in force on the day, as conditions."""
    found = []
    on = ctx.assessed_on
    for block in blocks:
        validity = block.source.validity
        if on < validity.from_ or (validity.to is not None and on > validity.to):
            continue
        outcome = _NEGATED[block.blocked_when.evaluate(ctx)]
        missing = (tuple(_missing_inputs(block.blocked_when.facts, ctx))
                   if outcome is Outcome.UNKNOWN else ())
        detail = f"禁止情形：{block.blocked_when.describe(ctx)}" if explain else ""
        found.append(ConditionResult(f"block_{block.source.id}", block.source.label, outcome,
                                     detail, block.citation, None, missing))
    return found


def block_touches(block: CompiledBlock, programme: CompiledProgramme) -> bool:
    """Whether the block covers this kind of programme in an overlapping region, on any date."""
    source = block.source
    if programme.source.kind not in source.applies_to:
        return False
    return (programme.source.region.startswith(source.region)
            or source.region.startswith(programme.source.region))


def _item_conditions(programme: CompiledProgramme, ctx: FactContext, explain: bool
                     ) -> tuple[list[ConditionResult], list[int]]:
    items = programme.source.items
    assert items is not None
    loans = ctx.facts.loans
    results: list[ConditionResult] = []
    eligible: list[int] = []
    outcomes: list[Outcome] = []
    for index, loan in enumerate(loans or []):
        item_ctx = ctx.for_item(index, loan)
        prefix = f"{items.label}{index + 1}" + (f"（{loan.contract_no}）" if loan.contract_no else "")
        item_results = [r for c in programme.item_conditions
                        if (r := _evaluate_condition(c, item_ctx, explain, prefix + "：",
                                                     f"loans[{index}].")) is not None]
        results += item_results
        outcome = all_of([r.outcome for r in item_results])
        outcomes.append(outcome)
        if outcome is Outcome.PASS:
            eligible.append(index)
    if not items.required:
        # Each item is checked and explained; none is needed for the programme itself.
        return results, eligible
    missing: tuple[str, ...] = ()
    if loans is None:
        summary, missing = Outcome.UNKNOWN, (LOANS_FACT,)
        detail = "尚未填写贷款合同"
    else:
        summary = any_of(outcomes) if outcomes else Outcome.FAIL
        detail = f"共 {len(loans)} 笔，其中 {len(eligible)} 笔符合全部条件"
    first = programme.item_conditions[0]
    results.insert(0, ConditionResult("items", f"至少一笔{items.label}符合条件", summary,
                                      detail if explain else "", first.citation, None, missing))
    return results, eligible


def _status(programme: CompiledProgramme, on: dt.date, region: ConditionResult,
            conditions: list[ConditionResult]) -> Status:
    validity = programme.source.validity
    if region.outcome is Outcome.FAIL:
        return Status.NOT_APPLICABLE
    if on < validity.from_:
        return Status.NOT_YET_EFFECTIVE
    if validity.to is not None and on > validity.to:
        return Status.EXPIRED
    # Per-loan lines explain the "items" summary; one bad loan must not sink the others.
    outcome = all_of([region.outcome] + [c.outcome for c in conditions
                                       if not c.id.startswith("loans[")])
    return _STATUS_OF[outcome]


_STATUS_OF = {Outcome.PASS: Status.ELIGIBLE, Outcome.FAIL: Status.INELIGIBLE,
              Outcome.UNKNOWN: Status.UNDETERMINED}


def _applies(when: Predicate | None, ctx: FactContext) -> bool:
    return when is None or when.evaluate(ctx) is not Outcome.FAIL


def _materials(programme: CompiledProgramme, ctx: FactContext) -> list[str]:
    fail = Outcome.FAIL
    return [name for name, when in programme.materials if when is None or when.evaluate(ctx) is not fail]


def _route(programme: CompiledProgramme, ctx: FactContext) -> list[RouteResult]:
    return [RouteResult(step.submit_to, tuple(step.copy_to), step.then, cite)
            for step, (when, cite) in zip(programme.source.route, programme.route, strict=True)
            if _applies(when, ctx)]


_NOT_APPLICABLE_AMOUNT = AmountResult(None, Certainty.ESTIMATE, "不在本政策适用地区，未计算金额。")


_NOT_APPLICABLE_NO_FIGURE = replace(_NOT_APPLICABLE_AMOUNT, applies=False)


def _without_figure(amount: AmountResult, status: Status) -> AmountResult:
    """No money today, so no 预计金额: the basis keeps the working "as if it applied"."""
    if amount is _NOT_APPLICABLE_AMOUNT:
        return _NOT_APPLICABLE_NO_FIGURE  # the same for every programme: made once
    basis = (f"本政策当前{STATUS_LABELS[status]}，不列预计金额；以下仅说明如适用时如何计算："
             f"{amount.basis}")
    return replace(amount, applies=False, basis=basis)


def _other_region_result(programme: CompiledProgramme, region: ConditionResult, ctx: FactContext,
                         explain: bool) -> ProgrammeResult:
    """:func:`assess_programme` for an enterprise outside the programme's region.

    Not applicable whatever else is true: no condition is evaluated, nothing is missing, no
    amount is worked out; only the materials and route steps that have conditions read facts.
    """
    return _result(programme, ctx, explain, Status.NOT_APPLICABLE, [region], [],
                   _NOT_APPLICABLE_NO_FIGURE)


def _result(programme: CompiledProgramme, ctx: FactContext, explain: bool, status: Status,
            conditions: list[ConditionResult], missing: list[MissingFact],
            amount: AmountResult) -> ProgrammeResult:
    """The result object both paths build: the programme's own fields, then what was decided."""
    source, document = programme.source, programme.document
    return ProgrammeResult(
        programme_id=source.id,
        title=source.title,
        region=programme.region_name,
        document_number=document.number,
        document_file=document.file,
        kind=source.kind,
        wizard=source.wizard,
        status=status,
        conditions=conditions,
        missing=missing,
        amount=amount,
        materials=_materials(programme, ctx) if explain else [],
        route=_route(programme, ctx) if explain else [],
        valid_from=source.validity.from_,
        valid_to=source.validity.to,
    )


def assess_programme(pack: RulePack, programme: CompiledProgramme, ctx: FactContext, *,
                     explain: bool = True) -> ProgrammeResult:
    region = _region_condition_for(programme, ctx.get("enterprise.region_code"), explain)
    blocks = [b for b in pack.blocks if block_touches(b, programme)]
    return _assess_programme(programme, ctx, explain, region, blocks)


def _assess_programme(programme: CompiledProgramme, ctx: FactContext, explain: bool,
                      region: ConditionResult, blocks: Iterable[CompiledBlock]) -> ProgrammeResult:
    """One programme, given its region condition and the blocks that can touch it."""
    conditions: list[ConditionResult] = []
    eligible_items: list[int] = []
    if region.outcome is not Outcome.FAIL:
        conditions = [r for c in programme.conditions
                      if (r := _evaluate_condition(c, ctx, explain)) is not None]
        conditions += _block_conditions(blocks, ctx, explain)
        if programme.item_conditions:
            item_results, eligible_items = _item_conditions(programme, ctx, explain)
            conditions += item_results
    status = _status(programme, ctx.assessed_on, region, conditions)
    if status is Status.NOT_APPLICABLE:
        amount = _NOT_APPLICABLE_AMOUNT
        needed: set[str] = set()
    else:
        amount, needed = evaluate_amount(programme, ctx, eligible_items)
    if status in NO_MONEY_STATUSES:
        amount = _without_figure(amount, status)
    all_conditions = [region, *conditions]
    missing_paths: list[str] = []
    if explain:
        for result in all_conditions:
            if result.outcome is Outcome.UNKNOWN:
                missing_paths += result.missing
        if needed:
            missing_paths += _missing_inputs(needed, ctx)
    return _result(programme, ctx, explain, status, all_conditions,
                   [MissingFact(f, _question(f)) for f in dict.fromkeys(missing_paths)], amount)
