"""Check a bundle: it opens, its manifest is ours, every file is listed and matches its hash.

Every problem is reported, so an official sees at once whether a file was altered, added,
removed or damaged in transit.  Given a rule pack, the bundle's assessment is also worked out
again from its own answers (:mod:`desktop.bundle.recheck`), which catches a bundle edited and
re-hashed after it was drafted.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.bundle.build import BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, MANIFEST
from desktop.bundle.recheck import recheck
from desktop.rules.pack import RulePack

MAX_BUNDLE_BYTES = 500 * 1024 * 1024
MAX_MEMBER_BYTES = 200 * 1024 * 1024
REQUIRED = ("application.json", "assessment.json")


@dataclass
class Verification:
    path: Path
    problems: list[str] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_bundle(path: Path, pack: RulePack | None = None) -> Verification:
    report = Verification(path)
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            report.problems.append("文件过大，不是本程序生成的申报包。")
            return report
        with zipfile.ZipFile(path) as archive:
            intact = _check(archive, report)
        if pack is not None and all(name in intact for name in REQUIRED):
            rechecked = recheck(report.manifest, intact["application.json"],
                                intact["assessment.json"], pack)
            report.problems += rechecked.problems
            report.notes += rechecked.notes
    except FileNotFoundError:
        report.problems.append(f"找不到文件：{path}")
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        report.problems.append(f"不是完整的 zip 文件（可能在拷贝中损坏）：{exc}")
    return report


def _check(archive: zipfile.ZipFile, report: Verification) -> dict[str, bytes]:
    """Record every problem; return the required files that arrived intact."""
    intact: dict[str, bytes] = {}
    names = [info.filename for info in archive.infolist()]
    unsafe = [n for n in names if n.startswith(("/", "\\")) or ".." in n.replace("\\", "/").split("/")]
    report.problems += [f"包内路径不安全：{n}" for n in unsafe]
    if MANIFEST not in names:
        report.problems.append("缺少 manifest.json，无法校验。")
        return intact
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        report.problems.append(f"manifest.json 无法读取：{exc}")
        return intact
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        report.problems.append("manifest.json 不是惠企申报助手的申报包清单。")
        return intact
    version = manifest.get("schema_version")
    if version != BUNDLE_SCHEMA_VERSION:
        report.problems.append(f"申报包格式版本 {version!r} 不受支持"
                               f"（本程序读取版本 {BUNDLE_SCHEMA_VERSION}）。")
        return intact
    report.manifest = manifest
    listed = manifest.get("files") or {}
    if not isinstance(listed, dict) or not all(isinstance(v, dict) for v in listed.values()):
        report.problems.append("manifest.json 的文件清单格式不对，无法校验。")
        return intact
    for name in REQUIRED:
        if name not in listed:
            report.problems.append(f"清单中缺少必需的文件 {name}。")
    present = set(names) - {MANIFEST}
    report.problems += [f"包内有清单未列出的文件：{n}" for n in sorted(present - set(listed))]
    report.problems += [f"清单列出的文件缺失：{n}" for n in sorted(set(listed) - present)]
    for name in sorted(set(listed) & present):
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            report.problems.append(f"{name} 过大。")
            continue
        try:
            content = archive.read(name)
        except (zipfile.BadZipFile, OSError) as exc:
            report.problems.append(f"{name} 无法解压（已损坏）：{exc}")
            continue
        expected = listed[name]
        if hashlib.sha256(content).hexdigest() != expected.get("sha256"):
            report.problems.append(f"{name} 的 SHA-256 与清单不符：文件已被修改或损坏。")
        elif len(content) != expected.get("size"):
            report.problems.append(f"{name} 的大小与清单不符。")
        elif name in REQUIRED:
            intact[name] = content
    return intact
