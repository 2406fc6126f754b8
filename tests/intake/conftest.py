"""Desk fixtures: every desk test runs on SQLite and on a throwaway PostgreSQL server."""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desktop.intake.desk import Desk
from tests.intake import postgres
from tests.intake.bundles import honest, members


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    if not postgres.available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but " + postgres.HOW_TO_INSTALL + "  CI must run them.")
        pytest.skip(postgres.HOW_TO_INSTALL)
    with postgres.throwaway_server() as url:
        yield url


def _fresh_database(server_url: str) -> str:
    name = f"desk_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.replace("/postgres?", f"/{name}?")


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    return _fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def desk(desk_url: str) -> Iterator[Desk]:
    opened = Desk(desk_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def gib_manifest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review's case: a bundle of about 1 MB whose manifest.json inflates to 1 GiB."""
    path = tmp_path_factory.mktemp("bombs") / "gib_manifest.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        info = zipfile.ZipInfo("manifest.json")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as member:
            chunk = b" " * (1 << 20)  # whitespace: what a JSON parser would happily read on
            for _ in range(1024):
                member.write(chunk)
        for name, data in members(honest("rd_institution")).items():
            if name != "manifest.json":
                archive.writestr(name, data)
    return path
