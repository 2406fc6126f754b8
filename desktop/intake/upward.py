"""Reporting upward (县 → 州地市 → 省经委, "汇总后报省经委"): summary packages out and in.

A desk exports its approved applications as one zip: ``manifest.json`` (who, when, and
SHA-256 and size of each file), ``results.json`` (each application with its figures, review
and the SHA-256 of the bundle it came in) and ``汇总表.xlsx``.  A desk one level up imports
several such packages, read as hostile as bundles are (:mod:`desktop.bundle.reading`), and
totals them the same way; its 审核结果 sheet names, for every line, the county package and
the bundle hash it came from, so each figure can be traced back to its bundles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from desktop.bundle.reading import BundleRejectedError, open_bundle
from desktop.bundle.safejson import JsonRejectedError, load_bounded
from desktop.documents.zipfiles import deterministic_zip
from desktop.intake.models import Received
from desktop.intake.summary import summary_bytes

PACKAGE_FORMAT: Final = "huiqi-shenbao/summary"
PACKAGE_SCHEMA_VERSION: Final = 1
PACKAGE_FILES: Final = frozenset({"manifest.json", "results.json", "汇总表.xlsx"})
RESULT_FIELDS: Final = ("enterprise_name", "uscc", "region_code", "programme_id", "programme_title",
                        "kind", "status", "reason", "requested_yuan", "desk_yuan", "bundle_sha256")
MAX_RESULTS: Final = 100_000


class PackageError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def export_package(rows: Sequence[Received], flags: dict[int, list[str]], out: Path, *, desk_name: str,
                   created: dt.datetime) -> int:
    """Write the package of approved applications; returns how many went in."""
    approved = [row for row in rows if row.status == "approved"]
    results = [{"id": row.id, **{name: getattr(row, name) for name in RESULT_FIELDS}} for row in approved]
    files = {"results.json": _json({"desk": desk_name, "results": results}),
             "汇总表.xlsx": summary_bytes(approved, flags, desk_name=desk_name, created=created)}
    manifest = {"format": PACKAGE_FORMAT, "schema_version": PACKAGE_SCHEMA_VERSION, "desk": desk_name,
                "created_at": created.isoformat(), "count": len(results),
                "files": {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                          for n, d in sorted(files.items())}}
    data = deterministic_zip([("manifest.json", _json(manifest)), *sorted(files.items())], created)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    return len(results)


@dataclass(frozen=True)
class ImportedPackage:
    desk: str
    sha256: str
    rows: list[Received]


def read_package(path: Path) -> ImportedPackage:
    """One county's package, checked; raise :class:`PackageError` listing what is wrong."""
    try:
        opened = open_bundle(path, files=PACKAGE_FILES, folders=frozenset())
    except BundleRejectedError as exc:
        raise PackageError(exc.problems) from None
    with opened:
        problems = list(opened.problems)
        try:
            manifest = load_bounded(opened.read("manifest.json"), "manifest.json") \
                if "manifest.json" in opened.members else None
        except JsonRejectedError as exc:
            raise PackageError([*problems, str(exc)]) from None
        if not isinstance(manifest, dict) or manifest.get("format") != PACKAGE_FORMAT \
                or manifest.get("schema_version") != PACKAGE_SCHEMA_VERSION:
            raise PackageError([*problems, "不是本程序导出的汇总上报包（manifest.json 缺失或格式不对）。"])
        listed = manifest.get("files") if isinstance(manifest.get("files"), dict) else {}
        for name in sorted(PACKAGE_FILES - {"manifest.json"}):
            member, entry = opened.members.get(name), (listed or {}).get(name)
            if member is None or not isinstance(entry, dict) or entry.get("sha256") != member.sha256:
                problems.append(f"{name} 缺失或与清单不符：文件已被修改或损坏。")
        if problems:
            raise PackageError(problems)
        try:
            data = load_bounded(opened.read("results.json"), "results.json")
        except JsonRejectedError as exc:
            raise PackageError([str(exc)]) from None
        return ImportedPackage(str(manifest.get("desk", "")), opened.sha256, _rows(data))


def _rows(data: Any) -> list[Received]:
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list) or len(results) > MAX_RESULTS:
        raise PackageError(["results.json 的格式不对。"])
    rows = []
    for index, item in enumerate(results):
        if not isinstance(item, dict) or not all(
                item.get(f) is None or isinstance(item.get(f), str) for f in RESULT_FIELDS):
            raise PackageError([f"results.json 第 {index + 1} 项的格式不对。"])
        for money in ("requested_yuan", "desk_yuan"):
            try:
                if item.get(money) is not None:
                    Decimal(item[money])
            except InvalidOperation:
                raise PackageError([f"results.json 第 {index + 1} 项的金额无法识别。"]) from None
        rows.append(Received(id=item.get("id") if isinstance(item.get("id"), int) else index + 1,
                             **{f: item.get(f) for f in RESULT_FIELDS}))
    return rows


def total_packages(paths: Sequence[Path], out: Path, *, desk_name: str, created: dt.datetime) -> list[str]:
    """The 汇总表 of several counties' packages; returns the problems of packages left out."""
    rows: list[Received] = []
    sources: dict[int, str] = {}
    problems: list[str] = []
    for path in paths:
        try:
            package = read_package(path)
        except PackageError as exc:
            problems.append(f"{path.name}：" + "；".join(exc.problems))
            continue
        for row in package.rows:
            original = row.id
            row.id = len(rows) + 1  # numbered afresh here; the source says where it came from
            sources[row.id] = f"{package.desk} #{original}（上报包 {path.name}）"
            rows.append(row)
    data = summary_bytes(rows, {}, desk_name=desk_name, created=created, sources=sources)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    return problems
