"""Drafts stay on the rule pack they were started with until the user re-assesses them.

The store already records each application's pack id and version; re-assessing moves a draft
to the pack in use, audited like every other change.
"""

from __future__ import annotations

from desktop.rules.results import PackIdentity
from desktop.store.records import StoreError
from desktop.store.schema import Application
from desktop.store.store import Store, audit, get_or_fail


def repin(store: Store, application_id: int, identity: PackIdentity) -> bool:
    """Move one draft to ``identity``'s pack; True if it was on another one."""
    with store.write() as session:
        app = get_or_fail(session, Application, application_id)
        if app.status != "draft":
            raise StoreError("只有草稿可以改用新规则包重新自评；已导出的申报保留其规则包。")
        old = f"{app.rulepack_id} {app.rulepack_version}"
        new = f"{identity.id} {identity.version}"
        if old == new:
            return False
        app.rulepack_id, app.rulepack_version = identity.id, identity.version
        audit(session, "application", app.id, "rulepack", old, new)
        return True
