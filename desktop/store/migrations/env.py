"""Alembic environment: always run in-process on a connection the app hands over.

The app never runs ``alembic`` from a shell; :mod:`desktop.store.migrate` passes an open
connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from desktop.store.schema import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things, so changes copy the table.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
