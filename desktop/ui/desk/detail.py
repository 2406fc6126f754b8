"""The detail pane's HTML for one received application; every value is escaped."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from desktop.intake.duplicates import is_settled, warnings
from desktop.intake.models import AuditEntry, Received
from desktop.money import format_wan
from desktop.ui.i18n import translate


def wan(text: str | None) -> str:
    return "—" if text is None else format_wan(Decimal(text))


def status_label(status: str) -> str:
    return {
        "received": translate("DeskStatus", "已收到"),
        "reviewing": translate("DeskStatus", "审核中"),
        "approved": translate("DeskStatus", "通过"),
        "returned": translate("DeskStatus", "退回补正"),
        "refused": translate("DeskStatus", "不予支持"),
    }.get(status, status)


def verdict_label(verdict: str) -> str:
    return {
        "identical": translate("DeskVerdict", "与重新生成的逐字节一致"),
        "differs": translate("DeskVerdict", "与重新生成的不一致"),
        "unproven": translate("DeskVerdict", "无法逐字节证明"),
        "not_redrafted": translate("DeskVerdict", "未重新生成比对"),
    }.get(verdict, verdict)


def checklist_label(status: str) -> str:
    return {
        "provided": translate("DeskDetail", "已提供"),
        "to_sign": translate("DeskDetail", "待签章"),
        "missing": translate("DeskDetail", "缺"),
        "not_applicable": translate("DeskDetail", "不适用"),
    }.get(status, status)


def detail_html(row: Received, flags: list[str], audit: list[AuditEntry]) -> str:
    # Labels first: pyside6-lupdate does not look inside f-strings.
    uscc_label = translate("DeskDetail", "统一社会信用代码")
    programme_label = translate("DeskDetail", "政策项目")
    status_text = translate("DeskDetail", "审核状态")
    recheck_title = translate("DeskDetail", "复核")
    claimed_label = translate("DeskDetail", "企业自评")
    desk_label = translate("DeskDetail", "本机规则包复核")
    flags_title = translate("DeskDetail", "标记")
    settled_title = translate("DeskDetail", "已处理的重复申报")
    documents_title = translate("DeskDetail", "文书核对")
    checklist_title = translate("DeskDetail", "材料清单")
    audit_title = translate("DeskDetail", "审核记录")
    proof = row.proof
    reason = f"（{escape(row.reason)}）" if row.reason else ""
    parts = [f"<h3>#{row.id} {escape(row.enterprise_name)}</h3>",
             f"<p>{uscc_label}：{escape(row.uscc)}<br>{programme_label}：{escape(row.programme_title)}<br>"
             f"{status_text}：<b>{escape(status_label(row.status))}</b>{reason}</p>"]
    claimed, desk = proof.get("claimed"), proof.get("desk")
    style = ' style="background-color:#fde7e9"' if claimed != desk else ""
    parts.append(f"<h4>{recheck_title}</h4><table border=1 cellpadding=4 cellspacing=0{style}>"
                 f"<tr><th>{claimed_label}</th><th>{desk_label}</th></tr>"
                 f"<tr><td>{escape(str(claimed))}</td><td>{escape(str(desk))}</td></tr></table>")
    open_flags, settled = warnings(flags), [f for f in flags if is_settled(f)]
    if open_flags:
        parts.append(f"<h4 style='color:#b3261e'>{flags_title}</h4><ul>"
                     + "".join(f"<li>{escape(f)}</li>" for f in open_flags) + "</ul>")
    if settled:
        parts.append(f"<h4 style='color:#1e6b34'>{settled_title}</h4><ul>"
                     + "".join(f"<li>{escape(f)}</li>" for f in settled) + "</ul>")
    documents = proof.get("documents", [])
    if documents:
        parts.append(f"<h4>{documents_title}</h4><ul>" + "".join(
            f"<li>{escape(d['name'])}：{escape(verdict_label(d['verdict']))}"
            + (f"<br><small>{escape(d['detail'])}</small>" if d.get("detail") else "") + "</li>"
            for d in documents) + "</ul>")
    checklist = proof.get("checklist", [])
    if checklist:
        parts.append(f"<h4>{checklist_title}</h4><ul>" + "".join(
            f"<li>{escape(c['material'])}：<b>{escape(checklist_label(c['status']))}</b></li>"
            for c in checklist) + "</ul>")
    parts.append(f"<h4>{audit_title}</h4><ul>" + "".join(
        f"<li>{e.at:%Y-%m-%d %H:%M} {escape(e.who)}：{escape(status_label(e.to_status or ''))}"
        f"{('（' + escape(e.detail) + '）') if e.detail else ''}</li>"
        for e in audit) + "</ul>")
    return "".join(parts)
