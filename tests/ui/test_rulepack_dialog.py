"""Importing a signed rule pack from the window: the menu action, the dialog, the change view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QTreeWidgetItemIterator
from pytestqt.qtbot import QtBot

from desktop.rulepacks.active import active_pack
from desktop.rulepacks.build import check_source, collect_files
from desktop.rulepacks.install import import_pack
from desktop.rulepacks.keys import PrivateKey
from desktop.rules.database import bundled_pack
from desktop.store.startup import OpenedStore
from desktop.ui.app import ROLE_SETTING, Shell
from desktop.ui.rulepack_dialog import RulePackDialog
from desktop.ui.status_text import load_pack_with_status
from tests.rulepacks.conftest import trust_key
from tests.rulepacks.helpers import TEXTS, shipped_files, with_version, write_pack
from tests.rulepacks.test_changes import LOAN, edited_source

pytestmark = pytest.mark.gui
NEXT = "2027.1.0"



@pytest.fixture
def key(opened: OpenedStore, tmp_path: Path) -> PrivateKey:
    key = PrivateKey.generate()
    trust_key(opened.store.data_dir, key, tmp_path)
    return key


def threshold_pack(tmp_path: Path, key: PrivateKey) -> Path:
    """Next year's pack: the loan term threshold 6 -> 12 months, a provincial award 100 -> 150 万元."""
    source = edited_source(tmp_path)
    pack_yaml = source / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace("2026.11.1", NEXT), encoding="utf-8")
    files = collect_files(source, TEXTS, check_source(source))
    return write_pack(tmp_path / "next.zip", files, key, NEXT)


def rows(dialog: RulePackDialog) -> list[list[str]]:
    found, items = [], QTreeWidgetItemIterator(dialog.changes)
    while items.value():
        item = items.value()
        found.append([item.text(c) for c in range(4)])
        items += 1
    return found


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), "*.zip"))


def test_the_menu_action_imports_and_shows_the_changes(qtbot: QtBot, opened: OpenedStore,
                                                      key: PrivateKey, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = opened.store
    profile = store.create_profile({"name": "青海测试企业"})
    store.create_application(profile, "loan_interest", programme_id=LOAN, title="流动资金贷款贴息",
                             rulepack_id="huiqi-builtin", rulepack_version="2026.11.1")
    store.set_setting(ROLE_SETTING, "enterprise")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, opened)
    shell.start("zh_CN", ask_first_run=False)
    first = shell.window
    assert first is not None and "2026.11.1" in first.rulepack_label.text()
    choose(monkeypatch, threshold_pack(tmp_path, key))
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RulePackDialog)
        try:
            qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
            seen["staged"] = rows(dialog)
            seen["install_enabled"] = dialog.install_button.isEnabled()
            seen["before_install"] = active_pack(store.data_dir).version
            qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
            seen["message"] = dialog.message.text()
        finally:
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    action = first.findChild(QAction, "importRulePack")
    assert action is not None
    QTimer.singleShot(0, in_the_dialog)
    action.trigger()  # modal: returns when the dialog closes
    staged = seen["staged"]
    assert isinstance(staged, list)
    assert ["逐笔条件“贷款期6个月以上” 贷款期限（个月） ≥", "6", "12", "附件5 一、2"] in staged
    assert ["金额“省级一次性奖励100万元。”定额", "100万元", "150万元", "附件 31"] in staged
    assert any("流动资金贷款贴息" in r[0] and r[1] == "规则包 2026.11.1" for r in staged)
    assert seen["install_enabled"] is True and seen["before_install"] == "2026.11.1"
    assert f"已安装规则包 huiqi-builtin {NEXT}" in str(seen["message"])
    # The shell rebuilt the window on the new pack; the draft keeps its pinned pack.
    assert shell.window is not first and shell.window is not None
    qtbot.waitUntil(lambda: NEXT in shell.window.rulepack_label.text())  # type: ignore[union-attr]
    assert store.list_applications()[0].rulepack_version == "2026.11.1"
    shell.close()


def test_a_refused_pack_says_why_and_installs_nothing(qtbot: QtBot, opened: OpenedStore,
                                                      key: PrivateKey, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    stranger = PrivateKey.generate()
    choose(monkeypatch, threshold_pack(tmp_path, stranger))
    dialog = RulePackDialog(opened.store.data_dir, opened.store.list_applications)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    assert "签名密钥不受信任" in dialog.message.text()
    assert not dialog.install_button.isEnabled()
    assert active_pack(opened.store.data_dir).origin == "builtin"


def test_the_status_line_warns_when_the_installed_pack_is_stale_or_damaged(
        opened: OpenedStore, key: PrivateKey, tmp_path: Path) -> None:
    data = opened.store.data_dir
    import_pack(data, write_pack(tmp_path / "p.zip", with_version(shipped_files(), NEXT), key, NEXT))
    pack, fresh = load_pack_with_status(dt.date(2027, 12, 31), data_dir=data)
    assert pack is not None and pack.identity.version == NEXT
    assert f"版本 {NEXT}" in fresh and "已过发布时注明的有效期" not in fresh
    _pack, stale = load_pack_with_status(dt.date(2028, 1, 1), data_dir=data)
    assert "规则包已过发布时注明的有效期（2027-12-31），可能已有新版" in stale
    installed = active_pack(data).folder
    assert installed is not None
    (installed / "rulepack.sqlite").write_bytes(b"damaged")
    pack, damaged = load_pack_with_status(dt.date(2027, 6, 1), data_dir=data)
    assert pack is not None and pack.identity.version == "2026.11.1"  # the built-in fallback
    assert "已安装的规则包无法使用" in damaged


REMOVED = "qh-2013-consumer-goods-new-enterprise"


def wide_changes_pack(tmp_path: Path, key: PrivateKey, **manifest: object) -> Path:
    """Next year's pack with a long-labelled threshold changed and a long-id programme removed."""
    source = edited_source(tmp_path)
    edits = {"pack.yaml": ("2026.11.1", NEXT),
             "programmes/qinghai_2013.yaml": ('unemployment_insurance_years, op: ">=", value: 1}',
                                              'unemployment_insurance_years, op: ">=", value: 2}\n'
                                              "        figure_not_in_excerpt: 测试：模拟下一年度的新门槛")}
    for name, (old, new) in edits.items():
        path = source / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    industry = source / "programmes" / "qinghai_2013_industry.yaml"
    text = industry.read_text(encoding="utf-8")
    start = text.index(f"  - id: {REMOVED}")
    end = text.find("\n  - id: ", start + 1)
    industry.write_text(text[:start] + (text[end + 1:] if end > 0 else ""), encoding="utf-8")
    files = collect_files(source, TEXTS, check_source(source))
    return write_pack(tmp_path / "wide.zip", files, key, NEXT, **manifest)


def test_change_rows_wrap_instead_of_eliding(qtbot: QtBot, opened: OpenedStore, key: PrivateKey,
                                            tmp_path: Path) -> None:
    dialog = RulePackDialog(opened.store.data_dir, opened.store.list_applications)
    qtbot.addWidget(dialog)
    dialog.resize(780, 600)  # about what 1366×768 at 150 % leaves
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)  # a user's larger text, as seen at 125 %
    dialog.setFont(font)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.load(wide_changes_pack(tmp_path, key))
    texts = [" ".join(r) for r in rows(dialog)]
    assert any(f"[{REMOVED}]" in t for t in texts)
    assert any("参加失业保险并缴费年限（年） ≥" in t for t in texts)
    view = dialog.changes
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)  # as drawn
    items = QTreeWidgetItemIterator(view)
    checked = 0
    while item := items.value():
        for column in range(4):
            text = item.text(column)
            if not text:
                continue
            cell = view.visualRect(view.indexFromItem(item, column))
            if item.isFirstColumnSpanned():
                cell.setRight(view.viewport().width())
            needed = metrics.boundingRect(QRect(0, 0, cell.width() - margin, 100_000),
                                          Qt.TextFlag.TextWordWrap, text).height()
            # Tall enough for all its wrapped lines: nothing is cut off with "…".
            assert cell.height() >= needed, (text, cell.height(), needed)
            checked += 1
        items += 1
    assert checked > 10


def test_the_dialog_lists_the_changelog_one_entry_a_line_and_names_both_spans(
        qtbot: QtBot, opened: OpenedStore, key: PrivateKey, tmp_path: Path) -> None:
    start = dt.date.today() + dt.timedelta(days=30)
    pack = wide_changes_pack(tmp_path, key, changelog=["贷款期改为12个月以上。", "移除一个项目。"],
                             valid_from=start, valid_until=start + dt.timedelta(days=700))
    dialog = RulePackDialog(opened.store.data_dir, opened.store.list_applications)
    qtbot.addWidget(dialog)
    dialog.load(pack)
    staged = dialog.message.text()
    assert "\n  · 贷款期改为12个月以上。\n  · 移除一个项目。\n" in staged
    assert f"规则包自 {start.isoformat()} 起生效" in staged
    qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    done = dialog.message.text()
    assert f"此规则包自 {start.isoformat()} 起生效" in done
    # The wide-changes pack removes one programme from the built-in pack.
    remaining = len(bundled_pack().programmes) - 1
    assert f"所含政策的施行期 2011-12-01 至 2020-12-31，0/{remaining} 项政策当前有效" in done
    assert "\n  · 贷款期改为12个月以上。\n  · 移除一个项目。" in done


def test_an_untrusted_key_names_the_command_on_a_line_of_its_own(
        qtbot: QtBot, opened: OpenedStore, tmp_path: Path) -> None:
    stranger = PrivateKey.generate()
    dialog = RulePackDialog(opened.store.data_dir, opened.store.list_applications)
    qtbot.addWidget(dialog)
    dialog.load(write_pack(tmp_path / "p.zip", with_version(shipped_files(), NEXT), stranger, NEXT))
    lines = dialog.message.text().splitlines()
    assert "    huiqi-shenbao-cli rules trust 公钥文件.pub" in lines
    assert "命令行窗口" in dialog.message.text()


def test_the_status_line_names_the_pack_validity_apart_from_the_policies(
        opened: OpenedStore, key: PrivateKey, tmp_path: Path) -> None:
    data = opened.store.data_dir
    _pack, builtin = load_pack_with_status(dt.date(2026, 11, 30), data_dir=data)
    assert builtin.startswith(
        "规则包 huiqi-builtin 版本 2026.11.1；所含政策的施行期 2011-12-01 至 2020-12-31")
    pack = write_pack(tmp_path / "p.zip", with_version(shipped_files(), NEXT), key, NEXT,
                      valid_from=dt.date(2027, 1, 1), valid_until=dt.date(2028, 12, 31))
    import_pack(data, pack)
    _pack, before = load_pack_with_status(dt.date(2026, 12, 1), data_dir=data)
    assert before.startswith(
        f"规则包 huiqi-builtin 版本 {NEXT}（规则包自 2027-01-01 起生效，有效期至 2028-12-31）；"
        f"所含政策的施行期 2011-12-01 至 2020-12-31，0/{len(bundled_pack().programmes)} 项政策当前有效")
    assert "所含政策均已过期" in before
    _pack, during = load_pack_with_status(dt.date(2027, 6, 1), data_dir=data)
    assert f"版本 {NEXT}（规则包有效期 2027-01-01 至 2028-12-31）；所含政策的施行期" in during


def test_a_draft_keeps_its_pack_until_the_user_reassesses(qtbot: QtBot, opened: OpenedStore,
                                                         key: PrivateKey, tmp_path: Path) -> None:
    """Started on the built-in pack, a draft opens on it after an install; 我的申报's button moves it."""
    from desktop.applications.stored import create_draft

    store = opened.store
    builtin = bundled_pack().identity
    profile_id = store.create_profile({"name": "西宁示例机械有限公司", "region_code": "630102"})
    app_id = create_draft(store, profile_id, "loan_interest", programme_id="qh-2011-sme-loan-interest",
                          title="贴息", rulepack_id=builtin.id, rulepack_version=builtin.version)
    pack = write_pack(tmp_path / "p.zip", with_version(shipped_files(), NEXT), key, NEXT)
    import_pack(store.data_dir, pack)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    store.set_setting(ROLE_SETTING, "enterprise")
    shell = Shell(app, opened)
    try:
        shell.start("zh_CN", ask_first_run=False)
        window = shell.window
        assert window is not None
        window.profile_switcher.setCurrentIndex(window.profile_switcher.findData(profile_id))
        page = window.applications
        page.select(app_id)
        assert page.reassess_button.isEnabled() and builtin.version in page.reassess_button.toolTip()
        # Opened before re-assessing, the wizard works on the pack the draft was started with.
        frame = window.wizards.open(app_id)
        assert frame is not None and frame.pack.identity.version == builtin.version
        assert "开始时的规则包" in window.statusBar().currentMessage()
        window.wizards.close_wizard()
        page.select(app_id)
        qtbot.mouseClick(page.reassess_button, Qt.MouseButton.LeftButton)
        assert store.application(app_id).rulepack_version == NEXT
        page.select(app_id)
        assert not page.reassess_button.isEnabled()
        frame = window.wizards.open(app_id)
        assert frame is not None and frame.pack.identity.version == NEXT
    finally:
        shell.close()
