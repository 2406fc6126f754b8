from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.records import RecordRef
from desktop.store.startup import OpenedStore, open_store
from desktop.store.store import Store


@pytest.fixture
def opened(private_data_dir: Path) -> Iterator[OpenedStore]:
    handle = open_store(private_data_dir)
    yield handle
    handle.close()


@pytest.fixture
def store(opened: OpenedStore) -> Store:
    return opened.store


VALID_USCC = "91130100MA07L2T95N"  # the sample enterprise's code; its check digit is right


def make_tech_upgrade(store: Store, uscc: str = VALID_USCC) -> tuple[int, int, RecordRef]:
    profile_id = store.create_profile({"name": "青海示例铁合金有限公司", "uscc": uscc, "employees": "260"})
    app_id = store.create_application(profile_id, "tech_upgrade", rulepack_id="huiqi-five-documents",
                                      rulepack_version="2026.1", programme_id="qh-2011-tech-upgrade",
                                      title="矿热炉节能改造")
    project = store.single_part(app_id)
    store.save_answers(project, {"name": "矿热炉节能改造", "total_investment": "32000000"})
    for name, qty in (("矿热炉变压器", "2"), ("余热锅炉", "1")):
        store.save_answers(store.add_line(app_id, "equipment"), {"name": name, "quantity": qty})
    return profile_id, app_id, project
