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

from desktop.cli.main import main
from desktop.rulepacks import audit
from desktop.rulepacks.active import active_pack
from desktop.rulepacks.install import import_pack
from desktop.rulepacks.keys import PrivateKey
from desktop.rulepacks.trust import packs_folder, trusted_keys
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
    # As docs/RULES.md says: a copy of resources/rules/source (no policies/) and no --texts.
    source = raised_source(tmp_path)
    assert not (source / "policies").exists()
    assert cli(private_data_dir, "sign", str(source), "--key", str(key), "--out", str(pack)) == 0
    assert f"使用程序自带的政策原文 {TEXTS}" in capsys.readouterr().out
    assert cli(private_data_dir, "verify", str(pack)) == 1
    assert "签名密钥不受信任" in capsys.readouterr().err
    assert cli(private_data_dir, "trust", f"{key}.pub", "--yes") == 0
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


def test_sign_uses_the_source_own_texts_or_texts_given(
        tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "k"
    assert cli(private_data_dir, "keygen", "--out", str(key)) == 0
    source = raised_source(tmp_path)
    shutil.copytree(TEXTS, source / "policies")
    out = str(tmp_path / "a.zip")
    assert cli(private_data_dir, "sign", str(source), "--key", str(key), "--out", out) == 0
    assert "程序自带的政策原文" not in capsys.readouterr().out
    shutil.rmtree(source / "policies")
    assert cli(private_data_dir, "sign", str(source), "--key", str(key), "--out", str(tmp_path / "b.zip"),
               "--texts", str(tmp_path / "nowhere")) == 1
    assert "用 --texts 指定原文目录" in capsys.readouterr().err


def test_sign_refuses_an_amount_its_excerpt_does_not_state(
        tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "k"
    assert cli(private_data_dir, "keygen", "--out", str(key)) == 0
    source = raised_source(tmp_path)
    programme = source / "programmes" / "shijiazhuang_2017.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "fixed: 10万元\n        basis: 市级", "fixed: 20万元\n        basis: 市级", 1), encoding="utf-8")
    out = str(tmp_path / "p.zip")
    assert cli(private_data_dir, "sign", str(source), "--key", str(key), "--out", out) == 1
    err = capsys.readouterr().err
    assert "sjz-2017-rd-institution: amount[2].fixed: 数额 20万元 不在所引原文摘录中" in err
    assert not (tmp_path / "p.zip").exists()


def test_trust_shows_the_fingerprint_and_asks_first(
        tmp_path: Path, private_data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / "k"
    cli(private_data_dir, "keygen", "--out", str(key))
    fingerprint = capsys.readouterr().out.splitlines()[2].split("：")[1]
    # No terminal to ask in: refused, saying to check the fingerprint and use --yes.
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert cli(private_data_dir, "trust", f"{key}.pub") == 1
    captured = capsys.readouterr()
    assert fingerprint in captured.out and "--yes" in captured.err and "未添加公钥" in captured.err
    assert fingerprint not in trusted_keys(private_data_dir)
    # In a terminal: the fingerprint is printed before the question; "n" adds nothing.
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    asked: list[str] = []

    def answer(reply: str) -> None:
        def fake_input(prompt: str) -> str:
            asked.append(capsys.readouterr().out + prompt)
            return reply
        monkeypatch.setattr("builtins.input", fake_input)

    answer("n")
    assert cli(private_data_dir, "trust", f"{key}.pub") == 1
    assert fingerprint in asked[0] and "核对" in asked[0]
    assert fingerprint not in trusted_keys(private_data_dir)
    assert audit.entries(packs_folder(private_data_dir)) == []
    answer("y")
    assert cli(private_data_dir, "trust", f"{key}.pub") == 0
    assert fingerprint in trusted_keys(private_data_dir)
    assert "已信任公钥" in capsys.readouterr().out


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
    assert cli(private_data_dir, "trust", f"{key}.pub", "--yes") == 0
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
    assert cli(private_data_dir, "trust", str(tmp_path / "bad.pub"), "--yes") == 1
    assert "不是可用的公钥" in capsys.readouterr().err


def test_import_without_yes_outside_a_terminal_changes_nothing(
        trusting_dir: Path, files: dict[str, bytes], authority_key: PrivateKey, tmp_path: Path,
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
                                                  authority_key: PrivateKey, tmp_path: Path,
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


def test_import_shows_the_computed_changes_before_asking(
        trusting_dir: Path, authority_key: PrivateKey, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.rulepacks.build import check_source, collect_files
    from tests.rulepacks.test_changes import edited_source

    source = edited_source(tmp_path)
    files = with_version(collect_files(source, TEXTS, check_source(source)), "2027.1.0")
    pack = write_pack(tmp_path / "p.zip", files, authority_key, "2027.1.0")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    shown: list[str] = []

    def refuse(prompt: str) -> str:
        shown.append(capsys.readouterr().out + prompt)
        return "n"

    monkeypatch.setattr("builtins.input", refuse)
    assert cli(trusting_dir, "import", str(pack)) == 1
    [before_question] = shown
    assert "测试用变更" in before_question  # the authority's changelog
    assert "变更项目：qh-2011-sme-loan-interest" in before_question
    assert "贷款期限（个月） ≥：6 → 12（附件5 一、2）" in before_question
    assert "100万元 → 150万元（附件 31）" in before_question
    assert before_question.index("安装后的变化") < before_question.index("安装此规则包？")
    assert active_pack(trusting_dir).origin == "builtin"


def test_a_pack_valid_from_a_future_day_installs_with_a_note(
        trusting_dir: Path, files: dict[str, bytes], authority_key: PrivateKey, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    start = dt.date.today() + dt.timedelta(days=40)
    pack = write_pack(tmp_path / "p.zip", with_version(files, "2027.1.0"), authority_key, "2027.1.0",
                      valid_from=start, valid_until=start + dt.timedelta(days=700))
    assert cli(trusting_dir, "import", str(pack), "--yes") == 0
    out = capsys.readouterr().out
    assert f"，规则包自 {start.isoformat()} 起生效，有效期至" in out
    assert f"注意：此规则包自 {start.isoformat()} 起生效" in out
    assert active_pack(trusting_dir).version == "2027.1.0"
