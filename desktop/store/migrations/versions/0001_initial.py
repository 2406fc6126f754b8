"""The first user-database schema: profiles, applications and their parts, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _timestamps() -> list[sa.Column[Any]]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _part(name: str, *extra: sa.Column[Any], unique: bool = False) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        *extra,
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE",
                                name=f"fk_{name}_application_id_applications"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        *([sa.UniqueConstraint("application_id", name=f"uq_{name}_application_id")] if unique else []),
    )
    op.create_index(f"ix_{name}_application_id", name, ["application_id"])


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name="pk_profiles"),
        sa.UniqueConstraint("uid", name="uq_profiles_uid"),
    )
    op.create_index("ix_profiles_uscc", "profiles", ["uscc"])
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("programme_id", sa.String(80), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("rulepack_id", sa.String(80), nullable=False),
        sa.Column("rulepack_version", sa.String(40), nullable=False),
        *_timestamps(),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE",
                                name="fk_applications_profile_id_profiles"),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
        sa.UniqueConstraint("uid", name="uq_applications_uid"),
    )
    op.create_index("ix_applications_profile_id", "applications", ["profile_id"])
    _part("projects", unique=True)
    _part("equipment_lines", sa.Column("position", sa.Integer(), nullable=False))
    _part("loans", sa.Column("position", sa.Integer(), nullable=False))
    _part("institutions", unique=True)
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("material", sa.String(200), nullable=False),
        sa.Column("original_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_name", sa.String(100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE",
                                name="fk_attachments_application_id_applications"),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
    )
    op.create_index("ix_attachments_application_id", "attachments", ["application_id"])
    op.create_table(
        "assessment_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("rulepack_id", sa.String(80), nullable=False),
        sa.Column("rulepack_version", sa.String(40), nullable=False),
        sa.Column("rulepack_hash", sa.String(64), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profiles.id"], ondelete="CASCADE",
                                name="fk_assessment_snapshots_profile_id_profiles"),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="SET NULL",
                                name="fk_assessment_snapshots_application_id_applications"),
        sa.PrimaryKeyConstraint("id", name="pk_assessment_snapshots"),
    )
    op.create_index("ix_assessment_snapshots_profile_id", "assessment_snapshots", ["profile_id"])
    op.create_index("ix_assessment_snapshots_application_id", "assessment_snapshots",
                    ["application_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])


def downgrade() -> None:
    for table in ("audit_log", "assessment_snapshots", "attachments", "institutions", "loans",
                  "equipment_lines", "projects", "applications", "profiles"):
        op.drop_table(table)
