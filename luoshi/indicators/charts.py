"""A target's chart as SVG, drawn on the server: pure Python, no Django, no external assets.

The chart shows the measured values, the trajectory the target requires (at the required rate), the
projection its status comes from — for a target to reach the path at the actual rate (the same
:class:`~luoshi.indicators.maths.Path` as the sentence), otherwise the weighted trend — with its 95%
prediction band, the target itself and any break in the series. For a relational target it shows both series and their trends, and the year they cross.
It is accessible (``role="img"`` with a ``<title>`` and a ``<desc>`` that reads the data out) and
prints in black and white: every line differs by its dash pattern as well as by its colour.

    >>> from luoshi.indicators import Goal, Series
    >>> s = Series.of("粮食总产量", "亿斤", [(2018, 710.8), (2021, 768.06), (2024, 820)])
    >>> svg = chart(s, goal=Goal("粮食总产量", ">=", 850, "亿斤", 2035))
    >>> svg.startswith("<svg") and 'class="target"' in svg
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .maths import Assessment, Goal, Path, Point, Relation, Series, natural_bounds, project
from .units import UnitError

__all__ = ["chart"]

W, H = 760, 380
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 44, 40

INK = "#1f2328"
MUTED = "#59636e"
ACTUAL = "#0b4f9c"
REFERENCE = "#8250df"
REQUIRED = "#9a6700"
TARGET = "#a4161a"
BAND = "#8c959f"

_LABELS = {
    "zh": {
        "actual": "实际值",
        "required": "实现目标所需路径",
        "trend": "趋势预测",
        "pace": "照目前速度",
        "band": "95%预测区间",
        "target": "目标",
        "break": "断点",
        "before": "断点前（不可比）",
        "before_base": "基年前（未计入）",
        "crossing": "约{year}年超过",
        "crossed": "{year}年已超过",
        "no_data": "暂无实测数据",
        "year": "{year}年",
        "data": "数据：",
        "sep": "；",
        "target_year": "目标年份",
    },
    "en": {
        "actual": "Actual",
        "required": "Required path",
        "trend": "Trend",
        "pace": "At the present pace",
        "band": "95% prediction interval",
        "target": "Target",
        "break": "Break",
        "before": "Before the break (not comparable)",
        "before_base": "Before the base year (not counted)",
        "crossing": "crosses about {year}",
        "crossed": "crossed in {year}",
        "no_data": "No measured values yet",
        "year": "{year}",
        "data": "Data: ",
        "sep": "; ",
        "target_year": "Target year",
    },
}


@dataclass(frozen=True)
class _Scale:
    t0: float
    t1: float
    y0: float
    y1: float

    def x(self, t: float) -> float:
        return LEFT + (t - self.t0) / (self.t1 - self.t0) * (W - LEFT - RIGHT)

    def y(self, v: float) -> float:
        return TOP + (self.y1 - v) / (self.y1 - self.y0) * (H - TOP - BOTTOM)


def _f(v: float) -> str:
    return f"{v:.1f}"


def _num(v: float) -> str:
    if not math.isfinite(v):
        return "—"
    a = abs(v)
    s = f"{v:.0f}" if a >= 100 else f"{v:.2f}" if a < 10 else f"{v:.1f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    span = hi - lo
    if span <= 0 or not math.isfinite(span):
        return [lo]
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.ceil(lo / step) * step
    out = []
    v = start
    while v <= hi + step * 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def _convert(series: Series | None, unit: str) -> Series | None:
    if series is None or not unit or unit == series.unit:
        return series
    try:
        return series.to(unit)
    except UnitError:
        return series


def _trend(
    points: Sequence[Point], until: int, bounds: tuple[float | None, float | None]
) -> list[tuple[float, float, float | None, float | None]]:
    """(t, value, low, high) of the weighted trend each year from the latest point to ``until``."""
    if len(points) < 2:
        return []
    start = math.floor(points[-1].t + 1e-9)  # from the latest point's year (a value as of May: that year)
    out = []
    for year in range(start, until + 1):
        p = project(points, year, bounds=bounds)
        if p is not None:
            out.append((float(year), p.value, p.low, p.high))
    return out


def _along(path: Path, until: int) -> list[tuple[float, float, float | None, float | None]]:
    """(t, value, low, high) of a path from its start to the end of ``until``, a point a year."""
    out: list[tuple[float, float, float | None, float | None]] = []
    ts = [path.t] + [float(y) for y in range(math.floor(path.t) + 1, until + 1)]
    for t in ts:
        v = path.at(t)
        if not math.isfinite(v):
            break
        iv = path.interval(t)
        out.append((t, v, iv[0] if iv else None, iv[1] if iv else None))
    return out


def chart(
    series: Series | None,
    *,
    goal: Goal | None = None,
    relation: Relation | None = None,
    reference: Series | None = None,
    assessment: Assessment | None = None,
    title: str = "",
    description: str = "",
    lang: str = "zh",
) -> str:
    """The SVG of one target (``goal`` or ``relation``), or of a series alone."""
    L = _LABELS["en" if lang.startswith("en") else "zh"]
    unit = goal.unit if goal is not None and goal.unit else (series.unit if series is not None else "")
    series = _convert(series, unit)
    reference = _convert(reference, series.unit if series is not None else unit)
    unit = series.unit if series is not None else unit
    target_year = goal.year if goal is not None else relation.year if relation is not None else None

    pts = list(series.points) if series is not None else []
    seg = list(series.segment()[0]) if series is not None else []
    base_t = assessment.base.t if assessment is not None and assessment.base is not None else None
    if base_t is not None and goal is not None:
        seg = [p for p in seg if p.t >= base_t - 1e-9]  # values before the base year are not counted
    ref_pts = list(reference.points) if reference is not None else []
    ref_seg = list(reference.segment()[0]) if reference is not None else []
    bounds = natural_bounds(goal.indicator if goal else (series.indicator if series else ""), unit)
    horizon = target_year
    if relation is not None and assessment is not None and assessment.crossing_year is not None:
        horizon = max(horizon or assessment.crossing_year, assessment.crossing_year)  # show where they cross
    path = assessment.path if assessment is not None and goal is not None else None
    if path is not None and horizon is not None:
        trend = _along(path, horizon)
    else:
        trend = _trend(seg, horizon, bounds) if horizon is not None else []
    ref_trend = _trend(ref_seg, horizon, (None, None)) if horizon is not None and relation is not None else []

    # the required path: the rate the target requires, from where the method measures it
    required: list[tuple[float, float]] = []
    req = assessment.required_path if assessment is not None and goal is not None else None
    if req is not None and goal is not None and goal.year is not None and req.t < goal.year:
        steps = 24
        for i in range(steps + 1):
            t = req.t + (goal.year - req.t) * i / steps
            v = req.at(t)
            if math.isfinite(v):
                required.append((t, v))

    # ranges
    ts = [p.t for p in pts + ref_pts] + [tr[0] for tr in trend]
    ts.extend(float(y) for y in (target_year, horizon) if y is not None)
    if not ts:
        ts = [2020.0, 2030.0]
    t0, t1 = math.floor(min(ts)) - 0.5, math.ceil(max(ts)) + 0.5
    if t1 - t0 < 3:
        t1 = t0 + 3
    ys = [p.value for p in pts + ref_pts] + [v for _, v in required]
    for _, v, lo, hi in trend + ref_trend:
        ys.append(v)
        ys.extend(x for x in (lo, hi) if x is not None)
    if goal is not None:
        ys.append(goal.value)
        if goal.value_max is not None:
            ys.append(goal.value_max)
    ys = [y for y in ys if math.isfinite(y)]
    if not ys:
        ys = [0.0, 1.0]
    y0, y1 = min(ys), max(ys)
    pad = (y1 - y0) * 0.08 or abs(y1) * 0.1 or 1.0
    y0, y1 = y0 - pad, y1 + pad
    if y0 < 0 <= min(ys):
        y0 = 0.0
    sc = _Scale(t0, t1, y0, y1)

    if not title:
        if goal is not None:
            title = goal.text or goal.indicator
        elif relation is not None:
            title = relation.text or f"{relation.indicator} {relation.comparator} {relation.reference}"
        elif series is not None:
            title = series.indicator
    data = L["sep"].join(f"{L['year'].format(year=p.year)} {_num(p.value)}{unit}" for p in pts)
    desc = " ".join(s for s in (description, (L["data"] + data) if data else L["no_data"]) if s)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" '
        f'role="img" aria-labelledby="chart-title chart-desc" class="indicator-chart" '
        f'font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{W}" height="{H}" fill="#fff"/>',
    ]
    # grid and axes
    out.append(f'<g class="axes" stroke="{MUTED}" fill="{MUTED}">')
    for v in _nice_ticks(y0, y1):
        y = sc.y(v)
        out.append(
            f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{_f(y)}" y2="{_f(y)}" stroke="#eaeef2" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{_f(y + 4)}" text-anchor="end" stroke="none">{escape(_num(v))}</text>'
        )
    span = int(t1 - t0)
    step = max(1, math.ceil(span / 12))
    for year in range(math.ceil(t0), math.floor(t1) + 1):
        if (year - math.ceil(t0)) % step:
            continue
        x = sc.x(year)
        out.append(
            f'<line x1="{_f(x)}" x2="{_f(x)}" y1="{H - BOTTOM}" y2="{H - BOTTOM + 4}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{_f(x)}" y="{H - BOTTOM + 18}" text-anchor="middle" stroke="none">{year}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{H - BOTTOM}" y2="{H - BOTTOM}" stroke-width="1"/>'
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{H - BOTTOM}" stroke-width="1"/>'
        f'<text x="{LEFT - 6}" y="{TOP - 10}" text-anchor="end" stroke="none">{escape(unit)}</text>'
    )
    out.append("</g>")

    # the projection band and the trend
    band = [(t, lo, hi) for t, _, lo, hi in trend if lo is not None and hi is not None]
    if len(band) >= 2:
        upper = " ".join(f"{_f(sc.x(t))},{_f(sc.y(hi))}" for t, _, hi in band)
        lower = " ".join(f"{_f(sc.x(t))},{_f(sc.y(lo))}" for t, lo, _ in reversed(band))
        out.append(
            f'<polygon class="band" points="{upper} {lower}" fill="{BAND}" fill-opacity="0.22" '
            f'stroke="{BAND}" stroke-width="0.8" stroke-dasharray="2 2"><title>{escape(L["band"])}</title></polygon>'
        )
    for tr, color in ((trend, ACTUAL), (ref_trend, REFERENCE)):
        if len(tr) >= 2:
            line = " ".join(f"{_f(sc.x(t))},{_f(sc.y(v))}" for t, v, _, _ in tr)
            name = L["pace"] if path is not None and tr is trend else L["trend"]
            out.append(
                f'<polyline class="trend" points="{line}" fill="none" stroke="{color}" stroke-width="1.5" '
                f'stroke-dasharray="6 4"><title>{escape(name)}</title></polyline>'
            )

    # the target
    if goal is not None and goal.year is not None:
        y = sc.y(goal.value)
        if goal.value_max is not None:
            ya, yb = sorted((sc.y(goal.value), sc.y(goal.value_max)))
            out.append(
                f'<rect class="target-band" x="{LEFT}" y="{_f(ya)}" width="{W - LEFT - RIGHT}" '
                f'height="{_f(yb - ya)}" fill="{TARGET}" fill-opacity="0.08"/>'
            )
        xt = sc.x(goal.year)
        label = (
            f"{L['target']} {goal.comparator.replace('>=', '≥').replace('<=', '≤')}{_num(goal.value)}{unit}"
        )
        out.append(
            f'<g class="target"><line x1="{LEFT}" x2="{W - RIGHT}" y1="{_f(y)}" y2="{_f(y)}" stroke="{TARGET}" '
            f'stroke-width="1" stroke-dasharray="1 3"/>'
            f'<path d="M{_f(xt)},{_f(y - 7)} l7,7 l-7,7 l-7,-7 z" fill="{TARGET}"><title>{escape(label)} '
            f"({escape(L['year'].format(year=goal.year))})</title></path>"
            f'<text x="{_f(min(xt, W - RIGHT - 4))}" y="{_f(y - 11)}" text-anchor="end" fill="{TARGET}">{escape(label)}</text></g>'
        )
    elif relation is not None and relation.year is not None:
        xt = sc.x(relation.year)
        out.append(
            f'<g class="target"><line x1="{_f(xt)}" x2="{_f(xt)}" y1="{TOP}" y2="{H - BOTTOM}" stroke="{TARGET}" '
            f'stroke-width="1.2" stroke-dasharray="1 3"/><text x="{_f(xt - 4)}" y="{TOP + 12}" text-anchor="end" '
            f'fill="{TARGET}">{escape(L["target_year"])} {relation.year}</text></g>'
        )
    if relation is not None and assessment is not None and assessment.crossing_year is not None:
        xc = sc.x(assessment.crossing_year)
        last = max((p.year for p in pts), default=0)
        crossed = "crossed" if assessment.crossing_year <= last else "crossing"
        if LEFT <= xc <= W - RIGHT:
            out.append(
                f'<g class="crossing"><line x1="{_f(xc)}" x2="{_f(xc)}" y1="{TOP}" y2="{H - BOTTOM}" stroke="{INK}" '
                f'stroke-width="1" stroke-dasharray="4 2 1 2"/><text x="{_f(xc + 4)}" y="{TOP + 26}" fill="{INK}">'
                f"{escape(L[crossed].format(year=assessment.crossing_year))}</text></g>"
            )

    # the required path
    if len(required) >= 2:
        line = " ".join(f"{_f(sc.x(t))},{_f(sc.y(v))}" for t, v in required)
        out.append(
            f'<polyline class="required" points="{line}" fill="none" stroke="{REQUIRED}" stroke-width="2" '
            f'stroke-dasharray="10 3 2 3"><title>{escape(L["required"])}</title></polyline>'
        )

    # breaks
    for s in (series, reference):
        if s is None:
            continue
        for b in s.breaks:
            before = [p.t for p in s.points if p.year < b.year]
            after = [p.t for p in s.points if p.year >= b.year]
            if not after:
                continue
            tb = (before[-1] + after[0]) / 2 if before else after[0] - 0.5
            xb = sc.x(tb)
            reason = f"{b.year}{'年起' if not lang.startswith('en') else ': '}{b.reason_zh if not lang.startswith('en') else b.reason_en}"
            out.append(
                f'<g class="break"><line x1="{_f(xb)}" x2="{_f(xb)}" y1="{TOP}" y2="{H - BOTTOM}" stroke="{INK}" '
                f'stroke-width="1.5" stroke-dasharray="3 3"/><text x="{_f(xb + 4)}" y="{H - BOTTOM - 6}" fill="{INK}">'
                f"{escape(L['break'])}：{escape(reason)}</text></g>"
            )

    # the measured values
    for s, ps, sg, color, cls in (
        (series, pts, seg, ACTUAL, "actual"),
        (reference, ref_pts, ref_seg, REFERENCE, "reference"),
    ):
        if s is None or not ps:
            continue
        in_use = {(p.t, p.value) for p in sg}
        line = " ".join(f"{_f(sc.x(p.t))},{_f(sc.y(p.value))}" for p in sg)
        name = escape(s.indicator)
        out.append(f'<g class="{cls}" data-indicator="{name}">')
        if len(sg) >= 2:
            out.append(f'<polyline points="{line}" fill="none" stroke="{color}" stroke-width="2"/>')
        for p in ps:
            used = (p.t, p.value) in in_use
            label = (
                f"{L['year'].format(year=p.year)}{f'-{p.month:02d}' if p.month else ''} {_num(p.value)}{unit}"
            )
            if not used:
                why = (
                    L["before_base"]
                    if base_t is not None and cls == "actual" and p.t < base_t
                    else L["before"]
                )
                label += f"（{why}）" if not lang.startswith("en") else f" ({why})"
            shape = (
                f'<circle cx="{_f(sc.x(p.t))}" cy="{_f(sc.y(p.value))}" r="4"'
                if cls == "actual"
                else f'<rect x="{_f(sc.x(p.t) - 4)}" y="{_f(sc.y(p.value) - 4)}" width="8" height="8"'
            )
            fill = color if used else "#fff"
            out.append(
                f'{shape} class="point" data-year="{p.year}" data-value="{p.value:g}" fill="{fill}" '
                f'stroke="{color}" stroke-width="1.5"><title>{escape(name)} {escape(label)}</title>'
                f"{'</circle>' if cls == 'actual' else '</rect>'}"
            )
        out.append("</g>")
    if not pts and not ref_pts:
        out.append(
            f'<text x="{W / 2:.0f}" y="{H / 2:.0f}" text-anchor="middle" fill="{MUTED}" font-size="14">'
            f"{escape(L['no_data'])}</text>"
        )

    # legend
    items: list[tuple[str, str, str]] = []
    if pts:
        items.append(
            (series.indicator if series is not None and relation is not None else L["actual"], ACTUAL, "")
        )
    if ref_pts and reference is not None:
        items.append((reference.indicator, REFERENCE, ""))
    if required:
        items.append((L["required"], REQUIRED, "10 3 2 3"))
    if len(trend) >= 2 or len(ref_trend) >= 2:
        items.append((L["pace"] if path is not None else L["trend"], ACTUAL, "6 4"))
    if len(band) >= 2:
        items.append((L["band"], BAND, "band"))
    if goal is not None:
        items.append((L["target"], TARGET, "1 3"))
    lx: float = LEFT
    out.append('<g class="legend">')
    for label, color, dash in items:
        if dash == "band":
            out.append(f'<rect x="{lx:.0f}" y="12" width="22" height="10" fill="{BAND}" fill-opacity="0.3"/>')
        else:
            d = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<line x1="{lx:.0f}" x2="{lx + 22:.0f}" y1="17" y2="17" stroke="{color}" stroke-width="2"{d}/>'
            )
        out.append(f'<text x="{lx + 26:.0f}" y="21" fill="{INK}">{escape(label)}</text>')
        lx += 40 + sum(13 if ord(ch) > 0x2E80 else 7 for ch in label)
    out.append("</g></svg>")
    return "\n".join(out)
