"""Printable form workbooks: A4, fit to width, print titles, borders, 万元 formats, Chinese fonts.

User text goes in through :func:`put_text` only: it is always stored as a string cell, so
``=1+1`` or ``#N/A`` typed by a user stays text and never becomes a formula or an error value.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Final
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop import APP_NAME
from desktop.documents.text import strip_controls
from desktop.documents.zipfiles import deterministic_zip
from desktop.money import to_wan

FONT_NAME: Final = "宋体"
WAN_FORMAT: Final = '#,##0.00'
YUAN_FORMAT: Final = '#,##0.00'
_THIN = Side(style="thin", color="000000")
BORDER: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL: Final = PatternFill("solid", fgColor="EEEEEE")
WRAP: Final = Alignment(wrap_text=True, vertical="center")


def new_form(sheet_name: str, title: str, widths: Sequence[float], *,
             title_rows: int, landscape: bool = False) -> tuple[Workbook, Worksheet]:
    """A one-sheet workbook whose sheet is a printable form (see :func:`setup_sheet`)."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook always has its one sheet
    sheet.title = sheet_name
    setup_sheet(sheet, title, widths, title_rows=title_rows, landscape=landscape)
    return workbook, sheet


def setup_sheet(sheet: Worksheet, title: str, widths: Sequence[float], *, title_rows: int,
                landscape: bool = False) -> None:
    """Title row merged across the columns, A4 fit to one page wide, titles repeated.

    Wide tables (a loan schedule has 14 columns) print landscape so the text stays legible.
    """
    last = len(widths)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[_col(index)].width = width
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    cell = sheet.cell(row=1, column=1, value=title)
    cell.font = Font(name=FONT_NAME, size=16, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"1:{title_rows}"
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.oddFooter = HeaderFooterItem(center=_HeaderFooterPart(text="第 &P 页，共 &N 页", font=FONT_NAME))


def put_text(sheet: Worksheet, row: int, column: int, text: str | None, *, bold: bool = False,
             header: bool = False, center: bool = False) -> Cell | MergedCell:
    cell = sheet.cell(row=row, column=column)
    cell.value = strip_controls(text or "")
    cell.data_type = "s"  # never a formula, never an error value
    if cell.value[:1] in ("=", "+", "-", "@", "#"):
        cell.quotePrefix = True  # Excel and LibreOffice keep it text when the cell is edited
    _style(cell, bold=bold or header, fill=header, center=center or header)
    return cell


def put_wan(sheet: Worksheet, row: int, column: int, yuan: Decimal | None, *, bold: bool = False) -> Cell:
    """An amount in 元 shown in 万元 with two decimals (the stored value is the 万元 Decimal)."""
    cell = sheet.cell(row=row, column=column, value=to_wan(yuan) if yuan is not None else None)
    cell.number_format = WAN_FORMAT
    _style(cell, bold=bold, right=True)
    return cell


def put_number(sheet: Worksheet, row: int, column: int, value: Decimal | int | None,
               number_format: str = "0") -> Cell:
    cell = sheet.cell(row=row, column=column, value=value)
    cell.number_format = number_format
    _style(cell, right=True)
    return cell


def merge_text(sheet: Worksheet, row: int, first: int, last: int, text: str, *, header: bool = False,
               height: float | None = None) -> None:
    put_text(sheet, row, first, text, header=header)
    for column in range(first + 1, last + 1):
        _style(sheet.cell(row=row, column=column), fill=header)
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    if height is not None:
        sheet.row_dimensions[row].height = height


# Per workbook, the finished style of each kind of cell.  Assigning a font, border or
# alignment makes openpyxl hash the whole style object to find it in the workbook's lists,
# which was a third of the time of a form; a cell of a kind already styled copies that
# cell's style indices instead.  The workbook's style lists, and so its bytes, are the same.
_STYLED: WeakKeyDictionary[Workbook, dict[tuple[object, ...], StyleArray]] = WeakKeyDictionary()


def _style(cell: Cell | MergedCell, *, bold: bool = False, fill: bool = False, center: bool = False,
           right: bool = False) -> None:
    horizontal = "center" if center else "right" if right else "left"
    workbook = cell.parent.parent
    assert workbook is not None  # every cell here belongs to a sheet of a workbook
    styled = _STYLED.setdefault(workbook, {})
    key = (bold, fill, horizontal, cell.number_format, bool(cell.quotePrefix))
    known = styled.get(key)
    if known is not None:
        setattr(cell, "_style", copy(known))  # noqa: B010 (not in the stubs)
        return
    cell.font = Font(name=FONT_NAME, size=11, bold=bold)
    cell.border = BORDER
    cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    if fill:
        cell.fill = HEADER_FILL
    styled[key] = copy(getattr(cell, "_style"))  # noqa: B009 (not in the stubs)


def _col(index: int) -> str:
    return str(get_column_letter(index))


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


LINE_HEIGHT_PT: Final = 15.0


def _display_width(text: str) -> int:
    # A CJK character takes two of Excel's character-width units.
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def fit_row_heights(sheet: Worksheet) -> None:
    """Give wrapped text the rows it needs: neither Excel nor LibreOffice grows a row for it on open."""
    widths = {col: dim.width for col, dim in sheet.column_dimensions.items()}
    spans = {(r.min_row, r.min_col): sum(widths.get(_col(c), 8.43) for c in range(r.min_col, r.max_col + 1))
             for r in sheet.merged_cells.ranges}
    for row in sheet.iter_rows():
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or isinstance(cell, MergedCell):
                continue
            width = spans.get((cell.row, cell.column), widths.get(cell.column_letter, 8.43))
            usable = max(int(width) - 1, 1)
            lines = max(lines, sum(max(1, -(-_display_width(part) // usable))
                                   for part in cell.value.split("\n")))
        index = int(row[0].row or 1)
        current = sheet.row_dimensions[index].height
        if lines > 1 and (current is None or current < lines * LINE_HEIGHT_PT):
            sheet.row_dimensions[index].height = lines * LINE_HEIGHT_PT + 3


def save_deterministic(workbook: Workbook, created: dt.datetime) -> bytes:
    """Workbook bytes that depend only on content and ``created`` (not on the wall clock)."""
    for sheet in workbook.worksheets:
        fit_row_heights(sheet)
    workbook.properties.creator = APP_NAME
    workbook.properties.lastModifiedBy = APP_NAME
    workbook.properties.created = created
    raw = io.BytesIO()
    workbook.save(raw)
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    modified = b'<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp + b"</dcterms:modified>"
    with zipfile.ZipFile(raw) as source:
        entries = [(name, source.read(name)) for name in source.namelist()]
    return deterministic_zip(
        ((name, _MODIFIED.sub(modified, data) if name == "docProps/core.xml" else data)
         for name, data in entries), created)
