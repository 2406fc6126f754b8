"""The authority's side: check a source folder as ``rules check`` does, then build and sign.

The source folder is the usual rule source (pack.yaml, documents.yaml, programmes/) plus a
``release.yaml`` with what only a release knows: the validity span, the minimum app version
and the changelog.  The policy texts come from ``texts``; by default ``<source>/policies``, or
the texts shipped with the app when the source has none (a copied ``resources/rules/source``).
"""

from __future__ import annotations

import base64
import datetime as dt
import zipfile
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.paths import resource
from desktop.rulepacks.citations import citation_problems
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.keys import fingerprint, load_private_key, sign
from desktop.rulepacks.manifest import (
    FileEntry,
    Manifest,
    Signature,
    file_entry,
    manifest_bytes,
)
from desktop.rulepacks.ziplimits import MANIFEST, SIGNATURE, allowed
from desktop.rules.loader import load_source_dir, source_digest
from desktop.rules.pack import RulePack, RulePackError, compile_pack

RELEASE_FILE = "release.yaml"


class Release(BaseModel):
    model_config = ConfigDict(extra="forbid")
    valid_from: dt.date
    valid_until: dt.date
    min_app_version: str
    changelog: list[str] = Field(min_length=1)


def read_release(source: Path) -> Release:
    path = source / RELEASE_FILE
    if not path.is_file():
        raise PackRefusedError(
            f"缺少 {path}：签名前须写明有效期、最低程序版本与变更说明（见 docs/RULES.md）。")
    try:
        return Release.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError) as exc:
        raise PackRefusedError(f"{path} 格式不正确：{exc}") from exc


def check_source(source: Path) -> RulePack:
    try:
        loaded, lines = load_source_dir(source)
        return compile_pack(loaded, source_digest(loaded), lines)
    except RulePackError as exc:
        raise PackRefusedError(f"规则源有 {len(exc.problems)} 个问题，未签名：",
                          [str(p) for p in exc.problems]) from exc


def collect_files(source: Path, texts: Path, pack: RulePack) -> dict[str, bytes]:
    files = {"rules/pack.yaml": (source / "pack.yaml").read_bytes(),
             "rules/documents.yaml": (source / "documents.yaml").read_bytes()}
    for path in sorted((source / "programmes").glob("*.yaml")):
        files[f"rules/programmes/{path.name}"] = path.read_bytes()
    for document in pack.documents.values():
        text = texts / document.file
        if not text.is_file():
            raise PackRefusedError(f"找不到文件 {document.key} 的原文 {text}（用 --texts 指定原文目录）。")
        files[f"policies/{document.file}"] = text.read_bytes()
    if bad := [name for name in files if not allowed(name)]:
        raise PackRefusedError(f"这些文件名不能进入规则包：{', '.join(bad)}")
    return files


def default_texts(source: Path) -> Path:
    """``<source>/policies`` when the source has it, else the policy texts shipped with the app."""
    own = source / "policies"
    return own if own.is_dir() else resource("policies")


def sign_source(source: Path, key_path: Path, out: Path, texts: Path | None = None,
                created: dt.datetime | None = None) -> Manifest:
    pack = check_source(source)
    release = read_release(source)
    private = load_private_key(key_path)
    texts = texts or default_texts(source)
    files = collect_files(source, texts, pack)
    problems = citation_problems(pack, {n.removeprefix("policies/"): d.decode("utf-8")
                                        for n, d in files.items() if n.startswith("policies/")})
    if problems:
        raise PackRefusedError(f"有 {len(problems)} 处引文在原文中找不到，未签名：", problems)
    header = pack.source.header
    entries: dict[str, FileEntry] = {name: file_entry(data) for name, data in files.items()}
    try:
        manifest = Manifest(
            pack_id=header.id, version=header.version, title=header.title, issued_by=header.issued_by,
            created=created or dt.datetime.now(dt.UTC).replace(microsecond=0),
            valid_from=release.valid_from, valid_until=release.valid_until,
            min_app_version=release.min_app_version, changelog=release.changelog, files=entries)
    except ValidationError as exc:
        raise PackRefusedError(f"{RELEASE_FILE} 内容不正确：{exc.errors()[0]['msg']}") from exc
    data = manifest_bytes(manifest)
    signature = Signature(key=fingerprint(private.public_key()),
                          signature=base64.b64encode(sign(private, data)).decode("ascii"))
    write_archive(out, {MANIFEST: data, SIGNATURE: signature.model_dump_json(indent=1).encode(),
                        **files})
    return manifest


def write_archive(out: Path, files: dict[str, bytes]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    tmp.replace(out)
