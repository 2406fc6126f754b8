"""The user database's API: short transactions, every change audited.

The UI calls :meth:`Store.save_answer` on every edit; when it returns, the edit is on disk
(WAL + ``synchronous=FULL``).  Nothing here imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import (
    Connection,
    Delete,
    Engine,
    Insert,
    Select,
    Table,
    Update,
    and_,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop.applications.kinds import KINDS
from desktop.reference.identifiers import validate_uscc
from desktop.store.records import (
    ANSWER_CLASSES,
    LISTED_PARTS,
    RECORD_CLASSES,
    RecordKind,
    RecordRef,
    StoreError,
    check_answer,
)
from desktop.store.refs import ApplicationSummary as ApplicationSummary
from desktop.store.refs import ProfileSummary as ProfileSummary
from desktop.store.schema import (
    APPLICATION_KINDS,
    APPLICATION_STATUSES,
    Answers,
    Application,
    AssessmentSnapshot,
    AuditEntry,
    EquipmentLine,
    LoanContract,
    Profile,
    ProjectDetails,
    RdInstitution,
    Setting,
    utc_now,
)

if TYPE_CHECKING:
    from desktop.rules.results import Assessment

T = TypeVar("T")

# The record class behind each kind's main record (desktop.applications.kinds).
MAIN_CLASSES: dict[str, type[ProjectDetails] | type[RdInstitution]] = {
    "project": ProjectDetails, "institution": RdInstitution}


@dataclass(frozen=True)
class AuditRecord:
    at: str
    entity: str
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None


class Store:
    def __init__(self, engine: Engine, data_dir: Path) -> None:
        self.engine = engine
        self.data_dir = data_dir
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction: committed on exit, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    def read(self) -> Session:
        return self._sessions()

    # -- profiles ---------------------------------------------------------------------

    def create_profile(self, answers: Mapping[str, str] | None = None) -> int:
        for field, text in (answers or {}).items():
            check_answer(field, text)
        with self.write() as session:
            profile = Profile()
            session.add(profile)
            session.flush()
            audit(session, "profile", profile.id, "*", None, "created")
            for field, text in (answers or {}).items():
                self._set(session, profile, "profile", field, text)
            return profile.id

    def list_profiles(self) -> list[ProfileSummary]:
        counts = (select(Application.profile_id, func.count().label("n"))
                  .group_by(Application.profile_id).subquery())
        query = (select(Profile.id, Profile.uid, Profile.name, Profile.uscc, counts.c.n)
                 .outerjoin(counts, counts.c.profile_id == Profile.id).order_by(Profile.name, Profile.id))
        with self.read() as session:
            return [ProfileSummary(r.id, r.uid, r.name, r.uscc, r.n or 0) for r in session.execute(query)]

    def find_profile_by_uscc(self, uscc: str) -> int | None:
        with self.read() as session:
            found = session.scalars(select(Profile.id).where(Profile.uscc == uscc).order_by(Profile.id))
            return found.first()

    def delete_profile(self, profile_id: int) -> None:
        with self.write() as session:
            profile = get_or_fail(session, Profile, profile_id)
            audit(session, "profile", profile_id, "*",
                  json.dumps(_answers_of(session, "profile", profile_id), ensure_ascii=False), None)
            session.delete(profile)

    # -- answers (autosave) -----------------------------------------------------------

    def answers(self, ref: RecordRef) -> Answers:
        with self.read() as session:
            get_or_fail(session, RECORD_CLASSES[ref.kind], ref.id)
            return _answers_of(session, ref.kind, ref.id)

    def save_answer(self, ref: RecordRef, field: str, text: str | None) -> bool:
        """Save one field as typed (``None`` or blank clears it).  True if anything changed.

        The autosave of every edit, so it is written as SQLAlchemy Core statements on the
        session's connection rather than through the ORM's identity map and unit of work: the
        same rows as :meth:`save_answers` writes for one field (``tests/store/test_store.py``
        compares them), in one transaction committed with the same fsync.
        """
        check_answer(field, text)
        with self.write() as session:
            return _set_one(session.connection(), ref.kind, ref.id, field, text)

    def save_answers(self, ref: RecordRef, values: Mapping[str, str | None]) -> int:
        """Several fields in one transaction (imports, pasted tables); returns how many changed."""
        for field, text in values.items():
            check_answer(field, text)
        with self.write() as session:
            record = get_or_fail(session, RECORD_CLASSES[ref.kind], ref.id)
            return sum(self._set(session, record, ref.kind, f, t) for f, t in values.items())

    @staticmethod
    def _set(session: Session, record: Any, kind: str, field: str, text: str | None) -> bool:
        # Callers have run check_answer on every field before opening the transaction.
        # Only this field's row is read and written: a concurrent save of another field of
        # the same record touches another row and cannot be overwritten by this one.
        value = _cleared(text)
        cls = ANSWER_CLASSES[kind]
        row = session.get(cls, {"record_id": record.id, "field": field})
        old: str | None = None if row is None else row.value
        if old == value:
            return False
        if value is None:
            session.execute(delete(cls).where(cls.record_id == record.id, cls.field == field))
        elif row is None:
            session.execute(insert(cls).values(record_id=record.id, field=field, value=value))
        else:
            row.value = value
        if isinstance(record, Profile):
            for column, denormalised in _denormalised(field, value).items():
                setattr(record, column, denormalised)
            record.updated_at = utc_now()
        else:
            # The 我的申报 list is ordered by last change, including changes to its parts.
            session.execute(update(Application).where(Application.id == record.application_id)
                            .values(updated_at=utc_now()))
        audit(session, kind, record.id, field, old, value)
        return True

    # -- applications -----------------------------------------------------------------

    def create_application(self, profile_id: int, kind: str, *, rulepack_id: str, rulepack_version: str,
                           programme_id: str | None = None, title: str = "") -> int:
        if kind not in APPLICATION_KINDS:
            raise StoreError(f"未知的申报类型：{kind}")
        with self.write() as session:
            get_or_fail(session, Profile, profile_id)
            app = Application(profile_id=profile_id, kind=kind, programme_id=programme_id,
                              title=title[:200], rulepack_id=rulepack_id,
                              rulepack_version=rulepack_version)
            session.add(app)
            session.flush()
            session.add(MAIN_CLASSES[KINDS[kind].main_record](application_id=app.id))
            audit(session, "application", app.id, "*", None, f"created {kind}")
            return app.id

    def list_applications(self, profile_id: int | None = None) -> list[ApplicationSummary]:
        query = (select(Application, Profile.name).join(Profile)
                 .order_by(Application.updated_at.desc(), Application.id.desc()))
        if profile_id is not None:
            query = query.where(Application.profile_id == profile_id)
        with self.read() as session:
            return [_summary(a, name) for a, name in session.execute(query)]

    def application(self, application_id: int) -> ApplicationSummary:
        query = select(Application, Profile.name).join(Profile).where(Application.id == application_id)
        with self.read() as session:
            row = session.execute(query).first()
        if row is None:
            raise StoreError(f"申报记录 {application_id} 不存在。")
        return _summary(*row)

    def set_status(self, application_id: int, status: str) -> None:
        if status not in APPLICATION_STATUSES:
            raise StoreError(f"未知的申报状态：{status}")
        with self.write() as session:
            app = get_or_fail(session, Application, application_id)
            if app.status != status:
                audit(session, "application", app.id, "status", app.status, status)
                app.status = status

    def set_title(self, application_id: int, title: str) -> None:
        check_answer("title", title)
        with self.write() as session:
            app = get_or_fail(session, Application, application_id)
            if app.title != title[:200]:
                audit(session, "application", app.id, "title", app.title, title[:200])
                app.title = title[:200]

    def delete_application(self, application_id: int) -> None:
        with self.write() as session:
            app = get_or_fail(session, Application, application_id)
            audit(session, "application", app.id, "*", f"{app.kind} {app.title}", None)
            session.delete(app)

    def single_part(self, application_id: int) -> RecordRef:
        """The record holding an application's own answers (see ``KindSpec.main_record``).

        Created on first use for an application made before every kind had one."""
        with self.read() as session:
            app = get_or_fail(session, Application, application_id)
            kind = KINDS[app.kind].main_record
            cls = MAIN_CLASSES[kind]
            part_id = session.scalars(select(cls.id).where(cls.application_id == application_id)).first()
        if part_id is None:
            with self.write() as session:
                part = cls(application_id=application_id)
                session.add(part)
                session.flush()
                part_id = part.id
        return RecordRef(kind, part_id)

    def add_line(self, application_id: int, kind: RecordKind) -> RecordRef:
        """Append an equipment line or a loan contract."""
        cls = _listed_class(kind)
        with self.write() as session:
            get_or_fail(session, Application, application_id)
            last = session.scalar(select(func.max(cls.position)).where(cls.application_id == application_id))
            line = cls(application_id=application_id, position=(last or 0) + 1)
            session.add(line)
            session.flush()
            audit(session, kind, line.id, "*", None, "created")
            return RecordRef(kind, line.id)

    def lines(self, application_id: int, kind: RecordKind) -> list[RecordRef]:
        cls = _listed_class(kind)
        with self.read() as session:
            ids = session.scalars(select(cls.id).where(cls.application_id == application_id)
                                  .order_by(cls.position, cls.id))
            return [RecordRef(kind, i) for i in ids]

    def remove_line(self, ref: RecordRef) -> None:
        cls = _listed_class(ref.kind)
        with self.write() as session:
            line = get_or_fail(session, cls, ref.id)
            audit(session, ref.kind, ref.id, "*",
                  json.dumps(_answers_of(session, ref.kind, ref.id), ensure_ascii=False), None)
            session.delete(line)

    # -- snapshots, settings, audit ----------------------------------------------------

    def save_snapshot(self, profile_id: int, assessment: Assessment,
                      application_id: int | None = None) -> int:
        with self.write() as session:
            snap = AssessmentSnapshot(
                profile_id=profile_id, application_id=application_id,
                assessed_on=assessment.assessed_on, rulepack_id=assessment.rulepack.id,
                rulepack_version=assessment.rulepack.version, rulepack_hash=assessment.rulepack.sha256,
                result_json=json.dumps(assessment.to_json(), ensure_ascii=False, sort_keys=True))
            session.add(snap)
            session.flush()
            return snap.id

    def latest_snapshot(self, profile_id: int) -> dict[str, Any] | None:
        with self.read() as session:
            text = session.scalars(
                select(AssessmentSnapshot.result_json).where(AssessmentSnapshot.profile_id == profile_id)
                .order_by(AssessmentSnapshot.id.desc())).first()
        return None if text is None else dict(json.loads(text))

    def setting(self, key: str, default: Any = None) -> Any:
        with self.read() as session:
            row = session.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any) -> None:
        with self.write() as session:
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value

    def audit_trail(self, entity: str, entity_id: int) -> list[AuditRecord]:
        query = (select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                 .order_by(AuditEntry.id))
        with self.read() as session:
            return [AuditRecord(e.at.isoformat(), e.entity, e.entity_id, e.field, e.old_value, e.new_value)
                    for e in session.scalars(query)]


def get_or_fail(session: Session, cls: type[T], key: int) -> T:
    found = session.get(cls, key)
    if found is None:
        raise _missing(getattr(cls, "__tablename__", cls.__name__), key)
    return found


def _missing(table: str, key: int) -> StoreError:
    return StoreError(f"记录不存在（{table} #{key}），可能已被删除。")


def _cleared(text: str | None) -> str | None:
    """What is stored for a typed text: blank clears the field."""
    return text if text is not None and text.strip() else None


def _table(cls: type[Any]) -> Table:
    table = cls.__table__
    assert isinstance(table, Table)
    return table


@dataclass(frozen=True)
class _OneFieldStatements:
    """The Core statements of one field's save for one kind of record, built once.

    Built once so that SQLAlchemy computes each one's cache key once; the values are bound
    per call.  Bound parameter names start with ``p_`` (a column's own name is reserved).
    """

    find: Select[int, str | None]  # the record's owner (itself, or its application), the old value
    insert: Insert
    update: Update
    delete: Delete
    owner_touched: Update  # the profile's, or the application's, updated_at (and denormalised columns)

    @staticmethod
    def of(kind: str) -> _OneFieldStatements:
        records, answers = _table(RECORD_CLASSES[kind]), _table(ANSWER_CLASSES[kind])
        this_answer = and_(answers.c.record_id == bindparam("p_record"),
                           answers.c.field == bindparam("p_field"))
        owner = _table(Profile) if kind == "profile" else _table(Application)
        return _OneFieldStatements(
            find=select(records.c.id if kind == "profile" else records.c.application_id, answers.c.value)
            .select_from(records.outerjoin(answers, and_(answers.c.record_id == records.c.id,
                                                         answers.c.field == bindparam("p_field"))))
            .where(records.c.id == bindparam("p_record")),
            insert=insert(answers),
            update=update(answers).where(this_answer).values(value=bindparam("p_value")),
            delete=delete(answers).where(this_answer),
            # The SET clause is the columns named in the parameters: updated_at and any
            # denormalised column (a compiled form is cached per set of names).
            owner_touched=update(owner).where(owner.c.id == bindparam("p_owner")),
        )


@cache
def _one_field(kind: str) -> _OneFieldStatements:
    """Built on the first save of each kind, not at import (the store is imported at start-up)."""
    return _OneFieldStatements.of(kind)


@cache
def _audit_insert() -> Insert:
    return insert(_table(AuditEntry))


def _set_one(conn: Connection, kind: str, record_id: int, field: str, text: str | None) -> bool:
    """:meth:`Store._set` for one field, as Core statements: the rows it writes are the same.

    One ``SELECT`` finds the record (and, for an application's part, its application) and the
    field's saved value together; then the answer row is written, the record's timestamp (the
    profile's own, or its application's, which orders 我的申报), and one audit row.  The
    caller's transaction commits.
    """
    value = _cleared(text)
    statements = _one_field(kind)
    found = conn.execute(statements.find, {"p_record": record_id, "p_field": field}).first()
    if found is None:
        raise _missing(_table(RECORD_CLASSES[kind]).name, record_id)
    owner_id, old = found
    if old == value:
        return False
    if value is None:
        conn.execute(statements.delete, {"p_record": record_id, "p_field": field})
    elif old is None:
        conn.execute(statements.insert, {"record_id": record_id, "field": field, "value": value})
    else:
        conn.execute(statements.update, {"p_record": record_id, "p_field": field, "p_value": value})
    touched: dict[str, object] = {"p_owner": owner_id, "updated_at": utc_now()}
    if kind == "profile":
        touched.update(_denormalised(field, value))
    conn.execute(statements.owner_touched, touched)
    conn.execute(_audit_insert(), {"entity": kind, "entity_id": record_id, "field": field,
                                   "old_value": old, "new_value": value})
    return True


def _answers_of(session: Session, kind: str, record_id: int) -> Answers:
    cls = ANSWER_CLASSES[kind]
    rows = session.execute(select(cls.field, cls.value).where(cls.record_id == record_id).order_by(cls.field))
    return {field: value for field, value in rows}


def _summary(app: Application, profile_name: str) -> ApplicationSummary:
    return ApplicationSummary(app.id, app.uid, app.profile_id, profile_name, app.kind, app.programme_id,
                              app.title, app.status, app.rulepack_id, app.rulepack_version,
                              app.updated_at.isoformat(timespec="seconds"))


def _listed_class(kind: RecordKind) -> type[EquipmentLine] | type[LoanContract]:
    if kind not in LISTED_PARTS:
        raise StoreError(f"{kind} 不是可增删的明细行。")
    return EquipmentLine if kind == "equipment" else LoanContract


def _denormalised(field: str, value: str | None) -> dict[str, str | None]:
    """The profile's columns copied from an answer (for listing and import matching)."""
    if field == "name":
        return {"name": (value or "").strip()[:200]}
    if field == "uscc":
        check = validate_uscc(value) if value else None
        return {"uscc": check.normalised if check is not None and check.ok else None}
    return {}


def audit(session: Session, entity: str, entity_id: int, field: str,
           old: str | None, new: str | None) -> None:
    session.add(AuditEntry(entity=entity, entity_id=entity_id, field=field, old_value=old, new_value=new))
