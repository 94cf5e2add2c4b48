"""对标对表: a subordinate plan (the child) against the decision it implements (the parent).

Pure Python, no Django, no I/O: both documents come in as :class:`luoshi.document.Document`, the
office's corrections and learned synonyms as plain values, and a frozen :class:`Alignment` comes out.
docs/alignment.md gives every rule and threshold; ``tests/alignment/`` measures them.

- Each parent target is matched to a child target by its indicator (character bigrams of the names,
  one-to-one), its unit and its year; a match is weakened by a lower value (rates always; absolute
  amounts only where both documents speak of the same area), a later year or a milder comparator.
- Each parent item (the task kinds: principle, measure, target, programme) is matched to the child's
  items by text: TF-IDF-weighted character bigrams after policy verbs are folded into one word of
  their group (加快/加速/加紧 …), plus shared programme names (“三北”) and places, plus the items that
  hold matched targets. Then one-to-one, best first; a child item that is nearly as close to a matched
  parent item as its own match is kept beside it.
- A parent item is 已承接 (covered), 承接但弱化 (weakened: a weakened target, a target the child leaves
  out, or a firm verb made soft: 确保 → 力争) or 未承接 (missing). A child item that takes up nothing is
  新增 (added).
- :class:`Correction` — the office's word on one parent item: this child item, or none. It wins over
  the matcher; corrections learned on another pair of documents apply where both texts recur.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from luoshi.document import TASK_KINDS, Document, Item, Target, load_divisions

__all__ = [
    "ADDED",
    "COVERED",
    "MISSING",
    "WEAKENED",
    "Alignment",
    "Correction",
    "Reason",
    "Row",
    "Status",
    "align",
    "fingerprint",
    "similarity",
]


class Status(StrEnum):
    COVERED = "covered"
    WEAKENED = "weakened"
    MISSING = "missing"
    ADDED = "added"


COVERED, WEAKENED, MISSING, ADDED = Status.COVERED, Status.WEAKENED, Status.MISSING, Status.ADDED

STATUS_ZH = {COVERED: "已承接", WEAKENED: "承接但弱化", MISSING: "未承接", ADDED: "新增"}
STATUS_EN = {COVERED: "covered", WEAKENED: "weakened", MISSING: "missing", ADDED: "added"}

# -- thresholds (docs/alignment.md) --------------------------------------------------------------------
ITEM_MATCH = 0.30  # an item's score at or above which it takes up the parent item
ITEM_EXTRA = 0.45  # a second child item kept beside a matched one (the child split the task)
INDICATOR_MATCH = 0.5  # Dice of two indicators' bigrams for a target match
TARGET_BONUS = 0.35  # added to the score of two items whose targets matched
TAG_BONUS = 0.2  # per shared programme name, at most two
PLACE_BONUS = 0.1  # per shared place, at most two

# Policy verbs of one meaning, folded into the group's first word before comparing.
VERB_GROUPS: tuple[tuple[str, ...], ...] = (
    ("推进", "推动", "促进", "加快", "加速", "加紧", "加快推进", "扎实推进", "统筹推进", "全力推进"),
    ("加强", "强化", "增强", "加大"),
    ("完善", "健全", "建立健全", "优化"),
    ("实施", "开展", "落实", "执行", "贯彻", "组织实施", "推行"),
    ("建设", "建成", "打造", "构建", "建立", "搭建", "新建"),
    ("培育", "培养", "扶持", "支持", "壮大", "培育壮大", "扶持壮大"),
    ("提升", "提高", "提质"),
    ("做大做强", "做优做强", "做强做优", "做强", "做优"),
    ("治理", "整治", "防治", "综合治理"),
    ("控制", "遏制", "防止", "严控", "管控"),
    ("深化", "深入推进"),
    ("扩大", "拓展", "拓宽", "扩容"),
    ("严格", "严格落实", "严格执行"),
)

# Words that make a commitment firm, and words that make it soft (a weakening when the parent is firm
# and the child soft).
FIRM = ("确保", "必须", "坚决", "全面完成", "全面实施", "全面落实", "建成", "实现")
SOFT = ("力争", "争取", "探索", "逐步", "鼓励", "研究", "适时", "视情", "积极推动", "有序推进", "稳妥推进")

# Scope words of a whole region, and of an area below it (a league or city's own plan).
_SUB_SCOPES = ("全市", "全盟", "全旗", "全县", "本市", "本盟", "本旗", "本县", "全州", "全区县")
_REGION_SCOPES = ("全区", "全省", "全国", "全自治区")

# Units whose values compare across areas: rates, shares, ages, ratios.
_RELATIVE_UNITS = {"%", "‰", "个百分点", "百分点", "岁", "倍", "比"}

# Scale of units that convert to each other, as (family, factor).
_UNIT_SCALE: dict[str, tuple[str, float]] = {
    "元": ("元", 1.0),
    "万元": ("元", 1e4),
    "亿元": ("元", 1e8),
    "万亿元": ("元", 1e12),
    "斤": ("斤", 1.0),
    "万斤": ("斤", 1e4),
    "亿斤": ("斤", 1e8),
    "吨": ("吨", 1.0),
    "万吨": ("吨", 1e4),
    "亿吨": ("吨", 1e8),
    "亩": ("亩", 1.0),
    "万亩": ("亩", 1e4),
    "亿亩": ("亩", 1e8),
    "人": ("人", 1.0),
    "万人": ("人", 1e4),
    "人次": ("人次", 1.0),
    "万人次": ("人次", 1e4),
    "千瓦": ("千瓦", 1.0),
    "万千瓦": ("千瓦", 1e4),
    "亿千瓦": ("千瓦", 1e8),
    "户": ("户", 1.0),
    "万户": ("户", 1e4),
    "公里": ("公里", 1.0),
    "千米": ("公里", 1.0),
    "万公里": ("公里", 1e4),
    "%": ("%", 1.0),
}

# Words that say lower is better when the comparator does not (a ceiling written as 左右 or =).
_LOWER_IS_BETTER = ("失业率", "涨幅", "价格", "事故", "死亡率", "排放", "能耗强度", "负债率", "债务率")


@dataclass(frozen=True)
class Reason:
    """Why two quotes were matched, or why a match is weak: a code for programs and a sentence in
    Chinese and English for people."""

    code: str
    zh: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class Correction:
    """The office's word on one parent item or target (``parent``: its id): it is taken up by the
    child's item or target ``child`` (an id), or by nothing (``child`` None). ``parent_text`` and
    ``child_text`` let a correction made on one pair of documents apply to another pair where both
    texts recur (a learned link)."""

    parent: str
    child: str | None
    parent_text: str = ""
    child_text: str = ""


@dataclass(frozen=True)
class Row:
    """One line of the alignment: a parent item or target and what the child makes of it; or (status
    ``added``) a child item that takes up nothing of the parent."""

    kind: str  # "item" or "target"
    status: Status
    parent: str | None  # the parent's item or target id
    parent_text: str
    child: str | None  # the child's item or target id
    child_text: str
    score: float
    reasons: tuple[Reason, ...] = ()  # why it matched
    weakenings: tuple[Reason, ...] = ()  # what weakens it (status weakened)
    also: tuple[str, ...] = ()  # further child items that take up the same parent item
    corrected: bool = False  # the office said so
    parent_section: str | None = None
    child_section: str | None = None

    @property
    def status_zh(self) -> str:
        return STATUS_ZH[self.status]

    @property
    def status_en(self) -> str:
        return STATUS_EN[self.status]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status.value,
            "parent": self.parent,
            "parent_text": self.parent_text,
            "child": self.child,
            "child_text": self.child_text,
            "score": round(self.score, 3),
            "reasons": [r.to_dict() for r in self.reasons],
            "weakenings": [r.to_dict() for r in self.weakenings],
            "also": list(self.also),
            "corrected": self.corrected,
        }


@dataclass(frozen=True)
class Alignment:
    parent_title: str | None
    child_title: str | None
    items: tuple[Row, ...]  # one per parent item, in the parent's order
    targets: tuple[Row, ...]  # one per parent target
    added: tuple[Row, ...]  # the child's items that take up nothing
    sub_region: bool  # the child speaks for an area below the parent's: absolute amounts not compared
    counts: Mapping[str, int] = field(default_factory=dict)

    def row(self, parent_id: str) -> Row:
        for r in (*self.items, *self.targets):
            if r.parent == parent_id:
                return r
        raise KeyError(parent_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "parent": {"title": self.parent_title},
            "child": {"title": self.child_title, "sub_region": self.sub_region},
            "counts": dict(self.counts),
            "items": [r.to_dict() for r in self.items],
            "targets": [r.to_dict() for r in self.targets],
            "added": [r.to_dict() for r in self.added],
        }


# -- text --------------------------------------------------------------------------------------------
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def fingerprint(text: str) -> str:
    """The text with everything but Chinese characters removed: how a learned link recognises the
    same item in another document (punctuation, spacing and numbering aside)."""
    return _NOT_HAN.sub("", text)


@cache
def _verb_map() -> tuple[tuple[str, str], ...]:
    pairs = [(w, group[0]) for group in VERB_GROUPS for w in group]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _fold(text: str, synonyms: Mapping[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """The text's Chinese characters with every synonym replaced by its group's word; and the
    replacements made (word, canonical), for the reasons."""
    out = fingerprint(text)
    used: list[tuple[str, str]] = []
    for word, canon in sorted(synonyms.items(), key=lambda p: -len(p[0])):
        if word and word in out and word != canon:
            out = out.replace(word, canon)
            used.append((word, canon))
    for word, canon in _verb_map():
        if word in out:
            if word != canon:
                out = out.replace(word, "\x00" + canon + "\x00")
            used.append((word, canon))
    return out.replace("\x00", ""), used


def _bigrams(text: str) -> Counter[str]:
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def similarity(a: str, b: str) -> float:
    """Dice of two short texts' character bigrams (0–1): for indicators and quick comparisons."""
    x, y = _bigrams(fingerprint(a)), _bigrams(fingerprint(b))
    if not x or not y:
        return 1.0 if fingerprint(a) == fingerprint(b) and fingerprint(a) else 0.0
    return 2 * sum((x & y).values()) / (sum(x.values()) + sum(y.values()))


class _Vectors:
    """TF-IDF vectors of character bigrams over the items of both documents."""

    def __init__(self, texts: Sequence[str]) -> None:
        grams = [_bigrams(t) for t in texts]
        df: Counter[str] = Counter()
        for g in grams:
            df.update(g.keys())
        n = len(texts) + 1
        self.idf = {k: math.log(n / (1 + v)) + 1 for k, v in df.items()}
        self.vectors: list[dict[str, float]] = []
        for g in grams:
            v = {k: (1 + math.log(c)) * self.idf[k] for k, c in g.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self.vectors.append({k: x / norm for k, x in v.items()})

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(k, 0.0) for k, x in a.items())


def _common_words(a: str, b: str, *, least: int = 2, most: int = 4) -> list[str]:
    """The longest runs of characters both texts share (at least ``least`` long), longest first."""
    found: list[str] = []
    x, y = a, b
    while len(found) < most:
        best = ""
        prev = [0] * (len(y) + 1)
        end = 0
        for i in range(1, len(x) + 1):
            cur = [0] * (len(y) + 1)
            xi = x[i - 1]
            for j in range(1, len(y) + 1):
                if xi == y[j - 1]:
                    cur[j] = prev[j - 1] + 1
                    if cur[j] > len(best):
                        best = "?" * cur[j]
                        end = i
            prev = cur
        if len(best) < least:
            break
        word = x[end - len(best) : end]
        found.append(word)
        x = x.replace(word, "\x01")
        y = y.replace(word, "\x02")
    return found


# -- targets -------------------------------------------------------------------------------------------
_INDICATOR_NOISE = re.compile(r"^(全区|全省|全市|全盟|全旗|全县|全国|本市|全自治区)|^(新增|累计|年均)")


def _indicator_key(t: Target) -> str:
    return _INDICATOR_NOISE.sub("", fingerprint(t.indicator))


def _indicator_similarity(a: Target, b: Target) -> float:
    ka, kb = _indicator_key(a), _indicator_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    if len(ka) >= 3 and len(kb) >= 3 and (ka in kb or kb in ka):
        return 0.9
    return similarity(ka, kb)


def _unit_family(unit: str | None) -> tuple[str, float] | None:
    if not unit:
        return None
    return _UNIT_SCALE.get(unit, (unit, 1.0))


def _units_compatible(a: Target, b: Target) -> bool:
    fa, fb = _unit_family(a.unit), _unit_family(b.unit)
    return fa is None or fb is None or fa[0] == fb[0]


def _lower_is_better(t: Target) -> bool:
    if t.comparator in ("<=", "<"):
        return True
    if t.comparator in (">=", ">"):
        return False
    return any(w in t.indicator for w in _LOWER_IS_BETTER) and not any(
        w in t.indicator for w in ("下降", "降低")
    )


_FIRMNESS_UP = {">": 3, ">=": 2, "=": 2, "≈": 1}
_FIRMNESS_DOWN = {"<": 3, "<=": 2, "=": 2, "≈": 1}
_COMPARATOR_ZH = {">": "超过", ">=": "达到或以上", "=": "达到", "≈": "左右", "<=": "以内", "<": "低于"}
_COMPARATOR_EN = {">": "above", ">=": "at least", "=": "exactly", "≈": "about", "<=": "at most", "<": "below"}


def _fmt(value: float | None, unit: str | None, upper: float | None = None) -> str:
    if value is None:
        return ""
    text = f"{value:.6g}" + (f"—{upper:.6g}" if upper is not None else "")
    return f"{text}{unit or ''}"


def _target_weakenings(p: Target, c: Target, *, sub_region: bool) -> list[Reason]:
    out: list[Reason] = []
    down = _lower_is_better(p)
    fp, fc = _unit_family(p.unit), _unit_family(c.unit)
    relative = (p.unit or "") in _RELATIVE_UNITS
    same_area = not sub_region
    if (
        p.value is not None
        and c.value is not None
        and fp
        and fc
        and fp[0] == fc[0]
        and (relative or same_area)
    ):
        pv, cv = p.value * fp[1], c.value * fc[1]
        worse = cv > pv if down else cv < pv
        if worse and not math.isclose(pv, cv, rel_tol=1e-9):
            word_zh, word_en = ("高于", "higher than") if down else ("低于", "lower than")
            out.append(
                Reason(
                    "value",
                    f"数值{word_zh}上级：{_fmt(c.value, c.unit, c.value_max)}，上级为{_fmt(p.value, p.unit, p.value_max)}",
                    f"value {word_en} the parent's: {_fmt(c.value, c.unit, c.value_max)}"
                    f" against {_fmt(p.value, p.unit, p.value_max)}",
                )
            )
    if p.year is not None and c.year is not None and c.year > p.year:
        out.append(
            Reason(
                "year", f"年份推迟：{c.year}年，上级为{p.year}年", f"a later year: {c.year} against {p.year}"
            )
        )
    firm = _FIRMNESS_DOWN if down else _FIRMNESS_UP
    if p.comparator in firm and c.comparator in firm and firm[c.comparator] < firm[p.comparator]:
        out.append(
            Reason(
                "comparator",
                f"要求放宽：{_COMPARATOR_ZH[c.comparator]}，上级为{_COMPARATOR_ZH[p.comparator]}",
                f"a milder comparator: {_COMPARATOR_EN[c.comparator]} against {_COMPARATOR_EN[p.comparator]}",
            )
        )
    return out


def _scope_level(scope: str | None) -> str:
    if scope and any(scope.startswith(s) for s in _SUB_SCOPES):
        return "sub"
    return "region"


def _is_sub_region(parent: Document, child: Document) -> bool:
    """Does the child speak for an area below the parent's (a league, city, banner or county)?"""
    # scope words of an area below the region (全市, 全盟 …) that the parent itself does not use: a
    # municipality's report says 全市 of itself, and so does its peer's
    lower, provinces = _divisions()
    title = child.title or ""
    parent_title = parent.title or ""
    if any(len(name) >= 2 and name in title for name in provinces):
        return False  # a province or a municipality (上海市) speaks for the whole of itself
    own = {t.scope for t in parent.targets if t.scope}
    sub = sum(1 for t in child.targets if _scope_level(t.scope) == "sub" and t.scope not in own)
    if sub and sub >= sum(1 for t in child.targets if t.scope and _scope_level(t.scope) == "region"):
        return True
    return any(name in title and name not in parent_title for name in lower if name not in provinces)


@cache
def _divisions() -> tuple[frozenset[str], frozenset[str]]:
    """The names and distinctive short forms of leagues, cities, banners and counties (at least three
    characters for a county's: 河南 is a province before it is a county's short form), and the forms
    of the provinces."""
    lower: set[str] = set()
    provinces: set[str] = set()
    for d in load_divisions():
        if d.level == "province":
            provinces.update(x for x in (d.name, d.short) if x)
            continue
        lower.add(d.name)
        if len(d.short) >= (2 if d.level == "prefecture" else 3):
            lower.add(d.short)
    return frozenset(lower), frozenset(provinces)


# -- the alignment -------------------------------------------------------------------------------------
def _task_items(doc: Document) -> list[Item]:
    return [i for i in doc.items if i.kind in TASK_KINDS]


def _verb_weakening(p: str, c: str) -> Reason | None:
    firm = [w for w in FIRM if w in p]
    soft = [w for w in SOFT if w in c and w not in p]
    if firm and soft and not any(w in c for w in firm):
        return Reason(
            "verb",
            f"措辞弱化：上级“{firm[0]}”，下级“{soft[0]}”",
            f"softer wording: the parent says “{firm[0]}”, the child “{soft[0]}”",
        )
    return None


def align(
    parent: Document,
    child: Document,
    *,
    corrections: Iterable[Correction] = (),
    synonyms: Mapping[str, str] | None = None,
    sub_region: bool | None = None,
) -> Alignment:
    """Align ``child`` (a subordinate plan) with ``parent`` (the decision it implements).

    ``corrections`` are the office's words (for this pair, and learned on others: a correction whose
    ids do not fit is applied by its texts); ``synonyms`` maps a word to the word it means (learned
    from the office); ``sub_region`` says whether the child speaks for a smaller area than the parent
    (None: judged from the child's title and target scopes)."""
    synonyms = dict(synonyms or {})
    if sub_region is None:
        sub_region = _is_sub_region(parent, child)
    p_items, c_items = _task_items(parent), _task_items(child)
    p_index = {i.id: n for n, i in enumerate(p_items)}
    c_index = {i.id: n for n, i in enumerate(c_items)}

    # targets, one-to-one by indicator, unit and year
    pairs: list[tuple[float, int, int]] = []
    for a, pt in enumerate(parent.targets):
        for b, ct in enumerate(child.targets):
            s = _indicator_similarity(pt, ct)
            if s < INDICATOR_MATCH or pt.kind != ct.kind or not _units_compatible(pt, ct):
                continue
            s += 0.05 * (pt.unit == ct.unit) + 0.05 * (pt.year == ct.year)
            pairs.append((s, a, b))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    t_match: dict[int, tuple[int, float]] = {}
    used_t: set[int] = set()
    for s, a, b in pairs:
        if a in t_match or b in used_t:
            continue
        t_match[a] = (b, s)
        used_t.add(b)

    # items: folded texts, TF-IDF over both documents
    folded = [_fold(i.text, synonyms) for i in (*p_items, *c_items)]
    vec = _Vectors([f for f, _u in folded])
    offset = len(p_items)
    place_of: dict[str, set[str]] = {}
    for doc, prefix in ((parent, "p"), (child, "c")):
        for place in doc.places:
            if place.level == "province":  # 黄河流域 names nine provinces; a province says little
                continue
            for m in place.mentions:
                place_of.setdefault(f"{prefix}{m}", set()).add(place.name)
    target_link: dict[tuple[int, int], list[str]] = {}
    for a, (b, _s) in t_match.items():
        pi, ci = p_index.get(parent.targets[a].item), c_index.get(child.targets[b].item)
        if pi is not None and ci is not None:
            target_link.setdefault((pi, ci), []).append(parent.targets[a].indicator)

    def score(pi: int, ci: int) -> tuple[float, list[Reason]]:
        p, c = p_items[pi], c_items[ci]
        s = vec.cosine(pi, offset + ci)
        reasons: list[Reason] = []
        tags = sorted(set(p.tags) & set(c.tags))
        if tags:
            s += TAG_BONUS * min(2, len(tags))
            names = "、".join(f"“{t}”" for t in tags)
            reasons.append(Reason("programme", f"同一工程、行动：{names}", f"the same programme: {names}"))
        places = sorted(place_of.get(f"p{p.id}", set()) & place_of.get(f"c{c.id}", set()))
        if places:
            s += PLACE_BONUS * min(2, len(places))
            reasons.append(
                Reason("place", f"同一地方：{'、'.join(places)}", f"the same place: {', '.join(places)}")
            )
        linked = target_link.get((pi, ci))
        if linked:
            s += TARGET_BONUS
            names = "、".join(linked)
            reasons.append(Reason("target", f"同一指标：{names}", f"the same indicator: {names}"))
        return s, reasons

    scores: dict[tuple[int, int], tuple[float, list[Reason]]] = {}
    for pi in range(len(p_items)):
        for ci in range(len(c_items)):
            scores[(pi, ci)] = score(pi, ci)

    # corrections first: by id where the texts agree (or none were kept), else by text
    fixed: dict[int, int | None] = {}
    fixed_t: dict[int, int | None] = {}
    p_by_print = {fingerprint(i.text): n for n, i in enumerate(p_items)}
    c_by_print = {fingerprint(i.text): n for n, i in enumerate(c_items)}
    pt_index = {t.id: n for n, t in enumerate(parent.targets)}
    ct_index = {t.id: n for n, t in enumerate(child.targets)}
    pi_opt: int | None
    ci_opt: int | None
    for corr in corrections:
        if corr.parent in pt_index and (
            not corr.parent_text
            or fingerprint(corr.parent_text) == fingerprint(parent.targets[pt_index[corr.parent]].text)
        ):
            fixed_t[pt_index[corr.parent]] = ct_index.get(corr.child) if corr.child else None
            continue
        pi_opt = p_index.get(corr.parent)
        if pi_opt is None or (
            corr.parent_text and fingerprint(corr.parent_text) != fingerprint(p_items[pi_opt].text)
        ):
            pi_opt = p_by_print.get(fingerprint(corr.parent_text)) if corr.parent_text else None
        if pi_opt is None:
            continue
        if corr.child is None:
            fixed[pi_opt] = None
            continue
        ci_opt = c_index.get(corr.child)
        if ci_opt is None or (
            corr.child_text and fingerprint(corr.child_text) != fingerprint(c_items[ci_opt].text)
        ):
            ci_opt = c_by_print.get(fingerprint(corr.child_text)) if corr.child_text else None
        if ci_opt is not None:
            fixed[pi_opt] = ci_opt
    for a, fixed_b in fixed_t.items():
        if fixed_b is None:
            t_match.pop(a, None)
        else:
            t_match[a] = (fixed_b, 1.0)

    # one-to-one, best first; corrected pairs taken as given
    match: dict[int, int] = {pi: ci for pi, ci in fixed.items() if ci is not None}
    used = set(match.values())
    ranked = sorted(
        ((s, pi, ci) for (pi, ci), (s, _r) in scores.items() if s >= ITEM_MATCH),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    for _s, pi, ci in ranked:
        if pi in fixed or pi in match or ci in used:
            continue
        match[pi] = ci
        used.add(ci)
    also: dict[int, list[int]] = {}
    for ci in range(len(c_items)):
        if ci in used:
            continue
        best = max(((scores[(pi, ci)][0], pi) for pi in match if pi not in fixed), default=None)
        if best and best[0] >= ITEM_EXTRA:
            also.setdefault(best[1], []).append(ci)
            used.add(ci)

    # a parent target still unmatched pairs with an unmatched target of the same kind of unit in the
    # child item that takes up its item (the child names the indicator differently: 并网装机容量)
    in_item: set[int] = set()
    c_targets_of: dict[str, list[int]] = {}
    for b, ct in enumerate(child.targets):
        c_targets_of.setdefault(ct.item, []).append(b)
    for a, pt in enumerate(parent.targets):
        pi = p_index.get(pt.item)
        if a in t_match or a in fixed_t or pi is None or pi not in match:
            continue
        candidates = [
            b
            for ci in (match[pi], *also.get(pi, []))
            for b in c_targets_of.get(c_items[ci].id, [])
            if b not in used_t
            and child.targets[b].kind == pt.kind
            and _unit_family(pt.unit) is not None
            and _units_compatible(pt, child.targets[b])
        ]
        # an indicator that shares nothing with the parent's is another indicator, unless the
        # extraction left it a bare word (降低, 增长)
        candidates = [
            b
            for b in candidates
            if _indicator_similarity(pt, child.targets[b]) > 0 or len(_indicator_key(child.targets[b])) <= 2
        ]
        if candidates:
            b = max(candidates, key=lambda x: (_indicator_similarity(pt, child.targets[x]), -x))
            t_match[a] = (b, _indicator_similarity(pt, child.targets[b]))
            used_t.add(b)
            in_item.add(a)

    # target rows
    target_rows: list[Row] = []
    weak_of_item: dict[str, list[Reason]] = {}
    for a, pt in enumerate(parent.targets):
        if a in t_match:
            b, s = t_match[a]
            ct = child.targets[b]
            weak = _target_weakenings(pt, ct, sub_region=sub_region)
            if a in in_item:
                why = [
                    Reason(
                        "same_item",
                        f"承接条目中的同类目标：{ct.indicator}",
                        f"a target of the same kind in the matching item: {ct.indicator}",
                    )
                ]
            else:
                why = [
                    Reason("indicator", f"同一指标：{ct.indicator}", f"the same indicator: {ct.indicator}")
                ]
            if (
                sub_region
                and not weak
                and pt.value is not None
                and ct.value is not None
                and (pt.unit or "") not in _RELATIVE_UNITS
            ):
                why.append(
                    Reason(
                        "local",
                        "下级本地数值，不与上级总量比较",
                        "the child's own area: amounts not compared with the parent's total",
                    )
                )
            row = Row(
                "target",
                WEAKENED if weak else COVERED,
                pt.id,
                pt.text,
                ct.id,
                ct.text,
                min(s, 1.0),
                tuple(why),
                tuple(weak),
                corrected=a in fixed_t,
            )
            if weak:
                weak_of_item.setdefault(pt.item, []).extend(
                    Reason(w.code, f"{pt.indicator}：{w.zh}", f"{pt.indicator}: {w.en}") for w in weak
                )
        else:
            row = Row("target", MISSING, pt.id, pt.text, None, "", 0.0, corrected=a in fixed_t)
        target_rows.append(row)
    dropped: dict[str, list[str]] = {}
    for a, pt in enumerate(parent.targets):
        if a not in t_match:
            dropped.setdefault(pt.item, []).append(pt.indicator)

    # item rows
    item_rows: list[Row] = []
    for pi, p in enumerate(p_items):
        if pi not in match:
            item_rows.append(
                Row(
                    "item",
                    MISSING,
                    p.id,
                    p.text,
                    None,
                    "",
                    0.0,
                    corrected=pi in fixed,
                    parent_section=p.section,
                )
            )
            continue
        ci = match[pi]
        c = c_items[ci]
        s, reasons = scores[(pi, ci)]
        words = _common_words(_NOT_HAN.sub("\x03", p.text), _NOT_HAN.sub("\x04", c.text))
        why = list(reasons)
        if pi in fixed:
            why.insert(0, Reason("corrected", "督查室确认", "confirmed by the office"))
        if words:
            text = "、".join(words)
            why.append(Reason("words", f"共同词语：{text}", f"shared words: {text}"))
        _f, folds_p = folded[pi]
        _g, folds_c = folded[offset + ci]
        canon_p = {canon: w for w, canon in folds_p if w not in c.text}
        pairs_v = sorted(
            {
                (canon_p[canon], w)
                for w, canon in folds_c
                if canon in canon_p and canon_p[canon] != w and w not in p.text
            }
        )
        if pairs_v:
            text = "、".join(f"{a}—{b}" for a, b in pairs_v[:3])
            why.append(Reason("synonym", f"近义说法：{text}", f"words of one meaning: {text}"))
        weak = list(weak_of_item.get(p.id, []))
        for indicator in dropped.get(p.id, []):
            weak.append(
                Reason("target_dropped", f"未写明目标：{indicator}", f"the target is not stated: {indicator}")
            )
        verb = _verb_weakening(p.text, c.text)
        if verb:
            weak.append(verb)
        item_rows.append(
            Row(
                "item",
                WEAKENED if weak else COVERED,
                p.id,
                p.text,
                c.id,
                c.text,
                1.0 if pi in fixed else min(s, 1.0),
                tuple(why),
                tuple(weak),
                tuple(c_items[x].id for x in also.get(pi, [])),
                corrected=pi in fixed,
                parent_section=p.section,
                child_section=c.section,
            )
        )
    added_rows = [
        Row("item", ADDED, None, "", c.id, c.text, 0.0, child_section=c.section)
        for ci, c in enumerate(c_items)
        if ci not in used
    ]
    counts = Counter(r.status.value for r in item_rows)
    counts["added"] = len(added_rows)
    return Alignment(
        parent.title,
        child.title,
        tuple(item_rows),
        tuple(target_rows),
        tuple(added_rows),
        sub_region,
        {k: counts.get(k, 0) for k in ("covered", "weakened", "missing", "added")},
    )
