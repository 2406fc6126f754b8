"""The recipient a programme's reporting route suggests, for the wizard to offer as a default.

The route in the rule pack names categories ("同级经（发、商）委（按管辖关系）"); the user
replaces them with the real office.  Documents print only what the user confirmed.
"""

from __future__ import annotations

from desktop.applications.model import Recipient
from desktop.rules.results import ProgrammeResult


def suggested_recipient(result: ProgrammeResult) -> Recipient | None:
    """The first applicable route step as a starting point, or None when the rules give no route."""
    if not result.route:
        return None
    step = result.route[0]
    return Recipient(office=step.submit_to, copy_to=list(step.copy_to))
