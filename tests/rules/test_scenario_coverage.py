"""Every programme has scenarios: a clear pass, a clear fail, and an edge or undetermined case."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from desktop.rules.database import bundled_pack
from tests.rules.conftest import scenario_blocks

SCENARIOS = Path(__file__).parent / "scenarios"
FAILS = {"ineligible", "not_applicable"}
EDGES = {"undetermined", "expired", "not_yet_effective"}


def test_every_programme_has_a_pass_a_fail_and_an_edge_case() -> None:
    statuses: dict[str, list[str]] = defaultdict(list)
    for path in sorted(SCENARIOS.glob("*.yaml")):
        for block in scenario_blocks(path):
            statuses[block["programme"]] += [c["expect"]["status"] for c in block["cases"]]
    gaps = []
    for programme in bundled_pack().programmes:
        found = statuses.get(programme.id, [])
        if len(found) < 3 or "eligible" not in found or not FAILS & set(found) \
                or not EDGES & set(found):
            gaps.append(f"{programme.id}: {found}")
    assert not gaps, "programmes without pass/fail/edge scenarios:\n" + "\n".join(gaps)


def test_scenarios_name_only_real_programmes() -> None:
    known = {p.id for p in bundled_pack().programmes}
    named = {b["programme"] for path in SCENARIOS.glob("*.yaml") for b in scenario_blocks(path)}
    assert named <= known, named - known
