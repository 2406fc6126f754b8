"""Entry points: version, help, data dir, smoke test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli.main import main
from tests.conftest import ROOT


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in ("rules", "assess", "draft", "bundle", "intake", "summary", "backup", "restore",
                 "export", "import", "profiles"):
        assert name in out


def test_data_dir_option_and_log_file(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    assert main(["--data-dir", str(target), "rules", "list"]) == 0
    assert (target / "logs" / "desktop.log").is_file()


def test_data_dir_environment(private_data_dir: Path) -> None:
    assert main(["rules", "list"]) == 0
    assert (private_data_dir / "logs" / "desktop.log").is_file()


@pytest.mark.gui
def test_smoke_test_offscreen(tmp_path: Path) -> None:
    result = run_cli("--data-dir", str(tmp_path), "--smoke-test",
                     env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "smoke test ok" in result.stdout
    assert "AR PL UMing CN" in result.stdout
    assert "first paint at" in result.stdout  # the start-up benchmark reads this line


def test_the_parser_does_not_load_the_document_libraries() -> None:
    """Every start (the GUI's too) builds the parser; reportlab and openpyxl load only to draft."""
    import subprocess
    import sys

    code = ("import sys; from desktop.cli.main import build_parser; build_parser(); "
            "print(sorted(m for m in ('reportlab', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_resources_is_a_plain_refusal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """An incomplete install says which folder is missing (exit 3), not exit 70 for a bug."""
    from desktop import paths

    def missing() -> Path:
        raise FileNotFoundError("找不到程序资源目录（resources/），安装可能不完整。")

    monkeypatch.setattr(paths, "resources_dir", missing)
    assert main(["--data-dir", str(tmp_path), "rules", "list"]) == 3
    assert "resources/" in capsys.readouterr().err
