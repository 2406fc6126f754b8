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

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

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
    版记 (抄送).

    Page breaks: the closing request, the whole 附件 list and the seal stay on one page, so a
    second page never holds only the list's last lines and the seal.  A letter that runs a little
    over one page is set once more with the leading GB/T 9704 allows to tighten (``COMPACT``) and
    kept on one page when that is enough.
    """
    content, pages = _letter(ctx, subject, title, body)
    if pages == 2:
        tight, tight_pages = _letter(ctx, subject, title, [_compact(f) for f in body], compact=True)
        if tight_pages == 1:
            return tight
    return content


# The tighter setting for a letter that nearly fits one page: 28 pt leading (22 lines a page)
# becomes 23 pt (about 27 lines), GB/T 9704 7.1's "特定情况可以作适当调整"; gaps shrink alike.
# The technical-upgrade example's 请示 fits so (its 附件 list and seal had run onto page 2); at
# 24 pt it does not.  Looked at through pdftoppm: still an easy read at 16 pt type.
COMPACT: Final = 23 / 28


def _letter(ctx: DraftContext, subject: str, title: str, body: list[Flowable], *,
            compact: bool = False) -> tuple[bytes, int]:
    app = ctx.application
    fit = _compact if compact else _same
    doc = PdfDocument(f"{subject}：{ctx.enterprise_name}", subject, ctx.created)
    doc.add(fit(para(title, "title")), fit(para(f"{addressee(ctx)}：", "plain")), *body)
    tail: list[Flowable] = [fit(para("妥否，请批示。"))]
    names = enclosures(ctx, subject)
    if names:
        tail += [fit(spacer(4)), *map(fit, enclosure_note(names))]
    doc.add(*tail)
    doc.sign(fit(para(f"{ctx.enterprise_name}（盖章）", "right")),
             fit(para(chinese_date(app.prepared_on), "right")),
             keep_last=len(tail), gap_mm=12 * COMPACT if compact else 12)
    doc.add(fit(spacer(4)), fit(para(contact_note(ctx))))
    copy_to = copies(ctx)
    if copy_to:
        doc.add(keep(fit(spacer(8)), rule(), fit(para(f"抄送：{'，'.join(copy_to)}。", "plain")), rule()))
    content = doc.render()
    return content, doc.pages


def _same(item: Flowable) -> Flowable:
    return item


def _compact(item: Flowable) -> Flowable:
    """The same text with the compact leading (a new flowable; the original is left as it was)."""
    if isinstance(item, Paragraph):
        style = ParagraphStyle(f"{item.style.name}-compact", parent=item.style,
                               leading=item.style.leading * COMPACT,
                               spaceBefore=item.style.spaceBefore * COMPACT,
                               spaceAfter=item.style.spaceAfter * COMPACT)
        return Paragraph(item.text, style, bulletText=item.bulletText)
    if isinstance(item, Spacer):
        return Spacer(item.width, item.height * COMPACT)
    return item
