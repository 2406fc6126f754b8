"""Money is Decimal 元, shown in 万元 with two decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.money import format_wan, parse_amount_text, rmb_upper, round_yuan


@pytest.mark.parametrize(("text", "yuan"), [
    ("500万元", Decimal("5000000")),
    ("10亿元", Decimal("1000000000")),
    ("0元", Decimal("0")),
    ("1.5万元", Decimal("15000")),
])
def test_parse_amount_text(text: str, yuan: Decimal) -> None:
    assert parse_amount_text(text) == yuan


def test_format_wan_has_two_decimals_and_rounds_half_up() -> None:
    assert format_wan(Decimal("5000000")) == "500.00"
    assert format_wan(Decimal("333466.67")) == "33.35"
    assert format_wan(Decimal("50")) == "0.01"


def test_round_yuan_to_fen() -> None:
    assert round_yuan(Decimal("333466.666")) == Decimal("333466.67")


# The examples of the PBOC rules, and the cases around 零 and 壹拾.
RMB_UPPER_CASES = [
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("1000", "壹仟元整"),
    ("10", "壹拾元整"),
    ("15", "壹拾伍元整"),
    ("150000", "壹拾伍万元整"),
    ("135800", "壹拾叁万伍仟捌佰元整"),
    ("10005", "壹万零伍元整"),
    ("100000000", "壹亿元整"),
    ("100050000", "壹亿零伍万元整"),
    ("5000000", "伍佰万元整"),
    ("2000000", "贰佰万元整"),
    ("0.5", "伍角"),
    ("0.05", "伍分"),
    ("0", "零元整"),
    ("1010101.01", "壹佰零壹万零壹佰零壹元零壹分"),
]


@pytest.mark.parametrize(("amount", "upper"), RMB_UPPER_CASES)
def test_rmb_upper_follows_pboc_rules(amount: str, upper: str) -> None:
    assert rmb_upper(Decimal(amount)) == upper


def test_rmb_upper_refuses_negative() -> None:
    with pytest.raises(ValueError, match="超出"):
        rmb_upper(Decimal("-1"))
