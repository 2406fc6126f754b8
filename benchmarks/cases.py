"""Benchmark cases of the rule engine: one enterprise, one programme, a batch of 10,000."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path

from benchmarks import handwritten_pack
from benchmarks.runner import Case, at_least_per_second, ratio_at_most, under_ms
from benchmarks.synthetic import enterprises
from desktop.facts import Enterprise, FactsFile, Institution, Loan
from desktop.reference.industry import lookup
from desktop.reference.size_class import classify
from desktop.rules.context import FactContext, months_between
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.triage import Triage

ROOT = Path(__file__).resolve().parents[1]


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


def handwritten_one() -> None:
    handwritten_pack.decide_all(SAMPLE, ON)


RD_AWARD_YUAN = {"national": 5_000_000, "provincial": 1_000_000, "municipal": 100_000}
SJZ_2017 = (dt.date(2017, 2, 25), dt.date(2020, 12, 31))  # validity_2017 in the pack


def _handwritten_rd(facts: FactsFile, on: dt.date = ON) -> tuple[str, int | None]:
    """The R&D-institution decision written directly in Python: the floor to compare with.

    Three-valued like the engine (an unknown fact never passes), so both do the same work;
    ``tests/test_benchmark_baselines.py`` holds them to the same answers.
    """
    code, i = facts.enterprise.region_code, facts.institution
    if code is not None and not code.startswith("1301"):
        return "not_applicable", None
    if on < SJZ_2017[0]:
        return "not_yet_effective", None
    if on > SJZ_2017[1]:
        return "expired", None
    if i is None:
        return "undetermined", None
    kind, level, day = i.kind, i.level, i.recognised_on
    if ((kind is not None and kind not in RD_KINDS)
            or (day is not None and not SJZ_2017[0] <= day <= SJZ_2017[1])):
        return "ineligible", None
    if code is None or kind is None or level is None or day is None:
        return "undetermined", None
    return "eligible", RD_AWARD_YUAN[level]


def handwritten_rd_institution() -> None:
    _handwritten_rd(SAMPLE)


@cache
def batch() -> list[FactsFile]:
    """Built on first use, so running only the start-up case does not pay for 10,000 objects."""
    return enterprises(BATCH_SIZE)


@cache
def planned() -> Triage:
    """Planned once, as the intake desk does when it opens a rule pack."""
    return Triage(bundled_pack())


PACK_CORPUS_SIZE = 1_000
# One date in each era of the pack (Qinghai 2011-13, Wuhai 2014-15, Shijiazhuang 2017-20), so
# every region's programmes are decided on their conditions, not only dated out.
PACK_CORPUS_DAYS = (dt.date(2012, 3, 1), dt.date(2015, 6, 1), dt.date(2018, 6, 1))


@cache
def pack_corpus() -> list[tuple[FactsFile, dt.date]]:
    return [(facts, PACK_CORPUS_DAYS[i % 3])
            for i, facts in enumerate(enterprises(PACK_CORPUS_SIZE, seed=20261130))]


def triage_pack() -> None:
    triage = planned()
    for facts, on in pack_corpus():
        triage(facts, on)


def handwritten_pack_all() -> None:
    decide_all = handwritten_pack.decide_all
    for facts, on in pack_corpus():
        decide_all(facts, on)


def assess_batch() -> None:
    triage = planned()
    for facts in batch():
        triage(facts, ON)


LOAN_SAMPLE = FactsFile(
    enterprise=Enterprise(name="基准贷款企业", region_code="630104", industry_code="3150",
                          employees=180, revenue=Decimal("90000000"), assets=Decimal("120000000")),
    loans=[Loan(kind="working_capital", start_on=dt.date(2011, 3, 15), end_on=dt.date(2012, 3, 14),
                principal=Decimal("5000000"), annual_rate=Decimal("0.0656")),
           Loan(kind="working_capital", start_on=dt.date(2011, 9, 1), end_on=dt.date(2012, 2, 1),
                principal=Decimal("2000000"), annual_rate=Decimal("0.0631")),
           Loan(kind="fixed_asset", start_on=dt.date(2011, 6, 1), end_on=dt.date(2014, 6, 1),
                principal=Decimal("8000000"), annual_rate=Decimal("0.069"))],
)
LOAN_ON = dt.date(2011, 12, 10)
QH_2011 = (dt.date(2011, 12, 7), dt.date(2011, 12, 20))  # validity_sme_2011 in the pack (附件5 时间表)
LOAN_REFERENCE_DAY = dt.date(2011, 12, 7)  # "尚未到期" is read on the notice's date


def _loan_qualifies(loan: Loan, on: dt.date) -> bool | None:
    if loan.kind is not None and loan.kind != "working_capital":
        return False
    if loan.start_on is not None and loan.start_on < dt.date(2011, 1, 1):
        return False
    if loan.end_on is not None and loan.end_on <= LOAN_REFERENCE_DAY:
        return False
    if loan.start_on is None or loan.end_on is None or loan.kind is None:
        return None
    return months_between(loan.start_on, loan.end_on) >= 6


def _handwritten_loan_interest(facts: FactsFile, on: dt.date = LOAN_ON) -> tuple[str, None]:
    """The 2011 Qinghai loan-interest decision by hand, on the same reference functions.

    附件5 names no ratio, so an eligible enterprise's amount is left to the authority (None).
    """
    e = facts.enterprise
    code = e.region_code
    if code is not None and not code.startswith("63"):
        return "not_applicable", None
    if on < QH_2011[0]:
        return "not_yet_effective", None
    if on > QH_2011[1]:
        return "expired", None
    size = classify(e.industry_code, e.employees, e.revenue, e.assets).size_class
    industry = lookup(e.industry_code) if e.industry_code else None
    if (size is not None and size not in ("medium", "small", "micro")) or (
            industry is not None and industry.section not in "BCD"):
        return "ineligible", None
    loans = None if facts.loans is None else [_loan_qualifies(loan, on) for loan in facts.loans]
    if loans is not None and True not in loans and None not in loans:
        return "ineligible", None
    if code is None or size is None or industry is None or loans is None or True not in loans:
        return "undetermined", None
    return "eligible", None


def handwritten_loan_interest() -> None:
    _handwritten_loan_interest(LOAN_SAMPLE)


class DecideOne:
    """One programme decided for one enterprise; planned on the first (warm-up) call."""

    def __init__(self, programme_id: str, facts: FactsFile, on: dt.date) -> None:
        self.programme_id, self.facts, self.on = programme_id, facts, on
        self.decide: Callable[[FactContext], object] = self._plan_then_decide

    def __call__(self) -> object:
        return self.decide(FactContext(self.facts, self.on))

    def _plan_then_decide(self, ctx: FactContext) -> object:
        self.decide = planned().plan(self.programme_id).decide
        return self.decide(ctx)


assess_rd_programme = DecideOne("sjz-2017-rd-institution", SAMPLE, ON)
assess_loan_programme = DecideOne("qh-2011-sme-loan-interest", LOAN_SAMPLE, LOAN_ON)


CASES = [
    Case("assess_single", "一家企业对整个规则包的完整自评（含解释文字）", assess_one,
         "the written-out pack: status and amount only, no explanations", handwritten_one,
         repeat=200, target="< 5 ms median", meets=under_ms(5)),
    Case("assess_pack_vs_handwritten",
         "整个规则包（每个项目）的状态与金额，1,000 家合成企业、三个年份：审核台的分诊路径"
         "（Triage，图形界面与命令行的审核台都用它）对照逐项写成的纯 Python（由规则源生成）",
         triage_pack, "every programme written out as plain Python (benchmarks/handwritten_pack.py)",
         handwritten_pack_all, repeat=15, target="≤ 3x hand-written", meets=ratio_at_most(3),
         items=PACK_CORPUS_SIZE),
    Case("assess_rd_programme",
         "分诊路径判定单个项目的状态与金额（研发机构奖励，与手写代码同样的输出；规则包中的 1 个项目）",
         assess_rd_programme, "hand-written R&D-institution check",
         handwritten_rd_institution, repeat=200, inner=500, target="≤ 3x hand-written",
         meets=ratio_at_most(3)),
    Case("assess_loan_programme",
         "分诊路径判定单个项目（流动资金贷款贴息：企业规模、工业判定、逐笔贷款条件；规则包中的 1 个项目）",
         assess_loan_programme, "hand-written loan-interest check on the same reference functions",
         handwritten_loan_interest, repeat=200, inner=200, target="≤ 3x hand-written",
         meets=ratio_at_most(3)),
    Case("assess_batch_10k", "10,000 家合成企业对整个规则包的批量分诊（每项的状态与金额，单核）",
         assess_batch, repeat=3, target="≥ 2,000 enterprises/s", meets=at_least_per_second(2_000),
         items=BATCH_SIZE),
]
