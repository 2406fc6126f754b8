"""Addresses written for psycopg (or plain libpq URIs) become pg8000 ones, or are refused in Chinese."""

from __future__ import annotations

import getpass
import ssl
import sys
from pathlib import Path

import pytest

from desktop.intake.address import SOCKET_DIRS, AddressError, desk_address


@pytest.fixture(autouse=True)
def _no_libpq_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))


@pytest.mark.parametrize("written", [
    "postgresql+psycopg://desk:secret@server:5433/county",
    "postgresql://desk:secret@server:5433/county",
    "postgresql+psycopg2://desk:secret@server:5433/county",
    "postgres://desk:secret@server:5433/county",
    "postgresql+pg8000://desk:secret@server:5433/county",
])
def test_a_written_down_address_keeps_user_password_host_port_and_database(written: str) -> None:
    address = desk_address(written)
    assert address.url.render_as_string(hide_password=False) == \
        "postgresql+pg8000://desk:secret@server:5433/county"
    assert address.connect_args == {}


def test_a_socket_folder_becomes_pg8000s_socket_path() -> None:
    address = desk_address("postgresql+psycopg://desk:pw@/county?host=/run/pg&port=5433")
    assert address.url.host is None and address.url.port is None
    assert address.url.query == {"unix_sock": "/run/pg/.s.PGSQL.5433"}
    assert (address.url.username, address.url.password, address.url.database) == ("desk", "pw", "county")
    assert desk_address("postgresql://desk:pw@/county?host=/run/pg").url.query["unix_sock"] == \
        "/run/pg/.s.PGSQL.5432"


@pytest.mark.skipif(sys.platform == "win32", reason="libpq uses localhost on Windows")
def test_without_a_host_the_server_on_this_machine_through_libpqs_socket_folder() -> None:
    socket = Path(desk_address("postgresql://desk:pw@/county").url.query["unix_sock"])
    assert socket.name == ".s.PGSQL.5432" and socket.parent in SOCKET_DIRS


def test_libpq_parameters_in_the_query_name_the_connection() -> None:
    url = desk_address("postgresql:///?host=server&port=6432&dbname=county&user=desk&password=pw"
                       "&application_name=desk1").url
    assert (url.host, url.port, url.database, url.username, url.password) == \
        ("server", 6432, "county", "desk", "pw")
    assert url.query == {"application_name": "desk1"}


def test_without_a_user_name_the_system_users_as_libpq() -> None:
    assert desk_address("postgresql://server/county").url.username == getpass.getuser()


def test_the_password_comes_from_pgpassword_or_the_pgpass_file(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("# comment\nother:5432:county:desk:wrong\n"
                      "server:5432:*:desk:pa\\:ss\\\\word\n*:*:*:*:fallback\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert desk_address("postgresql://desk@server/county").url.password == "pa:ss\\word"
    assert desk_address("postgresql://desk@elsewhere/county").url.password == "fallback"
    assert desk_address("postgresql://desk:given@server/county").url.password == "given"
    monkeypatch.setenv("PGPASSWORD", "from-env")
    assert desk_address("postgresql://desk@server/county").url.password == "from-env"
    monkeypatch.delenv("PGPASSWORD")
    pgpass.chmod(0o644)  # libpq ignores a file others can read
    assert desk_address("postgresql://desk@server/county").url.password is None


@pytest.mark.parametrize(("mode", "verify", "names"), [
    ("require", ssl.CERT_NONE, False),
    ("verify-ca", ssl.CERT_REQUIRED, False),
    ("verify-full", ssl.CERT_REQUIRED, True),
])
def test_sslmode_becomes_an_ssl_context(mode: str, verify: ssl.VerifyMode, names: bool) -> None:
    context = desk_address(f"postgresql+psycopg://desk:pw@server/county?sslmode={mode}").connect_args["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert (context.verify_mode, context.check_hostname) == (verify, names)


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer"])
def test_sslmodes_that_allow_plain_connections_connect_plainly(mode: str) -> None:
    assert desk_address(f"postgresql://desk:pw@server/county?sslmode={mode}").connect_args == {}


def test_sslmode_is_ignored_on_a_unix_socket_as_libpq_does() -> None:
    assert desk_address("postgresql://desk:pw@/county?host=/run/pg&sslmode=require").connect_args == {}


@pytest.mark.parametrize(("written", "said"), [
    ("postgresql+psycopg://desk@server/county?connect_timeout=10", "参数 connect_timeout 不受支持"),
    ("postgresql://desk@server/county?sslmode=sometimes", "sslmode=sometimes 无法识别"),
    ("postgresql://desk@server/county?host=a,b", "只能写一台服务器"),
    ("postgresql://desk@server:port/county", "无法解析"),
    ("postgresql+asyncpg://desk@server/county", r"不支持 postgresql\+asyncpg"),
    ("mysql://desk@server/county", "只支持 SQLite 与 PostgreSQL"),
    ("not an address", "无法解析"),
])
def test_what_pg8000_cannot_do_is_refused_saying_what_to_write(written: str, said: str) -> None:
    with pytest.raises(AddressError, match=said) as refused:
        desk_address(written)
    assert "postgresql+pg8000://" in str(refused.value) or "sslmode" in str(refused.value)


def test_sqlite_addresses_are_left_alone(tmp_path: Path) -> None:
    written = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert desk_address(written).url.render_as_string() == written
