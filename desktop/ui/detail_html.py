"""The detail pane's rich text for one programme; every piece of text is escaped.

Links carry no data of their own, only where to go: ``cite:3`` is the fourth condition's
citation (``cite:amount`` the amount's), ``fact:enterprise.employees`` a field to fill,
``apply:<programme id>`` the wizard.  The page resolves them against the shown result.
"""

from __future__ import annotations

from html import escape

from desktop.money import format_wan
from desktop.rules.results import CitedText, ProgrammeResult, Status
from desktop.ui.i18n import translate
from desktop.ui.labels import OUTCOME_MARKS, STATUS_MARKS, outcome_text, status_text

LINK_STYLE = "text-decoration: none;"


def certainty_text(certainty: str) -> str:
    return {
        "exact": translate("DetailPane", "按原文计算"),
        "estimate": translate("DetailPane", "估算"),
        "upper_bound": translate("DetailPane", "上限"),
        "set_by_authority": translate("DetailPane", "由主管部门确定"),
    }.get(certainty, certainty)


def _source_link(target: str, citation: CitedText) -> str:
    e = escape
    return (f"<br/><span style='color:#555'>{e(translate('DetailPane', '依据'))}：{e(citation.clause)}——"
            f"“{e(citation.excerpt)}”</span> <a href='cite:{target}' style='{LINK_STYLE}'>"
            f"{e(translate('DetailPane', '查看原文'))}</a>")


def programme_detail_html(result: ProgrammeResult) -> str:
    e = escape
    parts = [f"<h3>{e(result.title)}</h3>",
             f"<p><b>{e(STATUS_MARKS[result.status])} {e(status_text(result.status))}</b>"
             f" · {e(result.region)} · "
             f"{e(result.document_number or translate('DetailPane', '（无文号）'))}</p>"]
    if result.wizard:
        if result.status is Status.ELIGIBLE:
            parts.append(f"<p><a href='apply:{e(result.programme_id)}'><b>"
                         f"{e(translate('DetailPane', '开始申报 →'))}</b></a></p>")
        else:
            later = translate("DetailPane", "符合全部条件后，可在此开始申报。")
            parts.append(f"<p style='color:#555'>{e(later)}</p>")
    if result.missing:
        parts.append(f"<h4>{e(translate('DetailPane', '待补充的信息（点击填写）'))}</h4><ul>")
        parts += [f"<li><a href='fact:{e(m.fact)}' style='{LINK_STYLE}'>{e(m.question)}</a></li>"
                  for m in result.missing]
        parts.append("</ul>")
    parts.append(f"<h4>{e(translate('DetailPane', '条件'))}</h4><ol>")
    for index, c in enumerate(result.conditions):
        parts.append(f"<li><b>{e(OUTCOME_MARKS[c.outcome])} {e(outcome_text(c.outcome))}</b> {e(c.label)}"
                     f"<br/>{e(c.detail)}{_source_link(str(index), c.citation)}</li>")
    parts.append("</ol>")
    amount = result.amount
    figure = (f"{format_wan(amount.yuan)} {translate('DetailPane', '万元')}" if amount.yuan is not None
              else translate("DetailPane", "暂无金额"))
    parts.append(f"<h4>{e(translate('DetailPane', '金额'))}</h4><p><b>{e(figure)}</b>"
                 f"（{e(certainty_text(amount.certainty))}）<br/>{e(amount.basis)}"
                 + (_source_link("amount", amount.citation) if amount.citation else "") + "</p>")
    if result.materials:
        parts.append(f"<h4>{e(translate('DetailPane', '申报材料'))}</h4><ol>")
        parts += [f"<li>{e(m)}</li>" for m in result.materials]
        parts.append("</ol>")
    return "".join(parts)
