"""Moving a profile or an application between PCs as schema-versioned JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.store import attachments, transfer
from desktop.store.records import RecordRef
from desktop.store.startup import open_store
from desktop.store.store import Store
from tests.store.conftest import VALID_USCC, make_tech_upgrade


def _other_pc(tmp_path: Path) -> Path:
    return tmp_path / "other-pc"


def test_application_round_trip_to_another_pc(store: Store, tmp_path: Path) -> None:
    _profile_id, app_id, project = make_tech_upgrade(store)
    scan = tmp_path / "营业执照.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned licence")
    attachments.add_attachment(store, app_id, scan, material="企业营业执照副本")
    out = tmp_path / "app.json"
    transfer.write_transfer(transfer.export_application(store, app_id), out)

    other = open_store(_other_pc(tmp_path))
    try:
        plan = transfer.plan_import(other.store, transfer.read_transfer(out))
        assert not plan.needs_confirmation
        result = transfer.apply_import(other.store, plan)
        assert result.created_profile
        new_app = result.application_ids[0]
        assert other.store.answers(RecordRef("profile", result.profile_id))["uscc"] == VALID_USCC
        assert other.store.answers(other.store.single_part(new_app)) == store.answers(project)
        lines = [other.store.answers(r)["name"] for r in other.store.lines(new_app, "equipment")]
        assert lines == ["矿热炉变压器", "余热锅炉"]
        (att,) = attachments.list_attachments(other.store, new_app)
        assert att.original_name == "营业执照.pdf" and att.material == "企业营业执照副本"
        assert attachments.read_attachment(other.store, att) == b"%PDF-1.4 scanned licence"
        assert other.store.application(new_app).uid == store.application(app_id).uid
    finally:
        other.close()


def test_same_enterprise_is_merged_only_after_confirmation(store: Store, tmp_path: Path) -> None:
    make_tech_upgrade(store)
    document = transfer.export_profile(store, store.list_profiles()[0].id)
    document["profile"]["uid"] = "another-uid-from-another-pc"
    document["profile"]["answers"]["employees"] = "300"
    document["applications"] = []
    parsed = transfer.parse_transfer(document)
    # A second PC already has the same enterprise under its own profile, with older figures.
    plan = transfer.plan_import(store, parsed)
    assert plan.needs_confirmation and plan.matched_by == "统一社会信用代码"
    assert [(c.field, c.current, c.incoming) for c in plan.changes] == [("employees", "260", "300")]
    with pytest.raises(transfer.NeedsConfirmationError, match="260 → 300"):
        transfer.apply_import(store, plan)
    assert len(store.list_profiles()) == 1
    assert store.answers(RecordRef("profile", plan.match_profile_id or 0))["employees"] == "260"
    result = transfer.apply_import(store, plan, confirmed=True)
    assert not result.created_profile and len(store.list_profiles()) == 1
    assert store.answers(RecordRef("profile", result.profile_id))["employees"] == "300"
    assert store.audit_trail("profile", result.profile_id)[-1].new_value == "300"


def test_reimporting_an_application_replaces_it_after_confirmation(store: Store) -> None:
    _, app_id, _ = make_tech_upgrade(store)
    document = transfer.export_application(store, app_id)
    plan = transfer.plan_import(store, transfer.parse_transfer(document))
    assert plan.replaced_applications == ["矿热炉节能改造"]
    transfer.apply_import(store, plan, confirmed=True)
    assert len(store.list_applications()) == 1


@pytest.mark.parametrize(("change", "message"), [
    ({"schema_version": 2}, "更新版本"),
    ({"schema_version": "1"}, "无法识别"),
    ({"format": "something-else"}, "不是惠企申报助手导出的资料文件"),
    ({"scope": "everything"}, "内容有误"),
])
def test_newer_or_unknown_files_are_refused(store: Store, change: dict[str, object], message: str) -> None:
    document = transfer.export_profile(store, store.create_profile({"name": "甲"}))
    document.update(change)
    with pytest.raises(transfer.TransferError, match=message):
        transfer.parse_transfer(document)


def test_tampered_attachment_is_refused_before_anything_is_written(store: Store, tmp_path: Path) -> None:
    _, app_id, _ = make_tech_upgrade(store)
    attachments.add_attachment_bytes(store, app_id, b"original", "合同.pdf")
    document = transfer.export_application(store, app_id)
    document["applications"][0]["attachments"][0]["content_base64"] = "dGFtcGVyZWQ="  # "tampered"
    document["profile"]["answers"]["uscc"] = "91110000802100433B"
    other = open_store(_other_pc(tmp_path))
    try:
        plan = transfer.plan_import(other.store, transfer.parse_transfer(document))
        with pytest.raises(transfer.TransferError, match="校验值不符"):
            transfer.apply_import(other.store, plan)
        assert other.store.list_profiles() == []
    finally:
        other.close()


def test_cli_export_and_import(private_data_dir: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    opened = open_store(private_data_dir)
    make_tech_upgrade(opened.store)
    opened.close()
    out = tmp_path / "profile.json"
    assert main(["export", "--profile", VALID_USCC, "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["scope"] == "profile"
    # Importing into the same data folder finds the same enterprise and asks first.
    assert main(["import", str(out)]) == 1
    captured = capsys.readouterr()
    assert "将合并" in captured.out and "--yes" in captured.err
    assert main(["import", str(out), "--yes"]) == 0
    assert "合并到企业资料" in capsys.readouterr().out
    assert main(["profiles"]) == 0
    listing = capsys.readouterr().out
    assert listing.count("青海示例铁合金有限公司") == 1 and "申报 1 份" in listing
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "huiqi-shenbao/transfer", "schema_version": 9}), encoding="utf-8")
    assert main(["import", str(newer)]) == 1
    assert "请先升级程序" in capsys.readouterr().err
