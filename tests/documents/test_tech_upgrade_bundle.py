"""The technical-upgrade package end to end: draft, read every file back, verify, determinism."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.applications.io import read_application
from desktop.bundle.build import bundle_bytes
from desktop.cli.main import main
from desktop.documents.drafting import DraftError, draft
from desktop.documents.pledge import EARMARK, OPENING
from desktop.rules.database import bundled_pack
from tests.conftest import ROOT
from tests.documents.helpers import draft_example, pdf_text, sheet_of, squash

EXAMPLE = ROOT / "examples" / "application_tech_upgrade.json"
CREATED = dt.datetime(2012, 3, 1, 9, 0)
POLICY = (ROOT / "resources" / "policies" / "001_41750fd7ee36e10e.txt").read_text(encoding="utf-8")


def _draft(application: Any = None) -> dict[str, bytes]:
    return draft_example(EXAMPLE.name, CREATED, application)


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return _draft()


def test_report_has_every_section_the_policy_lists(documents: dict[str, bytes]) -> None:
    text = squash(pdf_text(documents["01_项目申请报告书.pdf"]))
    sections = ["企业基本情况", "项目建设背景", "必要性分析", "建设内容", "总投资及资金筹措", "技术工艺",
                "经济效益分析", "建设条件落实", "计划进度安排"]
    positions = [text.index(f"{n}、{s}") for n, s in zip("一二三四五六七八九", sections, strict=True)]
    assert positions == sorted(positions)
    assert "3500.00" in text and "2200.00" in text and "91630100MA752X8K34" in text


def test_pledge_follows_the_template_and_fills_every_blank(documents: dict[str, bytes]) -> None:
    text = squash(pdf_text(documents["04_项目建设目标责任书.pdf"]))
    # The fixed sentences are quoted from the template itself.
    assert squash(OPENING) in squash(POLICY)
    assert squash(EARMARK.split("《")[0]) in squash(POLICY)
    assert squash(OPENING) in text
    # Signed after the grant: the requested amount is not written in as if granted (issue 17).
    assert "下达给青海示例硅业有限公司硅铁矿热炉节能环保技术改造项目技术改造专项资金＿＿＿＿万元" in text
    assert "（人民币＿＿＿＿＿＿＿＿＿＿）" in text and "伍佰万" not in text
    assert "按照《青海省技术改造专项资金管理办法》要求，该专项资金应专款专用" in text
    for label in ("项目建设内容", "项目总投资", "项目主要经济技术指标", "建设周期"):
        assert label in text
    assert "青海省经济委员会（盖章）" in text and "项目业主单位：青海示例硅业有限公司（盖章）" in text
    # The cover names the project and the enterprise (issue 17).
    assert "项目名称：硅铁矿热炉节能环保技术改造项目项目业主单位：青海示例硅业有限公司" in text
    assert "二〇一二年三月" not in text and text.count("年月日") == 3  # cover and both seals blank
    assert "＊" not in text


def test_cover_letter_follows_the_reporting_route(documents: dict[str, bytes]) -> None:
    text = squash(pdf_text(documents["00_申报文件.pdf"]))
    # Addressed to the office the application names, titled with the project (issue 17).
    assert "关于硅铁矿热炉节能环保技术改造项目申请技术改造专项资金的请示" in text
    assert "西宁市城东区经济和信息化局：" in text and "同级" not in text and "报送路径" not in text
    assert "抄送：西宁市城东区发展和改革局，西宁市城东区财政局。" in text


def test_equipment_list_and_basic_info_read_back(documents: dict[str, bytes]) -> None:
    sheet = sheet_of(documents["03_项目固定资产购置清单.xlsx"])
    assert sheet is not None
    assert sheet["A1"].value == "项目固定资产购置清单" and "A1:H1" in sheet.merged_cells
    assert sheet.print_title_rows == "$1:$3"
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1  # 9 = A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["B4"].value == "全封闭矿热炉炉体" and sheet["B4"].font.name == "宋体"
    assert sheet["G4"].value == pytest.approx(900) and sheet["G4"].number_format == "0.00####"
    total_row = sheet.max_row - 1  # the seal and date line follows the total
    assert sheet.cell(total_row, 1).value == "合计"
    assert sheet.cell(total_row, 7).value == pytest.approx(2200)
    info = sheet_of(documents["02_项目基本情况表.xlsx"])
    assert info is not None
    values = [c.value for row in info.iter_rows() for c in row if c.value is not None]
    assert "硅铁矿热炉节能环保技术改造项目" in values and 3500 in values


def test_materials_list_statuses(documents: dict[str, bytes]) -> None:
    sheet = sheet_of(documents["05_申报材料清单.xlsx"])
    assert sheet is not None
    rows = {sheet.cell(r, 2).value: sheet.cell(r, 3).value for r in range(4, sheet.max_row + 1)}
    assert rows["项目的核准或备案文件"] == "已提供"  # the attachment
    # The list is drafted here, the contracts are not in the package (issue 17).
    assert rows["项目固定资产购置清单和合同"] == "缺"
    assert rows["用地预审（批复）意见、环评手续、规划选址意见、验资或上年度审计报告等"] == "缺"
    assert set(rows.values()) <= {"已提供", "待签章", "缺", "不适用"}


def test_inconsistent_totals_are_listed_and_nothing_is_built() -> None:
    app = read_application(EXAMPLE)
    app.investment.equipment += 1  # type: ignore[union-attr]
    app.financing.self_raised += 100  # type: ignore[union-attr]
    app.project.requested_amount += 5  # type: ignore[operator, union-attr]
    with pytest.raises(DraftError) as caught:
        _draft(app)
    problems = "\n".join(caught.value.problems)
    assert "购置清单合计" in problems and "资金筹措合计" in problems and "申请专项资金" in problems


def test_ineligible_programme_is_refused_with_reasons() -> None:
    app = read_application(EXAMPLE)
    app.project.unit_power_after = app.project.unit_power_after * 2  # type: ignore[operator, union-attr]
    with pytest.raises(DraftError, match="不符合"):
        _draft(app)


def test_user_text_prints_literally_and_never_becomes_a_formula() -> None:
    app = read_application(EXAMPLE)
    app.report.background = "<b>粗体</b> <img src=\"x.png\"/> A&B 公司 <font color=red>红</font>"  # type: ignore[union-attr]
    app.equipment[0].name = "=HYPERLINK(\"http://x\",\"点我\")"
    app.equipment[1].name = "#N/A"
    app.equipment[2].model = "+1-2\x07\x0c@SUM(A1)"
    docs = _draft(app)
    text = pdf_text(docs["01_项目申请报告书.pdf"])
    assert "<b>粗体</b>" in text and "<img src=\"x.png\"/>" in text and "A&B" in text
    sheet = sheet_of(docs["03_项目固定资产购置清单.xlsx"])
    assert sheet is not None
    assert sheet["B4"].value == "=HYPERLINK(\"http://x\",\"点我\")" and sheet["B4"].data_type == "s"
    assert sheet["B5"].value == "#N/A" and sheet["B5"].data_type == "s"
    assert sheet["C6"].value == "+1-2@SUM(A1)" and sheet["C6"].data_type == "s"


def test_same_answers_and_time_give_identical_bundle_bytes() -> None:
    app = read_application(EXAMPLE)
    first = bundle_bytes(draft(app, bundled_pack(), CREATED), {"a.pdf": b"x"})
    second = bundle_bytes(draft(read_application(EXAMPLE), bundled_pack(), CREATED), {"a.pdf": b"x"})
    assert first == second
    later = bundle_bytes(draft(app, bundled_pack(), CREATED + dt.timedelta(seconds=1)), {"a.pdf": b"x"})
    assert later != first


def test_cli_draft_then_verify_and_tampering_is_caught(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bundle.zip"
    assert main(["draft", str(EXAMPLE), "--out", str(out), "--created", "2012-03-01T09:00:00"]) == 0
    assert main(["bundle", "verify", str(out)]) == 0
    assert "SHA-256 与清单一致" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        application = json.loads(archive.read("application.json"))
    assert "attachments/备案通知书.pdf" in names and "assessment.json" in names
    assert manifest["rulepack"]["sha256"] and set(manifest["files"]) == set(names) - {"manifest.json"}
    assert application["kind"] == "tech_upgrade" and application["schema_version"] == 1

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "application.json":
                data = data.replace(b"5000000", b"9000000")
            target.writestr(info, data)
        target.writestr("extra.txt", b"added")
    assert main(["bundle", "verify", str(tampered)]) == 1
    err = capsys.readouterr().err
    assert "application.json 的 SHA-256 与清单不符" in err and "extra.txt" in err
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(out.read_bytes()[:5000])
    assert main(["bundle", "verify", str(truncated)]) == 1
    assert "不是完整的 zip 文件" in capsys.readouterr().err


def test_cli_draft_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["investment"]["other"] = "1"
    data["attachments"].append({"material": "营业执照", "path": "attachments/missing.pdf"})
    broken = tmp_path / "app.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "attachments").mkdir()
    shutil.copy(ROOT / "examples" / "attachments" / "备案通知书.pdf", tmp_path / "attachments")
    assert main(["draft", str(broken), "--out", str(tmp_path / "b.zip")]) == 1
    err = capsys.readouterr().err
    assert "总投资构成合计" in err and "missing.pdf" in err
    assert not (tmp_path / "b.zip").exists()


def test_shipped_application_schema_is_current() -> None:
    from desktop.applications.schema import SCHEMA_FILE, render

    shipped = ROOT.joinpath("resources", *SCHEMA_FILE).read_text(encoding="utf-8")
    command = "python -m desktop.applications.schema resources/schema/application.schema.json"
    assert shipped == render(), f"run: {command}"
