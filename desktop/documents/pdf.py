"""PDF layout shared by every document: A4, official margins, bundled fonts, page numbers.

Fonts are the bundled TrueType faces, always embedded as subsets (reportlab's TTFont does
nothing else).  ``wordWrap="CJK"`` applies reportlab's 禁则: no line starts with closing
punctuation.  ``invariant`` fixes the IDs and dates reportlab would otherwise randomise.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as paragraph_module

from desktop import APP_NAME, __version__
from desktop.documents.text import pdf_markup
from desktop.fonts import BODY_FONT, TITLE_FONT, MappedFontFile

# reportlab's 禁则 list is Japanese: it lets a line start with ，；：？！》” .  Its CJK wrapper
# reads the module-level string at call time, so extending it here covers every paragraph.
CANNOT_START_LINE: Final = "，。、；：？！）》」』】〕”’…—"


def _extend_line_breaking_rules() -> None:
    for module in (textsplit, paragraph_module):
        current: str = getattr(module, "ALL_CANNOT_START")  # noqa: B009 (not in the stubs)
        missing = "".join(c for c in CANNOT_START_LINE if c not in current)
        setattr(module, "ALL_CANNOT_START", current + missing)  # noqa: B010


_extend_line_breaking_rules()

BODY: Final = "HuiqiBody"
TITLE: Final = "HuiqiTitle"
# GB/T 9704 official-document margins (top, bottom, left, right).
MARGINS_MM: Final = (37, 35, 28, 26)


@cache
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts once per process (parsing the 21 MB collection is the cold cost)."""
    # Memory-mapped, not read whole: see desktop.fonts.MappedFontFile.
    pdfmetrics.registerFont(TTFont(BODY, MappedFontFile(BODY_FONT.path),
                                   subfontIndex=BODY_FONT.subfont_index))
    pdfmetrics.registerFont(TTFont(TITLE, MappedFontFile(TITLE_FONT.path)))
    return BODY, TITLE


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=BODY, fontSize=12, leading=21, wordWrap="CJK",
                          alignment=TA_JUSTIFY, firstLineIndent=24)
    return {
        "body": body,
        "plain": ParagraphStyle("plain", parent=body, firstLineIndent=0),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10.5, leading=15, firstLineIndent=0,
                               alignment=0),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=10.5, leading=15,
                                     firstLineIndent=0, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", fontName=TITLE, fontSize=20, leading=32, alignment=TA_CENTER,
                                wordWrap="CJK", spaceAfter=12),
        "cover_title": ParagraphStyle("cover_title", fontName=TITLE, fontSize=26, leading=40,
                                      alignment=TA_CENTER, wordWrap="CJK"),
        "heading": ParagraphStyle("heading", fontName=TITLE, fontSize=14, leading=24, wordWrap="CJK",
                                  spaceBefore=10, spaceAfter=4),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of user or policy text; never interpreted as markup."""
    return Paragraph(pdf_markup(text), styles()[style])


def paragraphs(text: str, style: str = "body") -> list[Flowable]:
    """Each line of a narrative as its own indented paragraph, so long text flows across pages."""
    lines = [line.strip() for line in text.split("\n")]
    return [para(line, style) for line in lines if line]


def heading(text: str) -> Paragraph:
    return para(text, "heading")


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


def page_break() -> PageBreak:
    return PageBreak()


def keep(*items: Flowable) -> KeepTogether:
    return KeepTogether(list(items))


def grid(rows: Sequence[Sequence[str]], widths_mm: Sequence[float], *, header_rows: int = 1,
         right_align: Sequence[int] = ()) -> Table:
    """A bordered table of text cells; the header repeats on every page it spans."""
    cell, right = styles()["cell"], styles()["cell_right"]
    data = [[Paragraph(pdf_markup(text), right if c in right_align and r >= header_rows else cell)
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
    data = [[Paragraph(pdf_markup(text), cell) for text in row] for row in rows]
    count = max(len(row) for row in rows)
    table = Table(data, colWidths=[width_mm / count * mm] * count)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), BODY), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def form(rows: Sequence[tuple[str, str]], widths_mm: tuple[float, float] = (45, 111)) -> Table:
    """Label / value rows, as on a printed application form."""
    return grid([list(r) for r in rows], widths_mm, header_rows=0)


@dataclass
class PdfDocument:
    title: str
    subject: str
    created: dt.datetime
    story: list[Flowable] = field(default_factory=list)
    page_numbers: bool = True
    cover: bool = False  # a cover page carries no page number; numbering starts after it

    def add(self, *items: Flowable) -> None:
        self.story.extend(items)

    def render(self) -> bytes:
        register_fonts()
        buffer = io.BytesIO()
        top, bottom, left, right = (m * mm for m in MARGINS_MM)
        doc = SimpleDocTemplate(
            buffer, pagesize=A4, topMargin=top, bottomMargin=bottom, leftMargin=left, rightMargin=right,
            title=self.title, subject=self.subject, author=APP_NAME, creator=f"{APP_NAME} {__version__}",
            producer=f"{APP_NAME} {__version__}", invariant=1, lang="zh-CN",
        )
        decorate = self._page_number if self.page_numbers else _nothing
        doc.build(list(self.story), onFirstPage=_nothing if self.cover else decorate, onLaterPages=decorate,
                  canvasmaker=_fixed_date_canvas(self.created))
        return buffer.getvalue()

    def _page_number(self, canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(BODY, 11)
        number = doc.page - 1 if self.cover else doc.page
        canvas.drawCentredString(A4[0] / 2, 18 * mm, f"— {number} —")
        canvas.restoreState()


def _nothing(canvas: Canvas, doc: Any) -> None:
    return None


def _fixed_date_canvas(created: dt.datetime) -> type[Canvas]:
    stamp = created.strftime("D:%Y%m%d%H%M%S+00'00'")

    class FixedDateCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            # Otherwise every page names Helvetica, a font that is never embedded.
            kwargs["initialFontName"] = BODY
            super().__init__(*args, **kwargs)
            # The stated creation time, not the wall clock: same input, same bytes.
            info = getattr(self, "_doc").info  # noqa: B009 (private in the stubs)
            info.creationDate = stamp
            info.modDate = stamp

    return FixedDateCanvas
