"""The building blocks of fact models: the shared base, the bounded types, and ``fact()``,
which declares a field with its label, unit and the question that asks for it.

The bounded types (``Yuan``, ``Rate``, ``Count``, ``Measure``, ``Years``, ``FactDate``) live in
:mod:`desktop.facts.bounds` and are re-exported here, where field declarations import from."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from desktop.facts.bounds import Count, FactDate, Measure, Rate, Years, Yuan

__all__ = ["Count", "FactDate", "FactsModel", "Measure", "Rate", "Years", "Yuan", "fact"]


class FactsModel(BaseModel):
    """Every facts section: unknown keys are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def fact(
    label: str,
    question: str,
    *,
    unit: str = "",
    label_en: str = "",
    max_length: int | None = None,
    ge: int | None = None,
) -> Any:
    """A nullable fact: ``None`` means "not known yet", which the rules treat as unknown."""
    extra: dict[str, Any] = {"label": label, "question": question, "unit": unit, "label_en": label_en}
    return Field(
        default=None,
        description=f"{label}{f'（{unit}）' if unit else ''}。{question}",
        json_schema_extra=extra,
        max_length=max_length,
        ge=ge,
    )
