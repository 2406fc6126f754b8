"""Time named cases against a baseline measured in the same run; report median and spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    run: Callable[[], object]
    baseline_name: str
    baseline: Callable[[], object]
    repeat: int = 7
    target: str = ""
    items: int = 0  # when set, the report adds items per second
    # Calls per sample, for cases of a few microseconds: one timer read would weigh more than
    # the call itself.  Figures are still per call.
    inner: int = 1


def _times(fn: Callable[[], object], repeat: int, inner: int = 1) -> list[float]:
    fn()  # warm-up: imports, caches
    calls = range(inner)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in calls:
            fn()
        samples.append((time.perf_counter() - start) / inner)
    return samples


def _summary(samples: list[float]) -> dict[str, float]:
    # Five decimals of a millisecond (10 ns): the per-call cases are around a microsecond.
    return {
        "median_ms": round(statistics.median(samples) * 1000, 5),
        "min_ms": round(min(samples) * 1000, 5),
        "max_ms": round(max(samples) * 1000, 5),
        "stdev_ms": round(statistics.pstdev(samples) * 1000, 5),
    }


def measure(case: Case) -> dict[str, object]:
    # Interleave case and baseline so machine noise hits both alike.
    case_samples: list[float] = []
    base_samples: list[float] = []
    for _ in range(case.repeat):
        case_samples += _times(case.run, 1, case.inner)
        base_samples += _times(case.baseline, 1, case.inner)
    result, base = _summary(case_samples), _summary(base_samples)
    return {
        "case": case.name,
        "description": case.description,
        "target": case.target,
        "samples": case.repeat,
        **result,
        "baseline": {"name": case.baseline_name, **base},
        "ratio_to_baseline": round(statistics.median(case_samples) / statistics.median(base_samples), 2),
        "items_per_second": round(case.items / (result["median_ms"] / 1000))
        if case.items and result["median_ms"] else None,
    }
