"""Check a pack's archive: signature by a trusted key, then every file against the manifest.

Nothing in the archive is parsed as rules until this has passed; :mod:`validate` does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.keys import PublicKey, short_fingerprint, signature_valid
from desktop.rulepacks.manifest import Manifest, file_entry, parse_manifest, parse_signature
from desktop.rulepacks.versions import parse_version
from desktop.rulepacks.ziplimits import MANIFEST, SIGNATURE, read_pack_archive


@dataclass(frozen=True)
class VerifiedPack:
    manifest: Manifest
    files: dict[str, bytes]  # every listed file, hash-checked; no manifest or signature
    signer: PublicKey
    archive: bytes


TRUST_COMMANDS = ("huiqi-shenbao-cli rules trust 公钥文件.pub",
                  "python -m desktop rules trust 公钥文件.pub")


def untrusted_key_message(key: str) -> str:
    # Each command on a line of its own, so no window wraps it in the middle.
    installed, source = TRUST_COMMANDS
    return (f"签名密钥不受信任（指纹 {short_fingerprint(key)}）。只接受主管部门的密钥；"
            "如确属本省主管部门，请先与其当面或电话核对指纹，"
            "再在本机的命令行窗口（Windows 的“命令提示符”）中运行：\n"
            f"    {installed}\n（从源码运行时为：{source}）\n添加后再导入。")


def verify_archive(path: Path, trusted: dict[str, PublicKey],
                   app_version: str = __version__) -> VerifiedPack:
    archive, entries = read_pack_archive(path)
    for required in (MANIFEST, SIGNATURE):
        if required not in entries:
            raise PackRefusedError(f"规则包缺少 {required}，不是签名的规则包。")
    manifest_data = entries.pop(MANIFEST)
    signature = parse_signature(entries.pop(SIGNATURE))
    signer = trusted.get(signature.key)
    if signer is None:
        raise PackRefusedError(untrusted_key_message(signature.key))
    if not signature_valid(signer.key, signature.raw(), manifest_data):
        raise PackRefusedError("签名无效：清单在签名后被改动，或签名是伪造的。已拒绝。")
    manifest = parse_manifest(manifest_data)
    listed, present = set(manifest.files), set(entries)
    if missing := sorted(listed - present):
        raise PackRefusedError(f"规则包缺少清单中列出的文件：{', '.join(missing)}")
    if extra := sorted(present - listed):
        raise PackRefusedError(f"规则包含有清单以外的文件：{', '.join(extra)}")
    for name in sorted(listed):
        if file_entry(entries[name]) != manifest.files[name]:
            raise PackRefusedError(f"文件 {name} 与签名清单不符（签名后被改动），已拒绝。")
    if parse_version(manifest.min_app_version) > parse_version(app_version):
        raise PackRefusedError(f"此规则包需要 {manifest.min_app_version} 或更新版本的程序"
                          f"（本机为 {app_version}），请先升级程序。")
    return VerifiedPack(manifest, entries, signer, archive)
