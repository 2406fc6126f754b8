"""What the PostgreSQL driver (pg8000) must get right for the desk, checked on both back ends
where it applies: exact amounts and JSON round trips, many rows in one INSERT, two desks racing
for one bundle, addresses written for psycopg, and the official's words when a server cannot
be reached or refuses the login."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import event, select

from desktop.bundle.proof import prove
from desktop.cli.main import main
from desktop.intake.desk import Desk, DeskError, Stored, row_values, to_decimal
from desktop.intake.models import AuditEntry
from desktop.rules.database import bundled_pack
from tests.intake import postgres
from tests.intake.bundles import honest, write
from tests.intake.conftest import _fresh_database


@pytest.fixture(scope="module")
def proven_row(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = write(tmp_path_factory.mktemp("bundle") / "rd.zip", honest("rd_institution"))
    proof = prove(path, bundled_pack())
    assert proof.ok, proof.problems
    return row_values(proof)


def _rows(base: dict[str, Any], count: int, tag: str = "") -> list[dict[str, Any]]:
    return [{**base, "bundle_sha256": f"{tag}{n:064x}"[-64:], "file_name": f"申报包{n}.zip",
             "requested_yuan": f"{n}12345678901.{n % 100:02d}"} for n in range(count)]


def test_amounts_and_json_come_back_exactly(desk: Desk, proven_row: dict[str, Any]) -> None:
    proof = {**proven_row["proof"], "notes": ["企业自评“符合”，本机复核“符合”", "引号\"与反斜杠\\"],
             "nested": {"金额": "123456789012.34", "list": [1, 2.5, None, True, "元"]}}
    row = {**proven_row, "requested_yuan": "99999999999999.99", "claimed_wan": "0.01", "proof": proof}
    [stored] = desk.store_rows([row], who="王科长")
    back = desk.get(stored.id)
    assert to_decimal(back.requested_yuan) == Decimal("99999999999999.99")
    assert back.requested_yuan == "99999999999999.99" and back.claimed_wan == "0.01"
    assert back.proof == proof


def test_more_rows_than_a_batch_in_one_insert_keep_their_order(desk: Desk,
                                                               proven_row: dict[str, Any]) -> None:
    rows = _rows(proven_row, 120)
    rows.insert(60, rows[7])  # the same bundle twice in one delivery
    stored = desk.store_rows(rows, who="王科长")
    assert [s.new for s in stored] == [True] * 60 + [False] + [True] * 60
    assert stored[60].id == stored[7].id and len({s.id for s in stored}) == 120
    by_id = {r.id: r for r in desk.rows()}
    for row, kept in zip(rows, stored, strict=True):
        assert by_id[kept.id].bundle_sha256 == row["bundle_sha256"]
        assert by_id[kept.id].requested_yuan == row["requested_yuan"]
    with desk.session() as session:
        audited = session.scalars(select(AuditEntry.application_id)
                                  .where(AuditEntry.action == "receive")).all()
    assert sorted(audited) == sorted({s.id for s in stored})


def test_two_desks_racing_for_one_bundle_keep_it_once(desk_url: str, proven_row: dict[str, Any]) -> None:
    """The other desk commits the bundle between this desk's look-up and its INSERT: the
    database's unique key refuses the second copy (pg8000 reports it as a DatabaseError with
    SQLSTATE 23505) and the desk falls back to one row at a time."""
    mine, theirs = Desk(desk_url), Desk(desk_url)
    contested, fresh, alone = _rows(proven_row, 3, tag="race")
    first: list[dict[str, Any]] = []  # what the other desk receives just before this desk's INSERT
    taken: list[int] = []

    @event.listens_for(mine.engine, "before_cursor_execute")
    def _other_desk_first(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO received_applications") and first:
            taken.append(theirs.store_rows([first.pop()], who="赵主任")[0].id)

    try:
        first.append(contested)
        stored = mine.store_rows([contested, fresh], who="王科长")
        assert stored[0] == Stored(taken[0], new=False) and stored[1].new
        assert [r.received_by for r in mine.rows()] == ["赵主任", "王科长"]
        first.append(alone)
        with pytest.raises(DeskError, match="刚被另一位工作人员收件"):
            mine.store_rows([alone], who="王科长")
        assert len(mine.rows()) == 3
    finally:
        mine.close()
        theirs.close()


# --- PostgreSQL only: addresses and login ---------------------------------------------------

@pytest.fixture
def server(postgres_server: str) -> tuple[str, Path]:
    """A fresh PostgreSQL database: its pg8000 URL and the server's socket folder."""
    url = _fresh_database(postgres_server)
    return url, Path(url.split("unix_sock=", 1)[1]).parent


def _database(url: str) -> str:
    return url.split("@/", 1)[1].split("?", 1)[0]


@pytest.mark.parametrize("driver", ["postgresql+psycopg", "postgresql"])
def test_an_address_written_for_psycopg_opens_the_same_database(server: tuple[str, Path], driver: str,
                                                                proven_row: dict[str, Any]) -> None:
    url, folder = server
    with_pg8000 = Desk(url)
    try:
        [stored] = with_pg8000.store_rows([proven_row], who="王科长")
    finally:
        with_pg8000.close()
    written = f"{driver}://desk:{quote(postgres.PASSWORD, safe='')}@/{_database(url)}?host={folder}"
    old = Desk(written)
    try:
        assert [r.id for r in old.rows()] == [stored.id]
        assert old.engine.dialect.driver == "pg8000"
    finally:
        old.close()


def test_a_password_in_the_pgpass_file_is_used(server: tuple[str, Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    url, folder = server
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{folder}:5432:*:desk:{postgres.PASSWORD}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    Desk(f"postgresql://desk@/{_database(url)}?host={folder}").close()


def _refused(url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """The CLI's exit code (1, as for any desk it cannot open) and its message."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    with pytest.raises(DeskError) as refused:
        Desk(url)
    capsys.readouterr()
    assert main(["received", "--db", url]) == 1
    said = capsys.readouterr().err
    assert str(refused.value) in said and "Traceback" not in said
    assert "口令" not in said  # the password never appears in a message
    return str(refused.value)


def test_a_wrong_password_is_named(server: tuple[str, Path], capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    url, folder = server
    said = _refused(f"postgresql+pg8000://desk:{quote('口令 wrong')}@/{_database(url)}"
                    f"?unix_sock={folder}/.s.PGSQL.5432", capsys, monkeypatch)
    assert "用户名或密码不对" in said and "desk" in said


def test_a_missing_password_says_where_to_write_it(server: tuple[str, Path],
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    url, folder = server
    said = _refused(f"postgresql://desk@/{_database(url)}?host={folder}", capsys, monkeypatch)
    assert "要求密码" in said and "postgresql+pg8000://用户名:密码@" in said


def test_a_database_that_does_not_exist_is_named(server: tuple[str, Path], capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = server
    said = _refused(url.replace(f"/{_database(url)}?", "/no_such_desk?"), capsys, monkeypatch)
    assert "没有数据库 no_such_desk" in said


def test_a_server_that_cannot_be_reached_is_named(server: tuple[str, Path],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url, folder = server
    gone = tmp_path / ".s.PGSQL.5432"
    said = _refused(url.replace(f"{folder}/.s.PGSQL.5432", str(gone)), capsys, monkeypatch)
    assert f"连接不上数据库服务器 {gone}" in said and "防火墙" in said
