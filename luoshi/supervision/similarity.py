"""How alike two report texts are: Jaccard similarity of their character bigrams.

Before comparing, whitespace and punctuation are dropped and every run of digits becomes one "0",
so that a report copied with its figures and dates updated ("完成投资12亿元" → "完成投资15亿元")
still counts as a copy. Pure Python, no Django.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_NOISE = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"[0-9０-９.．%％]+")


def normalize(text: str) -> str:
    return _NOISE.sub("", _DIGITS.sub("0", text or "")).lower()


def bigrams(text: str) -> frozenset[str]:
    t = normalize(text)
    if len(t) < 2:
        return frozenset([t]) if t else frozenset()
    return frozenset(t[i : i + 2] for i in range(len(t) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str) -> float:
    """0 (nothing in common) to 1 (the same text, punctuation, spacing and figures aside)."""
    return jaccard(bigrams(a), bigrams(b))


@dataclass(frozen=True)
class Segment:
    text: str
    same: bool


def side_by_side(a: str, b: str) -> tuple[list[Segment], list[Segment]]:
    """The two texts cut into runs that both share (``same``) and runs only one has, for display."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[Segment] = []
    right: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(Segment(a[i1:i2], True))
            right.append(Segment(b[j1:j2], True))
        else:
            if i2 > i1:
                left.append(Segment(a[i1:i2], False))
            if j2 > j1:
                right.append(Segment(b[j1:j2], False))
    return left, right
