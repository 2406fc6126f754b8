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
                            "revenue": "12万", "institution_level": "national"})
    assert set(parsed.errors) == {"enterprise.uscc", "enterprise.revenue"}
    assert parsed.facts.enterprise.employees == 1200 and parsed.facts.enterprise.uscc is None
    assert parsed.facts.institution is not None and parsed.facts.institution.level == "national"
    assert profile_facts({"name": "甲"}).facts.institution is None


def test_size_summary_names_the_class_and_why() -> None:
    facts = profile_facts({"industry_code": "2710", "employees": "420", "revenue": "380000000",
                           "assets": "520000000"}).facts
    assert "划为中型企业" in size_summary(facts) and "从业人员 420人" in size_summary(facts)
    assert "未填写所属行业" in size_summary(profile_facts({}).facts)
