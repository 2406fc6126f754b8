"""``python -m benchmarks [CASE ...] [--module NAME ...] [--no-write]``.

Without cases or modules every case runs and docs/PERFORMANCE.md's header and table are
rewritten (its prose, from "## Reading the figures" on, is kept as written); a selection only
prints its figures (JSON on stdout).  ``python -m benchmarks.imports`` prints the import-time
breakdown of a start that the prose quotes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
from pathlib import Path

from benchmarks.runner import Case, Result, measure

ROOT = Path(__file__).resolve().parents[1]
# One line per module of cases; each module has ``CASES``, a list of benchmarks.runner.Case.
# Registering a new module is adding its line here.
CASE_MODULES = (
    "benchmarks.startup_cases",
    "benchmarks.cases",
    "benchmarks.store_cases",
    "benchmarks.bundle_cases",
    "benchmarks.rulepack_cases",
    "benchmarks.intake_cases",
)


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for name in CASE_MODULES:
        cases += importlib.import_module(name).CASES
    return cases


COMMAND = "python -m benchmarks"
def _time(ms: object) -> str:
    """A figure people can read: "1,846 ms", "1.62 ms", "1.75 µs"."""
    assert isinstance(ms, float | int)
    if ms >= 100:
        return f"{ms:,.0f} ms"
    if ms >= 0.1:
        return f"{ms:.2f} ms"
    return f"{ms * 1000:.2f} µs"


def _figure(result: Result | None, key: str) -> str:
    if result is None:
        return "—"
    if f"{key}_mib" in result:
        return f"{result[key + '_mib']:,.1f} MiB"
    return _time(result[key + "_ms"])


def machine() -> str:
    """What the figures were measured on, including how busy it was."""
    cpu = platform.processor() or platform.machine()
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()[0]
        memory = f", {int(meminfo.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except (OSError, IndexError, ValueError):
        pass
    load = f", load average {os.getloadavg()[0]:.1f} at the start" if hasattr(os, "getloadavg") else ""
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory}{load}; "
            f"{platform.python_implementation()} {platform.python_version()}")


def _markdown(results: list[Result]) -> str:
    met = sum(1 for r in results if r["met"] is True)
    lines = [
        "# Performance", "",
        f"Produced by `{COMMAND}` on {dt.date.today().isoformat()}, on {machine()}.",
        "Each case runs interleaved with its baseline in the same run (the machine is shared, so "
        "absolute figures move with the neighbours' load; ratios to a baseline measured alongside "
        "move less). Figures are medians, with min–max; per call for the per-programme cases.", "",
        f"**{met} of {len(results)} cases meet their target.**", "",
        "| case | what | median (min–max) | baseline | baseline median | ratio | per second | target | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        base = r["baseline"]
        verdict = {True: "met", False: "**NOT MET**", None: "—"}[r["met"]]
        lines.append(
            f"| {r['case']} | {r['description']} "
            f"| {_figure(r, 'median')} ({_figure(r, 'min')}–{_figure(r, 'max')}) "
            f"| {base['name'] if base else '—'} | {_figure(base, 'median')} "
            f"| {r['ratio_to_baseline'] if r['ratio_to_baseline'] is not None else '—'} "
            f"| {r['items_per_second'] or ''} | {r['target']} | {verdict} |")
    return "\n".join(lines) + "\n"


# Everything from this heading on is written by people (what each figure means, what was done,
# what stands in the way) and kept as it is when the table above it is measured again.
PROSE_HEADING = "\n## Reading the figures"


def report(results: list[Result], previous: str) -> str:
    """The new table, then the previous report's prose unchanged."""
    prose = previous[previous.index(PROSE_HEADING):] if PROSE_HEADING in previous else ""
    return _markdown(results) + prose


def main() -> int:
    parser = argparse.ArgumentParser(prog=COMMAND)
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--module", action="append", default=[], metavar="NAME",
                        help="every case of benchmarks/NAME_cases.py (intake, bundle, store, …); repeatable")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/PERFORMANCE.md")
    args = parser.parse_args()
    modules = {m.split(".")[1].removesuffix("_cases"): m for m in CASE_MODULES}
    unknown = [m for m in args.module if m not in modules]
    if unknown:
        parser.error(f"no such case module: {', '.join(unknown)} (one of {', '.join(modules)})")
    picked = {c.name for m in args.module for c in importlib.import_module(modules[m]).CASES}
    chosen = [c for c in all_cases()
              if (not args.cases and not picked) or c.name in args.cases or c.name in picked]
    results = []
    for case in chosen:
        print(f"measuring {case.name} ...", file=sys.stderr, flush=True)
        results.append(measure(case))
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not args.no_write and not args.cases and not picked:
        path = ROOT / "docs" / "PERFORMANCE.md"
        previous = path.read_text(encoding="utf-8") if path.is_file() else ""
        path.write_text(report(results, previous), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
