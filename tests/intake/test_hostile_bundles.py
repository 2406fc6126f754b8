"""Every hostile bundle the issue lists is rejected with a clear message and changes nothing.

Each case is received through the desk (on SQLite and on PostgreSQL) and must come back
rejected, with the expected words in its reasons, and leave the database exactly as it
was: no application row and no audit entry.
"""

from __future__ import annotations

import io
import json
import resource
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.bundle.verify import verify_bundle
from desktop.intake.desk import Desk
from desktop.intake.receive import receive
from desktop.rules.database import bundled_pack
from tests.conftest import ROOT
from tests.intake.bundles import edited, honest, members, patch_member, rehash, rezip, write


def _state(desk: Desk) -> tuple[int, int]:
    return len(desk.rows()), len(desk.audit())


def assert_rejected(desk: Desk, path: Path, *expected: str) -> list[str]:
    before = _state(desk)
    [outcome] = receive(desk, [path], bundled_pack(), who="测试员", workers=1)
    assert not outcome.accepted, f"accepted: {path.name}"
    text = "\n".join(outcome.problems)
    for words in expected:
        assert words in text, text
    assert _state(desk) == before
    return outcome.problems


def _understate(content: bytes, name: str) -> bytes:
    """Write 1 as the member's uncompressed size in both headers."""
    data = bytearray(content)
    local = 0
    central = struct.unpack_from("<I", data, data.rfind(b"PK\x05\x06") + 16)[0]
    struct.pack_into("<I", data, local + 22, 1)
    struct.pack_into("<I", data, central + 24, 1)
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name).file_size == 1
    return bytes(data)


def _with(files: list[tuple[str, bytes]]) -> bytes:
    return rezip(files)


def _honest_list(kind: str = "rd_institution") -> list[tuple[str, bytes]]:
    return list(members(honest(kind)).items())


# -- the cases under "Why" --------------------------------------------------------------------

def test_bzip2_member_whose_header_understates_its_size(desk: Desk, tmp_path: Path) -> None:
    # The review's case: a bzip2 member inflating to far more than its header states.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("manifest.json", b" " * (20 * 1024 * 1024))
    content = out.getvalue()
    assert len(content) < 3_000
    content = _understate(content, "manifest.json")
    path = write(tmp_path / "bzip2.zip", content)
    assert_rejected(desk, path, "不支持的压缩方式", "编号 12")


def test_one_gib_manifest_in_a_small_bundle(desk: Desk, gib_manifest: Path) -> None:
    assert gib_manifest.stat().st_size < 2 * 1024 * 1024
    assert_rejected(desk, gib_manifest, "manifest.json", "上限")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_forged_application_before_the_genuine_one(desk: Desk, tmp_path: Path) -> None:
    files = _honest_list()
    forged = json.loads(dict(files)["application.json"])
    forged["enterprise"]["name"] = "冒名企业"
    path = write(tmp_path / "forged.zip", _with(
        [("application.json", json.dumps(forged).encode()), *files]))
    assert_rejected(desk, path, "application.json", "重复出现")


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_manifest(desk: Desk, tmp_path: Path) -> None:
    files = _honest_list()
    again = ("manifest.json", dict(files)["manifest.json"])
    path = write(tmp_path / "dupmanifest.zip", _with([*files, again]))
    assert_rejected(desk, path, "manifest.json", "重复出现")


def test_symlink_entry(desk: Desk, tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in _honest_list():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("attachments/passwd")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "/etc/passwd")
    path = write(tmp_path / "symlink.zip", out.getvalue())
    assert_rejected(desk, path, "attachments/passwd", "符号链接")


def test_names_differing_only_in_case(desk: Desk, tmp_path: Path) -> None:
    files = _honest_list()
    name = "documents/02_申报材料真实性承诺书.pdf"
    path = write(tmp_path / "case.zip", _with([*files, (name.replace(".pdf", ".PDF"), dict(files)[name])]))
    assert_rejected(desk, path, "承诺书.PDF", "仅大小写")


def test_drive_letter_path(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "drive.zip", _with([*_honest_list(), ("C:/Windows/evil.dll", b"MZ")]))
    assert_rejected(desk, path, "C:/Windows/evil.dll", "盘符")


def test_pdf_edited_and_rehashed(desk: Desk, tmp_path: Path) -> None:
    name = "documents/02_申报材料真实性承诺书.pdf"
    content = edited("rd_institution", name, lambda pdf: pdf.replace(b"/Producer", b"/Producex"))
    path = write(tmp_path / "pdf.zip", content)
    assert_rejected(desk, path, "02_申报材料真实性承诺书.pdf", "重新生成的文书不一致")


# -- the further cases the issue lists --------------------------------------------------------

def test_truncated_zip(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "truncated.zip", honest("rd_institution")[:-400])
    assert_rejected(desk, path, "不是完整的 zip 文件")


def test_not_a_zip(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "notes.zip", "这不是压缩包".encode() * 100)
    assert_rejected(desk, path, "不是完整的 zip 文件")


def test_file_edited_after_the_manifest(desk: Desk, tmp_path: Path) -> None:
    content = edited("rd_institution", "application.json",
                     lambda a: {**a, "prepared_on": "2018-06-02"}, rehashed=False)
    path = write(tmp_path / "edited.zip", content)
    assert_rejected(desk, path, "application.json 的 SHA-256 与清单不符")


def test_missing_manifest(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "nomanifest.zip", _with([f for f in _honest_list() if f[0] != "manifest.json"]))
    assert_rejected(desk, path, "缺少 manifest.json")


def test_manifest_listing_a_missing_file(desk: Desk, tmp_path: Path) -> None:
    files = rehash(dict(_honest_list()))
    del files["documents/03_申报材料清单.pdf"]
    path = write(tmp_path / "missingfile.zip", rezip(files))
    assert_rejected(desk, path, "清单列出的文件缺失：documents/03_申报材料清单.pdf")


@pytest.mark.parametrize(("how", "expected"), [
    ({"flags": 0x0801}, "已加密"),
    ({"method": 9}, "编号 9"),  # Deflate64
    ({"method": 99}, "编号 99"),  # unknown (AES)
])
def test_encrypted_deflate64_and_unknown_methods(desk: Desk, tmp_path: Path, how: dict[str, int],
                                                 expected: str) -> None:
    content = patch_member(honest("rd_institution"), "assessment.json", **how)
    path = write(tmp_path / "method.zip", content)
    assert_rejected(desk, path, "assessment.json", expected)


def test_invalid_utf8_name(desk: Desk, tmp_path: Path) -> None:
    content = rezip([*_honest_list(), ("documents/xx.pdf", b"%PDF")])
    content = patch_member(content, "documents/xx.pdf", flags=0x0800, new_name=b"documents/\xff\xfe.pdf")
    path = write(tmp_path / "utf8.zip", content)
    assert_rejected(desk, path, "不是有效的 UTF-8")


def _application_edit(desk: Desk, tmp_path: Path, edit: Callable[[Any], Any], *expected: str) -> None:
    path = write(tmp_path / "application.zip", edited("rd_institution", "application.json", edit))
    assert_rejected(desk, path, *expected)


def test_application_with_wrong_types(desk: Desk, tmp_path: Path) -> None:
    def wrong(app: dict[str, Any]) -> dict[str, Any]:
        app["enterprise"]["employees"] = "很多"
        app["prepared_on"] = 20180601
        return app
    _application_edit(desk, tmp_path, wrong, "不是有效的申报文件", "employees")


def test_application_nested_100000_deep(desk: Desk, tmp_path: Path) -> None:
    files = dict(_honest_list())
    files["application.json"] = b"[" * 100_000 + b"]" * 100_000
    path = write(tmp_path / "deep.zip", rezip(rehash(files)))
    assert_rejected(desk, path, "application.json 嵌套层数过深")


def test_application_with_a_5000_digit_number(desk: Desk, tmp_path: Path) -> None:
    files = dict(_honest_list())
    text = files["application.json"].decode()
    files["application.json"] = text.replace('"employees": ', '"employees": ' + "9" * 5000 + ", \"x\": ", 1
                                             ).encode()
    path = write(tmp_path / "digits.zip", rezip(rehash(files)))
    assert_rejected(desk, path, "application.json", "5000 位的数字")


def test_application_of_an_unknown_schema_version(desk: Desk, tmp_path: Path) -> None:
    _application_edit(desk, tmp_path, lambda a: {**a, "schema_version": 7}, "schema_version 7 不受支持")


def test_one_hundred_thousand_empty_entries(desk: Desk, tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        for index in range(100_000):
            archive.writestr(f"attachments/{index}.txt", b"")
    path = write(tmp_path / "many.zip", out.getvalue())
    assert_rejected(desk, path, "ZIP64")


def test_too_many_entries_below_zip64(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "many.zip", rezip([(f"attachments/{i}.txt", b"") for i in range(5_000)]))
    assert_rejected(desk, path, "5000 个条目，超过上限")


def test_a_foreign_zip(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "photos.zip", rezip({"IMG_0001.jpg": b"\xff\xd8", "readme.txt": b"hi"}))
    assert_rejected(desk, path, "不在申报包允许的文件名单中", "缺少 manifest.json")


def test_path_escape(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "escape.zip", _with([*_honest_list(), ("attachments/../../x", b"")]))
    assert_rejected(desk, path, "..")


def test_cli_prints_each_reason_and_exits_1(tmp_path: Path, gib_manifest: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli.main import main

    folder = tmp_path / "usb"
    folder.mkdir()
    write(folder / "a_ok.zip", honest("rd_institution"))
    write(folder / "b_truncated.zip", honest("rd_institution")[:1000])
    (folder / "c_link.zip").symlink_to(gib_manifest)  # a symlink in a folder is not followed
    db = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["intake", str(folder), "--db", db, "--workers", "1"]) == 1
    captured = capsys.readouterr()
    assert "已收件 #1" in captured.out and "b_truncated.zip" in captured.err
    assert "不是完整的 zip 文件" in captured.err
    assert "c_link.zip" in captured.err and "符号链接" in captured.err
    assert "收件 1 个，拒收 2 个" in captured.out


# -- memory ------------------------------------------------------------------------------------

PEAK = """
import resource, sys
from pathlib import Path
from desktop.bundle.verify import verify_bundle
from desktop.rules.database import bundled_pack
report = verify_bundle(Path(sys.argv[1]), bundled_pack())
assert not report.ok
# VmHWM: this program's own peak; ru_maxrss would include the parent's image from before exec.
status = Path("/proc/self/status")
if status.exists():
    print(next(int(l.split()[1]) for l in status.read_text().splitlines() if l.startswith("VmHWM")) // 1024)
else:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_peak_memory_of_the_gib_manifest_stays_small(gib_manifest: Path) -> None:
    result = subprocess.run([sys.executable, "-c", PEAK, str(gib_manifest)], capture_output=True,
                            text=True, cwd=ROOT, check=True, timeout=300)
    peak_mb = int(result.stdout.strip())
    assert peak_mb < 300, peak_mb


def test_bundle_verify_runs_the_same_checks(gib_manifest: Path, tmp_path: Path) -> None:
    assert not verify_bundle(gib_manifest).ok
    symlinked = _with([*_honest_list(), ("attachments/C:x", b"")])
    report = verify_bundle(write(tmp_path / "x.zip", symlinked), bundled_pack())
    assert any("attachments/C:x" in p for p in report.problems)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


# -- issue 18: papers that cannot be re-drafted from application.json prove nothing ----------

def _forged_subsidy(financing: dict[str, str]) -> Callable[[Any], Any]:
    def edit(application: Any) -> Any:
        return {**application, "financing": {**application["financing"], **financing}}
    return edit


@pytest.mark.parametrize("financing", [{"requested_subsidy": "8000000"}, {"bank_loans": "18000000"}],
                         ids=["subsidy-500-to-800", "loans-1500-to-1800"])
def test_figures_edited_so_that_the_papers_cannot_be_redrafted(desk: Desk, tmp_path: Path,
                                                              financing: dict[str, str]) -> None:
    """The county clerk's forgery: a figure in application.json changed, the manifest re-hashed.

    Drafting refuses the edited answers (the financing no longer adds up), so no document can
    be compared with anything: the papers are unproven and the bundle must not be accepted.
    """
    path = write(tmp_path / "forged.zip", edited("tech_upgrade", "application.json",
                                                 _forged_subsidy(financing)))
    problems = assert_rejected(desk, path, "不能由 application.json 重新生成", "资金筹措合计")
    assert any("无法核对" in p for p in problems), problems
    assert not any("。；" in p for p in problems), problems  # read as one sentence (re-trial)
    report = verify_bundle(path, bundled_pack())
    assert not report.ok
    cli = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"),
                          "bundle", "verify", str(path)], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert cli.returncode == 1, cli.stdout + cli.stderr
    assert "申报包完整" not in cli.stdout
    assert "资金筹措合计" in cli.stderr


def test_forged_figures_are_rejected_without_redrafting_too(desk: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "forged.zip", edited("tech_upgrade", "application.json",
                                                 _forged_subsidy({"requested_subsidy": "8000000"})))
    [outcome] = receive(desk, [path], bundled_pack(), who="测试员", workers=1, redraft=False)
    assert not outcome.accepted
    assert any("资金筹措合计" in p for p in outcome.problems)
