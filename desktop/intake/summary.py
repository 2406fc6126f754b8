"""汇总表: everything received, totalled by programme and region, to print on A4 landscape.

Sheet 1 (汇总表) has one row per programme and county with the number of applications,
how many were approved, and the amounts requested and estimated (万元), a subtotal per
programme and a grand total.  The totals count the live applications only (已收到, 审核中,
通过): one returned for correction comes back as a new bundle and one refused is settled, so
neither is counted (both are listed on sheet 2), and the sheet says so under its title.
An amount the rule pack leaves to the authority (贴息 with no ratio in the pack) is printed
as 由主管部门确定, never as 0.00; a line mixing both says how many such applications it holds.
Sheet 2 (审核结果) lists every application with its review status, reason, flags and bundle
hash, so each figure can be traced to its bundles; at city level it names the county
package each line came from in its own column (报送单位).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.documents.xlsx import put_number, put_text, put_wan, save_deterministic, setup_sheet
from desktop.intake.desk import to_decimal
from desktop.intake.models import STATUS_TEXT, Received
from desktop.reference.regions import full_name

COUNTED = frozenset({"received", "reviewing", "approved"})
SCOPE = "统计口径：已收到、审核中、通过的申报；退回补正、不予支持的不计入（见“审核结果”）"
BY_AUTHORITY = "由主管部门确定"


@dataclass
class Line:
    programme: str
    region: str
    count: int = 0
    approved: int = 0
    requested: Decimal = Decimal(0)
    estimated: Decimal = Decimal(0)
    ids: list[int] = field(default_factory=list)
    unrequested: int = 0  # applications stating no amount
    by_authority: int = 0  # applications whose amount the rule pack leaves to the authority

    def add(self, row: Received) -> None:
        self.count += 1
        self.approved += row.status == "approved"
        self.requested += to_decimal(row.requested_yuan) or 0
        self.estimated += to_decimal(row.desk_yuan) or 0
        self.unrequested += row.requested_yuan is None
        self.by_authority += row.desk_yuan is None
        self.ids.append(row.id)

    def merge(self, other: Line) -> None:
        self.count += other.count
        self.approved += other.approved
        self.requested += other.requested
        self.estimated += other.estimated
        self.unrequested += other.unrequested
        self.by_authority += other.by_authority


def summary_lines(rows: Sequence[Received]) -> list[Line]:
    """One line per (programme, region), sorted; only :data:`COUNTED` statuses."""
    lines: dict[tuple[str, str], Line] = {}
    for row in rows:
        if row.status not in COUNTED:
            continue
        region = full_name(row.region_code) if row.region_code else "（未填写）"
        key = (row.programme_title, region)
        lines.setdefault(key, Line(*key)).add(row)
    return [lines[k] for k in sorted(lines)]


def summary_bytes(rows: Sequence[Received], flags: Mapping[int, list[str]], *, desk_name: str,
                  created: dt.datetime, sources: Mapping[int, str] | None = None) -> bytes:
    """``sources`` (city level): the county package each row came from, in its own column."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "汇总表"
    setup_sheet(sheet, "惠企政策申报汇总表", (34, 36, 8, 8, 16, 16, 22), title_rows=3, landscape=True)
    put_text(sheet, 2, 1, f"填报单位：{desk_name}　　汇总日期：{created:%Y-%m-%d}　　金额单位：万元"
                          f"　　{SCOPE}")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=7)
    headers = ("政策项目", "地区", "件数", "其中通过", "申请金额", "测算金额", "收件编号")
    for column, header in enumerate(headers, start=1):
        put_text(sheet, 3, column, header, header=True)
    row_no = 4
    by_programme: dict[str, list[Line]] = defaultdict(list)
    for line in summary_lines(rows):
        by_programme[line.programme].append(line)
    grand = Line("合计", "")
    for programme, lines in by_programme.items():
        subtotal = Line(f"{programme} 小计", "")
        for line in lines:
            _line_row(sheet, row_no, line)
            row_no += 1
            for target in (subtotal, grand):
                target.merge(line)
        _line_row(sheet, row_no, subtotal, bold=True)
        row_no += 1
    _line_row(sheet, row_no, grand, bold=True)

    results = workbook.create_sheet("审核结果")
    widths = (7, 28, 20, 22, 30, 10, 12, 14, 30, 30) + ((28,) if sources is not None else ()) + (18,)
    setup_sheet(results, "申报审核结果", widths, title_rows=2, landscape=True)
    result_headers = ("编号", "企业名称", "统一社会信用代码", "地区", "政策项目", "审核状态", "申请金额",
                      "测算金额", "理由", "标记", *(("报送单位",) if sources is not None else ()),
                      "申报包 SHA-256")
    for column, header in enumerate(result_headers, start=1):
        put_text(results, 2, column, header, header=True)
    for offset, row in enumerate(rows):
        r = 3 + offset
        put_number(results, r, 1, row.id)
        put_text(results, r, 2, row.enterprise_name)
        put_text(results, r, 3, row.uscc)
        put_text(results, r, 4, full_name(row.region_code) if row.region_code else "")
        put_text(results, r, 5, row.programme_title)
        put_text(results, r, 6, STATUS_TEXT.get(row.status, row.status), center=True)
        put_wan(results, r, 7, to_decimal(row.requested_yuan))
        if row.desk_yuan is None and row.desk_status == "eligible":
            put_text(results, r, 8, BY_AUTHORITY)
        else:
            put_wan(results, r, 8, to_decimal(row.desk_yuan))
        put_text(results, r, 9, row.reason or "")
        put_text(results, r, 10, "；".join(flags.get(row.id, [])))
        if sources is not None:
            put_text(results, r, 11, sources.get(row.id, ""))
        put_text(results, r, len(result_headers), row.bundle_sha256[:16])
    return save_deterministic(workbook, created)


def _line_row(sheet: Worksheet, row: int, line: Line, *, bold: bool = False) -> None:
    put_text(sheet, row, 1, line.programme, bold=bold)
    put_text(sheet, row, 2, line.region, bold=bold)
    put_number(sheet, row, 3, line.count)
    put_number(sheet, row, 4, line.approved)
    if line.count and line.unrequested == line.count:
        put_text(sheet, row, 5, "未填", bold=bold)
    else:
        put_wan(sheet, row, 5, line.requested, bold=bold)
    if line.count and line.by_authority == line.count:
        put_text(sheet, row, 6, BY_AUTHORITY, bold=bold)
    else:
        put_wan(sheet, row, 6, line.estimated, bold=bold)
    ids = "、".join(f"#{i}" for i in line.ids[:30]) + ("…" if len(line.ids) > 30 else "")
    if 0 < line.by_authority < line.count:
        ids += f"（其中 {line.by_authority} 件测算金额{BY_AUTHORITY}，未计入）"
    put_text(sheet, row, 7, ids)


def write_summary(rows: Sequence[Received], flags: Mapping[int, list[str]], out: Path, *,
                  desk_name: str, created: dt.datetime) -> Path:
    data = summary_bytes(rows, flags, desk_name=desk_name, created=created)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    return out
