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


def wan_exact(yuan: Decimal) -> Decimal:
    """The amount in 万元 without losing a fen: ``4999950`` -> ``499.995`` (never 500.00).

    Papers print this, so the 万元 figure, the 元 behind the 大写 and any total agree exactly.
    """
    return round_yuan(yuan) * Decimal("0.0001")  # multiplying is exact: six decimals at most


def format_wan_exact(yuan: Decimal) -> str:
    """万元 with two decimals, more only where the amount needs them: ``500.00``, ``499.995``."""
    whole, _, decimals = f"{wan_exact(yuan):f}".partition(".")
    decimals = decimals.rstrip("0").ljust(2, "0")
    return f"{whole}.{decimals}"


def is_whole_fen_of_wan(yuan: Decimal) -> bool:
    """Whether the amount is exact at two decimals of 万元 (a whole hundred 元)."""
    return round_yuan(yuan) % 100 == 0


def wan_with_unit(yuan: Decimal) -> str:
    """``2200.00万元`` for an amount exact at two decimals of 万元; otherwise the exact 元 with
    thousands separators, ``333,463.36元`` (a clerk reads "33.346667万元" as a mistake).
    Set solid as Chinese text sets numbers (no spaces)."""
    exact = round_yuan(yuan)
    if is_whole_fen_of_wan(exact):
        return f"{format_wan_exact(exact)}万元"
    return f"{exact:,.2f}元"


def wan_and_upper(yuan: Decimal) -> tuple[str, str]:
    """The 小写 (``500.00万元`` or ``333,463.36元``, unit included) and the 人民币大写 of one
    amount, both from the same exact 元."""
    exact = round_yuan(yuan)
    return wan_with_unit(exact), rmb_upper(exact)


def amount_and_upper(yuan: Decimal) -> str:
    """``500.00万元（人民币伍佰万元整）``."""
    figure, upper = wan_and_upper(yuan)
    return f"{figure}（人民币{upper}）"


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


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IN_GROUP = ("仟", "佰", "拾", "")
_GROUPS = ("", "万", "亿")
_MAX_UPPER = Decimal("1000000000000")


def rmb_upper(yuan: Decimal) -> str:
    """人民币大写 by the PBOC rules (《正确填写票据和结算凭证的基本规定》).

    ``1680.32`` -> 壹仟陆佰捌拾元零叁角贰分; ``107000.53`` -> 壹拾万柒仟元零伍角叁分;
    ``150000`` -> 壹拾伍万元整.  Written here, not taken from cn2an, because its "rmb" mode does
    not follow these rules (it drops the leading 壹 of 壹拾 and the 零 before 角).
    """
    amount = round_yuan(yuan)
    if amount < 0 or amount >= _MAX_UPPER:
        raise ValueError(f"金额超出可大写的范围：{yuan}")
    whole = int(amount)
    cents = int((amount - whole) * 100)
    jiao, fen = divmod(cents, 10)
    if whole == 0:
        if cents == 0:
            return "零元整"
        return (f"{_DIGITS[jiao]}角" if jiao else "") + (f"{_DIGITS[fen]}分" if fen else "")
    text = _integer_upper(whole) + "元"
    if cents == 0:
        return text + "整"
    if jiao == 0:
        return text + f"零{_DIGITS[fen]}分"
    if whole % 10 == 0:
        text += "零"  # 元位是 0 而角位不是：写一个“零”
    return text + f"{_DIGITS[jiao]}角" + (f"{_DIGITS[fen]}分" if fen else "")


def _integer_upper(whole: int) -> str:
    groups: list[int] = []
    while whole:
        whole, group = divmod(whole, 10_000)
        groups.append(group)
    parts: list[str] = []
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or group < 1000):
            parts.append("零")
        parts.append(_group_upper(group) + _GROUPS[index])
        need_zero = False
    return "".join(parts)


def _group_upper(group: int) -> str:
    digits = f"{group:04d}".lstrip("0")
    units = _IN_GROUP[4 - len(digits):]
    out = ""
    pending_zero = False
    for digit, unit in zip(digits, units, strict=True):
        if digit == "0":
            pending_zero = True
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += _DIGITS[int(digit)] + unit
    return out
