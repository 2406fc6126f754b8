"""Duplicates and double claims across everything received, in one pass over stored claims.

Rules:
- two live applications (not returned or refused) of one enterprise to one programme;
- one loan contract, one attachment file, one purchased machine or one R&D recognition in
  two applications, whoever sent them;
- one project (same enterprise, same name) under two programmes the rule pack says
  exclude each other (``stacking: relation: excludes``).

A double claim is *settled* once at most one of the applications involved is still live (the
others returned or refused): it is still listed, marked :data:`SETTLED` and naming how the
others ended, but it no longer counts as a warning (:func:`is_settled`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.intake.claims import CLAIM_TEXT

INACTIVE = frozenset({"returned", "refused"})
SETTLED = "已处理："
_ENDED = {"returned": "已退回补正", "refused": "已不予支持"}


def is_settled(flag: str) -> bool:
    return flag.startswith(SETTLED)


def warnings(flags: Iterable[str]) -> list[str]:
    """The flags that still need the official's attention."""
    return [f for f in flags if not is_settled(f)]


@dataclass(frozen=True)
class ClaimRow:
    id: int
    status: str
    programme_id: str
    claims: tuple[tuple[str, str, str], ...]


def find_duplicates(rows: Iterable[ClaimRow],
                    excludes: Mapping[str, frozenset[str]] | None = None,
                    titles: Mapping[str, str] | None = None) -> dict[int, list[str]]:
    """Flags per application id, each naming the other application(s) involved.

    ``titles`` name programmes by their title rather than their internal id.
    """
    by_key: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    live: dict[int, bool] = {}
    status: dict[int, str] = {}
    for row in rows:
        live[row.id] = row.status not in INACTIVE
        status[row.id] = row.status
        for kind, key, label in row.claims:
            if kind == "programme" and titles and row.programme_id in titles:
                label = label.replace(row.programme_id, titles[row.programme_id])
            by_key[(kind, key)].append((row.id, row.programme_id, label))
    flags: dict[int, list[str]] = defaultdict(list)
    for (kind, _key), holders in by_key.items():
        if len(holders) < 2:
            continue
        if kind == "project":
            _exclusive_projects(holders, excludes or {}, flags)
            continue
        if kind == "programme":
            holders = [h for h in holders if live[h[0]]]
        ids = sorted({h[0] for h in holders})
        if len(ids) < 2:
            continue
        settled = sum(live[i] for i in ids) <= 1
        for app_id, _programme, label in holders:
            if settled:
                others = "、".join(f"#{i} {_ENDED.get(status[i], '')}".rstrip() for i in ids if i != app_id)
                flags[app_id].append(f"{SETTLED}{CLAIM_TEXT[kind]}：{label}（{others}）")
            else:
                others = "、".join(f"#{i}" for i in ids if i != app_id)
                flags[app_id].append(f"{CLAIM_TEXT[kind]}：{label}（另见 {others}）")
    return {k: sorted(set(v)) for k, v in flags.items()}


def _exclusive_projects(holders: list[tuple[int, str, str]], excludes: Mapping[str, frozenset[str]],
                        flags: dict[int, list[str]]) -> None:
    for app_id, programme, label in holders:
        clashing = sorted({other_id for other_id, other_programme, _ in holders
                           if other_id != app_id and other_programme in excludes.get(programme, ())})
        if clashing:
            flags[app_id].append(f"同一项目“{label}”同时申报了互斥的政策项目"
                                 f"（另见 {'、'.join(f'#{i}' for i in clashing)}）")


def exclusions(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Symmetric: if A excludes B, an application to B clashes with one to A too."""
    table: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        table[a].add(b)
        table[b].add(a)
    return {k: frozenset(v) for k, v in table.items()}
