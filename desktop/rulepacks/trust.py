"""Which keys this PC trusts: the authority's embedded keys plus keys added to the data folder.

``rules trust KEY.pub`` copies a public key into ``<data>/rulepacks/trusted/<fingerprint>.pub``
(a province running its own authority, and tests); every change goes to the audit log.
Embedded keys cannot be removed: a new app release replaces them.
"""

from __future__ import annotations

from pathlib import Path

from desktop.rulepacks import audit
from desktop.rulepacks.authority_keys import embedded_keys
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.folders import RULEPACKS_FOLDER as RULEPACKS_FOLDER
from desktop.rulepacks.folders import packs_folder as packs_folder
from desktop.rulepacks.keys import PublicKey, load_public_key, parse_public_key, short_fingerprint


def _trusted_folder(data_dir: Path) -> Path:
    return packs_folder(data_dir) / "trusted"


def added_keys(data_dir: Path) -> list[PublicKey]:
    keys = []
    folder = _trusted_folder(data_dir)
    for path in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
        try:
            key = parse_public_key(path.read_bytes()[:4096], "本机添加")
        except (PackRefusedError, OSError):
            continue  # a damaged key file trusts nothing
        if path.stem == key.fingerprint:
            keys.append(key)
    return keys


def trusted_keys(data_dir: Path) -> dict[str, PublicKey]:
    """Fingerprint -> key, embedded slots first."""
    found = {k.fingerprint: k for k in embedded_keys()}
    for key in added_keys(data_dir):
        found.setdefault(key.fingerprint, key)
    return found


def trust(data_dir: Path, key_file: Path) -> PublicKey:
    key = load_public_key(key_file)
    if key.fingerprint in trusted_keys(data_dir):
        return key
    folder = _trusted_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{key.fingerprint}.tmp"
    tmp.write_text(key.pem(), encoding="ascii")
    tmp.replace(folder / f"{key.fingerprint}.pub")
    audit.record(packs_folder(data_dir), "trust-added", fingerprint=key.fingerprint,
                 source=str(key_file))
    return key


def untrust(data_dir: Path, which: str) -> PublicKey:
    """Remove an added key named by its fingerprint (or an unambiguous prefix, spaces allowed)."""
    wanted = which.replace(" ", "").lower()
    if len(wanted) < 8:
        raise PackRefusedError("请给出至少 8 位指纹（rules trust --list 可查看）。")
    if any(k.fingerprint.startswith(wanted) for k in embedded_keys()):
        raise PackRefusedError("这是程序内置的主管部门公钥，不能删除；随新版程序更换。")
    matches = [k for k in added_keys(data_dir) if k.fingerprint.startswith(wanted)]
    if not matches:
        raise PackRefusedError(f"本机没有添加过指纹为 {which} 的公钥。")
    if len(matches) > 1:
        raise PackRefusedError(f"指纹 {which} 对应多把公钥，请写得更长一些。")
    key = matches[0]
    (_trusted_folder(data_dir) / f"{key.fingerprint}.pub").unlink()
    audit.record(packs_folder(data_dir), "trust-removed", fingerprint=key.fingerprint)
    return key


def describe(key: PublicKey) -> str:
    return f"{short_fingerprint(key.fingerprint)}  {key.label}"
