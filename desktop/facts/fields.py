"""The building blocks of fact models: the shared base, the money type, and ``fact()``,
which declares a field with its label, unit and the question that asks for it."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

Yuan = Annotated[Decimal, Field(ge=0, max_digits=18, decimal_places=2)]


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
