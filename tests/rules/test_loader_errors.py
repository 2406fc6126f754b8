"""A malformed rule pack loads nothing and lists every problem with file, rule, field and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.paths import resource
from desktop.rules.loader import load_pack_dir
from desktop.rules.pack import RulePackError

BROKEN = """
programmes:
  - id: broken-one
    title: 坏规则
    kind: award
    document: sjz-2017
    region: "1301"
    summary: 测试
    beneficiary: 测试
    validity: {from: 2017-02-25, to: 2020-12-31, basis: inferred, note: 测试用例}
    conditions:
      - id: a
        label: 未知事实
        test: {fact: enterprise.no_such_fact, is: true}
        cite: {clause: x, excerpt: xx}
      - id: b
        label: 类型不符
        test: {fact: enterprise.employees, op: ">=", value: 10万元}
        cite: {clause: x, excerpt: xx}
      - id: c
        label: 比较符不适用
        test: {fact: enterprise.name, op: ">", value: abc}
        cite: {clause: x, excerpt: xx}
    amount:
      - id: one
        fixed: 10万元
        basis: 甲规则
        cite: {clause: x, excerpt: xx}
      - id: two
        fixed: 20万元
        basis: 乙规则
        cite: {clause: x, excerpt: xx}
  - id: broken-two
    title: 缺字段
    kind: award
    document: nowhere
    region: "1301"
"""


@pytest.fixture
def broken_pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(resource("rules", "source"), root)
    (root / "programmes" / "zz_broken.yaml").write_text(BROKEN, encoding="utf-8")
    return root


def test_every_error_is_listed_with_its_line(broken_pack: Path) -> None:
    with pytest.raises(RulePackError) as error:
        load_pack_dir(broken_pack)
    lines = [str(p) for p in error.value.problems]
    text = "\n".join(lines)
    # broken-two fails shape validation: missing fields, reported by name with a line.
    assert "zz_broken.yaml:" in text
    assert "broken-two: summary" in text and "broken-two: validity" in text
    # broken-one's problems are all caught too (shape passes, compilation fails)...
    assert len(lines) >= 4, text


def test_compile_errors_name_field_and_line(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    shutil.copytree(resource("rules", "source"), root)
    only_one = BROKEN.split("  - id: broken-two")[0]
    (root / "programmes" / "zz_broken.yaml").write_text(only_one, encoding="utf-8")
    with pytest.raises(RulePackError) as error:
        load_pack_dir(root)
    text = "\n".join(str(p) for p in error.value.problems)
    assert "zz_broken.yaml:14: broken-one: conditions[0].test.fact: 未知的事实" in text
    assert "zz_broken.yaml:18: broken-one: conditions[1].test.value" in text
    assert "conditions[2].test.op" in text
    assert "可能同时适用" in text  # two unconditional amount rules without precedence


def test_yaml_syntax_error_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    shutil.copytree(resource("rules", "source"), root)
    (root / "programmes" / "zz.yaml").write_text("programmes:\n  - id: [unclosed\n",
                                                 encoding="utf-8")
    with pytest.raises(RulePackError) as error:
        load_pack_dir(root)
    assert "YAML 语法错误" in str(error.value.problems[0])


def test_rules_check_cli_exits_1_listing_problems(
    broken_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "check", str(broken_pack)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n  - ") >= 4


def test_rules_check_cli_accepts_the_bundled_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check", str(resource("rules", "source"))]) == 0
    assert "规则包有效" in capsys.readouterr().out
