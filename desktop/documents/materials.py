"""申报材料清单: each material the programme requires, with its true status in this package.

已提供 only for what is really in the package: a document the package drafts, or a file the
user attached to that item.  A drafted pledge is 待签章 (signed after support is granted).  An
item asking for contracts is not met by the list alone, and an item asked per loan needs a file
for every loan.  Items of a form of support the application does not ask for are 不适用.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from desktop.applications.model import AttachmentRef
from desktop.documents.context import DocumentSpec, DraftContext
from desktop.documents.loan_interest import interest_terms, loan_lines
from desktop.documents.pdf import PdfDocument, grid, para, spacer
from desktop.documents.text import chinese_date, form_date
from desktop.documents.xlsx import merge_cells, new_form, put_text, save_deterministic
from desktop.rules.predicates import Outcome

Status = Literal["provided", "to_sign", "missing", "not_applicable"]
STATUS_TEXT: Final = {"provided": "已提供", "to_sign": "待签章", "missing": "缺", "not_applicable": "不适用"}
# Words of a material that a drafted list or form never supplies: only an attached file does.
NEEDS_FILE: Final = ("合同", "借款凭证", "承诺函")


@dataclass(frozen=True)
class MaterialStatus:
    name: str
    status: Status
    where: str


def material_statuses(ctx: DraftContext) -> list[MaterialStatus]:
    attached: dict[str, list[AttachmentRef]] = {}
    for ref in ctx.application.attachments:
        attached.setdefault(ref.material, []).append(ref)
    out = [_status(ctx, name, [g for g in ctx.generated if g.satisfies(name)], attached.get(name, []))
           for name in ctx.result.materials]
    # The package's own documents that no listed material names are still listed (申请书, 明细表).
    listed = {g.name for name in ctx.result.materials for g in ctx.generated if g.satisfies(name)}
    for spec in ctx.generated:
        if spec.name not in listed and not spec.stem.startswith("申报材料清单"):
            out.append(MaterialStatus(spec.stem, "to_sign" if spec.to_sign else "provided",
                                      f"本材料包：{spec.name}"))
    return out


def _status(ctx: DraftContext, name: str, documents: list[DocumentSpec],
            files: list[AttachmentRef]) -> MaterialStatus:
    if _not_applicable(ctx, name):
        return MaterialStatus(name, "not_applicable", "本申报不申请贷款贴息")
    where = [f"本材料包：{g.name}" for g in documents] + [f"附件：{f.path}" for f in files]
    gaps, asides = _gaps(ctx, name, documents, files)
    where += asides
    if gaps:
        return MaterialStatus(name, "missing", "；".join([*where, *gaps]))
    if not where:
        return MaterialStatus(name, "missing", "请补充后一并报送")
    if documents and any(g.to_sign for g in documents) and not files:
        return MaterialStatus(name, "to_sign", "；".join([*where, "待签字盖章"]))
    return MaterialStatus(name, "provided", "；".join(where))


def claimed_loans(ctx: DraftContext) -> tuple[list[int], list[int]]:
    """The numbers (from 1) of the loans claimed, eligible per the assessment, and of the others."""
    lines = loan_lines(ctx.application.loans, ctx.result.conditions, interest_terms(ctx))
    claimed = [line.number for line in lines if line.eligibility is Outcome.PASS]
    return claimed, [line.number for line in lines if line.number not in claimed]


def _gaps(ctx: DraftContext, name: str, documents: list[DocumentSpec],
          files: list[AttachmentRef]) -> tuple[list[str], list[str]]:
    """What the item still lacks: the contracts behind a drafted list, a file for each loan."""
    loans = ctx.application.loans
    if ctx.application.kind == "loan_interest" and "贷款" in name and any(w in name for w in NEEDS_FILE):
        covered = {ref.loan for ref in files if ref.loan is not None}
        if len(loans) == 1 and files:
            covered.add(1)
        # Only the loans claimed (eligible per the assessment) need their papers.
        claimed, unclaimed = claimed_loans(ctx)
        missing = [str(n) for n in claimed if n not in covered]
        notes = [f"第{'、'.join(missing)}笔贷款未附"] if missing else []
        return notes, ([f"第{'、'.join(map(str, unclaimed))}笔贷款不符合条件，未申请贴息，无需附"]
                       if unclaimed else [])
    if documents and not files and any(w in name and all(w not in g.stem for g in documents)
                                       for w in NEEDS_FILE):
        return ["合同未附"], []
    return [], []


def _not_applicable(ctx: DraftContext, name: str) -> bool:
    """An item for 贴息 in an application that asks for a grant only (not for having loans)."""
    financing = ctx.application.financing
    return (ctx.application.kind != "loan_interest" and "贴息" in name
            and not (financing is not None and financing.asks_interest_subsidy))


def materials_xlsx(ctx: DraftContext) -> bytes:
    workbook, sheet = new_form("申报材料清单", "申报材料清单", (6, 60, 10, 40), title_rows=3)
    put_text(sheet, 2, 1, f"申报单位：{ctx.enterprise_name}　　"
                          f"填报日期：{form_date(ctx.application.prepared_on)}")
    merge_cells(sheet, 2, 1, 2, 4)
    for column, header in enumerate(("序号", "材料名称", "状态", "说明"), start=1):
        put_text(sheet, 3, column, header, header=True)
    for row, item in enumerate(material_statuses(ctx), start=4):
        put_text(sheet, row, 1, str(row - 3), center=True)
        put_text(sheet, row, 2, item.name)
        put_text(sheet, row, 3, STATUS_TEXT[item.status], center=True)
        put_text(sheet, row, 4, item.where)
    return save_deterministic(workbook, ctx.created)


def materials_pdf(ctx: DraftContext) -> bytes:
    doc = PdfDocument(f"申报材料清单：{ctx.enterprise_name}", "申报材料清单", ctx.created)
    rows = [["序号", "材料名称", "状态", "说明"]]
    rows += [[str(i), m.name, STATUS_TEXT[m.status], m.where]
             for i, m in enumerate(material_statuses(ctx), start=1)]
    doc.add(para("申报材料清单", "title"), para(f"申报单位：{ctx.enterprise_name}", "plain"), spacer(4),
            grid(rows, (10, 60, 16, 70)), spacer(8),
            para(chinese_date(ctx.application.prepared_on), "right"))
    return doc.render()
