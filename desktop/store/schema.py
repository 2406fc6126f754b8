"""The user database, as SQLAlchemy 2.0 models.

Facts are stored as the user typed them: each record's answers are rows of an answers
table (record, field name -> text), one row per answer, so saving one field can never
overwrite another (revision 0003 split the former ``answers`` JSON objects).
A value that does not validate yet (a mistyped credit code, "12万")
is still saved and shown flagged; :mod:`desktop.store.answers` turns answers into the
typed facts the rule engine reads.  Nothing typed is ever thrown away.

The alembic revisions under ``migrations/versions`` build exactly this schema;
``tests/store/test_migrations.py`` compares the two.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar, Final, Literal

from sqlalchemy import JSON, ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from desktop.applications.kinds import APPLICATION_KINDS as APPLICATION_KINDS

ApplicationStatus = Literal["draft", "ready", "exported"]
APPLICATION_STATUSES: Final[tuple[ApplicationStatus, ...]] = ("draft", "ready", "exported")

Answers = dict[str, str]

# Constraint names are stable so that batch migrations on SQLite can find them.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uid() -> str:
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    # Stored naive in UTC: SQLite has no time zones and every writer is this app.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {Answers: JSON}


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utc_now, onupdate=utc_now)


class Profile(Timestamped, Base):
    """One enterprise.  ``uid`` travels with exports; ``uscc`` is how imports find a match."""

    __tablename__ = "profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    # Denormalised from answers for listing and import matching; only set when valid.
    uscc: Mapped[str | None] = mapped_column(String(18), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    applications: Mapped[list[Application]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", passive_deletes=True
    )


class Application(Timestamped, Base):
    __tablename__ = "applications"
    __table_args__ = (Index("ix_applications_updated_at", "updated_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    programme_id: Mapped[str | None] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    title: Mapped[str] = mapped_column(String(200), default="")
    rulepack_id: Mapped[str] = mapped_column(String(80))
    rulepack_version: Mapped[str] = mapped_column(String(40))
    profile: Mapped[Profile] = relationship(back_populates="applications")


class ApplicationPart:
    """A record that belongs to one application and holds typed-as-entered answers."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )


class ProjectDetails(ApplicationPart, Base):
    __tablename__ = "projects"
    __table_args__ = (UniqueConstraint("application_id"),)


class EquipmentLine(ApplicationPart, Base):
    """One row of the 项目固定资产购置清单."""

    __tablename__ = "equipment_lines"
    position: Mapped[int] = mapped_column(default=0)


class LoanContract(ApplicationPart, Base):
    __tablename__ = "loans"
    position: Mapped[int] = mapped_column(default=0)


class RdInstitution(ApplicationPart, Base):
    __tablename__ = "institutions"
    __table_args__ = (UniqueConstraint("application_id"),)


class Attachment(Base):
    """A file copied into the data folder; ``stored_name`` is content-addressed by SHA-256."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    material: Mapped[str] = mapped_column(String(200), default="")
    original_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    stored_name: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    # Which loan (1-based) a per-loan material such as a loan contract belongs to; revision 0004.
    loan: Mapped[int | None] = mapped_column(default=None)


class AssessmentSnapshot(Base):
    __tablename__ = "assessment_snapshots"
    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    assessed_on: Mapped[dt.date]
    rulepack_id: Mapped[str] = mapped_column(String(80))
    rulepack_version: Mapped[str] = mapped_column(String(40))
    rulepack_hash: Mapped[str] = mapped_column(String(64))
    result_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)


class AuditEntry(Base):
    """Every change to user data: when, what, old value and new value."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int]
    field: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """Typed app settings (language, role, window geometry), one JSON value per key.

    Added in revision 0002: settings live in the database so they survive with the data.
    """

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class AnswerValue:
    """One answer of one record, as typed.  A save writes only its own row."""

    parent_table: ClassVar[str]
    field: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

    @declared_attr
    def record_id(cls) -> Mapped[int]:  # noqa: N805 - SQLAlchemy's declared_attr
        # Deleting the record (or, through it, its application or profile) deletes its answers.
        return mapped_column(ForeignKey(f"{cls.parent_table}.id", ondelete="CASCADE"), primary_key=True)


class ProfileAnswer(AnswerValue, Base):
    __tablename__ = "profile_answers"
    parent_table = "profiles"


class ProjectAnswer(AnswerValue, Base):
    __tablename__ = "project_answers"
    parent_table = "projects"


class EquipmentAnswer(AnswerValue, Base):
    __tablename__ = "equipment_line_answers"
    parent_table = "equipment_lines"


class LoanAnswer(AnswerValue, Base):
    __tablename__ = "loan_answers"
    parent_table = "loans"


class InstitutionAnswer(AnswerValue, Base):
    __tablename__ = "institution_answers"
    parent_table = "institutions"


ANSWER_TABLES: Final[dict[str, str]] = {
    "profiles": "profile_answers", "projects": "project_answers",
    "equipment_lines": "equipment_line_answers", "loans": "loan_answers",
    "institutions": "institution_answers",
}
