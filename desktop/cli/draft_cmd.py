"""``draft APPLICATION.json --out BUNDLE.zip`` and ``bundle verify BUNDLE.zip``."""

from __future__ import annotations

import argparse
import datetime as dt
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.assess_cmd import parse_date
from desktop.cli.output import CliError
from desktop.cli.rules_cmd import open_pack
from desktop.facts.io import FactsError
from desktop.oserrors import os_error_words

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
    parser.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
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

    _check_out(args.out, args.application, force=args.force)
    try:
        application = read_application(args.application)
    except FactsError as exc:
        raise CliError(f"申报文件 {args.application} 有 {len(exc.problems)} 个问题：", exc.problems) from exc
    attachments, problems = read_attachments(args.application.parent, application.attachments, args.out)
    created = args.created or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    try:
        result = draft(application, open_pack(args.pack, args.data_dir), created, args.on)
    except DraftError as exc:
        problems = exc.problems + problems
        result = None
    problems = list(dict.fromkeys(problems))  # a path refused here and by the checks is said once
    if problems or result is None:
        raise CliError(f"未生成申报包，有 {len(problems)} 个问题：", problems)
    try:
        write_bundle(result, attachments, args.out)
    except OSError as exc:
        raise CliError(f"无法写入申报包 {args.out}：{os_error_words(exc, writing=True)}") from exc
    print(f"已生成申报包 {args.out}：文书 {len(result.documents)} 份，附件 {len(attachments)} 个。")
    for name in result.documents:
        print(f"  documents/{name}")
    return 0


def _check_out(out: Path, application: Path, *, force: bool = False) -> None:
    """Refuse an ``--out`` that cannot be written, that would overwrite the input, or that
    exists already (a user's 重要合同.docx must never become a zip) unless ``force``."""
    if out.is_dir():
        raise CliError(f"--out {out} 是一个文件夹；请给出申报包的文件名，如 {out / '申报包.zip'}。")
    if not out.parent.is_dir():
        raise CliError(f"--out 的文件夹 {out.parent} 不存在；请先建立该文件夹。", code=2)
    if out.exists() and application.exists() and out.resolve() == application.resolve():
        raise CliError(f"--out {out} 就是申报文件本身；生成申报包会覆盖它。请换一个文件名。", code=2)
    if (out.exists() or out.is_symlink()) and not force:
        raise CliError(f"{out} 已存在，未生成申报包，该文件未被改动。请换一个文件名；"
                       "确需用申报包覆盖它，请加 --force。", code=2)


def read_attachments(base: Path, refs: list[AttachmentRef], out: Path | None = None,
                     ) -> tuple[dict[str, bytes], list[str]]:
    """Read every attachment, or say why not; every check is made before a file is opened.

    A path must stay inside the application's folder (also through symbolic links), name a
    regular file (not a device, pipe or folder) no larger than the limit, and no two may
    share a file name (the bundle stores attachments by name).  ``out`` is never read.
    """
    from desktop.applications.model import MAX_ATTACHMENT_BYTES

    root = base.resolve()
    found: dict[str, bytes] = {}
    source_of: dict[str, str] = {}
    problems: list[str] = []
    limit_mb = MAX_ATTACHMENT_BYTES // 1024 // 1024
    for index, ref in enumerate(refs):
        where = f"附件 {ref.path}（{ref.material}）"
        relative = Path(ref.path.replace("\\", "/"))
        if relative.is_absolute() or relative.drive or ".." in relative.parts or not relative.parts:
            problems.append(f"attachments[{index}]：路径须相对于申报文件且不能跳出其目录：{ref.path}")
            continue
        path = (root / relative).resolve()
        if not path.is_relative_to(root):
            problems.append(f"{where} 指向申报文件所在文件夹之外（经由链接）：未读取。")
            continue
        if out is not None and path == out.resolve():
            problems.append(f"{where} 就是 --out 指定的输出文件。")
            continue
        name = path.name
        if name in source_of:
            problems.append(f"{where} 与 {source_of[name]} 同名（{name}）：申报包按文件名存放附件，"
                            "请将其中一个改名。")
            continue
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                problems.append(f"{where} 不是普通文件（文件夹、设备或管道）：未读取。")
                continue
            if info.st_size > MAX_ATTACHMENT_BYTES:
                problems.append(f"{where} 超过 {limit_mb} MB（{info.st_size:,} 字节）：未读取。")
                continue
            with path.open("rb") as handle:
                data = handle.read(MAX_ATTACHMENT_BYTES + 1)  # a file growing meanwhile stops here
        except OSError as exc:
            problems.append(f"{where} 无法读取：{os_error_words(exc)}。")
            continue
        if len(data) > MAX_ATTACHMENT_BYTES:
            problems.append(f"{where} 超过 {limit_mb} MB：未读取。")
            continue
        found[name] = data
        source_of[name] = ref.path
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
