"""Reproduce the font cuts in resources/fonts/ from the Debian packages' own files.

A tool, not part of the app: it needs fontTools (``pip install fonttools``), which the app never
imports.  Usage, on any machine with apt (Debian 12 "bookworm" package versions shown)::

    mkdir -p /tmp/fonts && cd /tmp/fonts
    apt-get download fonts-lxgw-wenkai fonts-hanazono fonts-dejavu-core fonts-arphic-uming
    for deb in *.deb; do dpkg-deb -x "$deb" root; done
    python tools/cut_fonts.py /tmp/fonts/root/usr/share/fonts/truetype resources/fonts

Versions the committed files were cut from: fonts-lxgw-wenkai 1.250+repack-1,
fonts-hanazono 20170904-2.1, fonts-dejavu-core 2.37-6, fonts-arphic-uming 0.2.20080216.2-11
The cuts:

- ``uming-cn.ttf`` (body face): the first face of ``uming.ttc``, "AR PL UMing CN", alone, without
  its embedded bitmap strikes (``EBDT``/``EBLC``/``BDF``, 3 MB of 11–16 px bitmaps for screens of
  the 2000s; Qt draws the outlines, reportlab never read them).  Every other table is copied byte
  for byte (only ``head``'s checksum adjustment changes), so the outlines, metrics, names and
  therefore the PDFs are the same; every cut below is measured against its characters.  The other
  three faces of the collection (HK, TW, TW MBE) are the Hong Kong and Taiwan forms.

- ``TitleKai-Bold.ttf`` (title face: LXGW WenKai Bold, 15.7 MB uncut), renamed "Huiqi Title
  Kai" as the OFL requires of a modified font whose licence reserves names ("LXGW", "霞鹜"),
  cut to GB 2312 (its 6,763 hanzi, which hold
  the 3,500 characters of level 1 of 通用规范汉字表 bar a handful, plus its symbols), ASCII and
  Latin-1, general and CJK punctuation, full-width forms, and every character of the shipped
  texts (rule pack, document templates, policy texts, translations, source).  Titles are the
  app's own words; a character outside the cut (an enterprise name's rare character in a title)
  falls back to the body face and then the fallbacks (``desktop.documents.pdf._face_for``), and
  Qt falls back to the body face by itself.
- ``HanaMinB-ExtB-E.ttf``: HanaMin B cut to CJK Ext-B…E (U+20000–U+2CEAF), the rare
  characters of names that UMing (a BMP font) lacks.
- ``HanaMinA-Supplement.ttf``: HanaMin A cut to the CJK characters of the BMP (CJK symbols,
  strokes, Ext-A, the URO, compatibility ideographs) that UMing's first face lacks.
- ``DejaVuSans-Symbols.ttf``: DejaVu Sans cut to U+0020–U+02FF (Latin) and U+2000–U+2BFF.

All cuts keep the glyph outlines and metrics as shipped and drop hinting instructions
(reportlab embeds TrueType outlines and ignores them; at print resolution they do nothing).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
# Text the app itself prints: every character of these goes into the title cut.
SHIPPED_TEXT = [("resources", ("*.yaml", "*.yml", "*.json", "*.ts", "*.txt", "*.md", "*.csv")),
                ("desktop", ("*.py",))]
CJK_BMP = [(0x3000, 0x303F), (0x31C0, 0x31EF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)]
EXT_B_TO_E = (0x20000, 0x2CEAF)


def gb2312() -> set[int]:
    chars: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def shipped_text() -> set[int]:
    chars: set[int] = set()
    for folder, patterns in SHIPPED_TEXT:
        for pattern in patterns:
            for path in sorted((ROOT / folder).rglob(pattern)):
                try:
                    text = path.read_text(encoding="utf-8")
                except (UnicodeDecodeError, OSError):
                    continue
                chars.update(ord(c) for c in re.sub(r"\s", "", text))
    return chars


def spans(*ranges: tuple[int, int]) -> set[int]:
    return {code for low, high in ranges for code in range(low, high + 1)}


def title_characters() -> set[int]:
    return (gb2312() | shipped_text() | spans((0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F),
                                               (0x3000, 0x303F), (0xFF00, 0xFFEF)))


# The OFL forbids a Modified Version (a cut is one) to use a Reserved Font Name: LXGW WenKai
# reserves "霞鹜" and "LXGW", so the cut title face gets names of its own.
TITLE_NAMES = {1: "Huiqi Title Kai", 2: "Bold", 3: "Huiqi Title Kai Bold (cut of LXGW WenKai 1.250)",
               4: "Huiqi Title Kai Bold", 6: "HuiqiTitleKai-Bold", 16: "Huiqi Title Kai", 17: "Bold"}
KEPT_NAME_IDS = {0, 5, 7, 8, 9, 11, 12, 13, 14}  # copyright, version, designer, licence ...


def rename(font: TTFont, names: dict[int, str]) -> None:
    table = font["name"]
    table.names = [n for n in table.names if n.nameID in KEPT_NAME_IDS]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English (US)


def cut(source: TTFont, unicodes: Iterable[int], out: Path,
        names: dict[int, str] | None = None) -> None:
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = ["*"]
    options.glyph_names = False  # post format 3: names are for font editors, not for printing
    subsetter = subset.Subsetter(options)
    wanted = set(unicodes) & set(source.getBestCmap())
    subsetter.populate(unicodes=wanted)
    subsetter.subset(source)
    if names:
        rename(source, names)
    source.save(str(out))
    print(f"{out.name}: {len(wanted):,} characters, {out.stat().st_size / 1e6:.1f} MB")


BITMAP_TABLES = ("EBDT", "EBLC", "BDF ")


def body_face(collection: Path, out: Path) -> None:
    font = TTCollection(str(collection), lazy=True).fonts[0]
    for tag in BITMAP_TABLES:
        if tag in font:
            del font[tag]
    font.recalcTimestamp = False  # the tables not loaded are copied as they are
    font.recalcBBoxes = False
    font.save(str(out), reorderTables=True)
    print(f"{out.name}: {font['name'].getDebugName(4)}, {out.stat().st_size / 1e6:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("truetype", type=Path, help="…/usr/share/fonts/truetype of the unpacked debs")
    parser.add_argument("out", type=Path, help="where the cuts go (resources/fonts)")
    parser.add_argument("--only", nargs="*", help="file names of the cuts to make (default: all)")
    args = parser.parse_args(argv)
    only = set(args.only or [])
    src: Path = args.truetype
    out: Path = args.out
    uming = set(TTCollection(str(src / "arphic" / "uming.ttc")).fonts[0].getBestCmap())
    cuts = {  # cut: (source under truetype/, characters, new names or None)
        "TitleKai-Bold.ttf": ("lxgw-wenkai/LXGWWenKai-Bold.ttf", title_characters(), TITLE_NAMES),
        "HanaMinB-ExtB-E.ttf": ("hanazono/HanaMinB.ttf", spans(EXT_B_TO_E), None),
        "HanaMinA-Supplement.ttf": ("hanazono/HanaMinA.ttf", spans(*CJK_BMP) - uming, None),
        "DejaVuSans-Symbols.ttf": ("dejavu/DejaVuSans.ttf", spans((0x20, 0x2FF), (0x2000, 0x2BFF)),
                                   None),
    }
    if not only or "uming-cn.ttf" in only:
        body_face(src / "arphic" / "uming.ttc", out / "uming-cn.ttf")
    for name, (source, characters, names) in cuts.items():
        if not only or name in only:
            cut(TTFont(src / source), characters, out / name, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
