"""Compile the rule pack's ``test``/``when`` mappings into typed, three-valued predicates.

A predicate never guesses: a missing fact gives ``unknown``, and only facts shown to
satisfy the test give ``pass`` ("conditions are false unless shown true").  Compilation
checks every fact name, operator and literal against :data:`desktop.facts.FACTS`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from desktop.facts import FACTS, FactSpec, FactType
from desktop.facts.labels import choice_label
from desktop.money import format_wan_with_unit, parse_amount_text

ASSESSED_ON = "$assessed_on"


class Outcome(enum.StrEnum):
    PASS = "pass"  # noqa: S105 - an outcome, not a password
    FAIL = "fail"
    UNKNOWN = "unknown"


class Resolver(Protocol):
    assessed_on: dt.date

    def get(self, path: str) -> Any: ...


class RuleError(ValueError):
    """A problem in a rule: ``field`` is the dotted path inside the mapping being compiled."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def all_of(outcomes: Sequence[Outcome]) -> Outcome:
    if Outcome.FAIL in outcomes:
        return Outcome.FAIL
    return Outcome.UNKNOWN if Outcome.UNKNOWN in outcomes else Outcome.PASS


def any_of(outcomes: Sequence[Outcome]) -> Outcome:
    if Outcome.PASS in outcomes:
        return Outcome.PASS
    return Outcome.UNKNOWN if Outcome.UNKNOWN in outcomes else Outcome.FAIL


def format_value(spec: FactSpec, value: Any) -> str:
    if value is None:
        return "未填写"
    if spec.type is FactType.MONEY:
        return format_wan_with_unit(value)
    if spec.type is FactType.BOOL:
        return "是" if value else "否"
    if spec.type is FactType.ENUM:
        return choice_label(str(value))
    if spec.type is FactType.DATE:
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, Decimal):
        value = f"{value.normalize():f}"
    return f"{value} {spec.unit}".strip() if spec.unit and spec.unit != "比例" else str(value)


class Predicate:
    """Base class: ``evaluate`` is the hot path; ``describe`` and ``hint`` are for people."""

    facts: tuple[str, ...] = ()

    def evaluate(self, ctx: Resolver) -> Outcome:
        raise NotImplementedError

    def describe(self, ctx: Resolver) -> str:
        raise NotImplementedError

    def hint(self, ctx: Resolver) -> str | None:
        return None


_OPS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
    ">=": (lambda a, b: a >= b, "不低于"),
    ">": (lambda a, b: a > b, "高于"),
    "<=": (lambda a, b: a <= b, "不高于"),
    "<": (lambda a, b: a < b, "低于"),
    "==": (lambda a, b: a == b, "等于"),
    "!=": (lambda a, b: a != b, "不等于"),
}
_DATE_OPS = {">=": "不早于", ">": "晚于", "<=": "不晚于", "<": "早于", "==": "为", "!=": "不为"}


@dataclass
class Compare(Predicate):
    spec: FactSpec
    op: str
    value: Any
    value_text: str
    other: FactSpec | None = None  # compare with another fact instead of a literal
    vs_assessed_on: bool = False

    def __post_init__(self) -> None:
        self._fn = _OPS[self.op][0]
        self.facts = (self.spec.path,) + ((self.other.path,) if self.other else ())

    def _right(self, ctx: Resolver) -> Any:
        if self.vs_assessed_on:
            return ctx.assessed_on
        return ctx.get(self.other.path) if self.other else self.value

    def evaluate(self, ctx: Resolver) -> Outcome:
        left = ctx.get(self.spec.path)
        right = self._right(ctx)
        if left is None or right is None:
            return Outcome.UNKNOWN
        return Outcome.PASS if self._fn(left, right) else Outcome.FAIL

    def _op_text(self) -> str:
        return (_DATE_OPS if self.spec.type is FactType.DATE else
                {k: v[1] for k, v in _OPS.items()})[self.op]

    def describe(self, ctx: Resolver) -> str:
        left = format_value(self.spec, ctx.get(self.spec.path))
        if self.vs_assessed_on:
            right = f"评估日 {ctx.assessed_on.isoformat()}"
        elif self.other:
            right = f"{self.other.label}（{format_value(self.other, ctx.get(self.other.path))}）"
        else:
            right = self.value_text
        return f"{self.spec.label} {left}，要求{self._op_text()} {right}"

    def hint(self, ctx: Resolver) -> str | None:
        if self.evaluate(ctx) is not Outcome.FAIL or self.op in ("==", "!="):
            return None
        if self.spec.type.is_numeric and not self.other and not self.vs_assessed_on:
            return f"{self.spec.label}需{self._op_text()} {self.value_text}，结果才会改变"
        return None


@dataclass
class Membership(Predicate):
    spec: FactSpec
    values: frozenset[str]
    negate: bool = False
    ordered: tuple[str, ...] = ()  # as written in the rule, for explanations

    def __post_init__(self) -> None:
        self.facts = (self.spec.path,)

    def evaluate(self, ctx: Resolver) -> Outcome:
        value = ctx.get(self.spec.path)
        if value is None:
            return Outcome.UNKNOWN
        return Outcome.PASS if (value in self.values) != self.negate else Outcome.FAIL

    def describe(self, ctx: Resolver) -> str:
        allowed = "、".join(choice_label(v) for v in self.ordered or sorted(self.values))
        verb = "不得为" if self.negate else "应为"
        return f"{self.spec.label}：{format_value(self.spec, ctx.get(self.spec.path))}，{verb}{allowed}"


@dataclass
class Flag(Predicate):
    spec: FactSpec
    expected: bool

    def __post_init__(self) -> None:
        self.facts = (self.spec.path,)

    def evaluate(self, ctx: Resolver) -> Outcome:
        value = ctx.get(self.spec.path)
        if value is None:
            return Outcome.UNKNOWN
        return Outcome.PASS if value is self.expected else Outcome.FAIL

    def describe(self, ctx: Resolver) -> str:
        wanted = "是" if self.expected else "否"
        return f"{self.spec.label}：{format_value(self.spec, ctx.get(self.spec.path))}（要求：{wanted}）"


@dataclass
class Prefix(Predicate):
    spec: FactSpec
    prefixes: tuple[str, ...]

    def __post_init__(self) -> None:
        self.facts = (self.spec.path,)

    def evaluate(self, ctx: Resolver) -> Outcome:
        value = ctx.get(self.spec.path)
        if value is None:
            return Outcome.UNKNOWN
        return Outcome.PASS if str(value).startswith(self.prefixes) else Outcome.FAIL

    def describe(self, ctx: Resolver) -> str:
        return f"{self.spec.label}：{format_value(self.spec, ctx.get(self.spec.path))}，" \
               f"要求代码以 {'、'.join(self.prefixes)} 开头"


@dataclass
class FirstCrossing(Predicate):
    """Passes when some threshold t satisfies previous <= t < current: first time *over* t.

    "首次超/首次突破" excludes the number itself (docs/RULES.md, counting boundaries): a revenue
    of exactly t has not gone over t, and a best year of exactly t has not gone over it either,
    so a later year above t is still the first time over.
    """

    spec: FactSpec
    previous: FactSpec
    thresholds: tuple[Decimal, ...]
    thresholds_text: str

    def __post_init__(self) -> None:
        self.facts = (self.spec.path, self.previous.path)

    def crossed(self, ctx: Resolver) -> list[Decimal]:
        current, previous = ctx.get(self.spec.path), ctx.get(self.previous.path)
        if current is None or previous is None:
            return []
        return [t for t in self.thresholds if previous <= t < current]

    def evaluate(self, ctx: Resolver) -> Outcome:
        if ctx.get(self.spec.path) is None or ctx.get(self.previous.path) is None:
            return Outcome.UNKNOWN
        return Outcome.PASS if self.crossed(ctx) else Outcome.FAIL

    def describe(self, ctx: Resolver) -> str:
        current = format_value(self.spec, ctx.get(self.spec.path))
        previous = format_value(self.previous, ctx.get(self.previous.path))
        return (f"{self.spec.label} {current}，{self.previous.label} {previous}；"
                f"要求首次超过 {self.thresholds_text} 之一（恰好等于不算超过）")


@dataclass
class Combined(Predicate):
    mode: str  # "all" | "any" | "not"
    parts: tuple[Predicate, ...]

    def __post_init__(self) -> None:
        self.facts = tuple(dict.fromkeys(f for p in self.parts for f in p.facts))

    def evaluate(self, ctx: Resolver) -> Outcome:
        outcomes = [p.evaluate(ctx) for p in self.parts]
        if self.mode == "all":
            return all_of(outcomes)
        if self.mode == "any":
            return any_of(outcomes)
        inner = outcomes[0]
        return {Outcome.PASS: Outcome.FAIL, Outcome.FAIL: Outcome.PASS}.get(inner, inner)

    def describe(self, ctx: Resolver) -> str:
        joiner = {"all": "；并且", "any": "；或者"}.get(self.mode, "")
        text = joiner.join(p.describe(ctx) for p in self.parts)
        return f"不满足以下情形：{text}" if self.mode == "not" else text

    def hint(self, ctx: Resolver) -> str | None:
        hints = [h for p in self.parts if (h := p.hint(ctx))]
        return "；".join(hints) or None


# ---------------------------------------------------------------------------------------
# Compilation


def compile_test(raw: object, *, where: str = "test", section: str | None = None) -> Predicate:
    """Turn one YAML mapping into a predicate, or raise :class:`RuleError` naming the field.

    ``section`` limits item-level conditions to their own facts plus enterprise facts.
    """
    if not isinstance(raw, dict) or not raw:
        raise RuleError(where, "应为非空映射（mapping），例如 {fact: ..., op: '>=', value: ...}")
    for mode in ("all", "any"):
        if mode in raw:
            _only(raw, {mode}, where)
            items = raw[mode]
            if not isinstance(items, list) or len(items) < 2:
                raise RuleError(f"{where}.{mode}", "至少需要两个子条件的列表")
            return Combined(mode, tuple(compile_test(item, where=f"{where}.{mode}[{i}]",
                                                     section=section)
                                        for i, item in enumerate(items)))
    if "not" in raw:
        _only(raw, {"not"}, where)
        return Combined("not", (compile_test(raw["not"], where=f"{where}.not", section=section),))
    spec = _fact(raw.get("fact"), f"{where}.fact", section)
    forms = [k for k in ("op", "in", "not_in", "is", "prefix", "first_crossing") if k in raw]
    if len(forms) != 1:
        raise RuleError(where, "须且只能有一种判断：op/value、in、not_in、is、prefix、first_crossing")
    form = forms[0]
    if form == "op":
        _only(raw, {"fact", "op", "value"}, where)
        return _compare(spec, raw, where, section)
    if form in ("in", "not_in"):
        _only(raw, {"fact", form}, where)
        return _membership(spec, raw[form], form == "not_in", f"{where}.{form}")
    if form == "is":
        _only(raw, {"fact", "is"}, where)
        if spec.type is not FactType.BOOL:
            raise RuleError(f"{where}.is", f"事实 {spec.path} 不是是/否类型，不能用 is")
        if not isinstance(raw["is"], bool):
            raise RuleError(f"{where}.is", "is 的值应为 true 或 false")
        return Flag(spec, raw["is"])
    if form == "prefix":
        _only(raw, {"fact", "prefix"}, where)
        if spec.type is not FactType.TEXT:
            raise RuleError(f"{where}.prefix", f"事实 {spec.path} 不是文本代码，不能用 prefix")
        prefixes = raw["prefix"]
        if not isinstance(prefixes, list) or not all(isinstance(p, str) and p for p in prefixes):
            raise RuleError(f"{where}.prefix", "prefix 应为非空字符串列表（代码请加引号）")
        return Prefix(spec, tuple(prefixes))
    _only(raw, {"fact", "first_crossing"}, where)
    return _first_crossing(spec, raw["first_crossing"], f"{where}.first_crossing", section)


def _only(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise RuleError(f"{where}.{extra[0]}", f"不认识的字段：{', '.join(extra)}")


def _fact(name: object, where: str, section: str | None) -> FactSpec:
    if not isinstance(name, str) or name not in FACTS:
        raise RuleError(where, f"未知的事实：{name!r}（见 desktop/facts/model.py）")
    spec = FACTS[name]
    if spec.section == "loan" and section != "loan":
        raise RuleError(where, f"事实 {name} 只能用于逐笔贷款条件（items）")
    return spec


def _literal(spec: FactSpec, value: object, where: str) -> tuple[Any, str]:
    """Type-check a literal against the fact; return (typed value, display text)."""
    kind = spec.type
    if kind is FactType.MONEY:
        if not isinstance(value, str):
            raise RuleError(where, f"{spec.path} 是金额，值应照录原文写作“500万元”“10亿元”")
        try:
            return parse_amount_text(value), value
        except ValueError as exc:
            raise RuleError(where, str(exc)) from exc
    if kind in (FactType.INT, FactType.DECIMAL):
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise RuleError(where, f"{spec.path} 是数值，值应为整数或数字字符串")
        try:
            number = Decimal(str(value))
        except InvalidOperation as exc:
            raise RuleError(where, f"不是数字：{value!r}") from exc
        text = f"{number.normalize():f}"
        return number, f"{text} {spec.unit}".strip() if spec.unit != "比例" else text
    if kind is FactType.DATE:
        if isinstance(value, dt.date):
            return value, value.isoformat()
        if isinstance(value, str):  # compiled packs store dates as ISO strings
            try:
                parsed = dt.date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return parsed, parsed.isoformat()
        raise RuleError(where, f"{spec.path} 是日期，值应为 YYYY-MM-DD 或 {ASSESSED_ON}")
    if kind is FactType.ENUM:
        if value not in spec.choices:
            raise RuleError(where, f"{value!r} 不是 {spec.path} 的可选值：{', '.join(spec.choices)}")
        return value, choice_label(str(value))
    if kind is FactType.BOOL:
        raise RuleError(where, f"{spec.path} 是是/否类型，请用 is: true/false")
    if not isinstance(value, str):
        raise RuleError(where, f"{spec.path} 是文本，值应为字符串")
    return value, value


def _compare(spec: FactSpec, raw: dict[str, Any], where: str, section: str | None) -> Compare:
    op = raw["op"]
    if op not in _OPS:
        raise RuleError(f"{where}.op", f"不支持的比较符 {op!r}；可用：{' '.join(_OPS)}")
    if op not in ("==", "!=") and not spec.type.is_ordered:
        raise RuleError(f"{where}.op", f"事实 {spec.path} 不是数值或日期，不能用 {op}")
    if "value" not in raw:
        raise RuleError(f"{where}.value", "缺少 value")
    value = raw["value"]
    if value == ASSESSED_ON:
        if spec.type is not FactType.DATE:
            raise RuleError(f"{where}.value", f"{ASSESSED_ON} 只能与日期事实比较")
        return Compare(spec, op, None, "评估日", vs_assessed_on=True)
    if isinstance(value, dict):
        _only(value, {"fact"}, f"{where}.value")
        other = _fact(value.get("fact"), f"{where}.value.fact", section)
        if other.type is not spec.type:
            raise RuleError(f"{where}.value", f"{spec.path} 与 {other.path} 类型不同，不能比较")
        return Compare(spec, op, None, other.label, other=other)
    typed, text = _literal(spec, value, f"{where}.value")
    return Compare(spec, op, typed, text)


def _membership(spec: FactSpec, values: object, negate: bool, where: str) -> Membership:
    if not isinstance(values, list) or not values:
        raise RuleError(where, "应为非空列表")
    if spec.type is not FactType.ENUM and spec.type is not FactType.TEXT:
        raise RuleError(where, f"事实 {spec.path} 不是可选项或文本，不能用 in/not_in")
    for value in values:
        _literal(spec, value, where)
    texts = tuple(str(v) for v in values)
    return Membership(spec, frozenset(texts), negate, texts)


def _first_crossing(spec: FactSpec, raw: object, where: str, section: str | None) -> FirstCrossing:
    if not isinstance(raw, dict):
        raise RuleError(where, "应为 {previous: 事实, thresholds: [金额...]}")
    _only(raw, {"previous", "thresholds"}, where)
    if spec.type is not FactType.MONEY:
        raise RuleError(where, f"first_crossing 只用于金额事实，{spec.path} 不是")
    previous = _fact(raw.get("previous"), f"{where}.previous", section)
    texts = raw.get("thresholds")
    if not isinstance(texts, list) or not texts:
        raise RuleError(f"{where}.thresholds", "应为金额列表，例如 ['10亿元', '30亿元']")
    values = tuple(_literal(spec, t, f"{where}.thresholds")[0] for t in texts)
    return FirstCrossing(spec, previous, values, "、".join(str(t) for t in texts))
