"""What the programmes of one region need and when they are in force (Qt-free).

The profile editor shows first the facts the enterprise's own region's programmes read, and a
new enterprise starts on a date when those programmes are in force rather than on today's
date (the bundled texts have all expired by now) or on the sample's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.reference import regions
from desktop.rules.pack import CompiledProgramme, RulePack

REGION_FACT = "enterprise.region_code"


def local_programmes(pack: RulePack, region_code: str | None) -> list[CompiledProgramme]:
    """Programmes that apply where the enterprise is registered (every one when it is unknown)."""
    if not region_code:
        return list(pack.programmes)
    return [p for p in pack.programmes if regions.within(region_code, p.source.region)]


def facts_read(programme: CompiledProgramme) -> set[str]:
    """Every fact the programme's conditions, amounts and materials read."""
    found: set[str] = set()
    for condition in programme.conditions + programme.item_conditions:
        found.update(condition.test.facts)
        if condition.when is not None:
            found.update(condition.when.facts)
    for amount in programme.amounts:
        if amount.when is not None:
            found.update(amount.when.facts)
        rule = amount.source
        for base in (rule.ratio.base if rule.ratio else None, rule.tiers.fact if rule.tiers else None,
                     rule.tiers.first_time_over if rule.tiers else None,
                     rule.top_up.base if rule.top_up else None,
                     rule.top_up.received_rate if rule.top_up else None, rule.less_received):
            if base and "." in base:
                found.add(base)
    for _name, when in programme.materials:
        if when is not None:
            found.update(when.facts)
    return found


def facts_for_region(pack: RulePack, region_code: str | None) -> set[str]:
    """The facts the region's programmes read, plus the region itself."""
    found = {REGION_FACT}
    for programme in local_programmes(pack, region_code):
        found |= facts_read(programme)
    return found


def in_force(programme: CompiledProgramme, on: dt.date) -> bool:
    validity = programme.source.validity
    return validity.from_ <= on and (validity.to is None or on <= validity.to)


@dataclass(frozen=True)
class DateSuggestion:
    day: dt.date
    in_force: tuple[str, ...]  # titles of the local programmes in force that day
    local: int  # how many programmes apply to the region
    today_in_force: int  # how many of them are in force today


def suggested_assessment_date(pack: RulePack, region_code: str | None, today: dt.date) -> DateSuggestion:
    """Today if any local programme is in force today; otherwise the latest day on which the
    most local programmes are in force at once (a programme starts or ends the count changing,
    so only start days and the day after an end need checking)."""
    local = local_programmes(pack, region_code)
    today_count = sum(in_force(p, today) for p in local)
    best = today
    if today_count == 0 and local:
        candidates = {p.source.validity.from_ for p in local}
        candidates |= {p.source.validity.to for p in local if p.source.validity.to is not None}
        best = max(sorted(candidates), key=lambda day: (sum(in_force(p, day) for p in local), day))
    titles = tuple(p.source.title for p in local if in_force(p, best))
    return DateSuggestion(best, titles, len(local), today_count)
