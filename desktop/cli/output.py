"""Small helpers for consistent CLI output and errors."""

from __future__ import annotations

import json
import sys
from typing import Any


class CliError(Exception):
    """An expected failure: printed as a list of problems, exit code 1 by default."""

    def __init__(self, summary: str, problems: list[str] | None = None, code: int = 1) -> None:
        super().__init__(summary)
        self.summary = summary
        self.problems = problems or []
        self.code = code


def fail(error: CliError) -> int:
    print(error.summary, file=sys.stderr)
    for problem in error.problems:
        print(f"  - {problem}", file=sys.stderr)
    return error.code


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
