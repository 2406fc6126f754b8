"""Which rule pack this PC uses: the installed signed pack, else the built-in one.

``<data>/rulepacks/current.json`` names the installed pack's folder; it is replaced in one
atomic step by :mod:`install`, so it always names a complete pack or is absent.  Anything
wrong with the installed pack falls back to the built-in pack (never modified) and says why.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.rulepacks.errors import PackRefusedError, os_error_words
from desktop.rulepacks.folders import packs_folder
from desktop.rulepacks.manifest import Manifest, parse_manifest
from desktop.rules.database import bundled_pack, read_database
from desktop.rules.pack import RulePack, RulePackError

log = logging.getLogger(__name__)
CURRENT_FILE = "current.json"
INSTALLED_FOLDER = "installed"


@dataclass(frozen=True)
class ActivePack:
    pack: RulePack
    origin: str  # "installed" or "builtin"
    manifest: Manifest | None = None
    signer: str | None = None  # fingerprint
    folder: Path | None = None
    problem: str | None = None  # why an installed pack was not used

    @property
    def version(self) -> str:
        return self.pack.identity.version

    def stale(self, on: dt.date) -> bool:
        """Past the pack's validity end: it may have been replaced by a newer one (TUF "freeze")."""
        return self.manifest is not None and on > self.manifest.valid_until

    def to_json(self) -> dict[str, object]:
        manifest = self.manifest
        return {
            "id": self.pack.identity.id, "version": self.version, "sha256": self.pack.identity.sha256,
            "origin": self.origin, "signer": self.signer,
            "valid_from": manifest.valid_from.isoformat() if manifest else None,
            "valid_until": manifest.valid_until.isoformat() if manifest else None,
            "problem": self.problem,
        }


def current_pointer(data_dir: Path) -> dict[str, str] | None:
    path = packs_folder(data_dir) / CURRENT_FILE
    if not path.is_file():
        return None
    try:
        pointer = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PackRefusedError(f"{CURRENT_FILE} 无法读取：{os_error_words(exc)}") from exc
    except ValueError as exc:
        raise PackRefusedError(f"{CURRENT_FILE} 已损坏（不是有效的 JSON）") from exc
    if not isinstance(pointer, dict) or not isinstance(pointer.get("folder"), str):
        raise PackRefusedError(f"{CURRENT_FILE} 格式不正确")
    return pointer


def load_installed(data_dir: Path) -> ActivePack | None:
    """The installed pack, None when none is installed; :class:`PackRefusedError` when it is damaged."""
    pointer = current_pointer(data_dir)
    if pointer is None:
        return None
    name = pointer["folder"]
    if "/" in name or "\\" in name or name.startswith("."):
        raise PackRefusedError(f"{CURRENT_FILE} 指向了不合法的目录 {name!r}")
    folder = packs_folder(data_dir) / INSTALLED_FOLDER / name
    try:
        pack = read_database(folder / "rulepack.sqlite")
        manifest = parse_manifest((folder / "manifest.json").read_bytes())
    except RulePackError as exc:
        raise PackRefusedError(f"已安装的规则包损坏：{exc.problems[0].message}") from exc
    except OSError as exc:
        missing = Path(exc.filename).name if exc.filename else ""
        raise PackRefusedError(f"已安装的规则包不完整：{missing} {os_error_words(exc)}") from exc
    pack.texts_dir = folder / "policies"
    return ActivePack(pack, "installed", manifest, pointer.get("signer"), folder)


def active_pack(data_dir: Path) -> ActivePack:
    try:
        installed = load_installed(data_dir)
    except PackRefusedError as exc:
        log.error("installed rule pack refused, using the built-in pack: %s", exc)
        return ActivePack(bundled_pack(), "builtin", problem=exc.message)
    return installed or ActivePack(bundled_pack(), "builtin")


def pinned_pack(data_dir: Path, pack_id: str, version: str) -> RulePack | None:
    """The pack a draft was started with, if this PC still has it (built-in or any installed one).

    Installs never delete an earlier pack's folder, so a draft keeps its rules until the user
    re-assesses it (:func:`desktop.rulepacks.drafts.repin`).
    """
    builtin = bundled_pack()
    if (builtin.identity.id, builtin.identity.version) == (pack_id, version):
        return builtin
    folder = packs_folder(data_dir) / INSTALLED_FOLDER
    for candidate in sorted(folder.glob(f"{pack_id}-{version}-*")) if folder.is_dir() else []:
        try:
            pack = read_database(candidate / "rulepack.sqlite")
        except RulePackError:
            continue
        if (pack.identity.id, pack.identity.version) == (pack_id, version):
            pack.texts_dir = candidate / "policies"
            return pack
    return None
