"""Duplicates and double claims across everything received, in one pass over stored claims.

Rules:
- two live applications (not returned or refused) of one enterprise to one programme;
- one loan contract, one attachment file, one purchased machine or one R&D recognition in
  two applications, whoever sent them;
- one project (same enterprise, same name) under two programmes the rule pack says
  exclude each other (``stacking: relation: excludes``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.intake.claims import CLAIM_TEXT

INACTIVE = frozenset({"returned", "refused"})


@dataclass(frozen=True)
class ClaimRow:
    id: int
    status: str
    programme_id: str
    claims: tuple[tuple[str, str, str], ...]


def find_duplicates(rows: Iterable[ClaimRow],
                    excludes: Mapping[str, frozenset[str]] | None = None) -> dict[int, list[str]]:
    """Flags per application id, each naming the other application(s) involved."""
    by_key: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    live = {}
    for row in rows:
        live[row.id] = row.status not in INACTIVE
        for kind, key, label in row.claims:
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
        for app_id, _programme, label in holders:
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
