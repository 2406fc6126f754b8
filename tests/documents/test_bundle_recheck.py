"""A bundle edited after drafting and re-hashed is still caught: its assessment is worked out again.

The manifest's SHA-256 sums only prove the files arrived as packed.  These tests play the
tamperer who also rewrites the manifest, and check that ``bundle verify`` re-assesses the
application's own answers with the same rule pack and names what does not follow.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.applications.io import read_application
from desktop.bundle.build import bundle_bytes
from desktop.bundle.verify import verify_bundle
from desktop.cli.main import main
from desktop.documents.drafting import draft
from desktop.rules.database import bundled_pack
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "application_tech_upgrade.json"
Edit = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def original() -> bytes:
    drafted = draft(read_application(EXAMPLE), bundled_pack(), dt.datetime(2012, 3, 1, 9, 0))
    return bundle_bytes(drafted, {})


def _rehashed(original: bytes, out: Path, *, application: Edit | None = None,
              assessment: Edit | None = None, manifest: Edit | None = None) -> Path:
    """The bundle with JSON members edited and the manifest's hashes rewritten to match."""
    with zipfile.ZipFile(_as_file(original, out.with_suffix(".orig.zip"))) as source:
        files = {name: source.read(name) for name in source.namelist()}
    for name, edit in (("application.json", application), ("assessment.json", assessment)):
        if edit is not None:
            data = json.loads(files[name])
            edit(data)
            files[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    listing = json.loads(files["manifest.json"])
    for name, content in files.items():
        if name != "manifest.json":
            listing["files"][name] = {"sha256": hashlib.sha256(content).hexdigest(),
                                      "size": len(content)}
    if manifest is not None:
        manifest(listing)
    files["manifest.json"] = json.dumps(listing, ensure_ascii=False).encode("utf-8")
    with zipfile.ZipFile(out, "w") as target:
        for name, content in files.items():
            target.writestr(name, content)
    return out


def _as_file(content: bytes, path: Path) -> Path:
    path.write_bytes(content)
    return path


def _result(data: dict[str, Any], programme_id: str) -> dict[str, Any]:
    return next(r for r in data["results"] if r["programme_id"] == programme_id)


def test_an_honest_bundle_rechecks_clean_and_says_what_the_rules_give(original: bytes,
                                                                      tmp_path: Path) -> None:
    report = verify_bundle(_as_file(original, tmp_path / "b.zip"), bundled_pack())
    assert report.ok, report.problems
    assert any("评估日 2012-03-01" in n and "可以申报" in n for n in report.notes)


def test_a_verdict_rewritten_and_rehashed_is_named(original: bytes, tmp_path: Path) -> None:
    def promote(data: dict[str, Any]) -> None:
        result = _result(data, "qh-2011-new-industry")
        result["status"] = "eligible"
        result["amount"]["wan"] = "500.00"
    bundle = _rehashed(original, tmp_path / "t.zip", assessment=promote)
    report = verify_bundle(bundle, bundled_pack())
    assert not report.ok
    [problem] = report.problems  # the hashes agree: only the re-assessment can see it
    assert "青海省新兴产业项目资金支持（2011）" in problem
    assert "包内写“可以申报，金额 500.00 万元”" in problem and "应为“不符合”" in problem
    assert "打包后被改动" in problem


def test_answers_changed_after_drafting_no_longer_support_the_assessment(original: bytes,
                                                                          tmp_path: Path) -> None:
    def exceed_the_ceiling(data: dict[str, Any]) -> None:
        data["project"]["unit_power_after"] = "9900"  # above the 硅铁 power ceiling
    bundle = _rehashed(original, tmp_path / "t.zip", application=exceed_the_ceiling)
    [problem] = verify_bundle(bundle, bundled_pack()).problems
    assert "青海省工业企业技术改造项目资金支持（2011）：包内写“可以申报”" in problem
    assert "应为“不符合”" in problem


def test_a_reworded_condition_is_caught_even_when_the_verdict_stands(original: bytes,
                                                                      tmp_path: Path) -> None:
    def reword(data: dict[str, Any]) -> None:
        _result(data, "qh-2011-tech-upgrade")["conditions"][0]["detail"] = "已核实"
    [problem] = verify_bundle(_rehashed(original, tmp_path / "t.zip", assessment=reword),
                              bundled_pack()).problems
    assert "青海省工业企业技术改造项目资金支持（2011）：条件、说明或依据与规则包不一致" in problem


def test_manifest_and_files_must_name_the_same_programme_and_enterprise(original: bytes,
                                                                        tmp_path: Path) -> None:
    def relabel(listing: dict[str, Any]) -> None:
        listing["programme_id"] = "qh-2011-new-industry"
        listing["enterprise"]["uscc"] = "91630000000000000X"
    problems = verify_bundle(_rehashed(original, tmp_path / "t.zip", manifest=relabel),
                             bundled_pack()).problems
    assert any("政策项目（清单为 qh-2011-new-industry，文件中为 qh-2011-tech-upgrade）" in p
               for p in problems)
    assert any("统一社会信用代码" in p for p in problems)


def test_an_invalid_application_is_reported_not_raised(original: bytes, tmp_path: Path) -> None:
    def break_it(data: dict[str, Any]) -> None:
        data["enterprise"]["employees"] = -5
        data["project"]["total_investment"] = "很多"
    problems = verify_bundle(_rehashed(original, tmp_path / "t.zip", application=break_it),
                             bundled_pack()).problems
    assert len(problems) == 1 and "application.json 不是有效的申报文件（2 个问题）" in problems[0]


def test_with_different_rules_the_official_is_told_rather_than_alarmed(original: bytes,
                                                                       tmp_path: Path) -> None:
    pack = bundled_pack()
    newer = dataclasses.replace(pack, identity=dataclasses.replace(
        pack.identity, version="2027.1.0", sha256="0" * 64))
    report = verify_bundle(_as_file(original, tmp_path / "b.zip"), newer)
    assert report.ok
    assert any("本机为 huiqi-builtin 2027.1.0" in n and "未逐项比对" in n for n in report.notes)


def test_a_malformed_file_list_is_a_message(original: bytes, tmp_path: Path) -> None:
    def scramble(listing: dict[str, Any]) -> None:
        listing["files"] = {name: "not a record" for name in listing["files"]}
    problems = verify_bundle(_rehashed(original, tmp_path / "t.zip", manifest=scramble)).problems
    assert problems == ["manifest.json 的文件清单格式不对，无法校验。"]


def test_cli_verify_prints_the_recheck(original: bytes, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    bundle = _as_file(original, tmp_path / "b.zip")
    assert main(["bundle", "verify", str(bundle)]) == 0
    assert "按包内申报内容和本机规则包复核（huiqi-builtin 2026.11.1，" in capsys.readouterr().out

    def promote(data: dict[str, Any]) -> None:
        _result(data, "qh-2011-new-industry")["status"] = "eligible"
    assert main(["bundle", "verify", str(_rehashed(original, tmp_path / "t.zip",
                                                    assessment=promote))]) == 1
    assert "青海省新兴产业项目资金支持（2011）" in capsys.readouterr().err
