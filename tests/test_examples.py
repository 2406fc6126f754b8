"""Every example runs through ``assess --json`` with the documented shape and the stated outcome."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli.main import main
from desktop.facts.io import read_facts
from desktop.facts.schema import SCHEMA_FILE, render
from desktop.paths import resource

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# (example, date, programme, status, amount in 万元 or None)
EXPECTED = [
    ("sjz_rd_institution.json", "2018-06-01", "sjz-2017-rd-institution", "eligible", "500.00"),
    # No money outside the validity period, so no figure (the basis still shows the working).
    ("sjz_rd_institution.json", "2021-06-01", "sjz-2017-rd-institution", "expired", None),
    ("sjz_rd_institution.json", "2017-01-01", "sjz-2017-rd-institution", "not_yet_effective", None),
    ("qh_tech_upgrade_ferrosilicon.json", "2012-03-01", "qh-2011-tech-upgrade", "eligible", None),
    ("qh_loans.json", "2011-12-20", "qh-2011-sme-loan-interest", "eligible", None),
    ("wh_revenue_milestone.json", "2014-12-31", "wh-2014-revenue-milestone", "eligible", "10.00"),
    ("wh_revenue_milestone.json", "2014-12-31", "sjz-2017-rd-institution", "not_applicable", None),
]
STATUSES = {"eligible", "ineligible", "undetermined", "expired", "not_yet_effective", "not_applicable"}
CERTAINTIES = {"exact", "estimate", "upper_bound", "set_by_authority"}


def _assess_json(capsys: pytest.CaptureFixture[str], example: str, on: str) -> dict[str, Any]:
    assert main(["assess", str(EXAMPLES / example), "--on", on, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _check_shape(report: dict[str, Any]) -> None:
    assert set(report) == {"assessed_on", "rulepack", "enterprise", "results"}
    assert set(report["rulepack"]) == {"id", "version", "sha256"}
    assert set(report["enterprise"]) == {"name", "uscc", "size_class", "size_explanation"}
    assert report["enterprise"]["size_class"] in {"large", "medium", "small", "micro", "unknown"}
    for result in report["results"]:
        assert set(result) == {"programme_id", "title", "region", "document", "status", "amount",
                               "conditions", "missing", "materials"}
        assert set(result["document"]) == {"number", "file"}
        assert result["status"] in STATUSES
        # Optional: the working "if it applied", a split award's total and split, a period's year.
        assert {"wan", "certainty", "basis"} <= set(result["amount"]) <= {
            "wan", "certainty", "basis", "if_applicable_wan", "total_wan", "split", "yearly_wan",
            "years"}
        assert result["amount"]["certainty"] in CERTAINTIES
        for condition in result["conditions"]:
            assert set(condition) == {"id", "label", "outcome", "detail", "citation"}
            assert condition["outcome"] in {"pass", "fail", "unknown"}
            assert set(condition["citation"]) == {"file", "clause", "excerpt"}
        for missing in result["missing"]:
            assert set(missing) == {"fact", "question"} and missing["question"]
        assert all(isinstance(m, str) for m in result["materials"])


@pytest.mark.parametrize(("example", "on", "programme", "status", "wan"), EXPECTED)
def test_example_outcome_and_shape(capsys: pytest.CaptureFixture[str], example: str, on: str,
                                   programme: str, status: str, wan: str | None) -> None:
    report = _assess_json(capsys, example, on)
    _check_shape(report)
    assert report["assessed_on"] == on
    result = next(r for r in report["results"] if r["programme_id"] == programme)
    assert result["status"] == status
    if status != "not_applicable":
        assert result["amount"]["wan"] == wan


def test_every_example_is_covered_and_valid() -> None:
    # application_*.json are `draft` inputs, exercised in tests/documents.
    files = {p.name for p in EXAMPLES.glob("*.json") if not p.name.startswith("application_")}
    assert files == {e[0] for e in EXPECTED}
    for name in files:
        facts = read_facts(EXAMPLES / name)
        assert facts.comment, f"{name} explains itself in $comment"


def test_shipped_json_schema_is_generated_from_the_models() -> None:
    shipped = resource(*SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == render(), "run: python -m desktop.facts.schema resources/schema/facts.schema.json"
