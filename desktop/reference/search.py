"""Finding a region or an industry the way people type it: a code, any part of the name, or
the pinyin initials of the name (``xn`` finds 西宁市, ``sjz`` 石家庄市).

The initials of every name in the shipped reference tables are a generated table,
``resources/reference/pinyin_initials.json``, written by ``tools/pinyin_initials.py`` with
pypinyin's readings (phrases included: 重庆 cq, 长沙 cs) and held equal to them by a test.  The app
itself does not carry pypinyin's dictionaries.  A name outside the tables has no initials to
match (only its code and characters).
"""

from __future__ import annotations

import json
from functools import cache

from desktop.paths import resource

INITIALS_FILE = "pinyin_initials.json"


@cache
def _initials_table() -> dict[str, str]:
    with resource("reference", INITIALS_FILE).open(encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return table


def initials(name: str) -> str:
    """``石家庄市`` -> ``sjzs`` for a name of the reference tables; ``""`` for any other."""
    return _initials_table().get(name, "")


def matches(query: str, code: str, name: str) -> bool:
    """Whether a typed query finds the entry ``code name``."""
    wanted = query.strip().lower().replace(" ", "")
    if not wanted:
        return True
    if wanted.isdigit():
        return code.startswith(wanted) or wanted in code
    if wanted.isascii() and wanted.isalpha():
        return wanted in initials(name)
    return wanted in name or wanted in f"{code}{name}".lower()
