"""Status-only assessment for batches: the same decision as :func:`engine.assess`, nothing else.

An official sorting hundreds of bundles needs each programme's status (and, where eligible,
the amount), not the explanations.  :class:`Triage` plans every programme once: predicates
become closures (:mod:`desktop.rules.closures`), the blocks that can touch a programme are
picked out, and amounts that read no fact are worked out in advance.  Deciding then builds
no condition results, stops at the first failing condition and skips other regions'
programmes after one prefix check.  A test runs both paths over every scenario case and
thousands of synthetic enterprises and requires identical statuses and amounts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from desktop.facts.model import FactsFile
from desktop.rules.amounts import constant_yuan, evaluate_amount
from desktop.rules.closures import Test, between, closure, every, guarded, reader
from desktop.rules.context import FactContext
from desktop.rules.engine import block_touches
from desktop.rules.pack import CompiledCondition, CompiledProgramme, RulePack
from desktop.rules.predicates import Compare, Membership, Outcome
from desktop.rules.results import Status

# Module constants: reading an enum member off its class costs more than the checks here.
_PASS, _FAIL, _UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
_ELIGIBLE, _INELIGIBLE, _UNDETERMINED = Status.ELIGIBLE, Status.INELIGIBLE, Status.UNDETERMINED
_NOT_APPLICABLE, _EXPIRED, _NOT_YET = Status.NOT_APPLICABLE, Status.EXPIRED, Status.NOT_YET_EFFECTIVE

Decision = tuple[Status, Decimal | None]
AmountOf = Callable[[FactContext], Decimal | None]


@dataclass(frozen=True, slots=True)
class _ConstantAmount:
    when: Test | None
    yuan: Decimal | None


def _literal_bound(condition: CompiledCondition) -> tuple[str, str] | None:
    """("lower"|"upper", fact) for an unguarded comparison of a fact with a literal."""
    test = condition.test
    if condition.when is not None or not isinstance(test, Compare) or test.value is None:
        return None
    side = {">=": "lower", ">": "lower", "<=": "upper", "<": "upper"}.get(test.op)
    return None if side is None else (side, test.spec.path)


def _tests_of(conditions: list[CompiledCondition]) -> tuple[Test, ...]:
    """The conditions as tests to combine with "all", as the engine combines them.

    That combination is order-free (a failure anywhere fails it, else an unknown anywhere
    leaves it unknown), so a lower and an upper bound on one fact become one range check.
    """
    bounds: dict[tuple[str, str], list[Compare]] = {}
    for condition in conditions:
        key = _literal_bound(condition)
        if key is not None:
            bounds.setdefault(key, []).append(cast(Compare, condition.test))
    ranges = {path: (lower[0], bounds[("upper", path)][0])
              for (side, path), lower in bounds.items()
              if side == "lower" and len(lower) == 1 and len(bounds.get(("upper", path), [])) == 1}
    tests: list[Test] = []
    for condition in conditions:
        key = _literal_bound(condition)
        if key is not None and key[1] in ranges:
            if key[0] == "lower":
                tests.append(between(*ranges[key[1]]))
            continue  # the upper bound is checked with its lower one
        tests.append(closure(condition.test) if condition.when is None
                     else guarded(closure(condition.when), closure(condition.test)))
    return tuple(tests)


def _constant_amounts(programme: CompiledProgramme) -> tuple[_ConstantAmount, ...] | None:
    """Every amount rule with its figure settled in advance, or None if any reads a fact."""
    planned = []
    for rule in programme.amounts:
        constant, yuan = constant_yuan(rule)
        if not constant:
            return None
        planned.append(_ConstantAmount(closure(rule.when) if rule.when else None, yuan))
    return tuple(planned)


def _amount_of(programme: CompiledProgramme, per_loan: Test | None) -> AmountOf:
    """The cheapest exact way to this programme's figure for an eligible enterprise."""
    def worded(ctx: FactContext) -> Decimal | None:
        items = eligible_items(ctx, per_loan)[1] if per_loan is not None else []
        return evaluate_amount(programme, ctx, items)[0].yuan

    constants = _constant_amounts(programme)
    if constants is None:
        return worded
    guards = [rule.when for rule in programme.amounts]
    if all(isinstance(g, Membership) and not g.negate for g in guards):
        memberships = cast(list[Membership], guards)
        facts = {m.spec.path for m in memberships}
        values = [v for m in memberships for v in m.values]
        if len(facts) == 1 and len(values) == len(set(values)):
            # One figure per choice of one fact (国家级/省级/市级): a table look-up.  At most
            # one rule can fire, so precedence never comes into it.
            table = {v: c.yuan for m, c in zip(memberships, constants, strict=True) for v in m.values}
            read = reader(facts.pop())
            return lambda ctx: table.get(read(ctx))

    def first_firing(ctx: FactContext) -> Decimal | None:
        firing: _ConstantAmount | None = None
        for rule in constants:
            if rule.when is None or rule.when(ctx) is _PASS:
                if firing is not None:
                    return worded(ctx)  # precedence: the engine's path settles it
                firing = rule
        return None if firing is None else firing.yuan
    return first_firing


def _blocks_test(pack: RulePack, programme: CompiledProgramme) -> Test | None:
    """Passes unless a block in force on the day stops the programme; unknown if one might."""
    # Kind and region of a block never change; only its dates are checked per call.
    blocks = tuple((b.source.validity.from_, b.source.validity.to or dt.date.max,
                    closure(b.blocked_when))
                   for b in pack.blocks if block_touches(b, programme))
    if not blocks:
        return None

    def not_blocked(ctx: FactContext) -> Outcome:
        on, outcome = ctx.assessed_on, _PASS
        for valid_from, valid_to, blocked_when in blocks:
            if valid_from <= on <= valid_to:
                blocked = blocked_when(ctx)
                if blocked is _PASS:
                    return _FAIL
                if blocked is _UNKNOWN:
                    outcome = _UNKNOWN
        return outcome
    return not_blocked


def eligible_items(ctx: FactContext, conditions: Test) -> tuple[Outcome, list[int]]:
    """Which loans pass every per-loan condition: pass if one does, unknown if one might."""
    loans = ctx.facts.loans
    if not loans:
        return (_UNKNOWN if loans is None else _FAIL), []
    eligible: list[int] = []
    any_unknown = False
    item_ctx = ctx.for_item(0, loans[0])
    for index, loan in enumerate(loans):
        item_ctx.item_index, item_ctx.loan = index, loan  # one context, moved along the loans
        outcome = conditions(item_ctx)
        if outcome is _PASS:
            eligible.append(index)
        elif outcome is _UNKNOWN:
            any_unknown = True
    if eligible:
        return _PASS, eligible
    return (_UNKNOWN if any_unknown else _FAIL), []


def _some_loan_passes(per_loan: Test) -> Test:
    def some_loan(ctx: FactContext) -> Outcome:
        return eligible_items(ctx, per_loan)[0]
    return some_loan


class ProgrammePlan:
    """One programme, ready to decide for any enterprise and date.

    The engine's verdict is "all of" the enterprise conditions, the blocks and the loans (a
    failure anywhere makes it ineligible, else an unknown anywhere undetermined), so the
    plan keeps them as one flat tuple of tests and stops at the first failure.
    """

    __slots__ = ("amount_of", "id", "programme", "region", "tests", "valid_from", "valid_to")

    def __init__(self, pack: RulePack, programme: CompiledProgramme) -> None:
        source = programme.source
        self.programme, self.id = programme, programme.id
        self.region = source.region
        self.valid_from, self.valid_to = source.validity.from_, source.validity.to or dt.date.max
        tests = list(_tests_of(programme.conditions))
        blocks = _blocks_test(pack, programme)
        if blocks is not None:
            tests.append(blocks)
        per_loan = every(_tests_of(programme.item_conditions)) if programme.item_conditions else None
        items = source.items
        if per_loan is not None and items is not None and items.required:
            tests.append(_some_loan_passes(per_loan))
        self.tests = tuple(tests)
        self.amount_of = _amount_of(programme, per_loan)

    def decide(self, ctx: FactContext) -> Decision:
        code = ctx.enterprise.region_code
        if code is not None and not code.startswith(self.region):
            return _NOT_APPLICABLE, None
        on = ctx.assessed_on
        if on < self.valid_from:
            return _NOT_YET, None
        if on > self.valid_to:
            return _EXPIRED, None
        outcome = _PASS if code is not None else _UNKNOWN
        for test in self.tests:
            result = test(ctx)
            if result is not _PASS:
                if result is _FAIL:
                    return _INELIGIBLE, None
                outcome = _UNKNOWN
        if outcome is not _PASS:
            return _UNDETERMINED, None
        return _ELIGIBLE, self.amount_of(ctx)

    def decide_in_region(self, ctx: FactContext) -> Decision:
        """:meth:`decide` for an enterprise whose (known) region code is inside the programme's.

        The same steps without the region check, which :class:`Triage` has settled for every
        programme at once; written out again rather than shared, because one more call per
        programme is most of what this saves.
        """
        on = ctx.assessed_on
        if on < self.valid_from:
            return _NOT_YET, None
        if on > self.valid_to:
            return _EXPIRED, None
        outcome = _PASS
        for test in self.tests:
            result = test(ctx)
            if result is not _PASS:
                if result is _FAIL:
                    return _INELIGIBLE, None
                outcome = _UNKNOWN
        if outcome is not _PASS:
            return _UNDETERMINED, None
        return _ELIGIBLE, self.amount_of(ctx)


# Region codes remembered by Triage (China has about 3,000 county-level codes; a desk sees few).
_REGION_MEMO_LIMIT = 4096


class Triage:
    """Every programme of one pack, planned once; call it with an enterprise and a date.

    An enterprise is only ever in a few programmes' regions: for each region code met, the
    plans whose region contains it are picked out once and remembered, every other programme
    is "not applicable" without being asked, as :meth:`ProgrammePlan.decide` would answer.
    """

    def __init__(self, pack: RulePack) -> None:
        self.plans: Sequence[ProgrammePlan] = tuple(ProgrammePlan(pack, p) for p in pack.programmes)
        self._by_id = {plan.id: plan for plan in self.plans}
        self._not_applicable: dict[str, Decision] = {plan.id: (_NOT_APPLICABLE, None)
                                                     for plan in self.plans}
        self._in_region: dict[str, tuple[ProgrammePlan, ...]] = {}

    def plan(self, programme_id: str) -> ProgrammePlan:
        return self._by_id[programme_id]

    def _plans_in(self, code: str) -> tuple[ProgrammePlan, ...]:
        plans = tuple(plan for plan in self.plans if code.startswith(plan.region))
        if len(self._in_region) < _REGION_MEMO_LIMIT:
            self._in_region[code] = plans
        return plans

    def __call__(self, facts: FactsFile, on: dt.date) -> dict[str, Decision]:
        """Every programme's status and, when eligible, its amount in 元 (None if not computable)."""
        ctx = FactContext(facts, on)
        code = facts.enterprise.region_code
        if code is None:  # every programme is decided, region unknown
            return {plan.id: plan.decide(ctx) for plan in self.plans}
        decided = self._not_applicable.copy()  # in the pack's order, as the engine lists them
        in_region = self._in_region.get(code)
        for plan in self._plans_in(code) if in_region is None else in_region:
            decided[plan.id] = plan.decide_in_region(ctx)
        return decided
