"""The detail pane's rich text for one programme; every piece of text is escaped.

Links carry no data of their own, only where to go: ``cite:3`` is the fourth condition's
citation (``cite:amount`` the amount's), ``fact:enterprise.employees`` a field to fill,
``apply:<programme id>`` the wizard.  The page resolves them against the shown result.
"""

from __future__ import annotations

from html import escape

from desktop.money import format_wan
from desktop.rules.results import Certainty, CitedText, ProgrammeResult, Status
from desktop.ui.i18n import translate
from desktop.ui.labels import OUTCOME_MARKS, STATUS_MARKS, outcome_text, status_text

LINK_STYLE = "text-decoration: none;"


def certainty_text(certainty: Certainty) -> str:
    return {
        Certainty.EXACT: translate("DetailPane", "按原文计算"),
        Certainty.ESTIMATE: translate("DetailPane", "估算"),
        Certainty.UPPER_BOUND: translate("DetailPane", "上限"),
        Certainty.SET_BY_AUTHORITY: translate("DetailPane", "由主管部门确定"),
    }[certainty]


def _words() -> dict[str, str]:
    # Looked up here, outside any f-string: pyside6-lupdate does not read inside f-strings.
    return {
        "basis": translate("DetailPane", "依据"),
        "view": translate("DetailPane", "查看原文"),
        "no_number": translate("DetailPane", "（无文号）"),
        "apply": translate("DetailPane", "开始申报 →"),
        "later": translate("DetailPane", "符合全部条件后，可在此开始申报。"),
        "missing": translate("DetailPane", "待补充的信息（点击填写）"),
        "conditions": translate("DetailPane", "条件"),
        "wan": translate("DetailPane", "万元"),
        "no_amount": translate("DetailPane", "暂无金额"),
        "amount": translate("DetailPane", "金额"),
        "materials": translate("DetailPane", "申报材料"),
    }


def _source_link(target: str, citation: CitedText, w: dict[str, str]) -> str:
    e = escape
    return (f"<br/><span style='color:#555'>{e(w['basis'])}：{e(citation.clause)}——"
            f"“{e(citation.excerpt)}”</span> <a href='cite:{target}' style='{LINK_STYLE}'>"
            f"{e(w['view'])}</a>")


def programme_detail_html(result: ProgrammeResult, *, can_apply: bool = True) -> str:
    e, w = escape, _words()
    parts = [f"<h3>{e(result.title)}</h3>",
             f"<p><b>{e(STATUS_MARKS[result.status])} {e(status_text(result.status))}</b>"
             f" · {e(result.region)} · {e(result.document_number or w['no_number'])}</p>"]
    if result.wizard and can_apply:
        # Undetermined too: the wizard opens at the page that asks for what is missing.
        if result.status in (Status.ELIGIBLE, Status.UNDETERMINED):
            parts.append(f"<p><a href='apply:{e(result.programme_id)}'><b>{e(w['apply'])}</b></a></p>")
        else:
            parts.append(f"<p style='color:#555'>{e(w['later'])}</p>")
    if result.missing:
        parts.append(f"<h4>{e(w['missing'])}</h4><ul>")
        parts += [f"<li><a href='fact:{e(m.fact)}' style='{LINK_STYLE}'>{e(m.question)}</a></li>"
                  for m in result.missing]
        parts.append("</ul>")
    parts.append(f"<h4>{e(w['conditions'])}</h4><ol>")
    for index, c in enumerate(result.conditions):
        parts.append(f"<li><b>{e(OUTCOME_MARKS[c.outcome])} {e(outcome_text(c.outcome))}</b> {e(c.label)}"
                     f"<br/>{e(c.detail)}{_source_link(str(index), c.citation, w)}</li>")
    parts.append("</ol>")
    amount = result.amount
    figure = (f"{format_wan(amount.figure)} {w['wan']}" if amount.figure is not None
              else w["no_amount"])
    parts.append(f"<h4>{e(w['amount'])}</h4><p><b>{e(figure)}</b>"
                 f"（{e(certainty_text(amount.certainty))}）<br/>{e(amount.basis)}"
                 + (_source_link("amount", amount.citation, w) if amount.citation else "") + "</p>")
    if result.materials:
        parts.append(f"<h4>{e(w['materials'])}</h4><ol>")
        parts += [f"<li>{e(m)}</li>" for m in result.materials]
        parts.append("</ol>")
    return "".join(parts)
