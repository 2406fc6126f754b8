"""The benchmark report tells the truth: every case has a target it is checked against, and a
miss is visible in the table."""

from __future__ import annotations

from benchmarks.__main__ import CASE_MODULES, _markdown, all_cases
from benchmarks.runner import Case, measure, under_ms


def test_every_case_has_a_target_and_a_check() -> None:
    cases = all_cases()
    assert len({c.name for c in cases}) == len(cases), "case names must be unique"
    for case in cases:
        assert case.target, f"{case.name} has no target"
        assert case.meets is not None, f"{case.name} does not check its target"


def test_case_modules_are_one_line_each() -> None:
    assert all(name.startswith("benchmarks.") for name in CASE_MODULES)
    assert {"benchmarks.startup_cases", "benchmarks.bundle_cases"} <= set(CASE_MODULES)


def test_a_miss_is_visible_in_the_table() -> None:
    fast = measure(Case("fast", "快", lambda: None, "nothing", lambda: None, repeat=3,
                        target="< 1 s", meets=under_ms(1000)))
    slow = measure(Case("slow", "慢", lambda: None, repeat=3, target="< 0 ms", meets=under_ms(0)))
    table = _markdown([fast, slow])
    assert "| fast | 快 |" in table and "| < 1 s | met |" in table
    assert "| < 0 ms | **NOT MET** |" in table
    assert "1 of 2 cases meet their target" in table


def test_a_case_that_measures_itself_reports_its_own_figure() -> None:
    figures = iter([0.5, 0.25, 0.75, 0.5])
    result = measure(Case("self", "自测", lambda: next(figures), repeat=3, target="< 1 s",
                          meets=under_ms(1000), measures_itself=True))
    assert result["median_ms"] == 500 and result["met"] is True


def test_a_new_run_replaces_the_table_and_keeps_the_prose() -> None:
    from benchmarks.__main__ import report

    old = measure(Case("old", "旧", lambda: None, repeat=3, target="< 0 ms", meets=under_ms(0)))
    new = measure(Case("new", "新", lambda: None, repeat=3, target="< 1 s", meets=under_ms(1000)))
    previous = report([old], "") + "\n## Reading the figures\n\nWhat was done, by hand.\n"
    text = report([new], previous)
    assert "| new | 新 |" in text and "| old |" not in text
    assert text.endswith("\n## Reading the figures\n\nWhat was done, by hand.\n")
