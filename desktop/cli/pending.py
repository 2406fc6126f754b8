"""Subcommands that belong to capabilities not built yet.

They are listed in ``--help`` so the command surface is stable, and they say plainly
that the capability is not in this version instead of pretending to work.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.output import CliError

PENDING = {
    "intake": "主管部门收件 / intake bundles (officials)",
    "summary": "生成汇总表 / summary table for reporting upward",
}


def register(subparsers: Any) -> None:
    for name, help_text in PENDING.items():
        parser = subparsers.add_parser(name, help=f"{help_text}（本版本尚未提供）")
        parser.add_argument("args", nargs=argparse.REMAINDER)
        parser.set_defaults(handler=_not_available, pending_name=name)


def _not_available(args: argparse.Namespace) -> int:
    raise CliError(
        f"“{args.pending_name}”功能在本版本中尚未提供。"
        f" The '{args.pending_name}' command is not available in this version yet.",
        code=2,
    )
