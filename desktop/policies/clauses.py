"""Find a cited clause ("附件3 四（二）1", "二（四）多措并举降成本", "附件 49") in a policy text.

A citation's excerpt is checked verbatim elsewhere; this checks its *label*: every heading the
label names must exist, nested as written, and the excerpt must sit inside the innermost one.
So "三（二）" cannot quietly point at a sentence that is really under 四（一）.

Headings are read off the start of a line: ``附件3：`` (an attachment), ``三、``, ``（二）``,
``1.``/``1．``/``1、``; ``二是`` may sit inside a paragraph.  A label may start with a part of a
compound text (``实施意见``, ``金融支持实施意见`` in 001; ``意见正文`` in 004); in the Shijiazhuang text
the measures are the numbered items of its single 附件, so ``附件 49`` there is item 49.  ``序言``
is the part before the first ``一、``; ``末段`` the part after the last heading's paragraph.
Descriptive words in a label (``铁合金行业``) must occur inside the clause they follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERALS = "一二三四五六七八九十"
_RANK = {"annex": 0, "cn": 1, "paren": 2, "num": 3, "shi": 4}
_HEADING = {
    "annex": re.compile(r"^[ \t\u3000\xa0]*附件(\d+)[：:]", re.M),
    "cn": re.compile(rf"^[ \t\u3000\xa0]*(?:\[bookmark: _GoBack\])?[ \t\u3000\xa0]*([{_NUMERALS}]+)、", re.M),
    "paren": re.compile(rf"^[ \t\u3000\xa0]*（([{_NUMERALS}]+)）", re.M),
    "num": re.compile(r"^[ \t\u3000\xa0]*(\d+)[.．、]", re.M),
    "shi": re.compile(rf"([{_NUMERALS}]+)是"),
}
# Parts of the compound texts, as (label prefix, start marker, end marker or None).
_PARTS: dict[str, list[tuple[str, str, str | None]]] = {
    "001": [("金融支持工业经济平稳发展实施意见", "关于金融支持工业经济平稳发展实施意见", None),
            ("金融支持实施意见", "关于金融支持工业经济平稳发展实施意见", None),
            ("实施意见", "关于贯彻落实应对当前工业经济突出问题", "附件1：")],
    "004": [("意见正文", "石家庄市人民政府关于振兴工业实体经济的意见", "\u3000\u3000附件\n"),
            ("附件", "\u3000\u3000附件\n", None)],
}


@dataclass(frozen=True)
class Token:
    kind: str  # annex | cn | paren | num | shi | words | intro | closing
    value: str


class ClauseError(ValueError):
    """A clause label that names a heading the text does not have, or not where it says."""


def parse_label(label: str, doc: str) -> tuple[str | None, list[Token]]:
    """Split a label into its part of a compound text (if any) and its headings in order."""
    rest = label.strip()
    part = None
    for prefix, _, _ in _PARTS.get(doc, []):
        if rest.startswith(prefix) and not (doc == "001" and re.match(r"附件\s*\d", rest)):
            part, rest = prefix, rest[len(prefix):]
            break
    tokens: list[Token] = []
    if doc == "004" and part == "附件" and (m := re.match(r"\s*(\d+)", rest)):
        tokens.append(Token("num", m.group(1)))
        rest = rest[m.end():]
    while rest := rest.strip():
        if m := re.match(r"附件\s*(\d+)", rest):
            tokens.append(Token("annex", m.group(1)))
        elif m := re.match(rf"（([{_NUMERALS}]+)）", rest):
            tokens.append(Token("paren", m.group(1)))
        elif m := re.match(rf"([{_NUMERALS}]+)是", rest):
            tokens.append(Token("shi", m.group(1)))
        elif m := re.match(rf"([{_NUMERALS}]+)(?:、|(?=[（\s\d]|$))", rest):
            tokens.append(Token("cn", m.group(1)))
        elif m := re.match(r"(\d+)[.．、]?", rest):
            tokens.append(Token("num", m.group(1)))
        elif m := re.match(r"(序言|末段)", rest):
            tokens.append(Token("intro" if m.group(1) == "序言" else "closing", m.group(1)))
        else:
            m = re.match(rf"[^（\s\d]+?(?=（[{_NUMERALS}]+）|\s|\d|$)", rest)
            if m is None or not m.group(0):
                raise ClauseError(f"看不懂的条款标注：{label!r}")
            tokens.append(Token("words", m.group(0)))
        rest = rest[m.end():]
    return part, tokens


def _part_span(text: str, doc: str, part: str | None) -> tuple[int, int]:
    if part is None:
        return 0, len(text)
    for prefix, start_marker, end_marker in _PARTS[doc]:
        if prefix == part:
            start = text.find(start_marker)
            end = text.find(end_marker, start + 1) if end_marker else -1
            if start < 0:
                raise ClauseError(f"原文中没有“{part}”部分")
            return start, end if end > 0 else len(text)
    raise ClauseError(f"原文中没有“{part}”部分")  # pragma: no cover - prefixes come from _PARTS


def _headings(text: str, kind: str, start: int, end: int) -> list[tuple[int, str]]:
    # The numeral's own position: a match may begin with the line's indent.
    return [(m.start(1), m.group(1)) for m in _HEADING[kind].finditer(text, start, end)]


def _next_boundary(text: str, kind: str, after: int, end: int) -> int:
    """Where the clause opened at ``after`` ends: the next heading of its rank or higher."""
    if kind == "shi":
        line_end = text.find("\n", after)
        nxt = [p for p, _ in _headings(text, "shi", after + 1, end)]
        stops = [x for x in (line_end if line_end >= 0 else end, *nxt[:1]) if x > after]
        return min([*stops, end])
    stops = [p for k, r in _RANK.items() if r <= _RANK[kind] and k != "shi"
             for p, _ in _headings(text, k, after + 1, end)]
    return min([*stops, end])


def clause_span(text: str, label: str, doc: str) -> tuple[int, int]:
    """The part of ``text`` the label names; :class:`ClauseError` if a heading is missing."""
    part, tokens = parse_label(label, doc)
    start, end = _part_span(text, doc, part)
    for token in tokens:
        if token.kind == "words":
            if token.value not in text[start:end]:
                raise ClauseError(f"“{token.value}”不在 {label} 所指的条款中")
            continue
        if token.kind == "intro":
            firsts = _headings(text, "cn", start, end)
            end = firsts[0][0] if firsts else end
            continue
        if token.kind == "closing":
            marks = [p for k in ("cn", "paren", "num") for p, _ in _headings(text, k, start, end)]
            last = max(marks, default=start)
            line_end = text.find("\n", last)
            start = line_end if 0 <= line_end < end else start
            continue
        found = [p for p, value in _headings(text, token.kind, start, end) if value == token.value]
        if not found:
            raise ClauseError(f"原文中找不到 {label} 的“{token.value}”（{token.kind}）")
        start = found[0]
        end = _next_boundary(text, token.kind, start, end)
    return start, end


def _squash(text: str) -> tuple[str, list[int]]:
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in positions), positions


def excerpt_in_clause(text: str, label: str, doc: str, excerpt: str) -> None:
    """Raise :class:`ClauseError` unless some occurrence of ``excerpt`` lies in the clause."""
    start, end = clause_span(text, label, doc)
    squashed, positions = _squash(text)
    needle = "".join(ch for ch in excerpt if not ch.isspace())
    found = squashed.find(needle)
    while found >= 0:
        if start <= positions[found] and positions[found + len(needle) - 1] < end:
            return
        found = squashed.find(needle, found + 1)
    raise ClauseError(f"摘录不在 {label} 所指的条款中：{excerpt[:30]}…")
