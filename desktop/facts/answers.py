"""Typed-as-entered answers (field -> text, as the store keeps them) to validated facts.

Each field is validated on its own, so one typo flags one field and every other answer
still counts.  A flagged field is treated as unknown by the rules, never as a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from desktop.facts.bounds import describe
from desktop.reference.identifiers import validate_uscc

M = TypeVar("M", bound=BaseModel)

@dataclass(frozen=True)
class ParsedAnswers(Generic[M]):
    facts: M
    errors: dict[str, str]


def _normalise(text: str) -> str:
    # Thousands separators and full-width digits are how people type numbers here.
    return text.strip().replace(",", "").replace("，", "").translate(_FULL_WIDTH)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


def parse_answers(model: type[M], answers: Mapping[str, str]) -> ParsedAnswers[M]:
    valid: dict[str, object] = {}
    errors: dict[str, str] = {}
    for field, text in answers.items():
        if field not in model.model_fields:
            continue  # answers for other sections (narratives, equipment) live beside facts
        candidate = text.strip()
        try:
            model.model_validate({field: candidate})
        except ValidationError:
            try:
                model.model_validate({field: _normalise(text)})
                candidate = _normalise(text)
            except ValidationError as exc:
                errors[field] = describe(exc.errors()[0])
                continue
        if field == "uscc" and candidate:
            check = validate_uscc(candidate)
            if not check.ok:
                errors[field] = check.message
                continue
            candidate = check.normalised
        valid[field] = candidate
    return ParsedAnswers(model.model_validate(valid), errors)


def answers_from_facts(facts: BaseModel) -> dict[str, str]:
    """The inverse, for imports and the sample: every set field as the text a user would type."""
    out: dict[str, str] = {}
    for field, value in facts.model_dump(mode="json", exclude_none=True, by_alias=False).items():
        if isinstance(value, bool):
            out[field] = "true" if value else "false"
        elif not isinstance(value, dict | list):
            out[field] = str(value)
    return out
