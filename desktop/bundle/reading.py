"""Open a bundle that came on a USB stick as if it were hostile, until it is proven otherwise.

Nothing in the zip is trusted before it is checked: not the entry count the end record
states, not the sizes in the headers, not the names.  In order:

1. the file is small enough, ends with a zip end record and states a bounded entry count
   (checked before :mod:`zipfile` parses the central directory);
2. every name is on the allow-list (``manifest.json``, ``application.json``,
   ``assessment.json``, ``documents/<file>``, ``attachments/<file>``): no absolute or
   drive-letter path, no ``..``, no backslash or control character, no directory entry,
   no symlink, no duplicate and no two names that differ only in case or Unicode form;
3. every member is stored or deflated, unencrypted;
4. each member is streamed in chunks into a private folder under a name of our own
   (``0001``, ``0002`` …), counting bytes as they come: a member is abandoned the moment it
   passes its own cap, the bundle's total cap, or the compression-ratio cap, whatever its
   header claims.  Its SHA-256 is computed on the way.

Only :meth:`OpenedBundle.read` brings a member into memory, and only up to its cap.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import stat
import struct
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Final

from desktop.applications.io import MAX_APPLICATION_BYTES
from desktop.applications.model import MAX_ATTACHMENT_BYTES
from desktop.oserrors import os_error_words

MAX_BUNDLE_FILE_BYTES: Final = 300 * 1024 * 1024
MAX_ENTRIES: Final = 400  # 200 attachments at most (the application's limit), a dozen documents
MAX_TOTAL_BYTES: Final = 260 * 1024 * 1024
MAX_RATIO: Final = 200  # deflate rarely passes 20:1 on our JSON; zip bombs run to 1000:1 and more
RATIO_GRACE_BYTES: Final = 1024 * 1024  # tiny members may compress well; a bomb needs volume
MAX_NAME_CHARS: Final = 160
CHUNK: Final = 64 * 1024
MEMBER_CAPS: Final = {
    "manifest.json": 1024 * 1024,
    "application.json": MAX_APPLICATION_BYTES,
    "assessment.json": 5 * 1024 * 1024,
    "documents/": 40 * 1024 * 1024,
    "attachments/": MAX_ATTACHMENT_BYTES,
}
DEFAULT_CAP: Final = 20 * 1024 * 1024
ALLOWED_METHODS: Final = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_END_RECORD: Final = b"PK\x05\x06"
_END_RECORD_SIZE: Final = 22
_MAX_COMMENT: Final = 0xFFFF
# A file name: no slashes, backslashes, colons, control characters or leading dot.
_SAFE_FILE: Final = re.compile(r"[^\x00-\x1f\x7f/\\:*?\"<>|.][^\x00-\x1f\x7f/\\:*?\"<>|]*")


class BundleRejectedError(Exception):
    """The bundle was refused before anything in it was used; ``problems`` say why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Member:
    name: str
    path: Path  # inside the private folder
    size: int
    sha256: str


@dataclass
class OpenedBundle:
    """The members of a bundle, streamed into a private folder that is removed on close."""

    source: Path
    folder: Path
    members: dict[str, Member] = field(default_factory=dict)
    sha256: str = ""  # of the whole zip file, the bundle's identity at the desk
    # Entries refused by name or method: never unpacked, and the bundle is not acceptable,
    # but the rest is still checked so that every problem is reported at once.
    problems: list[str] = field(default_factory=list)

    def read(self, name: str) -> bytes:
        member = self.members[name]
        return member.path.read_bytes()  # its size was capped while streaming

    def names(self, prefix: str) -> list[str]:
        return sorted(n for n in self.members if n.startswith(prefix))

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def member_cap(name: str) -> int:
    return MEMBER_CAPS.get(name) or MEMBER_CAPS.get(name.split("/", 1)[0] + "/") or DEFAULT_CAP


BUNDLE_FILES: Final = frozenset({"manifest.json", "application.json", "assessment.json"})
BUNDLE_FOLDERS: Final = frozenset({"documents", "attachments"})


def open_bundle(path: Path, workdir: Path | None = None, *, files: frozenset[str] = BUNDLE_FILES,
                folders: frozenset[str] = BUNDLE_FOLDERS) -> OpenedBundle:
    """Check and unpack ``path`` into a new private folder, or raise :class:`BundleRejectedError`.

    ``files`` and ``folders`` are the allow-list: top-level names, and folders whose plain file
    names are allowed (a summary package reported upward has its own).
    """
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise BundleRejectedError([f"不是文件：{path}"])
        if size > MAX_BUNDLE_FILE_BYTES:
            raise BundleRejectedError([f"文件过大（{size // 1024 // 1024} MB），不是本程序生成的申报包。"])
        with path.open("rb") as raw:
            _check_end_record(raw.read() if size <= _END_RECORD_SIZE + _MAX_COMMENT
                              else _tail(raw, size))
            digest = hashlib.sha256()
            raw.seek(0)
            while chunk := raw.read(1024 * 1024):
                digest.update(chunk)
            raw.seek(0)
            archive = zipfile.ZipFile(raw)
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise BundleRejectedError([f"包内有 {len(infos)} 个条目，超过上限 {MAX_ENTRIES}。"])
            problems, refused = _check_names(infos, files, folders)
            folder = Path(tempfile.mkdtemp(prefix="huiqi-intake-", dir=workdir))  # mode 0700
            opened = OpenedBundle(path, folder, sha256=digest.hexdigest(), problems=problems)
            try:
                _stream_members(archive, [i for i in infos if id(i) not in refused], opened)
            except BaseException:
                opened.close()
                raise
            return opened
    except FileNotFoundError:
        raise BundleRejectedError([f"找不到文件：{path}"]) from None
    except UnicodeDecodeError:
        raise BundleRejectedError(["包内文件名不是有效的 UTF-8 编码，不是本程序生成的申报包。"]) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error, ValueError) as exc:
        raise BundleRejectedError([f"不是完整的 zip 文件（可能被截断或在拷贝中损坏）：{exc}"]) from None
    except NotImplementedError as exc:
        raise BundleRejectedError([f"包内文件使用了不支持的压缩方式：{exc}"]) from None
    except OSError as exc:
        raise BundleRejectedError([f"无法读取文件：{os_error_words(exc)}"]) from None


def _tail(raw: BinaryIO, size: int) -> bytes:
    raw.seek(size - _END_RECORD_SIZE - _MAX_COMMENT)
    return raw.read()


def _check_end_record(tail: bytes) -> None:
    """The entry count from the end record, before :mod:`zipfile` builds one object per entry."""
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) - at < _END_RECORD_SIZE:
        raise BundleRejectedError(["不是完整的 zip 文件：不是 zip 文件，"
                                   "或文件被截断（找不到 zip 目录结尾）。"])
    (_sig, disk, _cd_disk, _here, total, cd_size, _cd_offset,
     _comment) = struct.unpack("<4sHHHHIIH", tail[at:at + _END_RECORD_SIZE])
    if disk != 0 or total == 0xFFFF or cd_size == 0xFFFFFFFF:
        raise BundleRejectedError(["zip 文件为分卷或 ZIP64 格式，申报包从不使用这种格式。"])
    if total > MAX_ENTRIES:
        raise BundleRejectedError([f"包内有 {total} 个条目，超过上限 {MAX_ENTRIES}，"
                                   "不是本程序生成的申报包。"])


def _check_names(infos: list[zipfile.ZipInfo], files: frozenset[str],
                 folders: frozenset[str]) -> tuple[list[str], set[int]]:
    """Problems with names and methods, and the entries (by id) that must not be unpacked."""
    problems: list[str] = []
    refused: set[int] = set()
    exact: set[str] = set()
    seen: dict[str, str] = {}
    for info in infos:
        name = info.filename
        problem = _name_problem(info, files, folders)
        if problem:
            problems.append(f"包内条目“{_shown(name)}”{problem}")
            refused.add(id(info))
            continue
        before = len(problems)
        folded = unicodedata.normalize("NFC", name).casefold()
        if name in exact:
            problems.append(f"包内条目“{_shown(name)}”重复出现（可能有人在真文件前放了伪造的同名文件）。")
        elif folded in seen:
            problems.append(f"包内条目“{_shown(name)}”与“{_shown(seen[folded])}”仅大小写或字形不同，"
                            "在 Windows 上会互相覆盖。")
        exact.add(name)
        seen.setdefault(folded, name)
        if info.flag_bits & 0x1:
            problems.append(f"包内条目“{_shown(name)}”已加密，申报包从不加密。")
        if info.compress_type not in ALLOWED_METHODS:
            problems.append(f"包内条目“{_shown(name)}”使用了不支持的压缩方式（编号 {info.compress_type}），"
                            "申报包只使用存储或 deflate。")
        if len(problems) > before:
            refused.add(id(info))
    return problems, refused


def _name_problem(info: zipfile.ZipInfo, files: frozenset[str], folders: frozenset[str]) -> str | None:
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "是符号链接。"
    if not name.isascii() and not info.flag_bits & 0x800:
        return "的文件名未标明 UTF-8 编码。"
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "是绝对路径或带盘符的路径。"
    parts = name.split("/")
    if ".." in parts or "\\" in name:
        return "的路径试图跳出目录（含 .. 或反斜杠）。"
    if info.is_dir():
        return "是目录条目，申报包不含目录条目。"
    if len(name) > MAX_NAME_CHARS:
        return "的名称过长。"
    if name in files:
        return None
    if len(parts) == 2 and parts[0] in folders and _SAFE_FILE.fullmatch(parts[1]):
        return None
    return "不在申报包允许的文件名单中。"


def _shown(name: str) -> str:
    """A name fit to print: control characters made visible, cut to a readable length."""
    visible = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in name)
    return visible if len(visible) <= 80 else visible[:77] + "…"


def _stream_members(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                    opened: OpenedBundle) -> None:
    total = 0
    for index, info in enumerate(infos, start=1):
        cap = member_cap(info.filename)
        # Checked against the header first (cheap), then again byte by byte (the truth).
        ratio_cap = max(info.compress_size * MAX_RATIO, RATIO_GRACE_BYTES)
        target = opened.folder / f"{index:04d}"
        digest = hashlib.sha256()
        size = 0
        with archive.open(info) as source, target.open("wb") as sink:
            while chunk := source.read(CHUNK):
                size += len(chunk)
                total += len(chunk)
                if size > cap:
                    raise BundleRejectedError([f"{_shown(info.filename)} 解压后超过 "
                                               f"{cap // 1024 // 1024} MB 的上限"
                                          "（文件头所记大小不可信），已停止读取。"])
                if size > ratio_cap:
                    raise BundleRejectedError([f"{_shown(info.filename)} 的压缩比超过 {MAX_RATIO}:1，"
                                          "疑似压缩炸弹，已停止读取。"])
                if total > MAX_TOTAL_BYTES:
                    raise BundleRejectedError([f"申报包解压后总量超过 "
                                               f"{MAX_TOTAL_BYTES // 1024 // 1024} MB 的上限，"
                                          "已停止读取。"])
                digest.update(chunk)
                sink.write(chunk)
        opened.members[info.filename] = Member(info.filename, target, size, digest.hexdigest())
