"""The desk's commands end to end: intake, received --json, review, summary opened by LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.cli.main import main
from tests.documents.helpers import squashed_pdf_text
from tests.intake.bundles import honest, write


@pytest.fixture
def received(tmp_path: Path, desk_url: str) -> str:
    folder = tmp_path / "usb"
    folder.mkdir()
    for kind in ("tech_upgrade", "rd_institution"):
        write(folder / f"{kind}.zip", honest(kind))
    assert main(["intake", str(folder), "--db", desk_url, "--official", "王科长", "--workers", "1"]) == 0
    return desk_url


def test_received_json_lists_what_the_issue_asks(received: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["received", "--db", received, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    for row in rows:
        assert {"id", "enterprise", "programme_id", "kind", "status", "requested_yuan", "estimated_yuan",
                "flags"} <= row.keys()
        assert row["enterprise"]["uscc"] and row["status"] == "received"
    rd = next(r for r in rows if r["kind"] == "rd_institution")
    assert rd["estimated_yuan"] == "5000000.00" and rd["flags"] == []


def test_review_from_the_command_line(received: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "1", "--status", "returned", "--reason", "缺附件", "--db", received]) == 1
    assert "不能直接改为" in capsys.readouterr().err
    assert main(["review", "1", "--status", "reviewing", "--db", received, "--official", "王科长"]) == 0
    assert main(["review", "1", "--status", "refused", "--db", received]) == 1
    assert "须填写理由" in capsys.readouterr().err
    assert main(["review", "1", "--status", "refused", "--reason", "不符合条件", "--db", received]) == 0
    assert main(["review", "9", "--status", "reviewing", "--db", received]) == 1
    assert "没有编号为 9 的收件" in capsys.readouterr().err


@pytest.mark.slow
def test_summary_opens_in_libreoffice(received: str, tmp_path: Path) -> None:
    out = tmp_path / "汇总表.xlsx"
    assert main(["summary", "--out", str(out), "--db", received, "--desk-name", "某县工信局"]) == 0
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed to prove the 汇总表 opens (CI installs it)"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    text = squashed_pdf_text((tmp_path / "汇总表.pdf").read_bytes())
    # Figures and codes: the CJK glyphs depend on the fonts LibreOffice finds on the machine.
    assert "500.00" in text and "91630100MA752X8K34" in text
