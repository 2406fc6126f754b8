"""The authority's CLI round trip, trust management, and an import killed half-way."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.cli.main import main
from desktop.rulepacks import audit
from desktop.rulepacks.active import active_pack
from desktop.rulepacks.install import import_pack
from desktop.rulepacks.trust import packs_folder
from tests.conftest import ROOT
from tests.rulepacks.helpers import SOURCE, TEXTS, with_version, write_pack


def cli(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "rules", *args])


def raised_source(tmp_path: Path, version: str = "2027.1.0") -> Path:
    source = tmp_path / "source"
    shutil.copytree(SOURCE, source)
    pack_yaml = source / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    pack_yaml.write_text(text.replace("version: 2026.11.1", f"version: {version}"), encoding="utf-8")
    return source


def test_a_pack_signed_from_the_shipped_source_with_a_raised_version_imports(
        tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "keys" / "authority.key"
    assert cli(private_data_dir, "keygen", "--out", str(key)) == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    fingerprint_line = capsys.readouterr().out.splitlines()[2]
    full_fingerprint = fingerprint_line.split("：")[1]
    pack = tmp_path / "pack.zip"
    assert cli(private_data_dir, "sign", str(raised_source(tmp_path)), "--key", str(key),
               "--out", str(pack), "--texts", str(TEXTS)) == 0
    assert cli(private_data_dir, "verify", str(pack)) == 1
    assert "签名密钥不受信任" in capsys.readouterr().err
    assert cli(private_data_dir, "trust", f"{key}.pub") == 0
    assert full_fingerprint in capsys.readouterr().out
    assert cli(private_data_dir, "verify", str(pack)) == 0
    assert cli(private_data_dir, "import", str(pack), "--yes") == 0
    assert "已安装规则包 huiqi-builtin 2027.1.0（原为 2026.11.1）" in capsys.readouterr().out
    assert cli(private_data_dir, "list", "--json") == 0
    installed = json.loads(capsys.readouterr().out)["installed"]
    assert (installed["id"], installed["version"], installed["signer"]) == (
        "huiqi-builtin", "2027.1.0", full_fingerprint)
    events = [e["event"] for e in audit.entries(packs_folder(private_data_dir))]
    assert events == ["trust-added", "pack-installed"]


def test_sign_checks_the_source_first(tmp_path: Path, private_data_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "k"
    assert cli(private_data_dir, "keygen", "--out", str(key)) == 0
    source = raised_source(tmp_path)
    programme = source / "programmes" / "wuhai_2014.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "fact: enterprise.", "fact: enterprise.nope_", 1), encoding="utf-8")
    assert cli(private_data_dir, "sign", str(source), "--key", str(key), "--out",
               str(tmp_path / "p.zip"), "--texts", str(TEXTS)) == 1
    assert "规则源有 1 个问题，未签名" in capsys.readouterr().err
    assert not (tmp_path / "p.zip").exists()


def test_keygen_never_overwrites_a_key(tmp_path: Path, private_data_dir: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "k"
    key.write_text("precious")
    assert cli(private_data_dir, "keygen", "--out", str(key)) == 1
    assert key.read_text() == "precious"
    assert "不会覆盖" in capsys.readouterr().err


def test_trust_list_and_remove(tmp_path: Path, private_data_dir: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "k"
    cli(private_data_dir, "keygen", "--out", str(key))
    fingerprint = capsys.readouterr().out.splitlines()[2].split("：")[1]
    assert cli(private_data_dir, "trust", f"{key}.pub") == 0
    assert cli(private_data_dir, "trust", "--list") == 0
    listing = capsys.readouterr().out
    assert fingerprint in listing and "槽 1" in listing
    assert cli(private_data_dir, "trust", "--remove", "b830154f") == 1
    assert "内置" in capsys.readouterr().err
    assert cli(private_data_dir, "trust", "--remove", fingerprint[:12]) == 0
    capsys.readouterr()
    cli(private_data_dir, "trust", "--list")
    assert fingerprint not in capsys.readouterr().out
    assert [e["event"] for e in audit.entries(packs_folder(private_data_dir))] == [
        "trust-added", "trust-removed"]
    (tmp_path / "bad.pub").write_text("not a key")
    assert cli(private_data_dir, "trust", str(tmp_path / "bad.pub")) == 1
    assert "不是可用的公钥" in capsys.readouterr().err


def test_import_without_yes_outside_a_terminal_changes_nothing(
        trusting_dir: Path, files: dict[str, bytes], authority_key: Ed25519PrivateKey, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pack = write_pack(tmp_path / "p.zip", with_version(files, "2027.1.0"), authority_key, "2027.1.0")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert cli(trusting_dir, "import", str(pack)) == 1
    assert "--yes" in capsys.readouterr().err
    assert active_pack(trusting_dir).origin == "builtin"
    assert not list(packs_folder(trusting_dir).glob(".staging-*"))


HANG_AT = """
import sys
import threading
from pathlib import Path
from desktop.rulepacks import install
marker, point = Path(sys.argv[3]), sys.argv[4]

def hang(*args, **kwargs):
    marker.write_text("reached")
    threading.Event().wait()  # held here until the test kills the process

if point == "switch":
    install._switch = hang
else:
    install.write_database = hang
install.import_pack(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.slow
@pytest.mark.parametrize("point", ["staging", "switch"])
def test_a_kill_during_import_leaves_the_old_pack(trusting_dir: Path, files: dict[str, bytes],
                                                  authority_key: Ed25519PrivateKey, tmp_path: Path,
                                                  point: str) -> None:
    first = write_pack(tmp_path / "a.zip", with_version(files, "2027.1.0"), authority_key, "2027.1.0")
    import_pack(trusting_dir, first)
    second = write_pack(tmp_path / "b.zip", with_version(files, "2027.2.0"), authority_key, "2027.2.0")
    marker = tmp_path / "reached"
    script = tmp_path / "hang.py"
    script.write_text(HANG_AT)
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(script), str(trusting_dir), str(second), str(marker),
                                point], env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert process.poll() is None, "the import ended before reaching the kill point"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        process.kill()  # SIGKILL: no clean-up, no finally blocks
    finally:
        process.kill()
        process.wait()
    active = active_pack(trusting_dir)
    assert (active.origin, active.version, active.problem) == ("installed", "2027.1.0", None)
    # The next import cleans up whatever the killed one left and succeeds.
    _previous, now = import_pack(trusting_dir, second)
    assert now.version == "2027.2.0"
    assert not list(packs_folder(trusting_dir).glob(".staging-*"))
