"""Batch triage decides exactly as the full engine: same status and, when eligible, same amount."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from benchmarks.synthetic import enterprises
from desktop.facts.io import parse_facts
from desktop.facts.model import FactsFile
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.results import Status
from desktop.rules.triage import Triage
from tests.rules.conftest import jsonable, merge_facts, scenario_blocks
from tests.rules.rule_aware_facts import RuleAwareFacts

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))
TRIAGE = Triage(bundled_pack())


def _full(facts: FactsFile, on: dt.date) -> dict[str, tuple[Status, Decimal | None]]:
    return {r.programme_id: (r.status, r.amount.yuan if r.status is Status.ELIGIBLE else None)
            for r in assess(bundled_pack(), facts, on).results}


def test_every_scenario_case_triages_as_the_engine_decides() -> None:
    checked = 0
    for path in SCENARIOS:
        for block in scenario_blocks(path):
            for case in block["cases"]:
                answers = merge_facts(block.get("base_facts", {}), case.get("facts", {}))
                facts = parse_facts(jsonable(answers))
                on = case["assessed_on"]
                assert TRIAGE(facts, on) == _full(facts, on), (path.name, case["name"])
                checked += 1
    assert checked > 100  # loans, institutions, projects and blocks are all exercised there


def test_synthetic_enterprises_triage_as_the_engine_decides() -> None:
    for on in (dt.date(2012, 3, 1), dt.date(2013, 6, 1), dt.date(2015, 6, 1), dt.date(2018, 6, 1)):
        for facts in enterprises(300, seed=11):
            assert TRIAGE(facts, on) == _full(facts, on)


def test_enterprises_on_the_rules_own_thresholds_triage_as_the_engine_decides() -> None:
    # Projects, loans, institutions and dates on each programme's first and last day.
    generator = RuleAwareFacts(bundled_pack(), seed=3)
    statuses: set[Status] = set()
    for _ in range(1500):
        facts, on = generator.facts(), generator.day()
        decided = TRIAGE(facts, on)
        assert decided == _full(facts, on), (facts, on)
        statuses |= {status for status, _amount in decided.values()}
    assert statuses == set(Status)
