"""The desk on SQLite and PostgreSQL: receiving, proof details, review, audit, two officials."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm.exc import StaleDataError

from desktop.applications.io import facts_of, parse_application
from desktop.bundle.build import bundle_bytes
from desktop.documents.drafting import draft
from desktop.intake.desk import ConflictError, Desk, DeskError
from desktop.intake.models import Received
from desktop.intake.receive import receive
from desktop.rules.database import bundled_pack, load_any
from desktop.rules.engine import assess
from desktop.rules.pack import RulePack
from tests.conftest import ROOT
from tests.intake.bundles import CREATED, example, honest, members, rehash, rezip, write


def _receive(desk: Desk, paths: list[Path], pack: RulePack | None = None) -> list[int]:
    outcomes = receive(desk, paths, pack or bundled_pack(), who="王科长", workers=1)
    assert all(o.accepted for o in outcomes), [o.problems for o in outcomes]
    return [o.id for o in outcomes if o.id is not None]


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    return [write(tmp_path / f"{kind}.zip", honest(kind))
            for kind in ("tech_upgrade", "loan_interest", "rd_institution")]


def county_pack(tmp_path: Path) -> RulePack:
    """The built-in pack as a county might hold it: the national R&D award cut to 300 万元."""
    source = tmp_path / "county-pack"
    shutil.copytree(ROOT / "resources" / "rules" / "source", source)
    programmes = source / "programmes" / "shijiazhuang_2017.yaml"
    text = programmes.read_text(encoding="utf-8")
    # A county's own figure is not in the province's excerpt: marked as the rule check asks.
    county = "fixed: 300万元\n        figure_not_in_excerpt: 县级规则包测试用的自定金额"
    programmes.write_text(text.replace("fixed: 500万元", county, 1), encoding="utf-8")
    pack_yaml = source / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace("version: 2026.11.1",
                                                                       "version: 2026.12.1"),
                         encoding="utf-8")
    return load_any(source)


def test_honest_bundles_are_received_proven_and_batch_reassessed(desk: Desk, three: list[Path]) -> None:
    ids = _receive(desk, three)
    assert len(ids) == 3
    rows = {row.kind: row for row in desk.rows()}
    rd = rows["rd_institution"]
    assert rd.status == "received" and rd.received_by == "王科长" and rd.uscc == "91130100MA07L2T95N"
    assert rd.desk_status == "eligible" and rd.desk_yuan == "5000000.00"
    # The triage path agrees with the full engine on every received application.
    for row in rows.values():
        application = parse_application(json.loads(row.application_json))
        result = assess(bundled_pack(), facts_of(application), row.assessed_on).result(row.programme_id)
        assert row.desk_status == result.status.value
        assert row.desk_yuan == (None if result.amount.yuan is None else f"{result.amount.yuan:.2f}")
    documents = rows["tech_upgrade"].proof["documents"]
    assert documents and all(d["verdict"] == "identical" for d in documents)
    checklist = {c["material"]: c["status"] for c in rows["tech_upgrade"].proof["checklist"]}
    assert checklist["项目的核准或备案文件"] == "provided"
    assert "missing" in checklist.values()
    assert [a.action for a in desk.audit()] == ["receive"] * 3


def test_the_same_bundle_twice_is_kept_once(desk: Desk, three: list[Path]) -> None:
    _receive(desk, three[:1])
    [again] = receive(desk, three[:1], bundled_pack(), who="李四", workers=1)
    assert again.accepted and again.again and len(desk.rows()) == 1


def test_the_same_bundle_twice_in_one_delivery_is_kept_once(desk: Desk, three: list[Path],
                                                             tmp_path: Path) -> None:
    """Both copies are proven in the same batch and stored by one multi-row INSERT."""
    copy = tmp_path / "copy-of-first.zip"
    copy.write_bytes(three[0].read_bytes())
    first, second = receive(desk, [three[0], copy], bundled_pack(), who="李四", workers=1)
    assert first.accepted and not first.again and second.accepted and second.again
    assert first.id == second.id and len(desk.rows()) == 1
    assert [(a.application_id, a.who) for a in desk.audit()] == [(first.id, "李四")]


def test_review_workflow_needs_reasons_and_logs_who_and_when(desk: Desk, three: list[Path]) -> None:
    [app_id] = _receive(desk, three[2:])
    desk.review(app_id, "reviewing", who="王科长")
    with pytest.raises(DeskError, match="须填写理由"):
        desk.review(app_id, "refused", who="王科长", reason="  ")
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=5)
    row = desk.review(app_id, "returned", who="赵主任", reason="缺研发机构认定文件")
    assert row.status == "returned" and row.reason == "缺研发机构认定文件"
    log = desk.audit(app_id)
    assert [(e.who, e.from_status, e.to_status) for e in log] == [
        ("王科长", None, "received"), ("王科长", "received", "reviewing"),
        ("赵主任", "reviewing", "returned")]
    assert log[-1].detail == "缺研发机构认定文件" and log[-1].at >= before
    # A decision taken is changed only by reopening it first.
    with pytest.raises(DeskError, match=r"不能直接改为“通过”（可改为：审核中）"):
        desk.review(app_id, "approved", who="赵主任")


def test_a_decision_on_a_received_application_passes_through_review(desk: Desk,
                                                                    three: list[Path]) -> None:
    """One action per decision: 已收到 → 不予支持 logs 审核中 then 不予支持, by the same official."""
    [app_id] = _receive(desk, three[2:])
    with pytest.raises(DeskError, match="须填写理由"):
        desk.review(app_id, "refused", who="王科长")
    assert desk.get(app_id).status == "received"
    row = desk.review(app_id, "refused", who="王科长", reason="不符合条件",
                      expected_version=desk.get(app_id).version)
    assert row.status == "refused" and row.reason == "不符合条件"
    assert [(e.who, e.from_status, e.to_status, e.detail) for e in desk.audit(app_id)][1:] == [
        ("王科长", "received", "reviewing", "随“不予支持”自动进入审核"),
        ("王科长", "reviewing", "refused", "不符合条件")]


def test_two_officials_never_lose_each_others_review(desk: Desk, three: list[Path]) -> None:
    [app_id] = _receive(desk, three[2:])
    desk.review(app_id, "reviewing", who="王科长")
    # Two sessions read the same row, as two officials' screens would.
    first, second = desk.sessions(), desk.sessions()
    mine, theirs = first.get(Received, app_id), second.get(Received, app_id)
    assert mine is not None and theirs is not None and mine.version == theirs.version
    mine.status, mine.reason = "approved", None
    first.commit()
    theirs.status, theirs.reason = "refused", "不符合条件"
    with pytest.raises(StaleDataError):
        second.commit()
    second.rollback()
    first.close()
    second.close()
    assert desk.get(app_id).status == "approved"
    # Through the desk's own API: the version the official was shown is checked.
    shown = desk.get(app_id).version
    desk.review(app_id, "reviewing", who="王科长", expected_version=shown)
    with pytest.raises(ConflictError, match=r"已被他人修改.*王科长"):
        desk.review(app_id, "refused", who="赵主任", reason="重复申报", expected_version=shown)
    assert desk.get(app_id).status == "reviewing"
    assert [e.to_status for e in desk.audit(app_id)][-1] == "reviewing"


def test_reassessment_with_another_pack_shows_the_difference(desk: Desk, three: list[Path],
                                                            tmp_path: Path) -> None:
    pack = county_pack(tmp_path)
    [app_id] = _receive(desk, three[2:], pack)
    row = desk.get(app_id)
    assert row.proof["claimed"] == "可以申报，500.00 万元"
    assert row.proof["desk"] == "可以申报，300.00 万元"
    assert row.desk_yuan == "3000000.00"
    flags = desk.flags(pack)[app_id]
    assert any("复核结果不同" in f and "300.00" in f for f in flags)
    # Another pack: the papers cannot be proven byte for byte, and no false alarm is raised
    # (the bundle was accepted); the award form prints the enterprise's 500 万元, which the
    # county's rules would not, and says so for the reviewer.
    verdicts = {d["name"]: d["verdict"] for d in row.proof["documents"]}
    assert verdicts["01_研发机构奖励申请表.xlsx"] == verdicts["01_研发机构奖励申请表.pdf"] == "differs"
    assert verdicts["02_申报材料真实性承诺书.pdf"] == "unproven"


def test_another_builder_version_compares_what_is_printed(desk: Desk, tmp_path: Path) -> None:
    def older(manifest: dict[str, object]) -> dict[str, object]:
        return {**manifest, "builder_version": "0"}

    files = members(honest("rd_institution"))
    files["manifest.json"] = json.dumps(older(json.loads(files["manifest.json"]))).encode()
    [app_id] = _receive(desk, [write(tmp_path / "old.zip", rezip(rehash(files)))])
    documents = {d["name"]: d for d in desk.get(app_id).proof["documents"]}
    workbook = documents["01_研发机构奖励申请表.xlsx"]
    assert workbook["verdict"] == "unproven" and "每个数字和名称都与重新生成的一致" in workbook["detail"]
    assert "版本 0" in workbook["detail"]
    pdf = documents["01_研发机构奖励申请表.pdf"]
    assert pdf["verdict"] == "unproven" and "PDF中印出的每个数字和名称都与重新生成的一致" in pdf["detail"]
    # A figure changed in a workbook of that older version is still named.
    name = "documents/01_研发机构奖励申请表.xlsx"
    book = load_workbook(io.BytesIO(files[name]))
    sheet = book.worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == 500)
    cell.value = 900
    out = io.BytesIO()
    book.save(out)
    files[name] = out.getvalue()
    tampered = write(tmp_path / "old-tampered.zip", rezip(rehash(files)))
    [outcome] = receive(desk, [tampered], bundled_pack(), who="王科长", workers=1)
    assert not outcome.accepted
    assert any("印出的数字或名称与按申报内容重新生成的不同" in p for p in outcome.problems)


def test_duplicates_and_double_claims_are_flagged(desk: Desk, three: list[Path], tmp_path: Path) -> None:
    loan = example("loan_interest")
    resent = write(tmp_path / "loan-again.zip",
                   bundle_bytes(draft(loan, bundled_pack(), CREATED + dt.timedelta(days=1)), {}))
    tech = example("tech_upgrade")
    attachment = (ROOT / "examples" / "attachments" / "备案通知书.pdf").read_bytes()
    ids = _receive(desk, [*three, resent])
    other_tech = tech.model_copy(deep=True)
    other_tech.enterprise.name = "另一家硅业公司"
    assert other_tech.project is not None
    other_tech.project.name = "另一个项目"
    other_tech.equipment = [line.model_copy(update={"model": f"X-{i}"}) for i, line in
                            enumerate(other_tech.equipment)]
    copied = write(tmp_path / "tech-copy.zip", bundle_bytes(
        draft(other_tech, bundled_pack(), CREATED), {"备案通知书.pdf": attachment}))
    ids += _receive(desk, [copied])
    flags = desk.flags(bundled_pack())
    loan_id, resent_id, tech_id, copy_id = ids[1], ids[3], ids[0], ids[4]
    assert any("同一企业重复申报同一政策项目" in f and f"#{resent_id}" in f for f in flags[loan_id])
    assert any("同一笔贷款合同" in f for f in flags[resent_id])
    assert any("同一份附件" in f and f"#{copy_id}" in f for f in flags[tech_id])
    assert ids[2] not in flags  # the R&D application clashes with nothing
    # A returned application no longer counts as a live second claim on the programme.
    desk.review(loan_id, "reviewing", who="王科长")
    desk.review(loan_id, "returned", who="王科长", reason="补正后重报")
    assert not any("重复申报" in f for f in desk.flags(bundled_pack()).get(resent_id, []))


def test_a_settled_double_claim_is_named_as_settled(desk: Desk, three: list[Path],
                                                    tmp_path: Path) -> None:
    """The clerk's case: the loan sent twice, one approved and the other refused."""
    from desktop.intake.duplicates import is_settled, warnings

    loan = example("loan_interest")
    resent = write(tmp_path / "loan-again.zip",
                   bundle_bytes(draft(loan, bundled_pack(), CREATED + dt.timedelta(days=1)), {}))
    loan_id, resent_id = _receive(desk, [three[1], resent])
    before = desk.flags(bundled_pack())
    assert warnings(before[resent_id]) and warnings(before[loan_id])
    # Programmes are named by their title, never by the pack's internal id.
    assert not any(loan.programme_id in f for f in before[loan_id]), before[loan_id]
    desk.review(loan_id, "refused", who="王科长", reason="重复申报")
    desk.review(resent_id, "approved", who="王科长")
    after = desk.flags(bundled_pack())
    assert warnings(after.get(resent_id, [])) == [], after[resent_id]
    settled = [f for f in after[resent_id] if is_settled(f)]
    assert any("同一笔贷款合同" in f and f"#{loan_id} 已不予支持" in f for f in settled), settled


def test_rejections_are_kept_with_every_reason(desk_url: str, tmp_path: Path) -> None:
    desk = Desk(desk_url)
    desk.record_rejections([(tmp_path / "a.zip", ["第一个问题", "第二个问题"]),
                            (tmp_path / "b.zip", ["只有一个"])], who="王科长")
    desk.close()
    reopened = Desk(desk_url)  # a restart
    try:
        kept = reopened.rejections()
        assert [(r.file_name, r.reasons, r.who) for r in kept] == [
            ("b.zip", ["只有一个"], "王科长"), ("a.zip", ["第一个问题", "第二个问题"], "王科长")]
    finally:
        reopened.close()


def test_missing_materials_are_named(desk: Desk, three: list[Path]) -> None:
    from desktop.intake.desk import missing_materials

    ids = _receive(desk, three)
    missing = {app_id: missing_materials(desk.get(app_id)) for app_id in ids}
    assert any(missing.values()), missing
    row = desk.get(next(i for i, m in missing.items() if m))
    assert set(missing[row.id]) == {c["material"] for c in row.proof["checklist"] if c["status"] == "missing"}


def test_summary_totals_by_programme_and_region(desk: Desk, three: list[Path], tmp_path: Path) -> None:
    from desktop.intake.summary import write_summary

    ids = _receive(desk, three)
    desk.review(ids[2], "reviewing", who="王科长")
    desk.review(ids[2], "approved", who="王科长")
    out = write_summary(desk.rows(), desk.flags(bundled_pack()), tmp_path / "汇总表.xlsx",
                        desk_name="某县工信局", created=CREATED)
    book = load_workbook(out)
    sheet = book["汇总表"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    rd_line = next(v for v in values if v[0] and "研发机构" in v[0] and v[1])
    assert rd_line[2] == 1 and rd_line[3] == 1 and Decimal(str(rd_line[5])) == Decimal("500")
    grand = values[-1]
    assert grand[0] == "合计" and grand[2] == 3 and Decimal(str(grand[4])) == Decimal("500")
    results = book["审核结果"]
    statuses = [results.cell(r, 6).value for r in range(3, results.max_row + 1)]
    assert statuses.count("通过") == 1 and statuses.count("已收到") == 2


def test_a_database_from_a_newer_program_is_refused(desk_url: str) -> None:
    desk = Desk(desk_url)
    with desk.session() as session:
        from desktop.intake.models import DeskInfo

        info = session.get(DeskInfo, 1)
        assert info is not None
        info.schema_version = 99
    desk.close()
    with pytest.raises(DeskError, match="更新版本"):
        Desk(desk_url)


def test_summary_says_what_it_counts_and_leaves_authority_amounts_to_the_authority(
        desk: Desk, three: list[Path], tmp_path: Path) -> None:
    """The clerk's 汇总表: the returned 技改 was the only figure in 申请; 贴息 printed 0.00."""
    from desktop.intake.summary import write_summary

    tech_id, loan_id, _rd_id = _receive(desk, three)
    desk.review(tech_id, "returned", who="王科长", reason="补正")
    desk.review(loan_id, "approved", who="王科长")
    out = write_summary(desk.rows(), desk.flags(bundled_pack()), tmp_path / "汇总表.xlsx",
                        desk_name="某县工信局", created=CREATED)
    book = load_workbook(out)
    sheet = book["汇总表"]
    assert "退回补正、不予支持的不计入" in str(sheet["A2"].value)
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert not any(v[0] and "技术改造" in v[0] for v in values)  # returned: not in the totals
    loan_line = next(v for v in values if v[0] and "贴息" in v[0] and v[1])
    assert loan_line[3] == 1 and loan_line[4] == "未填" and loan_line[5] == "由主管部门确定"
    grand = values[-1]
    assert grand[0] == "合计" and grand[2] == 2
    assert "1 件测算金额由主管部门确定" in str(grand[6])
    results = book["审核结果"]
    loan_row = next(r for r in range(3, results.max_row + 1) if results.cell(r, 1).value == loan_id)
    assert results.cell(loan_row, 8).value == "由主管部门确定"
