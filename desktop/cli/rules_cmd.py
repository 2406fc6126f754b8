"""``rules list``, ``rules check`` and ``rules compile``; signed packs are in :mod:`rulepack_cmd`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import rulepack_cmd
from desktop.cli.output import CliError, print_json
from desktop.rules.database import bundled_pack, load_any, write_database
from desktop.rules.describe import describe_pack
from desktop.rules.loader import load_source_dir
from desktop.rules.pack import RulePack, RulePackError, compile_pack


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("rules", help="规则包：列出、校验、编译 / rule packs")
    commands = parser.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="列出规则包中的全部政策项目")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.add_argument("--pack", type=Path, help="规则包（目录或 .sqlite），默认为内置规则包")
    listing.set_defaults(handler=_list)
    check = commands.add_parser("check", help="校验规则包；有错误时逐条列出并以 1 退出")
    check.add_argument("path", type=Path)
    check.set_defaults(handler=_check)
    compile_ = commands.add_parser("compile", help="把 YAML 规则源编译为规则库（开发用）")
    compile_.add_argument("source", type=Path)
    compile_.add_argument("--out", type=Path, required=True)
    compile_.set_defaults(handler=_compile)
    rulepack_cmd.register(commands)


def open_pack(path: Path | None, data_dir: Path | None = None) -> RulePack:
    """``--pack`` when given, else this PC's installed signed pack, else the built-in one."""
    try:
        if path:
            return load_any(path)
        if data_dir is not None:
            from desktop.rulepacks.active import active_pack

            return active_pack(data_dir).pack
        return bundled_pack()
    except RulePackError as exc:
        raise CliError(f"规则包无法加载（{len(exc.problems)} 个问题）：",
                       [str(p) for p in exc.problems]) from exc


def _list(args: argparse.Namespace) -> int:
    from desktop.rulepacks.active import active_pack

    active = None if args.pack else active_pack(args.data_dir)
    pack = active.pack if active else open_pack(args.pack)
    described = describe_pack(pack)
    if args.json:
        # The pack in use: id, version and its signer's fingerprint (null for the built-in pack).
        described["installed"] = active.to_json() if active else None
        print_json(described)
        return 0
    print(f"规则包 {pack.identity.id} {pack.identity.version}（{len(pack.programmes)} 个政策项目）")
    if active and active.signer:
        print(f"  已安装的签名规则包，签名者 {active.signer[:16]}…")
    if active and active.problem:
        print(f"  注意：已安装的规则包未能使用（{active.problem}），正在使用内置规则包。")
    for item in described["programmes"]:
        validity = item["validity"]
        span = f"{validity['from']} 至 {validity['to'] or '未规定'}"
        print(f"  {item['id']:<34} {item['region']:<10} {span}  {item['title']}")
    return 0


def _check(args: argparse.Namespace) -> int:
    pack = open_pack(args.path)
    print(f"规则包有效：{pack.identity.id} {pack.identity.version}，"
          f"{len(pack.programmes)} 个项目，{len(pack.blocks)} 条禁止性规定，"
          f"sha256 {pack.identity.sha256}")
    return 0


def _compile(args: argparse.Namespace) -> int:
    try:
        source, lines = load_source_dir(args.source)
        compile_pack(source, "-", lines)
    except RulePackError as exc:
        raise CliError(f"规则源有 {len(exc.problems)} 个问题，未编译：",
                       [str(p) for p in exc.problems]) from exc
    digest = write_database(source, args.out)
    print(f"已编译 {args.out}（sha256 {digest}）")
    return 0
