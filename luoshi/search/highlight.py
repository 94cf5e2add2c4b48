"""Snippets with the query's words marked, computed from the original text (not the tokens).

A phrase of bigrams matches exactly where the word occurs in the normalised text, so finding the
words again in Python marks what the database found, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import unicodedata
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .tokens import Term


def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """The text normalised character by character, and for each normalised character its position in
    the original text. One pass; each distinct character is normalised once."""
    out: list[str] = []
    where: list[int] = []
    seen: dict[str, str] = {}
    for i, ch in enumerate(text):
        norm = seen.get(ch)
        if norm is None:
            norm = seen[ch] = unicodedata.normalize("NFKC", ch).lower()
        out.append(norm)
        if len(norm) == 1:
            where.append(i)
        else:
            where.extend([i] * len(norm))
    return "".join(out), where


def spans(text: str, terms: list[Term]) -> list[tuple[int, int]]:
    """Where the terms occur in ``text``: merged (start, end) positions in the original text."""
    norm, where = _normalised_with_map(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        needle = term.text
        if not needle:
            continue
        start = norm.find(needle)
        while start != -1:
            end = start + len(needle)
            found.append((where[start], where[end - 1] + 1))
            start = norm.find(needle, end)
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def mark(text: str, terms: list[Term]) -> SafeString:
    """The whole text, escaped, with every occurrence of the terms in <mark>."""
    return _render(text, spans(text, terms), 0, len(text))


def snippet(text: str, terms: list[Term], width: int = 120) -> SafeString:
    """About ``width`` characters of ``text`` around the densest cluster of matches, escaped, with the
    matches in <mark> and … where text was cut.

    Time is linear in the text: the window slides over the matches (which are sorted and do not
    overlap, so their starts and ends both increase) with two pointers, never counting twice."""
    found = spans(text, terms)
    if len(text) <= width:
        return _render(text, found, 0, len(text))
    best_start, best_hits = 0, -1
    first = 0  # the first match starting at or after the window's start
    past = 0  # the first match ending beyond the window's end
    for s, _e in found:
        start = max(0, s - width // 4)
        while first < len(found) and found[first][0] < start:
            first += 1
        past = max(past, first)
        while past < len(found) and found[past][1] <= start + width:
            past += 1
        hits = past - first
        if hits > best_hits:
            best_start, best_hits = start, hits
    end = min(len(text), best_start + width)
    start = max(0, end - width)
    return _render(text, found, start, end)


def _render(text: str, found: list[tuple[int, int]], start: int, end: int) -> SafeString:
    parts = ["…" if start > 0 else ""]
    pos = start
    for s, e in found:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        parts.append(escape(text[pos:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    parts.append(escape(text[pos:end]))
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))
