"""The pickers' search: codes, parts of names, and pinyin initials from the generated table."""

from __future__ import annotations

import json
import sys

from desktop.paths import resource
from desktop.reference.search import INITIALS_FILE, initials, matches
from tests.conftest import ROOT


def test_the_initials_table_is_what_pypinyin_reads_for_every_shipped_name() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import pinyin_initials
    finally:
        sys.path.remove(str(ROOT / "tools"))
    shipped = json.loads(resource("reference", INITIALS_FILE).read_text(encoding="utf-8"))
    assert shipped == pinyin_initials.table(), "run python tools/pinyin_initials.py"


def test_initials_find_names_the_way_people_type_them() -> None:
    assert initials("石家庄市") == "sjzs"
    assert initials("乐都区") == "ldq"  # 乐 read lè in a place name …
    assert initials("乐器制造") == "yqzz"  # … and yuè in 乐器: phrase readings
    assert matches("xn", "630100", "西宁市")
    assert matches("sjz", "130100", "石家庄市")
    assert not matches("xa", "630100", "西宁市")
    assert matches("6301", "630100", "西宁市")
    assert matches("西宁", "630100", "西宁市")


def test_a_name_outside_the_tables_matches_by_its_characters_only() -> None:
    assert initials("不在表里的名字") == ""
    assert not matches("bz", "999999", "不在表里的名字")
    assert matches("表里", "999999", "不在表里的名字")
