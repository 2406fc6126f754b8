"""Applications in the user's store: open, create, copy, import and export them as ``draft`` files.

The store keeps answers as typed (see :mod:`desktop.applications.answers`); this module is
the one bridge between those records and the application file, so the wizard, 我的申报,
``export``/``import`` and the bundle all read and write an application the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Final

from desktop.applications.answers import PAGE_KEY, DraftState, StoredDraft, answers_of, read_draft
from desktop.applications.io import read_application
from desktop.applications.kinds import KINDS
from desktop.applications.model import MAX_ATTACHMENT_BYTES, ApplicationFile, AttachmentRef
from desktop.facts.io import FactsError
from desktop.facts.profile import INSTITUTION_PREFIX
from desktop.oserrors import os_error_words
from desktop.store import attachments
from desktop.store.records import RecordRef, StoreError
from desktop.store.store import Store

EXPORT_LOG_SETTING: Final = "exports.log"


class ApplicationFileError(StoreError):
    """A file that cannot be imported; nothing was changed."""


class ProfileDiffersError(ApplicationFileError):
    def __init__(self, name: str, changes: list[tuple[str, str | None, str]]) -> None:
        lines = [f"  {f}：{old or '（空）'} → {new}" for f, old, new in changes]
        super().__init__(f"本机已有同一企业“{name}”（统一社会信用代码相同），文件中的企业信息不同：\n"
                         + "\n".join(lines) + "\n确认后将用文件中的信息更新企业资料。")
        self.changes = changes


# -- reading -------------------------------------------------------------------------------------

def stored_draft(store: Store, application_id: int) -> StoredDraft:
    app = store.application(application_id)
    return StoredDraft(
        kind=app.kind, programme_id=app.programme_id or "",
        profile=store.answers(RecordRef("profile", app.profile_id)),
        main=store.answers(store.single_part(application_id)),
        equipment=[store.answers(r) for r in store.lines(application_id, "equipment")],
        loans=[store.answers(r) for r in store.lines(application_id, "loan")],
        attachments=attachment_refs(store, application_id))


def attachment_refs(store: Store, application_id: int) -> list[AttachmentRef]:
    return [AttachmentRef(material=info.material, path=path, loan=info.loan)
            for info, path in _attachment_paths(store, application_id)]


def draft_state(store: Store, application_id: int) -> DraftState:
    return read_draft(stored_draft(store, application_id))


def _attachment_paths(store: Store, application_id: int) -> list[tuple[attachments.AttachmentInfo, str]]:
    """Each attachment with its path in a file or bundle; equal names get a number."""
    seen: set[str] = set()
    out = []
    for info in attachments.list_attachments(store, application_id):
        name = PurePosixPath(info.original_name.replace("\\", "/")).name or "附件"
        stem, suffix, n = PurePosixPath(name).stem, PurePosixPath(name).suffix, 2
        while name in seen:
            name, n = f"{stem}_{n}{suffix}", n + 1
        seen.add(name)
        out.append((info, f"attachments/{name}"))
    return out


def attachment_contents(store: Store, application_id: int) -> dict[str, bytes]:
    """Attachment name in the bundle -> content (checked against its hash)."""
    return {PurePosixPath(path).name: attachments.read_attachment(store, info)
            for info, path in _attachment_paths(store, application_id)}


# -- creating ---------------------------------------------------------------------------------------

def find_draft(store: Store, profile_id: int, programme_id: str) -> int | None:
    """The enterprise's latest application for this programme, if it has one."""
    for app in store.list_applications(profile_id):
        if app.programme_id == programme_id:
            return app.id
    return None


def create_draft(store: Store, profile_id: int, kind: str, *, programme_id: str, title: str,
                 rulepack_id: str, rulepack_version: str, today: dt.date | None = None) -> int:
    """A new draft, prefilled with what the profile already says (the institution, the date)."""
    app_id = store.create_application(profile_id, kind, rulepack_id=rulepack_id,
                                      rulepack_version=rulepack_version, programme_id=programme_id,
                                      title=title)
    profile = store.answers(RecordRef("profile", profile_id))
    prefill = {"prepared_on": (today or dt.date.today()).isoformat()}
    if KINDS[kind].main_record == "institution":
        # The institution the profile already describes is the one this award is usually for.
        prefill |= {k: v for k, v in profile.items() if k.startswith(INSTITUTION_PREFIX)}
    store.save_answers(store.single_part(app_id), prefill)
    return app_id


def copy_application(store: Store, application_id: int, title: str) -> int:
    app = store.application(application_id)
    draft = stored_draft(store, application_id)
    new_id = store.create_application(app.profile_id, app.kind, rulepack_id=app.rulepack_id,
                                      rulepack_version=app.rulepack_version,
                                      programme_id=app.programme_id, title=title)
    store.save_answers(store.single_part(new_id), dict(draft.main))
    for kind, rows in (("equipment", draft.equipment), ("loan", draft.loans)):
        for row in rows:
            store.save_answers(store.add_line(new_id, kind), dict(row))  # type: ignore[arg-type]
    for info in attachments.list_attachments(store, application_id):
        attachments.add_attachment_bytes(store, new_id, attachments.read_attachment(store, info),
                                         info.original_name, info.material)
    return new_id


def what_is_lost(store: Store, application_id: int) -> str:
    """The sentence a delete confirmation shows: what exactly goes."""
    draft = stored_draft(store, application_id)
    app = store.application(application_id)
    answered = sum(1 for k, v in draft.main.items() if v.strip() and k != PAGE_KEY)
    parts = [f"“{app.title or KINDS[app.kind].label}”的 {answered} 项填写内容"]
    if draft.equipment:
        parts.append(f"购置清单 {len(draft.equipment)} 行")
    if draft.loans:
        parts.append(f"贷款 {len(draft.loans)} 笔")
    if draft.attachments:
        parts.append(f"附件 {len(draft.attachments)} 个")
    return "将删除" + "、".join(parts) + "。企业信息不受影响。"


# -- import and export ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportedApplication:
    application_id: int
    profile_id: int
    created_profile: bool


def import_application_file(store: Store, path: Path, *, rulepack_id: str, rulepack_version: str,
                            title: str = "", confirmed: bool = False) -> ImportedApplication:
    """A ``draft`` file (attachments beside it) into the store, under its enterprise's profile."""
    try:
        application = read_application(path)
    except FactsError as exc:
        raise ApplicationFileError(f"{path.name} 有 {len(exc.problems)} 个问题，未导入：\n"
                                   + "\n".join(exc.problems)) from exc
    files = _read_attachments(path.parent, application.attachments)
    return import_application(store, application, files, rulepack_id=rulepack_id,
                              rulepack_version=rulepack_version, title=title, confirmed=confirmed)


def import_application(store: Store, application: ApplicationFile, files: list[bytes], *,
                       rulepack_id: str, rulepack_version: str, title: str = "",
                       confirmed: bool = False) -> ImportedApplication:
    profile, main, equipment, loans = answers_of(application)
    profile_id = store.find_profile_by_uscc(application.enterprise.uscc) \
        if application.enterprise.uscc else None
    created = profile_id is None
    if profile_id is None:
        profile_id = store.create_profile(profile)
    else:
        current = store.answers(RecordRef("profile", profile_id))
        changes = [(k, current.get(k), v) for k, v in sorted(profile.items()) if current.get(k) != v]
        if changes and not confirmed:
            raise ProfileDiffersError(current.get("name", ""), changes)
        store.save_answers(RecordRef("profile", profile_id), {k: v for k, _old, v in changes})
    app_id = store.create_application(profile_id, application.kind, rulepack_id=rulepack_id,
                                      rulepack_version=rulepack_version,
                                      programme_id=application.programme_id,
                                      title=title or application.programme_id)
    store.save_answers(store.single_part(app_id), main)
    for kind, rows in (("equipment", equipment), ("loan", loans)):
        for row in rows:
            store.save_answers(store.add_line(app_id, kind), row)  # type: ignore[arg-type]
    for ref, content in zip(application.attachments, files, strict=True):
        attachments.add_attachment_bytes(store, app_id, content, PurePosixPath(ref.path).name, ref.material,
                                         ref.loan)
    return ImportedApplication(app_id, profile_id, created)


def _read_attachments(base: Path, refs: list[AttachmentRef]) -> list[bytes]:
    out = []
    for ref in refs:
        parts = PurePosixPath(ref.path.replace("\\", "/")).parts
        if ref.path.startswith(("/", "\\")) or ".." in parts:
            raise ApplicationFileError(f"附件路径须相对于申报文件且不能跳出其目录：{ref.path}")
        source = base / ref.path
        try:
            if source.stat().st_size > MAX_ATTACHMENT_BYTES:
                limit = MAX_ATTACHMENT_BYTES // 1024 // 1024
                raise ApplicationFileError(f"附件 {ref.path} 超过 {limit} MB。")
            out.append(source.read_bytes())
        except OSError as exc:
            raise ApplicationFileError(f"附件 {ref.path}（{ref.material}）无法读取：{os_error_words(exc)}，"
                                       "未导入任何内容。") from exc
    return out


def application_json(application: ApplicationFile) -> str:
    import json

    data = application.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def export_application_file(store: Store, application_id: int, out: Path) -> list[Path]:
    """Write the ``draft`` file and its attachments (under ``attachments/`` beside it).

    Refuses, writing nothing, while the draft is incomplete: the file must be one ``draft`` reads.
    """
    state = draft_state(store, application_id)
    if state.application is None:
        problems = [f"{k}：{v}" for k, v in state.errors.items()] + [f"未填写：{m}" for m in state.missing]
        raise ApplicationFileError("申报尚未填写完整，不能导出为申报文件：\n" + "\n".join(problems))
    contents = attachment_contents(store, application_id)
    written = []
    for name, content in contents.items():
        target = out.parent / "attachments" / name
        if target.exists() and target.read_bytes() != content:
            raise ApplicationFileError(f"{target} 已存在且内容不同；请换一个导出文件夹。")
    for name, content in contents.items():
        target = out.parent / "attachments" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    out.write_text(application_json(state.application), encoding="utf-8")
    return [out, *written]


# -- the export log (导出记录) ---------------------------------------------------------------------

@dataclass(frozen=True)
class ExportRecord:
    at: str
    application_id: int
    title: str
    file: str
    sha256: str
    rulepack: str

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at, "application_id": self.application_id, "title": self.title,
                "file": self.file, "sha256": self.sha256, "rulepack": self.rulepack}


def record_export(store: Store, application_id: int, bundle: Path, rulepack: str,
                  at: dt.datetime | None = None) -> ExportRecord:
    app = store.application(application_id)
    record = ExportRecord((at or dt.datetime.now()).isoformat(timespec="seconds"), application_id,
                          app.title, str(bundle), hashlib.sha256(bundle.read_bytes()).hexdigest(), rulepack)
    log = list(store.setting(EXPORT_LOG_SETTING, []))
    store.set_setting(EXPORT_LOG_SETTING, [record.to_json(), *log][:1000])
    store.set_status(application_id, "exported")
    return record


def export_records(store: Store) -> list[ExportRecord]:
    return [ExportRecord(**item) for item in store.setting(EXPORT_LOG_SETTING, [])
            if isinstance(item, dict)]


def same_recognition(store: Store, application_id: int, document_no: str) -> list[str]:
    """Other R&D-award applications in this data folder citing the same recognition document."""
    wanted = document_no.strip()
    if not wanted:
        return []
    found = []
    for other in store.list_applications():
        if other.id == application_id or KINDS[other.kind].main_record != "institution":
            continue
        theirs = store.answers(store.single_part(other.id)).get("institution_document_no", "")
        if theirs.strip() == wanted:
            found.append(f"{other.profile_name} · {other.title or other.programme_id}")
    return found
