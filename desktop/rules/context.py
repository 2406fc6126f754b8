"""Fact lookup for one assessment: plain dict access plus lazily derived facts."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from desktop.facts import FACTS, FactsFile, Institution, Loan, Project
from desktop.money import round_yuan
from desktop.reference.industry import lookup
from desktop.reference.size_class import SizeResult, classify

INDUSTRIAL_SECTIONS = frozenset("BCD")


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end``; 03-15 -> 09-15 is 6, 09-14 is 5.

    A loan ending on the last day of a shorter month counts the month as whole
    (08-31 -> 02-28 is 6 months), as bank contracts do.
    """
    months = (end.year - start.year) * 12 + (end.month - start.month)
    end_is_month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if end.day < start.day and not end_is_month_end:
        months -= 1
    return months


def loan_interest(loan: Loan, basis_days: int = 360) -> Decimal | None:
    """Contract-period interest: principal x annual rate / basis x actual days."""
    if None in (loan.principal, loan.annual_rate, loan.start_on, loan.end_on):
        return None
    assert loan.principal is not None and loan.annual_rate is not None
    assert loan.start_on is not None and loan.end_on is not None
    days = (loan.end_on - loan.start_on).days
    return round_yuan(loan.principal * loan.annual_rate * days / basis_days)


def loan_term_months(loan: Loan) -> int | None:
    if loan.start_on is None or loan.end_on is None:
        return None
    return months_between(loan.start_on, loan.end_on)


# Per-loan facts worked out from the loan's own fields (the rest are read off the loan).
LOAN_DERIVED: dict[str, Callable[[Loan], Any]] = {
    "loan.term_months": loan_term_months,
    "loan.interest": loan_interest,
}

# "enterprise.revenue" -> ("enterprise", "revenue") for every fact read straight off the model.
DIRECT_FACTS: dict[str, tuple[str, str]] = {
    path: (spec.section, path.split(".", 1)[1])
    for path, spec in FACTS.items()
    if not spec.is_derived and not path.startswith("loan.")
}


# An absent section reads as a present one left empty: every stored fact defaults to None
# (tests/rules/test_closures.py holds this).  With these stand-ins the context exposes each
# section as an attribute that is never None, so a stored fact is one attribute-path lookup.
_ABSENT_PROJECT = Project.model_construct()
_ABSENT_INSTITUTION = Institution.model_construct()


class FactContext:
    """Resolves ``section.field`` paths for one enterprise.

    Values are looked up lazily and memoised: a triage of thousands of enterprises touches
    only the handful of facts the rules actually read.  ``loan.*`` facts resolve only in
    the per-loan context made by :meth:`for_item`.
    """

    __slots__ = ("_cache", "assessed_on", "enterprise", "facts", "institution", "project")
    # The enterprise's own context has no loan; a loan's context (its own slots) sets both.
    loan: Loan | None = None
    item_index: int | None = None

    def __init__(self, facts: FactsFile, assessed_on: dt.date) -> None:
        self.facts = facts
        self.enterprise = facts.enterprise
        project, institution = facts.project, facts.institution  # each read once: a hot path
        self.project = _ABSENT_PROJECT if project is None else project
        self.institution = _ABSENT_INSTITUTION if institution is None else institution
        self.assessed_on = assessed_on
        self._cache: dict[str, Any] = {}

    def for_item(self, index: int, loan: Loan) -> LoanContext:
        clone = LoanContext.__new__(LoanContext)
        clone.facts, clone.assessed_on, clone._cache = self.facts, self.assessed_on, self._cache
        clone.enterprise, clone.project, clone.institution = (
            self.enterprise, self.project, self.institution)
        clone.loan, clone.item_index = loan, index
        return clone

    def get(self, path: str) -> Any:
        try:
            return self._cache[path]
        except KeyError:
            pass
        direct = DIRECT_FACTS.get(path)
        value = self._derive(path) if direct is None else getattr(getattr(self, direct[0]), direct[1])
        self._cache[path] = value
        return value

    def size(self) -> SizeResult:
        cached = self._cache.get("_size")
        if cached is None:
            e = self.facts.enterprise
            cached = classify(e.industry_code, e.employees, e.revenue, e.assets)
            self._cache["_size"] = cached
        assert isinstance(cached, SizeResult)
        return cached

    def _derive(self, path: str) -> Any:
        enterprise = self.facts.enterprise
        if path == "enterprise.size_class":
            return self.size().size_class
        if path == "enterprise.is_industrial":
            industry = lookup(enterprise.industry_code) if enterprise.industry_code else None
            return None if industry is None else industry.section in INDUSTRIAL_SECTIONS
        if path == "enterprise.local_tax_increment":
            current, base = enterprise.local_tax_current, enterprise.local_tax_base
            return None if current is None or base is None else max(Decimal(0), current - base)
        return None  # sections left empty (no project, no institution) are unknown

    def _loan_fact(self, path: str) -> Any:
        loan = self.loan
        if loan is None:
            return None
        derive = LOAN_DERIVED.get(path)
        return getattr(loan, path[5:]) if derive is None else derive(loan)


class LoanContext(FactContext):
    """The context of one loan line: ``loan.*`` facts come from that loan, never the cache."""

    __slots__ = ("item_index", "loan")

    def get(self, path: str) -> Any:
        if path.startswith("loan."):
            return self._loan_fact(path)
        return super().get(path)
