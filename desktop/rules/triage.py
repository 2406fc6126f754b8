"""Status-only assessment for batches: the same decision as :func:`engine.assess`, nothing else.

An official sorting hundreds of bundles needs each programme's status (and, where eligible,
the amount), not the explanations.  This path evaluates the same compiled predicates in the
same order as the engine, but builds no condition results, stops at the first failing
condition, and skips other regions' programmes after one prefix check.  A test runs both
over thousands of synthetic enterprises and requires identical statuses and amounts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.facts.model import FactsFile
from desktop.reference.regions import within
from desktop.rules.amounts import evaluate_amount
from desktop.rules.context import FactContext
from desktop.rules.engine import block_applies
from desktop.rules.pack import CompiledCondition, CompiledProgramme, RulePack
from desktop.rules.predicates import Outcome
from desktop.rules.results import Status

_PASS, _FAIL, _UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def triage(pack: RulePack, facts: FactsFile, on: dt.date) -> dict[str, tuple[Status, Decimal | None]]:
    """Every programme's status and, when eligible, its amount in 元 (None if not computable)."""
    ctx = FactContext(facts, on)
    return {programme.id: triage_programme(pack, programme, ctx) for programme in pack.programmes}


def triage_programme(pack: RulePack, programme: CompiledProgramme, ctx: FactContext
                     ) -> tuple[Status, Decimal | None]:
    source = programme.source
    code = ctx.get("enterprise.region_code")
    if code is not None and not within(code, source.region):
        return Status.NOT_APPLICABLE, None
    on, validity = ctx.assessed_on, source.validity
    if on < validity.from_:
        return Status.NOT_YET_EFFECTIVE, None
    if validity.to is not None and on > validity.to:
        return Status.EXPIRED, None
    outcome = _conditions(programme.conditions, ctx)
    if outcome is _FAIL:
        return Status.INELIGIBLE, None
    if code is None:
        outcome = _UNKNOWN
    blocked = _blocks(pack, programme, ctx)
    if blocked is _FAIL:
        return Status.INELIGIBLE, None
    if blocked is _UNKNOWN:
        outcome = _UNKNOWN
    eligible_items: list[int] = []
    if programme.item_conditions:
        items, eligible_items = _items(programme, ctx)
        if items is _FAIL:
            return Status.INELIGIBLE, None
        if items is _UNKNOWN:
            outcome = _UNKNOWN
    if outcome is not _PASS:
        return Status.UNDETERMINED, None
    amount, _needed = evaluate_amount(programme, ctx, eligible_items)
    return Status.ELIGIBLE, amount.yuan


def _conditions(conditions: list[CompiledCondition], ctx: FactContext) -> Outcome:
    """All conditions together, as the engine combines them; stops at the first failure."""
    outcome = _PASS
    for condition in conditions:
        if condition.when is not None:
            guard = condition.when.evaluate(ctx)
            if guard is _FAIL:
                continue  # the condition does not apply here
            if guard is _UNKNOWN:
                outcome = _UNKNOWN
                continue
        result = condition.test.evaluate(ctx)
        if result is _FAIL:
            return _FAIL
        if result is _UNKNOWN:
            outcome = _UNKNOWN
    return outcome


def _blocks(pack: RulePack, programme: CompiledProgramme, ctx: FactContext) -> Outcome:
    outcome = _PASS
    for block in pack.blocks:
        if not block_applies(block, programme, ctx.assessed_on):
            continue
        blocked = block.blocked_when.evaluate(ctx)
        if blocked is _PASS:
            return _FAIL
        if blocked is _UNKNOWN:
            outcome = _UNKNOWN
    return outcome


def _items(programme: CompiledProgramme, ctx: FactContext) -> tuple[Outcome, list[int]]:
    loans = ctx.facts.loans
    if loans is None:
        return _UNKNOWN, []
    eligible: list[int] = []
    any_unknown = False
    for index, loan in enumerate(loans):
        outcome = _conditions(programme.item_conditions, ctx.for_item(index, loan))
        if outcome is _PASS:
            eligible.append(index)
        elif outcome is _UNKNOWN:
            any_unknown = True
    if eligible:
        return _PASS, eligible
    return (_UNKNOWN if any_unknown else _FAIL), []
