"""The fact schema: what the rules may ask about an enterprise, a project, loans and an institution."""

from desktop.facts.model import (
    SCHEMA_VERSION,
    Enterprise,
    FactsFile,
    Institution,
    Loan,
    Project,
)
from desktop.facts.registry import FACTS, FactSpec, FactType

__all__ = [
    "FACTS",
    "SCHEMA_VERSION",
    "Enterprise",
    "FactSpec",
    "FactType",
    "FactsFile",
    "Institution",
    "Loan",
    "Project",
]
