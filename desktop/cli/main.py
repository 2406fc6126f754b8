"""Entry point shared by ``python -m desktop``, the console script and the frozen build."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.cli import assess_cmd, draft_cmd, intake_cmd, rules_cmd, store_cmd
from desktop.cli.output import CliError, fail
from desktop.logging_setup import configure_logging
from desktop.paths import data_dir

log = logging.getLogger(__name__)

SUBCOMMAND_MODULES = (rules_cmd, assess_cmd, store_cmd, draft_cmd, intake_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop",
        description=f"{APP_NAME}：不带子命令时启动图形界面。Without a subcommand, starts the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="用户数据目录（默认为系统用户数据目录，或环境变量 DESKTOP_DATA_DIR）",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="构建并显示主窗口、处理事件后退出（用于 CI 与安装包自检）",
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="界面语言 / UI language (default: saved choice)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="subcommands")
    for module in SUBCOMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        base = data_dir(args.data_dir)
    except OSError as exc:
        print(f"无法使用数据目录：{exc}", file=sys.stderr)
        return 2
    args.data_dir = base
    configure_logging(base)
    if args.command is None:
        return _run_gui(base, smoke_test=args.smoke_test, lang=args.lang)
    try:
        result: int = args.handler(args)
    except CliError as exc:
        return fail(exc)
    except BrokenPipeError:
        # Output piped into `head` and similar: not an error worth a traceback.
        sys.stderr.close()
        return 0
    except Exception:
        log.exception("unhandled error in %s", args.command)
        print(
            f"内部错误：命令 {args.command} 意外失败，详情已写入日志 {Path(base) / 'logs'}",
            file=sys.stderr,
        )
        return 70
    return result


def _run_gui(base: Path, *, smoke_test: bool, lang: str | None) -> int:
    # Imported here so that every CLI subcommand works without Qt installed.
    from desktop.ui.app import run_app

    return run_app(base, smoke_test=smoke_test, lang=lang)
