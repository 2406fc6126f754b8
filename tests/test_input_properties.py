"""Property tests (issue 14): random JSON shapes and values fed to the facts and application
loaders, and random text to the answers parser, give a clean model or a named error, never
another exception; what they accept is within the bounds facts have by meaning."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from desktop import safejson
from desktop.applications.io import parse_application
from desktop.applications.model import ApplicationFile
from desktop.facts.answers import parse_answers
from desktop.facts.bounds import EARLIEST_DATE, LATEST_DATE, MONEY_LIMIT
from desktop.facts.io import FactsError, parse_facts
from desktop.facts.model import Enterprise, FactsFile, Institution, Loan, Project

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**60, max_value=10**60),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["0", "-1", "0.5", "1.5", "1e400", "-0.05", "2026-02-30", "0001-01-01",
                     "2018-06-01", "true", "NaN", "91630104MA753Q2P1D", "  300 ", "1,200,000.50",
                     "约300人", "１２３", "10000000000000", "9" * 40]),
)


def _fields(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


def _shaped(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6)
    keys = st.sampled_from(_fields(model)) | st.text(max_size=10)
    return st.dictionaries(keys, values, max_size=8) | values


facts_documents = st.one_of(
    st.fixed_dictionaries({}, optional={
        "schema_version": st.sampled_from([1, 1, 1, 2, "1", True, None]),
        "enterprise": _shaped(Enterprise),
        "project": _shaped(Project) | st.none(),
        "loans": st.lists(_shaped(Loan), max_size=3) | leaves,
        "institution": _shaped(Institution) | st.none(),
    }),
    _shaped(FactsFile),
)

application_documents = st.fixed_dictionaries({}, optional={
    "schema_version": st.sampled_from([1, 1, 2, None]),
    "kind": st.sampled_from(["loan_interest", "tech_upgrade", "rd_institution", "x"]) | leaves,
    "programme_id": st.text(max_size=20) | leaves,
    "prepared_on": st.sampled_from(["2018-06-01", "2026-13-01", "0001-01-01"]) | leaves,
    "enterprise": _shaped(Enterprise),
    "project": _shaped(Project),
    "loans": st.lists(_shaped(Loan), max_size=3) | leaves,
    "institution": _shaped(Institution),
    "attachments": st.lists(st.fixed_dictionaries({"material": leaves, "path": leaves}), max_size=2) | leaves,
}) | _shaped(ApplicationFile)


def _through_json(document: Any) -> Any:
    """As a file would arrive: JSON text read back by the bounded loader."""
    return safejson.loads(json.dumps(document, ensure_ascii=False, default=str))


def _within_bounds(section: BaseModel | None) -> None:
    if section is None:
        return
    for name, value in section:
        if isinstance(value, BaseModel):
            _within_bounds(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _within_bounds(item)
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, Decimal):
            assert value.is_finite() and Decimal(0) <= value < MONEY_LIMIT, (name, value)
            if name.endswith("_rate"):
                assert value <= 1, (name, value)
        elif isinstance(value, int):
            assert value >= 0, (name, value)
        elif isinstance(value, dt.date):
            assert EARLIEST_DATE <= value <= LATEST_DATE, (name, value)


@SETTINGS
@given(facts_documents)
def test_facts_loader_gives_a_model_or_a_named_error(document: Any) -> None:
    try:
        facts = parse_facts(_through_json(document))
    except (FactsError, safejson.JsonLimitError) as exc:
        assert str(exc)
        return
    _within_bounds(facts)


@SETTINGS
@given(application_documents)
def test_application_loader_gives_a_model_or_a_named_error(document: Any) -> None:
    try:
        application = parse_application(_through_json(document))
    except (FactsError, safejson.JsonLimitError) as exc:
        assert str(exc)
        return
    _within_bounds(application)


@SETTINGS
@given(st.text(max_size=200))
def test_any_text_is_json_or_a_named_error(text: str) -> None:
    try:
        value = safejson.loads(text)
    except safejson.JsonLimitError:
        return
    with contextlib.suppress(FactsError):
        parse_facts(value)


@SETTINGS
@given(st.dictionaries(st.sampled_from(_fields(Enterprise)), st.text(max_size=20)
                       | st.sampled_from(["-3", "1.5", "true", "1e400", "0001-01-01", "300", "0.2"])))
def test_typed_answers_are_flagged_never_raised(answers: dict[str, str]) -> None:
    parsed = parse_answers(Enterprise, answers)  # the GUI's path: one flag per bad field
    _within_bounds(parsed.facts)
    assert set(parsed.errors) <= set(answers)
