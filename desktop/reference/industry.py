"""GB/T 4754 industry classification (2011 and 2017 editions) from ``resources/reference``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from typing import Literal

from desktop.paths import resource

Edition = Literal["2011", "2017"]
_FILES = {"2011": "gbt4754_2011_industry.csv", "2017": "gbt4754_2017_industry.csv"}


@dataclass(frozen=True)
class Industry:
    code: str
    name: str
    level: int  # 1 门类, 2 大类, 3 中类, 4 小类
    section: str  # 门类 letter
    parent_code: str

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


@cache
def industries(edition: Edition = "2011") -> dict[str, Industry]:
    path = resource("reference", _FILES[edition])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)  # not DictReader: read at the first paint, and half the time
        columns = {name: i for i, name in enumerate(next(rows))}
        code, name, level, section, parent = (columns[c] for c in (
            "code", "name", "level", "section", "parent_code"))
        return {row[code]: Industry(code=row[code], name=row[name], level=int(row[level]),
                                    section=row[section], parent_code=row[parent])
                for row in rows}


def lookup(code: str, edition: Edition = "2011") -> Industry | None:
    return industries(edition).get(code.strip().upper())


def search(text: str, edition: Edition = "2011", limit: int = 50) -> list[Industry]:
    """Codes starting with ``text`` or names containing it, most specific codes last."""
    needle = text.strip()
    if not needle:
        return []
    found = [
        item
        for item in industries(edition).values()
        if item.code.startswith(needle.upper()) or needle in item.name
    ]
    return sorted(found, key=lambda item: (item.level, item.code))[:limit]


def edition_for_policy_date(issued: str) -> Edition:
    """Policies issued before October 2017 use the 2011 codes (GB/T 4754-2017 took effect 2017-10-01)."""
    return "2011" if issued < "2017-10-01" else "2017"
