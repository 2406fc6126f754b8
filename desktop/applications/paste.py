"""Rows of the equipment list from a spreadsheet: a pasted block (Excel, WPS) or an .xlsx file.

Columns are recognised by their header when there is one (名称, 型号, 数量, 单位, 单价, 供应商),
otherwise taken in that order.  Each cell is kept as typed: ``12.5万元`` and ``1,250,000``
stay as written and are read by the same money parser as a typed field, so a pasted row and a
typed row mean the same.  A header that states the unit (``单价（万元）``) applies it to the
plain numbers under it: ``380`` there is 380万元, as the spreadsheet meant, never 380 元.
A 金额/合计 column is not stored: the total is quantity x unit price.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

COLUMNS: Final = ("name", "model", "quantity", "unit", "unit_price", "supplier")
HEADERS: Final = {
    "name": ("设备名称", "名称", "设备", "品名"),
    "model": ("规格型号", "型号", "规格"),
    "quantity": ("数量",),
    "unit": ("单位",),
    "unit_price": ("单价", "价格"),
    "supplier": ("供应商", "生产厂家", "厂家", "供货单位"),
}
MAX_ROWS: Final = 2000
# The money unit a header may state, and what a plain number under it is given.
HEADER_UNITS: Final = (("亿元", "亿"), ("万元", "万"))
PLAIN_NUMBER: Final = re.compile(r"[0-9][0-9,]*(\.[0-9]+)?")


def _header_unit(cell: str) -> str:
    """"万" for 单价（万元）, "亿" for 单价(亿元), "" for 单价 or 单价（元）."""
    return next((suffix for unit, suffix in HEADER_UNITS if unit in cell), "")


def _header_map(cells: list[str]) -> dict[int, str] | None:
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        text = cell.strip().replace(" ", "")
        for column, names in HEADERS.items():
            if column not in found.values() and any(text.startswith(n) for n in names):
                found[index] = column
                break
    return found if "name" in found.values() and len(found) >= 2 else None


def rows_from_cells(rows: Iterable[list[str]]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    mapping: dict[int, str] | None = None
    price_unit = ""
    for number, cells in enumerate(rows):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if number == 0 or (mapping is None and not out):
            header = _header_map(cells)
            if header is not None:
                mapping = header
                price_unit = next((_header_unit(cells[i]) for i, c in header.items()
                                   if c == "unit_price"), "")
                continue
        if mapping is None:
            mapping = dict(enumerate(COLUMNS))
        row = {column: cells[index] for index, column in mapping.items()
               if index < len(cells) and cells[index]}
        price = row.get("unit_price")
        if price_unit and price is not None and PLAIN_NUMBER.fullmatch(price):
            row["unit_price"] = price + price_unit
        if row.get("name", "").startswith(("合计", "小计", "总计")):
            continue
        if row:
            out.append(row)
        if len(out) >= MAX_ROWS:
            break
    return out


def rows_from_text(text: str) -> list[dict[str, str]]:
    """A block copied from a spreadsheet: rows by line, cells by tab."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return rows_from_cells(line.split("\t") for line in lines)


def rows_from_xlsx(path: Path) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        cells = ([_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True))
        return rows_from_cells(cells)
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
