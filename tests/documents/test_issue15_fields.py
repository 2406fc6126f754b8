"""Issue 15's fields in the core and on the papers: a tech upgrade's support form and 贴息 loan
contracts (signing dates checked against 附件3 四（二）5), a loan's interest paid, and an R&D
institution's recognising authority.  Old files without them draft as before."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from desktop.applications.answers import StoredDraft, answers_of, read_draft
from desktop.applications.io import facts_of, read_application
from desktop.applications.model import ApplicationFile
from desktop.applications.review import review, tech_loan_review
from desktop.documents.loan_interest import PAID_HEADER, SCHEDULE_HEADERS
from desktop.facts.model import Loan
from desktop.rules.database import bundled_pack
from desktop.rules.engine import assess
from desktop.rules.predicates import Outcome
from desktop.rules.results import Status
from tests.conftest import ROOT
from tests.documents.helpers import EXAMPLES, cell_texts, draft_example, sheet_of, squashed_pdf_text

POLICY = (ROOT / "resources" / "policies" / "001_41750fd7ee36e10e.txt").read_text(encoding="utf-8")
TECH = "application_tech_upgrade.json"
TECH_CREATED = dt.datetime(2012, 3, 1, 9, 0)
LOANS = [
    Loan(bank="中国建设银行西宁城东支行", contract_no="JH-2011-088", kind="fixed_asset",
         principal=Decimal("10000000"), signed_on=dt.date(2011, 5, 20), start_on=dt.date(2011, 6, 1),
         end_on=dt.date(2014, 5, 31), annual_rate=Decimal("0.0665")),
    Loan(bank="青海银行", contract_no="QH-2008-17", kind="fixed_asset", principal=Decimal("5000000"),
         signed_on=dt.date(2008, 11, 3)),
]


def _tech(**financing: Any) -> ApplicationFile:
    app = read_application(EXAMPLES / TECH)
    assert app.financing is not None
    return app.model_copy(update={"loans": LOANS,
                                  "financing": app.financing.model_copy(update=financing)})


def test_the_text_that_the_loan_check_cites_is_verbatim() -> None:
    words = ("申请贴息的项目须出具2009年以后与金融机构签订的固定资产投资贷款合同"
             "或省级及以上银行出具的贷款承诺函")
    assert words in POLICY


def test_contracts_are_checked_one_by_one_and_never_decide_the_programme() -> None:
    app = _tech(support_form="interest_subsidy")
    result = assess(bundled_pack(), facts_of(app), app.prepared_on).result(app.programme_id)
    assert result.status is Status.ELIGIBLE  # a contract signed in 2008 does not sink the project
    own = {c.id: c.outcome for c in result.conditions if c.id.startswith("loans[")}
    assert own["loans[0].signed_since_2009"] is Outcome.PASS and own["loans[0].fixed_asset"] is Outcome.PASS
    assert own["loans[1].signed_since_2009"] is Outcome.FAIL
    assert not any(c.id == "items" for c in result.conditions)  # no "at least one loan" for a grant
    # Without any loan (a grant, or a 贷款承诺函) the programme is decided as before.
    plain = read_application(EXAMPLES / TECH)
    again = assess(bundled_pack(), facts_of(plain), plain.prepared_on).result(plain.programme_id)
    assert again.status is Status.ELIGIBLE and not any(c.id.startswith("loans") for c in again.conditions)


def test_basic_info_lists_the_support_form_and_each_contract_with_its_finding() -> None:
    documents = draft_example(TECH, TECH_CREATED, _tech(support_form="interest_subsidy"))
    cells = cell_texts(sheet_of(documents["02_项目基本情况表.xlsx"]))
    assert "申请支持方式" in cells and "贴息" in cells
    assert "申请贴息的贷款合同" in cells and "JH-2011-088" in cells and "2011年5月20日" in cells
    assert "QH-2008-17" in cells and "2008年11月3日" in cells
    finding = next(c for c in cells if str(c).startswith("第2笔不符合"))
    assert "2008-11-03" in finding
    assert "附件3 四（二）5：“申请贴息的项目须出具2009年以后与金融机构签订" in finding
    report = squashed_pdf_text(documents["01_项目申请报告书.pdf"])
    assert "申请支持方式：贴息。" in report and "申请贴息的固定资产投资贷款合同2笔" in report
    assert "其中第2笔不符合原文要求" in report  # the 2008 contract is not silently counted
    # 材料清单 item 5 applies to a project whose support form is 贴息.
    listing = cell_texts(sheet_of(documents["05_申报材料清单.xlsx"]))
    row = listing.index(next(c for c in listing if str(c).startswith("申请贴息的项目")))
    assert listing[row + 1] != "不适用"


def test_a_grant_prints_no_contracts_and_marks_the_interest_item_not_applicable() -> None:
    documents = draft_example(TECH, TECH_CREATED, _tech(support_form="grant"))
    cells = cell_texts(sheet_of(documents["02_项目基本情况表.xlsx"]))
    assert "补助" in cells and "申请贴息的贷款合同" not in cells and "JH-2011-088" not in cells
    listing = cell_texts(sheet_of(documents["05_申报材料清单.xlsx"]))
    row = listing.index(next(c for c in listing if str(c).startswith("申请贴息的项目")))
    assert listing[row + 1] == "不适用"


def test_an_old_file_leaves_the_support_form_blank_to_fill_by_hand() -> None:
    app = read_application(EXAMPLES / TECH)
    assert app.financing is not None and app.financing.support_form == "grant"  # the example's
    old = app.model_copy(update={"financing": app.financing.model_copy(update={"support_form": None})})
    sheet = sheet_of(draft_example(TECH, TECH_CREATED, old)["02_项目基本情况表.xlsx"])
    label = next(c for row in sheet.iter_rows() for c in row if c.value == "申请支持方式")
    assert sheet.cell(label.row, 2).value in (None, "")


def _stored(app: ApplicationFile) -> StoredDraft:
    profile, main, equipment, loans = answers_of(app)
    return StoredDraft(app.kind, app.programme_id, profile, main, equipment, loans)


def test_review_blocks_a_contract_without_its_signing_date_and_warns_of_a_failing_one() -> None:
    pack = bundled_pack()
    app = _tech(support_form="interest_subsidy")
    undated = app.model_copy(update={"loans": [LOANS[0].model_copy(update={"signed_on": None}), LOANS[1]]})
    state = read_draft(_stored(undated))
    current = review(state, pack, app.programme_id)
    assert "贷款第 1 行：未填写签订日期（申请贴息须核对合同签订日期）" in current.blocking
    assert any(w.startswith("贷款第 2 行不符合") for w in current.warnings)
    # The same contracts under a grant: nothing blocks, one reminder that they are not printed.
    grant = read_draft(_stored(_tech(support_form="grant")))
    blocking, warnings = tech_loan_review(grant, review(grant, pack, app.programme_id).result)
    assert blocking == [] and warnings == ["已填写贷款合同，但申请支持方式不是贴息：贷款合同不列入申报材料。"]


def test_new_answers_round_trip_through_the_store_format() -> None:
    app = _tech(support_form="award")
    state = read_draft(_stored(app))
    assert state.application is not None and not state.errors
    assert state.application.financing is not None and state.application.financing.support_form == "award"
    assert state.application.loans == LOANS


# -- 流动资金贷款贴息: 已付利息 ------------------------------------------------------------------

LOAN_EXAMPLE = "application_loan_interest.json"
LOAN_CREATED = dt.datetime(2011, 12, 10, 9, 0)


def test_interest_paid_is_shown_in_the_schedule_but_is_not_the_subsidy_basis() -> None:
    app = read_application(EXAMPLES / LOAN_EXAMPLE)
    paid = [app.loans[0].model_copy(update={"interest_paid": Decimal("150000")}),
            app.loans[1].model_copy(update={"interest_paid": Decimal("12345.67")})]
    before = draft_example(LOAN_EXAMPLE, LOAN_CREATED)
    documents = draft_example(LOAN_EXAMPLE, LOAN_CREATED, app.model_copy(update={"loans": paid}))
    sheet = sheet_of(documents["02_流动资金贷款明细表.xlsx"])
    assert sheet["K3"].value == PAID_HEADER and sheet["L3"].value == "是否符合"
    assert sheet["K4"].value == pytest.approx(15) and sheet["K5"].value == pytest.approx(12345.67)
    assert sheet["K6"].value == pytest.approx(15)  # the total: the loan claimed
    # The interest and the totals are the contract-period ones, whatever was paid.
    assert sheet["J4"].value == pytest.approx(333466.67) and sheet["J6"].value == pytest.approx(333466.67)
    assert sheet["L4"].value == "符合" and sheet["L5"].value == "不符合"
    old = sheet_of(before["02_流动资金贷款明细表.xlsx"])
    assert tuple(c.value for c in old[3]) == SCHEDULE_HEADERS  # no column when nothing was paid


# -- 研发机构: 认定单位 ----------------------------------------------------------------------------

def test_recognising_authority_is_printed_beside_the_document_number() -> None:
    name = "application_rd_institution.json"
    app = read_application(EXAMPLES / name)
    assert app.institution is not None
    with_authority = app.model_copy(update={"institution": app.institution.model_copy(
        update={"authority": "国家发展和改革委员会"})})
    documents = draft_example(name, dt.datetime(2018, 6, 1, 9, 0), with_authority)
    form = next(k for k in documents if k.endswith(".xlsx") and "材料清单" not in k)
    cells = cell_texts(sheet_of(documents[form]))
    at = cells.index("认定单位")
    assert cells[at - 2] == "认定文件文号" and cells[at + 1] == "国家发展和改革委员会"
    pdf = next(k for k in documents if k.endswith(".pdf") and "申请表" in k)
    assert "认定单位国家发展和改革委员会" in squashed_pdf_text(documents[pdf])


def test_interest_subsidy_without_contracts_is_a_warning_quoting_the_programmes_own_text() -> None:
    pack = bundled_pack()
    app = _tech(support_form="interest_subsidy").model_copy(update={"loans": []})
    current = review(read_draft(_stored(app)), pack, app.programme_id)
    warning = next(w for w in current.warnings if w.startswith("申请贴息，但没有填写贷款合同"))
    assert "附件3 四（二）5原文为“申请贴息的项目须出具2009年以后与金融机构签订的固定资产投资贷款合同" \
        in warning
    assert not any("贷款" in b for b in current.blocking)  # a 贷款承诺函 may stand in for a contract
    # A programme whose text sets nothing for the contracts quotes nothing.
    other = app.model_copy(update={"programme_id": "qh-2016-tech-upgrade"})
    quiet = review(read_draft(_stored(other)), pack, other.programme_id, on=dt.date(2017, 3, 1))
    assert any(w.startswith("申请贴息，但没有填写贷款合同；没有贷款合同的") for w in quiet.warnings)
