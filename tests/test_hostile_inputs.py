"""Issue 14, problems 6 to 8 and 10: every hostile input gets a clear message and loses nothing.

The cases live in :mod:`tests.hostile_cases` (``python -m tests.hostile_cases`` prints the table
kept in docs/STORE.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hostile_cases import CASES, Case, prepare_data_dir, run_case


@pytest.fixture(scope="module")
def data_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "data"
    prepare_data_dir(folder)
    shutil.rmtree(folder / "logs", ignore_errors=True)
    return folder


@pytest.mark.parametrize("case", CASES, ids=[f"{c.family.split()[0]}-{c.name}" for c in CASES])
def test_hostile_input_is_refused_clearly_and_loses_nothing(case: Case, data_template: Path,
                                                            tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(data_template, data_dir)
    outcome = run_case(case, tmp_path / "work", data_dir)
    assert outcome.code in (1, 2), outcome.message
    assert outcome.handled, outcome.message
    assert outcome.lost == []
    assert outcome.english == [], outcome.message
    assert case.expect in outcome.message, outcome.message
