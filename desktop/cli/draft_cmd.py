"""``draft APPLICATION.json --out BUNDLE.zip`` and ``bundle verify BUNDLE.zip``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.assess_cmd import parse_date
from desktop.cli.output import CliError
from desktop.cli.rules_cmd import open_pack
from desktop.facts.io import FactsError

if TYPE_CHECKING:
    from desktop.applications.model import AttachmentRef

# reportlab and openpyxl are imported by the handlers, not here: every start of the app
# (the GUI included) builds this parser, and should not pay for them.


def _timestamp(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None, microsecond=0)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"时间应为 ISO 格式，如 2018-06-01T09:00:00：{text}") from exc


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("draft", help="生成申报材料包 / draft an application bundle")
    parser.add_argument("application", type=Path,
                        help="申报 JSON（格式见 resources/schema/application.schema.json）")
    parser.add_argument("--out", type=Path, required=True, help="输出的申报包（.zip）")
    parser.add_argument("--on", type=parse_date, default=None, help="自评日期，默认为申报文件的成文日期")
    parser.add_argument("--created", type=_timestamp, default=None,
                        help="记入申报包的生成时间（默认现在）；相同输入与相同时间生成逐字节相同的包")
    parser.add_argument("--pack", type=Path, help="规则包（目录或 .sqlite），默认为内置规则包")
    parser.set_defaults(handler=_draft)
    bundle = subparsers.add_parser("bundle", help="校验申报包 / verify a bundle")
    actions = bundle.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="校验申报包的完整性")
    verify.add_argument("bundle", type=Path)
    verify.add_argument("--pack", type=Path,
                        help="用来重新评估的规则包（目录或 .sqlite），默认为内置规则包")
    verify.set_defaults(handler=_verify)


def _draft(args: argparse.Namespace) -> int:
    from desktop.applications.io import read_application
    from desktop.bundle.build import write_bundle
    from desktop.documents.drafting import DraftError, draft

    try:
        application = read_application(args.application)
    except FactsError as exc:
        raise CliError(f"申报文件 {args.application} 有 {len(exc.problems)} 个问题：", exc.problems) from exc
    attachments, problems = _read_attachments(args.application.parent, application.attachments)
    created = args.created or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    try:
        result = draft(application, open_pack(args.pack, args.data_dir), created, args.on)
    except DraftError as exc:
        problems = exc.problems + problems
        result = None
    if problems or result is None:
        raise CliError(f"未生成申报包，有 {len(problems)} 个问题：", problems)
    write_bundle(result, attachments, args.out)
    print(f"已生成申报包 {args.out}：文书 {len(result.documents)} 份，附件 {len(attachments)} 个。")
    for name in result.documents:
        print(f"  documents/{name}")
    return 0


def _read_attachments(base: Path, refs: list[AttachmentRef]) -> tuple[dict[str, bytes], list[str]]:
    from desktop.applications.model import MAX_ATTACHMENT_BYTES

    found: dict[str, bytes] = {}
    problems = []
    for ref in refs:
        path = base / ref.path
        try:
            if path.stat().st_size > MAX_ATTACHMENT_BYTES:
                problems.append(f"附件 {ref.path} 超过 {MAX_ATTACHMENT_BYTES // 1024 // 1024} MB。")
                continue
            found[Path(ref.path).name] = path.read_bytes()
        except OSError as exc:
            problems.append(f"附件 {ref.path}（{ref.material}）无法读取：{exc.strerror or exc}")
    return found, problems


def _verify(args: argparse.Namespace) -> int:
    from desktop.bundle.verify import verify_bundle

    report = verify_bundle(args.bundle, open_pack(args.pack, args.data_dir))
    if not report.ok:
        raise CliError(f"申报包 {args.bundle} 未通过校验（{len(report.problems)} 个问题）：", report.problems)
    manifest = report.manifest
    pack = manifest.get("rulepack", {})
    print(f"申报包完整：{len(manifest.get('files', {}))} 个文件的 SHA-256 与清单一致。")
    print(f"  企业：{manifest.get('enterprise', {}).get('name')}  政策项目：{manifest.get('programme_id')}")
    print(f"  规则包：{pack.get('id')} {pack.get('version')}  生成时间：{manifest.get('created_at')}")
    for note in report.notes:
        print(f"  {note}")
    return 0
