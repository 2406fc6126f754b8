"""Every amount, cap and threshold of a rule must be stated in the excerpt it cites."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.paths import resource
from desktop.rules.figures import amount_figures, condition_figures, missing_figures
from desktop.rules.loader import load_pack_dir
from desktop.rules.model import AmountRule, Condition
from desktop.rules.pack import RulePackError

MUNICIPAL = "        fixed: 10万元\n        basis: 市级一次性奖励10万元。"


def copied_source(tmp_path: Path) -> Path:
    root = tmp_path / "source"
    shutil.copytree(resource("rules", "source"), root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_amount_changed_without_its_excerpt_is_refused_by_rules_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copied_source(tmp_path)
    programme = root / "programmes" / "shijiazhuang_2017.yaml"
    edit(programme, MUNICIPAL, MUNICIPAL.replace("10万元", "20万元"))
    assert main(["rules", "check", str(root)]) == 1
    err = capsys.readouterr().err
    # file:line, rule and field, and the excerpt that still says the old figure
    assert ("programmes/shijiazhuang_2017.yaml:65: sjz-2017-rd-institution: amount[2].fixed: "
            "数额 20万元 不在所引原文摘录中") in err
    assert "500万元、100万元、10万元" in err
    assert err.count("\n  - ") == 1


def test_a_marked_exception_passes_and_must_give_a_reason(tmp_path: Path) -> None:
    root = copied_source(tmp_path)
    programme = root / "programmes" / "shijiazhuang_2017.yaml"
    edit(programme, MUNICIPAL, MUNICIPAL.replace("10万元", "20万元")
         + "\n        figure_not_in_excerpt: 测试：按原文两档之和推算")
    pack = load_pack_dir(root)
    rule = pack.programme("sjz-2017-rd-institution").source.amount[2]
    assert rule.figure_not_in_excerpt == "测试：按原文两档之和推算"
    edit(programme, "figure_not_in_excerpt: 测试：按原文两档之和推算", "figure_not_in_excerpt: 推算")
    with pytest.raises(RulePackError) as error:
        load_pack_dir(root)
    assert "figure_not_in_excerpt" in str(error.value.problems[0])


def test_a_threshold_changed_without_its_excerpt_is_refused(tmp_path: Path) -> None:
    root = copied_source(tmp_path)
    edit(root / "programmes" / "qinghai_2011.yaml",
         'test: {fact: project.unit_power_after, op: "<=", value: 7800}',
         'test: {fact: project.unit_power_after, op: "<=", value: 7900}')
    with pytest.raises(RulePackError) as error:
        load_pack_dir(root)
    [problem] = error.value.problems
    assert (problem.rule, problem.field) == ("qh-2011-tech-upgrade", "conditions[2].test.value")
    assert "数额 7900" in problem.message


def cite(excerpt: str) -> dict[str, str]:
    return {"clause": "x", "excerpt": excerpt}


@pytest.mark.parametrize(("written", "excerpt"), [
    ("20万元", "给予20万元的一次性资助"),
    ("200000元", "给予20万元的一次性资助"),
    ("20万元", "给予200,000元的一次性资助"),
    ("20万元", "给予二十万元的一次性资助"),
    ("150万元", "最高不超过一百五十万元"),
    ("1亿元", "达到1亿元以上"),
    ("1亿元", "达到10000万元以上"),
])
def test_money_written_in_other_forms_matches(written: str, excerpt: str) -> None:
    rule = AmountRule(id="a", fixed=written, basis="xx", cite=cite(excerpt))  # type: ignore[arg-type]
    assert missing_figures(amount_figures(rule, "amount[0]"), excerpt) == []


def test_a_different_figure_does_not_match() -> None:
    rule = AmountRule(id="a", fixed="20万元", cap="300万元", basis="xx",  # type: ignore[arg-type]
                      cite=cite("给予10万元，最高300万元"))
    assert missing_figures(amount_figures(rule, "amount[0]"), rule.cite.excerpt) == [
        ("amount[0].fixed", "20万元")]


def test_thresholds_rates_and_presence_tests() -> None:
    rate = Condition(id="r", label="x", test={"fact": "f", "op": "<", "value": "0.15"},
                     cite=cite("补助比例低于15%的"))  # type: ignore[arg-type]
    assert missing_figures(condition_figures(rate, "c"), rate.cite.excerpt) == []
    # "> 0元" means "has any": it states no figure, so there is nothing to find.
    presence = Condition(id="p", label="x", test={"fact": "f", "op": ">", "value": "0元"},
                         cite=cite("有直接融资的企业"))  # type: ignore[arg-type]
    assert list(condition_figures(presence, "c")) == []
    nested = Condition(id="n", label="x", test={"all": [{"fact": "f", "op": ">=", "value": 6},
                                                        {"fact": "g", "op": ">=", "value": 2}]},
                       cite=cite("贷款期限6个月以上"))  # type: ignore[arg-type]
    assert missing_figures(condition_figures(nested, "c"), nested.cite.excerpt) == [
        ("c.test.all[1].value", "2")]
    assert Decimal(6) in {v for _, _, v in condition_figures(nested, "c")}


def test_an_unset_exception_leaves_the_stored_form_unchanged() -> None:
    rule = AmountRule(id="a", fixed="1元", basis="xx", cite=cite("1元"))  # type: ignore[arg-type]
    assert "figure_not_in_excerpt" not in rule.model_dump()
