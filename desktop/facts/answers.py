"""Typed-as-entered answers (field -> text, as the store keeps them) to validated facts.

Each field is validated on its own, so one typo flags one field and every other answer
still counts.  A flagged field is treated as unknown by the rules, never as a guess.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from types import UnionType
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from desktop.facts.bounds import describe
from desktop.office_input import InputError, parse_date_input, parse_money_input
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


def office_reading(model: type[BaseModel], field: str, text: str) -> str | None:
    """Money and dates as offices type them (``8000万``, ``2018年3月1日``), read by
    :mod:`desktop.office_input` into the plain form the model takes (``80000000``,
    ``2018-03-01``); None for fields of other kinds.  Raises InputError with the message."""
    info = model.model_fields[field]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if extra.get("unit") == "元":
        return str(parse_money_input(text))
    if _base_type(info.annotation) is dt.date:
        return parse_date_input(text).isoformat()
    return None


def _base_type(annotation: object) -> object:
    """``FactDate | None`` (an Annotated date in an optional) -> ``date``."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    base = args[0] if typing.get_origin(annotation) in (typing.Union, UnionType) and args else annotation
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    return base


# A figure the model reads but whose value is out of range ("1e400", "1900-01-01"): the bound's
# message, the same words `assess` prints for the same value in a facts file.
_BOUND_ERRORS = frozenset({"less_than", "less_than_equal", "greater_than", "greater_than_equal"})


def _office_or_bound_message(model: type[BaseModel], field: str, text: str, office: InputError) -> str:
    try:
        model.model_validate({field: text})
    except ValidationError as exc:
        first = exc.errors()[0]
        if first["type"] in _BOUND_ERRORS:
            return describe(first)
    return str(office)


def parse_answers(model: type[M], answers: Mapping[str, str]) -> ParsedAnswers[M]:
    valid: dict[str, object] = {}
    errors: dict[str, str] = {}
    for field, text in answers.items():
        if field not in model.model_fields:
            continue  # answers for other sections (narratives, equipment) live beside facts
        candidate = text.strip()
        if candidate:
            try:
                read = office_reading(model, field, candidate)
            except InputError as exc:
                errors[field] = _office_or_bound_message(model, field, candidate, exc)
                continue
            candidate = read if read is not None else candidate
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
