"""Settings move into the database; applications get an index for the list view.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    # The 我的申报 list is ordered by last change; without this it sorts the whole table.
    op.create_index("ix_applications_updated_at", "applications", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_applications_updated_at", "applications")
    op.drop_table("settings")
