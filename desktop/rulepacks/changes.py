"""What changed between two rule packs, in words an enterprise or official can check.

Programmes are matched by id; within one, conditions and amount rules are matched by their
own ids.  Every changed threshold (a condition's value) and every changed amount (a fixed
sum, cap, rate, tier, range) is listed old -> new with the clause that states it.  Anything
else that changed (title, validity, materials, route) is named by field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from desktop.facts import FACTS
from desktop.rules.model import AmountRule, Condition, Programme
from desktop.rules.pack import RulePack

T = TypeVar("T", Condition, AmountRule)
_FIELD_NAMES = {"title": "名称", "summary": "摘要", "beneficiary": "对象", "validity": "有效期",
                "materials": "申报材料", "route": "申报程序", "stacking": "与其他项目的关系",
                "region": "适用地区", "document": "依据文件", "items": "逐笔条件",
                "conditions": "条件", "amount": "金额规则", "kind": "类别", "wizard": "申报向导"}


@dataclass(frozen=True)
class ValueChange:
    what: str  # "条件：营业收入 >=", "金额 base：上限"
    old: str
    new: str
    clause: str

    def text(self) -> str:
        return f"{self.what}：{self.old} → {self.new}（{self.clause}）"


@dataclass(frozen=True)
class ProgrammeChange:
    id: str
    title: str
    values: list[ValueChange] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # other changed parts, in words


@dataclass(frozen=True)
class AffectedDraft:
    id: int
    title: str
    programme_id: str
    pinned_version: str
    reason: str


@dataclass(frozen=True)
class PackChanges:
    old: tuple[str, str]
    new: tuple[str, str]
    added: list[tuple[str, str]]
    removed: list[tuple[str, str]]
    changed: list[ProgrammeChange]
    drafts: list[AffectedDraft] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def to_json(self) -> dict[str, Any]:
        return {
            "old": {"id": self.old[0], "version": self.old[1]},
            "new": {"id": self.new[0], "version": self.new[1]},
            "added": [{"id": i, "title": t} for i, t in self.added],
            "removed": [{"id": i, "title": t} for i, t in self.removed],
            "changed": [{"id": c.id, "title": c.title, "fields": c.fields,
                         "values": [v.__dict__ for v in c.values]} for c in self.changed],
            "drafts": [d.__dict__ for d in self.drafts],
        }


class DraftLike(Protocol):
    """What the store's application summaries offer (desktop.store.store.ApplicationSummary)."""

    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def programme_id(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def rulepack_version(self) -> str: ...


_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "=", "!=": "≠"}
_AMOUNT_WORDS = {"fixed": "定额", "cap": "上限", "rate": "比例", "at_least": "起点", "amount": "金额",
                 "range": "范围", "target_rate": "目标比例", "received_rate": "已享比例", "share": "分配比例"}


def _fact_words(name: str, op: str) -> str:
    spec = FACTS.get(name)
    label = f"{spec.label}（{spec.unit}）" if spec and spec.unit else spec.label if spec else name
    return f"{label} {_OPS.get(op, op)}".strip()


def _leaves(raw: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(raw, dict):
        if "fact" in raw and "value" in raw:
            yield f"{path}{_fact_words(str(raw['fact']), str(raw.get('op', '')))}", raw["value"]
            return
        for key in sorted(raw):
            yield from _leaves(raw[key], f"{path}{key}." if key not in ("all", "any", "not") else path)
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            yield from _leaves(item, f"{path}[{i}]." if not isinstance(item, dict) else path)
    else:
        yield path.rstrip("."), raw


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "、".join(_shown(v) for v in value)
    return "无" if value is None else str(value)


def _condition_changes(old: Condition, new: Condition, prefix: str) -> list[ValueChange]:
    if old.test == new.test:
        return []
    before, after = dict(_leaves(old.test)), dict(_leaves(new.test))
    found = [ValueChange(f"{prefix}“{new.label}” {key}", _shown(before.get(key)), _shown(after.get(key)),
                         new.cite.clause)
             for key in sorted(before.keys() | after.keys()) if before.get(key) != after.get(key)]
    return found or [ValueChange(f"{prefix}“{new.label}”", "原条件", "新条件", new.cite.clause)]


def _amount_changes(old: AmountRule, new: AmountRule) -> list[ValueChange]:
    # Everything in an amount rule but its wording and guard is a figure or how it is worked out.
    wording = {"cite", "basis", "when", "figure_not_in_excerpt"}
    before = dict(_leaves(old.model_dump(exclude=wording)))
    after = dict(_leaves(new.model_dump(exclude=wording)))
    return [ValueChange(f"金额“{new.basis[:24]}”{_amount_words(key)}", _shown(before.get(key)),
                        _shown(after.get(key)), new.cite.clause)
            for key in sorted(before.keys() | after.keys()) if before.get(key) != after.get(key)]


def _amount_words(key: str) -> str:
    """``tiers.table[1].amount`` -> "第2档 金额"; ``fixed`` -> "定额"."""
    words = []
    for part in key.split("."):
        name, _, index = part.partition("[")
        if not name and index:
            words.append({"0]": "下限", "1]": "上限"}.get(index, f"第{index.rstrip(']')}项"))
            continue
        if name in ("tiers", "table", "ratio", "top_up", "set_by_authority", "interest_subsidy", "split"):
            if index:
                words.append(f"第{int(index.rstrip(']')) + 1}档")
            continue
        words.append(_AMOUNT_WORDS.get(name, name) + (f"[{index}" if index else ""))
    return " ".join(words)


def _by_id(items: Iterable[T]) -> dict[str, T]:
    return {item.id: item for item in items}


def programme_change(old: Programme, new: Programme) -> ProgrammeChange | None:
    if old == new:
        return None
    values: list[ValueChange] = []
    pairs = [("条件", old.conditions, new.conditions)]
    if old.items and new.items:
        pairs.append(("逐笔条件", old.items.conditions, new.items.conditions))
    for prefix, before, after in pairs:
        old_by_id, new_by_id = _by_id(before), _by_id(after)
        for cid in new_by_id.keys() & old_by_id.keys():
            values += _condition_changes(old_by_id[cid], new_by_id[cid], prefix)
    old_amounts, new_amounts = _by_id(old.amount), _by_id(new.amount)
    for aid in sorted(new_amounts.keys() & old_amounts.keys()):
        values += _amount_changes(old_amounts[aid], new_amounts[aid])
    fields = []
    for name, label in _FIELD_NAMES.items():
        if getattr(old, name) != getattr(new, name):
            if name in ("conditions", "amount", "items"):
                counted = {"conditions": values, "amount": values, "items": values}[name]
                ids_differ = _ids(getattr(old, name)) != _ids(getattr(new, name))
                if counted and not ids_differ:
                    continue  # already listed value by value
            fields.append(label)
    return ProgrammeChange(new.id, new.title, values, fields)


def _ids(items: Any) -> set[str]:
    if items is None:
        return set()
    if hasattr(items, "conditions"):
        items = items.conditions
    return {item.id for item in items}


def _as_stored(programme: Programme) -> Programme:
    # Raw tests hold dates as parsed from YAML in a source folder but as text in a compiled
    # pack; one round trip through JSON makes the two compare equal.
    return Programme.model_validate_json(programme.model_dump_json(by_alias=True))


def compare_packs(old: RulePack, new: RulePack) -> PackChanges:
    before = {p.id: _as_stored(p.source) for p in old.programmes}
    after = {p.id: _as_stored(p.source) for p in new.programmes}
    changed = [c for pid in after if pid in before
               if (c := programme_change(before[pid], after[pid])) is not None]
    return PackChanges(
        (old.identity.id, old.identity.version), (new.identity.id, new.identity.version),
        added=[(pid, p.title) for pid, p in after.items() if pid not in before],
        removed=[(pid, p.title) for pid, p in before.items() if pid not in after],
        changed=changed)


def affected_drafts(changes: PackChanges, drafts: Iterable[DraftLike]) -> list[AffectedDraft]:
    """Open drafts whose programme was removed or changed; they stay on their pack until re-assessed."""
    removed = {pid for pid, _ in changes.removed}
    changed = {c.id for c in changes.changed}
    found = []
    for draft in drafts:
        pid = draft.programme_id
        if draft.status != "draft" or pid is None:
            continue
        if pid in removed:
            reason = "新规则包已不含此项目"
        elif pid in changed:
            reason = "此项目的条件或金额有变化"
        else:
            continue
        found.append(AffectedDraft(draft.id, draft.title, pid, draft.rulepack_version, reason))
    return found


def with_drafts(changes: PackChanges, drafts: Iterable[DraftLike]) -> PackChanges:
    return PackChanges(changes.old, changes.new, changes.added, changes.removed, changes.changed,
                       affected_drafts(changes, drafts))


def change_lines(changes: PackChanges) -> list[str]:
    """The report as plain lines (CLI output; the dialog lays out the same facts)."""
    lines = [f"规则包 {changes.old[0]} {changes.old[1]} → {changes.new[0]} {changes.new[1]}"]
    if changes.empty:
        lines.append("政策项目没有变化。")
    lines += [f"  新增项目：{pid}  {title}" for pid, title in changes.added]
    lines += [f"  移除项目：{pid}  {title}" for pid, title in changes.removed]
    for change in changes.changed:
        lines.append(f"  变更项目：{change.id}  {change.title}")
        lines += [f"    {value.text()}" for value in change.values]
        if change.fields:
            lines.append(f"    其他变化：{'、'.join(change.fields)}")
    if changes.drafts:
        lines.append("受影响的草稿（仍按原规则包，重新自评后才采用新规则）：")
        lines += [f"  #{d.id} {d.title or d.programme_id}（规则包 {d.pinned_version}）：{d.reason}"
                  for d in changes.drafts]
    return lines
