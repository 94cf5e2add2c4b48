"""A plain factory for the indicator tests: ``make_indicator(...)``, ``make_target(...)``.

Fixture text is our own (made-up series and targets), never copied from the corpus.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from luoshi.indicators.models import Indicator, IndicatorAlias, IndicatorBreak, Observation
from luoshi.ledger.models import Target
from luoshi.ledger.tests.factory import make_decision, make_task

TODAY = dt.date(2026, 11, 27)


def make_indicator(
    name: str = "粮食总产量",
    unit: str = "亿斤",
    values: Any = (),
    *,
    reported_unit: str | None = None,
    breaks: Any = (),
    caveat_zh: str = "",
    **kwargs: Any,
) -> Indicator:
    """An indicator with ``values`` as ``(year, value)`` or ``(year, month, value)`` observations."""
    indicator = Indicator.objects.create(name=name, unit=unit, caveat_zh=caveat_zh, **kwargs)
    for row in values:
        year, month, value = row if len(row) == 3 else (row[0], None, row[1])
        Observation.record(
            indicator,
            by=None,
            origin="import",
            year=year,
            month=month,
            value=value,
            unit=reported_unit or unit,
            source="测试数据",
            source_url="https://example.org/stats",
        )
    for year in breaks:
        IndicatorBreak.mark(indicator, year, "新一轮调查基数", by=None)
    return indicator


def make_alias(name: str, indicator: Indicator, caveat_zh: str = "") -> IndicatorAlias:
    return IndicatorAlias.objects.create(name=name, indicator=indicator, caveat_zh=caveat_zh)


def make_target(**kwargs: Any) -> Target:
    """A numeric target (粮食总产量 ≥ 900亿斤 by 2035) on a task of its own unless given."""
    if "task" not in kwargs:
        task_kwargs = {k[5:]: kwargs.pop(k) for k in list(kwargs) if k.startswith("task_")}
        kwargs["task"] = make_task(decision=kwargs.get("decision") or make_decision(), **task_kwargs)
    kwargs.setdefault("decision", kwargs["task"].decision)
    kwargs.setdefault("key", f"T{Target.objects.count() + 1}")
    kwargs.setdefault("kind", "numeric")
    kwargs.setdefault("indicator", "粮食总产量")
    if kwargs["kind"] == "numeric":
        kwargs.setdefault("comparator", ">=")
        kwargs.setdefault("value", 900.0)
        kwargs.setdefault("unit", "亿斤")
    kwargs.setdefault("year", 2035)
    kwargs.setdefault("text", f"到{kwargs['year']}年{kwargs['indicator']}达到目标")
    return Target.objects.create(**kwargs)


GRAIN = [(2018, 700.0), (2020, 730.0), (2022, 760.0), (2024, 790.0)]
