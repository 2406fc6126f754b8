"""Benchmark cases of signed rule packs: verify a pack, and import it (verify, validate, stage, switch).

The pack is the shipped source signed with a key made for the run; every import goes into a
fresh data folder that trusts that key, as on a PC receiving next year's pack.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from benchmarks.runner import Case, under_ms
from desktop.paths import resource
from desktop.rulepacks.build import sign_source
from desktop.rulepacks.install import import_pack
from desktop.rulepacks.keys import generate_keypair
from desktop.rulepacks.trust import trust, trusted_keys
from desktop.rulepacks.verify import verify_archive
from desktop.rules.database import write_database
from desktop.rules.loader import load_source_dir, source_digest
from desktop.rules.pack import compile_pack


@cache
def _work() -> Path:
    # Removed with the process's temporary files; a benchmark run is short-lived.
    return Path(tempfile.mkdtemp(prefix="bench-rulepack-"))


@cache
def signed_pack() -> tuple[Path, Path]:
    """(pack.zip, public key file) for the shipped source with a raised version."""
    work = _work()
    source = work / "source"
    shutil.copytree(resource("rules", "source"), source)
    pack_yaml = source / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace("2026.11.1", "2099.1.0"),
                         encoding="utf-8")
    generate_keypair(work / "authority.key")
    out = work / "pack.zip"
    sign_source(source, work / "authority.key", out, resource("policies"))
    return out, work / "authority.key.pub"


def _fresh_data_dir() -> Path:
    _pack, public = signed_pack()
    data = Path(tempfile.mkdtemp(dir=_work(), prefix="data-"))
    trust(data, public)
    return data


def import_signed_pack() -> None:
    pack, _public = signed_pack()
    data = _fresh_data_dir()
    try:
        import_pack(data, pack)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def compile_source() -> None:
    """The floor: what a developer's ``rules compile`` does with the same YAML (no zip, no signature)."""
    source, lines = load_source_dir(resource("rules", "source"))
    compile_pack(source, source_digest(source), lines)
    out = _work() / "compiled.sqlite"
    write_database(source, out)
    out.unlink()


def verify_signed_pack() -> None:
    pack, public = signed_pack()
    data = _work() / "verify-data"
    if not data.exists():
        data.mkdir()
        trust(data, public)
    verify_archive(pack, trusted_keys(data))


def hash_every_entry() -> None:
    """The floor of verifying: read every entry of the same zip and hash it."""
    pack, _public = signed_pack()
    with zipfile.ZipFile(pack) as archive:
        for info in archive.infolist():
            hashlib.sha256(archive.read(info)).hexdigest()


CASES = [
    Case("rulepack_import", "导入签名规则包（核验签名与文件、校验全部规则与引文、编译、暂存、原子切换）",
         import_signed_pack, "compiling the same YAML source (rules compile)", compile_source,
         repeat=5, target="< 5 s median", meets=under_ms(5_000)),
    Case("rulepack_verify", "核验签名规则包（读取受限 zip、Ed25519 验签、逐文件 SHA-256）",
         verify_signed_pack, "reading and hashing every entry of the same zip", hash_every_entry,
         repeat=20, target="< 100 ms median", meets=under_ms(100)),
]
