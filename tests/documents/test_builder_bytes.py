"""The document builders' bytes are pinned: the desk's proof depends on them.

The desk proves a bundle's papers by drafting them again and comparing byte for byte, which
holds only while the same answers give the same bytes on the enterprise's PC and the desk's.
Every speed-up of the builders (merges reusing openpyxl's style indices, workbook parts
deflated once, glyphs sliced from the mapped font, remembered subsets and line splits) must
leave these hashes alone.  When a change of the builders' output is intended, raise
``desktop.documents.BUILDER_VERSION`` (desks with the old version then compare printed values
instead of bytes) and regenerate the file: ``python -m tests.documents.test_builder_bytes``.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.applications.io import parse_application
from desktop.documents import BUILDER_VERSION
from desktop.documents.drafting import draft
from desktop.rules.database import bundled_pack
from tests.conftest import ROOT

PINNED = Path(__file__).with_name("builder_bytes.json")
KINDS = ("tech_upgrade", "loan_interest", "rd_institution")
CREATED = (dt.datetime(2012, 3, 1, 9, 0), dt.datetime(2026, 11, 30, 17, 5, 9))


def _variants() -> Iterator[tuple[str, dict[str, Any]]]:
    """The examples, and each made long and awkward: pages of text, continuation sheets, a face
    fallback (𫖯), text that looks like markup or a formula."""
    base = {k: json.loads((ROOT / "examples" / f"application_{k}.json").read_text("utf-8")) for k in KINDS}
    yield from base.items()
    tech = copy.deepcopy(base["tech_upgrade"])
    tech["enterprise"]["name"] = "青海𫖯示例＝硅业有限公司"
    tech["report"] = {f: ("=1+1 <b>粗</b> &amp; " + v + "\n") * 30 for f, v in tech["report"].items()}
    for item in tech["equipment"]:
        item["name"] = item["name"] * 6
    tech["pledge"]["indicators"] *= 25
    yield "tech_long", tech
    loan = copy.deepcopy(base["loan_interest"])
    loan["loan_purpose"] = ("#N/A @x -y " + loan["loan_purpose"]) * 40
    loan["enterprise"]["name"] = "青海示例机械（西宁）制造有限公司"
    yield "loan_long", loan
    rd = copy.deepcopy(base["rd_institution"])
    rd["institution_summary"] *= 60
    rd["contact"]["address"] = "石家庄高新区长江大道 99 号《甲》“乙”"
    yield "rd_long", rd


def hashes() -> dict[str, str]:
    pack = bundled_pack()
    out = {}
    for name, data in _variants():
        application = parse_application(data)
        for created in CREATED if name in KINDS else CREATED[:1]:
            for document, content in draft(application, pack, created).documents.items():
                out[f"{name}/{created.isoformat()}/{document}"] = hashlib.sha256(content).hexdigest()
    return out


def test_every_document_prints_the_pinned_bytes() -> None:
    pinned = json.loads(PINNED.read_text("utf-8"))
    assert pinned.pop("builder_version") == BUILDER_VERSION, (
        "BUILDER_VERSION was raised: regenerate tests/documents/builder_bytes.json")
    made = hashes()
    changed = sorted(k for k in pinned.keys() | made.keys() if pinned.get(k) != made.get(k))
    assert not changed, (f"{len(changed)} documents changed bytes, e.g. {changed[:3]}: a desk with the "
                         "previous builders would call them edited.  Raise BUILDER_VERSION if intended.")


if __name__ == "__main__":
    PINNED.write_text(json.dumps({"builder_version": BUILDER_VERSION, **hashes()}, ensure_ascii=False,
                                 indent=1) + "\n", encoding="utf-8")
    sys.exit(0)


def test_the_quicker_helpers_give_reportlabs_own_results() -> None:
    """desktop.documents.pdf swaps two of reportlab's pure-Python helpers for quicker ones."""
    import random

    from reportlab.lib import rl_accel
    from reportlab.pdfbase import pdfdoc

    import desktop.documents.pdf  # noqa: F401 (installs the helpers)

    if "fp_str" not in getattr(rl_accel, "_py_funcs", {}):
        return  # reportlab's C accelerator is installed: nothing was swapped
    chance = random.Random(18)
    for length in range(600):
        pool = [0, 0, 0, 255, chance.randrange(256)] if length % 2 else list(range(256))
        data = bytes(chance.choice(pool) for _ in range(length % 41 if length % 2 else length))
        assert pdfdoc.asciiBase85Encode(data) == rl_accel.asciiBase85Encode(data), data
    numbers = [0, 1, -1, 0.5, 1e-8, -1e-8, -0.0, 123.456789, 1e7, 0.1234567, True, 595.2755905511812]
    for _ in range(20_000):
        args = tuple(chance.choice([*numbers, chance.uniform(-1e4, 1e4), chance.randrange(-999, 999)])
                     for _ in range(chance.randrange(1, 5)))
        assert pdfdoc.fp_str(*args) == rl_accel.fp_str(*args) == pdfdoc.fp_str(*args), args
    assert pdfdoc.fp_str([1, 2.5]) == rl_accel.fp_str([1, 2.5]) == "1 2.5"
