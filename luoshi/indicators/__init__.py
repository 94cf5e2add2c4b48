"""luoshi.indicators: measured progress toward a decision's targets, and confidence of delivery.

The modules here are pure Python (no Django, no I/O beyond reading the bundled data): ``units``
converts between units, ``maths`` assesses targets against series, ``bundled`` holds measured
series of the Inner Mongolia decision. A Django app that stores series may live beside them; this
file must stay free of Django imports so that the pure half loads without it.

    >>> from datetime import date
    >>> from luoshi.indicators import Goal, Series, assess
    >>> s = Series.of("粮食总产量", "亿斤", [(2018, 710.8), (2024, 820.0)])
    >>> a = assess(s, Goal("粮食总产量", ">=", 850, "亿斤", 2035), today=date(2025, 6, 30))
    >>> a.status.value, round(a.ratio or 0, 2)
    ('on_track', 7.37)
"""

from __future__ import annotations

from .bundled import (
    BUNDLED_GOALS,
    BUNDLED_RELATIONS,
    Observation,
    assess_bundled,
    load_observations,
    load_series,
)
from .maths import (
    HALF_LIFE,
    HORIZON,
    LEVEL,
    METHODOLOGIES,
    OPEN_SDG_BASE_YEAR,
    Assessment,
    Break,
    Comparator,
    Confidence,
    Delivery,
    Goal,
    Method,
    Methodology,
    Path,
    Point,
    Projection,
    Relation,
    Series,
    Status,
    Summary,
    TaskView,
    assess,
    assess_direction,
    assess_milestone,
    assess_relation,
    delivery,
    natural_bounds,
    progress_score,
    project,
    summarise,
    t_quantile,
)
from .units import UnitError, compatible, convert, family

__all__ = [
    "BUNDLED_GOALS",
    "BUNDLED_RELATIONS",
    "HALF_LIFE",
    "HORIZON",
    "LEVEL",
    "METHODOLOGIES",
    "OPEN_SDG_BASE_YEAR",
    "Assessment",
    "Break",
    "Comparator",
    "Confidence",
    "Delivery",
    "Goal",
    "Method",
    "Methodology",
    "Observation",
    "Path",
    "Point",
    "Projection",
    "Relation",
    "Series",
    "Status",
    "Summary",
    "TaskView",
    "UnitError",
    "assess",
    "assess_bundled",
    "assess_direction",
    "assess_milestone",
    "assess_relation",
    "compatible",
    "convert",
    "delivery",
    "family",
    "load_observations",
    "load_series",
    "natural_bounds",
    "progress_score",
    "project",
    "summarise",
    "t_quantile",
]
