"""A plain factory for the indicator tests: series and goals with sensible defaults."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from luoshi.indicators import Goal, Series

TODAY = date(2024, 6, 30)


def series(values: Iterable[tuple[int, float]], **overrides: Any) -> Series:
    overrides.setdefault("indicator", "肉类总产量")
    overrides.setdefault("unit", "万吨")
    return Series.of(overrides.pop("indicator"), overrides.pop("unit"), values, **overrides)


def goal(value: float, **overrides: Any) -> Goal:
    overrides.setdefault("indicator", "肉类总产量")
    overrides.setdefault("comparator", ">=")
    overrides.setdefault("unit", "万吨")
    overrides.setdefault("year", 2030)
    return Goal(value=value, **overrides)
