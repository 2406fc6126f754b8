"""The benchmarks' hand-written baselines decide exactly as the rule pack does.

A baseline that skipped a condition would flatter the engine's ratio; these tests hold each
hand-written check to the triage path's answers on synthetic and rule-aware enterprises.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

import pytest

from benchmarks.cases import _handwritten_loan_interest, _handwritten_rd
from benchmarks.synthetic import enterprises
from desktop.facts import FactsFile
from desktop.rules.context import FactContext
from desktop.rules.database import bundled_pack
from desktop.rules.triage import Triage
from tests.rules.rule_aware_facts import RuleAwareFacts

Handwritten = Callable[..., tuple[str, int | None]]


@pytest.mark.parametrize(("programme_id", "handwritten"), [
    ("sjz-2017-rd-institution", _handwritten_rd),
    ("qh-2011-sme-loan-interest", _handwritten_loan_interest),
])
def test_the_handwritten_check_decides_as_the_rule_pack(programme_id: str,
                                                        handwritten: Handwritten) -> None:
    plan = Triage(bundled_pack()).plan(programme_id)
    generator = RuleAwareFacts(bundled_pack(), seed=17)
    cases: list[tuple[FactsFile, dt.date]] = [(f, generator.day()) for f in enterprises(300, seed=2)]
    cases += [(generator.facts(), generator.day()) for _ in range(3000)]
    # Days inside the programme's own window (附件5's schedule is two weeks), so both sides decide.
    cases += [(generator.facts(), dt.date(2011, 12, 7) + dt.timedelta(days=i % 14))
              for i in range(1500)]
    statuses: Counter[str] = Counter()
    for facts, on in cases:
        status, amount = plan.decide(FactContext(facts, on))
        expected_status, expected_amount = handwritten(facts, on)
        assert (str(status), amount) == (
            expected_status, None if expected_amount is None else Decimal(expected_amount)), facts
        statuses[str(status)] += 1
    assert {"eligible", "ineligible", "undetermined"} <= set(statuses)
