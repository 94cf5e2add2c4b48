"""SVG drawn by the server for the dashboard (pure: no Django, no script, no external asset).

Each figure carries ``role="img"``, a ``<title>`` and a ``<desc>`` that reads the numbers out; the
numbers are also printed beside it as text, so colour never carries the meaning alone, and every
shape has a pattern or a label of its own so that it prints in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

COLOURS = {
    "red": "#cf222e",
    "yellow": "#d4a72c",
    "green": "#1a7f37",
    "unassigned": "#bf3989",
    "undated": "#8250df",
    "done": "#57606a",
    "suspended": "#afb8c1",
    "none": "#eaeef2",
    "amber_red": "#e16f24",
    "amber_green": "#8fb339",
    "unknown": "#d0d7de",
}


def stacked_bar(
    parts: Sequence[tuple[str, str, int, str]], *, title: str, width: int = 640, height: int = 28
) -> str:
    """A horizontal bar split by share: ``parts`` are (key, label, count, link). Each segment is a link
    to the tasks behind it, with its label and count as its tooltip."""
    total = sum(n for _k, _l, n, _u in parts)
    desc = "；".join(f"{label} {n}" for _k, label, n, _u in parts)
    out = [
        f'<svg class="bar" role="img" viewBox="0 0 {width} {height}" width="100%" height="{height}" '
        f'preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
    ]
    x = 0.0
    for key, label, n, url in parts:
        if not n or not total:
            continue
        w = width * n / total
        rect = (
            f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="{height}" fill="{COLOURS.get(key, "#ccc")}" '
            f'stroke="#fff" stroke-width="1"><title>{escape(label)} {n}</title></rect>'
        )
        out.append(f'<a href="{escape(url)}">{rect}</a>' if url else rect)
        x += w
    if not total:
        out.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f6f8fa" stroke="#d0d7de"/>')
    out.append("</svg>")
    return "".join(out)


def trend_lines(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], str]],
    *,
    title: str,
    width: int = 640,
    height: int = 200,
) -> str:
    """Shares (0–1) over periods as lines: ``series`` are (name, values, dash pattern). Missing values
    break the line. The axis is 0–100%."""
    left, right, top, bottom = 44, 12, 12, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(labels)

    def x(i: int) -> float:
        return left + (plot_w * (i + 0.5) / n if n else 0)

    def y(v: float) -> float:
        return top + plot_h * (1 - max(0.0, min(1.0, v)))

    desc = []
    for name, values, _dash in series:
        shown = "，".join(
            f"{labels[i]} {'—' if v is None else f'{v * 100:.0f}%'}" for i, v in enumerate(values)
        )
        desc.append(f"{name}：{shown}")
    out = [
        f'<svg class="trend" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title><desc>{escape('；'.join(desc))}</desc>",
    ]
    for pct in (0, 25, 50, 75, 100):
        yy = y(pct / 100)
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#d0d7de" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" fill="#59636e">{pct}%</text>'
        )
    for i, label in enumerate(labels):
        out.append(
            f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
            f'fill="#1f2328">{escape(label)}</text>'
        )
    markers = ("circle", "square", "diamond")
    for s, (name, values, dash) in enumerate(series):
        segment: list[str] = []
        for i, v in enumerate([*values, None]):
            if v is None:
                if len(segment) > 1:
                    out.append(
                        f'<polyline points="{" ".join(segment)}" fill="none" stroke="#1f2328" '
                        f'stroke-width="2" stroke-dasharray="{dash}"/>'
                    )
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(v):.1f}")
            out.append(_marker(markers[s % 3], x(i), y(v), f"{name} {labels[i]} {v * 100:.0f}%"))
        lx = left + s * 200
        out.append(
            f'<line x1="{lx}" x2="{lx + 28}" y1="{height - 12}" y2="{height - 12}" stroke="#1f2328" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
            + _marker(markers[s % 3], lx + 14, height - 12, name)
            + f'<text x="{lx + 34}" y="{height - 8}" font-size="12" fill="#1f2328">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _marker(kind: str, cx: float, cy: float, tip: str) -> str:
    t = f"<title>{escape(tip)}</title>"
    if kind == "square":
        return f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" fill="#fff" stroke="#1f2328">{t}</rect>'
    if kind == "diamond":
        pts = f"{cx:.1f},{cy - 5:.1f} {cx + 5:.1f},{cy:.1f} {cx:.1f},{cy + 5:.1f} {cx - 5:.1f},{cy:.1f}"
        return f'<polygon points="{pts}" fill="#1f2328">{t}</polygon>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="#1f2328">{t}</circle>'
