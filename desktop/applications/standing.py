"""What the dashboard assesses a programme with once the enterprise has an application for it.

A project, loans or an R&D institution are the facts of one application, typed in its wizard,
not of the enterprise profile.  The dashboard (政策自评) therefore assesses:

* every programme with the enterprise profile as shown in 企业信息;
* a programme that has an application of this enterprise with that application's own facts
  (project, loans, institution) on top of the profile: the draft open in the wizard, as typed,
  when it is for that programme; otherwise the application for that programme changed most
  recently (whatever its status).  Where the application gives no institution (or project),
  the profile's stands.

So closing the wizard or restarting the program never sends a programme whose loans are
entered back to 待补充信息.  The date is the dashboard's: the wizard's review assesses on the
papers' 成文日期 instead, and says so on its page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.facts.model import FactsFile
from desktop.rules.context import FactContext
from desktop.rules.engine import assess, assess_programme
from desktop.rules.pack import RulePack
from desktop.rules.results import Assessment
from desktop.store.refs import RecordRef

if TYPE_CHECKING:  # the ORM: the first page is painted before it is imported
    from desktop.store.first_page import FirstPageReader
    from desktop.store.store import Store


def application_facts(store: Store, profile_id: int) -> dict[str, FactsFile]:
    """Programme id -> the facts of this enterprise's most recently changed application for it."""
    # Imported here: the window's first paint (the sample, no drafts) does without the
    # application model (tests/ui/test_lazy_start.py).
    from desktop.applications.stored import draft_state

    latest: dict[str, int] = {}
    for app in store.list_applications(profile_id):  # most recently changed first
        if app.programme_id and app.programme_id not in latest:
            latest[app.programme_id] = app.id
    return {programme: draft_state(store, app_id).facts for programme, app_id in latest.items()}


def first_page_application_facts(reader: FirstPageReader, profile_id: int) -> dict[str, FactsFile]:
    """:func:`application_facts` read through the first page's reader, before the store is open.

    The same records in the same order; only the attachments are left out, which no fact is
    read from (``tests/ui/test_first_page_start.py`` compares the two)."""
    from desktop.applications.answers import StoredDraft, read_draft

    latest: dict[str, int] = {}
    for app in reader.list_applications(profile_id):
        if app.programme_id and app.programme_id not in latest:
            latest[app.programme_id] = app.id
    facts = {}
    for programme, app_id in latest.items():
        app = reader.application(app_id)
        main = reader.main_part(app_id)
        draft = StoredDraft(
            kind=app.kind, programme_id=app.programme_id or "",
            profile=reader.answers(RecordRef("profile", app.profile_id)),
            main=reader.answers(main) if main is not None else {},
            equipment=[reader.answers(r) for r in reader.lines(app_id, "equipment")],
            loans=[reader.answers(r) for r in reader.lines(app_id, "loan")],
            attachments=[])
        facts[programme] = read_draft(draft).facts
    return facts


def with_application(profile: FactsFile, application: FactsFile) -> FactsFile:
    """The enterprise from the profile; project, loans and institution from the application
    where it has them."""
    return profile.model_copy(update={
        "project": application.project or profile.project,
        "loans": application.loans if application.loans is not None else profile.loans,
        "institution": application.institution or profile.institution,
    })


def assess_with_applications(pack: RulePack, profile: FactsFile, on: dt.date,
                             applications: Mapping[str, FactsFile]) -> Assessment:
    """The profile's assessment, with each programme that has an application assessed on the
    application's facts (see the module's docstring)."""
    assessment = assess(pack, profile, on)
    if not applications:
        return assessment
    results = []
    for result in assessment.results:
        own = applications.get(result.programme_id)
        if own is not None:
            ctx = FactContext(with_application(profile, own), on)
            result = assess_programme(pack, pack.programme(result.programme_id), ctx)
        results.append(result)
    return replace(assessment, results=results)
