"""Attachments remember which loan they belong to (材料 the text asks for per loan).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN of a nullable column: no table rebuild, existing rows read as "not per loan".
    op.add_column("attachments", sa.Column("loan", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("attachments", "loan")
