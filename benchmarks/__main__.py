"""``python -m benchmarks [CASE ...] [--module NAME ...] [--no-write]``.

Without cases or modules every case runs and docs/PERFORMANCE.md is rewritten; a selection
only prints its figures (JSON on stdout).
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
NOTES = """
## Reading the figures

- **Targets.** Every case has one and the last column says whether it is met.  Where no target
  was given (first start in a new folder, the cold bundle), the one set here says so.
- **Start-up** (`startup_first_paint`) is timed from launching `python -m desktop --smoke-test`
  to the main window's first paint event (the app prints the wall-clock time of it; the
  benchmark subtracts the launch time), on a data folder that has been started before.  The
  baseline is a bare PySide6 `QMainWindow` timed the same way, in the same run.  The first start
  in a new folder (creating and migrating the database) is its own case.  Offscreen platform.
  `startup_frozen` is the same for the PyInstaller build; it appears when `dist/huiqi-shenbao/`
  exists (`python installer/build.py` first).
- **`--version` and `--help`** read only the subcommand table in `desktop/cli/main.py`: no
  subcommand module, no ORM, no rule engine, no Qt is imported (`tests/test_cli_lazy.py`).
  The figure is the whole process; `python -c pass` alongside shows the interpreter's share.
- **Cold bundle** is the user's command, `python -m desktop draft examples/application_tech_upgrade.json`,
  in a fresh process: interpreter, CLI, imports, rule database, fonts, the documents and the zip.
- **Peak memory** (`gui_session_rss`) is one process: the main window, the dashboard, then one
  technical-upgrade application drafted to a bundle (what the wizard runs), peak RSS from
  `getrusage`.  **Not met.**  The window alone peaks at about 177 MiB (Qt, SQLAlchemy, pydantic,
  every page built); drafting adds about 110 MiB, of which the two PDF fonts are the largest
  part: reportlab's subsetting copies each face's whole `glyf` table and touches every page of
  the 21 MB and 16 MB files.  The PDF fonts are now memory-mapped (`desktop.fonts.MappedFontFile`)
  instead of read whole, which cuts registering them from 58 to 24 MiB but a drafting process's
  peak only from about 145 to 135 MiB, because of that copy.  What would reach the target:
  drafting in a child process (`python -m desktop draft`, which the wizard could run; the
  window's process then stays near 200 MiB), or subsetting from the mapped file without the
  copy (a change to reportlab's `makeSubset`), or fonts pre-subset to the characters a bundle
  can contain (not possible for free text).
- **One programme vs hand-written (≤ 3x)** is still measured on two of the pack's 70
  programmes (R&D-institution award; loan-interest subsidy), with hand-written checks held to the
  pack's answers by `tests/test_benchmark_baselines.py`.  **Not done:** hand-written predicates
  for the whole rule base, compared through the path the GUI and CLI use.  Until they exist the
  ≤ 3x target is shown only for these two programmes, and the whole-pack cases
  (`assess_single`, `assess_batch_10k`) carry absolute targets and no hand-written ratio (the
  earlier 1,257x and 94x compared the whole pack with one programme and meant nothing).
- **Autosave**, **opening 1,000 applications** and the **warm bundle** are as before: one
  ORM write transaction with an fsync against a bare `UPDATE`; lock, quick check and listing
  against a bare `SELECT`; every PDF and workbook of an 8-page, 50-line application against
  reportlab and openpyxl writing the same text with no layout.
- **Intake** (`intake_1000`, `intake_1000_redraft`) receives 1,000 different bundles through
  the desk's own path (`receive` on a folder, one spawned worker per core) and prints the CPU
  it took (this process and the workers) on stderr: on a shared machine the wall figure is
  mostly the neighbours' load, and half the CPU total is what two idle cores would need.
  docs/INTAKE.md says where the time goes and what was done.  `python -m benchmarks --module
  intake --no-write` runs just these.
- **Noise.** The machine is shared (see the load average above): absolute times move with the
  neighbours; ratios to a baseline measured alongside move much less.  Peak RSS does not move.
"""

START_UP_NOTES = """
### What stands in the way of a one-second window

Imports are most of the start.  The main window module (`desktop/ui/main_window.py`) imports, at
module level, the store (SQLAlchemy's ORM: the largest single item above), the fact model
(pydantic), the rule engine and every page; and its constructor builds every page (the profile
editor with its 77 fields and 1,400-code industry picker included), fills the profile list from
the database and assesses the sample enterprise, all before `show()`.  The start-up path in
`desktop/ui/app.py` can only show that window once it is built.  What was done here: the CLI no
longer imports anything for `--help`/`--version` or for other subcommands; the first paint is
measured and logged (`main window first painted … ms`); the PDF fonts are memory-mapped.

What the main window would need (issue 13 is rewriting it, so these are left to that work):
1. Import `Store`, `Autosaver` and `RecordRef` only under `TYPE_CHECKING`, and take the store
   after construction (`window.attach_store(store)`): `app.py` would then show the window
   first and open the user database (SQLAlchemy, alembic's revision check, the daily backup)
   from a `QTimer.singleShot(0, …)` after the first paint.
2. Build the pages other than the first on first use (a `QStackedWidget` of placeholders that
   construct the real page when navigated to): the profile editor alone is 120–155 ms.
3. Assess the sample enterprise after the window shows (`QTimer.singleShot(0, …)` in place of the
   call in the constructor), so the first paint does not wait for the engine.
4. Outside the window: `desktop.rules.loader` imports PyYAML at module level although a bundled
   pack is read from SQLite (PyYAML is only for compiling YAML sources), and filelock imports
   asyncio; both are on the start path.

How far 1–3 would go, measured once by hand on 2026-11-30 (5 interleaved runs, load average 7
on 2 cores, so every figure is about 3x what a quiet machine gives): the full start to first
paint 5.3 s; a window holding only the navigation and the dashboard page (rule pack loaded, no
store, no SQLAlchemy, no other page) 2.6 s; a bare PySide6 window 0.72 s.  Deferring the store
and the other pages halves the start, but the dashboard still waits for pydantic, the rule engine
and the rule database (3.6x bare).  Reaching 2x bare means painting the window's frame
(navigation, toolbar, status line) with Qt alone and building even the first page after the first
paint.
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


def start_up_section() -> str:
    """The import-time breakdown of a real GUI start (existing folder), measured now."""
    from benchmarks.imports import gui_breakdown

    return ("\n## Start-up: where the time goes\n\n"
            "`python -X importtime -m desktop --smoke-test` on an existing data folder, measured in the "
            "same run as the table (`python -m benchmarks.imports` alone prints it):\n\n"
            + gui_breakdown() + "\n" + START_UP_NOTES)


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
        text = _markdown(results) + start_up_section()
        (ROOT / "docs" / "PERFORMANCE.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
