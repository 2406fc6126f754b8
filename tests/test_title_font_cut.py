"""The bundled title face is the cut tools/cut_fonts.py makes: GB 2312 covered, no reserved names."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFontFile

from desktop.fonts import TITLE_FONT


def _gb2312_hanzi() -> set[int]:
    # Rows 16–87 of GB 2312 hold its 6,763 hanzi.
    chars = set()
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def test_the_title_face_covers_every_gb2312_hanzi() -> None:
    face = TTFontFile(str(TITLE_FONT.path))
    hanzi = _gb2312_hanzi()
    assert len(hanzi) == 6763
    assert hanzi <= set(face.charToGlyph)


def test_the_cut_title_face_does_not_carry_the_reserved_font_names() -> None:
    # LXGW WenKai's OFL reserves "LXGW" and "霞鹜"; a modified (cut) copy may not use them.
    face = TTFontFile(str(TITLE_FONT.path))
    names = [n.decode("utf-8", "replace") if isinstance(n, bytes) else str(n)
             for n in (face.name, face.familyName, face.styleName, face.fullName)]
    assert not [n for n in names if "LXGW" in n.upper() or "霞鹜" in n], names
    assert names[1] == TITLE_FONT.family
