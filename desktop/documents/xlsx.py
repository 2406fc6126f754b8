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
from functools import lru_cache
from typing import Any, Final
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from desktop import APP_NAME
from desktop.documents.text import strip_controls
from desktop.documents.zipfiles import deterministic_zip
from desktop.money import is_whole_fen_of_wan, round_yuan, wan_exact

FONT_NAME: Final = "宋体"
# Two decimals, up to six where the 元 amount needs them (4,999,950 元 is 499.995, not 500.00),
# and no thousands separator, as in the PDFs.
WAN_FORMAT: Final = '0.00####'
YUAN_FORMAT: Final = '#,##0.00'
# An amount not exact at two decimals of 万元 is shown in 元, the unit printed with it.
YUAN_WITH_UNIT_FORMAT: Final = '#,##0.00"元"'
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
    merge_cells(sheet, 1, 1, 1, last)
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
    """An amount in 元 shown in 万元, exactly (the stored value is the exact 万元 Decimal): a
    column of figures that are summed, as in the desk's 汇总表."""
    cell = sheet.cell(row=row, column=column, value=wan_exact(yuan) if yuan is not None else None)
    cell.number_format = WAN_FORMAT
    _style(cell, bold=bold, right=True)
    return cell


def put_amount(sheet: Worksheet, row: int, column: int, yuan: Decimal | None, *, bold: bool = False) -> Cell:
    """An amount on a paper sent to the authority: in 万元 where two decimals of 万元 hold it
    exactly (500.00); otherwise the exact 元, shown with its unit (333,466.67元), since a clerk
    reads 33.346667 as a mistake."""
    exact = yuan is None or is_whole_fen_of_wan(yuan)
    value = (wan_exact(yuan) if exact else round_yuan(yuan)) if yuan is not None else None
    cell = sheet.cell(row=row, column=column, value=value)
    cell.number_format = WAN_FORMAT if exact else YUAN_WITH_UNIT_FORMAT
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
    merge_cells(sheet, row, first, row, last)
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


# Per workbook, what merging did to a cell's border or protection given the style indices it
# read (see :func:`merge_cells`): style index in, style index out.
_MERGED: WeakKeyDictionary[Workbook, dict[tuple[object, ...], int]] = WeakKeyDictionary()
_EDGES: Final = ("top", "left", "right", "bottom")


def merge_cells(sheet: Worksheet, first_row: int, first_column: int, last_row: int,
                last_column: int) -> None:
    """``sheet.merge_cells(...)`` with the same result, cell for cell and style for style.

    openpyxl's merge adds a border to every edge cell and sets every cell's protection, each
    an assignment that hashes a style object to find it in the workbook's list (a third of a
    form's time).  Each step is a function of the style indices it reads, so the first merge
    that meets a combination runs openpyxl's own code and later ones reuse the index it gave.
    The lists only grow and hold each style once, so the indices, the lists and the bytes
    saved are the ones openpyxl's merge gives (``tests/documents/test_builder_bytes.py``).
    """
    workbook = sheet.parent
    assert workbook is not None
    memo = _MERGED.setdefault(workbook, {})
    coord = CellRange(min_col=first_column, min_row=first_row, max_col=last_column, max_row=last_row).coord
    merged: Any = MergedCellRange.__new__(MergedCellRange)  # __init__ would set the corner border itself
    merged.ws = sheet
    CellRange.__init__(merged, range_string=coord)
    cells: dict[tuple[int, int], Any] = getattr(sheet, "_cells")  # noqa: B009 (not in the stubs)
    start: Any = cells.get((first_row, first_column))
    if start is None:
        start = sheet.cell(row=first_row, column=first_column)
    merged.start_cell = start
    end: Any = cells.get((last_row, last_column))
    if end is not None:  # MergedCellRange._get_borders
        key: tuple[object, ...] = ("corner", _ids(start), _ids(end))
        found = memo.get(key)
        if found is None:
            start.border += Border(right=end.border.right, bottom=end.border.bottom)
            memo[key] = start._style.borderId
        else:
            start._style.borderId = found
    sheet.merged_cells.add(merged)
    for row, column in list(merged.cells)[1:]:  # Worksheet._clean_merge_range
        cells[row, column] = MergedCell(sheet, row, column)
    cell: Any
    for name in _EDGES:  # MergedCellRange.format
        side = getattr(start.border, name)
        if side and side.style is None:
            continue
        source = _ids(start)
        for row, column in getattr(merged, name):
            cell = cells.get((row, column))
            if cell is None:
                cell = cells[row, column] = _merged_cell(sheet, row, column)
            key = ("edge", name, source, _ids(cell)[0])
            found = memo.get(key)
            if found is None:
                cell.border += Border(**{name: side})
                memo[key] = cell._style.borderId
            else:
                cell._style.borderId = found
    protection = start.protection  # a proxy: openpyxl's "is not None" always holds
    for row, column in merged.cells:
        cell = cells.get((row, column))
        if cell is None:
            cell = cells[row, column] = _merged_cell(sheet, row, column)
        key = ("protection", _ids(start)[1])
        found = memo.get(key)
        if found is None:
            cell.protection = copy(protection)
            memo[key] = cell._style.protectionId
        else:
            _ids(cell)  # gives a new merged cell its style array, as openpyxl's assignment does
            cell._style.protectionId = found


def _merged_cell(sheet: Worksheet, row: int, column: int) -> Any:
    return MergedCell(sheet, row, column)


def _ids(cell: Any) -> tuple[int, int]:
    """The cell's border and protection indices (a cell without a style array gets one first,
    as openpyxl's style descriptors do on first use)."""
    if not cell._style:
        cell._style = StyleArray()
    return cell._style.borderId, cell._style.protectionId


def _col(index: int) -> str:
    return str(get_column_letter(index))


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


LINE_HEIGHT_PT: Final = 15.0
# Excel's limit for one row; LibreOffice and Excel clip a cell's text beyond it when printing.
MAX_ROW_HEIGHT_PT: Final = 409.0
MAX_LINES: Final = int((MAX_ROW_HEIGHT_PT - 3) // LINE_HEIGHT_PT)
CONTINUATION_SHEET: Final = "附页"
CONTINUATION_WIDTH: Final = 90.0


def _char_width(char: str) -> int:
    # A CJK character takes two of Excel's character-width units.
    return 2 if ord(char) > 0x2E7F else 1


def _display_width(text: str) -> int:
    return sum(_char_width(c) for c in text)


def wrap_lines(text: str, width: float) -> list[str]:
    """The lines a wrapped cell of ``width`` shows (Excel wraps at the column edge, mid-word for CJK).

    A line that ends a paragraph keeps its "\\n", so ``"".join(lines) == text``.  Remembered:
    every cell is measured twice on saving (long text, then row heights).
    """
    return list(_wrapped(text, width))


@lru_cache(maxsize=4096)
def _wrapped(text: str, width: float) -> tuple[str, ...]:
    usable = max(int(width) - 1, 1)
    lines: list[str] = []
    line, used = "", 0
    for char in text:
        if char == "\n":
            lines.append(line + char)
            line, used = "", 0
            continue
        if used + _char_width(char) > usable and line:
            lines.append(line)
            line, used = "", 0
        line += char
        used += _char_width(char)
    lines.append(line)
    return tuple(lines)


def _cell_width(sheet: Worksheet, cell: Cell) -> float:
    widths = {col: dim.width for col, dim in sheet.column_dimensions.items()}
    for merged in sheet.merged_cells.ranges:
        if (merged.min_row, merged.min_col) == (cell.row, cell.column):
            return float(sum(widths.get(_col(c), 8.43) for c in range(merged.min_col, merged.max_col + 1)))
    return float(widths.get(cell.column_letter, 8.43))


def fit_row_heights(sheet: Worksheet) -> None:
    """Give wrapped text the rows it needs (neither Excel nor LibreOffice grows a row on open),
    never more than Excel's 409 pt: :func:`move_long_text` has already moved longer text."""
    for row in sheet.iter_rows():
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and not isinstance(cell, MergedCell):
                lines = max(lines, len(wrap_lines(cell.value, _cell_width(sheet, cell))))
        index = int(row[0].row or 1)
        current = sheet.row_dimensions[index].height
        if lines > 1 and (current is None or current < lines * LINE_HEIGHT_PT):
            sheet.row_dimensions[index].height = min(lines * LINE_HEIGHT_PT + 3, MAX_ROW_HEIGHT_PT)


def move_long_text(workbook: Workbook) -> None:
    """Text too long for one row (over 409 pt) stays in full: the cell keeps its beginning and
    says "（全文见附页N）", and a printable continuation sheet carries the whole text over as many
    rows as it needs, each within the limit."""
    sheets = [s for s in workbook.worksheets if isinstance(s, Worksheet)]
    overflows: list[tuple[str, str]] = []
    for sheet in sheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or isinstance(cell, MergedCell):
                    continue
                lines = wrap_lines(cell.value, _cell_width(sheet, cell))
                if len(lines) <= MAX_LINES:
                    continue
                overflows.append((_label_of(sheet, cell), cell.value))
                note = f"……（全文见附页{len(overflows)}）"
                cell.value = "".join(lines[:MAX_LINES - 2]).rstrip("\n") + "\n" + note
    if overflows:
        _continuation_sheet(workbook, overflows)


def _label_of(sheet: Worksheet, cell: Cell) -> str:
    """What the text is: the label in the first column of its row, or the sheet's name."""
    label = sheet.cell(row=cell.row, column=1).value if cell.column != 1 else None
    return f"{sheet.title}：{label}" if isinstance(label, str) and label else sheet.title


def _continuation_sheet(workbook: Workbook, overflows: list[tuple[str, str]]) -> None:
    sheet = workbook.create_sheet(CONTINUATION_SHEET)
    setup_sheet(sheet, "附页", (CONTINUATION_WIDTH,), title_rows=1)
    row = 2
    for number, (label, text) in enumerate(overflows, start=1):
        put_text(sheet, row, 1, f"附页{number}　{label}（全文）", header=True)
        row += 1
        # Lines broken here, on a narrower column than the real one: a spreadsheet that measures
        # CJK text wider than two width units then never wraps a line again, so a row holds
        # exactly the lines counted and never needs more than 409 pt (this sheet is for print).
        lines = [line.rstrip("\n") for line in wrap_lines(text, CONTINUATION_WIDTH * 0.8)]
        for start in range(0, len(lines), MAX_LINES):
            cell = put_text(sheet, row, 1, "\n".join(lines[start:start + MAX_LINES]))
            cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
            count = len(lines[start:start + MAX_LINES])
            sheet.row_dimensions[row].height = min(count * LINE_HEIGHT_PT + 3, MAX_ROW_HEIGHT_PT)
            row += 1


def save_deterministic(workbook: Workbook, created: dt.datetime) -> bytes:
    """Workbook bytes that depend only on content and ``created`` (not on the wall clock)."""
    move_long_text(workbook)
    for sheet in workbook.worksheets:
        if isinstance(sheet, Worksheet):
            fit_row_heights(sheet)
    workbook.properties.creator = APP_NAME
    workbook.properties.lastModifiedBy = APP_NAME
    workbook.properties.created = created
    raw = io.BytesIO()
    # openpyxl's own save deflates every part, and deterministic_zip deflates them again: it
    # writes them stored here instead, so each part is compressed once (same parts, same bytes).
    workbook.properties.modified = created
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    modified = b'<dcterms:modified xsi:type="dcterms:W3CDTF">' + stamp + b"</dcterms:modified>"
    with zipfile.ZipFile(raw) as source:
        entries = [(name, source.read(name)) for name in source.namelist()]
    return deterministic_zip(
        ((name, _MODIFIED.sub(modified, data) if name == "docProps/core.xml" else data)
         for name, data in entries), created)
