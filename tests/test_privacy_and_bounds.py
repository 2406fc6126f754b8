"""Issue 14, problems 6 and 9: bounded facts say the same thing everywhere; logs hold no
personal data."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from pydantic import ValidationError

from desktop.cli.main import main
from desktop.facts.answers import parse_answers
from desktop.facts.model import Enterprise, Loan
from desktop.logging_setup import configure_logging
from desktop.store.records import RecordRef
from desktop.store.schema import ProfileAnswer
from desktop.store.startup import open_store


def _assess(tmp_path: Path, enterprise: dict[str, object], capsys: pytest.CaptureFixture[str],
            **top: object) -> tuple[int, str]:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"enterprise": enterprise, **top}), encoding="utf-8")
    code = main(["assess", str(path), "--json"])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


@pytest.mark.usefixtures("private_data_dir")
def test_negative_provincial_rate_is_refused_not_turned_into_an_award(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Before: 首台套 at most 15万 became "可以申报 315.00 万元" with a rate of -3.
    code, text = _assess(tmp_path, {"first_set_premium": "1000000", "first_set_in_catalogue": True,
                                     "first_set_national_subsidy": True, "first_set_provincial_rate": -3},
                         capsys)
    assert code == 1 and "first_set_provincial_rate：不能为负数" in text and "315" not in text


@pytest.mark.usefixtures("private_data_dir")
@pytest.mark.parametrize(("enterprise", "top", "message"), [
    ({"employees": True}, {}, "enterprise.employees：应填写数字，不能是 true/false"),
    ({"revenue": "1e400"}, {}, "enterprise.revenue：应小于 1,000,000,000,000"),
    ({}, {"loans": [{"annual_rate": "-0.05"}]}, "loans[0].annual_rate：不能为负数"),
    ({"listed_on": "1900-01-01"}, {}, "enterprise.listed_on：日期应在 1949-10-01 至 2100-12-31 之间"),
])
def test_out_of_bounds_facts_have_one_named_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    enterprise: dict[str, object], top: dict[str, object],
                                                    message: str) -> None:
    code, text = _assess(tmp_path, enterprise, capsys, **top)
    assert code == 1 and message in text
    # The GUI's typed answers get the same words for the same field.
    field, _, words = message.partition("：")
    model = Loan if field.startswith("loans") else Enterprise
    value = str(enterprise.get(field.split(".")[-1], "-0.05"))
    if value != "True":
        assert parse_answers(model, {field.split(".")[-1]: value}).errors == {field.split(".")[-1]: words}


def test_a_bool_is_never_a_count_anywhere() -> None:
    with pytest.raises(ValidationError):
        Enterprise.model_validate({"employees": True})
    assert parse_answers(Enterprise, {"employees": "true"}).errors["employees"] == "应填写整数"


def test_log_holds_no_home_path_no_answer_values_no_sql_parameters(
        private_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(private_data_dir.parent))
    log_path = configure_logging(private_data_dir)
    secret = "张三的身份证 630104199001011234"
    opened = open_store(private_data_dir)
    log = logging.getLogger("desktop.test")
    try:
        log.info("data dir %s", private_data_dir)
        try:
            with opened.store.write() as session:
                session.add(ProfileAnswer(record_id=424242, field="name", value=secret))
        except Exception:
            log.exception("save failed")
        try:
            Enterprise.model_validate({"employees": secret})
        except ValidationError:
            log.exception("validation failed")
        opened.store.save_answer(RecordRef("profile", opened.store.create_profile()), "name", secret)
    finally:
        opened.close()
        for handler in logging.getLogger().handlers:
            handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "data dir ~/" in text and "IntegrityError" in text and "validation failed" in text
    assert str(private_data_dir.parent) not in text
    assert secret not in text and "630104199001011234" not in text
