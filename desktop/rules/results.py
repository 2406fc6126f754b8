"""Plain result objects of an assessment, and their JSON form (the ``assess --json`` shape)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.money import format_wan
from desktop.rules.predicates import Outcome


class Status(enum.StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"
    EXPIRED = "expired"
    NOT_YET_EFFECTIVE = "not_yet_effective"
    NOT_APPLICABLE = "not_applicable"


STATUS_LABELS = {
    Status.ELIGIBLE: "可以申报", Status.INELIGIBLE: "不符合", Status.UNDETERMINED: "待补充信息",
    Status.EXPIRED: "已过期", Status.NOT_YET_EFFECTIVE: "尚未生效", Status.NOT_APPLICABLE: "非本地区",
}
OUTCOME_LABELS = {Outcome.PASS: "符合", Outcome.FAIL: "不符合", Outcome.UNKNOWN: "待确认"}


@dataclass(frozen=True)
class CitedText:
    file: str
    clause: str
    excerpt: str

    def to_json(self) -> dict[str, str]:
        return {"file": self.file, "clause": self.clause, "excerpt": self.excerpt}


@dataclass(frozen=True)
class ConditionResult:
    id: str
    label: str
    outcome: Outcome
    detail: str
    citation: CitedText
    hint: str | None = None
    missing: tuple[str, ...] = ()

    @property
    def finding(self) -> str:
        """What was found, said once: the detail without the hint that restates its requirement
        ("贷款期限 4 个月，要求不低于 6 个月", not "…；贷款期限需不低于 6 个月，结果才会改变")."""
        tail = f"；{self.hint}" if self.hint else ""
        return self.detail.removesuffix(tail) if tail else self.detail

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "outcome": self.outcome.value,
                "detail": self.detail, "citation": self.citation.to_json()}


@dataclass(frozen=True)
class MissingFact:
    fact: str
    question: str

    def to_json(self) -> dict[str, str]:
        return {"fact": self.fact, "question": self.question}


class Certainty(enum.StrEnum):
    EXACT = "exact"  # computed as the text says
    ESTIMATE = "estimate"  # a figure the text makes depend on something not known yet
    UPPER_BOUND = "upper_bound"  # at most this much
    SET_BY_AUTHORITY = "set_by_authority"  # the text leaves the amount to the authority


@dataclass(frozen=True)
class ShareFigure:
    """One recipient's part of an award the text splits (e.g. 50% 企业 / 30% 管理层 / 20% 中介)."""

    recipient: str
    share: Decimal
    yuan: Decimal
    applicant: bool

    def to_json(self) -> dict[str, Any]:
        return {"recipient": self.recipient, "share": f"{self.share.normalize():f}",
                "wan": format_wan(self.yuan), "applicant": self.applicant}


# Statuses under which a programme pays nothing today: no 预计金额 is shown for them.
NO_MONEY_STATUSES = frozenset({Status.EXPIRED, Status.NOT_YET_EFFECTIVE, Status.INELIGIBLE,
                               Status.NOT_APPLICABLE})


@dataclass(frozen=True)
class AmountResult:
    """A programme's amount.  ``yuan`` is what the applicant itself would receive.

    Where the text splits an award, ``total`` is the whole award and ``shares`` the split;
    ``yuan`` is the applicant's own share.  Where support runs over a period, ``yearly`` is
    one year's figure and ``years`` the span; ``yuan`` is the cumulative sum under its cap.
    ``applies`` is False when the programme pays nothing today (expired, not yet effective,
    ineligible, another region): ``yuan`` then only says what it would be if it applied, and
    :attr:`figure` (what the dashboard, ``assess`` and every document state) is None.
    """

    yuan: Decimal | None
    certainty: Certainty
    basis: str
    citation: CitedText | None = None
    rule_id: str | None = None
    total: Decimal | None = None
    shares: tuple[ShareFigure, ...] = ()
    yearly: Decimal | None = None
    years: Decimal | None = None
    applies: bool = True

    def __post_init__(self) -> None:
        # Code written before the enum passes the plain strings; they mean the same members.
        if type(self.certainty) is not Certainty:  # the check alone: this runs per programme
            object.__setattr__(self, "certainty", Certainty(self.certainty))

    @property
    def figure(self) -> Decimal | None:
        """The amount to state: none where the authority sets it, even if a base is known,
        and none where the programme pays nothing today (see :attr:`applies`)."""
        if not self.applies or self.certainty is Certainty.SET_BY_AUTHORITY:
            return None
        return self.yuan

    @property
    def set_by_authority(self) -> bool:
        return self.certainty is Certainty.SET_BY_AUTHORITY

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "wan": format_wan(self.yuan) if self.yuan is not None and self.applies else None,
            "certainty": self.certainty.value, "basis": self.basis}
        if not self.applies and self.yuan is not None:
            data["if_applicable_wan"] = format_wan(self.yuan)
        if self.total is not None:
            data["total_wan"] = format_wan(self.total)
            data["split"] = [share.to_json() for share in self.shares]
        if self.yearly is not None:
            data["yearly_wan"] = format_wan(self.yearly)
            data["years"] = f"{self.years.normalize():f}" if self.years is not None else None
        return data


@dataclass(frozen=True)
class RouteResult:
    submit_to: str
    copy_to: tuple[str, ...]
    then: str
    citation: CitedText


@dataclass
class ProgrammeResult:
    programme_id: str
    title: str
    region: str
    document_number: str | None
    document_file: str
    kind: str
    wizard: str | None
    status: Status
    conditions: list[ConditionResult]
    missing: list[MissingFact]
    amount: AmountResult
    materials: list[str]
    route: list[RouteResult] = field(default_factory=list)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "programme_id": self.programme_id,
            "title": self.title,
            "region": self.region,
            "document": {"number": self.document_number, "file": self.document_file},
            "status": self.status.value,
            "amount": self.amount.to_json(),
            "conditions": [c.to_json() for c in self.conditions],
            "missing": [m.to_json() for m in self.missing],
            "materials": list(self.materials),
        }


@dataclass(frozen=True)
class PackIdentity:
    id: str
    version: str
    sha256: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


@dataclass(frozen=True)
class Expiry:
    local: int
    expired: int

    @property
    def all_expired(self) -> bool:
        """Nothing can be applied for any more: the banner tells the user to get a newer pack."""
        return self.local > 0 and self.expired == self.local


@dataclass
class Assessment:
    assessed_on: dt.date
    rulepack: PackIdentity
    enterprise_name: str
    uscc: str
    size_class: str
    size_explanation: str
    results: list[ProgrammeResult]

    @property
    def expiry(self) -> Expiry:
        """How many of the programmes for the enterprise's region have expired on the date."""
        local = [r for r in self.results if r.status is not Status.NOT_APPLICABLE]
        return Expiry(len(local), sum(r.status is Status.EXPIRED for r in local))

    def to_json(self) -> dict[str, Any]:
        return {
            "assessed_on": self.assessed_on.isoformat(),
            "rulepack": self.rulepack.to_json(),
            "enterprise": {"name": self.enterprise_name, "uscc": self.uscc,
                           "size_class": self.size_class,
                           "size_explanation": self.size_explanation},
            "results": [r.to_json() for r in self.results],
        }

    def result(self, programme_id: str) -> ProgrammeResult:
        return next(r for r in self.results if r.programme_id == programme_id)
