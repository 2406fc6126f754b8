"""One row per answer, and the file says whose it is.

Each record's ``answers`` JSON object becomes rows of ``<record>_answers`` (record, field,
value): a save then writes only its own row, so two writers saving different fields of one
record can no longer overwrite each other's work.  ``PRAGMA application_id`` marks the file
as this program's database, so ``restore`` can recognise it positively.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Kept literal here: a migration must not change when the app's constants do.
APPLICATION_ID = 0x48514253  # "HQBS": 惠企申报
ANSWER_TABLES = {
    "profiles": "profile_answers", "projects": "project_answers",
    "equipment_lines": "equipment_line_answers", "loans": "loan_answers",
    "institutions": "institution_answers",
}


def _rows(record_id: int, raw: Any) -> list[dict[str, Any]]:
    """The answers of one record as rows; nothing the old column held is dropped."""
    try:
        answers = json.loads(raw) if isinstance(raw, str | bytes) else raw
    except ValueError:
        answers = {"legacy_unreadable_answers": str(raw)}
    if not isinstance(answers, dict):
        answers = {"legacy_unreadable_answers": json.dumps(answers, ensure_ascii=False)}
    rows = []
    for field, value in answers.items():
        if value is None:
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if text.strip():
            rows.append({"record_id": record_id, "field": str(field)[:80], "value": text})
    return rows


def upgrade() -> None:
    bind = op.get_bind()
    for parent, table in ANSWER_TABLES.items():
        created = op.create_table(
            table,
            sa.Column("field", sa.String(80), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.Column("record_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["record_id"], [f"{parent}.id"], ondelete="CASCADE",
                                    name=f"fk_{table}_record_id_{parent}"),
            sa.PrimaryKeyConstraint("field", "record_id", name=f"pk_{table}"),
        )
        assert created is not None
        rows: list[dict[str, Any]] = []
        query = sa.text(f"SELECT id, answers FROM {parent}")  # noqa: S608 - our own table names
        for record_id, raw in bind.execute(query):
            rows.extend(_rows(record_id, raw))
        if rows:
            op.bulk_insert(created, rows)
        # SQLite >= 3.35 drops a plain column in place (no table rebuild, so no cascade).
        op.execute(f"ALTER TABLE {parent} DROP COLUMN answers")
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    raise NotImplementedError("answer rows are not folded back into JSON")
