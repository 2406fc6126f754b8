"""Money and dates typed the way Chinese offices write them, read exactly.

``8000万``, ``0.8亿``, ``8,000万元``, ``1,200,000.50`` and ``１２００元`` are all amounts in 元;
``2018-03-01``, ``2018/3/1``, ``2018.3.1`` and ``2018年3月1日`` are all dates.  The widgets keep the
text as typed; these functions say what it means, or raise :class:`InputError` with a message
that names the problem in the user's words.  Shared by the profile editor, the wizards and the
file loaders so that every path reads a figure the same way.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

# 万亿元: far above any programme's figures, far below where a typo turns into nonsense.
MAX_MONEY_YUAN = Decimal("1000000000000")
# A typed figure is short; a 5,000-digit paste is refused before Decimal sees it.
MAX_NUMBER_CHARS = 40
EARLIEST_DATE = date(1949, 10, 1)
LATEST_DATE = date(2100, 12, 31)

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－／，", "0123456789.-/,")
_UNIT_FACTORS = {"": 1, "元": 1, "万": 10_000, "万元": 10_000, "亿": 100_000_000, "亿元": 100_000_000}
_MONEY = re.compile(r"^(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<unit>元|万元?|亿元?)?$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?$")
_DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})\.(?P<m>\d{1,2})\.(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)


class InputError(ValueError):
    """Typed text that does not mean a value; ``str(error)`` is the message for the user."""


def _clean(text: str) -> str:
    return text.strip().translate(_FULL_WIDTH).replace(" ", "").replace("\u3000", "")


def parse_money_input(text: str, *, limit: Decimal = MAX_MONEY_YUAN) -> Decimal:
    """Typed money -> exact 元, at most to the 分.  Negative amounts and figures at or above
    ``limit`` are refused: every amount the rules read is a sum of money someone holds."""
    cleaned = _clean(text)
    if not cleaned:
        raise InputError("请填写金额")
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise InputError("金额过长，请检查是否粘贴了多余内容")
    if cleaned.startswith("-"):
        raise InputError("金额不能为负数")
    match = _MONEY.match(cleaned)
    if match is None:
        raise InputError("金额写法如 1200000、1,200,000.50、8000万、0.8亿 或 8,000万元")
    number = match["number"]
    if "," in number and not _GROUPED.match(number):
        raise InputError("千分位逗号的位置不对，如 1,200,000")
    try:
        value = Decimal(number.replace(",", "")) * _UNIT_FACTORS[match["unit"] or ""]
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise InputError("不是有效的数字") from exc
    if value != value.quantize(Decimal("0.01")):
        raise InputError("金额最多精确到分（元后两位小数）")
    if value >= limit:
        raise InputError(f"金额过大（应小于 {limit:,.0f} 元），请检查单位")
    return value.quantize(Decimal("0.01")) if value % 1 else value.quantize(Decimal(1))


def parse_date_input(text: str, *, earliest: date = EARLIEST_DATE, latest: date = LATEST_DATE) -> date:
    """Typed date -> ``date``; a date outside [earliest, latest] is refused as implausible."""
    cleaned = _clean(text)
    if not cleaned:
        raise InputError("请填写日期")
    for pattern in _DATE_PATTERNS:
        match = pattern.match(cleaned)
        if match is not None:
            break
    else:
        raise InputError("日期写法如 2018-03-01 或 2018年3月1日")
    try:
        value = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError as exc:
        raise InputError("没有这一天，请检查月份和日期") from exc
    if not earliest <= value <= latest:
        raise InputError(f"日期应在 {earliest.isoformat()} 至 {latest.isoformat()} 之间")
    return value
