"""The profile as the editor sees it: groups cover the facts, keys round-trip, typos flag one field."""

from __future__ import annotations

from desktop.facts.model import Enterprise, Institution
from desktop.facts.profile import PROFILE_FACTS, answer_key, fact_path, profile_facts, size_summary


def test_groups_cover_every_enterprise_and_institution_fact_once() -> None:
    expected = {f"enterprise.{f}" for f in Enterprise.model_fields} | \
        {f"institution.{f}" for f in Institution.model_fields}
    assert sorted(PROFILE_FACTS) == sorted(expected)
    for path in PROFILE_FACTS:
        assert fact_path(answer_key(path)) == path


def test_one_typo_flags_one_field_and_the_rest_still_counts() -> None:
    parsed = profile_facts({"name": "甲", "uscc": "91130100MA07L2T95X", "employees": "1,200",
                            "revenue": "12万吨", "institution_level": "national"})
    assert set(parsed.errors) == {"enterprise.uscc", "enterprise.revenue"}
    assert parsed.facts.enterprise.employees == 1200 and parsed.facts.enterprise.uscc is None
    assert parsed.facts.institution is not None and parsed.facts.institution.level == "national"
    assert profile_facts({"name": "甲"}).facts.institution is None


def test_money_and_dates_are_read_as_offices_write_them() -> None:
    """The core answers parser reads figures through desktop.office_input, so the GUI and
    ``assess`` agree on what ``8000万`` means, to the 元."""
    for typed in ("8000万", "0.8亿", "8,000万元", "80000000", "８０００万"):
        parsed = profile_facts({"revenue": typed})
        assert parsed.errors == {} and str(parsed.facts.enterprise.revenue) == "80000000", typed
    assert str(profile_facts({"assets": "1,200,000.50"}).facts.enterprise.assets) == "1200000.50"
    for typed in ("2018年3月1日", "2018-03-01", "2018/3/1"):
        parsed = profile_facts({"listed_on": typed})
        assert parsed.facts.enterprise.listed_on is not None
        assert parsed.facts.enterprise.listed_on.isoformat() == "2018-03-01", typed
    # The bound's own words, as `assess` prints them for the same value in a facts file.
    assert profile_facts({"revenue": "-5"}).errors["enterprise.revenue"] == "不能为负数"
    assert "没有这一天" in profile_facts({"listed_on": "2018年2月30日"}).errors["enterprise.listed_on"]


def test_size_summary_names_the_class_and_why() -> None:
    facts = profile_facts({"industry_code": "2710", "employees": "420", "revenue": "380000000",
                           "assets": "520000000"}).facts
    assert "划为中型企业" in size_summary(facts) and "从业人员 420人" in size_summary(facts)
    assert "未填写所属行业" in size_summary(profile_facts({}).facts)
