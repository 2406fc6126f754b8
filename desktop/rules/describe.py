"""A JSON description of a pack (``rules list --json``): what each programme asks and pays."""

from __future__ import annotations

from typing import Any

from desktop.reference import regions
from desktop.rules.pack import CompiledCondition, RulePack
from desktop.rules.results import CitedText


def _condition(c: CompiledCondition) -> dict[str, Any]:
    return {"id": c.source.id, "label": c.source.label, "citation": c.citation.to_json()}


def _cite(cite: CitedText | None) -> dict[str, str] | None:
    return cite.to_json() if cite else None


def describe_pack(pack: RulePack) -> dict[str, Any]:
    programmes = []
    for p in pack.programmes:
        src, doc = p.source, p.document
        programmes.append({
            "id": src.id,
            "title": src.title,
            "kind": src.kind,
            "wizard": src.wizard,
            "region": regions.full_name(src.region.ljust(6, "0")),
            "region_code": src.region,
            "summary": src.summary,
            "document": {"key": doc.key, "number": doc.number, "title": doc.title,
                         "issuer": doc.issuer, "issued": doc.issued.isoformat(),
                         "file": doc.file},
            "validity": {"from": src.validity.from_.isoformat(),
                         "to": src.validity.to.isoformat() if src.validity.to else None,
                         "basis": src.validity.basis, "note": src.validity.note},
            "amount_rules": [{"id": a.source.id, "kind": a.source.kind, "basis": a.source.basis,
                              "citation": _cite(a.citation)} for a in p.amounts],
            "conditions": [_condition(c) for c in p.conditions],
            "item_conditions": [_condition(c) for c in p.item_conditions],
            "materials": [name for name, _ in p.materials],
        })
    return {
        "rulepack": pack.identity.to_json(),
        "programmes": programmes,
        "blocks": [{"id": b.source.id, "label": b.source.label,
                    "applies_to": list(b.source.applies_to), "citation": _cite(b.citation)}
                   for b in pack.blocks],
    }
