"""Policy rules: the rule-pack format, its loader and compiler, and the eligibility engine."""
