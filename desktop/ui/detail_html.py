"""The detail pane's rich text for one programme; every piece of text is escaped."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop.money import format_wan
from desktop.rules.results import ProgrammeResult
from desktop.ui.labels import OUTCOME_MARKS, STATUS_MARKS, outcome_text, status_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("DetailPane", text)


def certainty_text(certainty: str) -> str:
    return {"exact": _tr("按原文计算"), "estimate": _tr("估算"), "upper_bound": _tr("上限"),
            "set_by_authority": _tr("由主管部门确定")}.get(certainty, certainty)


def programme_detail_html(result: ProgrammeResult) -> str:
    e = escape
    parts = [f"<h3>{e(result.title)}</h3>",
             f"<p><b>{e(STATUS_MARKS[result.status])} {e(status_text(result.status))}</b>"
             f" · {e(result.region)} · {e(result.document_number or _tr('（无文号）'))}</p>"]
    parts.append(f"<h4>{e(_tr('条件'))}</h4><ol>")
    for c in result.conditions:
        parts.append(
            f"<li><b>{e(OUTCOME_MARKS[c.outcome])} {e(outcome_text(c.outcome))}</b> {e(c.label)}"
            f"<br/>{e(c.detail)}"
            f"<br/><span style='color:#555'>{e(_tr('依据'))}：{e(c.citation.clause)}——"
            f"“{e(c.citation.excerpt)}”</span></li>")
    parts.append("</ol>")
    if result.missing:
        parts.append(f"<h4>{e(_tr('待补充的信息'))}</h4><ul>")
        parts += [f"<li>{e(m.question)}</li>" for m in result.missing]
        parts.append("</ul>")
    amount = result.amount
    figure = (f"{format_wan(amount.yuan)} {_tr('万元')}" if amount.yuan is not None
              else _tr("暂无金额"))
    parts.append(f"<h4>{e(_tr('金额'))}</h4><p><b>{e(figure)}</b>"
                 f"（{e(certainty_text(amount.certainty))}）<br/>"
                 f"{e(amount.basis)}</p>")
    if result.materials:
        parts.append(f"<h4>{e(_tr('申报材料'))}</h4><ol>")
        parts += [f"<li>{e(m)}</li>" for m in result.materials]
        parts.append("</ol>")
    return "".join(parts)
