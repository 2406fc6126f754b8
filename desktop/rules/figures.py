"""Every figure a rule states must be in the excerpt it cites.

A rule's amount (``fixed``, ``cap``, a tier's ``at_least``/``amount``, an authority range) and a
condition's threshold (``op``/``value`` with a number or a sum) are what an enterprise acts
on.  If an editor changes ``20万元`` in the YAML while the cited excerpt still reads “10万元”,
the citation no longer justifies the rule: the check refuses it.

Figures are compared as values, so “20万元”, “200000元” and “二十万元” match ``20万元``;
a rate ``0.15`` matches “15%”.  A zero threshold (``> 0元``: “has any”) states no figure.
A figure that is legitimately not in the excerpt (worked out from it) is marked on the rule
with ``figure_not_in_excerpt: <why>``; the check then skips that rule, never silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.money import parse_amount_text
from desktop.rules.model import AmountRule, Condition

_UNIT = {"": Decimal(1), "元": Decimal(1), "万": Decimal(10_000), "万元": Decimal(10_000),
         "亿": Decimal(100_000_000), "亿元": Decimal(100_000_000)}
_ARABIC = re.compile(r"([0-9][0-9,，]*(?:\.[0-9]+)?)\s*(%|％|亿元|万元|亿|万|元)?")
_CHINESE = re.compile(r"([零〇一二两三四五六七八九十百千]+)\s*(亿元|万元|亿|万|元|%|％)?")
_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}


def _chinese_number(text: str) -> int:
    """``"二十"`` -> 20, ``"一百五十"`` -> 150, ``"五"`` -> 5 (below 万; units come apart)."""
    total, digit = 0, 0
    for char in text:
        if char in _DIGIT:
            digit = _DIGIT[char]
        else:
            total += (digit or 1) * _SMALL_UNIT[char]
            digit = 0
    return total + digit


def _excerpt_values(excerpt: str) -> set[Decimal]:
    """Every value the excerpt states: plain, times its unit (元), and a percentage as a rate."""
    found: set[Decimal] = set()
    for pattern in (_ARABIC, _CHINESE):
        for match in pattern.finditer(excerpt):
            raw, unit = match[1], match[2] or ""
            try:
                number = (Decimal(raw.replace(",", "").replace("，", "")) if pattern is _ARABIC
                          else Decimal(_chinese_number(raw)))
            except (InvalidOperation, KeyError):
                continue
            if unit in ("%", "％"):
                found.add(number / 100)
            found.add(number * _UNIT.get(unit, Decimal(1)))
            found.add(number)
    return found


def _money(text: str) -> Decimal | None:
    try:
        return parse_amount_text(text)
    except ValueError:
        return None


def _as_figure(value: Any) -> Decimal | None:
    """A threshold's value as a figure; None for dates, flags, names and ``$`` references."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        money = _money(value)
        if money is not None:
            return money
        try:
            return Decimal(value)
        except InvalidOperation:
            return None
    return None


def _thresholds(test: Any, path: str) -> Iterator[tuple[str, str, Decimal]]:
    if isinstance(test, dict):
        if "op" in test and "value" in test:
            figure = _as_figure(test["value"])
            if figure is not None and figure != 0:
                yield f"{path}.value", str(test["value"]), figure
            return
        for key, sub in test.items():
            yield from _thresholds(sub, f"{path}.{key}")
    elif isinstance(test, list):
        for i, sub in enumerate(test):
            yield from _thresholds(sub, f"{path}[{i}]")


def condition_figures(condition: Condition, where: str) -> Iterator[tuple[str, str, Decimal]]:
    """(field, as written, value) for every non-zero numeric threshold in the condition's test."""
    yield from _thresholds(condition.test, f"{where}.test")


def amount_figures(rule: AmountRule, where: str) -> Iterator[tuple[str, str, Decimal]]:
    """(field, as written, value in 元) for the rule's fixed sum, cap, tiers and range."""
    for name in ("fixed", "cap"):
        text = getattr(rule, name)
        if text is not None and (value := _money(text)) is not None:
            yield f"{where}.{name}", text, value
    if rule.tiers:
        for i, tier in enumerate(rule.tiers.table):
            for name in ("at_least", "amount"):
                text = getattr(tier, name)
                if (value := _money(text)) is not None:
                    yield f"{where}.tiers.table[{i}].{name}", text, value
    if rule.set_by_authority and rule.set_by_authority.range:
        for i, text in enumerate(rule.set_by_authority.range):
            if (value := _money(text)) is not None and value != 0:
                yield f"{where}.set_by_authority.range[{i}]", text, value


def stated_figures(excerpt: str) -> list[str]:
    """The figures an excerpt states, as written (``["500万元", "100万元"]``), for messages."""
    found = [m[0].strip() for m in _ARABIC.finditer(excerpt)]
    found += [m[0].strip() for m in _CHINESE.finditer(excerpt) if m[2]]
    return list(dict.fromkeys(found))


def missing_figures(figures: Iterator[tuple[str, str, Decimal]], excerpt: str
                    ) -> list[tuple[str, str]]:
    """(field, as written) for each figure the excerpt does not state."""
    stated = _excerpt_values(excerpt)
    return [(field, text) for field, text, value in figures if value not in stated]
