"""Collect ``scenarios/*.yaml``: facts in, expected statuses, amounts and failing conditions out.

A file holds one programme's ``cases`` (with ``programme`` and ``base_facts``), or a list of
such blocks under ``scenarios``.  Each case becomes one test item named after the programme
and case, so a policy reviewer can add a case without touching Python.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.facts.io import parse_facts
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.predicates import Outcome


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


def scenario_blocks(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["scenarios"]) if "scenarios" in data else [data]


class ScenarioFile(pytest.File):
    def collect(self) -> Any:
        for block in scenario_blocks(self.path):
            base = block.get("base_facts", {})
            for case in block["cases"]:
                yield ScenarioItem.from_parent(
                    self, name=f"{block['programme']}: {case['name']}", case=case, base=base,
                    programme=block["programme"])


def merge_facts(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_facts(merged[key], value)
        else:
            merged[key] = value
    return merged


def jsonable(value: Any) -> Any:
    """YAML gives dates and floats; facts files carry ISO strings and decimal strings."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        raise TypeError(f"write numbers with decimals as strings in scenarios: {value}")
    return value


class ScenarioItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], base: dict[str, Any], programme: str,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case, self.base, self.programme = case, base, programme

    def runtest(self) -> None:
        case = self.case
        facts = parse_facts(jsonable(merge_facts(self.base, case.get("facts", {}))))
        result = assess(bundled_pack(), facts, case["assessed_on"]).result(self.programme)
        expect = case["expect"]
        assert result.status.value == expect["status"], (
            f"status {result.status.value}, expected {expect['status']}: "
            + "; ".join(f"{c.id}={c.outcome.value} ({c.detail})" for c in result.conditions))
        if "amount_wan" in expect:
            wanted = expect["amount_wan"]
            actual = result.amount.to_json()["wan"]
            assert actual == (None if wanted is None else str(wanted)), result.amount.basis
        for key in ("total_wan", "yearly_wan"):  # a split award's whole; a period's one year
            if key in expect:
                wanted = expect[key]
                got = result.amount.to_json().get(key)
                assert got == (None if wanted is None else str(wanted)), result.amount.basis
        if "certainty" in expect:
            assert result.amount.certainty == expect["certainty"]
        failing = sorted(c.id for c in result.conditions if c.outcome is Outcome.FAIL)
        if "failing" in expect:
            assert failing == sorted(expect["failing"])
        if "missing" in expect:
            assert sorted(m.fact for m in result.missing) == sorted(expect["missing"])
        if "basis_contains" in expect:
            assert expect["basis_contains"] in result.amount.basis

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.name}"
