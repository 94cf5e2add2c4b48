"""Outline: find the headings among the paragraphs and build the tree of sections.

Numbered headings come in a fixed order of rank: 第一部分 > 一、 > （一） > 1. > （1）. A heading may
stand alone (一、总体要求) or be inline, its title the paragraph's first sentence
(（二）强化教育科技人才支撑。坚持…). A text that starts mid-document has sections whose parent heading is
missing: the parent is inferred, its number taken from the next heading of its rank (（二） before
四、 → the parent is 三). Some reports use unnumbered top headings; they are found where the numbering
below them restarts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._model import Section
from ._text import ordinal, to_cn

_HEADING = re.compile(
    r"(?P<part>第(?P<pn>[一二三四五六七八九十]{1,3})(?:部分|章|篇))\s*"
    r"|(?P<cn>(?P<cnn>[一二三四五六七八九十]{1,3})[、．](?![一二三四五六七八九十]{1,2}[、，]))"
    r"|(?P<pcn>[（(](?P<pcnn>[一二三四五六七八九十]{1,3})[）)])"
    r"|(?P<ar>(?P<arn>\d{1,2})(?:[．、]|\.(?!\d)))"
    r"|(?P<par>[（(](?P<parn>\d{1,2})[）)])"
)
_RANKS = {"part": 0, "cn": 1, "pcn": 2, "ar": 3, "par": 4}
_SENTENCE_END = re.compile(r"[。！？!?]")
_STANDALONE_PUNCT = re.compile(r"[，。；！？：,;!?:]")


@dataclass(slots=True)
class Block:
    """A body paragraph and the section it belongs to."""

    section: str | None
    text: str


@dataclass(slots=True)
class _Heading:
    rank: float
    number: str | None  # as printed: 四, 二, 3
    n: int | None  # as an int
    title: str | None
    body: str  # the rest of an inline heading's paragraph


def outline(paragraphs: list[str]) -> tuple[list[Section], list[Block]]:
    parsed: list[_Heading | None] = [_parse_heading(p) for p in paragraphs]
    _mark_unnumbered(paragraphs, parsed)
    _drop_out_of_sequence(parsed)
    later = _later_higher(parsed)

    sections: list[Section] = []
    blocks: list[Block] = []
    ids = _Ids()
    stack: list[tuple[float, Section]] = []
    for i, (para, h) in enumerate(zip(paragraphs, parsed, strict=True)):
        if h is None:
            blocks.append(Block(stack[-1][1].id if stack else None, para))
            continue
        while stack and stack[-1][0] >= h.rank:
            stack.pop()
        if not stack and h.n is not None and later[i] is not None:
            # a heading with no parent while a heading of a higher rank comes later: its parent's
            # heading is missing (the text starts mid-document); number it from that later one
            nxt = later[i]
            assert nxt is not None
            if nxt.n is not None and nxt.n > 1:
                number = str(nxt.n - 1) if (nxt.number or "").isdigit() else to_cn(nxt.n - 1)
                parent = ids.section(None, number, nxt.n - 1, stack, inferred=True)
                sections.append(parent)
                stack.append((nxt.rank, parent))
        sec = ids.section(h.title, h.number, h.n, stack)
        sections.append(sec)
        stack.append((h.rank, sec))
        if h.body:
            blocks.append(Block(sec.id, h.body))
    return sections, blocks


class _Ids:
    """Section ids: the path of numbers (4.1); unnumbered headings count among their siblings;
    a number seen twice under one parent gets -2, -3 …"""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.unnumbered: dict[str | None, int] = {}

    def section(
        self,
        title: str | None,
        number: str | None,
        n: int | None,
        stack: list[tuple[float, Section]],
        *,
        inferred: bool = False,
    ) -> Section:
        parent_id = stack[-1][1].id if stack else None
        if n is None:
            self.unnumbered[parent_id] = self.unnumbered.get(parent_id, 0) + 1
            local = str(self.unnumbered[parent_id])
        else:
            local = str(n)
        sid = f"{parent_id}.{local}" if parent_id else local
        count = self.seen.get(sid, 0) + 1
        self.seen[sid] = count
        if count > 1:
            sid = f"{sid}-{count}"
            self.seen[sid] = 1
        return Section(sid, len(stack) + 1, number, title, parent_id, inferred)


def _later_higher(parsed: list[_Heading | None]) -> list[_Heading | None]:
    """For each heading, the first later heading of a higher rank (or None), in one pass."""
    out: list[_Heading | None] = [None] * len(parsed)
    nearest: dict[float, tuple[int, _Heading]] = {}
    for i in range(len(parsed) - 1, -1, -1):
        h = parsed[i]
        if h is None:
            continue
        best = min((v for r, v in nearest.items() if r < h.rank), default=None, key=lambda v: v[0])
        out[i] = best[1] if best else None
        nearest[h.rank] = (i, h)
    return out


def _parse_heading(p: str) -> _Heading | None:
    m = _HEADING.match(p)
    if not m:
        return None
    kind = m.lastgroup
    for k in _RANKS:
        if m.group(k):
            kind = k
            break
    assert kind is not None
    number = m.group({"part": "pn", "cn": "cnn", "pcn": "pcnn", "ar": "arn", "par": "parn"}[kind])
    rest = p[m.end() :].strip()
    if not rest:
        return None
    title, body = _split_title(rest)
    if not title:
        return None
    return _Heading(_RANKS[kind], number, ordinal(number), title, body)


def _split_title(rest: str) -> tuple[str, str]:
    """An inline heading's title is its first sentence; a standalone heading is all title."""
    m = _SENTENCE_END.search(rest)
    colon = rest.find("：")
    if 0 < colon <= 20 and (m is None or colon < m.start()):
        return rest[:colon].strip(), rest[colon + 1 :].strip()
    if m is None:
        return rest.rstrip("；;，, "), ""
    return rest[: m.start()].strip(), rest[m.end() :].lstrip("”’」』） ").strip()


def _drop_out_of_sequence(parsed: list[_Heading | None]) -> None:
    """A number that does not follow its predecessor (一、三、二、) is a list in a sentence, not a heading."""
    last: dict[float, int] = {}
    for i, h in enumerate(parsed):
        if h is None or h.n is None:
            if h is not None:  # an unnumbered heading restarts the numbering below it
                for r in [r for r in last if r > h.rank]:
                    del last[r]
            continue
        prev = last.get(h.rank)
        if prev is not None and not (h.n == 1 or prev < h.n <= prev + 2):
            parsed[i] = None
            continue
        last[h.rank] = h.n
        for r in [r for r in last if r > h.rank]:
            del last[r]


def _mark_unnumbered(paragraphs: list[str], parsed: list[_Heading | None]) -> None:
    """Short standalone lines become headings where the numbering below them restarts.

    （一）…（三） then 重点工作 then （一）… : 重点工作 heads the second run, and a short line right
    before the first run heads that one. A document whose top headings are all unnumbered
    (总体目标 / 重点任务 / 保障措施 above （一）…) gets them as its first level.
    """
    candidates = {
        i
        for i, p in enumerate(paragraphs)
        if parsed[i] is None
        and 2 <= len(p) <= 30
        and not _STANDALONE_PUNCT.search(p)
        and not p.startswith(("“", "《", "（", "("))
        and i + 1 < len(paragraphs)
    }
    if not candidates:
        return
    numbered = [(j, h) for j, h in enumerate(parsed) if h is not None and h.n is not None]
    if not numbered:
        return
    chosen: dict[int, float] = {}
    # runs of each rank between headings of a higher rank; a run that restarts at 1 needs a parent
    last: dict[float, int] = {}
    run_start: dict[float, int] = {}
    for j, h in numbered:
        for r in [r for r in last if r > h.rank]:
            del last[r]
            run_start.pop(r, None)
        if h.rank not in last or (h.n == 1 and last[h.rank] >= 1):
            above = _short_line_above(j, parsed, candidates)
            if h.rank in last and above is not None:  # a restart under a short line
                chosen[above] = h.rank - 0.5
                first = run_start.get(h.rank)
                first_above = _short_line_above(first, parsed, candidates) if first is not None else None
                if first_above is not None:
                    chosen.setdefault(first_above, h.rank - 0.5)
            run_start[h.rank] = j
        last[h.rank] = h.n or 0
    top = min(h.rank for _, h in numbered)
    if not chosen and top > _RANKS["cn"]:
        # no 一、 headings: two or more short standalone lines are the top level
        before_first = [c for c in candidates if c < numbered[0][0]]
        if len(candidates) >= 2 and (before_first or len(candidates) >= 3):
            chosen = dict.fromkeys(candidates, top - 1.5)
    for c, rank in chosen.items():
        parsed[c] = _Heading(rank, None, None, paragraphs[c].strip(), "")


def _short_line_above(j: int, parsed: list[_Heading | None], candidates: set[int]) -> int | None:
    """The short line that heads a run starting at ``j``: right above it, or above one or two
    paragraphs that introduce the run (附件1 / 2026年十件民生实事 / 坚持民生为大，… / 一、…)."""
    for k in range(j - 1, max(-1, j - 4), -1):
        if k in candidates:
            return k
        if parsed[k] is not None:
            return None
    return None
