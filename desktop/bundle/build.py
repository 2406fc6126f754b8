"""Write a bundle zip, byte-identical for the same answers and the same stated creation time.

Layout::

    manifest.json        app and document-builder versions, rule-pack identity, creation time,
                         SHA-256 and size per file
    application.json     every answer (the ``draft`` input, schema-versioned; re-importable)
    assessment.json      the eligibility snapshot with the rule-pack id, version and hash
    documents/...        the generated PDFs and workbooks
    attachments/...      the user's files, as given
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any, Final

from desktop import __version__
from desktop.documents import BUILDER_VERSION
from desktop.documents.drafting import Draft
from desktop.documents.zipfiles import deterministic_zip

BUNDLE_FORMAT: Final = "huiqi-shenbao/bundle"
BUNDLE_SCHEMA_VERSION: Final = 1
MANIFEST: Final = "manifest.json"


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def bundle_bytes(draft: Draft, attachments: dict[str, bytes]) -> bytes:
    ctx = draft.context
    files: dict[str, bytes] = {
        "application.json": _json_bytes(ctx.application.model_dump(mode="json", by_alias=True,
                                                                   exclude_none=True)),
        "assessment.json": _json_bytes(ctx.assessment.to_json()),
    }
    files.update({f"documents/{name}": content for name, content in draft.documents.items()})
    files.update({f"attachments/{name}": content for name, content in attachments.items()})
    manifest = {
        "format": BUNDLE_FORMAT,
        "schema_version": BUNDLE_SCHEMA_VERSION,
        "app_version": __version__,
        "builder_version": BUILDER_VERSION,
        "created_at": ctx.created.isoformat(),
        "kind": ctx.application.kind,
        "programme_id": ctx.application.programme_id,
        "enterprise": {"name": ctx.enterprise_name, "uscc": ctx.application.enterprise.uscc},
        "rulepack": ctx.assessment.rulepack.to_json(),
        "files": {name: {"sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
                  for name, content in sorted(files.items())},
    }
    return _zip({MANIFEST: _json_bytes(manifest), **files}, ctx.created)


def _zip(files: dict[str, bytes], created: dt.datetime) -> bytes:
    order = [MANIFEST, *sorted(n for n in files if n != MANIFEST)]
    return deterministic_zip(((name, files[name]) for name in order), created)


def write_bundle(draft: Draft, attachments: dict[str, bytes], out: Path) -> Path:
    data = bundle_bytes(draft, attachments)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    return out
