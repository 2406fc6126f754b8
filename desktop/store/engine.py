"""Opening the user database: the SQLite settings every connection must have.

WAL lets the UI read while an autosave writes; ``synchronous=FULL`` makes a returned
commit durable across a power cut; foreign keys are off by default in SQLite.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from desktop.store.sqlite_file import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS
from desktop.store.sqlite_file import SQLITE_MAGIC as SQLITE_MAGIC
from desktop.store.sqlite_file import NotADatabaseError as NotADatabaseError
from desktop.store.sqlite_file import check_database_file as check_database_file
from desktop.store.sqlite_file import read_only_connection as read_only_connection
from desktop.store.sqlite_file import sqlite_error_words as sqlite_error_words


def connection_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def make_engine(db_path: Path) -> Engine:
    # Readable JSON in the file: a support person opening it in a SQLite browser sees Chinese.
    # hide_parameters: an error message must never quote what a user typed into the log.
    engine = create_engine(f"sqlite:///{db_path}", hide_parameters=True,
                           json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would defer BEGIN; SQLAlchemy manages it.
        connection_pragmas(dbapi_connection)

    return engine


def make_read_only_engine(db_path: Path) -> Engine:
    """An engine for reading the database while another process (the app) holds the folder.

    Every connection is :func:`read_only_connection`: it can read committed data from the
    app's WAL but never writes, checkpoints, truncates or deletes it, and takes no folder lock.
    """

    def connect() -> sqlite3.Connection:
        conn = read_only_connection(db_path)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    return create_engine("sqlite://", creator=connect, hide_parameters=True,
                         json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False))
