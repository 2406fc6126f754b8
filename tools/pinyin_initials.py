"""Write the pinyin initials of every region and industry name: ``resources/reference/pinyin_initials.json``.

The region and industry pickers find ``西宁市`` from ``xn`` (desktop.reference.search).  The names
are the shipped reference tables' and nothing else, so their initials are worked out here, once,
with pypinyin (its phrase dictionary reads 重庆 as chongqing and 长沙 as changsha), and the app
reads the table: no 3 MB dictionary in the installed app, nothing to load on the first typed
letter.  ``tests/reference/test_search.py`` fails when the table and pypinyin disagree (a name
added to a table, or pypinyin's readings changed); run this again then::

    python tools/pinyin_initials.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.reference.industry import industries  # noqa: E402
from desktop.reference.regions import regions  # noqa: E402
from desktop.reference.search import INITIALS_FILE  # noqa: E402


def reading_initials(name: str) -> str:
    """``石家庄市`` -> ``sjzs``; characters without a reading (digits, brackets) are dropped."""
    return "".join(part[0] for part in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")
                   if part).lower()


def names() -> set[str]:
    found = {region.name for history in regions().values() for region in history}
    for edition in ("2011", "2017"):
        found |= {industry.name for industry in industries(edition).values()}
    return found


def table() -> dict[str, str]:
    return {name: reading_initials(name) for name in sorted(names())}


def main() -> int:
    path = ROOT / "resources" / "reference" / INITIALS_FILE
    path.write_text(json.dumps(table(), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                    encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(table())} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
