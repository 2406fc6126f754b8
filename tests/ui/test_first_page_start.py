"""A start on an existing data folder paints the window from the first page's plain-sqlite3 read,
then opens the store before any input: the same enterprise, date and assessment as a window built
on the store; nothing edited before the store is open; what the window wrote meanwhile is kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.store.refs import RecordRef
from desktop.store.startup import DB_NAME, OpenedStore, PreparedStore, open_store, prepare_store
from desktop.ui import app as app_module
from desktop.ui.app import ROLE_SETTING, Shell, first_page_reader, run_app
from desktop.ui.controller import StoreNotOpenError
from desktop.ui.main_window import (
    DASHBOARD_ROW,
    LAST_PAGE_SETTING,
    LAST_PROFILE_SETTING,
    PROFILE_ROW,
    RECENT_PROFILES_SETTING,
    MainWindow,
)
from tests.ui.test_lazy_start import ANSWERS

pytestmark = pytest.mark.gui


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _folder(data_dir: Path, **settings: object) -> int:
    """A data folder used before: the enterprise of the lazy-start tests, its own date."""
    opened = open_store(data_dir, now=dt.datetime(2026, 11, 20, 9, 0))
    try:
        profile = opened.store.create_profile(ANSWERS)
        opened.store.create_profile({"name": "乙公司", "region_code": "630104"})
        for key, value in {ROLE_SETTING: "enterprise", LAST_PROFILE_SETTING: profile,
                           f"profile.{profile}.assessed_on": {"day": "2011-12-10", "chosen": True},
                           **settings}.items():
            opened.store.set_setting(key, value)
    finally:
        opened.close(backup=False)
    return profile


@pytest.fixture
def prepared(qtbot: QtBot, private_data_dir: Path) -> Iterator[PreparedStore]:
    _folder(private_data_dir)
    made = prepare_store(private_data_dir)
    yield made
    if made.lock.held:
        made.abandon()


def _shown(window: MainWindow) -> tuple[object, ...]:
    dashboard = window.dashboard
    assert dashboard is not None and dashboard.assessment is not None
    return (window.current_profile_id, window.profile_switcher.currentText(), window.navigation.currentRow(),
            dashboard.enterprise_label.text(), dashboard.assessed_on,
            [(r.programme_id, r.status, r.amount.figure if r.amount else None)
             for r in dashboard.assessment.results],
            [a.id for a in window.applications._listed])


def _store_built_shows(opened: OpenedStore) -> tuple[object, ...]:
    """What a window built on the store shows, as every start did before the first-page read."""
    reference = Shell(_app(), opened)
    try:
        reference.start("zh_CN", ask_first_run=True)
        assert reference.window is not None
        return _shown(reference.window)
    finally:
        reference.close()


def _quick_shell(prepared: PreparedStore) -> Shell:
    reader = first_page_reader(prepared, ask_first_run=True)
    assert reader is not None
    shell = Shell(_app(), None, first_page=reader, data_dir=prepared.data_dir)
    shell.start("zh_CN", ask_first_run=True)
    assert shell.window is not None and shell.store is None
    return shell


def test_the_first_page_shows_what_the_store_would_show(qtbot: QtBot, prepared: PreparedStore) -> None:
    shell = _quick_shell(prepared)
    opened: OpenedStore | None = None
    try:
        window = shell.window
        assert window is not None and window.controller.waiting_for_store
        quick = _shown(window)
        assert quick[3] == f"企业：{ANSWERS['name']}" and quick[4] == dt.date(2011, 12, 10)
        assert quick[2] == DASHBOARD_ROW
        opened = prepared.open()
        shell.attach(opened)
        assert not window.controller.waiting_for_store and window.controller.store_open
        assert _shown(window) == quick  # attaching the store changed nothing shown
        # What the window wrote while it was built is in the store now.
        store = opened.store
        profile = window.current_profile_id
        assert store.setting(LAST_PROFILE_SETTING) == profile
        assert store.setting(RECENT_PROFILES_SETTING) == [profile]
        assert store.setting(LAST_PAGE_SETTING) == "dashboard"
        # And a window built on the store, as every start was before, shows the same.
        assert _store_built_shows(opened) == quick
    finally:
        shell.close()
        if opened is not None:
            opened.close(backup=False)


def _drafts(data_dir: Path, profile: int) -> None:
    """A loan-interest draft with its loans (the programme is assessed on them) and a tech-upgrade
    draft whose project record the store has made."""
    opened = open_store(data_dir)
    store = opened.store
    try:
        loan_app = store.create_application(
            profile, "loan_interest", rulepack_id="huiqi-five-documents", rulepack_version="2026.1",
            programme_id="qh-2011-sme-loan-interest", title="贴息")
        store.save_answers(store.single_part(loan_app), {"project_name": "技改贷款项目"})
        for principal in ("5000000", "3000000"):
            store.save_answers(store.add_line(loan_app, "loan"), {
                "bank": "青海银行", "kind": "working_capital", "principal": principal,
                "annual_rate": "0.0656", "start_on": "2011-03-01", "end_on": "2012-02-28",
                "signed_on": "2011-02-20"})
        tech = store.create_application(profile, "tech_upgrade", rulepack_id="huiqi-five-documents",
                                        rulepack_version="2026.1", programme_id="qh-2011-tech-upgrade",
                                        title="技改")
        store.save_answers(store.single_part(tech), {"project_name": "矿热炉节能改造",
                                                     "project_total_investment": "32000000"})
    finally:
        opened.close(backup=False)


def test_an_enterprise_with_drafts_is_assessed_on_them_from_the_first_page(
        qtbot: QtBot, private_data_dir: Path) -> None:
    from desktop.applications.standing import application_facts, first_page_application_facts

    profile = _folder(private_data_dir)
    before = prepare_store(private_data_dir)
    shell = _quick_shell(before)
    assert shell.window is not None
    without_drafts = _shown(shell.window)
    shell.close()
    before.abandon()

    _drafts(private_data_dir, profile)
    prepared = prepare_store(private_data_dir)
    shell = _quick_shell(prepared)
    opened: OpenedStore | None = None
    try:
        window = shell.window
        assert window is not None and window.controller.waiting_for_store
        quick = _shown(window)
        assert quick[5] != without_drafts[5]  # the drafts' loans and project are assessed
        reader = prepared.first_page()
        assert reader is not None
        read_early = first_page_application_facts(reader, profile)
        opened = prepared.open()
        assert read_early == application_facts(opened.store, profile)
        assert set(read_early) == {"qh-2011-sme-loan-interest", "qh-2011-tech-upgrade"}
        shell.attach(opened)
        assert _shown(window) == quick
        assert _store_built_shows(opened) == quick
    finally:
        shell.close()
        if opened is not None:
            opened.close(backup=False)


def test_nothing_is_edited_before_the_store_is_open(qtbot: QtBot, prepared: PreparedStore) -> None:
    shell = _quick_shell(prepared)
    opened: OpenedStore | None = None
    try:
        window = shell.window
        assert window is not None
        profile = window.current_profile_id
        assert profile is not None
        with pytest.raises(StoreNotOpenError):
            window.controller.edit(RecordRef("profile", profile), "employees", "96")
        window.new_profile()  # 新建企业 before the store: refused, nothing written
        assert window.statusBar().currentMessage() == "没有打开用户数据，不能新建企业。"
        assert window.controller.profiles() == prepared.first_page().list_profiles()  # type: ignore[union-attr]
        # Once attached, typing in 企业信息 is saved through the store.
        opened = prepared.open()
        shell.attach(opened)
        window.navigation.setCurrentRow(PROFILE_ROW)
        edit = window.profile_editor.edits["enterprise.employees"]
        assert isinstance(edit, QLineEdit)
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, "96")
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        window.save_everything()
        assert opened.store.answers(RecordRef("profile", profile))["employees"] == "96"
        assert len(opened.store.list_profiles()) == 2
    finally:
        shell.close()
        if opened is not None:
            opened.close(backup=False)


def test_the_editor_opened_last_is_built_on_the_first_page_and_saves_once_attached(
        qtbot: QtBot, private_data_dir: Path) -> None:
    profile = _folder(private_data_dir, **{LAST_PAGE_SETTING: "profile"})
    prepared = prepare_store(private_data_dir)
    shell = _quick_shell(prepared)
    opened: OpenedStore | None = None
    try:
        window = shell.window
        assert window is not None and window._profile_editor is not None
        assert window.navigation.currentRow() == PROFILE_ROW
        name = window.profile_editor.edits["enterprise.name"]
        assert isinstance(name, QLineEdit) and name.text() == ANSWERS["name"]
        opened = prepared.open()
        shell.attach(opened)
        name.setFocus()
        name.selectAll()
        qtbot.keyClicks(name, "ACME")
        qtbot.keyClick(name, Qt.Key.Key_Tab)
        window.save_everything()
        assert opened.store.answers(RecordRef("profile", profile))["name"] == "ACME"
    finally:
        shell.close()
        if opened is not None:
            opened.close(backup=False)


def test_a_window_closed_before_the_store_opened_keeps_what_it_wrote(
        qtbot: QtBot, prepared: PreparedStore) -> None:
    shell = _quick_shell(prepared)
    opened = None
    try:
        assert shell.window is not None
        shell.window.close()  # the user closed it within the half second
        opened = prepared.open()
        shell.attach(opened)
        assert isinstance(opened.store.setting("window.geometry"), str)
    finally:
        shell.close()
        if opened is not None:
            opened.close(backup=False)


@pytest.mark.parametrize("case", ["first-run question", "official", "wizard to reopen", "outdated schema"])
def test_the_store_opens_first_where_the_first_page_cannot_do_without_it(
        qtbot: QtBot, private_data_dir: Path, case: str) -> None:
    _folder(private_data_dir)
    opened = open_store(private_data_dir)
    store = opened.store
    if case == "first-run question":
        store.set_setting(ROLE_SETTING, None)
    elif case == "official":
        store.set_setting(ROLE_SETTING, "official")
    elif case == "wizard to reopen":
        store.set_setting(LAST_PAGE_SETTING, {"wizard": 1})
    opened.close(backup=False)
    if case == "outdated schema":
        conn = sqlite3.connect(private_data_dir / DB_NAME)
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
        conn.commit()
        conn.close()
    prepared = prepare_store(private_data_dir)
    try:
        assert first_page_reader(prepared, ask_first_run=True) is None
    finally:
        prepared.abandon()


def test_the_real_start_takes_the_first_page_and_a_damaged_file_is_still_told(
        qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(private_data_dir)
    yesterday = open_store(private_data_dir, now=dt.datetime.now() - dt.timedelta(days=1))
    yesterday.close()
    taken: list[bool] = []
    real = app_module.first_page_reader

    def noted(prepared: PreparedStore, *, ask_first_run: bool) -> object:
        found = real(prepared, ask_first_run=ask_first_run)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(app_module, "first_page_reader", noted)
    assert run_app(private_data_dir, smoke_test=True) == 0
    assert taken == [True] and "smoke test ok" in capsys.readouterr().out
    # Damaged: recovered from the backup before the first page reads it, and the user is told.
    (private_data_dir / DB_NAME).write_bytes(b"\x00garbage" * 512)
    assert run_app(private_data_dir, smoke_test=True) == 0
    out = capsys.readouterr().out
    assert taken == [True, True]
    assert "数据库文件已损坏" in out and "已从" in out and "smoke test ok" in out
    # A second copy is still refused while one runs.
    running = open_store(private_data_dir)
    try:
        assert run_app(private_data_dir, smoke_test=True) == 1
    finally:
        running.close(backup=False)
    assert "另一个惠企申报助手正在使用" in capsys.readouterr().out


def test_a_first_page_that_cannot_be_read_opens_the_store_first(
        qtbot: QtBot, private_data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.store.first_page import FirstPageReader

    _folder(private_data_dir)

    def unreadable(self: FirstPageReader) -> list[object]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(FirstPageReader, "list_profiles", unreadable)
    shown: list[tuple[object, ...]] = []
    real_attach = MainWindow.attach_store
    monkeypatch.setattr(MainWindow, "attach_store", lambda *a: shown.append(a) or real_attach(*a))
    assert run_app(private_data_dir, smoke_test=True) == 0
    assert "smoke test ok" in capsys.readouterr().out
    assert shown == []  # built on the store: nothing to attach
