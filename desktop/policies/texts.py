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
