"""申报材料清单: each material the programme requires, with its status in this package."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from desktop.documents.context import DraftContext
from desktop.documents.pdf import PdfDocument, grid, para, spacer
from desktop.documents.text import chinese_date
from desktop.documents.xlsx import new_form, put_text, save_deterministic

Status = Literal["provided", "missing", "not_applicable"]
STATUS_TEXT: Final = {"provided": "已提供", "missing": "缺", "not_applicable": "不适用"}


@dataclass(frozen=True)
class MaterialStatus:
    name: str
    status: Status
    where: str


def material_statuses(ctx: DraftContext) -> list[MaterialStatus]:
    attached = {ref.material: ref.path for ref in ctx.application.attachments}
    out = []
    for name in ctx.result.materials:
        generated = next((g for g in ctx.generated if g.satisfies(name)), None)
        if generated is not None:
            out.append(MaterialStatus(name, "provided", f"本材料包：{generated.name}"))
        elif name in attached:
            out.append(MaterialStatus(name, "provided", f"附件：{attached[name]}"))
        elif _not_applicable(ctx, name):
            out.append(MaterialStatus(name, "not_applicable", "本项目不申请贷款贴息"))
        else:
            out.append(MaterialStatus(name, "missing", "请补充后一并报送"))
    return out


def _not_applicable(ctx: DraftContext, name: str) -> bool:
    financing = ctx.application.financing
    return "贴息" in name and financing is not None and financing.bank_loans == 0


def materials_xlsx(ctx: DraftContext) -> bytes:
    workbook, sheet = new_form("申报材料清单", "申报材料清单", (6, 60, 10, 40), title_rows=3)
    put_text(sheet, 2, 1, f"申报单位：{ctx.enterprise_name}　　政策项目：{ctx.result.title}")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    for column, header in enumerate(("序号", "材料名称", "状态", "说明"), start=1):
        put_text(sheet, 3, column, header, header=True)
    for row, item in enumerate(material_statuses(ctx), start=4):
        put_text(sheet, row, 1, str(row - 3), center=True)
        put_text(sheet, row, 2, item.name)
        put_text(sheet, row, 3, STATUS_TEXT[item.status], center=True)
        put_text(sheet, row, 4, item.where)
    return save_deterministic(workbook, ctx.created)


def materials_pdf(ctx: DraftContext) -> bytes:
    doc = PdfDocument(f"申报材料清单：{ctx.result.title}", "申报材料清单", ctx.created)
    rows = [["序号", "材料名称", "状态", "说明"]]
    rows += [[str(i), m.name, STATUS_TEXT[m.status], m.where]
             for i, m in enumerate(material_statuses(ctx), start=1)]
    doc.add(para("申报材料清单", "title"), para(f"申报单位：{ctx.enterprise_name}", "plain"),
            para(f"政策项目：{ctx.result.title}", "plain"), spacer(4),
            grid(rows, (12, 80, 16, 48)), spacer(8),
            para(chinese_date(ctx.application.prepared_on), "right"))
    return doc.render()
