"""Honest bundles drafted from the examples, and the tools to make hostile ones from them."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import struct
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from desktop.applications.io import read_application
from desktop.applications.model import ApplicationFile
from desktop.bundle.build import bundle_bytes
from desktop.documents.drafting import draft
from desktop.rules.database import bundled_pack
from tests.conftest import ROOT

CREATED = dt.datetime(2012, 3, 1, 9, 0)
KINDS = ("tech_upgrade", "loan_interest", "rd_institution")
ATTACHMENT = (ROOT / "examples" / "attachments" / "备案通知书.pdf")


def example(kind: str) -> ApplicationFile:
    return read_application(ROOT / "examples" / f"application_{kind}.json")


def honest_bytes(application: ApplicationFile, attachments: dict[str, bytes] | None = None) -> bytes:
    if attachments is None and application.kind == "tech_upgrade":
        attachments = {ATTACHMENT.name: ATTACHMENT.read_bytes()}
    return bundle_bytes(draft(application, bundled_pack(), CREATED), attachments or {})


@cache
def honest(kind: str) -> bytes:
    return honest_bytes(example(kind))


def members(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(files: list[tuple[str, bytes]] | dict[str, bytes], *,
          method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    items = files.items() if isinstance(files, dict) else files
    with zipfile.ZipFile(out, "w", compression=method) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return out.getvalue()


def rehash(files: dict[str, bytes]) -> dict[str, bytes]:
    """The tamperer who also rewrites the manifest: every hash and size made to match."""
    manifest = json.loads(files["manifest.json"])
    manifest["files"] = {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                         for name, data in files.items() if name != "manifest.json"}
    return {**files, "manifest.json": json.dumps(manifest, ensure_ascii=False).encode("utf-8")}


def edited(kind: str, name: str, edit: Callable[[Any], Any], *, rehashed: bool = True) -> bytes:
    files = members(honest(kind))
    files[name] = json.dumps(edit(json.loads(files[name])), ensure_ascii=False).encode("utf-8") \
        if name.endswith(".json") else edit(files[name])
    return rezip(rehash(files) if rehashed else files)


def patch_member(content: bytes, name: str, *, method: int | None = None, flags: int | None = None,
                 new_name: bytes | None = None) -> bytes:
    """Rewrite a member's compression method, flag bits or raw name in both of its headers."""
    data = bytearray(content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    raw_name = name.encode("utf-8")
    central = struct.unpack_from("<I", data, data.rfind(b"PK\x05\x06") + 16)[0]
    while True:  # walk the central directory entry by entry
        assert data[central:central + 4] == b"PK\x01\x02", name
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, central + 28)
        if bytes(data[central + 46:central + 46 + name_len]) == raw_name:
            break
        central += 46 + name_len + extra_len + comment_len
    for header, method_at, flags_at, name_at in ((local, 8, 6, 30), (central, 10, 8, 46)):
        if method is not None:
            struct.pack_into("<H", data, header + method_at, method)
        if flags is not None:
            struct.pack_into("<H", data, header + flags_at, flags)
        if new_name is not None:
            assert len(new_name) == len(raw_name)
            data[header + name_at:header + name_at + len(new_name)] = new_name
    return bytes(data)


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path
