"""Plain-text tables for the terminal (pure: the CLI's ``--bundled`` path runs without Django)."""

from __future__ import annotations

import unicodedata

from .maths import Confidence

__all__ = ["confidence_short", "text_table"]


def text_table(headers: list[str], rows: list[list[str]], notes: list[str] | None = None) -> str:
    """Rows aligned in columns for a terminal (a CJK character is two columns wide); each row's note,
    if any, on the line below it, indented."""

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    for n, r in enumerate(rows):
        out.append(line(r))
        if notes and notes[n]:
            out.append("    " + notes[n])
    return "\n".join(out)


def confidence_short(c: Confidence, *, english: bool = False) -> str:
    """绿, 黄绿, 黄红, 红, 灰 (or green, amber-green … in English), for tables."""
    return c.value.replace("_", "-") if english else _SHORT[c]


_SHORT = {
    Confidence.GREEN: "绿",
    Confidence.AMBER_GREEN: "黄绿",
    Confidence.AMBER_RED: "黄红",
    Confidence.RED: "红",
    Confidence.UNKNOWN: "灰",
}
