"""Time named cases against a baseline measured in the same run; report median, spread and whether
the case meets its target.

A case either is timed here (``run`` is called and the wall time taken), or measures itself
(``measures_itself``: ``run`` returns the figure, in seconds, or in MiB when ``unit`` is "MiB"):
start-up is timed to the first paint inside the child process, memory is the child's peak RSS.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Result = dict[str, Any]
# A target, decided from the measured figures: median_ms (or median_mib), the baseline's median,
# ratio_to_baseline, items_per_second.
Check = Callable[[Result], bool]


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    run: Callable[[], object]
    baseline_name: str = ""
    baseline: Callable[[], object] | None = None  # None: an absolute target, no floor to compare with
    repeat: int = 7
    target: str = ""
    meets: Check | None = None
    items: int = 0  # when set, the report adds items per second
    # Calls per sample, for cases of a few microseconds: one timer read would weigh more than
    # the call itself.  Figures are still per call.
    inner: int = 1
    measures_itself: bool = False
    unit: str = "ms"  # "ms" (run returns seconds when it measures itself) or "MiB"
    # Untimed preparation (making the input files), called once before anything is measured.
    setup: Callable[[], object] | None = None
    # A warm-up call of the case before the timed ones.  Off for cases that start their own
    # processes every run (nothing stays warm) and take minutes.
    warm_up: bool = True


def under_ms(limit: float) -> Check:
    return lambda r: r["median_ms"] < limit


def ratio_at_most(limit: float) -> Check:
    return lambda r: r["ratio_to_baseline"] is not None and r["ratio_to_baseline"] <= limit


def at_least_per_second(count: float) -> Check:
    return lambda r: (r["items_per_second"] or 0) >= count


def under_mib(limit: float) -> Check:
    return lambda r: r["median_mib"] < limit


def all_of(*checks: Check) -> Check:
    return lambda r: all(check(r) for check in checks)


def _sample(fn: Callable[[], object], inner: int, measures_itself: bool) -> float:
    if measures_itself:
        value = fn()
        assert isinstance(value, float | int), f"{fn} should return its own figure"
        return float(value)
    calls = range(inner)
    start = time.perf_counter()
    for _ in calls:
        fn()
    return (time.perf_counter() - start) / inner


def _summary(samples: list[float], unit: str) -> dict[str, float]:
    if unit == "MiB":
        return {"median_mib": round(statistics.median(samples), 1), "min_mib": round(min(samples), 1),
                "max_mib": round(max(samples), 1)}
    # Five decimals of a millisecond (10 ns): the per-call cases are around a microsecond.
    return {
        "median_ms": round(statistics.median(samples) * 1000, 5),
        "min_ms": round(min(samples) * 1000, 5),
        "max_ms": round(max(samples) * 1000, 5),
        "stdev_ms": round(statistics.pstdev(samples) * 1000, 5),
    }


def measure(case: Case) -> Result:
    # Warm-up (imports, caches), then case and baseline interleaved so machine noise hits both alike.
    if case.setup is not None:
        case.setup()
    if case.warm_up:
        case.run()
    if case.baseline is not None:
        case.baseline()
    case_samples: list[float] = []
    base_samples: list[float] = []
    for _ in range(case.repeat):
        case_samples.append(_sample(case.run, case.inner, case.measures_itself))
        if case.baseline is not None:
            base_samples.append(_sample(case.baseline, case.inner, case.measures_itself))
    result = _summary(case_samples, case.unit)
    median = statistics.median(case_samples)
    out: Result = {
        "case": case.name,
        "description": case.description,
        "target": case.target,
        "unit": case.unit,
        "samples": case.repeat,
        **result,
        "baseline": ({"name": case.baseline_name, **_summary(base_samples, case.unit)}
                     if base_samples else None),
        "ratio_to_baseline": round(median / statistics.median(base_samples), 2) if base_samples else None,
        "items_per_second": round(case.items / median) if case.items and median else None,
    }
    out["met"] = case.meets(out) if case.meets is not None else None
    return out
