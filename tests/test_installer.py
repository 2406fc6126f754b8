"""The PyInstaller spec stays buildable: it parses, its entry point runs the CLI, and it ships resources."""

from __future__ import annotations

import ast
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "desktop.spec"


def test_spec_is_valid_python_and_ships_resources() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    text = ast.unparse(tree)
    assert "'resources'" in text and "entry.py" in text
    assert "console=False" in text and "console=True" in text


def test_frozen_entry_point_is_the_cli(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["huiqi-shenbao-cli", "--version"])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(ROOT / "installer" / "entry.py"), run_name="__main__")
    assert exit_info.value.code == 0
    assert "0." in capsys.readouterr().out
