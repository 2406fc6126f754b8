"""``assess`` as a user reads it: an invalid 统一社会信用代码 is a warning, not a refusal; no
预计金额 where a programme pays nothing; a split award states the enterprise's own share with
the total beside it; a bond subsidy paid over its term states the yearly and cumulative figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli.main import main


def _write(tmp_path: Path, enterprise: dict[str, object]) -> Path:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"enterprise": enterprise}, ensure_ascii=False), encoding="utf-8")
    return path


QH = {"name": "西宁示例铸造有限公司", "region_code": "630102", "industry_code": "3150",
      "employees": 120, "revenue": "30000000"}


def _block(out: str, title_part: str) -> str:
    """The lines of one programme in the table output."""
    blocks = out.split("\n\n")
    return next(b for b in blocks if title_part in b.splitlines()[0])


def test_invalid_uscc_warns_but_assesses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = _write(tmp_path, {**QH, "uscc": "91630100MA7XXXXX1A"})
    assert main(["assess", str(facts), "--on", "2012-01-15"]) == 0
    captured = capsys.readouterr()
    assert "警告：统一社会信用代码" in captured.err
    assert "评估日期：2012-01-15" in captured.out


def test_valid_or_missing_uscc_gives_no_warning(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    for uscc in ("91350100M000100Y43", None):
        facts = _write(tmp_path, {**QH, "uscc": uscc})
        assert main(["assess", str(facts), "--on", "2012-01-15", "--json"]) == 0
        assert capsys.readouterr().err == ""


def test_split_award_headline_is_the_enterprise_share(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    facts = _write(tmp_path, {**QH, "direct_financing": "100000000",
                              "direct_financing_on": "2012-01-10", "financing_kind": "trust"})
    assert main(["assess", str(facts), "--on", "2012-01-15"]) == 0
    block = _block(capsys.readouterr().out, "青海省工业企业直接融资奖励")
    first = block.splitlines()[0]
    assert "【可以申报】" in first
    assert "预计金额：50.00 万元（本企业所得部分；奖励总额 100.00 万元" in first
    assert "企业管理层及企业业务人员 30.00 万元" in block


def test_no_figure_for_financing_outside_its_window(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    facts = _write(tmp_path, {**QH, "direct_financing": "100000000",
                              "direct_financing_on": "2009-05-01", "financing_kind": "trust",
                              "intermediary_fees": "6000000"})
    assert main(["assess", str(facts), "--on", "2012-01-15", "--json"]) == 0
    results = {r["programme_id"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    for pid in ("qh-2011-direct-financing-award", "qh-2011-intermediary-fee-subsidy"):
        assert results[pid]["status"] == "ineligible"
        assert results[pid]["amount"]["wan"] is None
    assert main(["assess", str(facts), "--on", "2012-01-15"]) == 0
    block = _block(capsys.readouterr().out, "青海省工业企业直接融资中介费用补贴")
    assert "【不符合】" in block and "不列预计金额" in block.splitlines()[0]
    assert "预计金额：200.00" not in block


def test_bond_subsidy_states_yearly_and_cumulative(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    facts = _write(tmp_path, {"name": "石家庄示例药业有限公司", "region_code": "130102",
                              "industry_code": "2710", "employees": 420, "revenue": "380000000",
                              "collective_bond_amount": "50000000",
                              "collective_bond_issued_on": "2018-03-01",
                              "collective_bond_term_years": "5"})
    assert main(["assess", str(facts), "--on", "2018-06-01"]) == 0
    block = _block(capsys.readouterr().out, "石家庄市中小微企业集合债券贴息")
    assert "预计金额：150.00 万元（累计；每年 50.00 万元" in block.splitlines()[0]
    assert "累计超过上限，按 150万元 计" in block
    assert "若按一次给付理解" in block
