"""Build signed packs for tests: from the shipped source, or from hand-made (hostile) files."""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path

from desktop.paths import resource
from desktop.rulepacks.build import check_source, collect_files, write_archive
from desktop.rulepacks.keys import PrivateKey, fingerprint
from desktop.rulepacks.manifest import Manifest, Signature, file_entry, manifest_bytes
from desktop.rulepacks.ziplimits import MANIFEST, SIGNATURE

SOURCE = resource("rules", "source")
TEXTS = resource("policies")
CREATED = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def shipped_files() -> dict[str, bytes]:
    return collect_files(SOURCE, TEXTS, check_source(SOURCE))


def with_version(files: dict[str, bytes], version: str) -> dict[str, bytes]:
    text = files["rules/pack.yaml"].decode("utf-8")
    return files | {"rules/pack.yaml": re.sub(r"(?m)^version: .*$", f"version: {version}", text).encode()}


def manifest_for(files: dict[str, bytes], version: str, **overrides: object) -> Manifest:
    fields: dict[str, object] = {
        "pack_id": "huiqi-builtin", "version": version, "title": "测试规则包", "issued_by": "测试主管部门",
        "created": CREATED, "valid_from": dt.date(2027, 1, 1), "valid_until": dt.date(2027, 12, 31),
        "min_app_version": "0.1.0", "changelog": ["测试用变更"],
        "files": {name: file_entry(data) for name, data in files.items()},
    }
    return Manifest.model_validate(fields | overrides)


def write_pack(out: Path, files: dict[str, bytes], key: PrivateKey, version: str,
               *, extra: dict[str, bytes] | None = None, **overrides: object) -> Path:
    """Sign ``files`` as they are (no validation): hostile content gets a valid signature."""
    data = manifest_bytes(manifest_for(files, version, **overrides))
    signature = Signature(key=fingerprint(key.public_key()),
                          signature=base64.b64encode(key.sign(data)).decode())
    write_archive(out, {MANIFEST: data, SIGNATURE: signature.model_dump_json().encode(),
                        **files, **(extra or {})})
    return out
