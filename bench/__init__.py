"""Benchmarks, run by `make bench`: each bench/bench_*.py module has run() -> list[Result]."""
