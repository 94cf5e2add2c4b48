"""Indicators: assessing many series against their targets, and the bundled Inner Mongolia data."""

from __future__ import annotations

import random
import statistics
import time
from datetime import date
from typing import TYPE_CHECKING

from ._harness import Result, timings, write_section

if TYPE_CHECKING:
    from luoshi.indicators import Comparator, Goal, Relation, Series

TITLE = "Indicators"
SERIES = 10_000
POINTS = 20
TODAY = date(2025, 6, 30)


def _workload(seed: int = 20221) -> tuple[list[tuple[Series, Goal]], list[tuple[Series, Series, Relation]]]:
    """10,000 numeric targets and 10,000 relational ones, each series 20 yearly points (2005—2024)
    growing at −3% to +6% a year with ±3% noise; targets by 2030 or 2035 of every comparator kind."""
    from luoshi.indicators import Goal, Relation, Series

    rng = random.Random(seed)
    comparators: list[Comparator] = [">=", ">", "<=", "<", "≈"]

    def values(base: float, growth: float) -> list[tuple[int, float]]:
        return [(2005 + k, base * (1 + growth) ** k * rng.uniform(0.97, 1.03)) for k in range(POINTS)]

    numeric: list[tuple[Series, Goal]] = []
    for i in range(SERIES):
        base, growth = rng.uniform(50, 5000), rng.uniform(-0.03, 0.06)
        s = Series.of("指标", "万吨", values(base, growth))
        cmp = comparators[i % len(comparators)]
        factor = rng.uniform(1.1, 2.5) if cmp in (">=", ">", "≈") else rng.uniform(0.4, 0.9)
        goal = Goal("指标", cmp, base * factor, "万吨", rng.choice([2030, 2035]), hold=(i % 7 == 0))
        numeric.append((s, goal))
    relational: list[tuple[Series, Series, Relation]] = []
    for _ in range(SERIES):
        a = Series.of("甲", "万千瓦", values(rng.uniform(100, 5000), rng.uniform(0.0, 0.15)))
        b = Series.of("乙", "万千瓦", values(rng.uniform(2000, 8000), rng.uniform(-0.02, 0.04)))
        relational.append((a, b, Relation("甲", "乙", ">", rng.choice([2025, 2030]))))
    return numeric, relational


def run() -> list[Result]:
    from luoshi.indicators import Series, TaskView, assess, assess_bundled, assess_relation, delivery

    start = time.perf_counter()
    numeric, relational = _workload()
    build = time.perf_counter() - start
    tasks = TaskView(10, done=4, late=1)

    def numeric_pass() -> None:
        for s, g in numeric:
            delivery(assess(s, g, today=TODAY), tasks)

    def relational_pass() -> None:
        for a, b, r in relational:
            assess_relation(a, b, r, today=TODAY)

    def build_pass() -> None:
        for s, _ in numeric:
            Series(s.indicator, s.unit, s.points)

    num = timings(numeric_pass, runs=5, warmup=1)
    rel = timings(relational_pass, runs=3, warmup=1)
    construct = timings(build_pass, runs=3, warmup=1)
    bundled = timings(lambda: assess_bundled(today=TODAY), runs=50)

    what = f"{SERIES:,} series × {POINTS} points"
    return [
        Result(
            f"assess + delivery, {what}, median of 5",
            statistics.median(num) / 1000,
            "s",
            2.0,
            "growth, hold and band methods, projection with interval",
        ),
        Result("the same, per target", statistics.median(num) / SERIES * 1000, "µs", None, ""),
        Result(
            f"relational targets, {SERIES:,} pairs × {POINTS} points",
            statistics.median(rel) / 1000,
            "s",
            None,
            "",
        ),
        Result(
            f"building {SERIES:,} series (sort, drop non-finite)",
            statistics.median(construct) / 1000,
            "s",
            None,
            "",
        ),
        Result(
            "assess_bundled(): 8 Inner Mongolia targets",
            statistics.median(bundled),
            "ms",
            None,
            "data cached after the first call",
        ),
        Result("generating the workload", build, "s", None, "not part of the goal"),
    ]


def write(results: list[Result]) -> None:
    write_section(
        TITLE,
        results,
        """
`bench/bench_indicators.py` builds 10,000 numeric targets, each with a series of 20 yearly values
(2005—2024, growing −3% to +6% a year with ±3% noise, fixed seed) and a target by 2030 or 2035 of
every comparator kind (one in seven a level to keep), then times `assess()` followed by
`delivery()` over all of them in one process (median of 5 passes after a warm-up). The relational
line times `assess_relation()` over 10,000 pairs of such series. Goal from the issue "Indicators:
measured progress toward the targets": 10,000 series of 20 points in at most 2 s, pure Python.
""",
    )
