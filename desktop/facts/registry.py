"""A flat registry of every fact path the rules can name, with its type, label and question.

Built from the pydantic models plus the derived facts of :mod:`desktop.facts.derived`,
so a rule that names an unknown fact, or compares a date with a number, is rejected
when the rule pack loads.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import BaseModel

from desktop.facts.model import Enterprise, Institution, Loan, Project


class FactType(enum.StrEnum):
    TEXT = "text"
    INT = "int"
    DECIMAL = "decimal"
    MONEY = "money"
    BOOL = "bool"
    DATE = "date"
    ENUM = "enum"

    @property
    def is_numeric(self) -> bool:
        return self in (FactType.INT, FactType.DECIMAL, FactType.MONEY)

    @property
    def is_ordered(self) -> bool:
        return self.is_numeric or self is FactType.DATE


@dataclass(frozen=True)
class FactSpec:
    path: str
    type: FactType
    label: str
    question: str
    unit: str = ""
    label_en: str = ""
    choices: tuple[str, ...] = ()
    # For derived facts: the input facts a user must fill to settle it.
    inputs: tuple[str, ...] = field(default=())

    @property
    def section(self) -> str:
        return self.path.split(".", 1)[0]

    @property
    def is_derived(self) -> bool:
        return bool(self.inputs)


SECTIONS: dict[str, type[BaseModel]] = {
    "enterprise": Enterprise,
    "project": Project,
    "loan": Loan,
    "institution": Institution,
}


def _fact_type(annotation: object, unit: str) -> tuple[FactType, tuple[str, ...]]:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    is_union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    base = args[0] if is_union and args else annotation
    if typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    if typing.get_origin(base) is typing.Literal:
        return FactType.ENUM, tuple(str(v) for v in typing.get_args(base))
    simple = {bool: FactType.BOOL, int: FactType.INT, str: FactType.TEXT, dt.date: FactType.DATE}
    if base in simple:
        return simple[base], ()
    if base is Decimal:
        return (FactType.MONEY if unit == "元" else FactType.DECIMAL), ()
    raise TypeError(f"unsupported fact annotation {annotation!r}")


def _model_facts() -> dict[str, FactSpec]:
    specs: dict[str, FactSpec] = {}
    for section, model in SECTIONS.items():
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra
            assert isinstance(extra, dict), f"{section}.{name} lacks fact metadata"
            unit = str(extra.get("unit", ""))
            fact_type, choices = _fact_type(info.annotation, unit)
            specs[f"{section}.{name}"] = FactSpec(
                path=f"{section}.{name}",
                type=fact_type,
                label=str(extra["label"]),
                question=str(extra["question"]),
                unit=unit,
                label_en=str(extra.get("label_en", "")),
                choices=choices,
            )
    return specs


DERIVED: tuple[FactSpec, ...] = (
    FactSpec(
        "enterprise.size_class", FactType.ENUM, "企业规模（大/中/小/微）",
        "请填写所属行业、从业人员、营业收入和资产总额以确定企业规模。",
        choices=("large", "medium", "small", "micro"),
        inputs=("enterprise.industry_code", "enterprise.employees", "enterprise.revenue",
                "enterprise.assets"),
    ),
    FactSpec(
        "enterprise.is_industrial", FactType.BOOL, "工业企业（采矿业、制造业、电力热力燃气及水）",
        "请填写企业所属行业代码。", inputs=("enterprise.industry_code",),
    ),
    FactSpec(
        "enterprise.local_tax_increment", FactType.MONEY, "地方级税收增量", "",
        unit="元", inputs=("enterprise.local_tax_current", "enterprise.local_tax_base"),
    ),
    FactSpec(
        "loan.term_months", FactType.INT, "贷款期限", "", unit="个月",
        inputs=("loan.start_on", "loan.end_on"),
    ),
    FactSpec(
        "loan.interest", FactType.MONEY, "合同期利息", "", unit="元",
        inputs=("loan.principal", "loan.annual_rate", "loan.start_on", "loan.end_on"),
    ),
)


def _build() -> dict[str, FactSpec]:
    specs = _model_facts()
    for spec in DERIVED:
        specs[spec.path] = spec
    return specs


FACTS: dict[str, FactSpec] = _build()
