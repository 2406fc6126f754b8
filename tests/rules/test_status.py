"""The status line's facts about the rule pack, including the all-expired warning."""

from __future__ import annotations

import datetime as dt

from benchmarks.synthetic import enterprises
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.status import pack_status


def test_status_in_2018_counts_programmes_in_force() -> None:
    status = pack_status(bundled_pack(), dt.date(2018, 6, 1))
    assert status.pack_id == "huiqi-builtin"
    assert status.valid_from == dt.date(2011, 12, 1)
    assert status.valid_to == dt.date(2020, 12, 31)
    # The Shijiazhuang 2017 measures and the Qinghai 2016 one are in force that day, except
    # the unemployment-insurance rate cut, whose own period ended on 2018-04-30; and the Wuhai
    # 个转企 transition, which runs "不低于5年" from a 2014 conversion.
    assert status.in_force == sum(1 for p in bundled_pack().programmes
                                  if p.id.startswith(("sjz-2017", "qh-2016"))) - 1 + 1
    assert not status.all_expired


def test_status_after_the_last_programme_warns_that_all_expired() -> None:
    status = pack_status(bundled_pack(), dt.date(2021, 1, 1))
    assert status.in_force == 0
    assert status.all_expired
    assert not pack_status(bundled_pack(), dt.date(2020, 12, 31)).all_expired


def test_triage_gives_the_same_statuses_as_a_full_assessment() -> None:
    pack = bundled_pack()
    for on in (dt.date(2012, 3, 1), dt.date(2018, 6, 1)):
        for facts in enterprises(200, seed=7):
            full = [(r.programme_id, r.status) for r in assess(pack, facts, on).results]
            quick = [(r.programme_id, r.status) for r in assess(pack, facts, on, explain=False).results]
            assert full == quick
