"""The extraction pipeline: text → paragraphs → outline → items → targets → places."""

from __future__ import annotations

import re

from . import _items
from ._model import Document, Item, Observation, Section, Target
from ._outline import outline
from ._places import find_places
from ._reflow import SALUTATION, reflow
from ._review import PREAMBLE, looks_back_title, opening_year, review
from ._tables import ReadTable, lift_tables, read_table, table_index
from ._targets import Found, find_years, range_ends, targets_in
from ._text import fold_width
from ._warnings import check

_TITLE_YEAR = re.compile(r"([12]\d{3})\s*年")
_GOALS = re.compile(r"主要预期目标|主要目标|预期目标|发展目标")


def extract_text(
    text: str,
    *,
    name: str | None = None,
    year: int | None = None,
    title_hint: str | None = None,
    wrapped: bool | None = None,
    format: str = "txt",
) -> Document:
    """Extract the checklist from text already read. Never raises on any ``str``.

    What the reading is unsure of is in ``Document.warnings`` (luoshi.document._warnings: a code and
    a sentence each; ``empty`` and ``no_structure`` leave nothing to extract), so that callers decide
    how to treat it.
    """
    body, tables = lift_tables(text)
    r = reflow(body, wrapped=wrapped, title_hint=title_hint)
    r.paragraphs = _without_glossary(r.paragraphs)
    doc_year = year or r.year or _document_year(r.title)
    sections, blocks = outline(r.paragraphs)
    if doc_year is None:
        doc_year = _year_of_work(sections, r.paragraphs)
    base_year = _base_year(r.title, doc_year)
    first_block: dict[str, str] = {}
    for block in blocks:
        if block.section is not None and block.section not in first_block:
            first_block[block.section] = block.text
    section_years: dict[str | None, int | None] = {None: base_year}  # what the headings say
    own_years: dict[str, int | None] = {}
    for s in sections:  # parents come before their children
        own = _title_year(s.title, doc_year)
        if own is None and s.title and _GOALS_TITLE.search(s.title) and s.id in first_block:
            own = _lead_year(first_block[s.id], doc_year)  # 二、主要目标 到2026年，…: the goals' year
        own_years[s.id] = own
        section_years[s.id] = own if own is not None else section_years.get(s.parent, base_year)
    verdict = review(sections, [(b.section, b.text) for b in blocks], doc_year)
    parents = {s.id: s.parent for s in sections}
    # The year in force as the text goes on: a section starts with its heading's year or the one in
    # force in its parent at that point; a paragraph that opens with a year to come (今年是…,
    # “十五五”时期…) or introduces 主要预期目标 of a year sets it for what follows in its section.
    running: dict[str | None, int | None] = {None: base_year}

    def in_force(sid: str | None) -> int | None:
        if sid not in running:
            own = own_years.get(sid) if sid is not None else None
            running[sid] = own if own is not None else in_force(parents.get(sid) if sid else None)
        return running[sid]

    items: list[Item] = []
    targets: list[Target] = []
    observations: list[Observation] = []
    ordinals: dict[str | None, int] = {}
    read_tables: list[tuple[str | None, ReadTable]] = []
    for k, block in enumerate(blocks):
        in_force(block.section)
        table = table_index(block.text)
        if table is not None and table < len(tables):
            context_year = running[block.section]
            read = read_table(tables[table], doc_year=doc_year, context_year=context_year)
            read_tables.append((block.section, read))
            looking_back = block.section in verdict.sections or k in verdict.paragraphs
            for row in read.rows:
                n = ordinals.get(block.section, 0) + 1
                ordinals[block.section] = n
                item_id = f"{block.section or '0'}.{n}"
                measured = row.observations + (row.targets if looking_back else [])
                observations += [_observation(item_id, f) for f in measured if f.value is not None]
                kind = "review" if looking_back else row.kind
                if not looking_back:
                    ends = [r for f in row.targets for r in range_ends(f)]
                    targets += [_target(f"T{len(targets) + 1 + m}", item_id, f) for m, f in enumerate(ends)]
                items.append(Item(item_id, block.section, row.text, kind, _items.tags(row.text)))  # type: ignore[arg-type]
            continue
        looking_back = block.section in verdict.sections or k in verdict.paragraphs
        para_year = None if looking_back else _goals_year(block.text, doc_year)
        if para_year is None and not looking_back:
            para_year = opening_year(block.text, doc_year)
        if para_year is not None:
            running[block.section] = para_year
        context_year = running[block.section]
        for sentence in _items.sentences(block.text):
            if len(sentence) <= 6 and SALUTATION.fullmatch(sentence):
                continue  # 各位代表！
            n = ordinals.get(block.section, 0) + 1
            ordinals[block.section] = n
            item_id = f"{block.section or '0'}.{n}"
            tags = _items.tags(sentence)
            if looking_back:
                year = _review_year(section_years.get(block.section), doc_year)
                observations += _observations(item_id, sentence, doc_year, year)
                items.append(Item(item_id, block.section, sentence, "review", tags))
                continue
            if block.section is None and PREAMBLE.search(sentence):
                items.append(Item(item_id, block.section, sentence, "preamble", tags))
                continue
            found = targets_in(sentence, doc_year=doc_year, context_year=context_year)
            for f in found:
                targets.append(_target(f"T{len(targets) + 1}", item_id, f))
            kind = _items.kind(sentence, bool(found))
            items.append(Item(item_id, block.section, sentence, kind, tags))  # type: ignore[arg-type]

    places = find_places((i.id, i.text) for i in items)
    doc = Document(
        title=r.title,
        year=doc_year,
        sections=sections,
        items=items,
        targets=targets,
        places=places,
        observations=observations,
        source=name,
        format=format,
    )
    doc.warnings = check(doc, text=text, title_hint=title_hint, tables=read_tables)
    return doc


# 名词解释, 附：名词解释, 《政府工作报告》有关内容名词注释
_GLOSSARY = re.compile(r"(?:附[：:])?(?:[^，。；！？]{0,20}(?:名词解释|名词注释)|注释)[：:]?")


def _without_glossary(paragraphs: list[str]) -> list[str]:
    """A work report's 名词解释 at the end explains terms; it sets no tasks."""
    for i in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 60), -1):
        if _GLOSSARY.fullmatch(paragraphs[i]):
            return paragraphs[:i]
    return paragraphs


def _target(tid: str, item_id: str, f: Found) -> Target:
    return Target(
        id=tid,
        item=item_id,
        kind=f.kind,  # type: ignore[arg-type]
        indicator=f.indicator,
        scope=f.scope,
        comparator=f.comparator,  # type: ignore[arg-type]
        value=f.value,
        unit=f.unit or None,
        year=f.year,
        reference=f.reference,
        text=f.text,
        value_max=f.value_max,
        start_year=f.start_year,
    )


def _review_year(section_year: int | None, doc_year: int | None) -> int | None:
    """The year a review reports on: the last past year its heading names (2025年和“十四五”时期 →
    2025), else the year before the document's."""
    if section_year is not None and (doc_year is None or section_year < doc_year):
        return section_year
    return doc_year - 1 if doc_year is not None else None


def _observation(item_id: str, f: Found) -> Observation:
    assert f.value is not None
    return Observation(f.indicator, f.value, f.unit or None, f.year, f.text, item_id, f.scope)


def _observations(item_id: str, sentence: str, doc_year: int | None, year: int | None) -> list[Observation]:
    """The figures a review sentence reports: measured values with their year."""
    found = targets_in(sentence, doc_year=doc_year, context_year=year, results=True)
    return [
        Observation(f.indicator, f.value, f.unit or None, f.year, f.text, item_id, f.scope)
        for f in found
        if f.kind == "numeric" and f.value is not None
    ]


def _document_year(title: str | None) -> int | None:
    """2026年政府工作报告 is of 2026."""
    if not title:
        return None
    m = _TITLE_YEAR.search(title)
    return int(m.group(1)) if m else None


_YEAR_HINT = re.compile(r"\d|今年|明年|十[一二三四五六七八九]五|[二〇][〇零一二三四五六七八九]{3}")


def _title_year(title: str | None, doc_year: int | None) -> int | None:
    """A section on a year or a plan period (“十五五”) sets the year of its figures without one."""
    if not title or not _YEAR_HINT.search(title):
        return None
    years = [y.year for y in find_years(fold_width(title), doc_year) if y.year]
    if doc_year is not None and any(y >= doc_year for y in years):
        # “十四五”时期发展成就和“十五五”时期主要目标任务: the part still to come dates the figures;
        # “十五五”时期目标任务和2026年工作安排: the text takes them in the heading's order
        return next(y for y in years if y >= doc_year)
    return years[-1] if years else None


_GOALS_TITLE = re.compile(r"目标")
_LEAD_YEAR = re.compile(
    r"(?:力争|确保|争取)?(?:到|至)?\s*(?:[12]\d{3}|[二〇][〇零一二三四五六七八九]{3})\s*年"
)
_PLAN_PERIOD = re.compile(r"[12]\d{3}\s*[—–－~～\-至到]\s*[12]\d{3}\s*年|十[一二三四五六七八九]五")
_YEARLY = re.compile(r"工作报告|工作要点|工作计划|年度计划|计划执行情况")
# 2024年是…关键一年 looks ahead; 2025年是很不平凡的一年 looks back
_KEY_YEAR = re.compile(
    r"([12]\d{3})\s*年(?:是|为)[^。！]{0,30}(?:关键|开局|收官|决胜|攻坚|起步|冲刺|开篇|谋篇)[^。！]{0,6}(?:之年|一年)"
)
_WORK_TITLE_YEAR = re.compile(r"([12]\d{3})\s*年[^，。]{0,8}工作")


def _lead_year(paragraph: str, doc_year: int | None) -> int | None:
    """到2026年，全区…: the year a paragraph opens with."""
    m = _LEAD_YEAR.match(fold_width(paragraph[:20]))
    if not m:
        return None
    years = [y for y in find_years(m.group(), doc_year) if y.governs and y.year]
    return years[0].year if years else None


def _base_year(title: str | None, doc_year: int | None) -> int | None:
    """The year of figures that nothing else dates: a plan's last year (行动方案（2024—2026年）,
    “十五五”规划), or the year of a yearly document (政府工作报告, 工作要点)."""
    if not title:
        return None
    if _PLAN_PERIOD.search(title):
        return _title_year(title, doc_year)
    if _YEARLY.search(title):
        return doc_year
    return None


def _year_of_work(sections: list[Section], paragraphs: list[str]) -> int | None:
    """A text without a date tells its year in passing: 2024年是…关键一年, 扎实做好2024年经济工作."""
    for s in sections:
        m = _WORK_TITLE_YEAR.search(s.title or "")
        if m and not looks_back_title(s.title):
            return int(m.group(1))
    for p in paragraphs[:80]:
        m = _KEY_YEAR.search(p)
        if m:
            return int(m.group(1))
    return None


def _goals_year(paragraph: str, doc_year: int | None) -> int | None:
    """The paragraph that introduces 主要预期目标 gives its year to the figures that follow."""
    m = _GOALS.search(paragraph)
    if not m:
        return None
    # the sentence that introduces them: 今年是“十五五”起步之年，…。主要预期目标是 takes no year from
    # the sentence before, whose “十五五” names the plan this year opens
    start = max(paragraph.rfind(c, 0, m.start()) for c in "。！？；") + 1
    head = fold_width(paragraph[start : m.start()])
    years = [y for y in find_years(head, doc_year) if y.governs and y.year]
    if years:
        return years[-1].year
    return None
