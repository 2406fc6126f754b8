"""The 请示 every package opens with, addressed to the office the user named.

The rule pack's route names categories of office ("同级经（发、商）委（按管辖关系）"); a clerk
returns a letter addressed to a category.  The letter therefore prints the recipient the user
confirmed (``application.recipient``; the wizard suggests the route) or a blank to write it in,
and never the product's notes on the route or on the policy's clauses.  Layout after
GB/T 9704-2012: title, 主送, body, signature and date kept with the last paragraph, then the
附注 (contact) and the 版记 (抄送) at the end.
"""

from __future__ import annotations

from typing import Final

from reportlab.platypus import Flowable

from desktop.documents.context import DraftContext
from desktop.documents.pdf import PdfDocument, hanging, keep, para, rule, spacer
from desktop.documents.text import chinese_date

# No office named yet: a line to write it in by hand, never a category name.
ADDRESSEE_BLANK: Final = "＿＿＿＿＿＿＿＿＿＿＿＿"


def addressee(ctx: DraftContext) -> str:
    recipient = ctx.application.recipient
    return recipient.office if recipient is not None else ADDRESSEE_BLANK


def copies(ctx: DraftContext) -> list[str]:
    recipient = ctx.application.recipient
    return list(recipient.copy_to) if recipient is not None else []


def contact_note(ctx: DraftContext) -> str:
    """The 附注: who to call, and where to write (the address is collected for this)."""
    contact = ctx.application.contact
    parts = [f"联系人：{contact.person}", f"联系电话：{contact.phone}"]
    if contact.address:
        parts.append(f"通信地址：{contact.address}")
    return f"（{'；'.join(parts)}）"


def enclosures(ctx: DraftContext, own: str) -> list[str]:
    """What the letter encloses, in the package's order: its documents (each once, the letter
    ``own`` excepted), then the materials the user attached (each material once)."""
    names: list[str] = []
    for spec in ctx.generated:
        if spec.stem != own and spec.stem not in names:
            names.append(spec.stem)
    for ref in ctx.application.attachments:
        if ref.material not in names:
            names.append(ref.material)
    return names


def enclosure_note(names: list[str]) -> list[Flowable]:
    """GB/T 9704-2012 7.3.3: under the body, indented two characters, "附件：1.…"; further items
    and wrapped lines aligned under the first name, no punctuation after a name."""
    return [hanging(f"附件：1.{name}" if i == 1 else f"{i}.{name}", 5, 3 if i == 1 else 0)
            for i, name in enumerate(names, start=1)]


def request_letter(ctx: DraftContext, subject: str, title: str, body: list[Flowable]) -> bytes:
    """``title`` (关于…的请示): addressee, the body, the 附件 list, the seal and date, 附注, then
    版记 (抄送)."""
    app = ctx.application
    doc = PdfDocument(f"{subject}：{ctx.enterprise_name}", subject, ctx.created)
    doc.add(para(title, "title"), para(f"{addressee(ctx)}：", "plain"), *body, para("妥否，请批示。"))
    names = enclosures(ctx, subject)
    if names:
        doc.add(spacer(4), *enclosure_note(names))
    # The seal never stands alone: it keeps the last two lines above it (附件 items, or the
    # last paragraph and the closing request).  A whole list kept with it would leave a
    # half-empty first page.
    doc.sign(para(f"{ctx.enterprise_name}（盖章）", "right"), para(chinese_date(app.prepared_on), "right"),
             keep_last=2)
    doc.add(spacer(4), para(contact_note(ctx)))
    copy_to = copies(ctx)
    if copy_to:
        doc.add(keep(spacer(8), rule(), para(f"抄送：{'，'.join(copy_to)}。", "plain"), rule()))
    return doc.render()
