"""``rules keygen / sign / verify / trust / import``: signed rule packs from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from desktop.cli.output import CliError, print_json
from desktop.rulepacks.errors import PackRefusedError
from desktop.rulepacks.keys import load_public_key, short_fingerprint


def register(commands: Any) -> None:
    keygen = commands.add_parser("keygen", help="生成主管部门签名密钥对（私钥权限 600，另存 .pub）")
    keygen.add_argument("--out", type=Path, required=True, metavar="KEY")
    keygen.set_defaults(handler=_keygen)
    sign = commands.add_parser("sign", help="校验规则源后打包并签名")
    sign.add_argument("source", type=Path, metavar="DIR")
    sign.add_argument("--key", type=Path, required=True, help="私钥文件（rules keygen 生成）")
    sign.add_argument("--out", type=Path, required=True, metavar="PACK.zip")
    sign.add_argument("--texts", type=Path,
                      help="政策原文目录（默认 DIR/policies；没有时用程序自带的政策原文）")
    sign.set_defaults(handler=_sign)
    verify = commands.add_parser("verify", help="核验规则包的签名与文件；通过以 0 退出")
    verify.add_argument("pack", type=Path, metavar="PACK.zip")
    verify.set_defaults(handler=_verify)
    trust = commands.add_parser("trust", help="信任一把公钥 / --list 列出 / --remove 删除")
    trust.add_argument("key", type=Path, nargs="?", metavar="KEY.pub")
    trust.add_argument("--list", action="store_true", help="列出本机信任的公钥及指纹")
    trust.add_argument("--remove", metavar="FINGERPRINT", help="删除本机添加的公钥（指纹或其前缀）")
    trust.add_argument("--yes", action="store_true",
                       help="已核对指纹，不再询问（脚本用；请先与主管部门核对指纹）")
    trust.set_defaults(handler=_trust)
    import_ = commands.add_parser("import", help="核验并安装规则包（全部成功或不做任何改动）")
    import_.add_argument("pack", type=Path, metavar="PACK.zip")
    import_.add_argument("--yes", action="store_true", help="不再询问，直接安装")
    import_.add_argument("--json", action="store_true", help="以 JSON 输出变化")
    import_.set_defaults(handler=_import)


def refused(exc: PackRefusedError) -> CliError:
    return CliError(exc.message, exc.details)


def _keygen(args: argparse.Namespace) -> int:
    from desktop.rulepacks.keys import generate_keypair

    try:
        key = generate_keypair(args.out)
    except PackRefusedError as exc:
        raise refused(exc) from exc
    print(f"已生成私钥 {args.out}（仅本人可读）与公钥 {args.out}.pub")
    print(f"指纹：{short_fingerprint(key.fingerprint)}")
    print(f"完整指纹：{key.fingerprint}")
    print("请把私钥保存在离线介质上，不要复制到联网电脑。")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from desktop.rulepacks.build import default_texts, sign_source

    texts = args.texts or default_texts(args.source)
    if args.texts is None and texts != args.source / "policies":
        print(f"规则源中没有 policies/，也未给出 --texts：使用程序自带的政策原文 {texts}")
    try:
        manifest = sign_source(args.source, args.key, args.out, texts)
    except PackRefusedError as exc:
        raise refused(exc) from exc
    print(f"已签名规则包 {args.out}：{manifest.pack_id} {manifest.version}，"
          f"{len(manifest.files)} 个文件，规则包有效期 {manifest.valid_from} 至 {manifest.valid_until}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from desktop.rulepacks.trust import trusted_keys
    from desktop.rulepacks.verify import verify_archive

    try:
        verified = verify_archive(args.pack, trusted_keys(args.data_dir))
    except PackRefusedError as exc:
        raise CliError(f"规则包未通过核验：{exc.message}", exc.details) from exc
    manifest = verified.manifest
    print(f"规则包可信：{manifest.pack_id} {manifest.version}，"
          f"{len(manifest.files)} 个文件与签名清单一致。")
    print(f"  签名者：{short_fingerprint(verified.signer.fingerprint)}  {verified.signer.label}")
    print(f"  规则包有效期：{manifest.valid_from} 至 {manifest.valid_until}  "
          f"最低程序版本：{manifest.min_app_version}")
    return 0


def _trust(args: argparse.Namespace) -> int:
    from desktop.rulepacks import trust

    try:
        if args.list:
            for key in trust.trusted_keys(args.data_dir).values():
                print(f"{short_fingerprint(key.fingerprint)}  {key.fingerprint}  {key.label}")
            return 0
        if args.remove:
            key = trust.untrust(args.data_dir, args.remove)
            print(f"已删除公钥 {short_fingerprint(key.fingerprint)}（已记入审计日志）")
            return 0
        if args.key is None:
            raise CliError("请给出公钥文件，或用 --list / --remove。")
        key = load_public_key(args.key)
        if key.fingerprint in trust.trusted_keys(args.data_dir):
            print(f"公钥 {args.key} 已受信任（指纹 {short_fingerprint(key.fingerprint)}），未做改动。")
            return 0
        print(f"公钥 {args.key} 的指纹：{short_fingerprint(key.fingerprint)}")
        print(f"完整指纹：{key.fingerprint}")
        if not args.yes:
            _confirm_fingerprint()
        key = trust.trust(args.data_dir, args.key)
    except PackRefusedError as exc:
        raise refused(exc) from exc
    print(f"已信任公钥 {args.key}，指纹 {short_fingerprint(key.fingerprint)}（已记入审计日志）")
    return 0


def _confirm_fingerprint() -> None:
    """Ask before trusting: a key is only as good as the fingerprint check done by a person."""
    if not sys.stdin.isatty():
        raise CliError("需要确认：请先与主管部门当面或电话核对上面的指纹，一致后加 --yes 重新运行。"
                       "未添加公钥。")
    answer = input("请与主管部门当面或电话核对上面的指纹。完全一致才信任此公钥？[y/N] ")
    if answer.strip().lower() not in ("y", "yes", "是"):
        raise CliError("未添加公钥。")


def _import(args: argparse.Namespace) -> int:
    from desktop.rulepacks.changes import change_lines, compare_packs, with_drafts
    from desktop.rulepacks.install import commit_import, prepare_import
    from desktop.rulepacks.validity import future_start_note, pack_validity_words

    try:
        prepared = prepare_import(args.data_dir, args.pack)
    except PackRefusedError as exc:
        raise CliError(f"规则包未导入：{exc.message}", exc.details) from exc
    manifest = prepared.verified.manifest
    changes = with_drafts(compare_packs(prepared.previous.pack, prepared.pack), _drafts(args.data_dir))
    if not args.json:
        print(f"规则包 {manifest.pack_id} {manifest.version}，签名者 "
              f"{short_fingerprint(prepared.verified.signer.fingerprint)}，"
              f"{pack_validity_words(manifest, dt.date.today())}")
        print("变更说明（主管部门）：")
        for line in manifest.changelog:
            print(f"  · {line}")
        # What installing would change, computed from the two packs: shown before the question.
        print("安装后的变化：")
        for line in change_lines(changes):
            print(f"  {line}")
    if not args.yes:
        if not sys.stdin.isatty():
            prepared.discard()
            raise CliError("需要确认：请加 --yes，或在终端中运行。规则包未导入。")
        if input("安装此规则包？[y/N] ").strip().lower() not in ("y", "yes", "是"):
            prepared.discard()
            print("未安装。")
            return 1
    active = commit_import(prepared)
    if args.json:
        print_json({"installed": active.to_json(), "changes": changes.to_json()})
        return 0
    print(f"已安装规则包 {active.pack.identity.id} {active.version}（原为 {prepared.previous.version}）。")
    if note := future_start_note(manifest):
        print(note)
    return 0


def _drafts(data_dir: Path) -> list[Any]:
    """Open drafts in the user database, if there is one and no window holds it."""
    from desktop.store.lock import AlreadyRunningError
    from desktop.store.startup import DB_NAME, StoreOpenError, open_store

    if not (data_dir / DB_NAME).is_file():
        return []
    try:
        opened = open_store(data_dir)
    except (StoreOpenError, AlreadyRunningError, OSError):
        print("（用户数据库正被程序窗口使用，受影响的草稿请在窗口中查看。）")
        return []
    try:
        return list(opened.store.list_applications())
    finally:
        opened.close(backup=False)
