"""Prove a bundle, not trust it: what ``bundle verify`` and the official's desk both run.

After :mod:`desktop.bundle.reading` has unpacked the zip safely:

1. the manifest is ours, in a version we read, and lists exactly the files present with
   their SHA-256 and size;
2. ``application.json`` validates against its schema version, and the application is
   assessed again with the desk's rule pack (:mod:`desktop.bundle.recheck`); with the same
   pack the bundle's ``assessment.json`` must follow exactly, with another the differences
   are listed for the reviewer;
3. every document is drafted again from ``application.json`` and compared byte for byte
   (:mod:`desktop.bundle.redraft`), since the builders are deterministic.  Answers that
   cannot be drafted at all (an edited figure that no longer adds up) are a problem: papers
   that cannot be re-drafted cannot be proven, whatever the manifest's hashes say;
4. each item of the programme's materials checklist is provided, missing or not applicable.

``problems`` make a bundle unacceptable; ``notes`` and ``differences`` are for the reviewer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from desktop.applications.model import ApplicationFile
from desktop.bundle.build import BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, MANIFEST
from desktop.bundle.reading import BundleRejectedError, OpenedBundle, open_bundle
from desktop.bundle.recheck import recheck
from desktop.bundle.redraft import DocumentCheck, compare_documents
from desktop.bundle.safejson import JsonRejectedError, load_bounded
from desktop.documents.context import DraftContext
from desktop.documents.drafting import DraftError, prepare
from desktop.documents.materials import STATUS_TEXT, material_statuses
from desktop.rules.pack import RulePack
from desktop.rules.results import STATUS_LABELS, Assessment, Status

REQUIRED = ("application.json", "assessment.json")
# The drafting checklist's own states: a document the package holds but that awaits a seal
# (the pledge, signed after the grant) is "to_sign", not "provided".
ChecklistStatus = Literal["provided", "to_sign", "missing", "not_applicable"]


@dataclass(frozen=True)
class ChecklistItem:
    material: str
    status: ChecklistStatus
    where: str

    @property
    def label(self) -> str:
        return STATUS_TEXT[self.status]


@dataclass(frozen=True)
class Outcome:
    """One programme's verdict and figure (元), as a snapshot or a re-assessment gives it."""

    status: str
    wan: str | None

    def describe(self) -> str:
        try:
            label = STATUS_LABELS[Status(self.status)]
        except ValueError:
            label = self.status
        return label + (f"，{self.wan} 万元" if self.wan is not None else "")


@dataclass
class Proof:
    path: Path
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    bundle_sha256: str = ""
    application: ApplicationFile | None = None
    assessment: dict[str, Any] | None = None
    assessed_on: dt.date | None = None
    claimed: Outcome | None = None  # the enterprise's own snapshot, for this programme
    desk: Outcome | None = None  # the desk's rule pack on the same answers and day
    differences: list[str] = field(default_factory=list)
    documents: list[DocumentCheck] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def prove(path: Path, pack: RulePack | None, *, redraft: bool = True,
          workdir: Path | None = None) -> Proof:
    """Every check this bundle can be put through; without a pack, only its integrity."""
    proof = Proof(path)
    try:
        opened = open_bundle(path, workdir)
    except BundleRejectedError as exc:
        proof.problems += exc.problems
        return proof
    with opened:
        proof.bundle_sha256 = opened.sha256
        proof.problems += opened.problems
        _check_manifest(opened, proof)
        if proof.problems or pack is None:
            return proof
        assessment = _reassess(opened, pack, proof)
        if proof.application is None or proof.problems:
            return proof
        context = _context(proof, pack, assessment)
        if context is not None:
            proof.checklist = _checklist(context, opened)
            proof.documents = compare_documents(opened, context, proof.manifest, pack, redraft=redraft)
            proof.problems += [d.problem for d in proof.documents if d.problem]
    return proof


def _check_manifest(opened: OpenedBundle, proof: Proof) -> None:
    if MANIFEST not in opened.members:
        proof.problems.append("缺少 manifest.json，无法校验。")
        return
    try:
        manifest = load_bounded(opened.read(MANIFEST), MANIFEST)
    except JsonRejectedError as exc:
        proof.problems.append(str(exc))
        return
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        proof.problems.append("manifest.json 不是惠企申报助手的申报包清单。")
        return
    version = manifest.get("schema_version")
    if version != BUNDLE_SCHEMA_VERSION:
        proof.problems.append(f"申报包格式版本 {version!r} 不受支持"
                              f"（本程序读取版本 {BUNDLE_SCHEMA_VERSION}）。")
        return
    proof.manifest = manifest
    listed = manifest.get("files")
    if not isinstance(listed, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("sha256"), str) and type(v.get("size")) is int
            for v in listed.values()):
        proof.problems.append("manifest.json 的文件清单格式不对，无法校验。")
        return
    proof.problems += [f"清单中缺少必需的文件 {name}。" for name in REQUIRED if name not in listed]
    present = set(opened.members) - {MANIFEST}
    proof.problems += [f"包内有清单未列出的文件：{n}" for n in sorted(present - set(listed))]
    proof.problems += [f"清单列出的文件缺失：{n}" for n in sorted(set(listed) - present)]
    for name in sorted(set(listed) & present):
        member, expected = opened.members[name], listed[name]
        if member.sha256 != expected["sha256"]:
            proof.problems.append(f"{name} 的 SHA-256 与清单不符：文件已被修改或损坏。")
        elif member.size != expected["size"]:
            proof.problems.append(f"{name} 的大小与清单不符。")


def _reassess(opened: OpenedBundle, pack: RulePack, proof: Proof) -> Assessment | None:
    """Re-assess with the desk's pack; return that assessment for drafting to reuse."""
    rechecked = recheck(proof.manifest, opened.read("application.json"),
                        opened.read("assessment.json"), pack)
    proof.problems += rechecked.problems
    proof.notes += rechecked.notes
    proof.application, proof.assessment = rechecked.application, rechecked.bundled
    proof.assessed_on = rechecked.assessed_on
    if rechecked.application is None or rechecked.bundled is None or rechecked.recomputed is None:
        return rechecked.assessment
    programme_id = rechecked.application.programme_id
    proof.claimed = _outcome_of(rechecked.bundled, programme_id)
    proof.desk = _outcome_of(rechecked.recomputed, programme_id)
    if proof.claimed != proof.desk:
        claimed = proof.claimed.describe() if proof.claimed else "（无结果）"
        desk = proof.desk.describe() if proof.desk else "（规则包中无此项目）"
        proof.differences.append(f"复核结果不同：企业自评为“{claimed}”，按本机规则包为“{desk}”。")
    return rechecked.assessment


def _outcome_of(assessment: dict[str, Any], programme_id: str) -> Outcome | None:
    result = next((r for r in assessment.get("results", [])
                   if isinstance(r, dict) and r.get("programme_id") == programme_id), None)
    if result is None:
        return None
    amount = result.get("amount") if isinstance(result.get("amount"), dict) else {}
    wan = amount.get("wan") if amount else None
    return Outcome(str(result.get("status")), None if wan is None else str(wan))


def created_of(manifest: dict[str, Any]) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        return None


def _context(proof: Proof, pack: RulePack, assessment: Assessment | None) -> DraftContext | None:
    """The drafting context the desk's rules give these answers, or why there is none."""
    assert proof.application is not None
    created = created_of(proof.manifest)
    if created is None:
        proof.problems.append("manifest.json 的生成时间无法识别。")
        return None
    try:
        return prepare(proof.application, pack, created, proof.assessed_on, assessment)
    except DraftError as exc:
        # Papers that cannot be drafted again from the answers cannot be compared with
        # anything, so nothing proves they say what application.json says: an edited figure
        # (the manifest re-hashed) lands here, because drafting refuses answers that no
        # longer add up.  An honest bundle drafted under the same pack never does.
        their_pack = (proof.manifest.get("rulepack") or {})
        hint = ("" if their_pack.get("sha256") == pack.identity.sha256 else
                f"（申报包按规则包 {their_pack.get('id')} {their_pack.get('version')} 生成，"
                f"本机为 {pack.identity.id} {pack.identity.version}；如确因规则包不同，"
                "请企业用当前规则包重新生成申报包）")
        # Drafting's problems end with "。": joined with "；" they would read "不一致。；".
        listed = "；".join(p.rstrip("。") for p in exc.problems[:5]) + (
            f"；另有 {len(exc.problems) - 5} 个问题" if len(exc.problems) > 5 else "")
        proof.problems.append(
            "不能由 application.json 重新生成申报材料，包内文书无法核对，"
            f"不能证明其内容与申报内容一致{hint}：{listed}")
        return None


def _checklist(context: DraftContext, opened: OpenedBundle) -> list[ChecklistItem]:
    """The materials list as drafting states it, with attachments checked to be in the bundle."""
    attached = {ref.material: Path(ref.path).name for ref in context.application.attachments}
    items = []
    for item in material_statuses(context):
        status: ChecklistStatus = item.status
        where = item.where
        file = attached.get(item.name)
        if item.where.startswith("附件") and file is not None \
                and f"attachments/{file}" not in opened.members:
            status, where = "missing", f"申报内容列出附件 {file}，但包内没有这个文件"
        items.append(ChecklistItem(item.name, status, where))
    return items
