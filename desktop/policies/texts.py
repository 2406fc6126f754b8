"""Read a shipped policy text and find where a cited excerpt sits in it.

Citations are verbatim up to whitespace (a test checks every one), so the search ignores
whitespace: the original's line breaks and full-width indents never hide a quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.paths import resource


class PolicyTextError(LookupError):
    """The named text is not shipped with this copy of the app."""


@cache
def policy_text(file: str, folder: Path | None = None) -> str:
    """A policy text by file name: from ``folder`` (an installed rule pack's texts) or the shipped ones."""
    path = folder / file if folder is not None else resource("policies", file)
    if "/" in file or "\\" in file or not path.is_file():
        raise PolicyTextError(f"找不到政策原文：{file}")
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Span:
    start: int
    end: int  # exclusive, in the original text's characters


def find_excerpt(text: str, excerpt: str) -> Span | None:
    """Where ``excerpt`` occurs in ``text`` ignoring whitespace, as positions in ``text``."""
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    squashed = "".join(text[i] for i in positions)
    needle = "".join(ch for ch in excerpt if not ch.isspace())
    found = squashed.find(needle) if needle else -1
    if found < 0:
        return None
    return Span(positions[found], positions[found + len(needle) - 1] + 1)


ISSUER_CLAUSE = "发文机关"  # the engine's region condition cites the document's issuer


@dataclass(frozen=True)
class Located:
    """Where a citation's excerpt was found and how sure the place is.

    ``in_clause``: found inside the clause its label names (the place the rule cites).
    ``clause_found``: False when the label names no heading the text has; the search then
    fell back to the whole text, and the first occurrence may be somewhere else.
    """

    span: Span | None
    in_clause: bool
    clause_found: bool


def _find_within(text: str, excerpt: str, start: int, end: int) -> Span | None:
    span = find_excerpt(text[start:end], excerpt)
    return Span(span.start + start, span.end + start) if span is not None else None


def locate_citation(text: str, clause: str, excerpt: str, doc: str) -> Located:
    """Find ``excerpt`` inside the clause ``clause`` names; the whole text only if it names none.

    ``doc`` is the text's number (the file name's first three characters).  The issuer is
    looked for only in the text's opening (before the first ``一、``): a name like 青海省 also
    occurs in unrelated clauses, and marking one of those would point at the wrong place.
    """
    from desktop.policies.clauses import ClauseError, clause_span  # the heading parser

    label = "序言" if clause == ISSUER_CLAUSE else clause
    try:
        start, end = clause_span(text, label, doc)
    except ClauseError:
        return Located(find_excerpt(text, excerpt), in_clause=False, clause_found=False)
    return Located(_find_within(text, excerpt, start, end), in_clause=True, clause_found=True)
