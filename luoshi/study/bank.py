"""应知应会 from a decision: a digest of what every cadre should know of it, and a bank of questions
drawn from its own sentences. Pure Python over ``luoshi.document``'s public API; no Django.

``digest(doc)`` gathers the decision's parts (its level-1 headings), its dated goals (milestones and
relations with their years), its quantitative targets with their years, its named programmes
(“科技兴蒙”行动, “书香内蒙古”全民阅读活动 …) and its formulations — the numbered ones (“两个维护”,
五大任务, with their members where the text lists them) and the other phrases it puts in quotation
marks. ``questions(doc)`` writes the questions:

- **fill-in** (填空): a target's clause with its figure blanked (到2035年全区森林覆盖率达到____%), a
  quoted programme or formulation blanked in its clause, one member of a numbered formulation blanked
  in the list that names it;
- **choice** (单项选择): which figure, which year, which indicator, which programme — the clause with
  a blank and four options, the wrong ones drawn from the same document (the figures of other targets
  in the same unit, the other years it names, its other indicators and programmes); only where the
  document has too few, figures and years are derived from the answer (×0.8, ×1.2 …; five years
  either side, as plans run in five-year periods);
- **true/false** (判断): the clause as written, or with its figure or year replaced by a distractor.

Every question carries the sentence it comes from and its section, so that the office can check it
against the text, and a stable ``key`` (kind, topic and subject), so that generating again after a
revised text updates the same questions. The same document always gives the same bank: options are
ordered and true/false chosen by a hash of the key, never by chance.

Only what the sentence itself says is stated: a year is put before a clause only where the sentence
names it before the clause (到2035年…、森林覆盖率达到25%); a figure is asked only where it stands in
the clause as written; a target whose extraction looks doubtful (an indicator with digits or a
slash, a range) gives no figure question.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from luoshi.document import Document, Item, Section, Target

__all__ = [
    "BLANK",
    "CHOICE_BLANK",
    "LETTERS",
    "Digest",
    "Point",
    "Question",
    "QuestionKind",
    "Topic",
    "bank",
    "digest",
    "questions",
    "section_label",
    "short_name",
]

QuestionKind = Literal["fill", "choice", "judge"]
Topic = Literal["value", "year", "indicator", "programme", "formulation"]
PointKind = Literal["part", "goal", "target", "programme", "formulation"]

BLANK = "______"  # a fill-in's blank
CHOICE_BLANK = "（　　）"  # a choice's blank, as a printed test has it
LETTERS = "ABCD"
TRUE, FALSE = "T", "F"

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_YEAR_PHRASE = re.compile(r"(?:力争)?(?:到|至)?(\d{4})年(?:底|末|前)?")
_CLAUSE_STOP = "，。；：！？"
_SENTENCE_STOP = "。；！？"
# a quoted name followed, within a few characters, by one of these is a programme (行动, 工程 …)
_PROGRAMME_WORD = re.compile(
    r"^[\u4e00-\u9fff、]{0,8}?(专项行动|行动计划|行动|工程|计划|战略|活动|项目|示范区|试点|政策体系)"
)
_PROGRAMME_END = ("行动", "工程", "计划", "战略", "活动", "项目")
# … and by one of these, a formulation to hold to (原则, 精神 …)
_PRINCIPLE_WORD = re.compile(r"^[\u4e00-\u9fff]{0,4}?(原则|精神|经验|理念|要求|意识|方针|格局|机制|模式)")
_COUNTED = re.compile(r"^(?:[一两二三四五六七八九十]|\d)(?:个|大|项|条|张|种|新|化|进|保|重|率)")
_NUMERAL = "一两二三四五六七八九十"
# an unquoted numbered formulation: 五大任务, 两个关键小事 (not 二十大, whose 十大 is no count)
_UNQUOTED = re.compile(
    r"(?<![一二三四五六七八九十百千\d])([两三四五六七八九十])(大|个)([\u4e00-\u9fff]{2,4})"
)
_PARTICLES = "的和与及等是为在了"
_COUNT_VALUES = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
_LEAD_VERB = re.compile(r"^.*?(?:建设成为|建设成|成为|打造成|打造|做到|坚持|包括|即|是|为)")
_GENRES = ("实施意见", "决定", "意见", "方案", "规划", "纲要", "通知", "办法", "条例", "建议", "报告", "讲话")
NEAR = math.log(5)  # a figure of the document is a plausible distractor within five times the answer
PLAN_STEP = 5  # plans run in five-year periods: a derived year is five (or ten) years away


# -- what a question and a point of the digest are -------------------------------------------------
@dataclass(frozen=True, slots=True)
class Question:
    """One question of the bank. ``answer`` is the words of a fill-in, the letter of a choice (A–D),
    or ``T``/``F`` of a true/false question; ``options`` are a choice's, in order A–D."""

    key: str
    kind: QuestionKind
    topic: Topic
    stem: str
    answer: str
    options: tuple[str, ...] = ()
    sentence: str = ""  # the decision's sentence it comes from
    item: str = ""  # that item's id
    section: str | None = None  # the item's section id
    section_label: str = ""  # 四、（一）加强我国北方重要生态安全屏障建设
    note: str = ""  # 解析: the words of the text that settle it

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "topic": self.topic,
            "stem": self.stem,
            "options": list(self.options),
            "answer": self.answer,
            "sentence": self.sentence,
            "item": self.item,
            "section": self.section,
            "section_label": self.section_label,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Point:
    """One thing to know: a part, a goal, a target, a programme or a formulation, with its source."""

    kind: PointKind
    text: str  # as the document says it (a heading, a clause, a name)
    name: str = ""  # the indicator, programme or formulation
    year: int | None = None
    members: tuple[str, ...] = ()  # a numbered formulation's members, where the text lists them
    item: str = ""
    section: str | None = None
    section_label: str = ""
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "name": self.name,
            "year": self.year,
            "members": list(self.members),
            "item": self.item,
            "section": self.section,
            "section_label": self.section_label,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class Digest:
    """应知应会要点: the decision's parts, goals, targets, programmes and formulations."""

    title: str
    short_name: str  # 《决定》
    year: int | None
    parts: tuple[Point, ...] = ()
    goals: tuple[Point, ...] = ()
    targets: tuple[Point, ...] = ()
    programmes: tuple[Point, ...] = ()
    formulations: tuple[Point, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "short_name": self.short_name,
            "year": self.year,
            "parts": [p.to_dict() for p in self.parts],
            "goals": [p.to_dict() for p in self.goals],
            "targets": [p.to_dict() for p in self.targets],
            "programmes": [p.to_dict() for p in self.programmes],
            "formulations": [p.to_dict() for p in self.formulations],
        }

    @property
    def empty(self) -> bool:
        return not (self.parts or self.goals or self.targets or self.programmes or self.formulations)


# -- names and places ---------------------------------------------------------------------------------
def short_name(title: str | None) -> str:
    """How a question names the document: 《决定》, 《政府工作报告》, 《实施方案》 … (文件 without a title)."""
    title = re.sub(r"[（(][^（）()]*[）)]$", "", (title or "").strip()).strip().strip("《》")
    if not title:
        return "文件"
    if "政府工作报告" in title:
        return "《政府工作报告》"
    for genre in _GENRES:
        if title.endswith(genre):
            if genre == "方案" and title.endswith("实施方案"):
                return "《实施方案》"
            return f"《{genre}》"
    return f"《{title}》" if len(title) <= 16 else "文件"


def section_label(doc: Document, section_id: str | None) -> str:
    """The numbers of a section's path and its own title: 四、（一）加强我国北方重要生态安全屏障建设."""
    path = doc.section_path(section_id)
    if not path:
        return ""
    numbers = "".join(_numbered(s) for s in path)
    return f"{numbers}{path[-1].title or ''}".strip()


def _numbered(s: Section) -> str:
    if not s.number:
        return ""
    if s.level == 1:
        return f"{s.number}、"
    if s.level == 2:
        return f"（{s.number}）"
    return f"{s.number}．"


class _Where(TypedDict):
    sentence: str
    item: str
    section: str | None
    section_label: str


@dataclass(frozen=True, slots=True)
class _Place:
    item: str
    section: str | None
    label: str
    sentence: str


def _place(doc: Document, item: Item, labels: dict[str | None, str]) -> _Place:
    if item.section not in labels:
        labels[item.section] = section_label(doc, item.section)
    return _Place(item.id, item.section, labels[item.section], item.text)


# -- figures and years in a clause ---------------------------------------------------------------------
def fmt(value: float) -> str:
    """A figure as a person writes it: 850, 4.5, 0.6 (never 850.0 or 1e3)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    number_end: int  # the digits end here (the unit follows)
    end: int  # the figure with its unit ends here
    digits: bool  # written in digits (a fill-in can blank it), not as 千 in 超千亿元


def _locate(clause: str, value: float, unit: str | None) -> _Span | None:
    """Where ``value`` stands in ``clause``, written in digits (25 in 25%) or as a magnitude word
    before its unit (千 in 超千亿元); the last such place, as a target's figure ends its clause."""
    unit = unit or ""
    found: _Span | None = None
    for m in _NUMBER.finditer(clause):
        if clause.startswith("年", m.end()):
            continue  # a year, not a figure
        try:
            if not math.isclose(float(m.group(1)), value):
                continue
        except ValueError:  # pragma: no cover - the pattern only matches numbers
            continue
        end = m.end() + len(unit) if unit and clause.startswith(unit, m.end()) else m.end()
        found = _Span(m.start(), m.end(), end, True)
    if found is not None:
        return found
    if unit:
        for word, magnitude in (("百", 100.0), ("千", 1000.0), ("万", 10000.0)):
            at = clause.rfind(word + unit)
            if at >= 0 and math.isclose(value, magnitude):
                return _Span(at, at + 1, at + 1 + len(unit), False)
    return None


def _year_span(clause: str, year: int) -> tuple[int, int] | None:
    """Where ``year`` is written in ``clause`` as a year (2035年), not as the end of a period (2022—2025年)."""
    for m in re.finditer(rf"(?<!\d){year}年", clause):
        before = clause[max(0, m.start() - 1) : m.start()]
        if before in {"—", "-", "～", "~", "至", "到"} and re.search(r"\d{4}\D?$", clause[: m.start()]):
            continue  # 2022—2025年: a period's end
        return m.start(), m.start() + 4
    return None


def _sentence_before(text: str, clause_at: int) -> str:
    """The part of ``text``'s sentence that comes before ``clause_at``."""
    start = max((text.rfind(c, 0, clause_at) for c in _SENTENCE_STOP), default=-1) + 1
    return text[start:clause_at]


def _governing(item_text: str, clause: str, target: Target, doc_year: int | None) -> str:
    """The time phrase the sentence states before the clause and that the clause's year comes from
    (到2035年, 今年): put before the clause in a question, so that it says no more than the text."""
    if target.year is None or _year_span(clause, target.year) is not None:
        return ""
    at = item_text.find(clause)
    if at < 0:
        return ""
    before = _sentence_before(item_text, at)
    phrases = [m for m in _YEAR_PHRASE.finditer(before) if int(m.group(1)) == target.year]
    if phrases and not re.search(r"\d{4}年", before[phrases[-1].end() :]):
        return phrases[-1].group(0)
    if doc_year is not None and target.year == doc_year and "今年" in before:
        return "今年"
    if doc_year is not None and target.year == doc_year + 1 and "明年" in before:
        return "明年"
    return ""


def _stated(prefix: str, clause: str) -> str:
    """A clause as a sentence of the bank, its time phrase first: 到2035年，森林覆盖率达到25%。"""
    clause = clause.strip().rstrip("，、；：,;:")
    if prefix:
        return f"{prefix}，{clause}"
    return clause


def _stop(text: str) -> str:
    text = text.rstrip("，、；：,;: ")
    return text if text.endswith(("。", "？", "！")) else text + "。"


# -- determinism ------------------------------------------------------------------------------------------
def _seed(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:16], 16)


def _ordered(key: str, answer: str, wrong: list[str]) -> tuple[tuple[str, ...], str]:
    """The options in an order fixed by the key, and the answer's letter."""
    options = [answer, *wrong[: len(LETTERS) - 1]]
    random.Random(_seed(key)).shuffle(options)
    return tuple(options), LETTERS[options.index(answer)]


# -- distractors ---------------------------------------------------------------------------------------------
def _decimals(value: float) -> int:
    text = fmt(value)
    return len(text.split(".", 1)[1]) if "." in text else 0


def _round_like(value: float, like: float) -> float:
    places = _decimals(like)
    if places:
        return round(value, places)
    if like >= 100:
        return float(round(value / 10) * 10)
    return float(round(value))


def _value_distractors(answer: float, unit: str, pool: list[float]) -> list[float]:
    """Three wrong figures in the same unit: the document's own first (the nearest to the answer,
    within five times it either way: 3% is no distractor for a forest cover of 30%), then figures
    derived from the answer."""

    def distance(v: float) -> float:
        return abs(math.log(v / answer)) if v > 0 and answer > 0 else math.inf

    near = {v for v in pool if not math.isclose(v, answer) and distance(v) <= NEAR}
    picks = sorted(near, key=lambda v: (distance(v), v))[:3]
    for factor in (0.8, 1.2, 0.6, 1.5, 0.5, 2.0, 0.9, 1.1):
        if len(picks) >= 3:
            break
        v = _round_like(answer * factor, answer)
        if v <= 0 or any(math.isclose(v, p) for p in [answer, *picks]):
            continue
        if unit == "%" and answer <= 100 < v:
            continue
        picks.append(v)
    return picks


def _year_distractors(answer: int, pool: set[int]) -> list[int]:
    picks = sorted((y for y in pool if y != answer), key=lambda y: (abs(y - answer), y))[:3]
    for step in (PLAN_STEP, -PLAN_STEP, 2 * PLAN_STEP, -2 * PLAN_STEP):
        if len(picks) >= 3:
            break
        if answer + step not in picks:
            picks.append(answer + step)
    return sorted(picks[:3])


# -- targets ------------------------------------------------------------------------------------------------
def _plausible_indicator(name: str) -> bool:
    return (
        2 <= len(name) <= 30
        and bool(_CJK.search(name))
        and not re.search(r"[0-9０-９/／、，]", name)
        and not name.endswith(("在", "到", "至", "了"))
    )


@dataclass
class _TargetGroup:
    """Targets read from one clause with one figure (玉米、奶业2个产值超千亿元: two subjects)."""

    targets: list[Target]
    item: Item
    place: _Place

    @property
    def first(self) -> Target:
        return self.targets[0]

    @property
    def subject(self) -> str:
        return "、".join(dict.fromkeys(t.indicator for t in self.targets))


def _groups(doc: Document, labels: dict[str | None, str]) -> list[_TargetGroup]:
    items = {i.id: i for i in doc.items}
    out: dict[tuple[Any, ...], _TargetGroup] = {}
    for t in doc.targets:
        item = items.get(t.item)
        if item is None or not t.text or t.text not in item.text:
            continue
        key = (t.item, t.text, t.kind, t.value, t.value_max, t.unit, t.year, t.comparator, t.reference)
        if key in out:
            out[key].targets.append(t)
        else:
            out[key] = _TargetGroup([t], item, _place(doc, item, labels))
    return list(out.values())


@dataclass
class _Pools:
    values: dict[str, list[float]] = field(default_factory=dict)  # unit -> figures of the document
    years: set[int] = field(default_factory=set)
    indicators: dict[str, list[tuple[str, float | None]]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> _Pools:
        pools = cls()
        for t in doc.targets:
            if t.year is not None:
                pools.years.add(t.year)
            if t.start_year is not None:
                pools.years.add(t.start_year)
            if t.kind == "numeric" and t.value is not None and t.value_max is None and t.unit:
                pools.values.setdefault(t.unit, []).append(t.value)
                if _plausible_indicator(t.indicator):
                    pools.indicators.setdefault(t.unit, []).append((t.indicator, t.value))
        return pools


class _Writer:
    """Collects questions under unique keys."""

    def __init__(self) -> None:
        self.out: list[Question] = []
        self.keys: set[str] = set()

    def key(self, kind: str, topic: str, subject: str) -> str:
        base = f"{kind}:{topic}:{subject}"
        key, n = base, 1
        while key in self.keys:
            n += 1
            key = f"{base}#{n}"
        self.keys.add(key)
        return key

    def add(self, q: Question) -> None:
        self.out.append(q)


def _target_questions(doc: Document, w: _Writer, labels: dict[str | None, str]) -> None:
    name = short_name(doc.title)
    pools = _Pools.of(doc)
    for g in _groups(doc, labels):
        t, clause, place = g.first, g.first.text, g.place
        prefix = _governing(g.item.text, clause, t, doc.year)
        where: _Where = {
            "sentence": place.sentence,
            "item": place.item,
            "section": place.section,
            "section_label": place.label,
        }
        source = _stop(_stated(prefix, clause))
        note = f"原文：{source}"
        subject = g.subject + (f"@{t.year}" if t.year else "")
        asked_value = False
        # the figure
        span = (
            _locate(clause, t.value, t.unit)
            if t.kind == "numeric" and t.value is not None and t.value > 0 and t.value_max is None
            else None
        )
        if span is not None and all(_plausible_indicator(x.indicator) for x in g.targets):
            assert t.value is not None
            unit = t.unit or ""
            answer = fmt(t.value)
            if span.digits:
                stem = clause[: span.start] + BLANK + clause[span.number_end :]
                w.add(
                    Question(
                        w.key("fill", "value", subject),
                        "fill",
                        "value",
                        _stop(f"{name}提出，{_stated(prefix, stem)}"),
                        answer,
                        note=note,
                        **where,
                    )
                )
            wrong = _value_distractors(t.value, unit, pools.values.get(unit, []))
            with_unit = span.end > span.number_end
            shown = [f"{fmt(v)}{unit if with_unit else ''}" for v in wrong]
            if len(shown) == 3:
                key = w.key("choice", "value", subject)
                right = f"{answer}{unit if with_unit else ''}"
                options, letter = _ordered(key, right, shown)
                stem = clause[: span.start] + CHOICE_BLANK + clause[span.end :]
                w.add(
                    Question(
                        key,
                        "choice",
                        "value",
                        _stop(f"{name}提出，{_stated(prefix, stem)}"),
                        letter,
                        options,
                        note=note,
                        **where,
                    )
                )
                if span.digits:
                    key = w.key("judge", "value", subject)
                    true = _seed(key) % 2 == 0
                    said = (
                        clause if true else clause[: span.start] + fmt(wrong[0]) + clause[span.number_end :]
                    )
                    w.add(
                        Question(
                            key,
                            "judge",
                            "value",
                            _stop(f"{name}提出，{_stated(prefix, said)}"),
                            TRUE if true else FALSE,
                            note=note,
                            **where,
                        )
                    )
                    asked_value = True
            # which indicator
            if (
                len(g.targets) == 1
                and t.indicator in clause
                and clause.count(t.indicator) == 1
                and _plausible_indicator(t.indicator)
            ):
                others = [
                    ind
                    for ind, v in pools.indicators.get(unit, [])
                    if ind != t.indicator
                    and ind not in t.indicator
                    and t.indicator not in ind
                    and not (v is not None and math.isclose(v, t.value))
                ]
                others = sorted(dict.fromkeys(others), key=lambda x: (abs(len(x) - len(t.indicator)), x))
                if len(others) >= 3:
                    key = w.key("choice", "indicator", subject)
                    options, letter = _ordered(key, t.indicator, others[:3])
                    stem = clause.replace(t.indicator, CHOICE_BLANK, 1)
                    w.add(
                        Question(
                            key,
                            "choice",
                            "indicator",
                            _stop(f"{name}提出，{_stated(prefix, stem)}"),
                            letter,
                            options,
                            note=note,
                            **where,
                        )
                    )
        # the year
        if t.year is None or t.start_year is not None:
            continue
        in_clause = _year_span(clause, t.year)
        in_prefix = _year_span(prefix, t.year) if prefix else None
        if in_clause is None and in_prefix is None:
            continue
        year = str(t.year)

        if t.kind != "numeric" or span is None:
            w.add(
                Question(
                    w.key("fill", "year", subject),
                    "fill",
                    "year",
                    _stop(f"{name}提出，{_year_blanked(prefix, clause, in_clause, in_prefix, BLANK)}"),
                    year,
                    note=note,
                    **where,
                )
            )
        wrong_years = _year_distractors(t.year, pools.years)
        key = w.key("choice", "year", subject)
        options, letter = _ordered(key, year, [str(y) for y in wrong_years])
        w.add(
            Question(
                key,
                "choice",
                "year",
                _stop(f"{name}提出，{_year_blanked(prefix, clause, in_clause, in_prefix, CHOICE_BLANK)}"),
                letter,
                options,
                note=note,
                **where,
            )
        )
        if not asked_value:
            key = w.key("judge", "year", subject)
            true = _seed(key) % 2 == 0
            said = year if true else str(wrong_years[0])
            w.add(
                Question(
                    key,
                    "judge",
                    "year",
                    _stop(f"{name}提出，{_year_blanked(prefix, clause, in_clause, in_prefix, said)}"),
                    TRUE if true else FALSE,
                    note=note,
                    **where,
                )
            )


def _year_blanked(
    prefix: str, clause: str, in_clause: tuple[int, int] | None, in_prefix: tuple[int, int] | None, blank: str
) -> str:
    """The clause (with its time phrase) with its year replaced by ``blank``: a blank or another year."""
    if in_clause is not None:
        a, b = in_clause
        return _stated(prefix, clause[:a] + blank + clause[b:])
    assert in_prefix is not None
    a, b = in_prefix
    return _stated(prefix[:a] + blank + prefix[b:], clause)


# -- programmes and formulations ---------------------------------------------------------------------------
@dataclass
class _Term:
    name: str
    kind: Literal["programme", "formulation"]
    item: Item
    place: _Place
    clause: str  # the clause it stands in, quotation marks included
    quoted: bool = True
    members: tuple[str, ...] = ()
    heading: bool = False  # named in a heading


def _clause_around(text: str, start: int, end: int) -> str:
    a = max((text.rfind(c, 0, start) for c in _CLAUSE_STOP), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in _CLAUSE_STOP) if i >= 0]
    b = min(ends) if ends else len(text)
    return text[a:b].strip()


def _useful_tag(tag: str) -> bool:
    """A quoted phrase worth knowing: some Chinese and at least two characters (not “好”, not “1650”)."""
    return len(tag) >= 2 and bool(_CJK.search(tag)) and len(tag) <= 30


def _tag_kind(after: str, tag: str) -> Literal["programme", "formulation"]:
    if _COUNTED.match(tag) or re.search(r"\d\+|\+\w", tag):
        return "formulation"
    if _PRINCIPLE_WORD.match(after):
        return "formulation"
    if tag.endswith(_PROGRAMME_END) or _PROGRAMME_WORD.match(after):
        return "programme"
    return "formulation"


def _terms(doc: Document, labels: dict[str | None, str]) -> list[_Term]:
    """Every quoted phrase worth knowing, once (where it first stands with enough words around it),
    and the unquoted numbered formulations (五大任务) a heading names or several sentences repeat."""
    found: dict[str, _Term] = {}
    for item in doc.items:
        if item.kind in ("review", "preamble"):
            continue
        for tag in item.tags:
            if not _useful_tag(tag):
                continue
            quoted = f"“{tag}”"
            at = item.text.find(quoted)
            if at < 0:
                continue
            clause = _clause_around(item.text, at, at + len(quoted))
            context = len(clause) - len(quoted)
            term = found.get(tag)
            if term is not None and len(term.clause) - len(f"“{tag}”") >= 6:
                continue  # it has a good clause already
            if term is not None and context <= len(term.clause) - len(quoted):
                continue
            after = item.text[at + len(quoted) : at + len(quoted) + 12]
            found[tag] = _Term(tag, _tag_kind(after, tag), item, _place(doc, item, labels), clause)
    # unquoted numbered formulations
    where: dict[str, list[tuple[str, Item | None]]] = {}
    for s in doc.sections:
        for m in _UNQUOTED.finditer(s.title or ""):
            for name in _prefixes(m):
                where.setdefault(name, []).append(("H" + s.id, None))
    for item in doc.items:
        if item.kind in ("review", "preamble"):
            continue
        for m in _UNQUOTED.finditer(item.text):
            for name in _prefixes(m):
                where.setdefault(name, []).append((item.id, item))
    chosen: dict[str, _Term] = {}
    for name, places in sorted(where.items(), key=lambda kv: -len(kv[0])):
        if name in found or any(name in t for t in found) or any(name in c for c in chosen):
            continue
        distinct = {p for p, _i in places}
        heading = any(p.startswith("H") for p in distinct)
        if len(distinct) < 2:
            continue
        items = [i for _p, i in places if i is not None]
        if not items:
            continue
        members: tuple[str, ...] = ()
        home = items[0]
        for i in items:
            members = _members(i.text, name)
            if members:
                home = i
                break
        at = home.text.find(name)
        chosen[name] = _Term(
            name,
            "formulation",
            home,
            _place(doc, home, labels),
            _clause_around(home.text, at, at + len(name)),
            quoted=False,
            members=members,
            heading=heading,
        )
    # quoted numbered formulations may list their members too
    for term in found.values():
        if _COUNTED.match(term.name):
            term.members = _members(term.item.text, f"“{term.name}”")
    return [*found.values(), *chosen.values()]


def _prefixes(m: re.Match[str]) -> list[str]:
    """五大任务 from 五大任务，; the noun cut at a particle (的, 和 …), every length of two to four."""
    noun = m.group(3)
    for i, ch in enumerate(noun):
        if ch in _PARTICLES:
            noun = noun[:i]
            break
    head = m.group(1) + m.group(2)
    return [head + noun[:n] for n in range(2, len(noun) + 1)]


def _count(name: str) -> int | None:
    first = name.strip("“”")[:1]
    return _COUNT_VALUES.get(first)


def _members(text: str, name: str) -> tuple[str, ...]:
    """The members a sentence lists for a numbered formulation: 把内蒙古建设成为甲、乙、丙、丁、戊，是……五大任务
    gives 甲 … 戊. The list must be the clause just before the one that names it, in the same
    sentence, and count as many (three at least: two phrases joined by 、 are too common to be one)."""
    n = _count(name)
    at = text.find(name)
    if n is None or n < 3 or at < 0:
        return ()
    start = max((text.rfind(c, 0, at) for c in _SENTENCE_STOP), default=-1) + 1
    clauses = re.split(r"[，；：]", text[start:at])
    if len(clauses) < 2:
        return ()
    parts = [p.strip() for p in clauses[-2].split("、")]
    if len(parts) != n:
        return ()
    if len(parts[0]) > max(len(p) for p in parts[1:]) + 2:
        parts[0] = _LEAD_VERB.sub("", parts[0], count=1)
    if all(2 <= len(p) <= 24 and _CJK.search(p) for p in parts):
        return tuple(parts)
    return ()


def _term_questions(doc: Document, terms: list[_Term], w: _Writer) -> None:
    name = short_name(doc.title)
    programmes = [t.name for t in terms if t.kind == "programme"]
    for term in terms:
        where: _Where = {
            "sentence": term.place.sentence,
            "item": term.place.item,
            "section": term.place.section,
            "section_label": term.place.label,
        }
        note = f"原文：{_stop(term.clause)}"
        token = f"“{term.name}”" if term.quoted else term.name
        if term.quoted and len(term.clause) - len(token) >= 4:
            blanked = term.clause.replace(token, f"“{BLANK}”", 1)
            w.add(
                Question(
                    w.key("fill", term.kind, term.name),
                    "fill",
                    term.kind,
                    _stop(f"{name}提出，{blanked}"),
                    term.name,
                    note=note,
                    **where,
                )
            )
            if term.kind == "programme" and len(programmes) >= 4:
                others = sorted(
                    (p for p in programmes if p != term.name),
                    key=lambda p: (abs(len(p) - len(term.name)), _seed(term.name + p)),
                )[:3]
                key = w.key("choice", "programme", term.name)
                options, letter = _ordered(key, term.name, others)
                stem = term.clause.replace(token, f"“{CHOICE_BLANK}”", 1)
                w.add(
                    Question(
                        key,
                        "choice",
                        "programme",
                        _stop(f"{name}提出，{stem}"),
                        letter,
                        options,
                        note=note,
                        **where,
                    )
                )
        if len(term.members) >= 2:
            listing = "、".join(term.members)
            sentence = term.place.sentence
            at = sentence.find(term.members[0])
            end = sentence.find(term.members[-1], at) + len(term.members[-1]) if at >= 0 else -1
            if at < 0 or end < at:
                continue
            hidden = term.members[_seed(term.name) % len(term.members)]
            blanked_list = "、".join(BLANK if m == hidden else m for m in term.members)
            lead = sentence[:at]
            tail = sentence[end:]
            stem = lead + blanked_list + tail
            note = f"{term.name}：{listing}。"
            w.add(
                Question(
                    w.key("fill", "formulation", f"{term.name}/{hidden}"),
                    "fill",
                    "formulation",
                    _stop(f"{name}提出，{stem}"),
                    hidden,
                    note=note,
                    **where,
                )
            )


# -- the digest --------------------------------------------------------------------------------------------
def _target_text(prefix: str, clause: str) -> str:
    return _stop(_stated(prefix, clause))


def digest(doc: Document) -> Digest:
    labels: dict[str | None, str] = {}
    return _digest(doc, labels, _terms(doc, labels))


def _digest(doc: Document, labels: dict[str | None, str], terms: list[_Term]) -> Digest:
    parts = tuple(
        Point(
            "part",
            section_label(doc, s.id),
            name=s.title or "",
            section=s.id,
            section_label=section_label(doc, s.id),
        )
        for s in doc.sections
        if s.level == 1 and s.title
    )
    goals: list[Point] = []
    targets: list[Point] = []
    for g in _groups(doc, labels):
        t = g.first
        prefix = _governing(g.item.text, t.text, t, doc.year)
        point = Point(
            "goal" if t.kind in ("milestone", "relational") else "target",
            _target_text(prefix, t.text),
            name=g.subject,
            year=t.year,
            item=g.place.item,
            section=g.place.section,
            section_label=g.place.label,
            sentence=g.place.sentence,
        )
        (goals if point.kind == "goal" else targets).append(point)
    order = {i.id: n for n, i in enumerate(doc.items)}

    def by_year(p: Point) -> tuple[int, int]:
        return (p.year or 9999, order.get(p.item, 0))

    def as_point(t: _Term) -> Point:
        return Point(
            t.kind,
            _stop(t.clause),
            name=t.name,
            members=t.members,
            item=t.place.item,
            section=t.place.section,
            section_label=t.place.label,
            sentence=t.place.sentence,
        )

    def counted_first(t: _Term) -> tuple[int, int, int]:
        return (0 if t.heading else 1, 0 if _count(t.name) else 1, order.get(t.item.id, 0))

    return Digest(
        title=doc.title or "",
        short_name=short_name(doc.title),
        year=doc.year,
        parts=parts,
        goals=tuple(sorted(goals, key=by_year)),
        targets=tuple(sorted(targets, key=by_year)),
        programmes=tuple(
            as_point(t) for t in sorted(terms, key=lambda t: order.get(t.item.id, 0)) if t.kind == "programme"
        ),
        formulations=tuple(as_point(t) for t in sorted(terms, key=counted_first) if t.kind == "formulation"),
    )


def questions(doc: Document) -> list[Question]:
    return bank(doc)[1]


def bank(doc: Document) -> tuple[Digest, list[Question]]:
    """The digest and the questions of ``doc``, in the document's order (each item's questions: the
    figure, the indicator, the year; then its programmes and formulations)."""
    labels: dict[str | None, str] = {}
    terms = _terms(doc, labels)
    w = _Writer()
    _target_questions(doc, w, labels)
    _term_questions(doc, terms, w)
    order = {i.id: n for n, i in enumerate(doc.items)}
    rank = {"value": 0, "indicator": 1, "year": 2, "programme": 3, "formulation": 4}
    kinds = {"fill": 0, "choice": 1, "judge": 2}
    ordered = sorted(
        enumerate(w.out),
        key=lambda nq: (order.get(nq[1].item, 0), rank[nq[1].topic], kinds[nq[1].kind], nq[0]),
    )
    return _digest(doc, labels, terms), [q for _n, q in ordered]
