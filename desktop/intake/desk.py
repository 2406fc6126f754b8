"""The desk's store: received applications, reviews and the audit log, on any SQLAlchemy URL.

SQLite (the default, one file in the data folder) or PostgreSQL shared on the office LAN
(``postgresql+pg8000://user:password@host/db``; older ``postgresql://`` and
``postgresql+psycopg://`` addresses are translated, see :mod:`desktop.intake.address`): the
same models, the same code.  The schema is
created from the models on first use and stamped with :data:`DESK_SCHEMA_VERSION`; a
database stamped with a newer version is refused rather than written to.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.applications.io import facts_of, parse_application
from desktop.applications.model import ApplicationFile
from desktop.bundle.proof import Proof
from desktop.intake.address import AddressError, DeskAddress, desk_address, problem_words, startup_error
from desktop.intake.claims import claims_of
from desktop.intake.duplicates import ClaimRow, exclusions, find_duplicates
from desktop.intake.models import (
    DESK_SCHEMA_VERSION,
    NEEDS_REASON,
    PASS_THROUGH,
    STATUS_TEXT,
    TRANSITIONS,
    AuditEntry,
    DeskBase,
    DeskInfo,
    DeskSetting,
    Received,
    Rejection,
    allowed_next,
)
from desktop.rules.context import FactContext
from desktop.rules.pack import RulePack
from desktop.rules.triage import Triage

DESK_DB_NAME = "desk.sqlite3"
MAX_REASON_CHARS = 2000


class DeskError(Exception):
    """An action the desk refuses; the message is for the official."""


class ConflictError(DeskError):
    """Someone else changed the application since it was read."""


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DESK_DB_NAME}"


def make_desk_engine(url: str | DeskAddress) -> Engine:
    address = desk_address(url) if isinstance(url, str) else url
    engine = create_engine(address.url, connect_args=address.connect_args,
                           json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False))
    if address.postgres:
        @event.listens_for(engine, "do_connect")
        def _connect(dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
            try:
                return dialect.dbapi.connect(*cargs, **cparams)
            except AttributeError:
                if cparams.get("password") is not None:
                    raise
                # pg8000 1.31 answers a SCRAM request without a password with an AttributeError
                raise dialect.dbapi.InterfaceError("server requesting password authentication, "
                                                   "but no password was provided") from None
            except dialect.dbapi.Error as exc:
                found = startup_error(exc)
                if found is exc:
                    raise
                raise found from None
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()
    return engine


@dataclass(frozen=True)
class Stored:
    """What became of one proven bundle at the desk."""

    id: int
    new: bool  # False: this very bundle was received before


class Desk:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            address = desk_address(url)
        except AddressError as exc:
            raise DeskError(f"无法打开收件数据库 {safe_url(url)}：{exc}") from None
        try:
            if url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self.engine = make_desk_engine(address)
        except (ModuleNotFoundError, OSError) as exc:
            raise DeskError(f"无法打开收件数据库 {safe_url(url)}：{problem_words(exc, address)}") from exc
        try:
            DeskBase.metadata.create_all(self.engine)
        except (DBAPIError, OSError) as exc:
            self.engine.dispose()
            raise DeskError(f"无法打开收件数据库 {safe_url(url)}：{problem_words(exc, address)}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            self._stamp()
        except BaseException:
            self.engine.dispose()  # no connection left open (pg8000's sockets warn when collected)
            raise

    def close(self) -> None:
        self.engine.dispose()

    def _stamp(self) -> None:
        with self.sessions.begin() as session:
            info = session.get(DeskInfo, 1)
            if info is None:
                session.add(DeskInfo(id=1, schema_version=DESK_SCHEMA_VERSION))
            elif info.schema_version > DESK_SCHEMA_VERSION:
                raise DeskError(f"收件数据库由更新版本的程序建立（格式 {info.schema_version}），"
                                "请升级本程序。")

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    # -- receiving -------------------------------------------------------------------------

    def store(self, proof: Proof, *, who: str) -> Stored:
        """Keep a proven bundle (``proof.ok``); the same bundle twice is kept once."""
        return self.store_many([proof], who=who)[0]

    def store_many(self, proofs: Sequence[Proof], *, who: str) -> list[Stored]:
        """Keep proven bundles in one transaction (one disk sync for the lot)."""
        if any(not p.ok or p.application is None for p in proofs):
            raise DeskError("未通过校验的申报包不能收件。")
        return self.store_rows([row_values(proof) for proof in proofs], who=who)

    def store_rows(self, rows: Sequence[dict[str, Any]], *, who: str) -> list[Stored]:
        """Keep rows made by :func:`row_values` in one transaction: one query for the bundles
        received before, one multi-row INSERT for the new rows and one for their audit entries."""
        try:
            with self.sessions.begin() as session:
                return self._insert(session, rows, who)
        except DBAPIError as exc:
            if not is_unique_violation(exc):
                raise
            # another official received one of them in the meantime
            if len(rows) > 1:
                return [self.store_rows([row], who=who)[0] for row in rows]
            raise DeskError("这个申报包刚被另一位工作人员收件，请刷新。") from None

    @staticmethod
    def _insert(session: Session, rows: Sequence[dict[str, Any]], who: str) -> list[Stored]:
        hashes = {row["bundle_sha256"] for row in rows}
        known: dict[str, int] = {sha: row_id for sha, row_id in session.execute(
            select(Received.bundle_sha256, Received.id).where(Received.bundle_sha256.in_(hashes)))}
        new: list[dict[str, Any]] = []
        for row in rows:
            if row["bundle_sha256"] not in known:
                known[row["bundle_sha256"]] = 0  # the same bundle twice in one delivery: kept once
                new.append({**row, "received_by": who})
        if new:
            inserted: list[tuple[int, str]] = [(row_id, sha) for row_id, sha in session.execute(
                insert(Received).returning(Received.id, Received.bundle_sha256, sort_by_parameter_order=True),
                new)]
            known.update({sha: row_id for row_id, sha in inserted})
            session.execute(insert(AuditEntry), [
                {"application_id": row_id, "who": who, "action": "receive", "to_status": "received",
                 "detail": f"{row['file_name']} SHA-256 {sha[:16]}…"}
                for (row_id, sha), row in zip(inserted, new, strict=True)])
        fresh = {row["bundle_sha256"] for row in new}
        stored = []
        for row in rows:
            sha = row["bundle_sha256"]
            stored.append(Stored(known[sha], new=sha in fresh))
            fresh.discard(sha)  # a second copy in the same delivery counts as received before
        return stored

    def reassess(self, pack: RulePack, ids: Sequence[int] | None = None) -> int:
        """The desk's batch assessment (triage path) of received applications; returns how many."""
        triage = Triage(pack)
        count = 0
        with self.sessions.begin() as session:
            query = select(Received)
            if ids is not None:
                query = query.where(Received.id.in_(ids))
            for row in session.scalars(query):
                application = parse_application(json.loads(row.application_json))
                decided = _decided(triage, pack, application, row.assessed_on)
                row.desk_status, row.desk_yuan = decided["desk_status"], decided["desk_yuan"]
                row.desk_pack = decided["desk_pack"]
                count += 1
        return count

    def record_rejections(self, refused: Sequence[tuple[Path, list[str]]], *, who: str) -> None:
        """Keep every refused file with all its reasons (the 未接收 list survives a restart)."""
        if not refused:
            return
        with self.sessions.begin() as session:
            session.add_all(Rejection(who=who.strip()[:100] or "unknown", file_name=path.name[:255],
                                      path=str(path), problems={"problems": list(problems)})
                            for path, problems in refused)

    def rejections(self) -> list[Rejection]:
        """Refused files, newest first."""
        with self.sessions() as session:
            return list(session.scalars(select(Rejection).order_by(Rejection.id.desc())))

    def setting(self, key: str) -> str | None:
        with self.sessions() as session:
            found = session.get(DeskSetting, key)
            return found.value if found is not None else None

    def set_setting(self, key: str, value: str) -> None:
        with self.sessions.begin() as session:
            found = session.get(DeskSetting, key)
            if found is None:
                session.add(DeskSetting(key=key, value=value))
            else:
                found.value = value

    # -- listing ---------------------------------------------------------------------------

    def rows(self) -> list[Received]:
        with self.sessions() as session:
            return list(session.scalars(select(Received).order_by(Received.id)))

    def get(self, app_id: int) -> Received:
        with self.sessions() as session:
            row = session.get(Received, app_id)
            if row is None:
                raise DeskError(f"没有编号为 {app_id} 的收件。")
            return row

    def flags(self, pack: RulePack | None = None) -> dict[int, list[str]]:
        """Duplicates across everything received, plus each row's own proof differences."""
        rows = self.rows()
        claim_rows = [ClaimRow(r.id, r.status, r.programme_id,
                               tuple((str(c[0]), str(c[1]), str(c[2])) for c in r.proof.get("claims", [])))
                      for r in rows]
        excluded = exclusions(_excluding_pairs(pack)) if pack is not None else {}
        titles = {r.programme_id: r.programme_title for r in rows}
        flags = find_duplicates(claim_rows, excluded, titles)
        for row in rows:
            own = list(row.proof.get("differences", []))
            if row.desk_status and row.claimed_status and row.desk_status != row.claimed_status:
                own.append(f"本机批量复核为“{_status_words(row.desk_status)}”，"
                           f"企业自评为“{_status_words(row.claimed_status)}”")
            if own:
                flags.setdefault(row.id, [])[:0] = own
        return flags

    def audit(self, app_id: int | None = None) -> list[AuditEntry]:
        with self.sessions() as session:
            query = select(AuditEntry).order_by(AuditEntry.id)
            if app_id is not None:
                query = query.where(AuditEntry.application_id == app_id)
            return list(session.scalars(query))

    # -- review ----------------------------------------------------------------------------

    def review(self, app_id: int, to: str, *, who: str, reason: str | None = None,
               expected_version: int | None = None) -> Received:
        """Move an application on; ``expected_version`` is the version the official was shown."""
        reason = (reason or "").strip() or None
        if to not in STATUS_TEXT:
            raise DeskError(f"未知的审核状态 {to!r}。")
        if to in NEEDS_REASON and reason is None:
            raise DeskError(f"“{STATUS_TEXT[to]}”须填写理由。")
        if reason is not None and len(reason) > MAX_REASON_CHARS:
            raise DeskError(f"理由过长（最多 {MAX_REASON_CHARS} 字）。")
        if not who.strip():
            raise DeskError("请先填写审核人姓名。")
        try:
            with self.sessions.begin() as session:
                row = session.get(Received, app_id)
                if row is None:
                    raise DeskError(f"没有编号为 {app_id} 的收件。")
                if expected_version is not None and row.version != expected_version:
                    raise ConflictError(self._conflict_message(session, app_id))
                if to not in allowed_next(row.status):
                    allowed = "、".join(STATUS_TEXT[s] for s in allowed_next(row.status))
                    raise DeskError(f"收件 #{app_id} 当前为“{STATUS_TEXT[row.status]}”，"
                                    f"不能直接改为“{STATUS_TEXT[to]}”（可改为：{allowed}）。")
                who = who.strip()[:100]
                via = PASS_THROUGH.get(row.status)
                if to not in TRANSITIONS[row.status] and via is not None:
                    session.add(AuditEntry(application_id=app_id, who=who, action="review",
                                           from_status=row.status, to_status=via,
                                           detail=f"随“{STATUS_TEXT[to]}”自动进入审核"))
                    row.status = via
                session.add(AuditEntry(application_id=app_id, who=who, action="review",
                                       from_status=row.status, to_status=to, detail=reason))
                row.status, row.reason = to, reason
            return row
        except StaleDataError:
            with self.sessions() as session:
                raise ConflictError(self._conflict_message(session, app_id)) from None

    @staticmethod
    def _conflict_message(session: Session, app_id: int) -> str:
        last = session.scalars(select(AuditEntry).where(AuditEntry.application_id == app_id)
                               .order_by(AuditEntry.id.desc()).limit(1)).first()
        by = f"（{last.who} 于 {last.at:%Y-%m-%d %H:%M} 改为“{STATUS_TEXT.get(last.to_status or '', '')}”）" \
            if last is not None else ""
        return f"收件 #{app_id} 已被他人修改{by}，您的更改未保存；请刷新后再审核。"


def _status_words(status: str) -> str:
    from desktop.rules.results import STATUS_LABELS, Status

    try:
        return STATUS_LABELS[Status(status)]
    except ValueError:
        return "规则包中无此项目" if status == "unknown_programme" else status


def missing_materials(row: Received) -> list[str]:
    """The checklist items the bundle did not provide (缺), for the list and the 汇总表."""
    return [str(c.get("material")) for c in row.proof.get("checklist", [])
            if isinstance(c, dict) and c.get("status") == "missing"]


def is_unique_violation(exc: DBAPIError) -> bool:
    """A constraint refused the row (the bundle's unique SHA-256, at the desk).  pg8000 reports
    every server error as its DatabaseError, the SQLSTATE in the message's ``C`` field, so
    SQLAlchemy cannot tell an IntegrityError from the class."""
    if isinstance(exc, IntegrityError):
        return True
    args = exc.orig.args if exc.orig is not None else ()
    return bool(args) and isinstance(args[0], dict) and args[0].get("C") == "23505"


def safe_url(url: str) -> str:
    """The URL without a password, fit for a message or a log."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "（无法解析的数据库地址）"


def _text(yuan: Decimal | None) -> str | None:
    return None if yuan is None else str(yuan.quantize(Decimal("0.01")))


def to_decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _title(proof: Proof) -> str:
    assert proof.application is not None
    results = (proof.assessment or {}).get("results", [])
    found = next((r for r in results if isinstance(r, dict)
                  and r.get("programme_id") == proof.application.programme_id), {})
    return str(found.get("title") or proof.application.programme_id)[:200]


def _proof_details(proof: Proof) -> dict[str, Any]:
    assert proof.application is not None
    return {
        "notes": proof.notes,
        "differences": proof.differences,
        "claimed": proof.claimed.describe() if proof.claimed else None,
        "desk": proof.desk.describe() if proof.desk else None,
        "documents": [{"name": d.name, "verdict": d.verdict, "detail": d.detail} for d in proof.documents],
        "checklist": [{"material": c.material, "status": c.status, "where": c.where}
                      for c in proof.checklist],
        "claims": [list(c) for c in claims_of(proof.application, proof.manifest)],
        "builder_version": proof.manifest.get("builder_version"),
        "rulepack": proof.manifest.get("rulepack"),
    }


def row_values(proof: Proof, triage: tuple[Triage, RulePack] | None = None) -> dict[str, Any]:
    """The row a proven bundle becomes (who received it aside).

    Worked out where the bundle was proven (a worker process, when receiving many), so the
    process that writes the database only inserts.  With ``triage`` (the desk's rule pack
    planned, and the pack) the batch re-assessment is made here too, as :meth:`Desk.reassess`
    makes it.
    """
    app = proof.application
    assert proof.ok and app is not None
    assessed_on = proof.assessed_on or app.prepared_on
    values: dict[str, Any] = {
        "bundle_sha256": proof.bundle_sha256, "file_name": proof.path.name[:255],
        "enterprise_name": app.enterprise.name or "", "uscc": app.enterprise.uscc or "",
        "region_code": app.enterprise.region_code or "", "programme_id": app.programme_id,
        "programme_title": _title(proof), "kind": app.kind, "assessed_on": assessed_on,
        "requested_yuan": _text(app.project.requested_amount if app.project else None),
        "claimed_status": proof.claimed.status if proof.claimed else "",
        "claimed_wan": proof.claimed.wan if proof.claimed else None,
        "application_json": app.model_dump_json(by_alias=True, exclude_none=True),
        "proof": _proof_details(proof),
    }
    if triage is not None:
        values.update(_decided(*triage, app, assessed_on))
    return values


def _decided(triage: Triage, pack: RulePack, application: ApplicationFile, on: dt.date) -> dict[str, Any]:
    """The triage path's status and amount for one application (desk_status, desk_yuan, desk_pack)."""
    try:
        plan = triage.plan(application.programme_id)
    except KeyError:
        status, yuan = "unknown_programme", None
    else:
        decided, amount = plan.decide(_context(application, on))
        status, yuan = decided.value, _text(amount)
    return {"desk_status": status, "desk_yuan": yuan, "desk_pack": pack.identity.sha256}


def _context(application: ApplicationFile, on: dt.date) -> FactContext:
    return FactContext(facts_of(application), on)


def _excluding_pairs(pack: RulePack) -> list[tuple[str, str]]:
    return [(p.id, s.programme) for p in pack.programmes for s in p.source.stacking
            if s.relation == "excludes"]
