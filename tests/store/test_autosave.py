"""The autosave worker: writes in the order typed, reports refusals, loses nothing saved."""

from __future__ import annotations

import threading

from desktop.store.autosave import Autosaver, SaveResult
from desktop.store.records import MAX_ANSWER_CHARS, RecordRef
from desktop.store.store import Store


def test_last_keystroke_wins_and_runs_off_the_calling_thread(store: Store) -> None:
    ref = RecordRef("profile", store.create_profile({}))
    saver = Autosaver(store)
    threads: set[str] = set()
    results: list[SaveResult] = []

    def done(result: SaveResult) -> None:
        threads.add(threading.current_thread().name)
        results.append(result)

    for text in ("1", "12", "120", "1200"):
        saver.submit(ref, "employees", text, done)
    saver.flush()
    saver.close()
    assert store.answers(ref)["employees"] == "1200"
    assert [r.text for r in results] == ["1", "12", "120", "1200"]
    assert all(r.error is None and r.changed for r in results)
    assert threads and threading.current_thread().name not in threads


def test_a_refused_answer_is_reported_and_the_saved_one_kept(store: Store) -> None:
    ref = RecordRef("profile", store.create_profile({"name": "甲公司"}))
    saver = Autosaver(store)
    future = saver.submit(ref, "name", "乙" * (MAX_ANSWER_CHARS + 1))
    result = future.result()
    saver.close()
    assert result.error is not None and "内容过长" in result.error and not result.changed
    assert store.answers(ref)["name"] == "甲公司"
    assert saver.pending == 0
