"""The rule-pack format (YAML source under ``resources/rules``; see docs/RULES.md).

These pydantic models check the shape of a pack.  Predicates (``test``/``when``) stay
raw mappings here and are compiled and type-checked against the fact registry by
:mod:`desktop.rules.predicates`, so every error can name its file, programme and field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from desktop.applications.kinds import ApplicationKind

Id = str
RawTest = dict[str, Any]
ProgrammeKind = Literal[
    "tech_upgrade", "new_industry", "sme_fixed_asset", "loan_interest", "rd_institution",
    "award", "financing", "listing", "tax", "social_insurance", "other",
]
# A programme names the application kind its wizard drafts (declared in desktop.applications.kinds).
Wizard = ApplicationKind
AMOUNT_KINDS = ("fixed", "ratio", "tiers", "top_up", "interest_subsidy", "set_by_authority")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _FigureChecked(_Strict):
    """A rule whose figures must appear in its cited excerpt (:mod:`desktop.rules.figures`)."""

    figure_not_in_excerpt: str | None = Field(
        default=None, min_length=4,
        description="why a figure of this rule is legitimately not in its excerpt (e.g. derived)")

    @model_serializer(mode="wrap")
    def _omit_unused_exception(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Left out when unset, so packs written before the field existed keep their digest.
        data: dict[str, Any] = handler(self)
        if self.figure_not_in_excerpt is None:
            data.pop("figure_not_in_excerpt", None)
        return data


class Citation(_Strict):
    document: str | None = Field(default=None, description="document key; default: the programme's")
    clause: str = Field(min_length=1)
    excerpt: str = Field(min_length=2)


class Document(_Strict):
    key: Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    file: str = Field(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
    number: str | None
    title: str
    issuer: str
    issued: dt.date
    region: str = Field(pattern=r"^[0-9]{2,6}$")
    note: str = ""


class Validity(_Strict):
    from_: dt.date = Field(alias="from")
    to: dt.date | None
    basis: Literal["explicit", "inferred"]
    note: str = Field(min_length=4)
    cite: Citation | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Validity:
        if self.to is not None and self.to < self.from_:
            raise ValueError("validity 'to' is before 'from'")
        if self.basis == "explicit" and self.cite is None:
            raise ValueError("an explicit validity period must cite the text that states it")
        return self


class Condition(_FigureChecked):
    id: Id = Field(pattern=r"^[a-z0-9_]+$")
    label: str
    label_en: str = ""
    test: RawTest
    when: RawTest | None = None
    cite: Citation


class ItemRules(_Strict):
    collection: Literal["loans"]
    label: str
    conditions: list[Condition] = Field(min_length=1)
    required: bool = Field(
        default=True,
        description="at least one item must pass for the programme to be eligible; false: each item "
                    "is only checked (e.g. a tech upgrade's loan contracts, which only a 贴息 asks for)",
    )


class Share(_Strict):
    recipient: str
    share: str = Field(pattern=r"^0\.[0-9]+$|^1$")
    applicant: bool = Field(
        default=False,
        description="the applicant enterprise's own share: the headline amount is this part",
    )


class Period(_Strict):
    """Support paid year by year over a span the text names ("在存续期内", "3年内").

    The rule's figure is then the yearly one; the headline is yearly × ``years`` (a fact,
    e.g. the bond's term), and ``cap`` applies to that cumulative sum.  ``reading`` says in
    plain words which reading of the text the product takes, and what the other would give.
    """

    years: str = Field(description="fact holding the number of years the support runs")
    reading: str = Field(min_length=4)


class Ratio(_Strict):
    base: str
    rate: str = Field(pattern=r"^[0-9]+(\.[0-9]+)?$")


class Tier(_Strict):
    at_least: str
    amount: str


class Tiers(_Strict):
    fact: str
    first_time_over: str | None = Field(
        default=None,
        description="fact holding the previous best; a tier counts only when first gone over "
                    "now (首次超: previous <= at_least < current; the figure itself is not over)",
    )
    table: list[Tier] = Field(min_length=1)


class TopUp(_Strict):
    base: str
    target_rate: str
    received_rate: str


class InterestSubsidy(_Strict):
    day_count: Literal["actual/360", "actual/365"] = "actual/360"
    rate: str | None = Field(default=None, description="null: the text gives no ratio")


class AuthorityAmount(_Strict):
    range: tuple[str, str] | None = None


class AmountRule(_FigureChecked):
    id: Id = Field(pattern=r"^[a-z0-9_]+$")
    when: RawTest | None = None
    fixed: str | None = None
    ratio: Ratio | None = None
    tiers: Tiers | None = None
    top_up: TopUp | None = None
    interest_subsidy: InterestSubsidy | None = None
    set_by_authority: AuthorityAmount | None = None
    cap: str | None = None
    less_received: str | None = None
    split: list[Share] | None = None
    period: Period | None = None
    overrides: list[Id] = Field(default_factory=list)
    certainty: Literal["exact", "estimate"] | None = None
    basis: str = Field(min_length=2, description="plain-language basis, quoting the text")
    cite: Citation

    @model_validator(mode="after")
    def _one_kind(self) -> AmountRule:
        kinds = [k for k in AMOUNT_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"an amount rule needs exactly one of {', '.join(AMOUNT_KINDS)}; "
                             f"found {kinds or 'none'}")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in AMOUNT_KINDS if getattr(self, k) is not None)


class Material(_Strict):
    name: str
    when: RawTest | None = None
    cite: Citation | None = None


class RouteStep(_Strict):
    when: RawTest | None = None
    submit_to: str
    copy_to: list[str] = Field(default_factory=list)
    then: str = ""
    cite: Citation


class Stacking(_Strict):
    programme: Id
    relation: Literal["excludes", "tops_up", "stacks_with"]
    note: str
    cite: Citation | None = None


class Programme(_Strict):
    id: Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    title_en: str = ""
    kind: ProgrammeKind
    wizard: Wizard | None = None
    document: Id
    region: str = Field(pattern=r"^[0-9]{2,6}$")
    summary: str
    beneficiary: str
    validity: Validity
    conditions: list[Condition] = Field(default_factory=list)
    items: ItemRules | None = None
    amount: list[AmountRule] = Field(min_length=1)
    materials: list[Material] = Field(default_factory=list)
    route: list[RouteStep] = Field(default_factory=list)
    stacking: list[Stacking] = Field(default_factory=list)


class Block(_Strict):
    """A prohibition that makes matching programmes ineligible (e.g. no new over-capacity projects)."""

    id: Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    document: Id
    region: str = Field(pattern=r"^[0-9]{2,6}$")
    validity: Validity
    applies_to: list[ProgrammeKind] = Field(min_length=1)
    blocked_when: RawTest
    cite: Citation


class PackHeader(_Strict):
    id: Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")
    title: str
    issued_by: str
    format: Literal[1] = 1


class RulePackSource(_Strict):
    header: PackHeader
    documents: list[Document]
    programmes: list[Programme]
    blocks: list[Block] = Field(default_factory=list)


def source_digest(source: RulePackSource) -> str:
    """SHA-256 of the pack's canonical JSON: the identity of its content, not of its files.

    Here, not in :mod:`desktop.rules.loader`: reading the compiled pack at every start checks
    it, and only compiling YAML sources needs PyYAML."""
    canonical = json.dumps(source.model_dump(mode="json", by_alias=True), ensure_ascii=False,
                           sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
