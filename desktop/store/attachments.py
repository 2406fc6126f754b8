"""Attachments: files copied into the data folder, named by their SHA-256.

The copy is what counts: the original may move or change later.  Identical files are
stored once.  Every read re-checks the hash, so a file damaged on disk is reported.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desktop.applications.model import MAX_ATTACHMENT_BYTES
from desktop.oserrors import os_error_words
from desktop.store.records import StoreError
from desktop.store.schema import Application, Attachment
from desktop.store.store import Store, audit, get_or_fail


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    application_id: int
    material: str
    original_name: str
    sha256: str
    size: int
    stored_name: str
    loan: int | None = None


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


def stored_path(data_dir: Path, stored_name: str) -> Path:
    return attachments_dir(data_dir) / stored_name[:2] / stored_name


def store_bytes(data_dir: Path, content: bytes, suffix: str) -> tuple[str, str]:
    """Write content under its hash (once); returns (sha256, stored_name)."""
    digest = hashlib.sha256(content).hexdigest()
    name = digest + _safe_suffix(suffix)
    target = stored_path(data_dir, name)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(content)
        partial.replace(target)
    return digest, name


def _safe_suffix(suffix: str) -> str:
    cleaned = "".join(c for c in suffix.lower() if c.isalnum() or c == ".")[:10]
    return cleaned if cleaned.startswith(".") else ""


def add_attachment(store: Store, application_id: int, source: Path, material: str = "",
                   loan: int | None = None) -> AttachmentInfo:
    try:
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise StoreError(f"附件 {source.name} 有 {size / 1024 / 1024:.1f} MB，超过 "
                             f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 的上限；请压缩或拆分后再添加。")
        content = source.read_bytes()
    except OSError as exc:
        raise StoreError(f"无法读取附件 {source}：{os_error_words(exc)}") from exc
    return add_attachment_bytes(store, application_id, content, source.name, material, loan)


def add_attachment_bytes(store: Store, application_id: int, content: bytes, original_name: str,
                         material: str = "", loan: int | None = None) -> AttachmentInfo:
    digest, name = store_bytes(store.data_dir, content, Path(original_name).suffix)
    with store.write() as session:
        get_or_fail(session, Application, application_id)
        row = Attachment(application_id=application_id, material=material[:200],
                         original_name=original_name[:255], sha256=digest, size=len(content),
                         stored_name=name, loan=loan)
        session.add(row)
        session.flush()
        audit(session, "attachment", row.id, "*", None, f"{original_name} sha256={digest}")
        return _info(row)


def list_attachments(store: Store, application_id: int) -> list[AttachmentInfo]:
    with store.read() as session:
        rows = session.scalars(select(Attachment).where(Attachment.application_id == application_id)
                               .order_by(Attachment.id))
        return [_info(r) for r in rows]


def read_attachment(store: Store, info: AttachmentInfo) -> bytes:
    path = stored_path(store.data_dir, info.stored_name)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"附件 {info.original_name} 的存档文件缺失：{path}") from exc
    if hashlib.sha256(content).hexdigest() != info.sha256:
        raise StoreError(f"附件 {info.original_name} 的存档文件已被修改或损坏（SHA-256 不符）。")
    return content


def remove_attachment(store: Store, attachment_id: int) -> None:
    """Forget the attachment; the stored file stays (another row may share it)."""
    with store.write() as session:
        row = get_or_fail(session, Attachment, attachment_id)
        audit(session, "attachment", row.id, "*", f"{row.original_name} sha256={row.sha256}", None)
        session.delete(row)


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.application_id, row.material, row.original_name, row.sha256,
                          row.size, row.stored_name, row.loan)
