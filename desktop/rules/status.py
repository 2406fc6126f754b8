"""What the status line says about the installed rule pack (Qt-free, so it is testable)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.rules.pack import RulePack


@dataclass(frozen=True)
class PackStatus:
    pack_id: str
    version: str
    valid_from: dt.date
    valid_to: dt.date | None
    programmes: int
    in_force: int
    all_expired: bool


def pack_status(pack: RulePack, on: dt.date) -> PackStatus:
    """Summarise the pack for *on*; ``all_expired`` means no programme can still be applied for."""
    start, end = pack.validity_span
    in_force = sum(1 for p in pack.programmes
                   if p.source.validity.from_ <= on
                   and (p.source.validity.to is None or on <= p.source.validity.to))
    expired = all(p.source.validity.to is not None and p.source.validity.to < on
                  for p in pack.programmes)
    return PackStatus(pack.identity.id, pack.identity.version, start, end,
                      len(pack.programmes), in_force, expired)
