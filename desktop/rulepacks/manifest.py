"""The signed manifest: what the pack is, until when to trust it, and every file's hash.

The signature covers the manifest's exact bytes, so nothing is re-serialised before checking.
Every other file in the pack must be listed here with its SHA-256 and size (TUF's
mix-and-match threat: files from two packs cannot be combined).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from desktop.rulepacks.errors import PackRefusedError

FORMAT = 1
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FileEntry(_Strict):
    sha256: Sha256
    size: int = Field(ge=0)


class Manifest(_Strict):
    format: Literal[1] = 1
    pack_id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")
    version: str = Field(pattern=r"^[0-9]{1,9}(\.[0-9]{1,9}){1,3}$")
    title: str = Field(max_length=300)
    issued_by: str = Field(max_length=300)
    created: dt.datetime
    valid_from: dt.date
    # After this day the app warns that the pack may be stale (TUF's freeze attack: an old
    # pack replayed forever looks fine unless it carries an end).
    valid_until: dt.date
    min_app_version: str = Field(pattern=r"^[0-9]{1,9}(\.[0-9]{1,9}){1,3}$")
    changelog: list[Annotated[str, Field(max_length=2000)]] = Field(min_length=1, max_length=200)
    files: dict[str, FileEntry]

    @model_validator(mode="after")
    def _span(self) -> Manifest:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until 早于 valid_from")
        return self


class Signature(_Strict):
    algorithm: Literal["ed25519"] = "ed25519"
    key: Sha256
    signature: str = Field(max_length=200)

    def raw(self) -> bytes:
        try:
            return base64.b64decode(self.signature, validate=True)
        except ValueError as exc:
            raise PackRefusedError("签名文件损坏（不是有效的 base64）。") from exc


def file_entry(data: bytes) -> FileEntry:
    return FileEntry(sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def manifest_bytes(manifest: Manifest) -> bytes:
    return json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, sort_keys=True,
                      indent=1).encode("utf-8")


def parse_manifest(data: bytes) -> Manifest:
    try:
        return Manifest.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "-"
        raise PackRefusedError(f"清单（manifest.json）格式不正确：{where}：{first['msg']}") from exc


def parse_signature(data: bytes) -> Signature:
    try:
        return Signature.model_validate_json(data)
    except ValidationError as exc:
        raise PackRefusedError("签名文件（manifest.sig）格式不正确。") from exc
