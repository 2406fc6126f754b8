"""The triage path's closures decide every predicate of the pack exactly as the predicate does."""

from __future__ import annotations

from desktop.facts import FactsFile
from desktop.rules.closures import closure
from desktop.rules.context import DIRECT_FACTS, FactContext
from desktop.rules.database import bundled_pack
from desktop.rules.predicates import Outcome
from tests.rules.rule_aware_facts import RuleAwareFacts, every_predicate


def test_an_absent_section_reads_as_unknown_for_every_stored_fact() -> None:
    # The context stands in an empty model for a missing project or institution; that is only
    # sound while every stored fact defaults to "unknown".
    ctx = FactContext(FactsFile(), RuleAwareFacts(bundled_pack(), seed=1).day())
    assert {path: ctx.get(path) for path in DIRECT_FACTS} == dict.fromkeys(DIRECT_FACTS)


def test_every_predicate_closure_agrees_with_the_predicate_on_rule_aware_facts() -> None:
    pack = bundled_pack()
    predicates = list(every_predicate(pack))
    closures = [closure(p) for p in predicates]
    generator = RuleAwareFacts(pack, seed=5)
    seen: set[Outcome] = set()
    for _ in range(400):
        facts, on = generator.facts(), generator.day()
        contexts = [FactContext(facts, on)]
        contexts += [contexts[0].for_item(i, loan) for i, loan in enumerate(facts.loans or [])]
        for ctx in contexts:
            for predicate, fast in zip(predicates, closures, strict=True):
                if any(f.startswith("loan.") for f in predicate.facts) and ctx.loan is None:
                    continue  # per-loan tests are only ever asked inside a loan's context
                expected = predicate.evaluate(ctx)
                assert fast(ctx) is expected, (predicate, facts, on)
                seen.add(expected)
    assert seen == set(Outcome)  # the facts reached pass, fail and unknown alike
