"""Where the GUI's start-up time goes: ``python -X importtime`` of the real start, grouped.

Run as part of ``python -m benchmarks`` (the section under the table in docs/PERFORMANCE.md), or
alone: ``python -m benchmarks.imports``.
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The modules whose cumulative time the report lists: what the first window waits for.
WATCHED = ("desktop.cli.main", "PySide6.QtCore", "PySide6.QtWidgets", "pydantic", "desktop.facts.model",
           "sqlalchemy", "sqlalchemy.orm", "desktop.store.startup", "desktop.store.first_page",
           "desktop.store.store", "desktop.rules.pack", "desktop.rules.loader", "yaml", "filelock",
           "desktop.ui.main_window",
           "desktop.ui.profile_editor", "desktop.ui.dashboard", "desktop.ui.app")


def _group(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2]) if parts[0] == "desktop" else parts[0]


# What the smoke test writes to stderr at the window's first paint (desktop.ui.app.FIRST_PAINT_MARK).
FIRST_PAINT_MARK = "-- main window first painted --"


def importtime(argv: list[str], env: dict[str, str]) -> list[tuple[str, int, int, bool]]:
    """(module, self µs, cumulative µs, imported before the first paint) for every import the
    command makes."""
    err = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stderr
    rows = []
    before = True
    for line in err.splitlines():
        if line.strip() == FIRST_PAINT_MARK:
            before = False
        elif line.startswith("import time:") and "self [us]" not in line:
            self_us, cumulative, name = line.removeprefix("import time:").split("|")
            rows.append((name.strip(), int(self_us), int(cumulative), before))
    return rows


def gui_breakdown() -> str:
    """The imports the first paint waits for, grouped; then what is imported after it."""
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as folder:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        argv = ["-m", "desktop", "--data-dir", folder, "--smoke-test"]
        subprocess.run([sys.executable, *argv], cwd=ROOT, env=env, check=True, capture_output=True)
        rows = importtime(argv, env)  # the second start: an existing data folder
    groups: collections.Counter[str] = collections.Counter()
    later: collections.Counter[str] = collections.Counter()
    for name, self_us, _cumulative, before in rows:
        (groups if before else later)[_group(name)] += self_us
    total = sum(groups.values())
    cumulative = {name: cum for name, _self, cum, before in rows if before}
    lines = ["| package (self time summed, imported before the first paint) | ms | share |", "|---|---|---|"]
    lines += [f"| {name} | {us / 1000:,.0f} | {us / total:.0%} |" for name, us in groups.most_common(14)]
    lines += [f"| **all imports before the first paint** | **{total / 1000:,.0f}** | |"]
    if later:
        after = ", ".join(f"{name} {us / 1000:,.0f}" for name, us in later.most_common(6))
        waited = sum(later.values()) / 1000
        lines += [f"| after the first paint (not waited for): {after} | {waited:,.0f} | |"]
    lines += ["", "| module (cumulative, with what it imports; before the first paint) | ms |", "|---|---|"]
    lines += [f"| {name} | {cumulative[name] / 1000:,.0f} |" for name in WATCHED if name in cumulative]
    return "\n".join(lines)


if __name__ == "__main__":
    print(gui_breakdown())
