"""One application, one format: every example goes into the store and comes back out as the
same ``draft`` file, and drafting it gives the same documents, byte for byte."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.applications.answers import StoredDraft, read_draft
from desktop.applications.io import read_application
from desktop.applications.stored import (
    ApplicationFileError,
    ProfileDiffersError,
    draft_state,
    export_application_file,
    import_application_file,
)
from desktop.documents.drafting import draft
from desktop.rules.database import bundled_pack
from desktop.rules.pack import RulePack
from desktop.store.startup import OpenedStore, open_store
from tests.conftest import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("application_*.json"))
CREATED = dt.datetime(2018, 6, 1, 9, 0)


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return bundled_pack()


@pytest.fixture
def opened(private_data_dir: Path) -> Iterator[OpenedStore]:
    store = open_store(private_data_dir)
    yield store
    store.close(backup=False)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_store_round_trip_drafts_identical_documents(example: Path, opened: OpenedStore, pack: RulePack,
                                                      tmp_path: Path) -> None:
    original = read_application(example)
    imported = import_application_file(opened.store, example, rulepack_id=pack.identity.id,
                                       rulepack_version=pack.identity.version)
    assert imported.created_profile
    state = draft_state(opened.store, imported.application_id)
    assert state.errors == {} and state.application is not None, state.missing
    assert state.application == original
    out = tmp_path / "out" / "A.json"
    out.parent.mkdir()
    written = export_application_file(opened.store, imported.application_id, out)
    assert len(written) == 1 + len(original.attachments)
    again = read_application(out)
    assert again == original
    for ref in original.attachments:
        assert (out.parent / ref.path).read_bytes() == (example.parent / ref.path).read_bytes()
    before = draft(original, pack, CREATED).documents
    after = draft(again, pack, CREATED).documents
    assert before.keys() == after.keys()
    for name in before:
        assert before[name] == after[name], name


def test_import_twice_uses_the_same_profile(opened: OpenedStore, pack: RulePack) -> None:
    example = ROOT / "examples" / "application_loan_interest.json"
    first = import_application_file(opened.store, example, rulepack_id="p", rulepack_version="1")
    second = import_application_file(opened.store, example, rulepack_id="p", rulepack_version="1")
    assert not second.created_profile and second.profile_id == first.profile_id


def test_import_refuses_a_different_enterprise_record_until_confirmed(opened: OpenedStore,
                                                                     tmp_path: Path) -> None:
    example = ROOT / "examples" / "application_loan_interest.json"
    import_application_file(opened.store, example, rulepack_id="p", rulepack_version="1")
    data = json.loads(example.read_text(encoding="utf-8"))
    data["enterprise"]["employees"] = 120
    data["attachments"] = []
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProfileDiffersError, match="employees：95 → 120"):
        import_application_file(opened.store, changed, rulepack_id="p", rulepack_version="1")
    done = import_application_file(opened.store, changed, rulepack_id="p", rulepack_version="1",
                                   confirmed=True)
    assert draft_state(opened.store, done.application_id).facts.enterprise.employees == 120


def test_incomplete_draft_is_not_exported(opened: OpenedStore, tmp_path: Path) -> None:
    profile = opened.store.create_profile({"name": "某公司"})
    app = opened.store.create_application(profile, "loan_interest", rulepack_id="p", rulepack_version="1",
                                          programme_id="qh-2011-sme-loan-interest")
    with pytest.raises(ApplicationFileError, match="联系人"):
        export_application_file(opened.store, app, tmp_path / "A.json")
    assert not (tmp_path / "A.json").exists()


def test_office_money_and_rates_read_exactly() -> None:
    state = read_draft(StoredDraft(
        kind="loan_interest", programme_id="x", profile={"name": "某公司"},
        main={"prepared_on": "2011年12月10日", "contact_person": "李", "contact_phone": "1"},
        loans=[{"principal": "500万", "annual_rate": "6.56%", "start_on": "2011/6/15"},
               {"principal": "1,000,000", "annual_rate": "零点零六"}]))
    assert state.facts.loans is not None
    first, second = state.facts.loans
    assert str(first.principal) == "5000000" and str(first.annual_rate) == "0.0656"
    assert first.start_on == dt.date(2011, 6, 15)
    assert str(second.principal) == "1000000" and second.annual_rate is None
    assert state.errors == {"loan[1].annual_rate": "利率写法如 6.56% 或 0.0656"}


def test_cli_export_import_profiles_json(tmp_path: Path) -> None:
    data = tmp_path / "data"
    example = ROOT / "examples" / "application_rd_institution.json"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    imported = run("import", str(example))
    assert imported.returncode == 0, imported.stderr
    listing = run("profiles", "--json")
    assert listing.returncode == 0, listing.stderr
    profiles = json.loads(listing.stdout)["profiles"]
    app = profiles[0]["applications"][0]
    assert app["kind"] == "rd_institution" and app["programme_id"]
    out = tmp_path / "exported" / "A.json"
    out.parent.mkdir()
    exported = run("export", "--application", str(app["id"]), "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    bundle = tmp_path / "b.zip"
    drafted = run("draft", str(out), "--out", str(bundle), "--created", "2018-06-01T09:00:00")
    assert drafted.returncode == 0, drafted.stderr
    assert read_application(out) == read_application(example)


def test_parts_not_yet_started_are_named_before_the_contact_is_given() -> None:
    """A trial user saw one blocker (the contact) become ten after typing the report's first
    chapter: the unstarted report and pledge are named from the start, then by chapter."""
    start = read_draft(StoredDraft(kind="tech_upgrade", programme_id="x", profile={"name": "某公司"},
                                   main={"prepared_on": "2012-03-01"}))
    assert "项目申请报告书各章节" in start.missing and "目标责任书内容" in start.missing
    assert "联系人：联系人、联系电话" in start.missing
    begun = read_draft(StoredDraft(kind="tech_upgrade", programme_id="x", profile={"name": "某公司"},
                                   main={"prepared_on": "2012-03-01",
                                         "report_enterprise_overview": "某公司成立于"}))
    chapters = [m for m in begun.missing if m.startswith("项目申请报告书：")]
    assert chapters and "项目申请报告书各章节" not in begun.missing
    assert "目标责任书内容" in begun.missing
    loan = read_draft(StoredDraft(kind="loan_interest", programme_id="x", profile={"name": "某公司"},
                                  main={"prepared_on": "2012-03-01", "contact_person": "李",
                                        "contact_phone": "1"}))
    assert "贷款用途及贴息资金使用说明" in loan.missing and loan.application is None
