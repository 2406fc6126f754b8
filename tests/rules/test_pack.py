"""The bundled rule pack: verbatim citations, coverage of all five documents, integrity."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.paths import resource
from desktop.rulepacks.citations import all_citations
from desktop.rules.database import bundled_pack_path, read_database, write_database
from desktop.rules.describe import describe_pack
from desktop.rules.loader import load_pack_dir, load_source_dir, source_digest
from desktop.rules.pack import RulePack, RulePackError

SOURCE = resource("rules", "source")


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack_dir(SOURCE)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_excerpt_is_verbatim_in_its_source(pack: RulePack) -> None:
    texts = {f.name: _squash(f.read_text(encoding="utf-8"))
             for f in resource("policies").glob("*.txt")}
    citations = all_citations(pack)
    assert len(citations) > 100
    missing = [(rule, file, excerpt) for rule, file, excerpt in citations
               if _squash(excerpt) not in texts[file]]
    assert not missing, "\n".join(f"{r}: {f}: {e}" for r, f, e in missing)


def test_every_document_has_a_programme(pack: RulePack) -> None:
    described = describe_pack(pack)
    files = {p["document"]["file"] for p in described["programmes"]}
    assert files == {f.name for f in resource("policies").glob("*.txt")}


def test_compiled_database_matches_the_yaml_source() -> None:
    source, _ = load_source_dir(SOURCE)
    bundled = read_database(bundled_pack_path())
    assert bundled.identity.sha256 == source_digest(source), (
        "resources/rules/compiled/rulepack.sqlite is stale: run "
        "python -m desktop rules compile resources/rules/source "
        "--out resources/rules/compiled/rulepack.sqlite")


def test_tampered_database_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "pack.sqlite"
    shutil.copy(bundled_pack_path(), copy)
    with sqlite3.connect(copy) as db:
        row = db.execute("SELECT json FROM source").fetchone()[0]
        db.execute("UPDATE source SET json = ?", (row.replace("500万元", "900万元"),))
    db.close()
    with pytest.raises(RulePackError) as error:
        read_database(copy)
    assert "篡改" in str(error.value.problems[0])


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100])
def test_garbage_database_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pack.sqlite"
    path.write_bytes(content)
    with pytest.raises(RulePackError):
        read_database(path)


def test_compile_round_trip(tmp_path: Path, pack: RulePack) -> None:
    out = tmp_path / "p.sqlite"
    digest = write_database(pack.source, out)
    assert read_database(out).identity.sha256 == digest == pack.identity.sha256
