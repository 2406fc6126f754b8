"""Entry point shared by ``python -m desktop``, the console script and the frozen build.

Subcommands are registered lazily: ``--help`` and ``--version`` read only the table below, and a
subcommand's module (with its rule engine, ORM or PDF imports) is imported only when that
subcommand is chosen.  That keeps every call but the chosen one's work under 0.3 s.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop import APP_NAME, __version__
from desktop.cli.output import CliError, fail

# One row per subcommand: name -> (module under desktop.cli whose ``register(subparsers)`` adds it,
# the one-line help shown by ``--help``).  A module may register several names; list each one.
# Adding a subcommand is adding a row; tests/test_cli_lazy.py checks every row against the help
# its module registers, so the two cannot drift apart.
COMMANDS: dict[str, tuple[str, str]] = {
    "rules": ("rules_cmd", "规则包：列出、校验、编译 / rule packs"),
    "assess": ("assess_cmd", "按规则包自评一家企业 / self-assessment"),
    "backup": ("store_cmd", "备份用户数据库 / back up the user database"),
    "restore": ("store_cmd", "从备份恢复 / restore from a backup"),
    "export": ("store_cmd", "导出一家企业或一份申报为 JSON / export as JSON"),
    "import": ("store_cmd", "导入 export 生成的 JSON 或申报文件 / import a transfer or application file"),
    "profiles": ("store_cmd", "列出本机的企业资料与申报 / list profiles"),
    "draft": ("draft_cmd", "生成申报材料包 / draft an application bundle"),
    "bundle": ("draft_cmd", "校验申报包 / verify a bundle"),
    "intake": ("intake_cmd", "主管部门收件：校验并登记申报包 / receive bundles"),
    "received": ("intake_cmd", "列出已收件的申报 / list received applications"),
    "review": ("intake_cmd", "审核一份收件 / review an application"),
    "summary": ("intake_cmd", "生成汇总表 / summary table for reporting upward"),
}


# argparse's English messages, said in Chinese (the placeholders are argparse's own %s).
_ARGPARSE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), words) for pattern, words in (
        (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
        (r"^the following arguments are required: (.*)$", r"缺少必需的参数：\1"),
        (r"^one of the arguments (.*) is required$", r"以下参数必须给出一个：\1"),
        (r"^argument (.*?): not allowed with argument (.*)$", r"参数 \1 不能与 \2 同时使用"),
        (r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$",
         r"参数 \1 的取值 \2 无效（可选：\3）"),
        (r"^argument (.*?): expected one argument$", r"参数 \1 后面需要一个值"),
        (r"^argument (.*?): expected at least one argument$", r"参数 \1 后面至少需要一个值"),
        (r"^argument (.*?): invalid (\w+) value: (.*)$", r"参数 \1 的值 \3 无效（应为 \2）"),
        (r"^argument (.*?): ignored explicit argument (.*)$", r"参数 \1 不接受值 \2"),
        (r"^ambiguous option: (.*?) could match (.*)$", r"选项 \1 有歧义，可能是：\2"),
        (r"^argument (.*?): (.*)$", r"参数 \1：\2"),  # our own ArgumentTypeError texts are Chinese
    ))


def argparse_words(message: str) -> str:
    """One of argparse's English error messages in Chinese (unknown ones are kept as they are)."""
    for pattern, words in _ARGPARSE_WORDS:
        if pattern.match(message):
            return pattern.sub(words, message)
    return message


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its error line in Chinese; the exit code stays 2 (a usage error)."""

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups, prefix="用法：")
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{argparse_words(message)}\n"
                     f"用法详见 {self.prog} --help。\n")


def command_module(name: str) -> str:
    return f"desktop.cli.{COMMANDS[name][0]}"


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; only ``command``'s module is imported and registered for real,
    every other subcommand is a placeholder carrying its help line."""
    parser = ChineseArgumentParser(
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
    if command is not None:
        importlib.import_module(command_module(command)).register(subparsers)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in subparsers.choices:
            # A placeholder: accepts anything, so the first pass can learn which command was chosen.
            subparsers.add_parser(name, help=help_text, add_help=False)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Two passes: placeholders only, to learn the command; then that command's real parser."""
    chosen, _rest = build_parser().parse_known_args(argv)
    return build_parser(chosen.command).parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else list(argv))
    # After parsing: --help and --version never pay for logging or platformdirs.
    import logging

    from desktop.logging_setup import configure_logging
    from desktop.paths import data_dir, resources_dir

    try:
        resources_dir()
    except FileNotFoundError as exc:
        # An incomplete install, not a bug: say so before any command half-works (exit 3).
        print(exc, file=sys.stderr)
        return 3
    try:
        base = data_dir(args.data_dir)
    except OSError as exc:
        print(f"无法使用数据目录：{exc}", file=sys.stderr)
        return 2
    args.data_dir = base
    configure_logging(base)
    if args.command is None:
        return _run_gui(base, smoke_test=args.smoke_test, lang=args.lang)
    log = logging.getLogger(__name__)
    # The command's name and outcome only: no arguments (paths, values) ever reach the log.
    log.info("command %s started", args.command)
    try:
        result: int = args.handler(args)
    except CliError as exc:
        log.info("command %s refused (exit %d, %d problems)", args.command, exc.code, len(exc.problems))
        return fail(exc)
    except BrokenPipeError:
        # Output piped into `head` and similar: not an error worth a traceback.
        log.info("command %s stopped: output closed", args.command)
        sys.stderr.close()
        return 0
    except Exception:
        log.exception("unhandled error in %s", args.command)
        print(
            f"内部错误：命令 {args.command} 意外失败，详情已写入日志 {Path(base) / 'logs'}",
            file=sys.stderr,
        )
        return 70
    log.info("command %s finished (exit %d)", args.command, result)
    return result


# The core the first window needs, imported before PySide6: once PySide6 is imported, its import
# hook reads the source of every module imported after it (looking for ``from __feature__``),
# about a tenth of the start's CPU time for these (docs/PERFORMANCE.md).  None imports Qt.
FIRST_WINDOW_CORE = (
    "desktop.store.startup", "desktop.store.first_page", "desktop.store.autosave", "desktop.fonts",
    "desktop.facts.answers", "desktop.facts.profile", "desktop.facts.samples", "desktop.rules.pack",
    "desktop.rules.regional", "desktop.rules.engine", "desktop.rules.status",
    "desktop.applications.standing", "desktop.rulepacks.active",
)


def _run_gui(base: Path, *, smoke_test: bool, lang: str | None) -> int:
    for module in FIRST_WINDOW_CORE:
        importlib.import_module(module)
    # Imported here so that every CLI subcommand works without Qt installed.
    from desktop.ui.platform_check import check_platform_libraries

    problem = check_platform_libraries()
    if problem is not None:  # before Qt would abort the process with signal 6
        print(problem, file=sys.stderr)
        return 2
    from desktop.ui.app import run_app

    return run_app(base, smoke_test=smoke_test, lang=lang)
