"""Every hostile or broken pack is refused with a clear message and the installed pack unchanged."""

from __future__ import annotations

import errno
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.rulepacks import ziplimits
from desktop.rulepacks.active import active_pack
from desktop.rulepacks.errors import os_error_words
from desktop.rulepacks.install import import_pack
from desktop.rulepacks.keys import PrivateKey
from desktop.rulepacks.trust import packs_folder
from tests.rulepacks.conftest import trust_key
from tests.rulepacks.helpers import SOURCE, with_version, write_pack

INSTALLED = "2027.1.0"
NEXT = "2027.2.0"


@pytest.fixture(scope="module")
def installed_template(tmp_path_factory: pytest.TempPathFactory, authority_key: PrivateKey,
                       files: dict[str, bytes]) -> Path:
    """A data folder with the test authority trusted and pack 2027.1.0 installed (made once)."""
    base = tmp_path_factory.mktemp("installed")
    data = base / "data"
    data.mkdir()
    trust_key(data, authority_key, base)
    import_pack(data, write_pack(base / "p.zip", with_version(files, INSTALLED), authority_key, INSTALLED))
    return data


@pytest.fixture
def data(installed_template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(installed_template, copy)
    return copy


def snapshot(data: Path) -> tuple[bytes, list[str]]:
    folder = packs_folder(data)
    return (folder / "current.json").read_bytes(), sorted(p.name for p in folder.rglob("*"))


def refused(data: Path, pack: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = snapshot(data)
    assert main(["--data-dir", str(data), "rules", "import", str(pack), "--yes"]) == 1
    assert snapshot(data) == before, "a refused import changed the installed pack"
    active = active_pack(data)
    assert (active.origin, active.version) == ("installed", INSTALLED)
    return capsys.readouterr().err


def test_forged_signature(data: Path, files: dict[str, bytes], authority_key: PrivateKey,
                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_pack(tmp_path / "good.zip", with_version(files, NEXT), authority_key, NEXT)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(forged, "w") as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "manifest.json":
                body = body.replace("测试用变更".encode(), "篡改后的说明".encode())
            out.writestr(info, body)
    assert "签名无效" in refused(data, forged, capsys)


def test_unknown_key(data: Path, files: dict[str, bytes], tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    stranger = PrivateKey.generate()
    pack = write_pack(tmp_path / "p.zip", with_version(files, NEXT), stranger, NEXT)
    assert "签名密钥不受信任" in refused(data, pack, capsys)


def _rewrite(source: Path, out: Path, change: Callable[[str, bytes], bytes | None],
             add: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = change(info.filename, src.read(info))
            if body is not None:
                dst.writestr(info, body)
        for name, body in (add or {}).items():
            dst.writestr(name, body)
    return out


@pytest.fixture
def next_pack(files: dict[str, bytes], authority_key: PrivateKey, tmp_path: Path) -> Path:
    return write_pack(tmp_path / "next.zip", with_version(files, NEXT), authority_key, NEXT)


def test_file_altered_after_signing(data: Path, next_pack: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    def raise_threshold(name: str, body: bytes) -> bytes:
        if name != "rules/programmes/shijiazhuang_2017.yaml":
            return body
        changed = body.replace(b"value: 2020-12-31", b"value: 2021-12-31", 1)
        assert changed != body
        return changed

    message = refused(data, _rewrite(next_pack, tmp_path / "x.zip", raise_threshold), capsys)
    assert "与签名清单不符" in message


def test_file_added(data: Path, next_pack: Path, tmp_path: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    pack = _rewrite(next_pack, tmp_path / "x.zip", lambda _n, b: b,
                    add={"rules/programmes/zz-extra.yaml": b"programmes: []\n"})
    assert "清单以外的文件：rules/programmes/zz-extra.yaml" in refused(data, pack, capsys)


def test_file_removed(data: Path, next_pack: Path, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    def drop_text(name: str, body: bytes) -> bytes | None:
        return None if name.startswith("policies/000_") else body

    message = refused(data, _rewrite(next_pack, tmp_path / "x.zip", drop_text), capsys)
    assert "缺少清单中列出的文件：policies/000_" in message


@pytest.mark.parametrize("version", ["2026.12.0", INSTALLED])
def test_older_or_equal_version(data: Path, files: dict[str, bytes], authority_key: PrivateKey,
                                tmp_path: Path, version: str, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack(tmp_path / "old.zip", with_version(files, version), authority_key, version)
    assert f"规则包版本 {version} 不比已安装的 {INSTALLED} 新" in refused(data, pack, capsys)


def test_pack_for_a_newer_app(data: Path, files: dict[str, bytes], authority_key: PrivateKey,
                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack(tmp_path / "p.zip", with_version(files, NEXT), authority_key, NEXT,
                      min_app_version="99.0.0")
    assert "需要 99.0.0 或更新版本的程序" in refused(data, pack, capsys)


def test_malformed_yaml_with_a_valid_signature(data: Path, files: dict[str, bytes],
                                               authority_key: PrivateKey, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    name = next(n for n in files if n.startswith("rules/programmes/"))
    broken = with_version(files, NEXT) | {name: b"programmes: [\n  - {id: x\n"}
    message = refused(data, write_pack(tmp_path / "p.zip", broken, authority_key, NEXT), capsys)
    assert f"{name}" in message and "YAML 语法错误" in message


def test_rules_that_do_not_validate(data: Path, files: dict[str, bytes], authority_key: PrivateKey,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = next(n for n in files if n.startswith("rules/programmes/"))
    unknown_fact = files[name].replace(b"fact: enterprise.", b"fact: enterprise.no_such_", 1)
    assert unknown_fact != files[name]
    pack = write_pack(tmp_path / "p.zip", with_version(files, NEXT) | {name: unknown_fact},
                      authority_key, NEXT)
    message = refused(data, pack, capsys)
    assert "规则包中的规则有" in message and "no_such_" in message


def test_citation_not_in_the_packs_text(data: Path, files: dict[str, bytes],
                                        authority_key: PrivateKey, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = next(n for n in files if n.startswith("policies/004_"))
    emptied = with_version(files, NEXT) | {text: "（原文已删改）".encode()}
    message = refused(data, write_pack(tmp_path / "p.zip", emptied, authority_key, NEXT), capsys)
    assert "引文与原文不符" in message and "004_" in message


ALIAS_BOMB = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
programmes: [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""


def test_yaml_alias_bomb(data: Path, files: dict[str, bytes], authority_key: PrivateKey,
                         tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = with_version(files, NEXT) | {"rules/programmes/zz-bomb.yaml": ALIAS_BOMB}
    message = refused(data, write_pack(tmp_path / "p.zip", bomb, authority_key, NEXT), capsys)
    assert "zz-bomb.yaml" in message and "别名炸弹" in message


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "policies/../../evil.txt",
                                  "rules\\..\\evil.yaml", "rules/programmes/sub/x.yaml", "run.py"])
def test_zip_slip_and_arbitrary_files(data: Path, next_pack: Path, tmp_path: Path, name: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    pack = _rewrite(next_pack, tmp_path / "x.zip", lambda _n, b: b, add={name: b"x"})
    assert "不允许的文件" in refused(data, pack, capsys)
    assert not (tmp_path / "evil.txt").exists() and not (data / "evil.txt").exists()


def test_oversized_archive(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.zip"
    with huge.open("wb") as handle:  # sparse: the size alone must refuse it, before any reading
        handle.truncate(ziplimits.MAX_ARCHIVE_BYTES + 1)
    assert "规则包过大" in refused(data, huge, capsys)


def test_entry_that_decompresses_too_far(data: Path, next_pack: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    zeros = b"\0" * (ziplimits.MAX_ENTRY_BYTES + 1)  # a few KB compressed
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("policies/000_bomb.txt", zeros)
    assert (tmp_path / "bomb.zip").stat().st_size < 100_000
    assert "解压后过大" in refused(data, tmp_path / "bomb.zip", capsys)


def test_too_many_entries(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with zipfile.ZipFile(tmp_path / "many.zip", "w") as out:
        for i in range(ziplimits.MAX_ENTRIES + 1):
            out.writestr(f"policies/{i:03d}.txt", b"")
    assert "文件过多" in refused(data, tmp_path / "many.zip", capsys)


def test_not_a_zip(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.zip").write_text("hello")
    assert "不是有效的规则包" in refused(data, tmp_path / "p.zip", capsys)


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_text("hello"), "不是 zip 文件，或 zip 文件已损坏"),
    (lambda p: None, "找不到文件"),
    (lambda p: p.mkdir(), "这是文件夹，不是文件"),
])
def test_os_and_zip_errors_are_said_in_chinese(data: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               make: Callable[[Path], object], words: str) -> None:
    pack = tmp_path / "p.zip"
    make(pack)
    message = refused(data, pack, capsys)
    assert words in message
    assert not re.search(r"[A-Za-z]{4,}", message.replace(str(pack), "").replace("zip", "")), message


def test_permission_and_device_errors_have_words() -> None:
    # Tests run as root here, which reads any file: the words are checked on the errors themselves.
    assert os_error_words(PermissionError(errno.EACCES, "Permission denied")) == "没有读取权限"
    assert "U 盘" in os_error_words(OSError(errno.EIO, "Input/output error"))
    assert os_error_words(OSError(errno.ENOSPC, "No space left on device")) == "磁盘已满"
    assert os_error_words(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        f"系统无法读取此文件（错误号 {errno.EXDEV}）")


def test_a_plain_zip_of_the_rule_source_says_it_is_not_a_signed_pack(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "source.zip"
    with zipfile.ZipFile(plain, "w") as out:
        for path in sorted(SOURCE.rglob("*.yaml")):
            out.write(path, path.relative_to(SOURCE).as_posix())
    message = refused(data, plain, capsys)
    assert message.startswith(
        "规则包未导入：不是签名规则包（缺少 manifest.json 与签名）；请用 rules sign 生成")
    assert "不允许的文件" not in message
