"""Wizard pages as data (Picard's ``PAGES``): each page names the answers it loads and saves.

A field's ``key`` is its answer key in the application's main record (see
:mod:`desktop.applications.answers`), so one load/save contract serves every page.  Labels are
marked for translation with ``QT_TRANSLATE_NOOP`` and translated when the page is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    # PySide6's stub says object; it returns the text unchanged, which is what pages store.
    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP", "FieldSpec", "PageSpec", "WizardSpec"]

FieldKind = Literal["text", "multiline", "money", "date", "int", "rate", "number", "choice"]
Special = Literal["enterprise", "route", "materials", "review", "subsidy", "award"]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: FieldKind = "text"
    unit: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    fields: tuple[FieldSpec, ...] = ()
    table: Literal["equipment", "loan"] | None = None
    # The table's columns (lines.COLUMNS) when they differ from its kind's own: a tech upgrade's
    # loan contracts ask for the signing date, a loan subsidy's loans for the interest paid.
    columns: str | None = None
    special: Special | None = None
    # Fact sections this page answers: an undetermined programme opens at the first page
    # that asks for one of its missing facts.
    asks: tuple[str, ...] = ()
    intro: str = ""


@dataclass(frozen=True)
class WizardSpec:
    kind: str
    pages: tuple[PageSpec, ...]

    def page_index(self, key: str) -> int:
        return next((i for i, p in enumerate(self.pages) if p.key == key), 0)
