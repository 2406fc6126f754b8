"""Hostile inputs to ``assess``, ``draft``, ``import``, ``restore`` and ``rules check``.

Each case builds its input in a fresh work folder, runs the command in-process, and is judged:
*handled* (exit 1 or 2 with a message), *internal* (exit 70 or an exception escaped), and
*lost* (a file that existed before changed, or the profiles in the data folder changed).
``tests/test_hostile_inputs.py`` runs every case; ``python -m tests.hostile_cases`` prints the
table for docs/STORE.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.cli.main import main
from desktop.store.startup import DB_NAME, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RULES = ROOT / "resources" / "rules" / "source"


@dataclass(frozen=True)
class Case:
    family: str
    name: str
    # Builds the input in the work folder and returns the command's arguments.
    build: Callable[[Path, Path], list[str]]
    # Words the message must contain (the user is told the actual reason), if any.
    expect: str = ""


# Python's, SQLite's and argparse's English: never part of a message to the user.
ENGLISH_FRAGMENTS = ("Expecting", "No such file", "Permission denied", "malformed", "file is not a database",
                     "error:", "unrecognized arguments", "usage:", "Is a directory", "Extra data",
                     "the following arguments are required")


@dataclass(frozen=True)
class Outcome:
    code: int
    message: str
    lost: list[str]

    @property
    def english(self) -> list[str]:
        return [fragment for fragment in ENGLISH_FRAGMENTS if fragment in self.message]

    @property
    def handled(self) -> bool:
        return self.code in (1, 2) and bool(self.message.strip()) and "内部错误" not in self.message


# -- building blocks -------------------------------------------------------------------------

def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _facts(work: Path, data: str | bytes) -> list[str]:
    return ["assess", str(_write(work / "facts.json", data))]


def _facts_obj(enterprise: Any = None, **top: Any) -> Callable[[Path, Path], list[str]]:
    def build(work: Path, _data: Path) -> list[str]:
        doc = {"schema_version": 1, "enterprise": enterprise if enterprise is not None else {}, **top}
        return _facts(work, json.dumps(doc, ensure_ascii=False))
    return build


def _raw_facts(data: str | bytes) -> Callable[[Path, Path], list[str]]:
    return lambda work, _data: _facts(work, data)


def _application(work: Path, change: Callable[[dict[str, Any]], None] | None = None) -> Path:
    shutil.copytree(EXAMPLES / "attachments", work / "attachments", dirs_exist_ok=True)
    doc = json.loads((EXAMPLES / "application_loan_interest.json").read_text(encoding="utf-8"))
    if change is not None:
        change(doc)
    return _write(work / "application.json", json.dumps(doc, ensure_ascii=False))


def _draft(change: Callable[[dict[str, Any]], None] | None = None,
           prepare: Callable[[Path], None] | None = None,
           out: str = "out.zip") -> Callable[[Path, Path], list[str]]:
    def build(work: Path, _data: Path) -> list[str]:
        app = _application(work, change)
        if prepare is not None:
            prepare(work)
        target = app if out == "=input" else work / out
        return ["draft", str(app), "--out", str(target), "--created", "2026-01-01T00:00:00"]
    return build


def _raw_draft(data: str | bytes) -> Callable[[Path, Path], list[str]]:
    def build(work: Path, _data: Path) -> list[str]:
        app = _write(work / "application.json", data)
        return ["draft", str(app), "--out", str(work / "out.zip")]
    return build


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


def _attach(*paths: str) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["attachments"] += [{"material": f"附件{i}", "path": p} for i, p in enumerate(paths)]
    return change


def _transfer(data: str | bytes | dict[str, Any]) -> Callable[[Path, Path], list[str]]:
    def build(work: Path, _data: Path) -> list[str]:
        text = data if isinstance(data, str | bytes) else json.dumps(data, ensure_ascii=False)
        return ["import", str(_write(work / "transfer.json", text)), "--yes"]
    return build


def _good_transfer(change: Callable[[dict[str, Any]], None]) -> Callable[[Path, Path], list[str]]:
    def build(work: Path, data_dir: Path) -> list[str]:
        out = work / "export.json"
        _quiet(["--data-dir", str(data_dir), "export", "--profile", "1", "--out", str(out)])
        doc = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
        change(doc)
        return ["import", str(_write(work / "transfer.json", json.dumps(doc, ensure_ascii=False))), "--yes"]
    return build


def _restore(make: Callable[[Path, Path], Path]) -> Callable[[Path, Path], list[str]]:
    return lambda work, data_dir: ["restore", str(make(work, data_dir))]


def _backup_copy(work: Path, data_dir: Path) -> Path:
    out = work / "good.sqlite"
    _quiet(["--data-dir", str(data_dir), "backup", "--out", str(out)])
    return out


def _foreign(work: Path, _data: Path) -> Path:
    path = work / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE profiles (id INTEGER PRIMARY KEY, x TEXT)")
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('0002')")
    conn.commit()
    conn.close()
    return path


def _edited_copy(sql: str) -> Callable[[Path, Path], Path]:
    def make(work: Path, data_dir: Path) -> Path:
        path = _backup_copy(work, data_dir)
        conn = sqlite3.connect(path)
        conn.executescript(sql)
        conn.commit()
        conn.close()
        return path
    return make


def _rules(change: Callable[[Path], None]) -> Callable[[Path, Path], list[str]]:
    def build(work: Path, _data: Path) -> list[str]:
        root = work / "rules"
        shutil.copytree(RULES, root)
        change(root)
        return ["rules", "check", str(root)]
    return build


def _rule_file(text: str | bytes) -> Callable[[Path], None]:
    return lambda root: _write(root / "programmes" / "hostile.yaml", text) and None


def _bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghij"[:levels - 1]:
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join(lines) + "\n"


DEEP = "[" * 100_000 + "]" * 100_000
HUGE_INT = "1" + "0" * 5000


def _sparse(path: str, size: int) -> Callable[[Path], None]:
    def prepare(work: Path) -> None:
        with (work / path).open("wb") as handle:
            handle.truncate(size)
    return prepare


def _link(path: str, target: str) -> Callable[[Path], None]:
    return lambda work: (work / path).symlink_to(target)


# -- the cases ---------------------------------------------------------------------------------

CASES: list[Case] = [
    # facts files (assess)
    Case("facts (assess)", "deep nesting", _raw_facts(DEEP)),
    Case("facts (assess)", "5,000-digit integer",
         _raw_facts('{"enterprise": {"employees": ' + HUGE_INT + "}}")),
    Case("facts (assess)", "1e400", _raw_facts('{"enterprise": {"revenue": 1e400}}')),
    Case("facts (assess)", "NaN", _raw_facts('{"enterprise": {"revenue": NaN}}')),
    Case("facts (assess)", "repeated key", _raw_facts('{"enterprise": {"revenue": "1", "revenue": "-3"}}')),
    Case("facts (assess)", "invalid UTF-8", _raw_facts(b'{"enterprise": {"name": "\xff\xfe"}}')),
    Case("facts (assess)", "empty file", _raw_facts(""), expect="第 1 行第 1 列"),
    Case("facts (assess)", "trailing comma", _raw_facts('{"enterprise": {"revenue": "1",}}'),
         expect="第 1 行第 32 列：应为用英文双引号括起的键名"),
    Case("facts (assess)", "top-level list", _raw_facts("[1, 2]")),
    Case("facts (assess)", "top-level string", _raw_facts('"x"')),
    Case("facts (assess)", "enterprise is a string", _facts_obj("x")),
    Case("facts (assess)", "loans is an object", _facts_obj({}, loans={"a": 1})),
    Case("facts (assess)", "loans holds numbers", _facts_obj({}, loans=[1, 2])),
    Case("facts (assess)", "employees: true", _facts_obj({"employees": True})),
    Case("facts (assess)", "employees: -5", _facts_obj({"employees": -5})),
    Case("facts (assess)", "employees: 2.5", _facts_obj({"employees": 2.5})),
    Case("facts (assess)", "provincial subsidy rate -3", _facts_obj({"first_set_provincial_rate": -3})),
    Case("facts (assess)", "provincial subsidy rate 1.5", _facts_obj({"first_set_provincial_rate": "1.5"})),
    Case("facts (assess)", "loan rate -0.05", _facts_obj({}, loans=[{"annual_rate": "-0.05"}])),
    Case("facts (assess)", "revenue 10^13", _facts_obj({"revenue": "10000000000000"})),
    Case("facts (assess)", "revenue negative", _facts_obj({"revenue": "-1"})),
    Case("facts (assess)", "revenue: true", _facts_obj({"revenue": True})),
    Case("facts (assess)", "date 0001-01-01", _facts_obj({"listed_on": "0001-01-01"})),
    Case("facts (assess)", "date 2026-02-30", _facts_obj({"listed_on": "2026-02-30"})),
    Case("facts (assess)", "date 9999-12-31", _facts_obj({"listed_on": "9999-12-31"})),
    Case("facts (assess)", "unknown field", _facts_obj({"salary_of_boss": 1})),
    Case("facts (assess)", "schema_version 99", _facts_obj({}, schema_version=99)),
    Case("facts (assess)", "schema_version list", _facts_obj({}, schema_version=[1])),
    Case("facts (assess)", "file is a folder", lambda work, _d: ["assess", str(work)]),
    Case("facts (assess)", "file missing", lambda work, _d: ["assess", str(work / "none.json")]),
    Case("facts (assess)", "device /dev/zero", lambda _w, _d: ["assess", "/dev/zero"]),
    Case("facts (assess)", "named pipe", lambda work, _d: (os.mkfifo(work / "pipe.json"),
                                                          ["assess", str(work / "pipe.json")])[1]),
    # application files (draft)
    Case("application (draft)", "deep nesting", _raw_draft(DEEP)),
    Case("application (draft)", "5,000-digit integer", _raw_draft('{"kind": ' + HUGE_INT + "}")),
    Case("application (draft)", "invalid UTF-8", _raw_draft(b"{\"kind\": \"\xff\"}")),
    Case("application (draft)", "not JSON", _raw_draft("kind: loan"), expect="第 1 行第 1 列：应为一个值"),
    Case("application (draft)", "top-level list", _raw_draft("[]")),
    Case("application (draft)", "invalid credit code", _draft(_set("enterprise.uscc", "91630104MA753Q2P1X"))),
    Case("application (draft)", "missing credit code", _draft(_set("enterprise.uscc", None))),
    Case("application (draft)", "loans is a string", _draft(_set("loans", "x"))),
    Case("application (draft)", "attachments is an object", _draft(_set("attachments", {"a": 1}))),
    Case("application (draft)", "loan rate -0.05", _draft(_set("loans.0.annual_rate", "-0.05"))),
    Case("application (draft)", "principal: true", _draft(_set("loans.0.principal", True))),
    Case("application (draft)", "prepared_on 2026-13-01", _draft(_set("prepared_on", "2026-13-01"))),
    Case("application (draft)", "two attachments with one name",
         _draft(_attach("a/流动资金贷款合同.pdf"),
                lambda work: (work / "a").mkdir()
                or shutil.copy(work / "attachments" / "流动资金贷款合同.pdf", work / "a"))),
    Case("application (draft)", "--out is the application", _draft(out="=input")),
    Case("application (draft)", "--out is an existing unrelated file",
         _draft(prepare=lambda work: _write(work / "重要合同.docx", b"PK\x03\x04 contract") and None,
                out="重要合同.docx"), expect="已存在"),
    Case("application (draft)", "--out is an existing zip",
         _draft(prepare=lambda work: _write(work / "out.zip", b"an earlier bundle") and None),
         expect="--force"),
    Case("application (draft)", "--out folder missing", _draft(out="no/such/folder/out.zip")),
    Case("application (draft)", "--out is a folder", _draft(out="attachments")),
    Case("application (draft)", "attachment ../", _draft(_attach("../secret.pdf"))),
    Case("application (draft)", "attachment absolute", _draft(_attach("/etc/passwd"))),
    Case("application (draft)", "attachment symlink outside", _draft(_attach("link.pdf"),
                                                                     _link("link.pdf", "/etc/hostname"))),
    Case("application (draft)", "attachment /dev/zero", _draft(_attach("zero.pdf"),
                                                               _link("zero.pdf", "/dev/zero"))),
    Case("application (draft)", "attachment is a folder", _draft(_attach("attachments"))),
    Case("application (draft)", "attachment missing", _draft(_attach("nothing.pdf")), expect="找不到文件"),
    Case("application (draft)", "attachment over 50 MB", _draft(_attach("big.pdf"),
                                                                _sparse("big.pdf", 60_000_000))),
    Case("application (draft)", "application missing", lambda work, _d: ["draft", str(work / "x.json"),
                                                                         "--out", str(work / "o.zip")]),
    # transfer files (import)
    Case("transfer (import)", "deep nesting", _transfer(DEEP)),
    Case("transfer (import)", "5,000-digit integer", _transfer('{"format": ' + HUGE_INT + "}")),
    Case("transfer (import)", "invalid UTF-8", _transfer(b'{"format": "\xff"}')),
    Case("transfer (import)", "empty", _transfer("")),
    Case("transfer (import)", "top-level list", _transfer("[]")),
    Case("transfer (import)", "unknown format", _transfer({"format": "other"})),
    Case("transfer (import)", "schema_version true", _good_transfer(_set("schema_version", True))),
    Case("transfer (import)", "schema_version 99", _good_transfer(_set("schema_version", 99))),
    Case("transfer (import)", "profile is a list", _good_transfer(_set("profile", []))),
    Case("transfer (import)", "answers hold a number", _good_transfer(_set("profile.answers.employees", 12))),
    Case("transfer (import)", "answers hold an object", _good_transfer(_set("profile.answers", {"a": {}}))),
    Case("transfer (import)", "applications is an object", _good_transfer(_set("applications", {}))),
    Case("transfer (import)", "bad field name", _good_transfer(_set("profile.answers", {"Bad Name!": "1"}))),
    Case("transfer (import)", "answer of 200,000 characters",
         _good_transfer(_set("profile.answers", {"name": "长" * 200_000}))),
    Case("transfer (import)", "file missing", lambda work, _d: ["import", str(work / "x.json")]),
    # database files (restore)
    Case("database (backup, export)", "backup --out folder missing",
         lambda work, _d: ["backup", "--out", str(work / "no" / "b.sqlite")]),
    Case("database (backup, export)", "backup --out is a folder",
         lambda work, _d: ["backup", "--out", str(work)]),
    Case("database (backup, export)", "backup --out is the live database, --force",
         lambda _w, d: ["backup", "--out", str(d / DB_NAME), "--force"], expect="正在使用的数据库"),
    Case("database (backup, export)", "backup --out is the live WAL, --force",
         lambda _w, d: ["backup", "--out", str(d / f"{DB_NAME}-wal"), "--force"], expect="正在使用的数据库"),
    Case("database (backup, export)", "backup --out is a link to the live database, --force",
         lambda work, d: ((work / "b.sqlite").symlink_to(d / DB_NAME),
                          ["backup", "--out", str(work / "b.sqlite"), "--force"])[1],
         expect="正在使用的数据库"),
    Case("database (backup, export)", "export --out folder missing",
         lambda work, _d: ["export", "--profile", "1", "--out", str(work / "no" / "e.json")]),
    Case("database (backup, export)", "export of an unknown profile",
         lambda work, _d: ["export", "--profile", "nobody", "--out", str(work / "e.json")]),
    Case("database (restore)", "another program's SQLite", _restore(_foreign)),
    Case("database (restore)", "empty file", _restore(lambda work, _d: _write(work / "e.sqlite", b""))),
    Case("database (restore)", "text file", _restore(lambda work, _d: _write(work / "t.sqlite", "hello")),
         expect="不是 SQLite 数据库文件"),
    Case("database (restore)", "truncated backup",
         _restore(lambda work, d: _write(work / "cut.sqlite", _backup_copy(work, d).read_bytes()[:5000])),
         expect="损坏"),
    Case("database (restore)", "the live database", _restore(lambda _w, d: d / DB_NAME)),
    Case("database (restore)", "a folder", _restore(lambda work, _d: work)),
    Case("database (restore)", "missing", _restore(lambda work, _d: work / "none.sqlite")),
    Case("database (restore)", "foreign application_id",
         _restore(_edited_copy("PRAGMA application_id = 7;"))),
    Case("database (restore)", "newer revision",
         _restore(_edited_copy("UPDATE alembic_version SET version_num='0099';"))),
    Case("database (restore)", "extra table", _restore(_edited_copy("CREATE TABLE extra (x);"))),
    Case("database (restore)", "record not UTF-8",
         _restore(_edited_copy("UPDATE profile_answers SET value = CAST(x'c3ff28' AS TEXT);"))),
    Case("database (restore)", "answer not text",
         _restore(_edited_copy("UPDATE profile_answers SET value = x'00ff';"))),
    Case("database (restore)", "settings not JSON",
         _restore(_edited_copy("INSERT INTO settings VALUES ('k', '{oops');"))),
    # the command line itself (argparse)
    Case("command line", "unknown option", lambda _w, _d: ["profiles", "--bogus"], expect="无法识别的参数"),
    Case("command line", "missing --out", lambda work, _d: ["draft", str(work / "a.json")],
         expect="缺少必需的参数"),
    Case("command line", "bad date", lambda work, _d: ["assess", str(work / "a.json"), "--on", "昨天"],
         expect="日期"),
    # rule sources (rules check)
    Case("rules (rules check)", "YAML alias bomb", _rules(_rule_file(_bomb()))),
    Case("rules (rules check)", "self-referencing alias", _rules(_rule_file("a: &a [*a]\n"))),
    Case("rules (rules check)", "deep nesting", _rules(_rule_file("a: " + "[" * 50_000 + "]" * 50_000))),
    Case("rules (rules check)", "python tag",
         _rules(_rule_file("a: !!python/object/apply:os.system ['true']\n"))),
    Case("rules (rules check)", "invalid UTF-8", _rules(_rule_file(b"programmes: [\xff]\n"))),
    Case("rules (rules check)", "not YAML", _rules(_rule_file("programmes: [:\n"))),
    Case("rules (rules check)", "programmes is a number", _rules(_rule_file("programmes: 5\n"))),
    Case("rules (rules check)", "pack.yaml missing", _rules(lambda root: (root / "pack.yaml").unlink())),
    Case("rules (rules check)", "folder missing", lambda work, _d: ["rules", "check", str(work / "none")]),
]


def _quiet(argv: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(argv)


def _fingerprint(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 10_000_000:
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _profiles(data_dir: Path) -> list[tuple[str, str | None]]:
    opened = open_store(data_dir)
    try:
        return [(p.name, p.uscc) for p in opened.store.list_profiles()]
    finally:
        opened.close(backup=False)


def prepare_data_dir(data_dir: Path) -> None:
    """A data folder with one enterprise, as hostile imports and restores meet it."""
    opened = open_store(data_dir)
    try:
        opened.store.create_profile({"name": "青海示例铁合金有限公司", "uscc": "91630104MA753Q2P1D",
                                     "employees": "260"})
    finally:
        opened.close()


def run_case(case: Case, work: Path, data_dir: Path) -> Outcome:
    work.mkdir(parents=True, exist_ok=True)
    argv = case.build(work, data_dir)
    before_files = _fingerprint(work)
    before_profiles = _profiles(data_dir)
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            try:
                code = main(["--data-dir", str(data_dir), *argv])
            except SystemExit as exit_:  # argparse's usage errors: the process's exit code
                if not isinstance(exit_.code, int):
                    raise
                code = exit_.code
    except BaseException as exc:  # what escapes is exactly what is counted
        return Outcome(70, f"{type(exc).__name__}: {exc}", [])
    after = _fingerprint(work)
    lost = [name for name, digest in before_files.items() if after.get(name) != digest]
    if _profiles(data_dir) != before_profiles:
        lost.append("profiles in the data folder")
    return Outcome(code, err.getvalue(), lost)


def table(results: list[tuple[Case, Outcome]]) -> str:
    families: dict[str, list[Outcome]] = {}
    for case, outcome in results:
        families.setdefault(case.family, []).append(outcome)
    lines = ["| input family | cases tried | handled with a clear message | internal errors "
             "| anything lost |",
             "|---|---:|---:|---:|---:|"]
    for family, outcomes in families.items():
        lines.append(f"| {family} | {len(outcomes)} | {sum(o.handled for o in outcomes)} | "
                     f"{sum(o.code == 70 for o in outcomes)} | {sum(bool(o.lost) for o in outcomes)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        results = []
        for index, case in enumerate(CASES):
            data_dir = Path(folder) / f"data{index}"
            prepare_data_dir(data_dir)
            outcome = run_case(case, Path(folder) / f"work{index}", data_dir)
            results.append((case, outcome))
            if not outcome.handled or outcome.lost:
                print(f"NOT HANDLED {case.family} / {case.name}: {outcome}")
        print(table(results))
