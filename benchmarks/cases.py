"""The benchmark cases.  Later capabilities add theirs here."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path

from benchmarks.bundle_cases import BUNDLE_CASES
from benchmarks.runner import Case
from benchmarks.store_cases import STORE_CASES
from benchmarks.synthetic import enterprises
from desktop.facts import Enterprise, FactsFile, Institution
from desktop.rules.context import FactContext
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.triage import triage, triage_programme

ROOT = Path(__file__).resolve().parents[1]
BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\nw = QMainWindow()\nw.show()\napp.processEvents()\nw.close()\n"
)


def _offscreen_env(data_dir: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKTOP_DATA_DIR": data_dir}


def app_start() -> None:
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, "-m", "desktop", "--smoke-test"], cwd=ROOT, check=True,
                       env=_offscreen_env(data), capture_output=True)


def bare_window() -> None:
    with tempfile.TemporaryDirectory() as data:
        subprocess.run([sys.executable, "-c", BARE_WINDOW], check=True,
                       env=_offscreen_env(data), capture_output=True)


SAMPLE = FactsFile(
    enterprise=Enterprise(name="基准企业", region_code="130171", industry_code="2710",
                          employees=420, revenue=Decimal("380000000")),
    institution=Institution(kind="enterprise_tech_center", level="national",
                            recognised_on=dt.date(2018, 1, 15)),
)
ON = dt.date(2018, 6, 1)
BATCH_SIZE = 10_000
RD_KINDS = frozenset({"enterprise_tech_center", "engineering_research_center",
                      "engineering_laboratory", "engineering_tech_research_center",
                      "key_laboratory"})


def assess_one() -> None:
    assess(bundled_pack(), SAMPLE, ON)


RD_AWARD_YUAN = {"national": 5_000_000, "provincial": 1_000_000, "municipal": 100_000}


def _handwritten_rd(facts: FactsFile) -> tuple[str, int | None]:
    """The R&D-institution decision written directly in Python: the floor to compare with."""
    e, i = facts.enterprise, facts.institution
    if e.region_code is None:
        return "undetermined", None
    if not e.region_code.startswith("1301"):
        return "not_applicable", None
    if not dt.date(2017, 2, 25) <= ON <= dt.date(2020, 12, 31):
        return "expired", None
    if i is None or i.kind is None or i.recognised_on is None or i.level is None:
        return "undetermined", None
    ok = i.kind in RD_KINDS and dt.date(2017, 2, 25) <= i.recognised_on <= dt.date(2020, 12, 31)
    return ("eligible", RD_AWARD_YUAN[i.level]) if ok else ("ineligible", None)


def handwritten_rd_institution() -> None:
    _handwritten_rd(SAMPLE)


@cache
def batch() -> list[FactsFile]:
    """Built on first use, so running only the start-up case does not pay for 10,000 objects."""
    return enterprises(BATCH_SIZE)


def assess_batch() -> None:
    pack = bundled_pack()
    for facts in batch():
        triage(pack, facts, ON)


def handwritten_batch() -> None:
    for facts in batch():
        _handwritten_rd(facts)


def assess_one_programme() -> None:
    pack = bundled_pack()
    triage_programme(pack, pack.programme("sjz-2017-rd-institution"), FactContext(SAMPLE, ON))


CASES = [
    Case("startup", "python -m desktop --smoke-test（进程启动到主窗口显示并退出）", app_start,
         "bare PySide6 window", bare_window, repeat=5),
    Case("assess_single", "一家企业对整个规则包的完整自评（含解释文字）", assess_one,
         "hand-written R&D-institution check", handwritten_rd_institution, repeat=200,
         target="< 5 ms median"),
    Case("assess_rd_programme", "分诊路径判定单个项目的状态与金额（研发机构奖励，与手写代码同样的输出）",
         assess_one_programme, "hand-written R&D-institution check",
         handwritten_rd_institution, repeat=2000, target="≤ 3x hand-written"),
    Case("assess_batch_10k", "10,000 家合成企业对整个规则包的批量分诊（每项的状态与金额，单核）",
         assess_batch,
         "hand-written R&D-institution check over the same 10,000", handwritten_batch, repeat=3,
         target="≥ 2,000 enterprises/s", items=BATCH_SIZE),
    *STORE_CASES,
    *BUNDLE_CASES,
]
