"""One helper to declare a fact field with its label, unit and the question that asks for it."""

from __future__ import annotations

from typing import Any

from pydantic import Field


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
