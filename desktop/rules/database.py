"""The compiled rule database: what the app reads at run time.

It holds the validated pack as canonical JSON plus its SHA-256.  Reading re-validates
everything and recomputes the hash, so a damaged or edited file is refused as a whole.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from desktop.paths import resource
from desktop.rules.model import RulePackSource, source_digest
from desktop.rules.pack import Problem, RulePack, RulePackError, compile_pack

BUNDLED_PACK = ("rules", "compiled", "rulepack.sqlite")
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE programme (id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL,
                        region TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE source (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
"""


def write_database(source: RulePackSource, path: Path) -> str:
    """Write the compiled database atomically; return the pack's SHA-256."""
    digest = source_digest(source)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(source.model_dump(mode="json", by_alias=True), ensure_ascii=False,
                         sort_keys=True, indent=1)
    with sqlite3.connect(tmp) as db:
        db.executescript(_SCHEMA)
        header = source.header
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("id", header.id), ("version", header.version), ("title", header.title),
            ("sha256", digest), ("format", str(header.format)),
        ])
        db.executemany("INSERT INTO programme VALUES (?, ?, ?, ?, ?)", [
            (p.id, i, p.kind, p.region, p.title) for i, p in enumerate(source.programmes)
        ])
        db.execute("INSERT INTO source VALUES (1, ?)", (payload,))
    db.close()
    tmp.replace(path)
    return digest


def read_database(path: Path) -> RulePack:
    """Open read-only, check integrity and hash, validate and compile; all or nothing."""
    name = path.name

    def refuse(message: str) -> RulePackError:
        return RulePackError([Problem(name, None, "-", "-", message)])

    if not path.is_file():
        raise refuse("规则库文件不存在")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise refuse("规则库文件已损坏（完整性检查未通过）")
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            row = db.execute("SELECT json FROM source WHERE id = 1").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise refuse(f"不是有效的规则库文件：{exc}") from exc
    if row is None or "sha256" not in meta:
        raise refuse("规则库文件不完整")
    try:
        source = RulePackSource.model_validate_json(row[0])
    except ValidationError as exc:
        raise RulePackError([
            Problem(name, None, "-", ".".join(str(p) for p in e["loc"]), e["msg"])
            for e in exc.errors()
        ]) from exc
    digest = source_digest(source)
    if digest != meta["sha256"]:
        raise refuse("规则库内容与其校验值不符，文件可能被篡改，已拒绝加载")
    return compile_pack(source, digest, check_figures=False)


def bundled_pack_path() -> Path:
    return resource(*BUNDLED_PACK)


@cache
def bundled_pack() -> RulePack:
    return read_database(bundled_pack_path())


def load_any(path: Path) -> RulePack:
    """A YAML source folder or a compiled ``.sqlite`` file."""
    from desktop.rules.loader import load_pack_dir

    return load_pack_dir(path) if path.is_dir() else read_database(path)
