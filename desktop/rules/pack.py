"""A rule pack ready to evaluate: the validated source with every predicate compiled.

:func:`compile_pack` checks what pydantic cannot: fact names and types in predicates,
document references, amount-rule precedence and programme ids.  It collects every
problem instead of stopping at the first, and returns nothing unless all is well.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.facts import FACTS, FactType
from desktop.money import parse_amount_text
from desktop.reference import regions
from desktop.rules.figures import (
    amount_figures,
    condition_figures,
    missing_figures,
    stated_figures,
)
from desktop.rules.model import (
    AmountRule,
    Block,
    Citation,
    Condition,
    Document,
    Programme,
    RulePackSource,
)
from desktop.rules.predicates import Flag, Membership, Predicate, RuleError, compile_test
from desktop.rules.results import CitedText, ConditionResult, PackIdentity


@dataclass(frozen=True)
class Problem:
    """One load error: where it is (file:line), which rule and field, and what is wrong."""

    file: str
    line: int | None
    rule: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.rule}: {self.field}: {self.message}"


class RulePackError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the rule pack")
        self.problems = problems


@dataclass
class CompiledCondition:
    source: Condition
    test: Predicate
    when: Predicate | None
    citation: CitedText


@dataclass
class CompiledAmount:
    source: AmountRule
    when: Predicate | None
    citation: CitedText
    numbers: dict[str, Any] = field(default_factory=dict)


@dataclass
class CompiledProgramme:
    source: Programme
    document: Document
    conditions: list[CompiledCondition]
    item_conditions: list[CompiledCondition]
    amounts: list[CompiledAmount]
    materials: list[tuple[str, Predicate | None]]
    route: list[tuple[Predicate | None, CitedText]]
    region_name: str = ""  # "河北省 石家庄市", resolved once at compile time

    @property
    def id(self) -> str:
        return self.source.id


@dataclass
class CompiledBlock:
    source: Block
    blocked_when: Predicate
    citation: CitedText


# A programme, its region condition for one region code, and the blocks that can touch it.
ProgrammeInRegion = tuple[CompiledProgramme, ConditionResult, tuple[CompiledBlock, ...]]


@dataclass
class RulePack:
    source: RulePackSource
    identity: PackIdentity
    documents: dict[str, Document]
    programmes: list[CompiledProgramme]
    blocks: list[CompiledBlock]
    # Where this pack's policy texts are, when they are not the shipped ones (an imported pack).
    texts_dir: Path | None = None
    # What the engine works out once per region code and explain flag (desktop.rules.engine):
    # each programme with its region condition and the blocks that can touch it.  Not an
    # argument: a copy made with dataclasses.replace starts empty.
    in_region: dict[tuple[str | None, bool], tuple[ProgrammeInRegion, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def programme(self, programme_id: str) -> CompiledProgramme:
        return next(p for p in self.programmes if p.id == programme_id)

    @property
    def validity_span(self) -> tuple[dt.date, dt.date | None]:
        starts = [p.source.validity.from_ for p in self.programmes]
        ends = [p.source.validity.to for p in self.programmes]
        return min(starts), (None if None in ends else max(e for e in ends if e))


class _Collector:
    def __init__(self, lines: dict[str, tuple[str, int | None]], check_figures: bool = True) -> None:
        self.problems: list[Problem] = []
        self._lines = lines
        self.check_figures = check_figures

    def figures(self, rule: str, figures: Iterator[tuple[str, str, Decimal]], cite: Citation,
                exception: str | None) -> None:
        """Each figure of a rule must be stated in the excerpt it cites, unless marked with why."""
        if not self.check_figures or exception:
            return
        for field_path, text in missing_figures(figures, cite.excerpt):
            stated = "、".join(stated_figures(cite.excerpt)) or "没有数额"
            self.add(rule, field_path,
                     f"数额 {text} 不在所引原文摘录中（{cite.clause} 摘录写的是：{stated}）；"
                     "请核对原文与摘录，确属推算所得时用 figure_not_in_excerpt 写明理由")

    def add(self, rule: str, field_path: str, message: str) -> None:
        # The longest recorded prefix of the field path gives the nearest line.
        file, line = self._lines.get(rule, ("", None))
        parts = field_path.split(".")
        for end in range(len(parts), 0, -1):
            found = self._lines.get(f"{rule}/{'.'.join(parts[:end])}")
            if found:
                file, line = found
                break
        self.problems.append(Problem(file, line, rule, field_path, message))

    def predicate(self, rule: str, where: str, raw: Any, section: str | None = None
                  ) -> Predicate | None:
        try:
            return compile_test(raw, where=where, section=section)
        except RuleError as exc:
            self.add(rule, exc.field, exc.message)
            return None


def resolve_citation(documents: dict[str, Document], default: Document, cite: Citation) -> CitedText:
    document = documents.get(cite.document or default.key, default)
    return CitedText(document.file, cite.clause, cite.excerpt)


def compile_pack(
    source: RulePackSource,
    sha256: str,
    lines: dict[str, tuple[str, int | None]] | None = None,
    check_figures: bool = True,
) -> RulePack:
    """Compile and cross-check a validated source; raise :class:`RulePackError` listing all problems.

    ``check_figures=False`` only for a compiled database already checked when it was written
    (its hash proves it unchanged): a later, stricter authoring check must not strand an
    installed pack or the drafts pinned to it.
    """
    out = _Collector(lines or {}, check_figures)
    documents = {d.key: d for d in source.documents}
    seen: set[str] = set()
    programmes: list[CompiledProgramme] = []
    for programme in source.programmes:
        if programme.id in seen:
            out.add(programme.id, "id", "重复的项目编号")
        seen.add(programme.id)
        compiled = _compile_programme(programme, documents, out)
        if compiled:
            programmes.append(compiled)
    for programme in source.programmes:
        for stack in programme.stacking:
            if stack.programme not in seen:
                out.add(programme.id, "stacking", f"引用了不存在的项目 {stack.programme}")
    blocks = []
    for block in source.blocks:
        document = documents.get(block.document)
        if document is None:
            out.add(block.id, "document", f"未定义的文件 {block.document}")
            continue
        test = out.predicate(block.id, "blocked_when", block.blocked_when)
        if test:
            blocks.append(CompiledBlock(block, test, resolve_citation(documents, document, block.cite)))
    if out.problems:
        raise RulePackError(out.problems)
    identity = PackIdentity(source.header.id, source.header.version, sha256)
    return RulePack(source, identity, documents, programmes, blocks)


def _compile_conditions(
    rule: str, conditions: list[Condition], documents: dict[str, Document], default: Document,
    out: _Collector, prefix: str, section: str | None = None,
) -> list[CompiledCondition]:
    compiled, ids = [], set()
    for i, condition in enumerate(conditions):
        where = f"{prefix}[{i}]"
        if condition.id in ids:
            out.add(rule, f"{where}.id", f"条件编号重复：{condition.id}")
        ids.add(condition.id)
        test = out.predicate(rule, f"{where}.test", condition.test, section)
        when = (out.predicate(rule, f"{where}.when", condition.when, section)
                if condition.when else None)
        if condition.cite.document and condition.cite.document not in documents:
            out.add(rule, f"{where}.cite.document", f"未定义的文件 {condition.cite.document}")
        out.figures(rule, condition_figures(condition, where), condition.cite,
                    condition.figure_not_in_excerpt)
        if test:
            compiled.append(CompiledCondition(condition, test, when,
                                              resolve_citation(documents, default, condition.cite)))
    return compiled


def _compile_programme(
    programme: Programme, documents: dict[str, Document], out: _Collector
) -> CompiledProgramme | None:
    document = documents.get(programme.document)
    if document is None:
        out.add(programme.id, "document", f"未定义的文件 {programme.document}")
        return None
    conditions = _compile_conditions(programme.id, programme.conditions, documents, document,
                                     out, "conditions")
    items = []
    if programme.items:
        items = _compile_conditions(programme.id, programme.items.conditions, documents,
                                    document, out, "items.conditions", section="loan")
    amounts = [a for i, rule in enumerate(programme.amount)
               if (a := _compile_amount(programme, i, rule, documents, document, out))]
    _check_precedence(programme, amounts, out)
    materials = []
    for i, material in enumerate(programme.materials):
        when = (out.predicate(programme.id, f"materials[{i}].when", material.when)
                if material.when else None)
        materials.append((material.name, when))
    route = []
    for i, step in enumerate(programme.route):
        when = out.predicate(programme.id, f"route[{i}].when", step.when) if step.when else None
        route.append((when, resolve_citation(documents, document, step.cite)))
    return CompiledProgramme(programme, document, conditions, items, amounts, materials, route,
                             regions.full_name(programme.region.ljust(6, "0")))


def _money(out: _Collector, rule: str, where: str, text: str) -> Decimal | None:
    try:
        return parse_amount_text(text)
    except ValueError as exc:
        out.add(rule, where, str(exc))
        return None


def _fact_of_type(out: _Collector, rule: str, where: str, name: str, *types: FactType) -> bool:
    spec = FACTS.get(name)
    if spec is None or spec.type not in types:
        wanted = "/".join(t.value for t in types)
        out.add(rule, where, f"{name!r} 不是已知的 {wanted} 类型事实")
        return False
    return True


def _compile_amount(
    programme: Programme, index: int, rule: AmountRule, documents: dict[str, Document],
    document: Document, out: _Collector,
) -> CompiledAmount | None:
    pid, where = programme.id, f"amount[{index}]"
    numbers: dict[str, Any] = {}
    when = out.predicate(pid, f"{where}.when", rule.when) if rule.when else None
    money_fields = {"fixed": rule.fixed, "cap": rule.cap}
    for name, text in money_fields.items():
        if text is not None:
            numbers[name] = _money(out, pid, f"{where}.{name}", text)
    if rule.ratio:
        _fact_of_type(out, pid, f"{where}.ratio.base", rule.ratio.base, FactType.MONEY)
        numbers["rate"] = Decimal(rule.ratio.rate)
    if rule.tiers:
        _fact_of_type(out, pid, f"{where}.tiers.fact", rule.tiers.fact, FactType.MONEY)
        if rule.tiers.first_time_over:
            _fact_of_type(out, pid, f"{where}.tiers.first_time_over",
                          rule.tiers.first_time_over, FactType.MONEY)
        numbers["tiers"] = [
            (_money(out, pid, f"{where}.tiers.table[{i}].at_least", t.at_least),
             _money(out, pid, f"{where}.tiers.table[{i}].amount", t.amount), t.at_least)
            for i, t in enumerate(rule.tiers.table)
        ]
    if rule.top_up:
        _fact_of_type(out, pid, f"{where}.top_up.base", rule.top_up.base, FactType.MONEY)
        _fact_of_type(out, pid, f"{where}.top_up.received_rate", rule.top_up.received_rate,
                      FactType.DECIMAL)
    if rule.interest_subsidy and not programme.items:
        out.add(pid, f"{where}.interest_subsidy", "贴息金额需要逐笔贷款条件（items）")
    if rule.set_by_authority and rule.set_by_authority.range:
        low, high = rule.set_by_authority.range
        numbers["range"] = (_money(out, pid, f"{where}.set_by_authority.range", low),
                            _money(out, pid, f"{where}.set_by_authority.range", high))
    if rule.less_received:
        _fact_of_type(out, pid, f"{where}.less_received", rule.less_received, FactType.MONEY)
    if rule.split:
        total = sum(Decimal(s.share) for s in rule.split)
        if total != 1:
            out.add(pid, f"{where}.split", f"分配比例合计应为 1，实际为 {total}")
        applicants = [s for s in rule.split if s.applicant]
        if len(applicants) != 1:
            out.add(pid, f"{where}.split",
                    "须且只能有一项 applicant: true（申请企业本身所得的份额，即列示的金额）")
        if not rule.ratio:
            out.add(pid, f"{where}.split", "split 只用于 ratio（按比例计算的总额再分配）")
    if rule.period:
        _fact_of_type(out, pid, f"{where}.period.years", rule.period.years,
                      FactType.INT, FactType.DECIMAL)
        if not rule.ratio:
            out.add(pid, f"{where}.period", "period 只用于 ratio（每年按比例计算）")
    if rule.cite.document and rule.cite.document not in documents:
        out.add(pid, f"{where}.cite.document", f"未定义的文件 {rule.cite.document}")
    out.figures(pid, amount_figures(rule, where), rule.cite, rule.figure_not_in_excerpt)
    return CompiledAmount(rule, when, resolve_citation(documents, document, rule.cite), numbers)


def _exclusive(a: Predicate | None, b: Predicate | None) -> bool:
    """Provably never both true: same enum fact with disjoint values, or opposite flags."""
    if isinstance(a, Membership) and isinstance(b, Membership):
        return (a.spec.path == b.spec.path and not a.negate and not b.negate
                and not (a.values & b.values))
    if isinstance(a, Flag) and isinstance(b, Flag):
        return a.spec.path == b.spec.path and a.expected != b.expected
    return False


def _check_precedence(programme: Programme, amounts: list[CompiledAmount], out: _Collector) -> None:
    ids = {a.source.id for a in amounts}
    for i, first in enumerate(amounts):
        for ref in first.source.overrides:
            if ref not in ids:
                out.add(programme.id, f"amount[{i}].overrides", f"引用了不存在的金额规则 {ref}")
        for second in amounts[i + 1:]:
            ordered = (second.source.id in first.source.overrides
                       or first.source.id in second.source.overrides)
            if not ordered and not _exclusive(first.when, second.when):
                out.add(programme.id, f"amount[{i}]",
                        f"金额规则 {first.source.id} 与 {second.source.id} 可能同时适用，"
                        "须用互斥的 when 条件区分，或以 overrides 声明优先关系")
