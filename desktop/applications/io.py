"""Read an application file, listing every problem in Chinese."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.applications.hygiene import normalise_application
from desktop.applications.model import APPLICATION_SCHEMA_VERSION, ApplicationFile
from desktop.facts.io import check_version, load_json, validate
from desktop.facts.model import FactsFile

MAX_APPLICATION_BYTES = 5_000_000


def parse_application(data: Any) -> ApplicationFile:
    check_version(data, APPLICATION_SCHEMA_VERSION)
    # Newlines in names and pasted control characters are normalised here, on import.
    return normalise_application(validate(ApplicationFile, data))


def read_application(path: Path) -> ApplicationFile:
    return parse_application(load_json(path, MAX_APPLICATION_BYTES, "申报文件"))


def facts_of(application: ApplicationFile) -> FactsFile:
    """The facts the rule engine assesses, taken from the application."""
    return FactsFile(enterprise=application.enterprise, project=application.project,
                     loans=application.loans or None, institution=application.institution)
