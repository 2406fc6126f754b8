"""The 请示 every package opens with, addressed and copied along the route that applies.

The route comes from the assessment (the rules pick it by the kind of enterprise), so a
state-owned enterprise's letter goes where the policy sends state-owned enterprises.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from desktop.documents.context import DraftContext
from desktop.documents.pdf import PdfDocument, para, spacer
from desktop.documents.text import chinese_date


def addressee(ctx: DraftContext) -> str:
    route = ctx.result.route
    return route[0].submit_to if route else "主管部门"


def request_letter(ctx: DraftContext, subject: str, body: list[Flowable]) -> bytes:
    """关于申请…的请示: addressee, the body, the seal and date, then copies and the route."""
    app = ctx.application
    route = ctx.result.route[0] if ctx.result.route else None
    doc = PdfDocument(f"{subject}：{ctx.enterprise_name}", subject, ctx.created)
    doc.add(para(f"关于申请{ctx.result.title}的请示", "title"), spacer(4),
            para(f"{addressee(ctx)}：", "plain"), *body)
    doc.add(para("妥否，请批示。"), spacer(12), para(f"{ctx.enterprise_name}（盖章）", "right"),
            para(chinese_date(app.prepared_on), "right"), spacer(12))
    if route is not None:
        doc.add(para(f"抄送：{'、'.join(route.copy_to)}。" if route.copy_to else "抄送：无。", "plain"),
                para(f"报送路径：{route.then}（{route.citation.clause}）", "plain"))
    doc.add(para(f"联系人：{app.contact.person}　　联系电话：{app.contact.phone}", "plain"))
    return doc.render()
