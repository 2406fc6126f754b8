"""Every citation of a compiled pack, and a check that each excerpt is verbatim in its text."""

from __future__ import annotations

import re

from desktop.rules.pack import RulePack, resolve_citation

_SPACE = re.compile(r"\s+")


def all_citations(pack: RulePack) -> list[tuple[str, str, str]]:
    """(rule id, text file, excerpt) for every condition, amount, route, material, validity, block."""
    found = []
    for p in pack.programmes:
        cites = [c.citation for c in p.conditions + p.item_conditions]
        cites += [a.citation for a in p.amounts] + [cite for _, cite in p.route]
        extra = [m.cite for m in p.source.materials] + [p.source.validity.cite]
        cites += [resolve_citation(pack.documents, p.document, c) for c in extra if c]
        found += [(p.id, c.file, c.excerpt) for c in cites]
    for block in pack.blocks:
        found.append((block.source.id, block.citation.file, block.citation.excerpt))
    return found


def citation_problems(pack: RulePack, texts: dict[str, str]) -> list[str]:
    """Messages for every document whose text is missing and every excerpt not found verbatim."""
    problems = [f"文件 {d.key} 引用的原文 {d.file} 不在规则包中"
                for d in pack.documents.values() if d.file not in texts]
    squashed = {name: _SPACE.sub("", text) for name, text in texts.items()}
    for rule, file, excerpt in all_citations(pack):
        if file in squashed and _SPACE.sub("", excerpt) not in squashed[file]:
            problems.append(f"{rule}：引文在 {file} 中找不到：{excerpt[:40]}")
    return problems
