"""The benchmarks' hand-written baselines decide exactly as the rule pack does.

A baseline that skipped a condition would flatter the engine's ratio; these tests hold each
hand-written check to the triage path's answers on synthetic and rule-aware enterprises.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks import handwritten_pack
from benchmarks.cases import _handwritten_loan_interest, _handwritten_rd
from benchmarks.handwritten_gen import generate
from benchmarks.synthetic import enterprises
from desktop.facts import FactsFile
from desktop.facts.io import parse_facts
from desktop.rules.context import FactContext
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.results import Status
from desktop.rules.triage import Triage
from tests.rules.conftest import jsonable, merge_facts, scenario_blocks
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


# -- The whole rule base, written out (benchmarks/handwritten_pack.py) ----------------------


def _as_text(decisions: dict[str, tuple[Status, Decimal | None]]
             ) -> dict[str, tuple[str, Decimal | None]]:
    return {pid: (str(status), amount) for pid, (status, amount) in decisions.items()}


def test_the_written_out_pack_is_generated_from_the_bundled_pack() -> None:
    """Regenerate with ``python -m benchmarks.handwritten_gen`` when the pack changes."""
    assert Path(handwritten_pack.__file__).read_text(encoding="utf-8") == generate(bundled_pack())
    assert set(handwritten_pack.decide_all(enterprises(1)[0], dt.date(2018, 6, 1))) == {
        p.id for p in bundled_pack().programmes}


def test_the_written_out_pack_decides_every_programme_as_the_rule_pack() -> None:
    """Same status and amount as the triage path, for every programme, on a corpus that reaches
    every status, thresholds, loans, institutions, projects and the programmes' first and last days."""
    triage = Triage(bundled_pack())
    generator = RuleAwareFacts(bundled_pack(), seed=23)
    cases: list[tuple[FactsFile, dt.date]] = [
        (f, on) for on in (dt.date(2012, 3, 1), dt.date(2015, 6, 1), dt.date(2018, 6, 1))
        for f in enterprises(300, seed=5)]
    cases += [(generator.facts(), generator.day()) for _ in range(3000)]
    seen: Counter[tuple[str, str]] = Counter()
    with_amount: set[str] = set()
    for facts, on in cases:
        expected = _as_text(triage(facts, on))
        assert handwritten_pack.decide_all(facts, on) == expected, (facts, on)
        seen.update((pid, status) for pid, (status, _amount) in expected.items())
        with_amount.update(pid for pid, (_status, amount) in expected.items() if amount)
    # Every programme is decided on its conditions (not only skipped as another region's or
    # expired), and every status is reached.
    decided = {"eligible", "ineligible", "undetermined"}
    for programme in bundled_pack().programmes:
        assert len(decided & {s for (pid, s) in seen if pid == programme.id}) >= 2, programme.id
    assert {status for (_pid, status) in seen} == {str(s) for s in Status}
    assert len(with_amount) >= 12  # fixed sums, ratios, tiers, caps, deductions: amounts compared


def test_the_written_out_pack_decides_every_scenario_case_as_the_engine() -> None:
    checked = 0
    for path in sorted((Path(__file__).parent / "rules" / "scenarios").glob("*.yaml")):
        for block in scenario_blocks(path):
            for case in block["cases"]:
                facts = parse_facts(jsonable(merge_facts(block.get("base_facts", {}),
                                                         case.get("facts", {}))))
                on = case["assessed_on"]
                full = {r.programme_id: (str(r.status), r.amount.yuan
                                         if r.status is Status.ELIGIBLE else None)
                        for r in assess(bundled_pack(), facts, on).results}
                assert handwritten_pack.decide_all(facts, on) == full, (path.name, case["name"])
                checked += 1
    assert checked > 100
