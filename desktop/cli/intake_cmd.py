"""The official's desk on the command line: ``intake``, ``received``, ``review``, ``summary``.

Every command takes ``--db URL`` (a SQLAlchemy URL; default the SQLite file ``desk.sqlite3``
in the data folder), so several officials can share one PostgreSQL database on the LAN.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.output import CliError, print_json
from desktop.oserrors import os_error_words

if TYPE_CHECKING:
    from desktop.intake.desk import Desk

REVIEW_CHOICES = ("reviewing", "approved", "returned", "refused")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL",
                        help="收件数据库的 SQLAlchemy 地址，如 postgresql+pg8000://用户名:密码@服务器/desk"
                             "（默认为数据目录中的 desk.sqlite3；旧的 postgresql+psycopg:// 地址自动换算）")


def _add_official(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--official", metavar="NAME",
                        help="经办人姓名，记入审核日志（默认取环境变量 DESKTOP_OFFICIAL 或系统用户名）")


def register(subparsers: Any) -> None:
    intake = subparsers.add_parser("intake", help="主管部门收件：校验并登记申报包 / receive bundles")
    intake.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="申报包或包含申报包的文件夹")
    _add_db(intake)
    _add_official(intake)
    intake.add_argument("--pack", type=Path, help="用来复核的规则包（目录或 .sqlite），默认为内置规则包")
    intake.add_argument("--no-redraft", action="store_true",
                        help="不重新生成文书比对（只校验清单、格式并重新评估）")
    intake.add_argument("--workers", type=int, default=None, help="并行校验的进程数（默认为处理器核数）")
    intake.set_defaults(handler=_intake)

    received = subparsers.add_parser("received", help="列出已收件的申报 / list received applications")
    _add_db(received)
    received.add_argument("--json", action="store_true", help="以 JSON 输出")
    received.set_defaults(handler=_received)

    review = subparsers.add_parser("review", help="审核一份收件 / review an application")
    review.add_argument("id", type=int, help="收件编号（见 received）")
    review.add_argument("--status", required=True, choices=REVIEW_CHOICES,
                        help="reviewing=审核中 approved=通过 returned=退回补正 refused=不予支持")
    review.add_argument("--reason", help="理由（退回补正与不予支持必填）")
    _add_db(review)
    _add_official(review)
    review.set_defaults(handler=_review)

    summary = subparsers.add_parser("summary", help="生成汇总表 / summary table for reporting upward")
    summary.add_argument("--out", type=Path, required=True, help="输出的汇总表（.xlsx）")
    summary.add_argument("--desk-name", default="（填报单位）", help="填报单位名称，印在表头")
    summary.add_argument("--pack", type=Path, help="用来判断互斥项目的规则包，默认为内置规则包")
    summary.add_argument("--package", type=Path, metavar="FILE.zip",
                         help="同时导出向上级报送的汇总上报包（已通过的申报、汇总表、申报包哈希）")
    summary.add_argument("--from", dest="packages", type=Path, nargs="+", metavar="PACKAGE",
                         help="上级部门：汇总各县导出的汇总上报包（不读收件数据库）")
    _add_db(summary)
    summary.set_defaults(handler=_summary)


def _official(args: argparse.Namespace) -> str:
    name = args.official or os.environ.get("DESKTOP_OFFICIAL") or getpass.getuser()
    return str(name).strip()[:100] or "unknown"


def _open_desk(args: argparse.Namespace) -> Desk:
    from desktop.intake.desk import Desk, DeskError, default_url

    try:
        return Desk(args.db or default_url(Path(args.data_dir)))
    except DeskError as exc:
        raise CliError(str(exc)) from exc


def _intake(args: argparse.Namespace) -> int:
    from desktop.cli.rules_cmd import open_pack
    from desktop.intake.receive import receive

    pack = open_pack(args.pack)
    desk = _open_desk(args)
    who = _official(args)
    try:
        outcomes = receive(desk, args.paths, pack, who=who, pack_path=args.pack,
                           redraft=not args.no_redraft, workers=args.workers)
        desk.record_rejections([(o.path, o.problems) for o in outcomes if not o.accepted], who=who)
    finally:
        desk.close()
    rejected = [o for o in outcomes if not o.accepted]
    for outcome in outcomes:
        if outcome.accepted:
            what = "已收到过，未重复登记" if outcome.again else "已收件"
            print(f"{what} #{outcome.id}：{outcome.path}")
            for note in outcome.notes:
                print(f"  {note}")
        else:
            print(f"拒收：{outcome.path}（{len(outcome.problems)} 个问题）", file=sys.stderr)
            for problem in outcome.problems:
                print(f"  - {problem}", file=sys.stderr)
    print(f"共 {len(outcomes)} 个文件：收件 {len(outcomes) - len(rejected)} 个，拒收 {len(rejected)} 个。")
    return 1 if rejected else 0


def received_rows(desk: Desk) -> list[dict[str, Any]]:
    from desktop.intake.desk import missing_materials
    from desktop.intake.duplicates import is_settled
    from desktop.intake.models import STATUS_TEXT

    flags = desk.flags(None)
    return [{
        "id": row.id,
        "enterprise": {"name": row.enterprise_name, "uscc": row.uscc},
        "region_code": row.region_code,
        "programme_id": row.programme_id,
        "programme": row.programme_title,
        "kind": row.kind,
        "status": row.status,
        "status_text": STATUS_TEXT[row.status],
        "reason": row.reason,
        "requested_yuan": row.requested_yuan,
        "estimated_yuan": row.desk_yuan,
        "claimed": row.proof.get("claimed"),
        "desk": row.proof.get("desk"),
        "version": row.version,
        "bundle_sha256": row.bundle_sha256,
        "received_at": row.received_at.isoformat(timespec="seconds"),
        "flags": [f for f in flags.get(row.id, []) if not is_settled(f)],
        "settled": [f for f in flags.get(row.id, []) if is_settled(f)],
        "missing_materials": missing_materials(row),
    } for row in desk.rows()]


def _received(args: argparse.Namespace) -> int:
    desk = _open_desk(args)
    try:
        rows = received_rows(desk)
    finally:
        desk.close()
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("尚未收到任何申报。")
    for row in rows:
        enterprise = row["enterprise"]
        print(f"#{row['id']}  {row['status_text']}  {enterprise['name']}（{enterprise['uscc']}）"
              f"  {row['programme']}  申请 {_yuan(row['requested_yuan'])}"
              f"  测算 {_yuan(row['estimated_yuan'])}")
        if row["missing_materials"]:
            print(f"    缺材料 {len(row['missing_materials'])} 项：{'、'.join(row['missing_materials'])}")
        for flag in row["flags"]:
            print(f"    ! {flag}")
        for flag in row["settled"]:
            print(f"    ✓ {flag}")
    return 0


def _yuan(text: str | None) -> str:
    return "未填" if text is None else f"{text} 元"


def _review(args: argparse.Namespace) -> int:
    from desktop.intake.desk import DeskError
    from desktop.intake.models import STATUS_TEXT

    desk = _open_desk(args)
    try:
        row = desk.review(args.id, args.status, who=_official(args), reason=args.reason)
    except DeskError as exc:
        raise CliError(str(exc)) from exc
    finally:
        desk.close()
    print(f"收件 #{row.id}（{row.enterprise_name}）已改为“{STATUS_TEXT[row.status]}”。")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from desktop.cli.rules_cmd import open_pack
    from desktop.intake.summary import write_summary
    from desktop.intake.upward import export_package, total_packages

    created = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    try:
        if args.packages:
            left_out = total_packages(args.packages, args.out, desk_name=args.desk_name, created=created)
            print(f"已汇总 {len(args.packages) - len(left_out)} 个上报包，生成 {args.out}。")
            if left_out:
                raise CliError(f"{len(left_out)} 个上报包未通过校验，未计入汇总：", left_out)
            return 0
        pack = open_pack(args.pack)
        desk = _open_desk(args)
        try:
            rows, flags = desk.rows(), desk.flags(pack)
        finally:
            desk.close()
        write_summary(rows, flags, args.out, desk_name=args.desk_name, created=created)
        print(f"已生成汇总表 {args.out}：{len(rows)} 份申报。")
        if args.package:
            count = export_package(rows, flags, args.package, desk_name=args.desk_name, created=created)
            print(f"已导出汇总上报包 {args.package}：已通过的申报 {count} 份。")
    except OSError as exc:
        raise CliError(f"无法写入文件：{os_error_words(exc, writing=True)}") from exc
    return 0
