"""The measured series bundled with luoshi, and the Inner Mongolia targets assessed against them.

``data/inner-mongolia-indicators.csv`` holds measured values with their sources (see
data/SOURCES.md); ``data/inner-mongolia-series-notes.csv`` marks the breaks (forest coverage is
rebased in 2023) and the caveats (the milk series is cow milk only) that every assessment repeats.

    >>> series = load_series()
    >>> [(p.year, p.value) for p in series["粮食总产量"].points][-1]
    (2024, 820.0)
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from .maths import (
    Break,
    Delivery,
    Goal,
    Methodology,
    Point,
    Relation,
    Series,
    TaskView,
    assess,
    assess_relation,
    delivery,
)

__all__ = [
    "BUNDLED_GOALS",
    "BUNDLED_RELATIONS",
    "Observation",
    "assess_bundled",
    "load_observations",
    "load_series",
]

INDICATORS = "inner-mongolia-indicators.csv"
NOTES = "inner-mongolia-series-notes.csv"


@dataclass(frozen=True, slots=True)
class Observation:
    """One row of the bundled CSV, as read: the value and where it came from."""

    indicator: str
    year: int
    value: float
    unit: str
    original_value: str
    original_unit: str
    as_of: str | None
    source_url: str
    quote: str
    note: str

    @property
    def month(self) -> int | None:
        """The month of ``as_of`` (``2025-05`` → 5), None when it gives only a year or nothing."""
        if self.as_of and len(self.as_of) >= 7 and self.as_of[4] == "-" and self.as_of[5:7].isdigit():
            return int(self.as_of[5:7])
        return None

    def point(self) -> Point:
        return Point(
            self.year,
            self.value,
            self.month,
            self.as_of,
            self.source_url,
            self.quote,
            self.note or None,
        )


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("luoshi.indicators").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def load_observations() -> tuple[Observation, ...]:
    """Every row of the bundled CSV, in file order."""
    return tuple(
        Observation(
            r["indicator"],
            int(r["year"]),
            float(r["value"]),
            r["unit"],
            r["original_value"],
            r["original_unit"],
            r["as_of"] or None,
            r["source_url"],
            r["quote"],
            r["note"],
        )
        for r in _rows(INDICATORS)
    )


@cache
def _notes() -> tuple[dict[str, list[Break]], dict[str, tuple[str, str]]]:
    breaks: dict[str, list[Break]] = {}
    caveats: dict[str, tuple[str, str]] = {}
    for r in _rows(NOTES):
        if r["kind"] == "break":
            breaks.setdefault(r["indicator"], []).append(Break(int(r["year"]), r["note_zh"], r["note_en"]))
        elif r["kind"] == "caveat":
            zh, en = caveats.get(r["indicator"], ("", ""))
            caveats[r["indicator"]] = (
                "；".join(s for s in (zh, r["note_zh"]) if s),
                "; ".join(s for s in (en, r["note_en"]) if s),
            )
        else:
            raise ValueError(f"{NOTES}: unknown kind {r['kind']!r}")
    return breaks, caveats


def load_series() -> dict[str, Series]:
    """The bundled values grouped by indicator, each a :class:`Series` with its breaks and caveats.

    Each point keeps its ``as_of``, ``source_url``, ``quote`` and ``note``.
    """
    breaks, caveats = _notes()
    grouped: dict[str, list[Observation]] = {}
    for o in load_observations():
        grouped.setdefault(o.indicator, []).append(o)
    out: dict[str, Series] = {}
    for name, obs in grouped.items():
        units = {o.unit for o in obs}
        if len(units) != 1:
            raise ValueError(f"{INDICATORS}: {name} has values in several units: {sorted(units)}")
        zh, en = caveats.get(name, ("", ""))
        out[name] = Series(
            name, obs[0].unit, tuple(o.point() for o in obs), tuple(breaks.get(name, ())), zh, en
        )
    return out


# The decision's targets that the bundled data can speak to (facts from the decision's text), each
# with the series that measures it.
BUNDLED_GOALS: tuple[tuple[Goal, str], ...] = (
    (
        Goal("草原植被盖度", ">=", 45, "%", 2035, hold=True, text="到2035年全区草原植被盖度稳定在45%以上"),
        "草原植被盖度",
    ),
    (Goal("森林覆盖率", ">=", 25, "%", 2035, text="到2035年全区……森林覆盖率达到25%"), "森林覆盖率"),
    (
        Goal("粮食综合生产能力", ">=", 850, "亿斤", 2035, text="到2035年将全区粮食综合生产能力提升至850亿斤"),
        "粮食总产量",
    ),
    (Goal("肉类总产量", ">=", 400, "万吨", 2035, text="到2035年将全区肉类总产量提高到400万吨"), "肉类总产量"),
    (Goal("设施农业面积", ">=", 480, "万亩", 2035, text="设施农业面积扩大到480万亩"), "设施农业面积"),
    (Goal("奶类产量", ">", 1000, "万吨", 2035, text="到2035年全区奶类产量超过1000万吨"), "牛奶产量"),
)
BUNDLED_RELATIONS: tuple[tuple[Relation, str, str], ...] = (
    (
        Relation("新能源装机规模", "火电装机规模", ">", 2025, "到2025年新能源装机规模超过火电装机规模"),
        "新能源装机规模",
        "火电装机规模",
    ),
    (
        Relation("新能源发电总量", "火电发电总量", ">", 2030, "2030年新能源发电总量超过火电发电总量"),
        "新能源发电总量",
        "火电发电总量",
    ),
)


def assess_bundled(
    today: date | None = None,
    tasks: Mapping[str, TaskView] | None = None,
    *,
    methodology: Methodology = "luoshi",
    base_year: int | None = None,
) -> list[Delivery]:
    """Assess the decision's numeric and relational targets against the bundled series.

    ``tasks`` maps an indicator of a target to the ledger's view of its tasks (none: unknown). A
    target without bundled values is reported as insufficient data, never skipped. ``methodology``
    and ``base_year`` are those of :func:`~luoshi.indicators.maths.assess`.
    """
    series = load_series()
    tasks = tasks or {}
    out: list[Delivery] = []
    for goal, name in BUNDLED_GOALS:
        s = series.get(name) or Series(name, goal.unit, ())
        a = assess(s, goal, today=today, methodology=methodology, base_year=base_year)
        out.append(delivery(a, tasks.get(goal.indicator)))
    for rel, a_name, b_name in BUNDLED_RELATIONS:
        sa = series.get(a_name) or Series(a_name, "", ())
        sb = series.get(b_name) or Series(b_name, sa.unit, ())
        r = assess_relation(sa, sb, rel, today=today, methodology=methodology)
        out.append(delivery(r, tasks.get(rel.indicator)))
    return out
