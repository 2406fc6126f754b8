"""Read a pack's zip into memory within hard limits, trusting nothing the archive says.

Threats handled here (the signature is checked only afterwards, on what was read):
- oversized packs and zip bombs: the archive, the number of entries and every entry's and the
  total decompressed size are capped, and sizes are counted while streaming, not taken from
  the (forgeable) headers;
- odd compression: only stored and deflate;
- zip-slip and arbitrary files: every name must match the allow-list (no absolute paths, no
  ``..``, no backslashes, no folders but ours), and nothing is ever extracted by its own name;
- duplicate names (one name, two contents): refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from desktop.rulepacks.errors import PackRefusedError, os_error_words

MAX_ARCHIVE_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 200
MAX_ENTRY_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 40 * 1024 * 1024
_CHUNK = 64 * 1024

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
NOT_SIGNED = ("不是签名规则包（缺少 manifest.json 与签名）；请用 rules sign 生成，"
              "不要直接压缩规则源目录。已拒绝。")
ALLOWED_NAMES = (
    re.compile(r"^manifest\.json$"),
    re.compile(r"^manifest\.sig$"),
    re.compile(r"^rules/(pack|documents)\.yaml$"),
    re.compile(r"^rules/programmes/[a-z0-9][a-z0-9_-]{0,60}\.yaml$"),
    re.compile(r"^policies/[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.txt$"),
)


def allowed(name: str) -> bool:
    return ".." not in name and any(p.match(name) for p in ALLOWED_NAMES)


def read_pack_archive(path: Path) -> tuple[bytes, dict[str, bytes]]:
    """The archive's bytes and every entry's bytes by name, or :class:`PackRefusedError`.

    The archive is read into memory once, so what is verified is exactly what gets kept
    (a file on a USB stick could change between two reads).
    """
    too_big = f"规则包过大（超过 {MAX_ARCHIVE_BYTES:,} 字节），已拒绝。"
    try:
        if path.stat().st_size > MAX_ARCHIVE_BYTES:
            raise PackRefusedError(too_big)
        with path.open("rb") as handle:
            raw = handle.read(MAX_ARCHIVE_BYTES + 1)
    except OSError as exc:
        raise PackRefusedError(f"无法读取规则包 {path}：{os_error_words(exc)}。") from exc
    if len(raw) > MAX_ARCHIVE_BYTES:
        raise PackRefusedError(too_big)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return raw, _read_entries(archive)
    except zipfile.BadZipFile as exc:
        raise PackRefusedError(f"{path.name} 不是有效的规则包：不是 zip 文件，或 zip 文件已损坏。") from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError, zlib.error) as exc:
        raise PackRefusedError(f"规则包 {path.name} 无法读取：zip 文件已损坏或不完整。") from exc


def _read_entries(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackRefusedError(f"规则包内文件过多（{len(infos)} 个，上限 {MAX_ENTRIES}），已拒绝。")
    signed = MANIFEST in {info.filename for info in infos}
    files: dict[str, bytes] = {}
    total = 0
    for info in infos:
        name = info.filename
        if not allowed(name):
            if not signed:  # a plain zip (say, of the rule source): say what it is not, first
                raise PackRefusedError(NOT_SIGNED)
            raise PackRefusedError(f"规则包含有不允许的文件 {name!r}（只能是规则 YAML 与政策原文），已拒绝。")
        if name in files:
            raise PackRefusedError(f"规则包中 {name} 出现了两次，已拒绝。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackRefusedError(f"规则包中 {name} 使用了不支持的压缩方式，已拒绝。")
        if info.flag_bits & 0x1:
            raise PackRefusedError(f"规则包中 {name} 已加密，已拒绝。")
        data = _read_bounded(archive, info, MAX_TOTAL_BYTES - total)
        total += len(data)
        files[name] = data
    if not signed:
        raise PackRefusedError(NOT_SIGNED)
    return files


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    limit = min(MAX_ENTRY_BYTES, budget)
    parts: list[bytes] = []
    read = 0
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > limit:
                raise PackRefusedError(
                    f"规则包中 {info.filename} 解压后过大（超过 {limit:,} 字节），已拒绝。")
            parts.append(chunk)
    return b"".join(parts)
