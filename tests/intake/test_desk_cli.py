"""The desk's commands end to end: intake, received --json, review, summary opened by LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
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
    assert main(["review", "1", "--status", "refused", "--db", received]) == 1
    assert "须填写理由" in capsys.readouterr().err
    # One call per decision: 已收到 → 退回补正 passes through 审核中 (both in the log).
    assert main(["review", "1", "--status", "returned", "--reason", "缺附件", "--db", received,
                 "--official", "王科长"]) == 0
    assert "已改为“退回补正”" in capsys.readouterr().out
    assert main(["review", "1", "--status", "refused", "--reason", "不符合条件", "--db", received]) == 1
    assert "不能直接改为" in capsys.readouterr().err
    assert main(["review", "1", "--status", "reviewing", "--db", received]) == 0
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


def test_summary_packages_go_upward_and_are_totalled(received: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    assert main(["review", "2", "--status", "approved", "--db", received]) == 0
    county = tmp_path / "county.zip"
    assert main(["summary", "--out", str(tmp_path / "county.xlsx"), "--package", str(county),
                 "--desk-name", "城东区工信局", "--db", received]) == 0
    assert "已通过的申报 1 份" in capsys.readouterr().out
    tampered = tmp_path / "tampered.zip"  # a figure raised on the way up, manifest left as it was
    with zipfile.ZipFile(county) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data.replace(b"500000", b"900000") if name == "results.json" else data)
    city = tmp_path / "city.xlsx"
    assert main(["summary", "--out", str(city), "--from", str(county), str(county), str(tampered),
                 "--desk-name", "西宁市工信局"]) == 1
    err = capsys.readouterr().err
    assert "tampered.zip" in err
    book = load_workbook(city)
    total = [c.value for c in list(book["汇总表"].iter_rows())[-1]]
    assert total[0] == "合计" and total[2] == 2  # the one approved application from each package
    results = book["审核结果"]
    assert [results.cell(2, c).value for c in (10, 11)] == ["标记", "报送单位"]
    # Where each line came from has its own column; 标记 is left for flags.
    sources = [results.cell(r, 11).value for r in range(3, results.max_row + 1)]
    assert sources and all(s.startswith("城东区工信局 #") for s in sources)
    assert all(not results.cell(r, 10).value for r in range(3, results.max_row + 1))
    hashes = [results.cell(r, 12).value for r in range(3, results.max_row + 1)]
    assert all(len(h) == 16 for h in hashes)


def test_received_text_names_amounts_and_missing_materials(received: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["received", "--db", received]) == 0
    out = capsys.readouterr().out
    assert "— 元" not in out and "申请 " in out
    assert "申请 未填" in out or "申请 5000000.00 元" in out, out
    rows = json.loads((main(["received", "--db", received, "--json"]), capsys.readouterr().out)[1])
    for row in rows:
        if row["missing_materials"]:
            assert f"缺材料 {len(row['missing_materials'])} 项" in out


def test_rejections_from_the_command_line_are_kept(received: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.intake.desk import Desk

    broken = write(tmp_path / "broken.zip", honest("rd_institution")[:2000])
    assert main(["intake", str(broken), "--db", received, "--official", "王科长", "--workers", "1"]) == 1
    desk = Desk(received)
    try:
        [kept] = desk.rejections()
        assert kept.file_name == "broken.zip" and kept.who == "王科长" and kept.reasons
    finally:
        desk.close()
