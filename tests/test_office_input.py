"""Money and dates as offices type them: exact values, clear refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.office_input import InputError, parse_date_input, parse_money_input


@pytest.mark.parametrize(
    ("typed", "yuan"),
    [
        ("8000万", "80000000"),
        ("0.8亿", "80000000"),
        ("8,000万元", "80000000"),
        ("1,200,000.50", "1200000.50"),
        ("1200000", "1200000"),
        ("１２００元", "1200"),
        (" 12.5 万 ", "125000"),
        ("1.23456万", "12345.60"),
        ("0", "0"),
    ],
)
def test_money_as_offices_write_it(typed: str, yuan: str) -> None:
    assert parse_money_input(typed) == Decimal(yuan)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5万", "负数"),
        ("12,00", "千分位"),
        ("abc", "写法"),
        ("1.2345678万", "精确到分"),
        ("20000亿", "过大"),
        ("9" * 5000, "过长"),
        ("", "请填写"),
        ("1e400", "写法"),
    ],
)
def test_money_refusals_say_why(typed: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_money_input(typed)


@pytest.mark.parametrize(
    "typed",
    ["2018-03-01", "2018/3/1", "2018.3.1", "2018年3月1日", "2018 年 3 月 1 日", "20180301",
     "２０１８－０３－０１"],
)
def test_dates_as_offices_write_them(typed: str) -> None:
    assert parse_date_input(typed) == date(2018, 3, 1)


@pytest.mark.parametrize(
    ("typed", "says"), [("2018-02-30", "没有这一天"), ("1800-01-01", "之间"), ("明天", "写法")])
def test_date_refusals_say_why(typed: str, says: str) -> None:
    with pytest.raises(InputError, match=says):
        parse_date_input(typed)
