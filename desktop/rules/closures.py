"""The predicates again, as plain closures: the triage path's way of evaluating a rule.

:mod:`desktop.rules.predicates` keeps each rule as an object that can also explain itself.
For sorting thousands of enterprises only the outcome matters, and walking those objects
costs more than the comparison itself.  :func:`closure` turns a compiled predicate into a
function of the fact context that reads model attributes directly and short-circuits
``all``/``any`` where the three-valued result is already settled.

Both forms must decide alike; ``tests/rules/test_triage.py`` compares them (through the
full engine and the triage path) over every scenario case and thousands of synthetic
enterprises.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import singledispatch
from typing import Any

from desktop.rules.context import DIRECT_FACTS, LOAN_DERIVED, FactContext
from desktop.rules.predicates import (
    Combined,
    Compare,
    FirstCrossing,
    Flag,
    Membership,
    Outcome,
    Predicate,
    Prefix,
)

Test = Callable[[FactContext], Outcome]
Reader = Callable[[FactContext], Any]

_PASS, _FAIL, _UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN
_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt,
    "==": operator.eq, "!=": operator.ne,
}


def reader(path: str) -> Reader:
    """A function returning fact ``path`` for a context.

    A stored fact is one C-level attribute-path lookup on the context, whose sections are
    never None (``loan.*`` facts are only ever asked in a loan's own context, where
    ``ctx.loan`` is set).  Derived enterprise facts go through :meth:`FactContext.get`,
    which works them out once per enterprise (size class, industry section, ...).
    """
    if path in DIRECT_FACTS:
        return operator.attrgetter(path)
    if path.startswith("loan."):
        derive = LOAN_DERIVED.get(path)
        if derive is None:
            return operator.attrgetter(path)
        loan_of = operator.attrgetter("loan")
        return lambda ctx: derive(loan_of(ctx))
    return lambda ctx: ctx.get(path)


@singledispatch
def closure(predicate: Predicate) -> Test:
    raise TypeError(f"no closure form for {type(predicate).__name__}")


@closure.register
def _compare(predicate: Compare) -> Test:
    compare, left = _OPERATORS[predicate.op], reader(predicate.spec.path)
    right: Reader | None = None
    if predicate.vs_assessed_on:
        right = operator.attrgetter("assessed_on")
    elif predicate.other is not None:
        right = reader(predicate.other.path)
    if right is not None:
        read_right = right

        def against_fact(ctx: FactContext) -> Outcome:
            a, b = left(ctx), read_right(ctx)
            if a is None or b is None:
                return _UNKNOWN
            return _PASS if compare(a, b) else _FAIL
        return against_fact
    value = predicate.value

    def against_literal(ctx: FactContext) -> Outcome:
        a = left(ctx)
        if a is None:
            return _UNKNOWN
        return _PASS if compare(a, value) else _FAIL
    return against_literal


def between(lower: Compare, upper: Compare) -> Test:
    """``lower`` and ``upper`` together: two literal bounds on one fact, read once.

    Equal to ``every((closure(lower), closure(upper)))``: an unknown fact leaves both unknown,
    otherwise both must pass.  Policies bound dates this way ("2017年2月25日至2020年12月31日").
    """
    assert lower.spec.path == upper.spec.path and lower.op in (">=", ">") and upper.op in ("<=", "<")
    read, low, high = reader(lower.spec.path), lower.value, upper.value
    if lower.op == ">=" and upper.op == "<=":
        def inclusive(ctx: FactContext) -> Outcome:
            a = read(ctx)
            if a is None:
                return _UNKNOWN
            return _PASS if low <= a <= high else _FAIL
        return inclusive
    above, below = _OPERATORS[lower.op], _OPERATORS[upper.op]

    def bounded(ctx: FactContext) -> Outcome:
        a = read(ctx)
        if a is None:
            return _UNKNOWN
        return _PASS if above(a, low) and below(a, high) else _FAIL
    return bounded


# Membership, Flag and Prefix share a shape but are written out on purpose: a shared helper
# would add a call to every evaluation, and these run millions of times in a county's triage.
@closure.register
def _membership(predicate: Membership) -> Test:
    read, values = reader(predicate.spec.path), predicate.values
    inside, outside = (_FAIL, _PASS) if predicate.negate else (_PASS, _FAIL)

    def member(ctx: FactContext) -> Outcome:
        value = read(ctx)
        if value is None:
            return _UNKNOWN
        return inside if value in values else outside
    return member


@closure.register
def _flag(predicate: Flag) -> Test:
    read, expected = reader(predicate.spec.path), predicate.expected

    def flag(ctx: FactContext) -> Outcome:
        value = read(ctx)
        if value is None:
            return _UNKNOWN
        return _PASS if value is expected else _FAIL
    return flag


@closure.register
def _prefix(predicate: Prefix) -> Test:
    read, prefixes = reader(predicate.spec.path), predicate.prefixes

    def prefix(ctx: FactContext) -> Outcome:
        value = read(ctx)
        if value is None:
            return _UNKNOWN
        return _PASS if str(value).startswith(prefixes) else _FAIL
    return prefix


@closure.register
def _first_crossing(predicate: FirstCrossing) -> Test:
    current_of, previous_of = reader(predicate.spec.path), reader(predicate.previous.path)
    thresholds = predicate.thresholds

    def first_crossing(ctx: FactContext) -> Outcome:
        current, previous = current_of(ctx), previous_of(ctx)
        if current is None or previous is None:
            return _UNKNOWN
        return _PASS if any(previous <= t < current for t in thresholds) else _FAIL
    return first_crossing


@closure.register
def _combined(predicate: Combined) -> Test:
    parts = tuple(closure(part) for part in predicate.parts)
    if predicate.mode == "not":
        inner = parts[0]
        flipped = {_PASS: _FAIL, _FAIL: _PASS, _UNKNOWN: _UNKNOWN}
        return lambda ctx: flipped[inner(ctx)]
    return every(parts) if predicate.mode == "all" else some(parts)


def every(tests: tuple[Test, ...]) -> Test:
    """All of ``tests``: one failure settles it, else any unknown makes it unknown."""
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:  # the commonest shape, without the loop
        first, second = tests

        def both_pass(ctx: FactContext) -> Outcome:
            outcome = first(ctx)
            if outcome is _FAIL:
                return _FAIL
            other = second(ctx)
            return other if other is not _PASS else outcome
        return both_pass

    return _settled_by(_FAIL, _PASS, tests)


def some(tests: tuple[Test, ...]) -> Test:
    """Any of ``tests``: one pass settles it, else any unknown makes it unknown."""
    return _settled_by(_PASS, _FAIL, tests)


def _settled_by(settles: Outcome, otherwise: Outcome, tests: tuple[Test, ...]) -> Test:
    """``settles`` as soon as one test gives it; else unknown if any was, else ``otherwise``."""
    def combined(ctx: FactContext) -> Outcome:
        result = otherwise
        for test in tests:
            outcome = test(ctx)
            if outcome is not otherwise:
                if outcome is settles:
                    return settles
                result = _UNKNOWN
        return result
    return combined


def guarded(when: Test, test: Test) -> Test:
    """A condition that applies only ``when``: neutral (pass) where it does not apply.

    An unknown guard makes the condition unknown without asking the test, as the engine does.
    """
    def applies_then(ctx: FactContext) -> Outcome:
        guard = when(ctx)
        if guard is _PASS:
            return test(ctx)
        return _PASS if guard is _FAIL else _UNKNOWN
    return applies_then
