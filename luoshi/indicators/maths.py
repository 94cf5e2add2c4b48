"""Is a target on track? Measured series against a decision's targets, and delivery confidence.

Pure Python, no Django, no I/O: the ledger passes series, targets and counts of tasks in, and gets
frozen records out. Every formula, threshold and weight is in docs/indicators.md.

- :func:`assess` — a numeric target (``Goal``) against a series: required vs actual growth, by
  luoshi's forward-looking method (the default) or exactly as Open SDG measures progress
  (``methodology="open_sdg"``); keep-above/keep-below targets, bands.
- :func:`assess_direction` — Open SDG's method for an indicator with a direction but no target value.
- :func:`progress_score`, :func:`summarise` — Open SDG's score from −5 to 5, averaged over series.
- :func:`project` — a weighted linear trend to the target year with a t prediction interval.
- :func:`assess_relation` — one series against another (新能源装机规模 > 火电装机规模).
- :func:`assess_milestone` — done, not done or overdue.
- :func:`delivery` — the status combined with the ledger's view of the target's tasks into
  green / amber-green / amber-red / red, with one sentence in Chinese and one in English.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .units import UnitError, convert, family

if TYPE_CHECKING:
    from luoshi.document import Target

__all__ = [
    "HALF_LIFE",
    "HORIZON",
    "LEVEL",
    "LIMIT_SHARE",
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
    "Path",
    "Point",
    "Projection",
    "Relation",
    "Series",
    "Status",
    "Summary",
    "TaskView",
    "assess",
    "assess_direction",
    "assess_milestone",
    "assess_relation",
    "delivery",
    "natural_bounds",
    "progress_score",
    "project",
    "summarise",
    "t_quantile",
]

Comparator = Literal[">=", ">", "≈", "<=", "<", "="]
Method = Literal["growth", "slope", "hold", "band", "relation", "milestone", "observed", "no_target", "none"]
# how progress is measured: luoshi's forward-looking method (the default) or Open SDG's, exactly
Methodology = Literal["luoshi", "open_sdg"]
METHODOLOGIES: tuple[Methodology, ...] = ("luoshi", "open_sdg")

ON_TRACK_AT = 0.95  # R at or above: on track
ACCELERATE_AT = 0.6  # R at or above (and below 0.95): acceleration needed; below: limited progress
HALF_LIFE = 5.0  # years: a point this much older than the latest weighs half as much in the trend
LEVEL = 0.95  # prediction interval
HORIZON = 2060  # relational targets: a crossing later than this is reported as none
LIMIT_SHARE = 0.9  # a target within the top 10% of a natural limit is assessed on the distance to it
BAND_PCT = 0.5  # ≈ band for a percentage: ± 0.5 percentage point
BAND_REL = 0.05  # ≈ band otherwise: ± 5% of the value
OPEN_SDG_BASE_YEAR = 2015  # Open SDG's own default base year (luoshi's default is the series' first year)
OPEN_SDG_ZERO = 0.001  # Open SDG replaces a value of 0 by this before taking growth rates
NO_TARGET_ON_TRACK_AT = 0.015  # Open SDG without a target: growth (in the desired direction) at or above
NO_TARGET_ACCELERATE_AT = 0.005  # … at or above (and below 1.5%): acceleration needed; below: limited
SCORE_MAX = 5.0  # progress scores run from −5 to 5
_TOL = 1e-12  # relative: values this close count as equal (unit conversions must not flip a status)
_TOL_FIT = 1e-9  # the same for values computed from a fitted trend, which carry more rounding


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    ACCELERATE = "acceleration_needed"
    LIMITED = "limited_progress"
    DETERIORATING = "deteriorating"
    MISSED = "missed"
    INSUFFICIENT = "insufficient_data"
    NOT_ASSESSABLE = "not_assessable"
    DONE = "done"
    NOT_DONE = "not_done"
    OVERDUE = "overdue"

    @property
    def label_zh(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]


_STATUS_LABELS = {
    Status.ACHIEVED: ("已实现", "Achieved"),
    Status.ON_TRACK: ("进度正常", "On track"),
    Status.ACCELERATE: ("需加快", "Acceleration needed"),
    Status.LIMITED: ("进展有限", "Limited progress"),
    Status.DETERIORATING: ("逆向变化", "Deteriorating"),
    Status.MISSED: ("未实现", "Missed"),
    Status.INSUFFICIENT: ("数据不足", "Insufficient data"),
    Status.NOT_ASSESSABLE: ("无法评估", "Cannot be assessed"),
    Status.DONE: ("已完成", "Done"),
    Status.NOT_DONE: ("未完成", "Not done"),
    Status.OVERDUE: ("已逾期", "Overdue"),
}


class Confidence(StrEnum):
    GREEN = "green"
    AMBER_GREEN = "amber_green"
    AMBER_RED = "amber_red"
    RED = "red"
    UNKNOWN = "unknown"

    @property
    def label_zh(self) -> str:
        return _CONFIDENCE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _CONFIDENCE_LABELS[self][1]


_CONFIDENCE_LABELS = {
    Confidence.GREEN: ("绿：有把握按期实现", "Green: delivery on time looks highly likely"),
    Confidence.AMBER_GREEN: ("黄绿：较有把握，需关注", "Amber-green: likely, with issues to watch"),
    Confidence.AMBER_RED: ("黄红：风险较大，需采取措施", "Amber-red: in doubt without action"),
    Confidence.RED: ("红：难以按期实现", "Red: delivery on time looks unachievable"),
    Confidence.UNKNOWN: ("灰：依据不足", "Grey: not enough evidence"),
}


# records ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Point:
    """One measured value. ``month`` is set for a stock read during the year (as of 2025-05)."""

    year: int
    value: float
    month: int | None = None
    as_of: str | None = None
    source_url: str | None = None
    quote: str | None = None
    note: str | None = None

    @property
    def t(self) -> float:
        """Time in years: a yearly value sits at the end of its year (2024 → 2024.0), a value as of
        May 2025 five months into 2025 (2024 + 5/12)."""
        if self.month is None or not 1 <= self.month < 12:
            return float(self.year)
        return self.year - 1 + self.month / 12


@dataclass(frozen=True, slots=True)
class Break:
    """From ``year`` on the series is measured on a new base; earlier points are not comparable."""

    year: int
    reason_zh: str = "统计口径调整"
    reason_en: str = "a change of measurement base"


@dataclass(frozen=True, slots=True)
class Series:
    """Measured values of one indicator in one unit, sorted by time, finite values only.

    ``caveat_zh``/``caveat_en`` say how the series differs from what the target counts (奶类 vs 牛奶);
    assessments repeat them in their explanation.
    """

    indicator: str
    unit: str
    points: tuple[Point, ...]
    breaks: tuple[Break, ...] = ()
    caveat_zh: str = ""
    caveat_en: str = ""

    def __post_init__(self) -> None:
        by_t: dict[float, Point] = {}
        for p in self.points:
            if math.isfinite(p.value):
                by_t[round(p.t, 6)] = p  # a later point of the same time replaces an earlier one
        object.__setattr__(self, "points", tuple(by_t[t] for t in sorted(by_t)))
        object.__setattr__(self, "breaks", tuple(sorted(self.breaks, key=lambda b: b.year)))

    @classmethod
    def of(
        cls,
        indicator: str,
        unit: str,
        values: Iterable[tuple[int, float]],
        *,
        breaks: Iterable[int | Break] = (),
        caveat_zh: str = "",
        caveat_en: str = "",
    ) -> Series:
        """A series from ``(year, value)`` pairs; ``breaks`` as years or :class:`Break` records."""
        return cls(
            indicator,
            unit,
            tuple(Point(int(y), float(v)) for y, v in values),
            tuple(b if isinstance(b, Break) else Break(int(b)) for b in breaks),
            caveat_zh,
            caveat_en,
        )

    def segment(self) -> tuple[tuple[Point, ...], Break | None]:
        """The points from the latest break on (all of them without a break), and that break."""
        if not self.points:
            return (), None
        last = self.points[-1].year
        brk = next((b for b in reversed(self.breaks) if b.year <= last), None)
        if brk is None:
            return self.points, None
        return tuple(p for p in self.points if p.year >= brk.year), brk

    def to(self, unit: str) -> Series:
        """The same series in another unit (UnitError when the units are not compatible)."""
        if unit == self.unit:
            return self
        pts = tuple(replace(p, value=convert(p.value, self.unit, unit)) for p in self.points)
        return Series(self.indicator, unit, pts, self.breaks, self.caveat_zh, self.caveat_en)


@dataclass(frozen=True, slots=True)
class Goal:
    """A numeric target: ``comparator value unit`` by ``year``.

    ``hold`` marks a level to keep rather than reach (稳定在45%以上, 控制在5.5%以内). ``value_max``
    makes a band (5%—6%). ``bounds`` are natural limits (0 and 100 for a share); None takes them from
    :func:`natural_bounds`. ``tolerance`` is the half-width of the band of a ``≈`` target.
    """

    indicator: str
    comparator: Comparator
    value: float
    unit: str
    year: int | None
    hold: bool = False
    value_max: float | None = None
    bounds: tuple[float | None, float | None] | None = None
    tolerance: float | None = None
    text: str = ""

    @classmethod
    def from_target(cls, target: Target) -> Goal:
        """A goal from an extracted numeric target; ValueError for other kinds or a missing value."""
        if target.kind != "numeric" or target.value is None or target.comparator is None:
            raise ValueError(f"not a numeric target: {target.id}")
        hold = any(w in target.text for w in _HOLD_WORDS) and target.comparator in (">=", ">", "<=", "<")
        return cls(
            target.indicator,
            target.comparator,
            target.value,
            target.unit or "",
            target.year,
            hold=hold,
            value_max=target.value_max,
            text=target.text,
        )


_HOLD_WORDS = ("稳定在", "保持在", "保持", "控制在", "守住", "不低于", "不少于", "不超过", "不高于")


@dataclass(frozen=True, slots=True)
class Relation:
    """One indicator against another by ``year``: 新能源装机规模 > 火电装机规模."""

    indicator: str
    reference: str
    comparator: Comparator
    year: int | None
    text: str = ""

    @classmethod
    def from_target(cls, target: Target) -> Relation:
        if target.kind != "relational" or target.reference is None or target.comparator is None:
            raise ValueError(f"not a relational target: {target.id}")
        return cls(target.indicator, target.reference, target.comparator, target.year, target.text)


@dataclass(frozen=True, slots=True)
class Projection:
    """The value a model of growth gives at ``year``, with a prediction interval when n > 2.

    ``model`` says which: ``"trend"`` the weighted linear trend (keep-above/below and band targets,
    relations), ``"compound"`` growth continued at the actual rate, ``"linear"`` the actual change per
    year continued (targets to reach: the model their status comes from, see :class:`Path`).
    ``slope`` is the trend's slope, or for a path the average change per year from the latest value.
    """

    year: int
    value: float
    low: float | None
    high: float | None
    n: int
    slope: float  # per year
    level: float = LEVEL
    half_life: float = HALF_LIFE
    model: Literal["trend", "compound", "linear"] = "trend"


@dataclass(frozen=True, slots=True)
class Path:
    """A model of growth: from ``value`` at time ``t``, ``rate`` a year — compound growth
    (``kind="compound"``, rate −0.02 is −2% a year) or a constant change (``"linear"``, in the unit)
    — applied to the distance to ``limit`` when one is set (the distance shrinks as the value nears it).

    The status of a target to reach, its projection, its sentence and the line on its chart all come
    from one path, so that none of them can contradict another. With ``sigma`` (n > 2) the path is the
    random walk with drift whose estimated drift is ``rate``: the end-point growth rate is exactly
    that model's estimate, and its forecast interval at h years ahead is
    ±t · sigma · √(h + h² / span) on the model's scale (logarithms for compound growth).
    """

    kind: Literal["compound", "linear"]
    t: float
    value: float
    rate: float
    limit: float | None = None
    sigma: float | None = None  # spread of the yearly changes about the rate, per √year
    span: float = 0.0  # years the rate was measured over
    n: int = 0  # points it was measured from
    bounds: tuple[float | None, float | None] = (None, None)

    def _scale(self, x: float) -> float:
        return x if self.limit is None else self.limit - x

    def _unscale(self, y: float) -> float:
        return y if self.limit is None else self.limit - y

    def _step(self, h: float) -> float:
        """The model's value h years on, before clipping (nan when it cannot be computed)."""
        y0 = self._scale(self.value)
        if self.kind == "compound":
            if self.rate <= -1.0:
                return self._unscale(0.0) if h > 0 else self.value
            return self._unscale(y0 * math.exp(max(-700.0, min(700.0, math.log1p(self.rate) * h))))
        return self._unscale(y0 + self.rate * h)

    def at(self, t: float) -> float:
        """The path's value at time ``t``, clipped to its natural limits."""
        v = self._step(t - self.t)
        return _clip(v, *self.bounds) if math.isfinite(v) else v

    def interval(self, t: float, level: float = LEVEL) -> tuple[float, float] | None:
        """The prediction interval at ``t`` (None without a spread, or when it cannot be computed)."""
        h = t - self.t
        if self.sigma is None or not self.sigma > 0 or self.span <= 0 or h <= 0 or self.n < 3:
            return None
        y0 = self._scale(self.value)
        if self.kind == "compound" and not y0 > 0:
            return None
        if self.sigma <= 1e-9 * (1.0 if self.kind == "compound" else max(1.0, abs(y0))):
            return None  # the points lie on the path: an interval of no width says nothing
        se = self.sigma * math.sqrt(h + h * h / self.span)
        q = t_quantile(0.5 + level / 2, self.n - 2)
        if self.kind == "compound":
            m = math.log(y0) + math.log1p(self.rate) * h if self.rate > -1.0 else -math.inf
            lo_y, hi_y = math.exp(max(-700.0, m - q * se)), math.exp(min(700.0, m + q * se))
        else:
            m = y0 + self.rate * h
            lo_y, hi_y = m - q * se, m + q * se
        a, b = sorted((self._unscale(lo_y), self._unscale(hi_y)))
        if not (math.isfinite(a) and math.isfinite(b)):
            return None
        return _clip(a, *self.bounds), _clip(b, *self.bounds)

    def projection(self, year: int, level: float = LEVEL) -> Projection | None:
        value = self.at(float(year))
        if not math.isfinite(value):
            return None
        iv = self.interval(float(year), level)
        slope = (value - self.value) / (year - self.t) if year != self.t else 0.0
        return Projection(
            year,
            value,
            iv[0] if iv else None,
            iv[1] if iv else None,
            self.n,
            slope,
            level,
            math.inf,
            self.kind,
        )


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the data say about one target. ``gap`` is the projected shortfall at the target year
    in the target's unit: positive means short of the target, negative a margin beyond it."""

    status: Status
    method: Method
    explanation_zh: str
    explanation_en: str
    indicator: str = ""
    unit: str | None = None
    ratio: float | None = None  # R = actual ÷ |required| (growth, slope and relation methods)
    actual_rate: float | None = None  # CAGR (growth) or change per year (slope, relation)
    required_rate: float | None = None
    base: Point | None = None
    latest: Point | None = None
    projection: Projection | None = None
    gap: float | None = None
    crossing_year: int | None = None
    milestone: bool = False
    methodology: Methodology = "luoshi"
    path: Path | None = None  # the model behind status and projection (targets to reach)
    required_path: Path | None = None  # the path the target requires, at the required rate
    score: float | None = None  # Open SDG's progress score, −5…5 (Open SDG methodology only)

    @property
    def label_zh(self) -> str:
        return self.status.label_zh

    @property
    def label_en(self) -> str:
        return self.status.label_en


@dataclass(frozen=True, slots=True)
class TaskView:
    """The ledger's view of the tasks linked to a target: how many, done, and late (behind schedule)."""

    total: int
    done: int = 0
    late: int = 0

    @property
    def on_schedule(self) -> int:
        return max(0, self.total - self.done - self.late)

    @property
    def share_ok(self) -> float | None:
        """Share of tasks done or on schedule; None without tasks."""
        return None if self.total <= 0 else max(0.0, min(1.0, (self.total - self.late) / self.total))


@dataclass(frozen=True, slots=True)
class Delivery:
    """Delivery confidence of one target: its status, the tasks' view, and the sentence for people."""

    status: Status
    label_zh: str
    label_en: str
    confidence: Confidence
    confidence_zh: str
    confidence_en: str
    sentence_zh: str
    sentence_en: str
    ratio: float | None
    projection: Projection | None
    gap: float | None
    assessment: Assessment
    tasks: TaskView | None


# statistics ---------------------------------------------------------------------------------------
def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        step = d * c
        h *= step
        if abs(step - 1.0) < 1e-15:
            break
    return h


def _betai(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def _t_cdf(x: float, df: int) -> float:
    tail = 0.5 * _betai(df / 2.0, 0.5, df / (df + x * x))
    return 1.0 - tail if x >= 0 else tail


@lru_cache(maxsize=512)
def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom (t_quantile(0.975, 10) ≈ 2.228)."""
    if df < 1 or not 0.0 < p < 1.0:
        raise ValueError("t_quantile needs df ≥ 1 and 0 < p < 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if df == 1:
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    lo, hi = 0.0, 1.0
    while _t_cdf(hi, df) < p:
        lo, hi = hi, hi * 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if _t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12 * max(1.0, hi):
            break
    return (lo + hi) / 2


@dataclass(frozen=True, slots=True)
class _Fit:
    """A weighted least-squares line, in time measured from the latest point (``anchor``)."""

    anchor: float
    intercept: float
    slope: float
    n: int
    sum_w: float
    mean_t: float
    sxx: float
    sigma2: float | None  # residual variance, n > 2 only

    def at(self, t: float) -> float:
        return self.intercept + self.slope * (t - self.anchor)


def _fit(points: Sequence[Point], half_life: float = HALF_LIFE) -> _Fit | None:
    n = len(points)
    if n < 2:
        return None
    anchor = points[-1].t
    xs = [p.t - anchor for p in points]
    ys = [p.value for p in points]
    if half_life == math.inf:
        ws = [1.0] * n
    else:
        k = math.log(2) / half_life
        ws = [math.exp(k * x) for x in xs]  # x ≤ 0: weight 1 for the latest point, ½ a half-life back
    sw = sum(ws)
    mt = sum(w * x for w, x in zip(ws, xs, strict=True)) / sw
    my = sum(w * y for w, y in zip(ws, ys, strict=True)) / sw
    sxx = sum(w * (x - mt) * (x - mt) for w, x in zip(ws, xs, strict=True))
    if not sxx > 0:
        return None
    sxy = sum(w * (x - mt) * (y - my) for w, x, y in zip(ws, xs, ys, strict=True))
    b = sxy / sxx
    a = my - b * mt
    if not (math.isfinite(a) and math.isfinite(b)):
        return None
    s2 = None
    if n > 2:
        rs = [y - (a + b * x) for x, y in zip(xs, ys, strict=True)]
        s2 = sum(w * r * r for w, r in zip(ws, rs, strict=True)) / (n - 2)
    return _Fit(anchor, a, b, n, sw, mt, sxx, s2)


def project(
    points: Sequence[Point],
    year: int,
    *,
    half_life: float = HALF_LIFE,
    level: float = LEVEL,
    bounds: tuple[float | None, float | None] = (None, None),
) -> Projection | None:
    """The weighted linear trend of ``points`` at the end of ``year``; None for fewer than 2 points.

    Weights halve every ``half_life`` years back from the latest point (``math.inf``: ordinary least
    squares). The interval is a prediction interval from Student's t with n − 2 degrees of freedom,
    for a new value weighing as much as the latest one; none for n ≤ 2. Values are clipped to
    ``bounds``.
    """
    fit = _fit(points, half_life)
    if fit is None:
        return None
    return _project(fit, year, level, bounds)


def _project(
    fit: _Fit, year: int, level: float, bounds: tuple[float | None, float | None]
) -> Projection | None:
    x0 = year - fit.anchor
    value = fit.intercept + fit.slope * x0
    if not math.isfinite(value):
        return None
    low = high = None
    if fit.sigma2 is not None:
        d = x0 - fit.mean_t
        se = math.sqrt(max(0.0, fit.sigma2 * (1.0 + 1.0 / fit.sum_w + d * d / fit.sxx)))
        q = t_quantile(0.5 + level / 2, fit.n - 2)
        if math.isfinite(se):
            low, high = value - q * se, value + q * se
    lo, hi = bounds
    value = _clip(value, lo, hi)
    if low is not None and high is not None:
        low, high = _clip(low, lo, hi), _clip(high, lo, hi)
    return Projection(year, value, low, high, fit.n, fit.slope, level)


def _clip(v: float, lo: float | None, hi: float | None) -> float:
    if lo is not None and v < lo:
        return lo
    if hi is not None and v > hi:
        return hi
    return v


# comparisons --------------------------------------------------------------------------------------
def _eps(a: float, b: float, tol: float = _TOL) -> float:
    return tol * max(abs(a), abs(b))


def _ge(a: float, b: float, tol: float = _TOL) -> bool:
    return a >= b - _eps(a, b, tol)


def _gt(a: float, b: float, tol: float = _TOL) -> bool:
    return a > b + _eps(a, b, tol)


def _meets(x: float, comparator: str, v: float, tol: float = _TOL) -> bool:
    if comparator == ">=":
        return _ge(x, v, tol)
    if comparator == ">":
        return _gt(x, v, tol)
    if comparator == "<=":
        return _ge(v, x, tol)
    if comparator == "<":
        return _gt(v, x, tol)
    return abs(x - v) <= _eps(x, v, tol)


def _by_ratio(r: float) -> Status:
    if math.isnan(r):
        return Status.NOT_ASSESSABLE
    if r >= ON_TRACK_AT:
        return Status.ON_TRACK
    if r >= ACCELERATE_AT:
        return Status.ACCELERATE
    if r >= 0:
        return Status.LIMITED
    return Status.DETERIORATING


def _ratio(progress: float, required: float) -> float:
    """progress ÷ |required|, rounded to 9 digits so that a unit conversion cannot flip a threshold."""
    if required == 0 or not math.isfinite(required):
        if progress > 0:
            return math.inf
        return 0.0 if progress == 0 else -math.inf
    r = progress / abs(required)
    return round(r, 9) if math.isfinite(r) else r


def _rate(log_change: float) -> float:
    """exp(g) − 1 without overflow."""
    return math.expm1(max(-700.0, min(700.0, log_change)))


def natural_bounds(indicator: str, unit: str) -> tuple[float | None, float | None]:
    """Natural limits of an indicator: 0—100 for a share in per cent (覆盖率, 盖度, 比重 …), 0 below
    for physical quantities and counts, none for money, rates of growth and unknown units."""
    fam = family(unit)
    if fam == "rate":
        share = any(w in indicator for w in _SHARE_WORDS) and not any(w in indicator for w in _NOT_SHARES)
        return (0.0, convert(100.0, "%", unit)) if share else (None, None)
    if fam in ("mass", "area", "power", "energy", "duration") or (fam or "").startswith("count:"):
        return (0.0, None)
    return (None, None)


_SHARE_WORDS = ("率", "盖度", "比重", "占比", "比例", "份额", "普及", "达标")
_NOT_SHARES = ("增长", "增速", "利率", "涨幅", "降幅", "弹性", "贡献率")


# formatting ---------------------------------------------------------------------------------------
def _num(v: float, est: bool = False) -> str:
    """A number as people read it: a measured value keeps up to two decimals (20.79, 5221.2); an
    estimate (``est``: a projection, a gap, a rate) is rounded to about three digits (1013, 47.8)."""
    if not math.isfinite(v):
        return "∞" if v > 0 else ("-∞" if v < 0 else "—")
    a = abs(v)
    if a >= 1e9 or (0 < a < 0.001):
        return f"{v:.3g}"
    decimals = (0 if a >= 100 else 1 if a >= 10 else 2) if est else 2
    s = f"{v:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _q(v: float, unit: str | None, est: bool = False) -> str:
    """A quantity: 820亿斤, 45%."""
    return f"{_num(v, est)}{unit or ''}"


def _q_en(v: float, unit: str | None, est: bool = False) -> str:
    if not unit:
        return _num(v, est)
    if unit.endswith(" points") and _num(v, est) in ("1", "-1"):
        unit = unit[:-1]  # 1 percentage point
    return f"{_num(v, est)}{unit}" if unit in ("%", "‰") else f"{_num(v, est)} {unit}"


def _diff(unit: str | None) -> str | None:
    """The unit of a difference: a difference of percentages is in percentage points."""
    return {"%": "个百分点", "‰": "个千分点"}.get(unit or "", unit)


def _diff_en(unit: str | None) -> str | None:
    return {"%": "percentage points", "‰": "per mille points"}.get(unit or "", unit)


def _pct(r: float) -> str:
    p = abs(r) * 100
    if not math.isfinite(p):
        return "∞%"
    s = f"{p:.1f}" if p >= 1 else f"{p:.2f}"
    return s.rstrip("0").rstrip(".") + "%"


def _years(a: Point, b: Point) -> str:
    return f"{a.year}年" if a.year == b.year else f"{a.year}—{b.year}年"


def _years_en(a: Point, b: Point) -> str:
    return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"


_CMP_ZH = {">=": "不低于", ">": "超过", "<=": "不高于", "<": "低于", "=": "达到", "≈": "达到"}
_CMP_EN = {">=": "at least", ">": "above", "<=": "at most", "<": "below", "=": "", "≈": "about"}


def _goal_zh(goal: Goal) -> str:
    if goal.value_max is not None:
        return f"{_num(goal.value)}—{_q(goal.value_max, goal.unit)}"
    if goal.comparator == "≈":
        return f"{_q(goal.value, goal.unit)}左右"
    return f"{_CMP_ZH[goal.comparator]}{_q(goal.value, goal.unit)}"


def _goal_en(goal: Goal) -> str:
    if goal.value_max is not None:
        return f"{_num(goal.value)}–{_q_en(goal.value_max, goal.unit)}"
    return f"{_CMP_EN[goal.comparator]} {_q_en(goal.value, goal.unit)}".strip()


# numeric targets ----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Notes:
    """Clauses that qualify an explanation: breaks, caveats, proxies, a target year gone by."""

    zh: list[str]
    en: list[str]

    def add(self, zh: str, en: str) -> None:
        self.zh.append(zh)
        self.en.append(en)

    def after(self, head_zh: str, head_en: str) -> tuple[str, str]:
        """The head clause followed by the notes, joined with semicolons."""
        return "；".join([head_zh, *self.zh]), "; ".join([head_en, *self.en])


def _context(series: Series, indicator: str, brk: Break | None, seg: Sequence[Point]) -> _Notes:
    notes = _Notes([], [])
    if series.indicator and indicator and series.indicator != indicator:
        notes.add(f"以“{series.indicator}”数据衡量", f"measured by the series {series.indicator}")
    if series.caveat_zh:
        notes.add(series.caveat_zh, series.caveat_en or series.caveat_zh)
    if brk is not None:
        notes.add(
            f"{brk.year}年起{brk.reason_zh}，只用{brk.year}年起的{len(seg)}个数据点",
            f"{brk.reason_en} from {brk.year}: only the {len(seg)} point(s) from {brk.year} on are used",
        )
    return notes


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What the methods below share besides the target: the methodology, the name of the measured
    series and the first year that counts (for "which data would settle it")."""

    sdg: bool
    name: str
    since: int | None = None


def _need(ctx: _Ctx, latest: Point | None) -> tuple[str, str]:
    """Which data would settle an assessment that has too few: 需要至少两年的……数据."""
    zh = f"需要至少两年的“{ctx.name}”数据" + (f"（{ctx.since}年起）" if ctx.since else "")
    en = (
        f"at least two years of data on {ctx.name}"
        + (f" (from {ctx.since})" if ctx.since else "")
        + " are needed"
    )
    if latest is not None:
        if latest.month is None or not 1 <= latest.month < 12:
            zh += f"，再有{latest.year + 1}年或以后一年的数据即可判断"
            en += f": one more value for {latest.year + 1} or later would settle it"
        else:
            zh += f"，再有{latest.year}年{latest.month}月以后的一个数据即可判断"
            en += f": one more value after {latest.year}-{latest.month:02d} would settle it"
    return zh, en


def _from_base_year(seg: tuple[Point, ...], base_year: int | None, notes: _Notes) -> tuple[Point, ...]:
    """The points from ``base_year`` on (the first year after it that has data, as Open SDG does)."""
    if base_year is None or not seg:
        return seg
    kept = tuple(p for p in seg if p.year >= base_year)
    if not kept:
        return kept
    dropped = len(seg) - len(kept)
    first = kept[0].year
    zh = f"以{base_year}年为基年"
    en = f"base year {base_year}"
    if first != base_year:
        zh += f"（该年没有数据，从{first}年算起）"
        en += f" (no value for it: counted from {first})"
    if dropped:
        zh += f"，只用{first}年起的{len(kept)}个数据点"
        en += f": only the {len(kept)} point(s) from {first} on are used"
    notes.add(zh, en)
    return kept


def assess(
    series: Series,
    goal: Goal,
    *,
    today: date | None = None,
    methodology: Methodology = "luoshi",
    base_year: int | None = None,
) -> Assessment:
    """How far along ``goal`` is, from ``series``. Never raises on finite data; the explanation says
    why whenever the status is insufficient data or not assessable, and which data would settle it.

    ``methodology`` chooses how a target to reach is judged: ``"luoshi"`` (the default) compares the
    growth so far with the pace still required from the latest value; ``"open_sdg"`` is Open SDG's
    progress measure (the required rate from the base year, a value of 0 taken as 0.001, natural
    limits ignored, no-target method for a target without a year). ``base_year``: values before it
    are not used (default: the series' first year, after any break).
    """
    if methodology not in METHODOLOGIES:
        raise ValueError(f"unknown methodology: {methodology!r}")
    today = today or date.today()
    seg, brk = series.segment()
    notes = _context(series, goal.indicator, brk, seg)
    unit = goal.unit
    sdg = methodology == "open_sdg"

    def out(status: Status, method: Method, zh: str, en: str, **kw: Any) -> Assessment:
        ezh, een = notes.after(zh, en)
        if sdg and status is Status.ACHIEVED:
            kw.setdefault("score", SCORE_MAX)
        return Assessment(
            status, method, ezh, een, indicator=goal.indicator, unit=unit, methodology=methodology, **kw
        )

    if goal.year is None and not sdg:
        return out(Status.NOT_ASSESSABLE, "none", "目标没有年份，无法判断进度", "the target has no year")
    if not math.isfinite(goal.value) or (goal.value_max is not None and not math.isfinite(goal.value_max)):
        return out(Status.NOT_ASSESSABLE, "none", "目标值无效", "the target value is not a number")
    try:
        seg = tuple(series.to(unit).segment()[0]) if series.unit != unit else seg
    except UnitError as e:
        return out(Status.NOT_ASSESSABLE, "none", e.message_zh, e.message_en)
    since = max((y for y in (brk.year if brk else None, base_year) if y is not None), default=None)
    ctx = _Ctx(sdg, series.indicator or goal.indicator, since)
    seg = _from_base_year(seg, base_year, notes)
    if not seg:
        nz, ne = _need(ctx, None)
        if base_year is not None and series.points:
            zh, en = f"基年{base_year}年及以后没有数据", f"no data from the base year {base_year} on"
        elif brk:
            zh, en = f"{brk.year}年断点后没有数据", f"no data after the break in {brk.year}"
        else:
            zh, en = f"没有“{series.indicator}”的实测数据", f"no measured values of {series.indicator}"
        return out(Status.INSUFFICIENT, "none", f"{zh}；{nz}", f"{en}; {ne}")

    lo, hi = goal.bounds if goal.bounds is not None else natural_bounds(goal.indicator, unit)
    upward = goal.comparator in (">=", ">")
    if hi is not None and (
        (upward and (goal.value > hi or (goal.value == hi and goal.comparator == ">")))
        or (goal.value_max is None and goal.comparator in ("≈", "=") and goal.value > hi)
    ):
        return out(
            Status.NOT_ASSESSABLE,
            "none",
            f"目标{_goal_zh(goal)}超出自然上限{_q(hi, unit)}",
            f"the target ({_goal_en(goal)}) is beyond the natural limit of {_q_en(hi, unit)}",
        )
    if (
        lo is not None
        and goal.comparator in ("<=", "<")
        and (goal.value < lo or (goal.value == lo and goal.comparator == "<"))
    ):
        return out(
            Status.NOT_ASSESSABLE,
            "none",
            f"目标{_goal_zh(goal)}低于自然下限{_q(lo, unit)}",
            f"the target ({_goal_en(goal)}) is below the natural limit of {_q_en(lo, unit)}",
        )

    latest = seg[-1]
    if goal.year is None:  # Open SDG: a target without a year is judged by its direction alone
        d = _direction(goal, seg[0].value)
        notes.add(
            "目标没有年份，无法计算所需增速，按Open SDG无目标值的方法评估",
            "the target has no year, so no required rate: judged by Open SDG's method without a target",
        )
        return _no_target(seg, d, unit, None, out, ctx)
    target_year = goal.year
    if today.year > target_year and latest.t < target_year:
        notes.add(
            f"目标年份{target_year}年已过，尚无该年数据，按已有数据判断",
            f"the target year {target_year} has passed without data for it; judged on the data there are",
        )
    band = _band(goal)

    def trend() -> tuple[_Fit | None, Projection | None]:
        """The weighted trend, for the targets whose status comes from it (a target to reach has its path)."""
        fit = _fit(seg)
        return fit, (_project(fit, target_year, LEVEL, (lo, hi)) if fit else None)

    # the target year is in the data: achieved or missed, nothing to project
    if latest.t >= target_year - 1e-9:
        p = next((q for q in seg if q.year == target_year), None) or next(
            q for q in seg if q.t >= target_year - 1e-9
        )
        met = _in_band(p.value, band) if band else _meets_goal(p.value, goal, seg[0].value)
        zh = f"{p.year}年为{_q(p.value, unit)}，目标{_goal_zh(goal)}"
        en = f"{_q_en(p.value, unit)} in {p.year} against a target of {_goal_en(goal)}"
        status = Status.ACHIEVED if met else Status.MISSED
        return out(status, "observed", zh, en, latest=p, base=seg[0], gap=None)

    if band is not None:
        return _assess_band(seg, goal, band, trend()[1], (lo, hi), out, ctx)
    if goal.hold and not sdg and _meets(latest.value, goal.comparator, goal.value):
        return _assess_hold(seg, goal, *trend(), out, ctx)
    if _meets_goal(latest.value, goal, seg[0].value):
        zh = f"{latest.year}年为{_q(latest.value, unit)}，已达到目标（{_goal_zh(goal)}）"
        en = f"{_q_en(latest.value, unit)} in {latest.year}: the target ({_goal_en(goal)}) is met"
        return out(Status.ACHIEVED, "observed", zh, en, latest=latest, base=seg[0], projection=trend()[1])
    return _assess_reach(seg, goal, goal.value, _direction(goal, seg[0].value), (lo, hi), out, ctx)


def assess_direction(
    series: Series,
    indicator: str,
    comparator: Comparator,
    unit: str = "",
    *,
    year: int | None = None,
    today: date | None = None,
    base_year: int | None = None,
) -> Assessment:
    """Open SDG's method for an indicator without a target value: the growth rate in the desired
    direction (``comparator`` ≥/> up, ≤/< down) against 1.5% / 0.5% / 0 a year. ``year``, when
    given, is only where the path is projected to."""
    del today  # the same signature as assess(); the growth so far does not depend on the day
    seg, brk = series.segment()
    notes = _context(series, indicator, brk, seg)
    unit = unit or series.unit

    def out(status: Status, method: Method, zh: str, en: str, **kw: Any) -> Assessment:
        ezh, een = notes.after(zh, en)
        return Assessment(
            status, method, ezh, een, indicator=indicator, unit=unit, methodology="open_sdg", **kw
        )

    if comparator not in (">=", ">", "<=", "<"):
        return out(
            Status.NOT_ASSESSABLE,
            "none",
            "目标既无数值也无方向（提高或降低），无法评估",
            "the target has neither a value nor a direction (up or down)",
        )
    try:
        seg = tuple(series.to(unit).segment()[0]) if series.unit != unit else seg
    except UnitError as e:
        return out(Status.NOT_ASSESSABLE, "none", e.message_zh, e.message_en)
    since = max((y for y in (brk.year if brk else None, base_year) if y is not None), default=None)
    ctx = _Ctx(True, series.indicator or indicator, since)
    seg = _from_base_year(seg, base_year, notes)
    if not seg:
        nz, ne = _need(ctx, None)
        return out(Status.INSUFFICIENT, "none", f"没有可用的数据；{nz}", f"no data to use; {ne}")
    return _no_target(seg, 1 if comparator in (">=", ">") else -1, unit, year, out, ctx)


class _Out(Protocol):
    """The signature of the ``out`` helper inside :func:`assess` (for the type checker)."""

    def __call__(self, status: Status, method: Method, zh: str, en: str, **kw: Any) -> Assessment: ...


def _direction(goal: Goal, base: float) -> int:
    if goal.comparator in (">=", ">"):
        return 1
    if goal.comparator in ("<=", "<"):
        return -1
    return 1 if _ge(goal.value, base) else -1  # "=" and "≈": towards the figure from where the series began


def _meets_goal(x: float, goal: Goal, base: float) -> bool:
    if goal.comparator in ("=", "≈"):
        d = _direction(goal, base)
        return _ge(x, goal.value) if d > 0 else _ge(goal.value, x)
    return _meets(x, goal.comparator, goal.value)


def _band(goal: Goal) -> tuple[float, float] | None:
    if goal.value_max is not None:
        return (min(goal.value, goal.value_max), max(goal.value, goal.value_max))
    if goal.comparator != "≈":
        return None
    if goal.tolerance is not None:
        half = abs(goal.tolerance)
    elif family(goal.unit) == "rate":
        half = convert(BAND_PCT, "%", goal.unit)
    else:
        half = BAND_REL * abs(goal.value)
    return (goal.value - half, goal.value + half)


def _in_band(x: float, band: tuple[float, float] | None, tol: float = _TOL) -> bool:
    return band is not None and _ge(x, band[0], tol) and _ge(band[1], x, tol)


def _gap(goal_value: float, d: int, proj: Projection | None) -> float | None:
    return None if proj is None else d * (goal_value - proj.value)


def _proj_zh(proj: Projection | None, unit: str) -> str:
    if proj is None:
        return ""
    lead = "按趋势" if proj.model == "trend" else "照此速度"
    s = f"{lead}{proj.year}年约为{_q(proj.value, unit, True)}"
    if proj.low is not None and proj.high is not None:
        s += f"（{round(proj.level * 100)}%预测区间{_num(proj.low, True)}—{_q(proj.high, unit, True)}）"
    return s


def _proj_en(proj: Projection | None, unit: str) -> str:
    if proj is None:
        return ""
    if proj.model == "trend":
        s = f"the trend gives about {_q_en(proj.value, unit, True)} in {proj.year}"
    else:
        s = f"at this pace it would be about {_q_en(proj.value, unit, True)} in {proj.year}"
    if proj.low is not None and proj.high is not None:
        s += f" ({round(proj.level * 100)}% prediction interval {_num(proj.low, True)}–{_q_en(proj.high, unit, True)})"
    return s


def _spread(
    seg: Sequence[Point], kind: str, limit: float | None, values: Sequence[float] | None = None
) -> float | None:
    """The spread (per √year) of the changes between consecutive points about the end-point rate,
    on the path's scale: the σ of the random walk with drift whose drift the end points estimate."""
    n = len(seg)
    if n < 3:
        return None
    ys = [limit - p.value if limit is not None else p.value for p in seg] if values is None else list(values)
    if kind == "compound":
        if not all(y > 0 for y in ys):
            return None
        ys = [math.log(y) for y in ys]
    span = seg[-1].t - seg[0].t
    if span <= 0:
        return None
    mu = (ys[-1] - ys[0]) / span
    ss = 0.0
    for a, b, ya, yb in zip(seg, seg[1:], ys, ys[1:], strict=False):
        dt = b.t - a.t
        if dt <= 0:
            return None
        r = yb - ya - mu * dt
        ss += r * r / dt  # (not ** 2, which raises on overflow)
    s = math.sqrt(ss / (n - 2))
    return s if math.isfinite(s) else None


def _single(
    seg: Sequence[Point], unit: str, out: _Out, ctx: _Ctx, prefix: tuple[str, str] = ("", "")
) -> Assessment:
    latest = seg[-1]
    nz, ne = _need(ctx, latest)
    zh = f"{prefix[0]}只有1个数据点（{latest.year}年{_q(latest.value, unit)}），无法计算增速；{nz}"
    en = f"{prefix[1]}a single data point ({_q_en(latest.value, unit)} in {latest.year}): no rate of change; {ne}"
    return out(Status.INSUFFICIENT, "none", zh, en, latest=latest)


def _assess_reach(
    seg: Sequence[Point],
    goal: Goal,
    aim: float,
    d: int,
    bounds: tuple[float | None, float | None],
    out: _Out,
    ctx: _Ctx,
) -> Assessment:
    """Required vs actual growth towards ``aim`` in direction ``d`` (+1 up, −1 down).

    luoshi's method: the actual rate from the base to the latest point against the rate still
    required from the latest value to the target; status, projection and sentence all follow the
    one :class:`Path` that continues the actual rate from the latest value.
    """
    if len(seg) < 2:
        return _single(seg, goal.unit, out, ctx, _sdg_prefix(seg[0]) if ctx.sdg else ("", ""))
    if ctx.sdg:
        return _reach_open_sdg(seg, goal, aim, d, bounds, out)
    unit = goal.unit
    base, latest = seg[0], seg[-1]
    assert goal.year is not None
    T = goal.year
    dt_a = latest.t - base.t
    dt_r = T - latest.t
    hi = bounds[1]
    limit = (
        hi
        if d > 0
        and hi is not None
        and _ge(aim, LIMIT_SHARE * hi)
        and _ge(hi, base.value)
        and _ge(hi, latest.value)
        else None
    )
    x0, x1, v = (limit - x if limit is not None else x for x in (base.value, latest.value, aim))
    dd = -d if limit is not None else d
    compound = x0 > 0 and x1 > 0 and v > 0
    if compound:
        actual = _rate((math.log(x1) - math.log(x0)) / dt_a)
        required = _rate((math.log(v) - math.log(x1)) / dt_r)
    else:
        actual = (x1 - x0) / dt_a
        required = (v - x1) / dt_r
    if not (math.isfinite(actual) and math.isfinite(required)):
        return out(
            Status.NOT_ASSESSABLE,
            "none",
            "数值超出可计算范围",
            "the values are out of the computable range",
            latest=latest,
            base=base,
        )
    ratio = _ratio(dd * actual, required)
    status = _by_ratio(ratio)
    kind: Literal["compound", "linear"] = "compound" if compound else "linear"
    path = Path(
        kind, latest.t, latest.value, actual, limit, _spread(seg, kind, limit), dt_a, len(seg), bounds
    )
    required_path = Path(kind, latest.t, latest.value, required, limit, bounds=bounds)
    proj = path.projection(T)
    gap = _gap(aim, d, proj)
    span, span_en = _years(base, latest), _years_en(base, latest)
    if limit is not None:
        du, du_en = _diff(unit), _diff_en(unit)
        way = "缩小" if x1 <= x0 else "扩大"
        way_en = "narrowed" if x1 <= x0 else "widened"
        zh = (
            f"{span}距上限{_q(limit, unit)}的差距由{_q(x0, du)}{way}到{_q(x1, du)}，年均{_shift(actual, kind, du)}；"
            f"到{T}年实现目标（{_goal_zh(goal)}）需缩小到{_q(v, du) if v else '0'}，年均{_shift(required, kind, du)}"
        )
        en = (
            f"{span_en}: the distance to the limit of {_q_en(limit, unit)} {way_en} from {_num(x0)} to "
            f"{_q_en(x1, du_en)}, {_shift_en(actual, kind, du_en)} a year; reaching the target "
            f"({_goal_en(goal)}) by {T} needs it to narrow to {_q_en(v, du_en) if v else '0'}, "
            f"{_shift_en(required, kind, du_en)} a year"
        )
    else:
        # a rate in per cent also gets its change in percentage points per year
        pts = compound and family(unit) == "rate"
        pa = _pp(latest.value - base.value, dt_a, unit) if pts else ("", "")
        pr = _pp(aim - latest.value, dt_r, unit) if pts else ("", "")
        zh = (
            f"{span}年均{_chg(actual, kind, unit)}{pa[0]}，到{T}年实现目标"
            f"（{_goal_zh(goal)}）需年均{_chg(required, kind, unit)}{pr[0]}"
        )
        en = (
            f"{span_en}: {_chg_en(actual, kind, unit)}{pa[1]} a year; reaching the target "
            f"({_goal_en(goal)}) by {T} needs {_chg_en(required, kind, unit)}{pr[1]} a year"
        )
    pz, pe = _path_clause(proj, gap, aim, status, unit)
    return out(
        status,
        "growth" if compound else "slope",
        zh + pz,
        en + pe,
        ratio=ratio,
        actual_rate=actual,
        required_rate=required,
        base=base,
        latest=latest,
        projection=proj,
        gap=gap,
        path=path,
        required_path=required_path,
    )


def _sdg_prefix(base: Point) -> tuple[str, str]:
    return f"按Open SDG方法（基年{base.year}年），", f"by the Open SDG method (base year {base.year}), "


def _sdg_zero(x: float) -> float:
    """Open SDG takes a value of 0 as 0.001 before it computes a growth rate."""
    return OPEN_SDG_ZERO if x == 0 else x


def _reach_open_sdg(
    seg: Sequence[Point],
    goal: Goal,
    aim: float,
    d: int,
    bounds: tuple[float | None, float | None],
    out: _Out,
) -> Assessment:
    """Open SDG's progress measure with a target: CAGR from the base year to the latest value against
    the CAGR from the base year to the target, R = CAGR_actual ÷ CAGR_required (their sign decides the
    direction), the same thresholds. No natural limit; 0 is taken as 0.001."""
    unit = goal.unit
    base, latest = seg[0], seg[-1]
    assert goal.year is not None
    T = goal.year
    pz0, pe0 = _sdg_prefix(base)
    x0, x1, v = (_sdg_zero(x) for x in (base.value, latest.value, aim))
    zero_zh = "；按Open SDG的做法，数值0按0.001计算" if 0.0 in (base.value, latest.value, aim) else ""
    zero_en = "; as Open SDG does, a value of 0 is taken as 0.001" if zero_zh else ""
    span, span_en = _years(base, latest), _years_en(base, latest)
    if (x1 > 0) != (x0 > 0) or (v > 0) != (x0 > 0):
        zh = (
            f"{pz0}{base.year}年为{_q(base.value, unit)}，{latest.year}年为{_q(latest.value, unit)}，"
            f"目标为{_goal_zh(goal)}，数值正负不同，复合增长率没有意义；可改用落实方法（按年均变化量评估）"
        )
        en = (
            f"{pe0}{_q_en(base.value, unit)} in {base.year}, {_q_en(latest.value, unit)} in {latest.year} "
            f"and a target of {_goal_en(goal)} differ in sign, so a compound growth rate means nothing; "
            "luoshi's method (change per year) can assess it"
        )
        return out(Status.NOT_ASSESSABLE, "none", zh, en, base=base, latest=latest)
    log0 = math.log(abs(x0))  # same signs: the ratio of two negative values is positive
    actual = _rate((math.log(abs(x1)) - log0) / (latest.t - base.t))
    required = _rate((math.log(abs(v)) - log0) / (T - base.t))
    if not (math.isfinite(actual) and math.isfinite(required)):
        return out(
            Status.NOT_ASSESSABLE, "none", "数值超出可计算范围", "the values are out of the computable range"
        )
    base_met = _ge(base.value, aim) if d > 0 else _ge(aim, base.value)
    if base_met:
        # the base already met the target and the latest does not: Open SDG's ratio of two rates of
        # the same sign would read as progress; the series has moved away from the target
        moved = (latest.value - base.value) * d < 0
        status = Status.DETERIORATING if moved else Status.LIMITED
        zh = (
            f"{pz0}{base.year}年为{_q(base.value, unit)}，已达到目标（{_goal_zh(goal)}），"
            f"{latest.year}年为{_q(latest.value, unit)}，" + ("已回到目标以外" if moved else "仍未达到")
        )
        en = (
            f"{pe0}{_q_en(base.value, unit)} in {base.year} met the target ({_goal_en(goal)}); "
            f"{_q_en(latest.value, unit)} in {latest.year} " + ("no longer does" if moved else "does not")
        )
        score = progress_score(-1.0 if moved else 0.0, ON_TRACK_AT, ACCELERATE_AT)
        return out(
            status,
            "growth",
            zh + zero_zh,
            en + zero_en,
            base=base,
            latest=latest,
            actual_rate=actual,
            score=score,
        )
    if required == 0:
        ratio = 0.0 if actual == 0 else (math.inf if actual * d > 0 else -math.inf)
    else:
        r = actual / required
        ratio = round(r, 9) if math.isfinite(r) else r
    status = _by_ratio(ratio)
    path = Path(
        "compound",
        latest.t,
        x1,
        actual,
        None,
        _spread(seg, "compound", None),
        latest.t - base.t,
        len(seg),
        bounds,
    )
    required_path = Path("compound", base.t, x0, required, None, bounds=bounds)
    proj = path.projection(T)
    gap = _gap(v, d, proj)  # against the target as Open SDG reads it (0 as 0.001)
    pts = family(unit) == "rate"
    pa = _pp(latest.value - base.value, latest.t - base.t, unit) if pts else ("", "")
    pr = _pp(aim - base.value, T - base.t, unit) if pts else ("", "")
    zh = (
        f"{pz0}{span}年均{_chg(actual, 'compound', unit)}{pa[0]}，按基年数值到{T}年实现目标"
        f"（{_goal_zh(goal)}）需年均{_chg(required, 'compound', unit)}{pr[0]}"
    )
    en = (
        f"{pe0}{_chg_en(actual, 'compound', unit)}{pa[1]} a year over {span_en}; from the base year, reaching "
        f"the target ({_goal_en(goal)}) by {T} needs {_chg_en(required, 'compound', unit)}{pr[1]} a year"
    )
    pz, pe = _path_clause(proj, gap, v, status, unit)
    return out(
        status,
        "growth",
        zh + pz + zero_zh,
        en + pe + zero_en,
        ratio=ratio,
        actual_rate=actual,
        required_rate=required,
        base=base,
        latest=latest,
        projection=proj,
        gap=gap,
        path=path,
        required_path=required_path,
        score=progress_score(ratio, ON_TRACK_AT, ACCELERATE_AT),
    )


def _no_target(seg: Sequence[Point], d: int, unit: str, year: int | None, out: _Out, ctx: _Ctx) -> Assessment:
    """Open SDG without a target value: the growth rate in the desired direction against 1.5% / 0.5%
    / 0 a year. Downwards, Open SDG takes the growth of 1/x (a fall of 2% a year counts as 2.04%)."""
    if len(seg) < 2:
        return _single(seg, unit, out, ctx, _sdg_prefix(seg[0]))
    base, latest = seg[0], seg[-1]
    pz0, pe0 = _sdg_prefix(base)
    x0, x1 = _sdg_zero(base.value), _sdg_zero(latest.value)
    zero_zh = "；按Open SDG的做法，数值0按0.001计算" if 0.0 in (base.value, latest.value) else ""
    zero_en = "; as Open SDG does, a value of 0 is taken as 0.001" if zero_zh else ""
    if (x1 > 0) != (x0 > 0):
        zh = f"{pz0}{base.year}年为{_q(base.value, unit)}，{latest.year}年为{_q(latest.value, unit)}，数值正负不同，复合增长率没有意义"
        en = f"{pe0}{_q_en(base.value, unit)} in {base.year} and {_q_en(latest.value, unit)} in {latest.year} differ in sign, so a compound growth rate means nothing"
        return out(Status.NOT_ASSESSABLE, "none", zh, en, base=base, latest=latest)
    dt = latest.t - base.t
    log_change = math.log(abs(x1)) - math.log(abs(x0))
    growth = _rate(log_change / dt)
    better = growth if d > 0 else _rate(-log_change / dt)  # the growth of 1/x
    better = round(better, 12)
    if better >= NO_TARGET_ON_TRACK_AT:
        status = Status.ON_TRACK
    elif better >= NO_TARGET_ACCELERATE_AT:
        status = Status.ACCELERATE
    elif better >= 0:
        status = Status.LIMITED
    else:
        status = Status.DETERIORATING
    path = Path("compound", latest.t, x1, growth, None, _spread(seg, "compound", None), dt, len(seg))
    proj = path.projection(year) if year is not None and latest.t < year else None
    span, span_en = _years(base, latest), _years_en(base, latest)
    want_zh, want_en = ("上升", "up") if d > 0 else ("下降", "down")
    zh = f"{pz0}{span}年均{_chg(growth, 'compound', unit)}"
    en = f"{pe0}{_chg_en(growth, 'compound', unit)} a year over {span_en}"
    if d < 0:
        zh += (
            f"（按倒数计为年均改善{_pct(better)}）"
            if better >= 0
            else f"（按倒数计为年均变差{_pct(better)}）"
        )
        en += f" (on 1/x, {'+' if better >= 0 else '-'}{_pct(better)} a year)"
    zh += f"；没有目标值，按期望方向（{want_zh}）的年均变化判断：1.5%及以上为进度正常，0.5%及以上为需加快，0及以上为进展有限"
    en += f"; no target value: judged by the yearly change in the desired direction ({want_en}): 1.5% or more on track, 0.5% or more acceleration needed, 0 or more limited progress"
    if proj is not None:
        pz, pe = _proj_zh(proj, unit), _proj_en(proj, unit)
        zh += f"；{pz}"
        en += f"; {pe}"
    return out(
        status,
        "no_target",
        zh + zero_zh,
        en + zero_en,
        actual_rate=growth,
        base=base,
        latest=latest,
        projection=proj,
        path=path,
        score=progress_score(better, NO_TARGET_ON_TRACK_AT, NO_TARGET_ACCELERATE_AT),
    )


def _path_clause(
    proj: Projection | None, gap: float | None, aim: float, status: Status, unit: str
) -> tuple[str, str]:
    """'照此速度2030年约为108万吨，距目标差12万吨': the path's value at the target year, from the same
    model as the status. An on-track status a little short of the target says that the threshold decides."""
    if proj is None:
        return "", ""
    zh, en = f"；{_proj_zh(proj, unit)}", f"; {_proj_en(proj, unit)}"
    if gap is None:
        return zh, en
    if abs(gap) <= 5e-4 * max(abs(aim), 1e-300) or abs(gap) <= 1e-12:
        return zh + "，与目标基本持平", en + ", about level with the target"
    zh += f"，{_gap_zh(gap, unit)}"
    en += f", {_gap_en(gap, unit)}"
    if gap > 0 and status is Status.ON_TRACK:
        zh += f"，实际速度达到所需速度的{round(ON_TRACK_AT * 100)}%以上，仍属进度正常"
        en += f"; the actual pace is at least {round(ON_TRACK_AT * 100)}% of the pace required, which counts as on track"
    return zh, en


def _pp(change: float, years: float, unit: str) -> tuple[str, str]:
    """(+0.36个百分点), for a rate's change per year."""
    per_year = change / years if years > 0 else math.nan
    if not math.isfinite(per_year):
        return "", ""
    sign = "+" if per_year >= 0 else "-"
    return (
        f"（{sign}{_q(abs(per_year), _diff(unit), True)}）",
        f" ({sign}{_q_en(abs(per_year), _diff_en(unit), True)})",
    )


def _chg(r: float, kind: str, unit: str | None = None) -> str:
    """A change per year: relative (增长2.4%) for compound growth, in the unit's difference
    (增加2万吨, 增加0.5个百分点) for a constant change."""
    if kind == "compound":
        return f"增长{_pct(r)}" if r >= 0 else f"下降{_pct(r)}"
    return f"增加{_q(abs(r), _diff(unit), True)}" if r >= 0 else f"减少{_q(abs(r), _diff(unit), True)}"


def _chg_en(r: float, kind: str, unit: str | None) -> str:
    if kind == "compound":
        return f"{'+' if r >= 0 else '-'}{_pct(r)}"
    return f"{'+' if r >= 0 else '-'}{_q_en(abs(r), _diff_en(unit), True)}"


def _shift(r: float, kind: str, du: str | None) -> str:
    """How the distance to a limit changes a year: 缩小12.9% (compound) or 缩小1个百分点 (constant)."""
    amount = _pct(r) if kind == "compound" else _q(abs(r), du, True)
    return f"缩小{amount}" if r <= 0 else f"扩大{amount}"


def _shift_en(r: float, kind: str, du: str | None) -> str:
    amount = _pct(r) if kind == "compound" else _q_en(abs(r), du, True)
    return f"{'narrowing' if r <= 0 else 'widening'} by {amount}"


def _gap_zh(gap: float, unit: str) -> str:
    if abs(gap) <= 1e-12:
        return "与目标持平"
    du = _diff(unit)
    return f"距目标差{_q(gap, du, True)}" if gap > 0 else f"超出目标{_q(-gap, du, True)}"


def _gap_en(gap: float, unit: str) -> str:
    if abs(gap) <= 1e-12:
        return "level with the target"
    du = _diff_en(unit)
    return (
        f"{_q_en(gap, du, True)} short of the target"
        if gap > 0
        else f"{_q_en(-gap, du, True)} beyond the target"
    )


def _assess_hold(
    seg: Sequence[Point],
    goal: Goal,
    fit: _Fit | None,
    proj: Projection | None,
    out: _Out,
    ctx: _Ctx,
) -> Assessment:
    """A level to keep (稳定在45%以上): is the projected value still on the right side at the target year?"""
    unit = goal.unit
    latest = seg[-1]
    now_zh = f"{latest.year}年为{_q(latest.value, unit)}，目前符合“{_goal_zh(goal)}”"
    now_en = f"{_q_en(latest.value, unit)} in {latest.year} meets '{_goal_en(goal)}' today"
    if fit is None or proj is None:
        nz, ne = _need(ctx, latest)
        zh = f"{now_zh}，但只有1个数据点，无法判断能否保持；{nz}"
        en = f"{now_en}, but a single data point cannot show whether it will hold; {ne}"
        return out(Status.INSUFFICIENT, "hold", zh, en, latest=latest)
    d = 1 if goal.comparator in (">=", ">") else -1
    gap = _gap(goal.value, d, proj)
    if _meets(proj.value, goal.comparator, goal.value, _TOL_FIT):
        zh = f"{now_zh}；{_proj_zh(proj, unit)}，可以保持"
        en = f"{now_en}; {_proj_en(proj, unit)}: it holds"
        if proj.low is not None and proj.high is not None:
            edge = proj.low if d > 0 else proj.high
            if not _meets(edge, goal.comparator, goal.value, _TOL_FIT):
                zh += "，但预测区间越过目标线，需持续关注"
                en += ", though the prediction interval crosses the line: keep watching"
        return out(Status.ON_TRACK, "hold", zh, en, base=seg[0], latest=latest, projection=proj, gap=gap)
    when = ""
    if fit.slope != 0:
        t_cross = fit.anchor + (goal.value - fit.intercept) / fit.slope
        if math.isfinite(t_cross) and latest.t < t_cross <= (goal.year or t_cross):
            when = f"，约{math.ceil(round(t_cross, 6))}年越过目标线"
    zh = f"{now_zh}；但{_proj_zh(proj, unit)}{when}，需采取措施保持"
    en = f"{now_en}; but {_proj_en(proj, unit)}: it will not hold on the present trend"
    return out(Status.ACCELERATE, "hold", zh, en, base=seg[0], latest=latest, projection=proj, gap=gap)


def _assess_band(
    seg: Sequence[Point],
    goal: Goal,
    band: tuple[float, float],
    proj: Projection | None,
    bounds: tuple[float | None, float | None],
    out: _Out,
    ctx: _Ctx,
) -> Assessment:
    """A band (≈ or a range): inside it is met; outside, growth towards its nearer edge."""
    unit = goal.unit
    latest = seg[-1]
    lo, hi = band
    if _in_band(latest.value, band):
        zh = f"{latest.year}年为{_q(latest.value, unit)}，在目标区间{_num(lo)}—{_q(hi, unit)}内"
        en = f"{_q_en(latest.value, unit)} in {latest.year} is inside the target band {_num(lo)}–{_q_en(hi, unit)}"
        if not goal.hold or ctx.sdg:
            return out(Status.ACHIEVED, "band", zh, en, base=seg[0], latest=latest, projection=proj)
        if proj is None:
            nz, ne = _need(ctx, latest)
            return out(
                Status.INSUFFICIENT,
                "band",
                zh + f"，但只有1个数据点，无法判断能否保持；{nz}",
                en + f", but a single data point cannot show whether it stays there; {ne}",
                latest=latest,
            )
        inside = _in_band(proj.value, band, _TOL_FIT)
        zh += f"；{_proj_zh(proj, unit)}" + ("，可以保持" if inside else "，将偏离区间")
        en += f"; {_proj_en(proj, unit)}" + (": it stays inside" if inside else ": it drifts out")
        status = Status.ON_TRACK if inside else Status.ACCELERATE
        return out(status, "band", zh, en, base=seg[0], latest=latest, projection=proj)
    d = 1 if latest.value < lo else -1
    edge = lo if d > 0 else hi
    del bounds  # a band is reached at its nearer edge, never judged on the distance to a limit
    return _assess_reach(seg, goal, edge, d, (None, None), out, ctx)


# relational targets -------------------------------------------------------------------------------
def assess_relation(
    series: Series,
    reference: Series,
    relation: Relation,
    *,
    today: date | None = None,
    methodology: Methodology = "luoshi",
) -> Assessment:
    """Whether ``series`` stands in ``relation`` to ``reference`` by the target year: already
    crossed, the expected crossing year from both weighted trends, or none before HORIZON.

    Open SDG has no method for one indicator against another: with ``methodology="open_sdg"`` the
    relation is assessed as luoshi does, and the explanation says so."""
    if methodology not in METHODOLOGIES:
        raise ValueError(f"unknown methodology: {methodology!r}")
    today = today or date.today()
    a_name, b_name = relation.indicator, relation.reference
    unit = series.unit
    seg_a, brk_a = series.segment()
    seg_b, brk_b = reference.segment()
    notes = _Notes([], [])
    for s, brk, seg in ((series, brk_a, seg_a), (reference, brk_b, seg_b)):
        if s.caveat_zh:
            notes.add(s.caveat_zh, s.caveat_en or s.caveat_zh)
        if brk is not None:
            notes.add(
                f"{s.indicator}{brk.year}年起{brk.reason_zh}，只用{brk.year}年起的{len(seg)}个数据点",
                f"{s.indicator}: {brk.reason_en} from {brk.year}, only the points from {brk.year} on are used",
            )

    if methodology == "open_sdg":
        notes.add(
            "Open SDG没有两个指标比较的方法，按落实方法评估",
            "Open SDG has no method for one indicator against another: assessed by luoshi's method",
        )

    def out(status: Status, method: Method, zh: str, en: str, **kw: Any) -> Assessment:
        ezh, een = notes.after(zh, en)
        return Assessment(
            status, method, ezh, een, indicator=a_name, unit=unit, methodology=methodology, **kw
        )

    def need(names: Sequence[str], latest: Point | None) -> tuple[str, str]:
        zh = (
            "需要"
            + "和".join(f"“{n}”" for n in names)
            + ("各" if len(names) > 1 else "")
            + "至少两年的数据，才能推算何时"
            + cmp_zh
        )
        en = "at least two years of data on " + " and ".join(names) + (" each" if len(names) > 1 else "")
        en += f" are needed to tell when it goes {cmp_en}"
        if latest is not None:
            zh += f"（再有{latest.year + 1}年或以后一年的数据即可）"
            en += f" (one more value for {latest.year + 1} or later would do)"
        return zh, en

    cmp_zh = "超过" if relation.comparator in (">", ">=") else "低于"
    cmp_en = "above" if relation.comparator in (">", ">=") else "below"
    if relation.year is None:
        return out(Status.NOT_ASSESSABLE, "none", "目标没有年份，无法判断进度", "the target has no year")
    if relation.comparator not in (">", ">=", "<", "<="):
        return out(
            Status.NOT_ASSESSABLE,
            "none",
            f"“{relation.comparator}”关系目标尚不能自动评估",
            f"a '{relation.comparator}' relation cannot be assessed automatically yet",
        )
    try:
        if reference.unit != unit:
            seg_b = tuple(replace(p, value=convert(p.value, reference.unit, unit)) for p in seg_b)
    except UnitError as e:
        return out(Status.NOT_ASSESSABLE, "none", e.message_zh, e.message_en)
    missing = [n for n, s in ((a_name, seg_a), (b_name, seg_b)) if not s]
    if missing:
        nz, ne = need(missing, None)
        zh = f"{'、'.join(missing)}没有数据；{nz}"
        return out(Status.INSUFFICIENT, "none", zh, f"no data for {', '.join(missing)}; {ne}")

    d = 1 if relation.comparator in (">", ">=") else -1
    T = relation.year

    def holds(x: float, y: float, tol: float = _TOL) -> bool:
        return _meets(x, relation.comparator, y, tol)

    by_t_b = {round(p.t, 6): p for p in seg_b}
    common = [(p, by_t_b[round(p.t, 6)]) for p in seg_a if round(p.t, 6) in by_t_b]

    # the target year is in both series
    at_a = next((p for p in seg_a if p.t >= T - 1e-9), None)
    at_b = next((p for p in seg_b if p.t >= T - 1e-9), None)
    if at_a is not None and at_b is not None:
        pa = next((p for p in seg_a if p.year == T), at_a)
        pb = next((p for p in seg_b if p.year == T), at_b)
        ok = holds(pa.value, pb.value)
        zh = f"{pa.year}年{a_name}{_q(pa.value, unit)}，{b_name}{_q(pb.value, unit)}"
        en = f"{a_name} {_q_en(pa.value, unit)} against {b_name} {_q_en(pb.value, unit)} in {pa.year}"
        return out(Status.ACHIEVED if ok else Status.MISSED, "observed", zh, en, latest=pa)

    if common and holds(common[-1][0].value, common[-1][1].value):
        pa, pb = common[-1]
        zh = f"{pa.year}年{a_name}{_q(pa.value, unit)}，已{cmp_zh}{b_name}{_q(pb.value, unit)}"
        en = f"{a_name} was {_q_en(pa.value, unit)} in {pa.year}, already {cmp_en} {b_name} at {_q_en(pb.value, unit)}"
        return out(Status.ACHIEVED, "relation", zh, en, latest=pa, crossing_year=pa.year)

    fit_a, fit_b = _fit(seg_a), _fit(seg_b)
    if fit_a is None and fit_b is None:
        pa, pb = seg_a[-1], seg_b[-1]
        zh = (
            f"{a_name}和{b_name}都只有1个数据点（{a_name}{pa.year}年{_q(pa.value, unit)}，"
            f"{b_name}{pb.year}年{_q(pb.value, unit)}），无法推算趋势"
        )
        en = (
            f"{a_name} and {b_name} have a single data point each ({_q_en(pa.value, unit)} in {pa.year}, "
            f"{_q_en(pb.value, unit)} in {pb.year}): no trend to project"
        )
        nz, ne = need([a_name, b_name], pa if pa.t >= pb.t else pb)
        return out(Status.INSUFFICIENT, "none", f"{zh}；{nz}", f"{en}; {ne}", latest=pa)
    lines: list[tuple[float, float, float]] = []  # (anchor, value at anchor, slope)
    for name, seg, fit in ((a_name, seg_a, fit_a), (b_name, seg_b, fit_b)):
        if fit is None:
            p = seg[-1]
            lines.append((p.t, p.value, 0.0))
            notes.add(
                f"{name}只有{p.year}年1个数据点，假定保持不变（再有{p.year + 1}年或以后一年的数据即可推算其趋势）",
                f"{name} has a single data point ({p.year}), assumed to stay level "
                f"(one more value for {p.year + 1} or later would give its trend)",
            )
        else:
            lines.append((fit.anchor, fit.intercept, fit.slope))
    (ta, ya, ka), (tb, yb, kb) = lines
    t_now = max(seg_a[-1].t, seg_b[-1].t)

    def trend_a(t: float) -> float:
        return ya + ka * (t - ta)

    def trend_b(t: float) -> float:
        return yb + kb * (t - tb)

    a_now, b_now, a_T, b_T = trend_a(t_now), trend_b(t_now), trend_a(T), trend_b(T)
    d_now, k = a_now - b_now, ka - kb
    # differences within the rounding of the fits are none: equal series must stay equal in any unit
    scale = max(abs(a_now), abs(b_now))
    if abs(d_now) <= _TOL_FIT * scale:
        d_now = 0.0
    if abs(k) <= _TOL_FIT * max(abs(ka), abs(kb)) or abs(k) * max(1.0, abs(T - t_now)) <= _TOL_FIT * scale:
        k = 0.0
    proj_a = Projection(T, a_T, None, None, len(seg_a), ka)
    gap = d * (b_T - a_T) if math.isfinite(b_T - a_T) else None
    if not (math.isfinite(d_now) and math.isfinite(k)):
        return out(
            Status.NOT_ASSESSABLE, "none", "数值超出可计算范围", "the values are out of the computable range"
        )
    if holds(a_now, b_now, _TOL_FIT) or T - t_now <= 0:
        ok = holds(a_T, b_T, _TOL_FIT)
        zh = f"按趋势{T}年{a_name}" + (f"将{cmp_zh}{b_name}" if ok else f"仍未{cmp_zh}{b_name}")
        en = f"on the trends {a_name} will {'be' if ok else 'not be'} {cmp_en} {b_name} in {T}"
        status = Status.ON_TRACK if ok else Status.MISSED
        crossed = math.ceil(round(t_now, 6)) if ok else None
        return out(status, "relation", zh, en, projection=proj_a, gap=gap, crossing_year=crossed)

    required = -d_now / (T - t_now)  # change of a − b per year needed to cross by T
    ratio = _ratio(d * k, required)
    status = _by_ratio(ratio)
    crossing: int | None = None
    if d * k > 0:
        t_star = t_now - d_now / k
        if math.isfinite(t_star) and t_star <= HORIZON:
            crossing = math.ceil(round(t_star, 6))
    if crossing is not None:
        zh = f"按趋势{a_name}约于{crossing}年{cmp_zh}{b_name}"
        en = f"on the trends {a_name} goes {cmp_en} {b_name} in about {crossing}"
        zh += "，早于或等于目标年份" if crossing <= T else f"，晚于目标年份{T}年"
        en += ", by the target year" if crossing <= T else f", after the target year {T}"
    elif d * k > 0:
        zh = f"差距在缩小，但按趋势{HORIZON}年前{a_name}不会{cmp_zh}{b_name}"
        en = f"the gap is closing, but on the trends {a_name} does not go {cmp_en} {b_name} before {HORIZON}"
    else:
        zh = f"差距{'在扩大' if d * k < 0 else '没有缩小'}，按趋势{HORIZON}年前{a_name}不会{cmp_zh}{b_name}"
        en = (
            f"the gap is {'widening' if d * k < 0 else 'not closing'}: on the trends {a_name} "
            f"does not go {cmp_en} {b_name} before {HORIZON}"
        )
    return out(
        status,
        "relation",
        zh,
        en,
        ratio=ratio,
        actual_rate=k,
        required_rate=required,
        latest=seg_a[-1],
        projection=proj_a,
        gap=gap,
        crossing_year=crossing,
    )


# Open SDG's score ---------------------------------------------------------------------------------
def progress_score(value: float, on_track_at: float, accelerate_at: float) -> float:
    """A progress measure (R, or a growth rate without a target) as a score from −5 to 5, continuous
    and increasing, with the status thresholds at fixed scores: 0 (limited progress from here),
    2.5 (acceleration needed) and 5 (on track, and target achieved). Below 0 it falls to −5 where
    the series moves away as fast as on-track progress would move towards the target.

    >>> progress_score(0.95, 0.95, 0.6), progress_score(0.6, 0.95, 0.6), progress_score(0, 0.95, 0.6)
    (5.0, 2.5, 0.0)
    """
    if math.isnan(value):
        return math.nan
    half = SCORE_MAX / 2
    if value >= on_track_at:
        s = SCORE_MAX
    elif value >= accelerate_at:
        s = half + half * (value - accelerate_at) / (on_track_at - accelerate_at)
    elif value >= 0:
        s = half * value / accelerate_at
    else:
        s = max(-SCORE_MAX, SCORE_MAX * value / on_track_at)
    return round(s, 9)


@dataclass(frozen=True, slots=True)
class Summary:
    """Scores averaged over several series (or targets): the mean, the status it stands for, how many
    assessments had a score and how many did not."""

    score: float | None
    status: Status | None
    scored: int
    unscored: int

    @property
    def label_zh(self) -> str:
        return self.status.label_zh if self.status is not None else "无法计算"

    @property
    def label_en(self) -> str:
        return self.status.label_en if self.status is not None else "Cannot be computed"


def summarise(assessments: Iterable[Assessment]) -> Summary:
    """Open SDG's way to combine series: the mean of their scores, read back with the same cuts
    (5 on track, 2.5 acceleration needed, 0 limited progress, below deteriorating; achieved when
    every one is). Assessments without a score (luoshi's method, insufficient data, a relation …)
    are counted apart."""
    scored: list[tuple[float, Status]] = []
    unscored = 0
    for a in assessments:
        if a.score is None or math.isnan(a.score):
            unscored += 1
        else:
            scored.append((a.score, a.status))
    if not scored:
        return Summary(None, None, 0, unscored)
    mean = round(sum(x for x, _ in scored) / len(scored), 9)
    if all(st is Status.ACHIEVED for _, st in scored):
        status = Status.ACHIEVED
    elif mean >= SCORE_MAX:
        status = Status.ON_TRACK
    elif mean >= SCORE_MAX / 2:
        status = Status.ACCELERATE
    elif mean >= 0:
        status = Status.LIMITED
    else:
        status = Status.DETERIORATING
    return Summary(mean, status, len(scored), unscored)


# milestones ---------------------------------------------------------------------------------------
def _zh_day(d: date) -> str:
    """A date in Chinese prose, 2025年12月31日 (as luoshi.web.display.day writes it; this module is pure)."""
    return f"{d.year}年{d.month}月{d.day}日"


def assess_milestone(
    deadline: date | int, done_on: date | None, today: date | None = None, *, indicator: str = ""
) -> Assessment:
    """Done (on time or late), not done yet, or overdue. A year as deadline means its 31 December."""
    today = today or date.today()
    due = date(deadline, 12, 31) if isinstance(deadline, int) else deadline
    kw: dict[str, Any] = {"indicator": indicator, "milestone": True}
    if done_on is not None:
        late = (done_on - due).days
        zh = f"{_zh_day(done_on)}完成" + (f"，比期限{_zh_day(due)}晚{late}天" if late > 0 else "")
        en = f"completed on {done_on.isoformat()}" + (
            f", {late} days after the deadline {due.isoformat()}" if late > 0 else ""
        )
        return Assessment(Status.DONE, "milestone", zh, en, **kw)
    left = (due - today).days
    if left < 0:
        zh = f"期限{_zh_day(due)}已过{-left}天"
        en = f"{-left} days past the deadline {due.isoformat()}"
        return Assessment(Status.OVERDUE, "milestone", zh, en, **kw)
    zh = f"距期限{_zh_day(due)}还有{left}天"
    en = f"{left} days before the deadline {due.isoformat()}"
    return Assessment(Status.NOT_DONE, "milestone", zh, en, **kw)


# delivery confidence ------------------------------------------------------------------------------
_GOOD = {Status.ACHIEVED, Status.ON_TRACK, Status.DONE}
_MIDDLING = {Status.ACCELERATE}
_BAD = {Status.LIMITED, Status.DETERIORATING, Status.MISSED, Status.OVERDUE}

# (indicator, tasks) → confidence; each is "good", "middling", "bad" or "unknown"
_MATRIX = {
    ("good", "good"): Confidence.GREEN,
    ("good", "middling"): Confidence.GREEN,
    ("good", "bad"): Confidence.AMBER_GREEN,
    ("good", "unknown"): Confidence.GREEN,
    ("middling", "good"): Confidence.AMBER_GREEN,
    ("middling", "middling"): Confidence.AMBER_RED,
    ("middling", "bad"): Confidence.AMBER_RED,
    ("middling", "unknown"): Confidence.AMBER_RED,
    ("bad", "good"): Confidence.AMBER_RED,
    ("bad", "middling"): Confidence.RED,
    ("bad", "bad"): Confidence.RED,
    ("bad", "unknown"): Confidence.RED,
    ("unknown", "good"): Confidence.AMBER_GREEN,
    ("unknown", "middling"): Confidence.AMBER_RED,
    ("unknown", "bad"): Confidence.RED,
    ("unknown", "unknown"): Confidence.UNKNOWN,
}
_NOT_DUE = {
    "good": Confidence.GREEN,
    "middling": Confidence.AMBER_GREEN,
    "bad": Confidence.AMBER_RED,
    "unknown": Confidence.UNKNOWN,
}
TASKS_GOOD = 0.9  # share of tasks done or on schedule at or above which the tasks count as good
TASKS_MIDDLING = 0.6


def _grade(status: Status) -> str:
    if status in _GOOD:
        return "good"
    if status in _MIDDLING:
        return "middling"
    if status in _BAD:
        return "bad"
    return "unknown"


def _task_grade(tasks: TaskView | None) -> str:
    share = tasks.share_ok if tasks is not None else None
    if share is None:
        return "unknown"
    if share >= TASKS_GOOD:
        return "good"
    return "middling" if share >= TASKS_MIDDLING else "bad"


def delivery(assessment: Assessment, tasks: TaskView | None = None) -> Delivery:
    """Combine the measured status with the ledger's view of the target's tasks (None: unknown)."""
    ind, tsk = _grade(assessment.status), _task_grade(tasks)
    # a milestone not yet due: its tasks are all the evidence there is
    confidence = _NOT_DUE[tsk] if assessment.status is Status.NOT_DONE else _MATRIX[ind, tsk]
    if _no_basis(assessment, ind, tasks) and confidence in (Confidence.GREEN, Confidence.AMBER_GREEN):
        # neither data nor finished linked work: tasks merely under way are no evidence that the
        # target will be met, so it is 灰 (无法判断), never 黄绿 (docs/figures.md); tasks running
        # late still are evidence that it may not
        confidence = Confidence.UNKNOWN
    zh, en = _task_clause(assessment, ind, tasks)
    sentence_zh = f"{assessment.label_zh}：{assessment.explanation_zh}{zh}。"
    sentence_en = f"{assessment.label_en}: {assessment.explanation_en}{en}."
    return Delivery(
        assessment.status,
        assessment.label_zh,
        assessment.label_en,
        confidence,
        confidence.label_zh,
        confidence.label_en,
        sentence_zh,
        sentence_en,
        assessment.ratio,
        assessment.projection,
        assessment.gap,
        assessment,
        tasks,
    )


def _no_basis(a: Assessment, ind: str, tasks: TaskView | None) -> bool:
    """No data on the indicator, and no linked task finished (a milestone has its deadline to go by)."""
    finished = tasks is not None and tasks.total > 0 and tasks.done > 0
    return ind == "unknown" and not a.milestone and not finished


def _task_clause(a: Assessment, ind: str, tasks: TaskView | None) -> tuple[str, str]:
    if tasks is None or tasks.total <= 0:
        if ind == "unknown" and not a.milestone:
            return "；也没有关联任务的进展，无法判断", "; nor is there progress on linked tasks to judge by"
        return "", ""
    if _no_basis(a, ind, tasks) and _task_grade(tasks) == "good":
        n = tasks.total
        return (
            f"；关联任务{n}项均在推进、尚无一项完成，没有可作依据的结果，无法判断",
            f"; the {n} linked tasks are under way but none is done: nothing to judge by",
        )
    n, done, late = tasks.total, min(tasks.done, tasks.total), min(tasks.late, tasks.total)
    counts_zh = f"关联任务{n}项中{done}项已完成、{late}项滞后"
    counts_en = f"of {n} linked tasks {done} are done and {late} late"
    all_done = done >= n
    tasks_lag = _task_grade(tasks) != "good"
    if a.milestone:
        return f"；{counts_zh}", f"; {counts_en}"
    if all_done and ind in ("middling", "bad"):
        return (
            f"；关联任务{n}项已全部完成，但指标仍未达到进度要求，现有措施可能不足以实现目标",
            f"; all {n} linked tasks are done, yet the indicator lags: the measures may not be enough",
        )
    if ind == "good" and tasks_lag:
        return (
            f"；指标进度正常，但{counts_zh}，任务推进落后于指标",
            f"; the indicator is on track, but {counts_en}: the tasks lag behind the indicator",
        )
    if ind == "unknown":
        return (
            f"；指标暂无法判断，按任务进展看：{counts_zh}",
            f"; the indicator cannot tell yet; by the tasks: {counts_en}",
        )
    return f"；{counts_zh}", f"; {counts_en}"
