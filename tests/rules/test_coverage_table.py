"""docs/RULES.md accounts for every measure: per document, found = encoded + not encoded, and
every clause it or the pack names exists in the text (and holds the excerpt cited from it)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.policies.clauses import ClauseError, clause_span, excerpt_in_clause
from desktop.policies.texts import policy_text
from desktop.rules.database import bundled_pack
from desktop.rules.model import Citation, Programme

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "RULES.md"


def _table(heading: str) -> list[list[str]]:
    """The rows (cells) of the first table under a ``### heading`` in docs/RULES.md."""
    text = RULES_MD.read_text(encoding="utf-8")
    section = text.split(f"### {heading}\n", 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not set(cells[0]) <= {"-"} and cells[0] != "document":
                rows.append(cells)
        elif rows:
            break
    return rows


def _file_of(code: str) -> tuple[str, str]:
    """("qh-2011", "001_….txt") for a table's "001" (or "001 青海 2011")."""
    for document in bundled_pack().source.documents:
        if document.file.startswith(code[:3] + "_"):
            return document.key, document.file
    raise AssertionError(f"no document {code!r}")


def _labels(cell: str) -> Iterator[str]:
    for label in cell.split("；"):
        if m := re.fullmatch(r"(附件 )(\d+)–(\d+)", label.strip()):
            yield from (f"{m.group(1)}{n}" for n in range(int(m.group(2)), int(m.group(3)) + 1))
        else:
            yield label.strip()


def test_coverage_adds_up_per_document() -> None:
    pack = bundled_pack()
    encoded = Counter(p.source.document for p in pack.programmes)
    encoded.update(b.source.document for b in pack.blocks)
    not_encoded = Counter(_file_of(row[0])[0] for row in _table("Not encoded"))
    coverage = _table("Coverage")
    assert coverage[-1][0] == "total"
    problems = []
    for row in coverage[:-1]:
        key = _file_of(row[0])[0]
        found, enc, nenc = (int(c) for c in row[1:4])
        if (found, enc, nenc) != (encoded[key] + not_encoded[key], encoded[key], not_encoded[key]):
            problems.append(f"{row[0]}: table says {found} = {enc} + {nenc}; the pack has {encoded[key]} "
                            f"encoded and the list {not_encoded[key]} not encoded")
    totals = [sum(int(row[i]) for row in coverage[:-1]) for i in (1, 2, 3)]
    assert [int(c) for c in coverage[-1][1:4]] == totals
    assert len(coverage) - 1 == len(pack.documents)
    assert not problems, "\n".join(problems)


def test_every_not_encoded_row_names_real_clauses_and_a_reason() -> None:
    problems = []
    for row in _table("Not encoded"):
        _, file = _file_of(row[0])
        assert row[2] and len(row[3]) > 10, f"row without measure or reason: {row}"
        for label in _labels(row[1]):
            try:
                clause_span(policy_text(file), label, file[:3])
            except ClauseError as exc:
                problems.append(f"{row[0]} {label}: {exc}")
    assert not problems, "\n".join(problems)


def _citations(programme: Programme) -> Iterator[Citation]:
    if programme.validity.cite:
        yield programme.validity.cite
    yield from (c.cite for c in programme.conditions)
    if programme.items:
        yield from (c.cite for c in programme.items.conditions)
    yield from (a.cite for a in programme.amount)
    yield from (c for m in programme.materials if (c := m.cite))
    yield from (r.cite for r in programme.route)
    yield from (c for s in programme.stacking if (c := s.cite))


def test_every_cited_clause_exists_and_holds_its_excerpt() -> None:
    pack = bundled_pack()
    cited: set[tuple[str, str, str, str]] = set()
    for programme in pack.programmes:
        for cite in _citations(programme.source):
            document = pack.documents[cite.document or programme.source.document]
            cited.add((programme.id, document.file, cite.clause, cite.excerpt))
    for block in pack.blocks:
        document = pack.documents[block.source.document]
        cited.add((block.source.id, document.file, block.source.cite.clause, block.source.cite.excerpt))
    problems = []
    for rule, file, clause, excerpt in sorted(cited):
        try:
            excerpt_in_clause(policy_text(file), clause, file[:3], excerpt)
        except ClauseError as exc:
            problems.append(f"{rule}: {exc}")
    assert len(cited) > 100
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("file", "clause", "excerpt"), [
    # The label the audit found wrong (L1): the sentence is in 五、工作措施（五）, not 四（五）.
    ("001_41750fd7ee36e10e.txt", "附件7 重点行业兼并重组实施方案 四（五）",
     "通过项目补助、技改贴息、职工安置补助等形式支持企业兼并重组。"),
    # A real excerpt under the wrong section number.
    ("000_943aee89951fd539.txt", "三、支持企业技术改造", "不再审批新建电解铝、水泥、铁合金等产能过剩项目。"),
    # Headings that do not exist.
    ("004_52c42cf665b5c8c2.txt", "附件 51", "本政策措施自发布之日起执行"),
    ("002_4b46948f7a2ae36b.txt", "二（七）", "持续推进电力用户与发电企业直接交易"),
    # Descriptive words that are not that clause's.
    ("002_4b46948f7a2ae36b.txt", "二（四）积极稳妥去产能", "持续推进电力用户与发电企业直接交易"),
    # The right item number in the wrong part of a compound text.
    ("004_52c42cf665b5c8c2.txt", "意见正文 三（一）1", "逐步扩大规上企业直供电交易数量和交易规模"),
])
def test_a_wrong_clause_label_is_caught(file: str, clause: str, excerpt: str) -> None:
    with pytest.raises(ClauseError):
        excerpt_in_clause(policy_text(file), clause, file[:3], excerpt)
