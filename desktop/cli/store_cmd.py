"""``backup``, ``restore``, ``export`` and ``import``: the user database from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.output import CliError
from desktop.cli.rules_cmd import open_pack
from desktop.oserrors import os_error_words
from desktop.store import maintenance, transfer
from desktop.store.lock import AlreadyRunningError
from desktop.store.records import StoreError
from desktop.store.startup import StoreOpenError, open_store, open_store_read_only
from desktop.store.transfer_format import MAX_TRANSFER_BYTES


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="备份用户数据库 / back up the user database")
    backup.add_argument("--out", type=Path, required=True, help="备份文件路径（.sqlite）")
    backup.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    backup.set_defaults(handler=_backup)
    restore = subparsers.add_parser("restore", help="从备份恢复 / restore from a backup")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=_restore)
    export = subparsers.add_parser("export", help="导出一家企业或一份申报为 JSON / export as JSON")
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--profile", help="企业：统一社会信用代码或资料编号")
    which.add_argument("--application", type=int,
                       help="申报编号（见 profiles 列表）；写出 draft 读取的申报文件，"
                            "附件复制到其旁的 attachments/")
    export.add_argument("--out", type=Path, required=True)
    export.set_defaults(handler=_export)
    import_ = subparsers.add_parser(
        "import", help="导入 export 生成的 JSON 或申报文件 / import a transfer or application file")
    import_.add_argument("file", type=Path)
    import_.add_argument("--yes", action="store_true", help="确认与已有的同一企业合并")
    import_.set_defaults(handler=_import)
    profiles = subparsers.add_parser("profiles", help="列出本机的企业资料与申报 / list profiles")
    profiles.add_argument("--json", action="store_true", help="以 JSON 输出（含编号）")
    profiles.set_defaults(handler=_profiles)


def _check_out(out: Path) -> None:
    """An ``--out`` that can be written: not a folder, in a folder that exists."""
    if out.is_dir():
        raise CliError(f"--out {out} 是一个文件夹；请给出文件名。", code=2)
    if not out.parent.is_dir():
        raise CliError(f"--out 的文件夹 {out.parent} 不存在；请先建立该文件夹。", code=2)


def _backup(args: argparse.Namespace) -> int:
    _check_out(args.out)
    if maintenance.is_live_database(args.data_dir, args.out):
        raise CliError(f"{args.out} 是正在使用的数据库（或其日志文件），不能作为备份的输出，"
                       "加 --force 也不行；请另选一个文件名。未做任何更改。", code=2)
    if args.out.exists() and not args.force:
        raise CliError(f"{args.out} 已存在；如需覆盖请加 --force。")
    try:
        out = maintenance.backup_now(args.data_dir, args.out)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    print(f"已备份到 {out}（{out.stat().st_size:,} 字节），完整性检查通过。")
    return 0


def _restore(args: argparse.Namespace) -> int:
    try:
        result = maintenance.restore(args.data_dir, args.file)
    except (StoreError, AlreadyRunningError) as exc:
        raise CliError(str(exc)) from exc
    print(f"已从 {result.restored_from} 恢复（{result.contents.describe()}）。")
    if result.previous_kept_at is not None:
        print(f"原数据库已保存为 {result.previous_kept_at}。")
    return 0


def _opened(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    try:
        opened = _open(args, read_only)
    except (AlreadyRunningError, StoreOpenError) as exc:
        raise CliError(str(exc)) from exc
    for message in opened.report.messages():
        print(message)
    return opened


def _open(args: argparse.Namespace, read_only: bool) -> Any:
    """The store; a read-only command reads beside a running app instead of being refused."""
    try:
        return open_store(args.data_dir)
    except AlreadyRunningError:
        if not read_only:
            raise
        import sys

        opened = open_store_read_only(args.data_dir)
        print("程序正在运行：本命令以只读方式读取其已保存的内容。", file=sys.stderr)
        return opened


def _opened_quietly(args: argparse.Namespace) -> Any:
    """For machine-readable output: start-up notes go to stderr, stdout stays JSON."""
    import sys

    try:
        opened = _open(args, read_only=True)
    except (AlreadyRunningError, StoreOpenError) as exc:
        raise CliError(str(exc)) from exc
    for message in opened.report.messages():
        print(message, file=sys.stderr)
    return opened


def _export(args: argparse.Namespace) -> int:
    _check_out(args.out)
    opened = _opened(args, read_only=True)
    try:
        store = opened.store
        if args.application is not None:
            from desktop.applications.stored import export_application_file

            written = export_application_file(store, args.application, args.out)
            folder = args.out.parent / "attachments"
            extra = f"，附件 {len(written) - 1} 个（在 {folder}）" if len(written) > 1 else ""
            print(f"已导出申报文件 {args.out}{extra}。")
            return 0
        else:
            matches = [p.id for p in store.list_profiles() if args.profile in (p.uscc, p.uid, str(p.id))]
            if not matches:
                raise CliError(f"没有找到企业资料：{args.profile}")
            document = transfer.export_profile(store, matches[0])
        transfer.write_transfer(document, args.out)
    except OSError as exc:
        raise CliError(f"无法写入 {args.out}：{os_error_words(exc, writing=True)}") from exc
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        opened.close()
    print(f"已导出到 {args.out}。")
    return 0


def _is_application_file(path: Path) -> bool:
    import json

    try:
        with path.open(encoding="utf-8-sig") as handle:
            data = json.loads(handle.read(MAX_TRANSFER_BYTES))
    except (OSError, ValueError, RecursionError):  # ValueError: bad UTF-8, JSON, or huge integers
        return False  # read_transfer reports it in its own words (deep nesting included)
    return isinstance(data, dict) and "format" not in data and "kind" in data


def _import_application(args: argparse.Namespace) -> int:
    from desktop.applications.stored import ProfileDiffersError, import_application_file

    pack = open_pack(None)
    opened = _opened(args)
    try:
        try:
            result = import_application_file(opened.store, args.file, rulepack_id=pack.identity.id,
                                             rulepack_version=pack.identity.version,
                                             title=_programme_title(pack, args.file), confirmed=args.yes)
        except ProfileDiffersError as exc:
            raise CliError(str(exc) + "\n未导入：确认后加 --yes 重新运行。") from exc
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        opened.close()
    verb = "新建" if result.created_profile else "使用已有的"
    print(f"已导入申报 #{result.application_id}：{verb}企业资料 #{result.profile_id}。")
    return 0


def _programme_title(pack: Any, path: Path) -> str:
    from desktop.applications.io import read_application
    from desktop.facts.io import FactsError

    try:
        programme_id = read_application(path).programme_id
        return str(pack.programme(programme_id).source.title)
    except (FactsError, StopIteration, AttributeError):
        return ""


def _import(args: argparse.Namespace) -> int:
    if _is_application_file(args.file):
        return _import_application(args)
    opened = _opened(args)
    try:
        document = transfer.read_transfer(args.file)
        plan = transfer.plan_import(opened.store, document)
        for line in plan.describe():
            print(line)
        if plan.needs_confirmation and not args.yes:
            raise CliError("未导入：请核对上面的合并内容，确认后加 --yes 重新运行。")
        result = transfer.apply_import(opened.store, plan, confirmed=args.yes)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        opened.close()
    verb = "新建" if result.created_profile else "合并到"
    print(f"已导入：{verb}企业资料 #{result.profile_id}，申报 {len(result.application_ids)} 份。")
    return 0


def _profiles(args: argparse.Namespace) -> int:
    opened = _opened(args, read_only=True) if not args.json else _opened_quietly(args)
    try:
        if args.json:
            import json

            listing = [{"id": p.id, "uid": p.uid, "name": p.name, "uscc": p.uscc,
                        "applications": [{"id": a.id, "uid": a.uid, "kind": a.kind,
                                          "programme_id": a.programme_id, "title": a.title,
                                          "status": a.status, "updated_at": a.updated_at}
                                         for a in opened.store.list_applications(p.id)]}
                       for p in opened.store.list_profiles()]
            print(json.dumps({"profiles": listing}, ensure_ascii=False, indent=1))
            return 0
        for profile in opened.store.list_profiles():
            print(f"#{profile.id} {profile.name or '（未命名）'}  {profile.uscc or '（无有效信用代码）'}  "
                  f"申报 {profile.applications} 份")
            for app in opened.store.list_applications(profile.id):
                print(f"    申报 #{app.id} {app.kind} {app.status} {app.title}  更新于 {app.updated_at}")
    finally:
        opened.close()
    return 0
