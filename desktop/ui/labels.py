"""Translatable display texts for core enums; the core keeps codes, the UI owns the words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.rules.predicates import Outcome
from desktop.rules.results import Status


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_text(status: Status) -> str:
    return {
        Status.ELIGIBLE: _tr("可以申报"),
        Status.INELIGIBLE: _tr("不符合"),
        Status.UNDETERMINED: _tr("待补充信息"),
        Status.EXPIRED: _tr("已过期"),
        Status.NOT_YET_EFFECTIVE: _tr("尚未生效"),
        Status.NOT_APPLICABLE: _tr("非本地区"),
    }[status]


def outcome_text(outcome: Outcome) -> str:
    return {Outcome.PASS: _tr("符合"), Outcome.FAIL: _tr("不符合"),
            Outcome.UNKNOWN: _tr("待确认")}[outcome]


# A status is never told by colour alone: the text is always there, the mark repeats it.
STATUS_MARKS = {
    Status.ELIGIBLE: "✔", Status.INELIGIBLE: "✘", Status.UNDETERMINED: "？",
    Status.EXPIRED: "⌛", Status.NOT_YET_EFFECTIVE: "…", Status.NOT_APPLICABLE: "—",
}
OUTCOME_MARKS = {Outcome.PASS: "✔", Outcome.FAIL: "✘", Outcome.UNKNOWN: "？"}
