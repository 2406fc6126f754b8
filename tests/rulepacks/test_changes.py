"""The change report: programmes added/removed/changed, thresholds and amounts old -> new with clause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.rulepacks.changes import change_lines, compare_packs, with_drafts
from desktop.rules.database import bundled_pack
from desktop.rules.loader import load_pack_dir
from desktop.rules.pack import RulePack
from desktop.store.startup import open_store
from tests.rulepacks.helpers import SOURCE

LOAN = "qh-2011-sme-loan-interest"
RD = "sjz-2017-rd-institution"
UNQUOTED = "figure_not_in_excerpt: 测试：模拟下一年度的新规定，随包的原文仍是旧文本"


def edited_source(tmp_path: Path) -> Path:
    """Next year's source: a longer loan term, a bigger provincial award, one programme dropped."""
    source = tmp_path / "source"
    shutil.copytree(SOURCE, source)
    qinghai = source / "programmes" / "qinghai_2011.yaml"
    text = qinghai.read_text(encoding="utf-8")
    # The shipped texts still state the old figures: each edit is marked as the check requires.
    qinghai.write_text(text.replace("op: \">=\", value: 6}", "op: \">=\", value: 12}\n"
                                    f"          {UNQUOTED}"), encoding="utf-8")
    sjz = source / "programmes" / "shijiazhuang_2017.yaml"
    text = sjz.read_text(encoding="utf-8").replace("fixed: 100万元", f"fixed: 150万元\n        {UNQUOTED}", 1)
    sjz.write_text(text, encoding="utf-8")
    return source


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[RulePack, RulePack]:
    return bundled_pack(), load_pack_dir(edited_source(tmp_path_factory.mktemp("changes")))


def test_the_same_pack_has_no_changes() -> None:
    same = compare_packs(bundled_pack(), load_pack_dir(SOURCE))
    assert same.empty, change_lines(same)


def test_threshold_and_amount_changes_name_old_new_and_clause(packs: tuple[RulePack, RulePack]) -> None:
    changes = compare_packs(*packs)
    assert {c.id for c in changes.changed} == {LOAN, RD}
    loan = next(c for c in changes.changed if c.id == LOAN)
    [term] = loan.values
    assert (term.old, term.new, term.clause) == ("6", "12", "附件5 一、2")
    assert term.what == "逐笔条件“贷款期6个月以上” 贷款期限（个月） ≥"
    rd = next(c for c in changes.changed if c.id == RD)
    [award] = rd.values
    assert (award.what, award.old, award.new, award.clause) == (
        "金额“省级一次性奖励100万元。”定额", "100万元", "150万元", "附件 31")
    assert not loan.fields and not rd.fields
    lines = change_lines(changes)
    assert any("6 → 12（附件5 一、2）" in line for line in lines)


def test_added_and_removed_programmes(packs: tuple[RulePack, RulePack]) -> None:
    old, new = packs
    smaller = RulePack(new.source, new.identity, new.documents, new.programmes[1:], new.blocks)
    changes = compare_packs(old, smaller)
    assert changes.removed == [(old.programmes[0].id, old.programmes[0].source.title)]
    assert compare_packs(smaller, old).added == changes.removed


def test_open_drafts_of_changed_programmes_are_listed(packs: tuple[RulePack, RulePack],
                                                      private_data_dir: Path) -> None:
    opened = open_store(private_data_dir)
    try:
        store = opened.store
        profile = store.create_profile({"name": "测试企业"})
        pinned = {"rulepack_id": "huiqi-builtin", "rulepack_version": "2026.11.1"}
        loan = store.create_application(profile, "loan_interest", programme_id=LOAN, title="贷款贴息",
                                        **pinned)
        untouched = store.create_application(profile, "tech_upgrade", programme_id="qh-2013-tech-upgrade",
                                             **pinned)
        sent = store.create_application(profile, "rd_institution", programme_id=RD, **pinned)
        store.set_status(sent, "exported")
        changes = with_drafts(compare_packs(*packs), store.list_applications())
    finally:
        opened.close(backup=False)
    assert [(d.id, d.programme_id, d.pinned_version) for d in changes.drafts] == [
        (loan, LOAN, "2026.11.1")]
    assert untouched not in [d.id for d in changes.drafts]
    assert any("#" in line and "贷款贴息" in line for line in change_lines(changes))
