"""Administrative division codes for the target regions (青海 63, 乌海 1503, 石家庄 1301),
with historical changes (e.g. 海东地区 632100 became 海东市 630200 in 2013)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from desktop.paths import resource


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    valid_from: int | None = None  # year; None = before records / still valid
    valid_to: int | None = None
    parent_code: str = ""

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    @property
    def label(self) -> str:
        years = ""
        if self.valid_to is not None:
            years = f"（{self.valid_from or ''}–{self.valid_to} 年使用）"
        return f"{self.code} {self.name}{years}"


@cache
def regions() -> dict[str, list[Region]]:
    """Every known code with all the names it has carried, current one first."""
    table: dict[str, list[Region]] = {}
    with resource("reference", "target_regions_history_stdnum.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table.setdefault(row["code"], []).append(
                Region(
                    code=row["code"],
                    name=row["name"],
                    valid_from=int(row["valid_from"]) if row["valid_from"] else None,
                    valid_to=int(row["valid_to"]) if row["valid_to"] else None,
                )
            )
    with resource("reference", "target_regions_current_modood.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            known = table.setdefault(row["code"], [])
            if not any(r.name == row["name"] and r.is_current for r in known):
                known.append(Region(code=row["code"], name=row["name"],
                                    parent_code=row["parent_code"]))
    for versions in table.values():
        versions.sort(key=lambda r: (not r.is_current, -(r.valid_to or 0)))
    return table


def is_known(code: str) -> bool:
    return code in regions()


def name_of(code: str) -> str | None:
    versions = regions().get(code)
    return versions[0].name if versions else None


def full_name(code: str) -> str:
    """``130171`` -> ``河北省 石家庄市 石家庄高新技术产业开发区``."""
    names = []
    for prefix_code in (code[:2] + "0000", code[:4] + "00", code):
        name = name_of(prefix_code)
        if name and name not in names and name != "市辖区":
            names.append(name)
    return " ".join(names) or code


def within(code: str, region_prefix: str) -> bool:
    """Whether division ``code`` lies in the region whose codes start with ``region_prefix``."""
    return code.startswith(region_prefix)


def pickable() -> list[Region]:
    """Codes a user can choose in the region picker, current names first."""
    return sorted((versions[0] for versions in regions().values()), key=lambda r: r.code)
