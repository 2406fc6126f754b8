"""What a new user tripped over in issue 14's trial (README only), each fixed and kept fixed.

The hostile-input cases of the trial (draft over an existing file, backup onto the live
database, English fragments in messages) are in :mod:`tests.hostile_cases`; these tests cover
what needs more than one command: ``--force``, reading beside the running app, the log, and
the message about a set-aside WAL.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from desktop.cli.main import main
from desktop.store.records import RecordRef
from desktop.store.startup import DB_NAME, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "application_loan_interest.json"


def _run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_draft_writes_a_new_file_refuses_an_existing_one_and_overwrites_only_with_force(
        tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples", work)
    data = str(tmp_path / "data")
    out = work / "贴息申报包.zip"  # the README's example: a new file
    args = ["--data-dir", data, "draft", str(work / EXAMPLE.name), "--out", str(out),
            "--created", "2026-01-01T00:00:00"]
    assert _run(*args)[0] == 0
    assert zipfile.ZipFile(out).testzip() is None

    contract = work / "重要合同.docx"
    contract.write_bytes(b"PK\x03\x04 the user's contract")
    args[args.index(str(out))] = str(contract)
    code, message = _run(*args)
    assert code == 2
    assert "已存在" in message and "--force" in message
    assert contract.read_bytes() == b"PK\x03\x04 the user's contract"

    assert _run(*args, "--force")[0] == 0
    assert "manifest.json" in zipfile.ZipFile(contract).namelist()


def test_profiles_and_export_read_beside_the_running_app_without_touching_its_wal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = open_store(data)  # the app: holds the folder lock and the WAL
    try:
        profile = RecordRef("profile", app.store.create_profile(
            {"name": "青海示例铁合金有限公司", "uscc": "91630104MA753Q2P1D"}))
        app.store.save_answer(profile, "employees", "260")
        wal = data / f"{DB_NAME}-wal"
        assert wal.stat().st_size > 0  # the edits are in the WAL, not yet in the database file
        before = (_digest(wal), _digest(data / DB_NAME))

        listing = _cli(data, "profiles")
        assert listing.returncode == 0, listing.stderr
        assert "青海示例铁合金有限公司" in listing.stdout
        exported = _cli(data, "export", "--profile", "91630104MA753Q2P1D", "--out", str(tmp_path / "e.json"))
        assert exported.returncode == 0, exported.stderr
        assert "260" in (tmp_path / "e.json").read_text(encoding="utf-8")

        assert (_digest(wal), _digest(data / DB_NAME)) == before
        # A command that writes is still refused while the app holds the folder.
        refused = _cli(data, "import", str(tmp_path / "e.json"), "--yes")
        assert refused.returncode == 1 and "正在使用数据目录" in refused.stderr
        # And the app goes on saving.
        assert app.store.save_answer(profile, "employees", "261")
    finally:
        app.close(backup=False)


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_cli_commands_backups_and_restores_are_logged_by_name_only(tmp_path: Path) -> None:
    data = tmp_path / "data"
    opened = open_store(data)
    opened.store.create_profile({"name": "青海示例铁合金有限公司"})
    opened.close()
    private = tmp_path / "张三的文件夹"
    private.mkdir()
    backup = private / "周五备份.sqlite"
    assert _run("--data-dir", str(data), "backup", "--out", str(backup))[0] == 0
    assert _run("--data-dir", str(data), "backup", "--out", str(backup))[0] == 1  # exists: refused
    assert _run("--data-dir", str(data), "restore", str(backup))[0] == 0
    assert _run("--data-dir", str(data), "profiles")[0] == 0

    log = (data / "logs" / "desktop.log").read_text(encoding="utf-8")
    assert "command backup finished (exit 0)" in log
    assert "command backup refused (exit 1, 0 problems)" in log
    assert "backup written to a file named 周五备份.sqlite" in log
    assert "restored from a file named 周五备份.sqlite (1 家企业、0 份申报)" in log
    assert "command restore finished (exit 0)" in log
    assert "command profiles finished (exit 0)" in log
    assert "张三的文件夹" not in log and str(tmp_path) not in log
    assert "青海示例铁合金有限公司" not in log


def test_a_wal_left_without_its_database_is_named_in_the_recovery_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    opened = open_store(data)
    opened.store.create_profile({"name": "青海示例铁合金有限公司"})
    opened.close()  # today's backup holds the profile
    (data / DB_NAME).unlink()
    (data / f"{DB_NAME}-wal").write_bytes(b"the last edits, as a WAL would hold them")

    opened = open_store(data)
    try:
        text = "\n".join(opened.report.messages())
    finally:
        opened.close(backup=False)
    kept = list(data.glob(f"{DB_NAME}-wal.orphaned-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == b"the last edits, as a WAL would hold them"
    assert str(kept[0]) in text
    assert "最后几次保存的修改" in text and "技术支持" in text


def test_a_wal_is_set_aside_and_named_also_when_no_backup_is_usable(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_store(data).close()
    shutil.rmtree(data / "backups")
    (data / DB_NAME).unlink()
    (data / f"{DB_NAME}-wal").write_bytes(b"the last edits")

    opened = open_store(data)
    try:
        text = "\n".join(opened.report.messages())
    finally:
        opened.close(backup=False)
    assert "没有找到可用的备份" in text
    assert f"{DB_NAME}-wal.orphaned-" in text
    kept = list(data.glob(f"{DB_NAME}-wal.orphaned-*"))
    assert [path.read_bytes() for path in kept] == [b"the last edits"]
