"""Deterministic synthetic enterprises for batch benchmarks (an official's triage of a county)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import TypeVar

from desktop.facts import Enterprise, FactsFile, Institution
from desktop.facts.declarations import Level
from desktop.facts.model import InstitutionKind

REGIONS = ("630102", "630104", "130102", "130171", "150302", "150303")
INDUSTRIES = ("3150", "2710", "2614", "3442", "3484", "5211")
KINDS: tuple[InstitutionKind, ...] = (
    "enterprise_tech_center", "engineering_research_center", "key_laboratory",
    "academician_workstation", "postdoc_workstation")
LEVELS: tuple[Level, ...] = ("national", "provincial", "municipal")


T = TypeVar("T")


def _maybe(rng: random.Random, value: T, known: float = 0.85) -> T | None:
    return value if rng.random() < known else None  # some facts unknown, as in real profiles


def enterprises(count: int, seed: int = 20261122) -> list[FactsFile]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        revenue = Decimal(rng.randrange(1_000_000, 6_000_000_000))
        enterprise = Enterprise(
            name=f"企业{i}", region_code=rng.choice(REGIONS), industry_code=rng.choice(INDUSTRIES),
            employees=_maybe(rng, rng.randrange(5, 3000)), revenue=revenue,
            main_revenue=revenue, prior_max_main_revenue=_maybe(rng, revenue * Decimal("0.8")),
            annual_revenue=revenue, prior_max_annual_revenue=_maybe(rng, revenue * Decimal("0.9")),
            intermediary_fees=_maybe(rng, Decimal(rng.randrange(0, 6_000_000))),
            collective_bond_amount=_maybe(rng, Decimal(rng.randrange(0, 300_000_000))),
            unemployment_insurance_years=_maybe(rng, Decimal(rng.randrange(0, 6))),
            no_major_layoffs_two_years=_maybe(rng, rng.random() < 0.7),
            profit_tax_rate_at_least_average=_maybe(rng, rng.random() < 0.5),
            pays_tax_locally=_maybe(rng, rng.random() < 0.9),
            high_tech_certified=_maybe(rng, rng.random() < 0.2),
        )
        institution = None
        if rng.random() < 0.3:
            institution = Institution(
                kind=rng.choice(KINDS), level=rng.choice(LEVELS),
                recognised_on=dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(0, 1800)))
        out.append(FactsFile(enterprise=enterprise, institution=institution))
    return out
