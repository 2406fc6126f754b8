"""Enterprise size class (大/中/小/微) by 工信部联企业〔2011〕300号, from the bundled threshold table.

Rule of the standard: large, medium and small must meet every listed lower bound of
their industry, otherwise the enterprise drops one class; micro needs only one indicator
below the small bound.  Equivalently the class is the lowest class any indicator reaches.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from desktop.money import YUAN_PER_WAN
from desktop.paths import resource
from desktop.reference.industry import Industry, lookup

SizeClass = Literal["large", "medium", "small", "micro"]
CLASS_ORDER: tuple[SizeClass, ...] = ("large", "medium", "small", "micro")
CLASS_NAMES = {"large": "大型", "medium": "中型", "small": "小型", "micro": "微型"}
INDICATOR_NAMES = {"X": "从业人员", "Y": "营业收入", "Z": "资产总额"}


@dataclass(frozen=True)
class Threshold:
    industry: str
    indicator: str  # X employees, Y revenue (万元), Z assets (万元)
    unit: str
    large: Decimal
    medium: Decimal
    small: Decimal


@dataclass(frozen=True)
class SizeResult:
    size_class: SizeClass | None
    explanation: str
    missing: tuple[str, ...] = ()


# Which threshold row applies, by 2011 code: 门类 letters, then 大类/中类/小类 prefixes.
_SCOPE_BY_SECTION = {"A": "农、林、牧、渔业", "B": "工业", "C": "工业", "D": "工业", "E": "建筑业",
                     "L": "租赁和商务服务业", "M": "其他未列明行业", "N": "其他未列明行业",
                     "O": "其他未列明行业", "Q": "其他未列明行业", "R": "其他未列明行业"}
_SCOPE_BY_PREFIX = {"51": "批发业", "52": "零售业", "54": "交通运输业", "55": "交通运输业",
                    "56": "交通运输业", "57": "交通运输业", "58": "交通运输业", "59": "仓储业",
                    "60": "邮政业", "61": "住宿业", "62": "餐饮业", "63": "信息传输业",
                    "64": "信息传输业", "65": "软件和信息技术服务业", "7010": "房地产开发经营",
                    "702": "物业管理", "703": "其他未列明行业", "709": "其他未列明行业"}


@cache
def thresholds() -> dict[str, list[Threshold]]:
    table: dict[str, list[Threshold]] = {}
    path = resource("reference", "sme_size_thresholds_2011_2017.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            indicator = re.search(r"\(([XYZ])\)", row["indicator"])
            assert indicator, row
            table.setdefault(row["industry"], []).append(
                Threshold(
                    industry=row["industry"],
                    indicator=indicator.group(1),
                    unit=row["unit"],
                    large=Decimal(row["large_min"]),
                    medium=Decimal(row["medium_min"]),
                    small=Decimal(row["small_min"]),
                )
            )
    return table


def standard_industry(industry: Industry) -> str | None:
    for length in (4, 3, 2):
        scope = _SCOPE_BY_PREFIX.get(industry.code[:length])
        if scope and len(industry.code) >= length:
            return scope
    return _SCOPE_BY_SECTION.get(industry.section)


def _class_for(value: Decimal, threshold: Threshold) -> SizeClass:
    if value >= threshold.large:
        return "large"
    if value >= threshold.medium:
        return "medium"
    if value >= threshold.small:
        return "small"
    return "micro"


def classify(
    industry_code: str | None,
    employees: int | None,
    revenue_yuan: Decimal | None,
    assets_yuan: Decimal | None,
) -> SizeResult:
    if not industry_code:
        return SizeResult(None, "未填写所属行业，无法划型。", ("enterprise.industry_code",))
    industry = lookup(industry_code)
    if industry is None:
        return SizeResult(None, f"行业代码 {industry_code} 不在 GB/T 4754-2011 中，无法划型。",
                          ("enterprise.industry_code",))
    scope = standard_industry(industry)
    if scope is None:
        return SizeResult(None, f"{industry.label} 不在划型标准所列行业范围内。")
    values = {
        "X": Decimal(employees) if employees is not None else None,
        "Y": revenue_yuan / YUAN_PER_WAN if revenue_yuan is not None else None,
        "Z": assets_yuan / YUAN_PER_WAN if assets_yuan is not None else None,
    }
    fact_of = {"X": "enterprise.employees", "Y": "enterprise.revenue", "Z": "enterprise.assets"}
    rows = thresholds()[scope]
    missing = tuple(fact_of[r.indicator] for r in rows if values[r.indicator] is None)
    parts: list[str] = []
    classes: list[SizeClass] = []
    for row in rows:
        value = values[row.indicator]
        if value is None:
            continue
        reached = _class_for(value, row)
        classes.append(reached)
        parts.append(
            f"{INDICATOR_NAMES[row.indicator]} {value.normalize():f}{row.unit}"
            f"（{_bound(row, reached)}）"
        )
    lowest = max(classes, key=CLASS_ORDER.index) if classes else None
    if missing and lowest != "micro":
        # Without every indicator only "micro" is certain (micro needs just one indicator).
        known = "；".join(parts) + "；" if parts else ""
        absent = "、".join(INDICATOR_NAMES[r.indicator] for r in rows if values[r.indicator] is None)
        return SizeResult(None, f"按{scope}标准：{known}{absent}未填写，暂无法划型。", missing)
    assert lowest is not None
    rule = ("微型企业只须满足所列指标中的一项" if lowest == "micro"
            else "大、中、小型须同时满足所列指标下限，否则下划一档")
    text = f"按{scope}标准：" + "；".join(parts) + f"。{rule}，划为{CLASS_NAMES[lowest]}企业。"
    return SizeResult(lowest, text)


def _bound(row: Threshold, reached: SizeClass) -> str:
    if reached == "micro":
        return f"低于小型下限 {row.small.normalize():f}{row.unit}"
    bound: Decimal = getattr(row, reached)
    return f"达到{CLASS_NAMES[reached]}下限 {bound.normalize():f}{row.unit}"
