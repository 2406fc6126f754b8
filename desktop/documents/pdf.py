"""PDF layout shared by every document: A4, official margins, bundled fonts, page numbers.

Fonts are the bundled TrueType faces, always embedded as subsets (reportlab's TTFont does
nothing else).  ``wordWrap="CJK"`` applies reportlab's 禁则: no line starts with closing
punctuation.  ``invariant`` fixes the IDs and dates reportlab would otherwise randomise.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as canvas_module
from reportlab.pdfgen import pathobject, textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
    flowables,
    tables,
)
from reportlab.platypus import paragraph as paragraph_module

from desktop import APP_NAME, __version__
from desktop.documents.text import strip_controls
from desktop.fonts import (
    BMP_SUPPLEMENT_FONT,
    BODY_FONT,
    EXT_B_FONT,
    SYMBOL_FONT,
    TITLE_FONT,
    BundledFont,
    MappedFontFile,
)

# Chinese 禁则 (GB/T 15834 practice): no line starts with closing punctuation, none ends with
# an opening mark.  reportlab hangs one closing mark in the margin and then starts the next line
# with the second of "》。" or "）。"; :func:`_cjk_frag_split` pulls characters down instead.
CANNOT_START_LINE: Final = "，。、；：？！）》」』】〕〉”’…—·%‰℃"
CANNOT_END_LINE: Final = "（《「『【〔〈“‘"


def _extend_line_breaking_rules() -> None:
    for module in (textsplit, paragraph_module):
        current: str = getattr(module, "ALL_CANNOT_START")  # noqa: B009 (not in the stubs)
        missing = "".join(c for c in CANNOT_START_LINE if c not in current)
        setattr(module, "ALL_CANNOT_START", current + missing)  # noqa: B010
    setattr(paragraph_module, "cjkFragSplit", _cjk_frag_split)  # noqa: B010
    setattr(paragraph_module, "wordSplit", _word_split)  # noqa: B010


def _word_char(char: str) -> bool:
    # Letters and figures of one number or word, and a fill-in line "＿＿＿＿", stay in one piece.
    return (char.isascii() and (char.isalnum() or char in ".-_/")) or char == "＿"


# Phrases a line never breaks inside: a seal or signature mark ("有限公司（盖" / "章）"), a
# figure and its unit ("333,463.36" / "元"), a file name ("00_申报文件" / ".pdf").
_UNBREAKABLE: Final = re.compile(
    r"（(?:盖章|签字|签章|公章|签字盖章)）"
    r"|[0-9][0-9,.]*(?:万元|亿元|元|%)"
    r"|[^\s，。；：、（）/]+\.(?:pdf|xlsx|xls|zip|docx?|jpe?g|png|ofd)")


def unbreakable_positions(text: str) -> frozenset[int]:
    """The indices ``i`` of ``text`` where a line may not start (inside an unbreakable phrase)."""
    return frozenset(i for m in _UNBREAKABLE.finditer(text) for i in range(m.start() + 1, m.end()))


def _unit_positions(units: Sequence[str]) -> frozenset[int]:
    """:func:`unbreakable_positions` in units of a line splitter (a unit is a character, or empty)."""
    offsets, offset = [], 0
    for unit in units:
        offsets.append(offset)
        offset += len(unit)
    glued = unbreakable_positions("".join(units))
    return frozenset(i for i, (unit, at) in enumerate(zip(units, offsets, strict=True))
                     if unit and at in glued)


def _line_end(chars: Sequence[str], start: int, cut: int, glued: frozenset[int] = frozenset()) -> int:
    """Where a line starting at ``start`` ends when ``chars[cut]`` no longer fits.

    The break moves back while the next line would start with closing punctuation, this one would
    end with an opening mark, a number such as 12500 would be cut, or the break falls inside a
    phrase of ``glued`` (:func:`unbreakable_positions`); at most half a line back, and a line
    always takes one character, so progress is certain.
    """
    limit = max(start + 1, (start + cut) // 2)
    while cut > limit and (chars[cut] in CANNOT_START_LINE or chars[cut - 1] in CANNOT_END_LINE
                           or (_word_char(chars[cut]) and _word_char(chars[cut - 1]))):
        cut -= 1
    if cut in glued:
        # The whole phrase goes to the next line, however far back it starts, unless it is
        # longer than a line (then it breaks where it must).
        phrase = cut
        while phrase in glued:
            phrase -= 1
        if phrase > start:
            cut = phrase
    return max(cut, start + 1)


def _word_split(text: str, max_widths: Sequence[float], font_name: str, font_size: float) -> list[list[Any]]:
    """reportlab's one-font CJK splitter (``textsplit.wordSplit``) with the same rules.

    A paragraph is wrapped several times while a page is laid out (to measure, to split, to
    draw), and the same clauses recur in every package, so the lines are remembered.
    """
    return [list(line) for line in _split_lines(text, tuple(max_widths), font_name, font_size)]


@lru_cache(maxsize=4096)
def _char_widths(font_name: str, font_size: float) -> dict[str, float]:
    return {}


def _width(char: str, font_name: str, font_size: float) -> float:
    known = _char_widths(font_name, font_size)
    width = known.get(char)
    if width is None:
        width = known[char] = pdfmetrics.stringWidth(char, font_name, font_size)
    return width


@lru_cache(maxsize=4096)
def _split_lines(text: str, max_widths: tuple[float, ...], font_name: str,
                 font_size: float) -> tuple[tuple[float, str], ...]:
    widths = [_width(c, font_name, font_size) for c in text]
    glued = unbreakable_positions(text)
    lines: list[list[Any]] = []
    index = start = 0
    used = 0.0
    fuzz: float = getattr(paragraph_module, "_FUZZ")  # noqa: B009
    while index < len(text):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used += widths[index]
        index += 1
        if used > max_width + fuzz and used > 0:
            index = _line_end(text, start, index - 1, glued)
            used = sum(widths[start:index])
            lines.append([max_width - used, text[start:index]])
            start, used = index, 0.0
    if start < len(text):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        lines.append([max_width - used, text[start:]])
    return tuple((extra, chunk) for extra, chunk in lines)


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's CJK line splitter with Chinese 禁则 and unbroken Latin words and numbers.

    When a character does not fit, the line ends before it; the break moves back while the next
    line would start with closing punctuation, the line would end with an opening mark, or the
    break would cut a number such as 12500 (at most half a line back, so progress is certain).
    """
    # reportlab internals the stubs do not declare.
    cjk_char: Any = getattr(paragraph_module, "cjkU")  # noqa: B009
    make_line: Any = getattr(paragraph_module, "makeCJKParaLine")  # noqa: B009
    fuzz: float = getattr(paragraph_module, "_FUZZ")  # noqa: B009
    units: list[Any] = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        units.extend([cjk_char(t, frag, encoding) for t in text] if text
                     else [cjk_char(text, frag, encoding)])
    chars = [str(u) for u in units]
    glued = _unit_positions(chars)
    lines: list[Any] = []
    index = start = 0
    used = 0.0
    max_width = max_widths[0]

    def width_of(unit: Any) -> float:
        width = unit.width
        if hasattr(width, "normalizedValue"):
            width._normalizer = max_width
            width = width.normalizedValue(max_width)
        return float(width)

    while index < len(units):
        unit = units[index]
        index += 1
        used += width_of(unit)
        line_break = hasattr(unit.frag, "lineBreak")
        if not (line_break or (used > max_width + fuzz and used > 0)):
            continue
        if not line_break:
            # The character that did not fit starts the next line, or an earlier one does.
            index = _line_end(chars, start, index - 1, glued)
            used = float(sum(width_of(u) for u in units[start:index]))
        lines.append(make_line(units[start:index], max_width, used, max_width - used, line_break,
                               calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start, used = index, 0.0
    if used > 0:
        lines.append(make_line(units[start:], max_width, used, max_width - used, False, calc_bounds))
    return paragraph_module.ParaLines(kind=1, lines=lines)


_extend_line_breaking_rules()


_REPORTLAB_TO_UNICODE: Final = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond the BMP written as UTF-16 (the PDF rule).

    reportlab writes 𫖯 as ``<2B5AF>``, which readers reject: the character prints but cannot be
    copied or searched.  Written as its surrogate pair ``<D86DDDAF>`` it reads back as 𫖯.
    """
    cmap = _REPORTLAB_TO_UNICODE(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            cmap = cmap.replace(f"> <{code:04X}>", f"> <{chr(code).encode('utf-16-be').hex().upper()}>")
    return cmap


setattr(ttfonts, "makeToUnicodeCMap", _to_unicode_cmap)  # noqa: B010 (read at call time)

def _quicker_pure_python_helpers() -> None:
    """Two of reportlab's pure-Python helpers (used when its optional C accelerator is absent,
    as here), replaced by exact equivalents that are many times quicker.

    - ``fp_str`` formats every coordinate written to a page, and a page repeats the same few
      hundred numbers: remembered per argument tuple (equal numbers format alike).
    - ``asciiBase85Encode`` encodes every stream byte by byte in Python: :func:`base64.a85encode`
      gives the same text (``z`` for a zero group, a short last group) in C.
    Both are checked against reportlab's own on every kind of input in
    ``tests/documents/test_builder_bytes.py``, and the documents' bytes are pinned there.
    """
    from reportlab.lib import rl_accel

    python_only: dict[str, object] = getattr(rl_accel, "_py_funcs", {})
    modules = [pdfdoc, canvas_module, textobject, ttfonts, flowables, tables, pathobject, colors]
    if "fp_str" in python_only:
        fp_str = _remembered_fp_str(rl_accel.fp_str)
        for module in modules:
            if hasattr(module, "fp_str"):
                setattr(module, "fp_str", fp_str)  # noqa: B010
    if "asciiBase85Encode" in python_only:
        setattr(pdfdoc, "asciiBase85Encode", _a85_encoder(rl_accel.asciiBase85Encode))  # noqa: B010


def _remembered_fp_str(original: Any) -> Any:
    @lru_cache(maxsize=16384)
    def remembered(args: tuple[Any, ...]) -> str:
        text: str = original(*args)
        return text

    def fp_str(*args: Any) -> str:
        try:
            return remembered(args)
        except TypeError:  # a list among the arguments: not hashable
            text: str = original(*args)
            return text

    return fp_str


def _a85_encoder(original: Any) -> Any:
    def ascii_base85(data: Any) -> str:
        if not isinstance(data, bytes | bytearray):
            text: str = original(data)
            return text
        return base64.a85encode(data).decode("ascii") + "~>"

    return ascii_base85


_quicker_pure_python_helpers()

BODY: Final = "HuiqiBody"
TITLE: Final = "HuiqiTitle"
# Fallback faces, tried in order for a character the style's own face lacks.
FALLBACKS: Final = (("HuiqiBmpSupplement", BMP_SUPPLEMENT_FONT), ("HuiqiExtB", EXT_B_FONT),
                    ("HuiqiSymbol", SYMBOL_FONT))
# GB/T 9704 official-document margins (top, bottom, left, right).
MARGINS_MM: Final = (37, 35, 28, 26)
FRAME_PADDING: Final = 6.0
# GB/T 9704: body 3号 (16 pt), 22 lines of 28 characters on the 156 x 225 mm text area.
# 3号 is 16 pt; 28 full-width characters must fill the 156 mm line exactly, so lines of Chinese
# text end flush (reportlab cannot space out characters to justify a CJK line).
BODY_SIZE: Final = (A4[0] - (MARGINS_MM[2] + MARGINS_MM[3]) * mm) / 28
BODY_LEADING: Final = 225 * mm / 22
NO_TEXT_PAGE: Final = "（此页无正文）"


class _TableSlice:
    """One table of a mapped font file, sliced without copying the whole table first."""

    def __init__(self, data: Any, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        begin, end, _ = part.indices(self._length)
        return bytes(self._data[self._start + begin:self._start + end])

    def __bytes__(self) -> bytes:
        return bytes(self._data[self._start:self._start + self._length])


def _quick_subsets(font: TTFont) -> TTFont:
    """Subsetting ``font`` as reportlab does, minus two fixed costs per subset.

    reportlab's ``makeSubset`` copies the face's whole ``glyf`` table (megabytes) to take a few
    hundred glyphs out of it; here the glyphs are sliced out of the mapped file directly.  And a
    subset is a pure function of its characters (in order), so the last few are remembered:
    headings set in the title face, and boilerplate pages, give the same subset in every package.
    The subset's bytes are unchanged (``tests/documents/test_builder_bytes.py``).
    """
    face: Any = font.face
    data, (start, length) = face._ttf_data, face.get_table_pos("glyf")
    get_table, make_subset = face.get_table, face.makeSubset

    def table(tag: str) -> Any:
        return _TableSlice(data, start, length) if tag == "glyf" else get_table(tag)

    @lru_cache(maxsize=32)
    def subset_of(codes: tuple[int, ...]) -> bytes:
        made: bytes = make_subset(list(codes))
        return made

    face.get_table = table
    face.makeSubset = lambda codes: subset_of(tuple(codes))
    return font


@cache
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts once per process (parsing the 21 MB collection is the cold cost)."""
    # Memory-mapped, not read whole: see desktop.fonts.MappedFontFile.
    pdfmetrics.registerFont(_quick_subsets(TTFont(BODY, MappedFontFile(BODY_FONT.path),
                                                  subfontIndex=BODY_FONT.subfont_index)))
    pdfmetrics.registerFont(_quick_subsets(TTFont(TITLE, MappedFontFile(TITLE_FONT.path))))
    return BODY, TITLE


@cache
def _fallback(name: str, font: BundledFont) -> TTFont | None:
    """A fallback face, parsed only when some text needs it (the Ext-B face is 27 MB); None for
    an optional face whose font package is not installed (desktop.fonts.OPTIONAL_FONTS)."""
    if font.optional and not font.available:
        return None
    face = _quick_subsets(TTFont(name, MappedFontFile(font.path), subfontIndex=font.subfont_index))
    pdfmetrics.registerFont(face)
    return face


def _covers(font_name: str, char: str) -> bool:
    return ord(char) in _glyph_map(font_name)


@cache
def _glyph_map(font_name: str) -> dict[int, int]:
    """A registered face's character map (asked for every character of every text)."""
    glyphs: dict[int, int] = pdfmetrics.getFont(font_name).face.charToGlyph  # type: ignore[attr-defined]
    return glyphs


def _face_for(char: str, primary: str) -> str | None:
    """The first face that has ``char``: the style's, the body's, then the fallbacks; None: none has."""
    if char in "\n " or _covers(primary, char):
        return primary
    if _covers(BODY, char):
        return BODY
    for name, font in FALLBACKS:
        face = _fallback(name, font)
        if face is not None and ord(char) in face.face.charToGlyph:
            return name
    return None


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` that no bundled face can print (each once, in order)."""
    register_fonts()
    missing: list[str] = []
    for char in strip_controls(text):
        if char not in missing and _face_for(char, BODY) is None:
            missing.append(char)
    return missing


def pdf_markup(text: str, primary: str = BODY) -> str:
    """User text as paragraph markup that prints literally (``<b>`` stays ``<b>``), each character
    in a face that has it: runs the style's face lacks are set in a fallback face."""
    register_fonts()
    out: list[str] = []
    run: list[str] = []
    run_face = primary

    def flush() -> None:
        if run:
            chunk = escape("".join(run)).replace("\n", "<br/>")
            out.append(chunk if run_face == primary else f'<font face="{run_face}">{chunk}</font>')
            run.clear()

    for char in strip_controls(text):
        face = _face_for(char, primary) or primary  # unprintable text is refused before drafting
        if face != run_face:
            flush()
            run_face = face
        run.append(char)
    flush()
    return "".join(out)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=BODY, fontSize=BODY_SIZE, leading=BODY_LEADING, wordWrap="CJK",
                          alignment=TA_JUSTIFY, firstLineIndent=2 * BODY_SIZE)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10.5, leading=15, firstLineIndent=0,
                               alignment=0),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=10.5, leading=15,
                                     firstLineIndent=0, alignment=TA_RIGHT),
        # 2号 (22 pt) title in the Song face, the nearest bundled face to 小标宋 (docs/DOCUMENTS.md).
        "title": ParagraphStyle("title", fontName=BODY, fontSize=22, leading=36, alignment=TA_CENTER,
                                wordWrap="CJK", spaceAfter=BODY_LEADING),
        "cover_title": ParagraphStyle("cover_title", fontName=BODY, fontSize=26, leading=40,
                                      alignment=TA_CENTER, wordWrap="CJK"),
        # Headings in the 楷体 face GB/T 9704 gives to second-level headings; kept with what follows
        # by a conditional page break (PdfDocument.add), not keepWithNext, whose KeepTogether moves
        # a long following paragraph whole to the next page and strands the heading.
        "heading": ParagraphStyle("heading", fontName=TITLE, fontSize=BODY_SIZE, leading=BODY_LEADING,
                                  wordWrap="CJK", spaceBefore=4),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
    }


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph whose leading full-width spaces indent it (reportlab drops leading U+3000)."""
    text = strip_controls(text)
    depth = len(text) - len(text.lstrip("\u3000"))
    if depth:
        style = ParagraphStyle(f"{style.name}+{depth}", parent=style,
                               leftIndent=style.leftIndent + depth * style.fontSize)
    return Paragraph(pdf_markup(text[depth:], style.fontName), style)


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of user or policy text; never interpreted as markup."""
    return _paragraph(text, styles()[style])


def hanging(text: str, indent_chars: float, hang_chars: float = 0) -> Paragraph:
    """A plain paragraph indented ``indent_chars``, its first line ``hang_chars`` further left
    (a 附件 list: "附件：1.…" with later lines under the first name)."""
    plain = styles()["plain"]
    style = ParagraphStyle(f"hanging{indent_chars}-{hang_chars}", parent=plain,
                           leftIndent=indent_chars * plain.fontSize,
                           firstLineIndent=-hang_chars * plain.fontSize)
    return Paragraph(pdf_markup(strip_controls(text), plain.fontName), style)


def paragraphs(text: str, style: str = "body") -> list[Flowable]:
    """Each line of a narrative as its own indented paragraph, so long text flows across pages."""
    lines = [line.strip() for line in text.split("\n")]
    return [para(line, style) for line in lines if line]


# A heading starts a new page unless it and three lines of what follows fit.
HEADING_RESERVE: Final = 4 * BODY_LEADING


def heading(text: str) -> Paragraph:
    paragraph = para(text, "heading")
    paragraph._huiqi_heading = True  # type: ignore[attr-defined]
    return paragraph


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


def page_break() -> PageBreak:
    return PageBreak()


def keep(*items: Flowable) -> KeepTogether:
    return KeepTogether(list(items))


def rule() -> HRFlowable:
    """The full-width line of a 版记."""
    return HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=2, spaceAfter=2)


def grid(rows: Sequence[Sequence[str]], widths_mm: Sequence[float], *, header_rows: int = 1,
         right_align: Sequence[int] = ()) -> Table:
    """A bordered table of text cells; the header repeats on every page it spans."""
    cell, right = styles()["cell"], styles()["cell_right"]
    data = [[_paragraph(text, right if c in right_align and r >= header_rows else cell)
             for c, text in enumerate(row)] for r, row in enumerate(rows)]
    table = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), BODY),  # the table's own default is Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#EEEEEE")),
    ]))
    return table


def columns(rows: Sequence[Sequence[str]], width_mm: float = 156) -> Table:
    """Text side by side without borders, as the two seal blocks stand on the template."""
    cell = styles()["plain"]
    data = [[_paragraph(text, cell) for text in row] for row in rows]
    count = max(len(row) for row in rows)
    table = Table(data, colWidths=[width_mm / count * mm] * count)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), BODY), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def form(rows: Sequence[tuple[str, str]], widths_mm: tuple[float, float] = (45, 111)) -> Table:
    """Label / value rows, as on a printed application form."""
    return grid([list(r) for r in rows], widths_mm, header_rows=0)


def opinion_boxes(titles: Sequence[str], height_mm: float = 30) -> Table:
    """Opinion boxes of a form: the title, then room to write, the seal and the date at the foot."""
    cell = styles()["cell"]
    data = [[_paragraph(title, cell), _paragraph("（盖章）　　　　年　　月　　日", styles()["cell_right"])]
            for title in titles]
    table = Table(data, colWidths=[45 * mm, 111 * mm], rowHeights=[height_mm * mm] * len(titles))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), BODY),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
        ("VALIGN", (1, 0), (1, -1), "BOTTOM"),
        ("BOTTOMPADDING", (1, 0), (1, -1), 6),
    ]))
    return table


def _mark_seal(item: Flowable) -> Flowable:
    item._huiqi_seal = True  # type: ignore[attr-defined]
    return item


@dataclass
class _SealBlock:
    """A seal block and the text kept with it, so a second pass can start it on a fresh page."""

    before: list[Flowable]
    seals: list[Flowable]


@dataclass
class PdfDocument:
    title: str
    subject: str
    created: dt.datetime
    story: list[Flowable | _SealBlock] = field(default_factory=list)
    page_numbers: bool = True
    cover: bool = False  # a cover page carries no page number; numbering starts after it
    pages: int = field(default=0, init=False)  # how many pages the last render made

    def add(self, *items: Flowable) -> None:
        for item in items:
            if getattr(item, "_huiqi_heading", False):
                self.story.append(CondPageBreak(HEADING_RESERVE))
            self.story.append(item)

    def sign(self, *seals: Flowable, gap_mm: float = 12, keep_last: int = 1) -> None:
        """Seal and signature lines, kept on one page with the last paragraph above them.

        A page must never carry seals alone (it could be attached to any text): where even the
        kept block leaves the seals on a page of their own, that page says （此页无正文）.
        """
        before: list[Flowable] = []
        while self.story and isinstance(self.story[-1], Spacer | CondPageBreak):
            self.story.pop()
        while self.story and len(before) < keep_last and not isinstance(self.story[-1], _SealBlock):
            before.insert(0, self.story.pop())  # type: ignore[arg-type]
        self.story.append(_SealBlock([*before, spacer(gap_mm)], [_mark_seal(s) for s in seals]))

    def render(self) -> bytes:
        register_fonts()
        content, seal_only = self._build(set())
        if not seal_only:
            return content
        content, left = self._build(seal_only)
        assert not left, "a seal block starting on a fresh page carries its note"
        return content

    def _flowables(self, fresh_page: set[int]) -> list[Flowable]:
        out: list[Flowable] = []
        for index, item in enumerate(self.story):
            if not isinstance(item, _SealBlock):
                out.append(item)
            elif index in fresh_page:
                text = [f for f in item.before if not isinstance(f, Spacer)]  # no gap at a page foot
                out += [*text, PageBreak(), para(NO_TEXT_PAGE, "plain"), spacer(12), *item.seals]
            else:
                out.append(_KeepIfPossible([*item.before, *item.seals]))
        return out

    def _build(self, fresh_page: set[int]) -> tuple[bytes, set[int]]:
        """The PDF, and the seal blocks (story indexes) that landed on a page with no text."""
        buffer = io.BytesIO()
        # reportlab's frame pads its content by 6 pt on every side; the margins give that back so
        # the text block is GB/T 9704's 156 x 225 mm exactly (and 156 mm tables fit in it).
        top, bottom, left, right = (m * mm - FRAME_PADDING for m in MARGINS_MM)
        drawn: dict[int, list[bool]] = {}
        doc = _Template(
            buffer, drawn, pagesize=A4, topMargin=top, bottomMargin=bottom, leftMargin=left,
            rightMargin=right, title=self.title, subject=self.subject, author=APP_NAME,
            creator=f"{APP_NAME} {__version__}", producer=f"{APP_NAME} {__version__}", invariant=1,
            lang="zh-CN",
        )
        decorate = self._page_number if self.page_numbers else _nothing
        doc.build(self._flowables(fresh_page), onFirstPage=_nothing if self.cover else decorate,
                  onLaterPages=decorate, canvasmaker=_fixed_date_canvas(self.created))
        self.pages = doc.page
        alone = {page for page, kinds in drawn.items() if kinds and all(kinds)}
        blocks = {index for index, item in enumerate(self.story) if isinstance(item, _SealBlock)
                  and any(id(s) in doc.seal_pages and doc.seal_pages[id(s)] in alone for s in item.seals)}
        return buffer.getvalue(), blocks

    def _page_number(self, canvas: Canvas, doc: Any) -> None:
        """GB/T 9704: "— 1 —" in 4号 at the outer edge, one character in: odd pages right, even left."""
        canvas.saveState()
        canvas.setFont(BODY, 14)
        number = doc.page - 1 if self.cover else doc.page
        text = f"— {number} —"
        inset = 14 + MARGINS_MM[3] * mm
        if number % 2:
            canvas.drawRightString(A4[0] - inset, 22 * mm, text)
        else:
            canvas.drawString(MARGINS_MM[2] * mm + 14, 22 * mm, text)
        canvas.restoreState()


class _KeepIfPossible(KeepTogether):
    """KeepTogether that does not push content taller than a page to the next page.

    reportlab's KeepTogether starts too-tall content on a fresh page, leaving a heading above it
    alone at the foot of the previous one; such content simply flows (the seal check follows).
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        frame = getattr(self, "_frame", None)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if frame is not None and getattr(self, "_H", 0) > frame._height:
            # A no-op first, as reportlab's own split gives: the content then splits where it falls.
            return [self.NullActionFlowable(), *self._content]  # type: ignore[attr-defined]
        result: list[Flowable] = super().split(aW, aH)
        return result


class _Template(SimpleDocTemplate):
    """Records, per page, whether each drawn flowable is a seal line (spacers aside)."""

    def __init__(self, buffer: io.BytesIO, drawn: dict[int, list[bool]], **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        self.drawn = drawn
        self.seal_pages: dict[int, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's hook name)
        if isinstance(flowable, Spacer | PageBreak) or type(flowable).__name__ == "LCActionFlowable":
            return
        seal = bool(getattr(flowable, "_huiqi_seal", False))
        self.drawn.setdefault(self.page, []).append(seal)
        if seal:
            self.seal_pages[id(flowable)] = self.page


def _nothing(canvas: Canvas, doc: Any) -> None:
    return None


def _zoneless_date(year: int, month: int, day: int, hour: int, minute: int, second: int) -> str:
    return f"D:{year:04d}{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}"


def _fixed_date_canvas(created: dt.datetime) -> type[Canvas]:
    offset = created.utcoffset()

    class FixedDateCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            # Otherwise every page names Helvetica, a font that is never embedded.
            kwargs["initialFontName"] = BODY
            super().__init__(*args, **kwargs)
            # The stated creation time (the bundle's --created), not 2000-01-01 nor the wall
            # clock: same input, same bytes.  reportlab writes the info dates from this stamp.
            pdf = getattr(self, "_doc")  # noqa: B009 (private in the stubs)
            stamp: TimeStamp = pdf._timeStamp
            stamp.YMDhms = created.timetuple()[:6]
            if offset is None:  # a local time with no zone: say no zone rather than claim UTC
                pdf.info._dateFormatter = _zoneless_date
            else:
                minutes = int(offset.total_seconds() // 60)
                stamp.dhh, stamp.dmm = int(minutes / 60), abs(minutes) % 60

    return FixedDateCanvas
