"""Money is Decimal 元, shown in 万元 with two decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.money import format_wan, parse_amount_text, round_yuan


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
