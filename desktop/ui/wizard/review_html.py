"""The review page's rich text: every answer under its page with a link back (``page:<key>``),
what blocks 生成, the warnings, and a fresh assessment.  Every piece of user text is escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from desktop.applications.review import Review
from desktop.rules.predicates import Outcome
from desktop.rules.results import STATUS_LABELS
from desktop.ui.i18n import translate
from desktop.ui.wizard.inputs import ChoiceInput

if TYPE_CHECKING:
    from desktop.ui.wizard.frame import WizardFrame


def review_html(frame: WizardFrame, current: Review) -> str:
    e = escape
    result = current.result
    parts = [f"<h3>{e(translate('Wizard', '自评结果'))}：{e(STATUS_LABELS[result.status])}</h3>"]
    amount = result.amount
    parts.append(f"<p>{e(amount.basis)}</p>")
    failing = [c for c in result.conditions if c.outcome is not Outcome.PASS]
    if failing:
        parts.append("<ul>" + "".join(f"<li>{'✘' if c.outcome is Outcome.FAIL else '？'} {e(c.label)}："
                                      f"{e(c.detail)}</li>" for c in failing) + "</ul>")
    if current.blocking:
        parts.append(f"<h4 style='color:#b00020'>{e(translate('Wizard', '必须改正后才能生成'))}"
                     f"（{len(current.blocking)}）</h4><ul>")
        parts += [f"<li>{e(p)}</li>" for p in current.blocking]
        parts.append("</ul>")
    else:
        parts.append(f"<p style='color:#1b5e20'><b>{e(translate('Wizard', '可以生成申报包。'))}</b></p>")
    if current.warnings:
        parts.append(f"<h4 style='color:#8a5300'>{e(translate('Wizard', '提醒（不影响生成）'))}</h4><ul>")
        parts += [f"<li>{e(w)}</li>" for w in current.warnings]
        parts.append("</ul>")
    for page in frame.spec.pages:
        rows = []
        for spec in page.fields:
            text = frame.main.get(spec.key, "")
            edit = frame.inputs.get(spec.key)
            if isinstance(edit, ChoiceInput) and text:
                text = edit.combo.currentText()  # the choice as offered (贴息), not its code
            shown = text if len(text) <= 80 else text[:80] + "…"
            rows.append(f"<tr><td>{e(translate('Wizard', spec.label))}</td><td>{e(shown) or '—'}</td></tr>")
        if page.table is not None:
            for number, line in enumerate(frame.lines[page.table], 1):
                cells = "，".join(line.get(c.field, "—") for c in frame.tables[page.table].columns)
                rows.append(f"<tr><td>{e(translate('Wizard', '第 {n} 行').format(n=number))}</td>"
                            f"<td>{e(cells)}</td></tr>")
        if not rows:
            continue
        parts.append(f"<h4>{e(translate('Wizard', page.title))} "
                     f"<a href='page:{e(page.key)}'>{e(translate('Wizard', '修改'))}</a></h4>"
                     f"<table cellspacing='4'>{''.join(rows)}</table>")
    return "".join(parts)
