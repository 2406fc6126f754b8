"""Random facts that land on the rule pack's own thresholds, choices and dates.

Uniform random facts almost never sit exactly on "不低于500万元" or on a programme's last
day, which is where two evaluators are most likely to disagree.  This generator reads every
literal out of the pack's predicates and picks, per fact, among those values, their
neighbours one step either side, and "unknown".
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from desktop.facts import FACTS, FactsFile, FactType
from desktop.facts.registry import SECTIONS
from desktop.rules.pack import RulePack
from desktop.rules.predicates import (
    Combined,
    Compare,
    FirstCrossing,
    Flag,
    Membership,
    Predicate,
    Prefix,
)

REGION_CODES = ("630102", "630104", "632100", "130102", "130171", "150302", "110101")
INDUSTRY_CODES = ("3150", "2710", "2614", "3442", "3484", "5211", "3140", "3216")


def every_predicate(pack: RulePack) -> Iterator[Predicate]:
    for programme in pack.programmes:
        for condition in programme.conditions + programme.item_conditions:
            yield condition.test
            if condition.when is not None:
                yield condition.when
        for amount in programme.amounts:
            if amount.when is not None:
                yield amount.when
        for _name, when in programme.materials:
            if when is not None:
                yield when
        for when, _citation in programme.route:
            if when is not None:
                yield when
    for block in pack.blocks:
        yield block.blocked_when


def _leaves(predicate: Predicate) -> Iterator[Predicate]:
    if isinstance(predicate, Combined):
        for part in predicate.parts:
            yield from _leaves(part)
    else:
        yield predicate


# For facts no rule names a literal for: loan dates 5, 6 and 12 months apart, ordinary sums.
_TYPICAL: dict[FactType, list[Any]] = {
    FactType.DATE: [dt.date(2011, 12, 1), dt.date(2012, 1, 15), dt.date(2012, 7, 14),
                    dt.date(2012, 7, 15), dt.date(2013, 1, 15), dt.date(2018, 1, 1)],
    FactType.MONEY: [Decimal(0), Decimal(1_000_000), Decimal(50_000_000)],
    FactType.DECIMAL: [Decimal("0.05"), Decimal("0.5")],
    FactType.INT: [0, 10, 300],
}


def _step(kind: FactType, value: Any) -> list[Any]:
    if kind is FactType.DATE:
        return [value - dt.timedelta(days=1), value, value + dt.timedelta(days=1)]
    if kind is FactType.INT:
        return [int(value) - 1, int(value), int(value) + 1]
    if kind.is_numeric:
        unit = Decimal("0.01") if kind is FactType.DECIMAL else Decimal(1)
        return [max(Decimal(0), value - unit), value, value + unit]
    return [value]


def candidate_values(pack: RulePack) -> dict[str, list[Any]]:
    """Per fact path: every value a rule names, with neighbours; choices for the rest."""
    found: dict[str, list[Any]] = defaultdict(list)
    for predicate in every_predicate(pack):
        for leaf in _leaves(predicate):
            if isinstance(leaf, Compare) and leaf.value is not None:
                found[leaf.spec.path] += _step(leaf.spec.type, leaf.value)
            elif isinstance(leaf, Membership):
                found[leaf.spec.path] += sorted(leaf.values)
            elif isinstance(leaf, Flag):
                found[leaf.spec.path] += [True, False]
            elif isinstance(leaf, Prefix):
                found[leaf.spec.path] += [p.ljust(6, "0") for p in leaf.prefixes]
            elif isinstance(leaf, FirstCrossing):
                for threshold in leaf.thresholds:
                    found[leaf.spec.path] += _step(leaf.spec.type, threshold)
                    found[leaf.previous.path] += _step(leaf.spec.type, threshold)
    for path, spec in FACTS.items():
        if spec.type is FactType.ENUM:
            found[path] += list(spec.choices)
        elif spec.type is FactType.BOOL:
            found[path] += [True, False]
        elif not found[path]:
            found[path] += _TYPICAL.get(spec.type, [])
    found["enterprise.region_code"] += REGION_CODES
    found["enterprise.industry_code"] += INDUSTRY_CODES
    return {path: list(dict.fromkeys(values)) for path, values in found.items()}


def assessment_dates(pack: RulePack) -> list[dt.date]:
    """Each programme's first and last day, and the days either side."""
    days: set[dt.date] = set()
    for programme in pack.programmes:
        validity = programme.source.validity
        for edge in (validity.from_, validity.to):
            if edge is not None:
                days |= set(_step(FactType.DATE, edge))
    return sorted(days)


class RuleAwareFacts:
    def __init__(self, pack: RulePack, seed: int) -> None:
        self.values = candidate_values(pack)
        self.dates = assessment_dates(pack)
        self.rng = random.Random(seed)

    def _section(self, section: str, known: float) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for name in SECTIONS[section].model_fields:
            options = self.values.get(f"{section}.{name}")
            if options and self.rng.random() < known:
                answers[name] = self.rng.choice(options)
        return answers

    def _model(self, section: str, known: float) -> Any:
        answers = self._section(section, known)
        model = SECTIONS[section]
        while True:
            try:
                return model.model_validate(answers)
            except ValidationError as exc:  # e.g. dates out of order: drop what was refused
                for error in exc.errors():
                    if error["loc"]:
                        answers.pop(str(error["loc"][0]), None)
                    else:  # a rule across fields: start the section again, empty
                        answers.clear()

    def facts(self) -> FactsFile:
        rng = self.rng
        return FactsFile(
            enterprise=self._model("enterprise", 0.8),
            project=self._model("project", 0.8) if rng.random() < 0.6 else None,
            institution=self._model("institution", 0.8) if rng.random() < 0.4 else None,
            loans=([self._model("loan", 0.85) for _ in range(rng.randrange(0, 4))]
                   if rng.random() < 0.5 else None),
        )

    def day(self) -> dt.date:
        return self.rng.choice(self.dates)
