"""Install a verified pack all at once or not at all, safe against a kill at any moment.

1. Verify the archive and validate its contents in a staging folder (``.staging-*``), where
   the compiled rule database is written and every file is flushed to disk.
2. Rename the staging folder to ``installed/<id>-<version>-<token>`` (one rename).
3. Replace ``current.json`` with a pointer to it (one ``os.replace``): this is the switch.

A kill before step 3 leaves the old pointer, so the old pack stays in use; leftover staging
folders are removed by the next import.  The built-in pack is never touched.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from desktop.rulepacks import audit
from desktop.rulepacks.active import CURRENT_FILE, INSTALLED_FOLDER, ActivePack, active_pack
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.manifest import manifest_bytes
from desktop.rulepacks.trust import packs_folder, trusted_keys
from desktop.rulepacks.validate import validate_contents
from desktop.rulepacks.verify import VerifiedPack, verify_archive
from desktop.rulepacks.versions import is_newer
from desktop.rules.database import write_database
from desktop.rules.pack import RulePack


@dataclass
class PreparedImport:
    """A pack checked and staged, waiting for the user's yes; holds the import lock."""

    data_dir: Path
    verified: VerifiedPack
    pack: RulePack
    previous: ActivePack
    staging: Path
    lock: FileLock

    def discard(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.lock.release()


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        _fsync(path)
    _fsync(folder)


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() and hasattr(os, "O_DIRECTORY") else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # directories cannot be opened on Windows; NTFS journals the rename itself
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _clean_staging(folder: Path) -> None:
    for leftover in folder.glob(".staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def prepare_import(data_dir: Path, archive: Path) -> PreparedImport:
    """Verify, refuse rollback, validate and stage; nothing the app reads changes yet."""
    folder = packs_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(folder / "import.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise PackRefusedError("另一个规则包导入正在进行，请稍后再试。") from exc
    staging = folder / f".staging-{secrets.token_hex(6)}"
    try:
        _clean_staging(folder)
        verified = verify_archive(archive, trusted_keys(data_dir))
        previous = active_pack(data_dir)
        version = verified.manifest.version
        if not is_newer(version, previous.version):
            raise PackRefusedError(f"规则包版本 {version} 不比已安装的 {previous.version} 新，已拒绝"
                              "（防止旧规则包被重放）。")
        staging.mkdir()
        pack = validate_contents(verified, staging)
        write_database(pack.source, staging / "rulepack.sqlite")
        (staging / "pack.zip").write_bytes(verified.archive)
        (staging / "manifest.json").write_bytes(manifest_bytes(verified.manifest))
        _fsync_tree(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()
        raise
    return PreparedImport(data_dir, verified, pack, previous, staging, lock)


def commit_import(prepared: PreparedImport) -> ActivePack:
    """Make the staged pack the one in use (the one atomic switch), and log it."""
    folder = packs_folder(prepared.data_dir)
    manifest = prepared.verified.manifest
    try:
        installed = folder / INSTALLED_FOLDER
        installed.mkdir(exist_ok=True)
        name = f"{manifest.pack_id}-{manifest.version}-{prepared.staging.name.rsplit('-', 1)[1]}"
        target = installed / name
        prepared.staging.rename(target)
        _fsync(installed)
        pointer = {"folder": name, "pack_id": manifest.pack_id, "version": manifest.version,
                   "signer": prepared.verified.signer.fingerprint}
        tmp = folder / (CURRENT_FILE + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(pointer, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        _switch(tmp, folder / CURRENT_FILE)
        _fsync(folder)
        audit.record(folder, "pack-installed", pack_id=manifest.pack_id, version=manifest.version,
                     previous=prepared.previous.version, signer=prepared.verified.signer.fingerprint)
    finally:
        prepared.lock.release()
    # The pack just validated is the one now installed: no need to read it back.
    prepared.pack.texts_dir = target / "policies"
    return ActivePack(prepared.pack, "installed", manifest, prepared.verified.signer.fingerprint, target)


def _switch(tmp: Path, current: Path) -> None:
    tmp.replace(current)


def import_pack(data_dir: Path, archive: Path) -> tuple[ActivePack, ActivePack]:
    """Prepare and commit in one go; returns (previous, now active)."""
    prepared = prepare_import(data_dir, archive)
    return prepared.previous, commit_import(prepared)
