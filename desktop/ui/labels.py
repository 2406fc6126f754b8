"""Translatable display texts for core enums; the core keeps codes, the UI owns the words."""

from __future__ import annotations

from desktop.rules.predicates import Outcome
from desktop.rules.results import Status
from desktop.ui.i18n import translate


def status_text(status: Status) -> str:
    return {
        Status.ELIGIBLE: translate("labels", "可以申报"),
        Status.INELIGIBLE: translate("labels", "不符合"),
        Status.UNDETERMINED: translate("labels", "待补充信息"),
        Status.EXPIRED: translate("labels", "已过期"),
        Status.NOT_YET_EFFECTIVE: translate("labels", "尚未生效"),
        Status.NOT_APPLICABLE: translate("labels", "非本地区"),
    }[status]


def outcome_text(outcome: Outcome) -> str:
    return {Outcome.PASS: translate("labels", "符合"), Outcome.FAIL: translate("labels", "不符合"),
            Outcome.UNKNOWN: translate("labels", "待确认")}[outcome]


# A status is never told by colour alone: the text is always there, the mark repeats it.
# Every mark is a glyph the bundled body font has (⌛ is not, and showed as a box).
STATUS_MARKS = {
    Status.ELIGIBLE: "✔", Status.INELIGIBLE: "✘", Status.UNDETERMINED: "？",
    Status.EXPIRED: "⊘", Status.NOT_YET_EFFECTIVE: "…", Status.NOT_APPLICABLE: "—",
}
OUTCOME_MARKS = {Outcome.PASS: "✔", Outcome.FAIL: "✘", Outcome.UNKNOWN: "？"}


def kind_text(kind: str) -> str:
    """The kinds of programme in the rule pack, as the dashboard's filter names them."""
    return {
        "tech_upgrade": translate("labels", "技术改造"),
        "new_industry": translate("labels", "新兴产业"),
        "sme_fixed_asset": translate("labels", "中小企业固定资产投资"),
        "loan_interest": translate("labels", "贷款贴息"),
        "rd_institution": translate("labels", "研发机构"),
        "award": translate("labels", "奖励"),
        "financing": translate("labels", "融资支持"),
        "listing": translate("labels", "上市挂牌"),
        "social_insurance": translate("labels", "社保与就业"),
        "tax": translate("labels", "税收优惠"),
        "other": translate("labels", "其他"),
    }.get(kind, kind)
