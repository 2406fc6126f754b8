"""Finding a region or an industry the way people type it: a code, any part of the name, or
the pinyin initials of the name (``xn`` finds 西宁市, ``sjz`` 石家庄市).

Initials are computed lazily, once per name (pypinyin's dictionary is a few MB and loads in
about a second; a user who only types names never pays for it... until the first Latin
letter typed).
"""

from __future__ import annotations

from functools import cache


@cache
def initials(name: str) -> str:
    """``石家庄市`` -> ``sjzs``; characters without a reading (digits, brackets) are dropped."""
    from pypinyin import Style, lazy_pinyin  # imported on first use: it is slow to load

    return "".join(part[0] for part in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
                   if part).lower()


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
