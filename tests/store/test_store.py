"""The store's API: autosave, typed-as-entered answers, audit, applications and their parts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.facts.answers import parse_answers
from desktop.facts.model import Enterprise
from desktop.facts.samples import SAMPLE_ASSESSED_ON, load_sample
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.store.records import MAX_ANSWER_CHARS, AnswerTooLongError, RecordRef, StoreError
from desktop.store.startup import DB_NAME, open_store
from desktop.store.store import Store
from tests.store.conftest import VALID_USCC, make_tech_upgrade


def test_database_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_autosave_is_on_disk_when_it_returns(store: Store, private_data_dir: Path) -> None:
    profile_id = store.create_profile()
    store.save_answer(RecordRef("profile", profile_id), "name", "乌海示例化工有限公司")
    # A separate plain connection, as another process would see it.
    conn = sqlite3.connect(private_data_dir / DB_NAME)
    (answers,) = conn.execute("SELECT value FROM profile_answers WHERE record_id = ? AND field = 'name'",
                              (profile_id,)).fetchone()
    conn.close()
    assert "乌海示例化工有限公司" in answers


def test_invalid_value_is_kept_as_typed_and_flagged(store: Store) -> None:
    ref = RecordRef("profile", store.create_profile())
    store.save_answer(ref, "uscc", "91130100MA07L2T95X")  # wrong check digit
    store.save_answer(ref, "employees", "约300人")
    assert store.answers(ref) == {"uscc": "91130100MA07L2T95X", "employees": "约300人"}
    parsed = parse_answers(Enterprise, store.answers(ref))
    assert "校验位" in parsed.errors["uscc"]
    assert parsed.errors["employees"] == "应填写整数"
    assert parsed.facts.uscc is None and parsed.facts.employees is None
    # An invalid code is not used to match imports.
    assert store.list_profiles()[0].uscc is None
    store.save_answer(ref, "uscc", VALID_USCC.lower())
    assert store.list_profiles()[0].uscc == VALID_USCC


def test_every_change_is_audited_with_old_and_new(store: Store) -> None:
    ref = RecordRef("profile", store.create_profile())
    store.save_answer(ref, "revenue", "1000")
    store.save_answer(ref, "revenue", "1000")  # unchanged: no entry
    store.save_answer(ref, "revenue", "2000")
    store.save_answer(ref, "revenue", "  ")  # blank clears
    trail = [(e.field, e.old_value, e.new_value) for e in store.audit_trail("profile", ref.id)]
    assert trail == [("*", None, "created"), ("revenue", None, "1000"), ("revenue", "1000", "2000"),
                     ("revenue", "2000", None)]
    assert "revenue" not in store.answers(ref)


def test_ten_megabyte_paste_is_refused_and_previous_value_kept(store: Store) -> None:
    ref = RecordRef("profile", store.create_profile({"name": "原名称"}))
    with pytest.raises(AnswerTooLongError, match="之前保存的内容仍在"):
        store.save_answer(ref, "name", "字" * (10 * 1024 * 1024))
    assert store.answers(ref)["name"] == "原名称"
    store.save_answer(ref, "name", "长" * MAX_ANSWER_CHARS)  # the limit itself is fine


def test_applications_parts_and_listing(store: Store) -> None:
    profile_id, app_id, project = make_tech_upgrade(store)
    rd_id = store.create_application(profile_id, "rd_institution", rulepack_id="p", rulepack_version="1")
    loan_id = store.create_application(profile_id, "loan_interest", rulepack_id="p", rulepack_version="1")
    assert store.single_part(rd_id).kind == "institution"
    # Every kind has a main record for its own answers (desktop.applications.kinds).
    assert store.single_part(loan_id).kind == "project"
    loan = store.add_line(loan_id, "loan")
    store.save_answers(loan, {"bank": "青海银行", "principal": "5000000"})
    store.save_answer(project, "requested_amount", "3000000")  # touches the tech upgrade last
    listed = store.list_applications(profile_id)
    assert [a.id for a in listed] == [app_id, loan_id, rd_id]
    assert listed[0].rulepack_version == "2026.1" and listed[0].status == "draft"
    lines = store.lines(app_id, "equipment")
    assert [store.answers(r)["name"] for r in lines] == ["矿热炉变压器", "余热锅炉"]
    store.remove_line(lines[0])
    assert [store.answers(r)["name"] for r in store.lines(app_id, "equipment")] == ["余热锅炉"]
    store.set_status(app_id, "ready")
    with pytest.raises(StoreError, match="未知的申报状态"):
        store.set_status(app_id, "approved")
    assert store.application(app_id).status == "ready"
    assert store.list_profiles()[0].applications == 3


def test_deleting_a_profile_removes_its_applications(store: Store) -> None:
    profile_id, _app_id, project = make_tech_upgrade(store)
    store.delete_profile(profile_id)
    assert store.list_applications() == []
    with pytest.raises(StoreError, match="不存在"):
        store.answers(project)
    assert store.audit_trail("profile", profile_id)[-1].new_value is None


def test_assessment_snapshot_records_pack_identity(store: Store) -> None:
    facts = load_sample()
    result = assess(bundled_pack(), facts, SAMPLE_ASSESSED_ON)
    profile_id = store.create_profile()
    store.save_snapshot(profile_id, result)
    snap = store.latest_snapshot(profile_id)
    assert snap is not None
    assert snap["rulepack"]["sha256"] == result.rulepack.sha256
    assert snap["assessed_on"] == "2018-06-01"
    assert len(snap["results"]) == len(result.results)


def test_settings_survive_reopening(private_data_dir: Path) -> None:
    with_store = open_store(private_data_dir)
    with_store.store.set_setting("ui", {"language": "en", "role": "enterprise"})
    with_store.close()
    again = open_store(private_data_dir)
    assert again.store.setting("ui") == {"language": "en", "role": "enterprise"}
    assert again.store.setting("missing", "default") == "default"
    again.close()


def test_unknown_field_names_are_refused(store: Store) -> None:
    ref = RecordRef("profile", store.create_profile())
    with pytest.raises(StoreError, match="无效的字段名"):
        store.save_answer(ref, "name; DROP TABLE profiles", "x")
