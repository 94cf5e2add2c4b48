"""What is not a task: the retrospective parts of a report and the preamble of a decision.

A government work report opens by reporting what was done (一、2025年工作回顾; 过去五年，…; ——这是…
的五年). Its sentences are not tasks and its figures are not targets: they are achievements, measured
values with a year. A decision or an opinion opens with a preamble (现就…作出如下决定) and a report
with the speaker's words to the assembly (我代表省人民政府，向大会报告工作，请予审议): not tasks either.

The rules, as a reader of official prose states them:

1. A heading that looks back (回顾, 成就, 过去, 成绩 …) makes its section, and everything under it, a
   review — unless it also looks ahead (“十四五”时期发展成就和“十五五”时期主要目标任务: a mixed section).
2. A section whose heading says neither, and whose first paragraph opens by looking back (2025年是很不
   平凡的一年, 过去一年, 五年来 …), is a review (一、一年接着一年干，…持续取得新进展新成效).
3. In a mixed section, and before the first heading, the paragraphs from one that opens by looking back
   are review until one opens by looking ahead (“十五五”时期是…, 今后五年, 展望未来).
4. Anywhere else, a paragraph that opens by looking back over a period (过去五年, 这五年, “十四五”
   时期，我们…) is review on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._model import Section
from ._text import cn_to_int

# A heading that looks back, and one that looks ahead.
_BACK_TITLE = re.compile(r"回顾|过去|成绩|成就|工作情况|主要进展|取得的|工作总结")
_AHEAD_TITLE = re.compile(r"目标|任务|安排|重点工作|部署|举措|考虑|展望|思路|今后|未来|今年|开局")
_TITLE_YEARS = re.compile(r"([12]\d{3})年|十([一二三四五六七八九])五")

_SALUTED = re.compile(r"^(?:各位代表|同志们)[！!，,：:]?")
# How a paragraph opens when it looks back: over a year or a plan period that has ended.
_BACK_OPEN = re.compile(
    r"(?:过去(?:的)?(?:一|五|这一|这五)?年|过去(?:的)?[一二三四五]年间|刚刚过去的|一年来|五年来|这五年|"
    r"回顾|这是[^。；]{1,40}的(?:一|五)年"
    r"|[—－-]{1,2}这是)"
)
# “十四五”时期是…, “十五五”时期我省…: a plan period, behind or ahead of the document's year
_PLAN_OPEN = re.compile(
    r"“?十([一二三四五六七八九])五”?(?:时期|期间)?(?:是|，|以来|我们|我省|我市|我区|全省|全市|全区|经济|发展)"
)
_YEAR_OPEN = re.compile(r"(?:刚刚过去的)?([12]\d{3})年(?:是|，|,|以来|全省|全市|全区|我们)")
# How a paragraph opens when it looks ahead.
_AHEAD_OPEN = re.compile(
    r"(?:今后五年|未来五年|今后一个时期|展望|今年|"
    r"做好今年|根据[^。]{0,60}(?:建议|纲要)|围绕上述目标|实现上述目标)"
)

# The preamble of a decision, an opinion or a plan, and the speaker's words to the assembly.
PREAMBLE = re.compile(
    r"我代表[^。]{0,30}(?:向大会)?(?:报告|作)[^。]{0,6}工作|请予审议|"
    r"现(?:就|将)[^。]{0,80}(?:决定|意见|通知|要求|方案)(?:如下)?[。：:]?$|"
    r"(?:作出|提出)(?:如下|以下)(?:决定|意见|实施意见)|(?:制定|印发)本(?:方案|计划|意见|规划|办法|要点)"
)


@dataclass(frozen=True, slots=True)
class Verdict:
    """Which sections are review, and which paragraphs of the others."""

    sections: frozenset[str]
    paragraphs: frozenset[int]  # indices into the blocks


def _title_years(title: str) -> list[int]:
    return [int(y) if y else 2005 + 5 * (cn_to_int(p) or 0) for y, p in _TITLE_YEARS.findall(title)]


def looks_back_title(title: str | None, doc_year: int | None = None) -> bool:
    """回顾, 成就 …, or only years that have passed (一、2025年经济运行情况)."""
    if not title:
        return False
    if _BACK_TITLE.search(title):
        return True
    years = _title_years(title) if doc_year is not None else []
    return bool(years) and all(y < doc_year for y in years) and not _AHEAD_TITLE.search(title)  # type: ignore[operator]


def looks_ahead_title(title: str | None, doc_year: int | None = None) -> bool:
    """目标, 任务, 安排 …, or a year or plan period still to come (“十五五”时期, 2026年)."""
    if not title:
        return False
    if _AHEAD_TITLE.search(title):
        return True
    return doc_year is not None and any(y >= doc_year for y in _title_years(title))


def _opening_year(head: str) -> int | None:
    """The year a paragraph opens with: 2025年是…, or the end of a plan period (“十四五”时期是… → 2025)."""
    m = _PLAN_OPEN.match(head)
    if m:
        return 2005 + 5 * (cn_to_int(m.group(1)) or 0)
    m = _YEAR_OPEN.match(head)
    return int(m.group(1)) if m else None


_AHEAD_YEAR = re.compile(r"(?:做好)?今年|今后五年|未来五年")


def opening_year(paragraph: str, doc_year: int | None) -> int | None:
    """The year still to come that a paragraph opens with: 今年是…, 2026年是…, “十五五”时期…, 今后五年
    (the end of the plan period). ``None`` when it opens otherwise, or with a year gone by."""
    if doc_year is None:
        return None
    head = _SALUTED.sub("", paragraph[:50])
    m = _AHEAD_YEAR.match(head)
    if m:
        return doc_year if "今年" in m.group() else doc_year + 4
    year = _opening_year(head)
    return year if year is not None and year >= doc_year else None


def opens_back(paragraph: str, doc_year: int | None) -> bool:
    """Does the paragraph open by looking back over a year or a period that has ended?"""
    head = _SALUTED.sub("", paragraph[:50])
    if _BACK_OPEN.match(head):
        return True
    year = _opening_year(head)
    return year is not None and doc_year is not None and year < doc_year


def opens_ahead(paragraph: str, doc_year: int | None) -> bool:
    head = _SALUTED.sub("", paragraph[:60])
    if _AHEAD_OPEN.match(head):
        return True
    year = _opening_year(head)
    return year is not None and doc_year is not None and year >= doc_year


def _opens_period_back(paragraph: str, doc_year: int | None) -> bool:
    """过去五年, 这五年, “十四五”时期，我们…: a look back over a period, a review wherever it stands."""
    head = _SALUTED.sub("", paragraph[:50])
    if _BACK_OPEN.match(head):
        return "一年" not in head[:8]
    m = _PLAN_OPEN.match(head)
    return bool(m and doc_year is not None and 2005 + 5 * (cn_to_int(m.group(1)) or 0) < doc_year)


def review(sections: list[Section], blocks: list[tuple[str | None, str]], doc_year: int | None) -> Verdict:
    """The review sections (with everything under them) and the review paragraphs elsewhere.
    ``blocks`` are (section id, paragraph) in document order."""
    first: dict[str | None, str] = {}
    for sid, text in blocks:
        first.setdefault(sid, text)
    back: set[str] = set()
    mixed: set[str] = set()
    for s in sections:  # parents come before their children
        if s.parent in back:
            back.add(s.id)
            continue
        b, a = looks_back_title(s.title, doc_year), looks_ahead_title(s.title, doc_year)
        if b and not a:
            back.add(s.id)
        elif b and a:
            mixed.add(s.id)
        elif not a and s.id in first and opens_back(first[s.id], doc_year):
            back.add(s.id)
    paragraphs: set[int] = set()
    running: tuple[str | None] | None = None  # the section of the open review run
    for k, (sid, text) in enumerate(blocks):
        if sid in back:
            continue
        if running is not None and running[0] != sid:
            running = None  # a heading ends the run
        if sid is None or sid in mixed:
            if opens_back(text, doc_year):
                running = (sid,)
            elif opens_ahead(text, doc_year):
                running = None
            if running is not None:
                paragraphs.add(k)
            continue
        if _opens_period_back(text, doc_year):
            paragraphs.add(k)
    return Verdict(frozenset(back), frozenset(paragraphs))
