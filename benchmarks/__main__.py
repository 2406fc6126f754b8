"""``python -m benchmarks [CASE ...] [--no-write]``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys

from benchmarks.cases import CASES, ROOT
from benchmarks.runner import measure

COMMAND = "python -m benchmarks"


def _markdown(results: list[dict[str, object]]) -> str:
    lines = [
        "# Performance", "",
        f"Produced by `{COMMAND}` on {dt.date.today().isoformat()} "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, 2 cores). Each case runs interleaved with its baseline in the same run;",
        "figures are medians in milliseconds, with min–max.", "",
        "| case | what | median ms (min–max) | baseline | baseline median ms | ratio | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        base = r["baseline"]
        assert isinstance(base, dict)
        lines.append(
            f"| {r['case']} | {r['description']} | {r['median_ms']} ({r['min_ms']}–{r['max_ms']}) "
            f"| {base['name']} | {base['median_ms']} | {r['ratio_to_baseline']} | {r['target']} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog=COMMAND)
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/PERFORMANCE.md")
    args = parser.parse_args()
    chosen = [c for c in CASES if not args.cases or c.name in args.cases]
    results = [measure(case) for case in chosen]
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not args.no_write and not args.cases:
        (ROOT / "docs" / "PERFORMANCE.md").write_text(_markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
