"""The 示例企业 that ships with the app, so a first start has something real on screen."""

from __future__ import annotations

import datetime as dt

from desktop.facts.io import read_facts
from desktop.facts.model import FactsFile
from desktop.paths import resource

# Every programme in the bundled pack has expired by today; the sample is shown on a day
# when the Shijiazhuang 2017 measures were in force, and the dashboard says so plainly.
SAMPLE_ASSESSED_ON = dt.date(2018, 6, 1)


def load_sample() -> FactsFile:
    return read_facts(resource("samples", "sample_enterprise.json"))
