"""The places of China, and finding them in a decision.

``data/divisions.tsv`` lists every province-, prefecture- and county-level division with its code
(see ``data/SOURCES.md``); ``data/regions.tsv`` lists regional abbreviations such as 呼包鄂 with their
members; ``data/aliases.tsv`` lists the established short forms of single divisions that are not
made by dropping a suffix (科右中旗 for 科尔沁右翼中旗, 达茂旗 for 达尔罕茂明安联合旗). :func:`find_places`
scans the items of a decision for them:

- a full name matches anywhere (鄂尔多斯市, 满洲里市, 内蒙古自治区);
- the short form of a province or a prefecture-level division matches too (鄂尔多斯, 内蒙古, 兴安);
  of a county-level city or banner only when it is distinctive: three characters or more
  (满洲里, 二连浩特) or in :data:`_COUNTY_SHORTS`. Two-character county forms such as 合作, 资源,
  公安, 东方, 富裕 are ordinary words and never match;
- an abbreviation from regions.tsv gives a mention to each of its members;
- an alias from aliases.tsv gives a mention to its division, with the alias in ``via``; aliases have
  three characters or more (莫旗, 准旗 are left out: 切莫旗开得胜, 标准旗舰店);
- the longest form at a position wins (内蒙古自治区 over 内蒙古, 呼包鄂乌 over 呼包鄂), and the text
  is scanned left to right, so a name that starts inside a longer form already taken is not seen;
- words that contain a name without meaning the place (:data:`_NOT_PLACES`: 长治久安, 大兴安岭,
  中山装 …) are taken as forms of their own that name nothing;
- boundary rules: a name ending in 区 or 县 before 域 (和平区域, 共同富裕县域), in 市 before 场
  (东方市场), in 州 before 府, or any form before 族 (鄂伦春族) is not a place; generic district names
  (城区, 矿区, 新城区, 老城区 …) only count right after their city's name, and one-character county
  names (兴县, 新县) only after their parent or at a boundary, and never before 城 or 域;
- a name shared by several divisions (朝阳区, 新城区, 吉林) goes to the one whose parent's name comes
  right before it, else to the one under the province the document's other mentions are mostly in,
  else to the higher level (吉林 → 吉林省), else to the lower code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, cast

from ._model import Place, PlaceLevel

__all__ = ["Division", "division", "find_places", "load_divisions"]


@dataclass(frozen=True, slots=True)
class Division:
    """An administrative division: 150600 鄂尔多斯市 (short 鄂尔多斯), prefecture, under 150000."""

    code: str  # the 6-digit code
    name: str  # the official full name
    short: str  # the short form, "" when there is none (城区, 兴县)
    level: PlaceLevel
    parent: str | None  # the parent's code; the province for municipal districts and 省直辖 units


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# County-level forms shorter than three characters that are distinctive enough to match.
_COUNTY_SHORTS = frozenset(
    _words("丰镇 根河 义乌 昆山 晋江 江阴 常熟 慈溪 诸暨 余姚 仙桃 潜江 济源 奎屯 珲春 延吉 景洪 瑞丽")
)

# Words that contain a place name but do not mean the place. Each is a form that names nothing.
_NOT_PLACES = _words(
    "长治久安 大同小异 世界大同 天下大同 四平八稳 中山装 中山大学 中山公园 中山路 中山陵 白银饰品 白银首饰 "
    "白银制品 白银市场 黄金白银 新乡村 新乡贤 朝阳产业 朝阳行业 三明治 普洱茶 大理石 阿里巴巴 阿里云 "
    "大兴安岭 小兴安岭 兴安岭 长白山 白山黑水 文山会海 年日照 日照时 日照资源 日照条件 日照充足 安康杯 "
    "出海口 入海口 南通道 哈密瓜 和田玉 玉树临风 黑河流域 黄河源 黄河北 黄河南 淮河北 淮河南 太行山东 "
    "太行山西 北海道 北京时间"
)
# Short forms that are also common words (来宾, guests): a place only in a list of places.
_IN_LISTS = frozenset(_words("来宾"))
_LIST_MARKS = "、，,和及与"

# District names that are also common words: they count only right after their city's name.
_GENERIC = frozenset(
    _words("城区 郊区 矿区 东区 西区 新城区 老城区 新市区 城中区 市中区 城关区 城东区 城西区 城北区")
)

_LEVEL_RANK = {"province": 3, "prefecture": 2, "county": 1}
# suffix of a form → characters after it that make it a different word (和平区域, 东方市场 …)
_BAD_NEXT = {"区": "域", "县": "域", "市": "场", "州": "府"}


_REGION = -1  # first element of the rows of a region: its members follow


class _Index(NamedTuple):
    """divisions.tsv as columns (row numbers stand for divisions) and the forms to look for."""

    codes: list[str]
    names: list[str]
    levels: list[str]
    parents: list[str]
    shorts: list[str]
    row: dict[str, int]  # code → row
    forms: dict[str, tuple[int, ...]]  # form → its rows; (_REGION, members…); () for a non-place
    longest: dict[str, int]  # first two characters → length of the longest form starting with them
    starts: re.Pattern[str]  # where a form may start: one of its first characters before a second
    strict: frozenset[int]  # generic names (城区 …) and one-character county names (兴县 …)


class _Match(NamedTuple):
    start: int
    end: int
    text: str
    rows: tuple[int, ...]  # the candidates, or (_REGION, members…)


_DATA = Path(__file__).with_name("data")


@cache
def load_divisions() -> tuple[Division, ...]:
    """Every division in data/divisions.tsv, in code order (loaded once)."""
    return tuple(_division(r) for r in range(len(_index().codes)))


def division(code_or_name: str) -> Division | None:
    """The division with this code, official name or short form (鄂尔多斯 → 鄂尔多斯市).

    A name shared by several divisions gives the highest level, then the lowest code
    (吉林 → 吉林省, 朝阳区 → 110105). ``None`` when nothing has that code or name.
    """
    idx = _index()
    r = idx.row.get(code_or_name)
    if r is None:
        rows = idx.forms.get(code_or_name)
        if not rows or rows[0] == _REGION:
            return None
        r = _preferred(idx, rows, Counter())
    return load_divisions()[r]


def find_places(items: Iterable[tuple[str, str]]) -> list[Place]:
    """One :class:`Place` per division mentioned in ``items`` ((item id, text) pairs in order).

    Places come in the order of their first mention; ``mentions`` holds the ids of the items that
    mention each (in order, once each) and ``via`` the forms seen (鄂尔多斯, 呼包鄂 …).
    """
    idx = _index()
    ids: list[str] = []
    texts: list[str] = []
    for item_id, text in items:
        ids.append(item_id)
        texts.append(text)
    # One scan over the items joined by a line break, which no form can span.
    matches = _scan("\n".join(texts), idx)
    if not matches:
        return []
    codes = idx.codes
    weight = Counter(codes[m.rows[0]][:2] for m in matches if len(m.rows) == 1)
    seen: dict[int, tuple[dict[str, None], dict[str, None]]] = {}  # row → (item ids, forms)
    item, item_end = -1, -1
    previous: _Match | None = None
    for m in matches:
        while m.start > item_end:  # the item this match is in
            item += 1
            item_end += len(texts[item]) + 1
        if m.rows[0] == _REGION:
            named: tuple[int, ...] = m.rows[1:]
        elif len(m.rows) == 1:
            named = m.rows
        else:
            named = (_resolve(idx, m, previous, weight),)
        item_id = ids[item]
        for r in named:
            mentions, via = seen.setdefault(r, ({}, {}))
            mentions[item_id] = None
            via[m.text] = None
        previous = m
    levels, names = idx.levels, idx.names
    return [
        Place(
            name=names[r],
            level=cast(PlaceLevel, levels[r]),
            code=codes[r],
            mentions=tuple(mentions),
            via=tuple(via),
        )
        for r, (mentions, via) in seen.items()
    ]


# scanning ------------------------------------------------------------------------------------------
def _scan(text: str, idx: _Index) -> list[_Match]:
    """The forms in ``text``, left to right, the longest acceptable one at each position."""
    forms, longest = idx.forms, idx.longest
    out: list[_Match] = []
    previous: _Match | None = None
    size = len(text)
    end = 0
    for hit in idx.starts.finditer(text):
        i = hit.start()
        if i < end:
            continue
        n = longest.get(text[i : i + 2])
        if n is None:
            continue
        for j in range(min(i + n, size), i + 1, -1):
            form = text[i:j]
            rows = forms.get(form)
            if rows is None:
                continue
            if not rows:  # a word that names no place
                end = j
                break
            if j < size and (text[j] == "族" or _BAD_NEXT.get(form[-1]) == text[j]):
                continue
            if form in _IN_LISTS and not (
                (previous is not None and previous.end == i - 1 and text[i - 1] in _LIST_MARKS)
                or (j < size and text[j] == "、")
            ):
                end = j
                break
            if rows[0] != _REGION:
                rows = _allowed(idx, rows, text, i, j, previous)
                if not rows:
                    continue
            previous = _Match(i, j, form, rows)
            out.append(previous)
            end = j
            break
    return out


def _allowed(
    idx: _Index, rows: tuple[int, ...], text: str, i: int, j: int, previous: _Match | None
) -> tuple[int, ...]:
    """The candidates that the text around [i, j) allows (generic and one-character names)."""
    if idx.strict.isdisjoint(rows):
        return rows
    before: set[str] = set()
    if previous is not None and previous.end == i:
        before = {idx.codes[r] for r in previous.rows if r != _REGION}
    # a one-character county name (兴县, 新县) also stands at a boundary, if not before 城 or 域
    at_boundary = (i == 0 or not _is_han(text[i - 1])) and (j >= len(text) or text[j] not in "城域")
    return tuple(
        r
        for r in rows
        if r not in idx.strict or idx.parents[r] in before or (at_boundary and idx.names[r] not in _GENERIC)
    )


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"


def _resolve(idx: _Index, m: _Match, previous: _Match | None, weight: Counter[str]) -> int:
    if previous is not None and previous.end == m.start:
        before = {idx.codes[r] for r in previous.rows if r != _REGION}
        under = [r for r in m.rows if idx.parents[r] in before]
        if under:
            return _preferred(idx, under, weight)
    return _preferred(idx, m.rows, weight)


def _preferred(idx: _Index, rows: Iterable[int], weight: Counter[str]) -> int:
    codes, levels = idx.codes, idx.levels
    return min(rows, key=lambda r: (-weight[codes[r][:2]], -_LEVEL_RANK[levels[r]], codes[r]))


# the index -----------------------------------------------------------------------------------------
@cache
def _index() -> _Index:
    with open(_DATA / "divisions.tsv", encoding="utf-8") as f:
        fields = f.read().replace("\n", "\t").split("\t")
    width = 5  # code, name, level, parent, short
    if fields[:width] != ["code", "name", "level", "parent", "short"] or len(fields) % width != 1:
        raise RuntimeError("data/divisions.tsv is damaged")
    codes, names, levels, parents, shorts = (fields[k:-1:width] for k in range(width, 2 * width))
    count = len(codes)
    forms: dict[str, tuple[int, ...]] = dict(zip(names, zip(range(count)), strict=True))  # name → (row,)
    if len(forms) < count:  # names shared by several divisions (朝阳区, 新城区 …): all of them
        shared = {name for name, n in Counter(names).items() if n > 1}
        for name in shared:
            forms[name] = ()
        for r, name in enumerate(names):
            if name in shared:
                forms[name] = (*forms[name], r)
    for r in range(count):
        short = shorts[r]
        if short and (
            levels[r] != "county" or short in _COUNTY_SHORTS or (len(short) >= 3 and names[r][-1] in "市旗")
        ):
            forms[short] = (*forms.get(short, ()), r)
    row = dict(zip(codes, range(count), strict=True))
    with open(_DATA / "regions.tsv", encoding="utf-8") as f:
        region_lines = f.read().splitlines()[1:]
    for line in region_lines:
        form, members, _names = line.split("\t")
        forms[form] = (_REGION, *(row[c] for c in members.split(",")))
    with open(_DATA / "aliases.tsv", encoding="utf-8") as f:
        alias_lines = f.read().splitlines()[1:]
    for line in alias_lines:
        form, code, _name = line.split("\t")
        forms[form] = (row[code],)
    for form in _NOT_PLACES:
        forms[form] = ()
    by_length = sorted(forms, key=len)  # so that the longest form of each prefix comes last
    longest = dict(zip(map(itemgetter(slice(0, 2)), by_length), map(len, by_length), strict=True))
    firsts = "".join(set(map(itemgetter(0), longest)))  # Han characters only: nothing to escape
    seconds = "".join(set(map(itemgetter(1), longest)))
    starts = re.compile(f"[{firsts}](?=[{seconds}])")
    strict = frozenset(
        r for r in range(count) if len(names[r]) == 2 or names[r] in _GENERIC
    )  # every two-character name is a county's
    return _Index(codes, names, levels, parents, shorts, row, forms, longest, starts, strict)


def _division(r: int) -> Division:
    idx = _index()
    level = cast(PlaceLevel, idx.levels[r])
    return Division(idx.codes[r], idx.names[r], idx.shorts[r], level, idx.parents[r] or None)
