"""The desk's own database: one row per received application, and an audit log.

Amounts are stored as exact decimal text (元, two places): SQLite has no decimal type, and
the same code runs on PostgreSQL.  ``version`` is SQLAlchemy's row version: an UPDATE only
succeeds ``WHERE version = <what this session read>``, so two officials editing the same
application never silently overwrite each other's review (the second is told to reload).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Final, Literal

from sqlalchemy import JSON, ForeignKey, Index, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ReviewStatus = Literal["received", "reviewing", "approved", "returned", "refused"]
REVIEW_STATUSES: Final[tuple[ReviewStatus, ...]] = ("received", "reviewing", "approved", "returned",
                                                    "refused")
STATUS_TEXT: Final[dict[str, str]] = {"received": "已收到", "reviewing": "审核中", "approved": "通过",
                                      "returned": "退回补正", "refused": "不予支持"}
# Where each status may go next.  Returned applications come back as a new bundle; the old
# row may still be reopened for review (an official who returned one by mistake).
TRANSITIONS: Final[dict[str, tuple[str, ...]]] = {
    "received": ("reviewing",),
    "reviewing": ("approved", "returned", "refused"),
    "returned": ("reviewing",),
    "approved": ("reviewing",),
    "refused": ("reviewing",),
}
# A decision taken on an application that is only 已收到 passes through 审核中 on its way:
# both steps are written to the audit log, so one click (or one ``review`` call) suffices.
# A decision already taken is changed only by reopening it (审核中) first, on purpose.
PASS_THROUGH: Final[dict[str, str]] = {"received": "reviewing"}
NEEDS_REASON: Final = frozenset({"returned", "refused"})


def allowed_next(status: str) -> tuple[str, ...]:
    """Every status one review action may move an application in ``status`` to."""
    direct = TRANSITIONS.get(status, ())
    via = PASS_THROUGH.get(status)
    return direct + tuple(s for s in TRANSITIONS.get(via, ()) if s not in direct) if via else direct
DESK_SCHEMA_VERSION: Final = 1

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class DeskBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON}


class DeskInfo(DeskBase):
    """One row: the schema version this database was built with."""

    __tablename__ = "desk_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    schema_version: Mapped[int]


class Received(DeskBase):
    __tablename__ = "received_applications"
    __table_args__ = (Index("ix_received_applications_programme_region", "programme_id", "region_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bundle_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(255))
    received_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    received_by: Mapped[str] = mapped_column(String(100))
    enterprise_name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    region_code: Mapped[str] = mapped_column(String(12))
    programme_id: Mapped[str] = mapped_column(String(80))
    programme_title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    assessed_on: Mapped[dt.date]
    requested_yuan: Mapped[str | None] = mapped_column(String(24))
    claimed_status: Mapped[str] = mapped_column(String(30))
    claimed_wan: Mapped[str | None] = mapped_column(String(24))
    # The desk's own batch re-assessment (triage path) with the desk's rule pack.
    desk_status: Mapped[str | None] = mapped_column(String(30))
    desk_yuan: Mapped[str | None] = mapped_column(String(24))
    desk_pack: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="received")
    reason: Mapped[str | None] = mapped_column(Text)
    application_json: Mapped[str] = mapped_column(Text)
    # Proof details for the reviewer: notes, differences, documents, checklist, claims.
    proof: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it once)


class AuditEntry(DeskBase):
    __tablename__ = "intake_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("received_applications.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    who: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(Text)


class Rejection(DeskBase):
    """A file the desk refused, with every reason: kept so that no refusal is lost on restart."""

    __tablename__ = "intake_rejections"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    who: Mapped[str] = mapped_column(String(100))
    file_name: Mapped[str] = mapped_column(String(255))
    path: Mapped[str] = mapped_column(Text)
    problems: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"problems": [...]}

    @property
    def reasons(self) -> list[str]:
        return [str(p) for p in self.problems.get("problems", [])]


class DeskSetting(DeskBase):
    """What the desk remembers for its officials: the 填报单位, the last folder used."""

    __tablename__ = "desk_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
