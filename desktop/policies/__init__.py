"""The original policy texts shipped under ``resources/policies/``, and finding a quote in them."""
