"""Validate a verified pack's contents as rules: YAML safety, every rule, every citation.

The files are written into a working folder (the install's staging folder) under names
taken from the allow-list, then loaded exactly as ``rules check`` loads a source folder.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from desktop.rulepacks.citations import citation_problems
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.verify import VerifiedPack
from desktop.rulepacks.yamlguard import YamlBombError, check_expansion
from desktop.rulepacks.ziplimits import allowed
from desktop.rules.loader import load_source_dir, source_digest
from desktop.rules.pack import RulePack, RulePackError, compile_pack


def write_files(verified: VerifiedPack, folder: Path) -> None:
    for name, data in verified.files.items():
        if not allowed(name):  # already refused when read; checked again before touching disk
            raise PackRefusedError(f"不允许的文件名 {name!r}")
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _decoded(verified: VerifiedPack, name: str) -> str:
    try:
        return verified.files[name].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackRefusedError(f"{name} 不是 UTF-8 文本，已拒绝。") from exc


def check_yaml_safety(verified: VerifiedPack) -> None:
    for name in sorted(n for n in verified.files if n.endswith(".yaml")):
        try:
            check_expansion(_decoded(verified, name))
        except YamlBombError as exc:
            raise PackRefusedError(f"{name}：{exc}，已拒绝。") from exc
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"第 {mark.line + 1} 行" if mark else ""
            raise PackRefusedError(f"{name} {where}YAML 语法错误：{getattr(exc, 'problem', exc)}") from exc


def validate_contents(verified: VerifiedPack, folder: Path) -> RulePack:
    """Write the files into ``folder`` and load them; :class:`PackRefusedError` lists every problem."""
    check_yaml_safety(verified)
    texts = {name.removeprefix("policies/"): _decoded(verified, name)
             for name in verified.files if name.startswith("policies/")}
    write_files(verified, folder)
    try:
        source, lines = load_source_dir(folder / "rules")
        pack = compile_pack(source, source_digest(source), lines)
    except RulePackError as exc:
        raise PackRefusedError(f"规则包中的规则有 {len(exc.problems)} 个问题，已拒绝：",
                          [str(p) for p in exc.problems]) from exc
    manifest = verified.manifest
    if (pack.identity.id, pack.identity.version) != (manifest.pack_id, manifest.version):
        raise PackRefusedError(f"清单写的是 {manifest.pack_id} {manifest.version}，规则却是 "
                          f"{pack.identity.id} {pack.identity.version}；已拒绝。")
    if problems := citation_problems(pack, texts):
        raise PackRefusedError(f"规则包中有 {len(problems)} 处引文与原文不符，已拒绝：", problems)
    return pack
