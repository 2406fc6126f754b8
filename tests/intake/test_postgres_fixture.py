"""Without PostgreSQL binaries the PostgreSQL tests skip saying how to install them; in CI they fail."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

ONE_TEST = "tests/intake/test_desk.py::test_a_database_from_a_newer_program_is_refused[postgresql]"


def _run(ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HUIQI_PG_BIN": str(ROOT / "no-such-folder"), "CI": ci}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:randomly", ONE_TEST],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def test_skips_with_how_to_install_outside_ci() -> None:
    result = _run("")
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout and "apt-get install postgresql" in result.stdout


def test_fails_in_ci() -> None:
    result = _run("true")
    assert result.returncode != 0, result.stdout
    assert "CI=true" in result.stdout and "1 error" in result.stdout
