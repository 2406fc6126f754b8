"""The autosave of one field (Core statements) writes exactly what the ORM's save writes.

``Store.save_answer`` is the autosave of every edit and is written as SQLAlchemy Core
statements; ``Store.save_answers`` (imports, pasted tables) goes through the ORM.  The same
edits, one field at a time, through each on two databases that start alike must leave the same
rows in every table: answers, the profile's denormalised columns, the audit log, and the
timestamps touched at the same steps.  Refusals must be the same too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import DateTime, Table, select

from desktop.store.records import MAX_ANSWER_CHARS, RecordRef, StoreError
from desktop.store.schema import Base
from desktop.store.startup import OpenedStore, open_store
from desktop.store.store import Store
from tests.store.conftest import VALID_USCC, make_tech_upgrade

Row = tuple[Any, ...]
Save = Callable[[Store, RecordRef, str, str | None], bool]


def _core(store: Store, ref: RecordRef, field: str, text: str | None) -> bool:
    return store.save_answer(ref, field, text)


def _orm(store: Store, ref: RecordRef, field: str, text: str | None) -> bool:
    return store.save_answers(ref, {field: text}) == 1


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _dump(store: Store) -> dict[str, list[Row]]:
    with store.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in _tables()}


def _comparable(before: dict[str, list[Row]], after: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """Rows with what differs between two databases by nature replaced: a uid is random, and a
    timestamp becomes whether it was set in this step (the same step in both is what matters)."""
    out: dict[str, list[Row]] = {}
    for table in _tables():
        times = [i for i, c in enumerate(table.columns) if isinstance(c.type, DateTime)]
        uids = [i for i, c in enumerate(table.columns) if c.name == "uid"]
        key = [i for i, c in enumerate(table.columns) if c.primary_key]
        old_rows = {tuple(r[i] for i in key): r for r in before[table.name]}
        rows = []
        for row in after[table.name]:
            old = old_rows.get(tuple(row[i] for i in key))
            cells = list(row)
            for i in times:
                assert isinstance(row[i], dt.datetime), (table.name, row)
                cells[i] = "set now" if old is None or old[i] != row[i] else "kept"
            for i in uids:
                cells[i] = "uid"
            rows.append(tuple(cells))
        out[table.name] = rows
    return out


def _edits(profile: RecordRef, project: RecordRef, line: RecordRef, loan: RecordRef,
           institution: RecordRef) -> list[tuple[RecordRef, str, str | None]]:
    return [
        (profile, "name", "  新名称有限公司  "),  # denormalised, stripped
        (profile, "name", "  新名称有限公司  "),  # unchanged: nothing written
        (profile, "uscc", "91130100MA07L2T95X"),  # wrong check digit: kept as typed, not matched
        (profile, "uscc", VALID_USCC.lower()),  # valid: normalised into the column
        (profile, "employees", "约300人"),  # invalid still saved
        (profile, "employees", "300"),
        (profile, "employees", "   "),  # blank clears
        (profile, "employees", None),  # clearing what is not there: nothing written
        (profile, "revenue", None),
        (profile, "name", None),  # the denormalised name empties
        (profile, "uscc", ""),
        (project, "name", "矿热炉节能改造（二期）"),
        (project, "total_investment", "33000000"),
        (project, "fresh_field", "新"),
        (project, "fresh_field", ""),
        (line, "quantity", "3"),
        (line, "name", "变压器"),
        (loan, "bank", "青海银行"),
        (loan, "bank", "青海银行"),
        (institution, "level", "national"),
        (institution, "level", "provincial"),
        (profile, "long_text", "长" * MAX_ANSWER_CHARS),
    ]


def _refusals(profile: RecordRef, line: RecordRef) -> list[tuple[RecordRef, str, str | None]]:
    return [
        (RecordRef("profile", 999), "name", "x"),  # no such record
        (RecordRef("equipment", 999), "name", "x"),
        (profile, "name; DROP TABLE profiles", "x"),  # not a field name
        (line, "name", "字" * (MAX_ANSWER_CHARS + 1)),  # too long
    ]


def _world(folder: Path) -> tuple[OpenedStore, list[RecordRef]]:
    opened = open_store(folder)
    store = opened.store
    profile_id, app_id, project = make_tech_upgrade(store)
    line = store.lines(app_id, "equipment")[0]
    loan_app = store.create_application(profile_id, "loan_interest", rulepack_id="p", rulepack_version="1")
    loan = store.add_line(loan_app, "loan")
    rd_app = store.create_application(profile_id, "rd_institution", rulepack_id="p", rulepack_version="1")
    institution = store.single_part(rd_app)
    return opened, [RecordRef("profile", profile_id), project, line, loan, institution]


def _run(folder: Path, save: Save) -> list[tuple[object, dict[str, list[Row]]]]:
    """After each edit: what the save returned (or the refusal's message) and every table."""
    opened, (profile, project, line, loan, institution) = _world(folder)
    store = opened.store
    steps: list[tuple[object, dict[str, list[Row]]]] = []
    try:
        before = _dump(store)
        for ref, field, text in (_edits(profile, project, line, loan, institution)
                                 + _refusals(profile, line)):
            outcome: object
            try:
                outcome = save(store, ref, field, text)
            except StoreError as exc:
                outcome = (type(exc).__name__, str(exc))
            after = _dump(store)
            steps.append((outcome, _comparable(before, after)))
            before = after
    finally:
        opened.close()
    return steps


def test_one_field_autosave_writes_what_the_orm_save_writes(tmp_path: Path) -> None:
    core = _run(tmp_path / "core", _core)
    orm = _run(tmp_path / "orm", _orm)
    assert len(core) == len(orm)
    for i, (c, o) in enumerate(zip(core, orm, strict=True)):
        assert c[0] == o[0], f"step {i}: returned {c[0]!r}, the ORM save {o[0]!r}"
        for table in c[1]:
            assert c[1][table] == o[1][table], f"step {i}: table {table} differs"
    # The sequence did exercise every branch: changes, no-ops and each refusal.
    outcomes = [c[0] for c in core]
    assert outcomes.count(True) >= 15 and outcomes.count(False) >= 4
    assert {o[0] for o in outcomes if isinstance(o, tuple)} == {"StoreError", "AnswerTooLongError"}
    with_names = {t.name: [c.name for c in t.columns] for t in _tables()}
    (profile,) = [dict(zip(with_names["profiles"], r, strict=True)) for r in core[-1][1]["profiles"]]
    assert (profile["name"], profile["uscc"]) == ("", None)  # both denormalised columns cleared
    audited = [dict(zip(with_names["audit_log"], r, strict=True)) for r in core[-1][1]["audit_log"]]
    wrong = "91130100MA07L2T95X"
    assert [(a["old_value"], a["new_value"]) for a in audited if a["field"] == "uscc"] == [
        (None, VALID_USCC), (VALID_USCC, wrong), (wrong, VALID_USCC.lower()), (VALID_USCC.lower(), None)]


@pytest.mark.parametrize("kind", ["project", "equipment", "loan", "institution"])
def test_a_parts_save_moves_its_application_to_the_top(tmp_path: Path, kind: str) -> None:
    opened, refs = _world(tmp_path)
    store = opened.store
    try:
        ref = {r.kind: r for r in refs}[kind]
        store.save_answer(RecordRef("profile", refs[0].id), "name", "另一个")  # not an application
        before = [a.id for a in store.list_applications()]
        store.save_answer(ref, "note", "改")
        after = [a.id for a in store.list_applications()]
        owner = {"project": 1, "equipment": 1, "loan": 2, "institution": 3}[kind]
        assert after[0] == owner and sorted(after) == sorted(before)
    finally:
        opened.close()
