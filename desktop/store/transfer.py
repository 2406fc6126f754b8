"""Export and import of one profile (with its applications) or one application.

Import never silently duplicates an enterprise: when the file's 统一社会信用代码 (or the
profile's own id) is already on this PC, :func:`plan_import` lists what would change and
:func:`apply_import` refuses until the caller confirms the merge.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from desktop import __version__, safejson
from desktop.applications.kinds import KINDS
from desktop.facts.bounds import describe
from desktop.reference.identifiers import validate_uscc
from desktop.store import attachments
from desktop.store.records import RecordRef, StoreError
from desktop.store.schema import Application, Profile
from desktop.store.store import Store
from desktop.store.transfer_format import (
    MAX_TRANSFER_BYTES,
    TRANSFER_FORMAT,
    TRANSFER_SCHEMA_VERSION,
    AnswerMap,
    TransferApplication,
    TransferAttachment,
    TransferDocument,
    TransferProfile,
)


class TransferError(StoreError):
    pass


class NeedsConfirmationError(TransferError):
    def __init__(self, plan: ImportPlan) -> None:
        super().__init__("导入会合并到已有的企业资料，需要确认：\n" + "\n".join(plan.describe()))
        self.plan = plan


# -- export -------------------------------------------------------------------------------

def export_profile(store: Store, profile_id: int, *, now: dt.datetime | None = None) -> dict[str, Any]:
    apps = [a.id for a in store.list_applications(profile_id)]
    return _document(store, profile_id, apps, "profile", now)


def export_application(store: Store, application_id: int, *,
                       now: dt.datetime | None = None) -> dict[str, Any]:
    app = store.application(application_id)
    return _document(store, app.profile_id, [application_id], "application", now)


def write_transfer(document: dict[str, Any], out: Path) -> None:
    out.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


def _document(store: Store, profile_id: int, app_ids: list[int], scope: str,
              now: dt.datetime | None) -> dict[str, Any]:
    with store.read() as session:
        profile = session.get(Profile, profile_id)
        if profile is None:
            raise TransferError(f"企业资料 {profile_id} 不存在。")
        doc = TransferDocument(
            format=TRANSFER_FORMAT, schema_version=TRANSFER_SCHEMA_VERSION, scope=scope,  # type: ignore[arg-type]
            app_version=__version__, exported_at=now or dt.datetime.now(dt.UTC),
            profile=TransferProfile(uid=profile.uid, answers=store.answers(RecordRef("profile", profile.id))),
            applications=[_export_app(store, app_id) for app_id in app_ids])
    return doc.model_dump(mode="json")


def _export_app(store: Store, app_id: int) -> TransferApplication:
    app = store.application(app_id)
    single: dict[str, AnswerMap | None] = {"project": None, "institution": None}
    ref = store.single_part(app_id)
    single[ref.kind] = store.answers(ref)
    files = [
        TransferAttachment(material=a.material, original_name=a.original_name, sha256=a.sha256, size=a.size,
                           content_base64=base64.b64encode(attachments.read_attachment(store, a)).decode())
        for a in attachments.list_attachments(store, app_id)
    ]
    return TransferApplication(
        uid=app.uid, kind=app.kind, programme_id=app.programme_id, title=app.title,  # type: ignore[arg-type]
        status=app.status, rulepack_id=app.rulepack_id,  # type: ignore[arg-type]
        rulepack_version=app.rulepack_version, project=single["project"], institution=single["institution"],
        equipment=[store.answers(r) for r in store.lines(app_id, "equipment")],
        loans=[store.answers(r) for r in store.lines(app_id, "loan")], attachments=files)


# -- import -------------------------------------------------------------------------------

def read_transfer(path: Path) -> TransferDocument:
    """Parse and check a transfer file; refuse newer or unknown formats with a clear message."""
    try:
        data = safejson.load_file(path, max_bytes=MAX_TRANSFER_BYTES)
    except safejson.JsonLimitError as exc:
        raise TransferError(f"{path.name} 不是有效的资料文件：{exc}。未导入任何内容。") from exc
    return parse_transfer(data)


def parse_transfer(data: Any) -> TransferDocument:
    if not isinstance(data, dict) or data.get("format") != TRANSFER_FORMAT:
        raise TransferError("这不是惠企申报助手导出的资料文件（缺少或不认识 format 字段）。"
                            " Not a transfer file of this app.")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TransferError(f"资料文件的格式版本无法识别：{version!r}。 Unknown schema version.")
    if version > TRANSFER_SCHEMA_VERSION:
        raise TransferError(
            f"该文件由更新版本的程序导出（格式版本 {version}），本版本只能读取版本 {TRANSFER_SCHEMA_VERSION}"
            f" 及以下。请先升级程序再导入。 Exported by a newer version (schema {version}); please upgrade.")
    if version < 1:
        raise TransferError(f"资料文件的格式版本无效：{version}。")
    try:
        return TransferDocument.model_validate(data)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}：{describe(e)}" for e in exc.errors()[:10]]
        raise TransferError("资料文件内容有误，未导入任何内容：\n" + "\n".join(problems)) from exc


@dataclass(frozen=True)
class FieldChange:
    field: str
    current: str | None
    incoming: str


@dataclass
class ImportPlan:
    document: TransferDocument
    match_profile_id: int | None = None
    match_name: str = ""
    matched_by: str = ""
    changes: list[FieldChange] = field(default_factory=list)
    replaced_applications: list[str] = field(default_factory=list)

    @property
    def needs_confirmation(self) -> bool:
        return self.match_profile_id is not None or bool(self.replaced_applications)

    def describe(self) -> list[str]:
        lines = []
        if self.match_profile_id is not None:
            lines.append(f"本机已有同一企业“{self.match_name}”（{self.matched_by}相同），将合并而不是新建。")
            lines += [f"  {c.field}：{c.current or '（空）'} → {c.incoming}" for c in self.changes]
            if not self.changes:
                lines.append("  企业信息没有差异。")
        lines += [f"已有的申报“{title}”将被文件中的版本替换。" for title in self.replaced_applications]
        apps = len(self.document.applications) - len(self.replaced_applications)
        if apps:
            lines.append(f"将新增 {apps} 份申报。")
        return lines


def plan_import(store: Store, document: TransferDocument) -> ImportPlan:
    plan = ImportPlan(document)
    incoming = document.profile.answers
    check = validate_uscc(incoming["uscc"]) if incoming.get("uscc") else None
    with store.read() as session:
        match = None
        if check is not None and check.ok:
            match = session.scalars(select(Profile).where(Profile.uscc == check.normalised)
                                    .order_by(Profile.id)).first()
            plan.matched_by = "统一社会信用代码"
        if match is None:
            match = session.scalars(select(Profile).where(Profile.uid == document.profile.uid)).first()
            plan.matched_by = "资料编号"
        if match is not None:
            plan.match_profile_id, plan.match_name = match.id, match.name or "（未命名）"
            held = store.answers(RecordRef("profile", match.id))
            plan.changes = [FieldChange(k, held.get(k), v) for k, v in sorted(incoming.items())
                            if v.strip() and held.get(k) != v]
        uids = [a.uid for a in document.applications]
        existing = session.execute(select(Application.uid, Application.title)
                                   .where(Application.uid.in_(uids))).all()
        plan.replaced_applications = [title or uid for uid, title in existing]
    return plan


@dataclass(frozen=True)
class ImportResult:
    profile_id: int
    created_profile: bool
    application_ids: list[int]


def apply_import(store: Store, plan: ImportPlan, *, confirmed: bool = False) -> ImportResult:
    if plan.needs_confirmation and not confirmed:
        raise NeedsConfirmationError(plan)
    doc = plan.document
    # Decoded and checked up front, so a bad attachment stops the import before any write.
    contents = [[_check_attachment(item) for item in app.attachments] for app in doc.applications]
    if plan.match_profile_id is None:
        profile_id = store.create_profile(doc.profile.answers)
        with store.write() as session:
            created = session.get(Profile, profile_id)
            if created is not None and not _uid_taken(session, Profile, doc.profile.uid):
                created.uid = doc.profile.uid
    else:
        profile_id = plan.match_profile_id
        store.save_answers(RecordRef("profile", profile_id), {c.field: c.incoming for c in plan.changes})
    app_ids = [_import_application(store, profile_id, app, files)
               for app, files in zip(doc.applications, contents, strict=True)]
    return ImportResult(profile_id, plan.match_profile_id is None, app_ids)


def _uid_taken(session: Any, cls: type[Profile] | type[Application], uid: str) -> bool:
    return session.scalars(select(cls.id).where(cls.uid == uid)).first() is not None


def _check_attachment(item: TransferAttachment) -> bytes:
    try:
        content = base64.b64decode(item.content_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise TransferError(f"附件 {item.original_name} 的内容无法解码，未导入任何内容。") from exc
    if hashlib.sha256(content).hexdigest() != item.sha256 or len(content) != item.size:
        raise TransferError(f"附件 {item.original_name} 与其校验值不符（文件可能已损坏），未导入任何内容。")
    return content


def _import_application(store: Store, profile_id: int, app: TransferApplication,
                        files: list[bytes]) -> int:
    with store.read() as session:
        existing = session.scalars(select(Application.id).where(Application.uid == app.uid)).first()
    if existing is not None:
        store.delete_application(existing)
    app_id = store.create_application(profile_id, app.kind, rulepack_id=app.rulepack_id,
                                      rulepack_version=app.rulepack_version,
                                      programme_id=app.programme_id, title=app.title)
    with store.write() as session:
        row = session.get(Application, app_id)
        if row is not None:
            row.uid = app.uid
            row.status = app.status
    single = app.project if KINDS[app.kind].main_record == "project" else app.institution
    if single:
        store.save_answers(store.single_part(app_id), single)
    for kind, lines in (("equipment", app.equipment), ("loan", app.loans)):
        for answers in lines:
            store.save_answers(store.add_line(app_id, kind), answers)  # type: ignore[arg-type]
    for item, content in zip(app.attachments, files, strict=True):
        attachments.add_attachment_bytes(store, app_id, content, item.original_name, item.material)
    return app_id
