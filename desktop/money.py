"""Money is Decimal in 元; shown in 万元 with two decimals.  Parsing of amounts quoted from policy text."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

YUAN_PER_WAN = Decimal(10_000)
YUAN_PER_YI = Decimal(100_000_000)
CENT = Decimal("0.01")

_UNITS = {"元": Decimal(1), "万元": YUAN_PER_WAN, "亿元": YUAN_PER_YI}
_AMOUNT_TEXT = re.compile(r"^\s*(?P<number>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>元|万元|亿元)\s*$")


def parse_amount_text(text: str) -> Decimal:
    """``"500万元"`` -> ``Decimal("5000000")`` (元).  Raises ValueError on anything else."""
    match = _AMOUNT_TEXT.match(text)
    if not match:
        raise ValueError(f"金额写法应为“数字+元/万元/亿元”，例如“500万元”，实际为“{text}”")
    return Decimal(match["number"]) * _UNITS[match["unit"]]


def to_wan(yuan: Decimal) -> Decimal:
    return (yuan / YUAN_PER_WAN).quantize(CENT, rounding=ROUND_HALF_UP)


def format_wan(yuan: Decimal) -> str:
    """``Decimal("5000000")`` -> ``"500.00"`` (万元, two decimals, half-up)."""
    return f"{to_wan(yuan):.2f}"


def format_wan_with_unit(yuan: Decimal) -> str:
    return f"{format_wan(yuan)} 万元"


def round_yuan(yuan: Decimal) -> Decimal:
    return yuan.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_decimal(value: object) -> Decimal:
    """Accept int, Decimal or a numeric string; never float (binary rounding)."""
    if isinstance(value, bool | float):
        raise ValueError("金额须以字符串或整数给出，不接受浮点数")
    try:
        return Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"不是有效的数字：{value!r}") from exc
