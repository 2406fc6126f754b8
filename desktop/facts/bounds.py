"""Bounds every fact gets from its meaning, as shared annotated types.

A fact field declared with one of these types is bounded wherever facts come from (a facts
file for ``assess``, an application file for ``draft``, a transfer file for ``import``, a form
in the GUI): rates and ratios in [0, 1], counts whole and not negative (``true`` is not a
count), money not negative and below :data:`MONEY_LIMIT`, dates real and between
:data:`EARLIEST_DATE` and :data:`LATEST_DATE`.  New fields get the same bounds by using the
type: ``employees: Count | None = fact(...)``.

:func:`describe` turns pydantic's error into the one plain message every caller shows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Final

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import ErrorDetails, PydanticCustomError

# 1 万亿元: above the assets of any enterprise these county programmes address, far below
# anything that could overflow a sum; a typo of extra zeros is caught, not multiplied.
MONEY_LIMIT: Final = Decimal("1000000000000")
COUNT_LIMIT: Final = 10_000_000
MEASURE_LIMIT: Final = Decimal("1000000000")
EARLIEST_DATE: Final = dt.date(1949, 10, 1)
LATEST_DATE: Final = dt.date(2100, 12, 31)


def _no_bool(value: Any) -> Any:
    # JSON true/false are not numbers: Python would read ``true`` as 1 employee.
    if isinstance(value, bool):
        raise PydanticCustomError("fact_bool_not_number", "应填写数字，不能是 true/false")
    return value


def _plausible_date(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError(
            "fact_date_range", "日期应在 {earliest} 至 {latest} 之间",
            {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()})
    return value


NoBool = BeforeValidator(_no_bool)

Yuan = Annotated[Decimal, NoBool, Field(ge=0, lt=MONEY_LIMIT, max_digits=18, decimal_places=2,
                                         allow_inf_nan=False)]
"""Money in 元, exact to the 分."""

Rate = Annotated[Decimal, NoBool, Field(ge=0, le=1, max_digits=12, allow_inf_nan=False)]
"""A rate or ratio written as a fraction: 0.0656 is 6.56 %."""

Count = Annotated[int, NoBool, Field(ge=0, le=COUNT_LIMIT)]
"""People, items: whole and not negative."""

Measure = Annotated[Decimal, NoBool, Field(ge=0, lt=MEASURE_LIMIT, max_digits=18, allow_inf_nan=False)]
"""A physical quantity (kWh per tonne, mg per m³): not negative, finite."""

Years = Annotated[Decimal, NoBool, Field(ge=0, le=100, max_digits=8, allow_inf_nan=False)]
"""A duration in years."""

FactDate = Annotated[dt.date, AfterValidator(_plausible_date)]
"""A calendar date within the range any of these programmes could concern."""


# Pydantic's error types, said plainly; ``{ge}`` and the like come from the error's context.
MESSAGES: Final[dict[str, str]] = {
    "decimal_parsing": "应填写数字（单位：元），如 1200000 或 1,200,000.50",
    "decimal_type": "应填写数字",
    "decimal_max_places": "最多保留两位小数",
    "decimal_max_digits": "数值过大",
    "decimal_whole_digits": "数值过大",
    "finite_number": "应填写有限的数字",
    "int_parsing": "应填写整数",
    "int_type": "应填写整数",
    "int_from_float": "应填写整数",
    "greater_than_equal": "不能小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "不能大于 {le}",
    "less_than": "应小于 {lt}",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD，如 2018-06-01",
    "date_parsing": "日期格式应为 YYYY-MM-DD，如 2018-06-01",
    "date_type": "日期格式应为 YYYY-MM-DD，如 2018-06-01",
    "bool_parsing": "应选择“是”或“否”",
    "bool_type": "应选择“是”或“否”",
    "literal_error": "不是可选的值之一",
    "string_too_long": "内容过长",
    "string_type": "应填写文字",
    "string_pattern_mismatch": "格式不对",
    "extra_forbidden": "不是本表的字段",
    "missing": "缺少此项",
    "model_type": "应为一个对象（{…}）",
    "model_attributes_type": "应为一个对象（{…}）",
    "list_type": "应为一个列表（[…]）",
    "too_long": "条目过多",
}


def describe(error: ErrorDetails) -> str:
    """One plain message for one pydantic error (falls back to pydantic's own text)."""
    template = MESSAGES.get(error["type"])
    if error["type"] == "greater_than_equal" and _plain((error.get("ctx") or {}).get("ge")) == "0":
        template = "不能为负数"
    if template is None:
        return str(error["msg"])
    context = {k: _plain(v) for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**context)
    except (KeyError, IndexError, ValueError):
        return template


def _plain(value: Any) -> str:
    # Pydantic hands Decimal bounds over as their repr: "Decimal('1000000000000')".
    text = str(value)
    if text.startswith("Decimal('") and text.endswith("')"):
        value = Decimal(text[9:-2])
    if isinstance(value, Decimal):
        return f"{value.normalize():,f}"
    return str(value)
