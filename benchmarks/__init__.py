"""Benchmarks: ``python -m benchmarks [CASE ...]`` prints JSON and updates docs/PERFORMANCE.md."""
