"""User text made safe for documents, and dates written the way the templates write them."""

from __future__ import annotations

import datetime as dt

from desktop.applications.hygiene import strip_controls

__all__ = ["chinese_date", "chinese_year_month", "form_date", "strip_controls"]

_CHINESE_DIGITS = "〇一二三四五六七八九"
_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def chinese_year_month(day: dt.date) -> str:
    """``2011-12-05`` -> ``二〇一一年十二月``: the 责任书 template's date style."""
    year = "".join(_CHINESE_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{_MONTHS[day.month - 1]}月"


def chinese_date(day: dt.date) -> str:
    """``2018-06-01`` -> ``二〇一八年六月一日``."""
    return f"{chinese_year_month(day)}{_chinese_number(day.day)}日"


def _chinese_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{_CHINESE_DIGITS[tens]}十")
    return head + (_CHINESE_DIGITS[ones] if ones else "")


def form_date(day: dt.date | None) -> str:
    """``2012-04-01`` -> ``2012年4月1日``: a date in a form cell, for people (ISO stays in data)."""
    return f"{day.year}年{day.month}月{day.day}日" if day is not None else ""
