"""What the engine makes once per pack and region code gives the results made from scratch.

:func:`desktop.rules.engine.assess` takes each programme's region condition and the blocks
that can touch it from a memo per pack, region code and explain flag, and answers "not
applicable" for a programme outside the enterprise's region from that condition alone.  Each
result must equal what :func:`assess_programme` (nothing remembered, every condition
evaluated) gives, must not go stale for another pack, and must not be shared between
assessments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from benchmarks.cases import LOAN_SAMPLE
from benchmarks.synthetic import enterprises
from desktop.facts.model import FactsFile, Ownership
from desktop.rules.context import FactContext
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess, assess_programme
from desktop.rules.pack import RulePack
from desktop.rules.results import Status

DAYS = (dt.date(2012, 3, 1), dt.date(2015, 6, 1), dt.date(2018, 6, 1))


def _in(facts: FactsFile, code: str | None, ownership: Ownership | None = None) -> FactsFile:
    enterprise = facts.enterprise.model_copy(update={"region_code": code, "ownership": ownership})
    return facts.model_copy(update={"enterprise": enterprise})


def _corpus() -> list[FactsFile]:
    base = enterprises(42, seed=5)
    codes = ["630104", "130171", "150302", "110101", "63", "1301", None]
    # Route steps of some programmes depend on the ownership: they still read the facts.
    owners: list[Ownership | None] = ["provincial_soe", "private", None]
    return ([_in(f, codes[i % len(codes)], owners[i % len(owners)]) for i, f in enumerate(base)]
            + [_in(LOAN_SAMPLE, c, o) for c in codes for o in owners])


def _assert_as_assessed_one_by_one(pack: RulePack, facts: FactsFile, on: dt.date, explain: bool) -> int:
    results = assess(pack, facts, on, explain=explain).results
    ctx = FactContext(facts, on)
    assert [r.programme_id for r in results] == [p.id for p in pack.programmes]
    for programme, result in zip(pack.programmes, results, strict=True):
        assert result == assess_programme(pack, programme, ctx, explain=explain), programme.id
    return sum(r.status is Status.NOT_APPLICABLE for r in results)


@pytest.mark.parametrize("explain", [True, False])
def test_another_regions_results_are_what_assessing_each_programme_gives(explain: bool) -> None:
    pack = bundled_pack()
    not_applicable = 0
    for i, facts in enumerate(_corpus()):
        for on in DAYS[i % 3:] + DAYS[: i % 3]:  # each code met again: made once, then reused
            not_applicable += _assert_as_assessed_one_by_one(pack, facts, on, explain)
    assert not_applicable > 1000
    # The programmes whose route steps have conditions still read the enterprise's facts.
    assert any(when is not None for p in pack.programmes for when, _ in p.route)


def test_a_changed_pack_never_reads_another_packs_memo() -> None:
    pack = bundled_pack()
    facts = _in(enterprises(1, seed=9)[0], "630104")
    assess(pack, facts, DAYS[0])
    assert pack.in_region  # filled
    for changed in (RulePack(pack.source, pack.identity, pack.documents, pack.programmes[1:], pack.blocks),
                    RulePack(pack.source, pack.identity, pack.documents, pack.programmes[::-1], pack.blocks),
                    dataclasses.replace(pack)):
        assert not changed.in_region
        _assert_as_assessed_one_by_one(changed, facts, DAYS[0], True)


def test_two_assessments_share_no_list() -> None:
    pack = bundled_pack()
    facts = _in(enterprises(1, seed=9)[0], "630104")
    first = assess(pack, facts, DAYS[0])
    for result in first.results:
        result.conditions.clear()
        result.materials.append("改动")
        result.route.clear()
        result.missing.append(result.missing[0] if result.missing else None)  # type: ignore[arg-type]
    second = assess(pack, facts, DAYS[0])
    assert all(r.conditions and "改动" not in r.materials for r in second.results)
    assert second == assess(pack, facts, DAYS[0])
    assert [r.status for r in second.results].count(Status.NOT_APPLICABLE) > 20
