"""``python -m benchmarks [CASE ...] [--no-write]``."""

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
)


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for name in CASE_MODULES:
        cases += importlib.import_module(name).CASES
    return cases


COMMAND = "python -m benchmarks"
NOTES = """
## Reading the figures

- **Start-up** includes reading and re-validating the bundled rule database (70 programmes,
  SHA-256 checked), opening (on a brand-new data folder: creating and migrating) the user
  database, building every page including the profile editor (77 fields; the industry picker
  holds 1,400 codes) and assessing the sample enterprise, so the first window has content.
  Imports are most of it; the parser no longer loads reportlab and openpyxl.
- **Single assessment** meets its target (< 5 ms) with every explanation text built.
- **Batch triage** uses `desktop.rules.triage`: each programme planned once (predicates as
  closures reading the model directly, conditions, blocks and loans as one "all" list that stops
  at the first failure, amounts that read no fact settled in advance); see docs/RULES.md.
  `tests/rules/test_triage.py` and `tests/rules/test_closures.py` require identical outcomes,
  statuses and amounts to the full engine over every scenario case, synthetic enterprises and
  rule-aware random enterprises.  Target met.
- **One programme vs hand-written (≤ 3x)** is measured on two reference programmes:
  - the 石家庄 R&D-institution award: four conditions on the institution and a
    per-level amount.  This is the leanest programme in the pack, so fixed costs weigh most:
    building the per-enterprise fact context is about a quarter of the time;
  - the 青海 2011 loan-interest subsidy: size class, industry section and three loans with
    four per-loan conditions.  The hand-written check calls the same reference functions
    (`classify`, `lookup`, `months_between`).
  - Both baselines are three-valued like the engine (an unknown fact never passes), and
    `tests/test_benchmark_baselines.py` holds them to the pack's answers on 3,300 enterprises,
    so neither baseline skips work the engine must do.
  - Each sample times 500 (or 200) calls, so one timer read does not outweigh a call of about a
    microsecond.  Figures are per call.
- **Autosave** is one short write transaction through the ORM: read the record, write the
  answer, write the audit row, commit with `synchronous=FULL` (an fsync of the WAL). The
  baseline is a bare `UPDATE` + `COMMIT` on the same pragmas: the fsync is the floor.
- **Opening 1,000 applications** counts taking the folder lock, SQLite's `quick_check`, reading
  the schema revision (alembic itself is imported only when a migration is due) and listing
  every application with its enterprise.  The once-a-day backup is excluded: it runs on the
  first start of a day (measured in the warm-up) and on a clean close.
- **Technical-upgrade bundle** is the shipped example grown to an 8-page report and 50
  equipment lines: checks, assessment, every PDF and workbook, the deterministic rewrite and
  the zip.  The package has 3 workbooks (基本情况表, 购置清单, 材料清单), not the 4 sheets the
  issue guessed.  The baseline is reportlab and openpyxl writing the same text and rows with no
  layout.  The cold case is a fresh process; its baseline is the same process importing only,
  so the difference is the rule database, font loading (the 21 MB TrueType collection) and the
  draft itself.
"""


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
    return "\n".join(lines) + "\n" + NOTES


def main() -> int:
    parser = argparse.ArgumentParser(prog=COMMAND)
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/PERFORMANCE.md")
    args = parser.parse_args()
    chosen = [c for c in all_cases() if not args.cases or c.name in args.cases]
    results = []
    for case in chosen:
        print(f"measuring {case.name} ...", file=sys.stderr, flush=True)
        results.append(measure(case))
    json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not args.no_write and not args.cases:
        (ROOT / "docs" / "PERFORMANCE.md").write_text(_markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
