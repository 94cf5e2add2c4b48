"""Tables: 主要指标表 and task tables (任务分工表) read as rows, their rows turned into items and targets.

The hand-off from the readers: a reader that finds a data table (docx ``w:tbl``, html ``<table>``, a
PDF's aligned columns) writes each of its rows as one line, cells separated by a tab, a merged cell
repeated in every cell it covers (:func:`row_line`). Text pasted from Excel or Word's tables arrives in
the same shape, so a .txt gets its tables read too. The text stays the one carrier of a document: a
pending import keeps only the text, and the table comes back from it.

Before reflow the pipeline lifts every run of such lines out of the text (:func:`lift_tables`) and puts
one mark paragraph in its place, so that the reflow does not join rows into sentences and the outline
knows where the table sits. When the blocks are read, a mark gives its rows (:func:`read_table`):

- a 主要指标表 (a column of 指标, a column per year or a 年均 column): one item per indicator, one target
  per target year with its value, the row (with its headers) as the target's quote; columns of a base
  year (2025年 in a table of 2030 targets, 基期, 现状) are measured values, not targets;
- a task table (a column of 任务, with 牵头单位 or 完成时限): one item per row, the task's own words with
  the lead unit, co-operating units and deadline after it, its targets read as in a sentence;
- any other table: one item per row, each cell after its header, and a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ._targets import Found, find_years, targets_in
from ._text import fold_width

# The paragraph standing for a lifted table: a private-use character, the table's number, and a full
# stop, so that every rule of the reflow and the outline takes it for a finished sentence of the body
# (never a heading, a title or part of one); the reflow also never joins it to a line.
MARK = "\ue000"
_MARK_RE = re.compile(f"{MARK}(\\d+){MARK}。")
_CELL_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


@dataclass(frozen=True, slots=True)
class Table:
    """A table as rows of cells (a merged cell repeated in each cell it covers)."""

    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None  # 表1 “十五五”时期主要指标, the line above it
    notes: tuple[str, ...] = ()  # 注：〔〕内为五年累计数, the lines under it


def clean_cell(text: str) -> str:
    """A cell's text on one line: runs of whitespace to one space, none between Chinese characters."""
    text = _CELL_SPACE.sub(" ", text).strip()
    return _CJK_SPACE.sub("", text) if " " in text else text


_BODY = re.compile(
    r"(?:委|厅|局|办|部|院|会|室|中心|政府|公司|集团|所|站|处|队|盟|市|旗|县|区|行|社|馆|校|署|组|团)$"
)


def join_cell_paragraphs(parts: Iterable[str]) -> str:
    """A cell's paragraphs (or lines) as one text: names of bodies one per line (自治区发展改革委 /
    自治区财政厅) listed with 、; anything else was wrapped to the column's width, and runs on."""
    out = ""
    for p in (clean_cell(p) for p in parts):
        if not p:
            continue
        if (
            out
            and out[-1] not in "。；;，,、：:！？!?"
            and _BODY.search(out)
            and _BODY.search(p)
            and len(p) <= 30
        ):
            out += "、" + p
        else:
            out += p if not out or not (out[-1].isascii() and p[0].isascii()) else " " + p
    return out


def row_line(cells: Iterable[str]) -> str:
    """One table row as a line of the text handed to the pipeline: cells joined by tabs."""
    cells = [clean_cell(c) for c in cells]
    return "\t".join(cells) if len(cells) > 1 else (cells[0] + "\t" if cells else "\t")


def mark(index: int) -> str:
    return f"{MARK}{index}{MARK}。"


def table_index(paragraph: str) -> int | None:
    """The table a mark paragraph stands for, or None for any other paragraph."""
    if not paragraph.startswith(MARK):
        return None
    m = _MARK_RE.fullmatch(paragraph.strip())
    return int(m.group(1)) if m else None


# -- lifting the tables out of the text --------------------------------------------------------------

_HEADING_NUMBER = re.compile(
    r"(?:第[一二三四五六七八九十]{1,3}(?:部分|章|篇)|[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|[●○■□◆◇•·★☆※▲△])"
)
_CAPTION = re.compile(
    r"(?:附?表\s*[0-9一二三四五六七八九十]{0,3}[\s:：．.、]*)?.{0,40}(?:表|指标|清单|一览|分工|目标|任务)[^。；，]{0,12}"
)
_NOTE = re.compile(r"(?:注|备注|说明|附注)\s*[\d一二三四五六七八九十]{0,2}\s*[：:]")
_SENTENCE_PUNCT = re.compile(r"[。；！？!?]")
_PAGE_NUMBER = re.compile(r"[-—－–_·\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—－–_·\s]*")


def _cells(line: str) -> list[str] | None:
    """The cells of a line that may be a table row (it holds a tab after some text), else None."""
    if "\t" not in line:
        return None
    s = line.strip(" \r\u3000\u00a0\ufeff")
    if "\t" not in s:
        return None
    cells = [clean_cell(c) for c in s.split("\t")]
    return cells if any(cells) else None


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end > 1 and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _is_table(rows: list[list[str]]) -> bool:
    if len(rows) < 2:
        return False
    full = [r for r in rows if sum(1 for c in r if c) >= 2]
    if len(full) < 2 or len(full) * 2 < len(rows):
        return False
    # 一、\t总体要求 / （一）\t…: a numbered list written with tabs, not a table
    listed = [r for r in full if len([c for c in r if c]) == 2 and _HEADING_NUMBER.fullmatch(r[0] or "-")]
    if len(listed) * 2 >= len(full):
        return False
    # paragraphs indented by a tab, not cells: every row one text after empty cells
    return not all(sum(1 for c in r if c) == 1 for r in rows[1:])


def lift_tables(text: str) -> tuple[str, list[Table]]:
    """The text with each table (with its caption above and notes below) replaced by a mark line."""
    if MARK in text:
        text = text.replace(MARK, "")  # the text's own: a mark is ours alone
    if "\t" not in text:
        return text, []
    lines = text.split("\n")
    out: list[str] = []
    tables: list[Table] = []
    i, n = 0, len(lines)
    while i < n:
        cells = _cells(lines[i])
        if cells is None:
            out.append(lines[i])
            i += 1
            continue
        run = [cells]
        j = i + 1
        while j < n:
            nxt = _cells(lines[j])
            if nxt is None:
                break
            run.append(nxt)
            j += 1
        if not _is_table(run):
            out.extend(lines[i:j])
            i = j
            continue
        caption = None
        k = len(out) - 1
        while k >= 0 and not out[k].strip():
            k -= 1
        if k >= 0 and _is_caption(out[k].strip()):
            caption = clean_cell(out[k])
            del out[k:]
        # a table that goes on over a page break: blank lines and a page number, then rows no wider
        # (its header, repeated on the new page, is dropped)
        width = max(len(r) for r in run)
        while True:
            k = j
            while k < n and (not lines[k].strip() or _PAGE_NUMBER.fullmatch(lines[k].strip())):
                k += 1
            if k == j or k >= n or (cells := _cells(lines[k])) is None or len(_trim(cells)) > width:
                break
            more = [cells]
            k += 1
            while k < n and (cells := _cells(lines[k])) is not None:
                more.append(cells)
                k += 1
            if _trim(more[0]) == _trim(run[0]):
                more = more[1:]
            run.extend(more)
            j = k
        notes: list[str] = []
        k = j
        while k < n and not lines[k].strip():
            k += 1
        while k < n and _NOTE.match(lines[k].strip()) and len(lines[k]) <= 300:
            notes.append(clean_cell(lines[k]))
            k += 1
            j = k
        width = max(len(r) for r in run)
        rows = tuple(tuple(r + [""] * (width - len(r))) for r in run)
        out.append(mark(len(tables)))
        tables.append(Table(rows, caption, tuple(notes)))
        i = j
    return "\n".join(out), tables


def _is_caption(s: str) -> bool:
    return (
        2 <= len(s) <= 60
        and "\t" not in s
        and not _SENTENCE_PUNCT.search(s)
        and _CAPTION.fullmatch(s) is not None
        and not _HEADING_NUMBER.match(s)
    )


# -- reading a table ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """What one row of a table gives the pipeline: an item's text and kind, and its targets."""

    text: str
    kind: str
    targets: list[Found] = field(default_factory=list)
    observations: list[Found] = field(default_factory=list)  # measured values: a base year's column


@dataclass(slots=True)
class ReadTable:
    rows: list[Row]
    kind: str  # indicators | tasks | other
    readable: bool = True  # False: no header was recognised; the rows are listed as they are
    base_values: int = 0  # cells of base-year columns (measured values, not targets)


_YEAR_IN_HEADER = re.compile(r"(?:19|20)\d{2}|十[一二三四五六七八九]五|[一二三四五六七八九十]{2,3}五")
_VALUE = re.compile(
    r"(?P<pre>[≥≤＞＜><]=?|不低于|不少于|不高于|不超过|大于|小于|超过|达到|力争)?\s*"
    r"(?P<open>[〔\[［【(（])?\s*"
    r"(?P<num>-?\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*[—–－~～\-至到]\s*(?P<num2>\d+(?:\.\d+)?))?"
    r"\s*(?P<unit>[^\d\s〔〕\[\]［］【】()（）左右以上下内]{0,8}?)"
    r"\s*(?P<close>[〕\]］】)）])?\s*"
    r"(?P<post>左右|以上|以下|以内|之内|上下|及以上|及以下)?\s*"
    r"(?P<close2>[〕\]］】)）])?"
)
_EMPTY = re.compile(r"[-—–－/／\\、\s]*|无|暂无|—+|-+|/|不适用")
_UNIT_IN_NAME = re.compile(r"[（(]([^（）()]{1,12})[）)]\s*$")
_UNITLIKE = re.compile(
    r"[%‰元吨斤亩米瓦时人户个家所座张套辆台项条次处倍岁年天小时公里千克升]|百分点|标准煤|立方"
)
_ATTRS = re.compile(r"预期性|约束性|指导性")
_BASE_WORDS = re.compile(r"基期|基准|现状|实际|完成|预计|基数|现值|上年")
_TARGET_WORDS = re.compile(r"目标|规划|预期值|计划")
_AVERAGE_WORDS = re.compile(r"年均|累计|平均")
_NUMBER_PREFIX = re.compile(r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[①-⑳]|[★☆※*＊]+)\s*")


def _role(label: str) -> str:
    """What a column holds, from its header: serial, category, indicator, unit, attr, year, average,
    task, lead, partner, deadline, note, or other."""
    s = label.replace(" ", "")
    if not s:
        return "other"
    if re.fullmatch(r"序号?|编号|序列|No\.?", s, re.IGNORECASE):
        return "serial"
    if re.search(r"属性|性质", s):
        return "attr"
    if re.search(r"牵头|责任单位|责任部门|负责单位|主责|责任处室|牵头部门|承办单位", s):
        return "lead"
    if re.search(r"配合|参与|协同|协助|协办", s):
        return "partner"
    if re.search(r"时限|期限|完成时间|时间节点|进度安排|完成时|截止", s):
        return "deadline"
    if re.search(r"单位", s) and len(s) <= 6:
        return "unit"
    if re.search(r"备注|说明", s):
        return "note"
    if _YEAR_IN_HEADER.search(s) or (_TARGET_WORDS.search(s) and "名称" not in s):
        return "year"
    if re.search(r"指标", s) and not re.search(r"类别|类型|分类|领域", s):
        return "indicator"
    if _AVERAGE_WORDS.search(s):
        return "average"
    if re.search(r"类别|领域|分类|方面|类型|板块", s):
        return "category"
    if re.search(r"任务|措施|内容|事项|举措|工作|要求", s):
        return "task"
    if re.search(r"项目|名称", s):
        return "name"
    return "other"


def _is_value_cell(cell: str) -> bool:
    c = fold_width(cell).strip()
    if not c or re.fullmatch(r"(?:19|20)\d{2}\s*年.{0,8}", c):
        return False
    return re.match(r"[≥≤><〔\[［(（]?\s*-?\d", c) is not None


def _header_rows(rows: tuple[tuple[str, ...], ...]) -> int:
    """How many rows at the top are headers (at most three): the first row without a figure, and
    under it rows of headers too: short cells that repeat the cell above (merged down) or name
    what a column holds (2030年, 单位, 属性 …)."""
    n = 0
    for k, r in enumerate(rows[:3]):
        if any(_is_value_cell(c) for c in r):
            break
        if k:
            filled = [c for c in r if c]
            if len(set(filled)) == 1 and len(filled) == len(r) > 2:
                break  # 经济发展 merged across: the first group of the body
            if not all(
                not c
                or c == rows[k - 1][i]
                or (len(c) <= 16 and not _SENTENCE_PUNCT.search(c) and _role(c) != "other")
                for i, c in enumerate(r)
            ):
                break
        n += 1
    if n == len(rows):
        n = min(1, len(rows) - 1)
    return n


def _labels(rows: tuple[tuple[str, ...], ...], header: int) -> list[list[str]]:
    """Each column's header cells, top to bottom, without repeats (a cell merged down counts once).

    Text pasted from Excel leaves a cell merged across empty after its first column: where the row
    under it has headers, the empty cell takes its left neighbour's label."""
    width = len(rows[0]) if rows else 0
    grid = [list(r) for r in rows[:header]]
    for k, r in enumerate(grid[:-1]):
        below = grid[k + 1]
        for c in range(1, width):
            if not r[c] and r[c - 1] and below[c]:
                r[c] = r[c - 1]
    out: list[list[str]] = []
    for c in range(width):
        seen: list[str] = []
        for r in grid:
            if r[c] and r[c] not in seen:
                seen.append(r[c])
        out.append(seen)
    return out


def read_table(table: Table, *, doc_year: int | None, context_year: int | None) -> ReadTable:
    """The items and targets a table gives."""
    rows = tuple(r for r in table.rows if any(r))
    while len(rows) > 2 and len(set(rows[0])) == 1:
        rows = rows[1:]  # a title merged across the top of the table
    header = _header_rows(rows)
    labels = _labels(rows, header)
    roles = [_role(" ".join(lb)) for lb in labels]
    body = rows[header:]
    if header and "indicator" in roles and ("year" in roles or "average" in roles):
        return _indicators(body, labels, roles, doc_year=doc_year, context_year=context_year)
    if (
        header
        and "task" in roles
        and ({"lead", "deadline", "partner", "serial"} & set(roles) or len(body) >= 2)
    ):
        return _tasks(body, labels, roles, doc_year=doc_year, context_year=context_year)
    if header and roles.count("other") + roles.count("serial") < len(roles):
        return _other(body, labels, roles, readable=True)
    return _other(rows, [[] for _ in labels], roles, readable=False)


_FROM_YEAR = re.compile(r"(?:19|20)\d{2}\s*年.*")


def _short(labels: list[str]) -> str:
    """A column's header as a row's text shows it: its lowest cell, from its year on (2030年)."""
    if not labels:
        return ""
    m = _FROM_YEAR.search(labels[-1])
    return m.group() if m else labels[-1]


def _is_category_row(row: tuple[str, ...], roles: list[str]) -> bool:
    """一、经济发展 across the table: the same text in every cell (merged), or a short title alone."""
    filled = [c for c in row if c]
    if len(set(filled)) != 1 or len(row) <= 2:
        return False
    return len(filled) == len(row) or (
        len(filled) == 1 and len(filled[0]) <= 20 and not _SENTENCE_PUNCT.search(filled[0])
    )


def _year_columns(
    labels: list[list[str]], roles: list[str], doc_year: int | None, context_year: int | None
) -> tuple[dict[int, int | None], set[int]]:
    """The year of every year column, and which of them hold base values (measured, not targets)."""
    years: dict[int, int | None] = {}
    for c, role in enumerate(roles):
        if role != "year":
            continue
        label = fold_width(" ".join(labels[c]))
        found = [y.year for y in find_years(label, doc_year) if y.year]
        years[c] = found[-1] if found else context_year
    base: set[int] = set()
    dated = sorted({y for y in years.values() if y is not None})
    for c, year in years.items():
        label = " ".join(labels[c])
        if _TARGET_WORDS.search(label) and not _BASE_WORDS.search(label):
            continue
        if (
            _BASE_WORDS.search(label)
            or (year is not None and doc_year is not None and year < doc_year)
            or (year is not None and doc_year is None and len(dated) >= 2 and year == dated[0])
        ):
            base.add(c)
    return years, base


def _indicators(
    body: tuple[tuple[str, ...], ...],
    labels: list[list[str]],
    roles: list[str],
    *,
    doc_year: int | None,
    context_year: int | None,
) -> ReadTable:
    years, base = _year_columns(labels, roles, doc_year, context_year)
    targets_years = [y for c, y in years.items() if c not in base and y is not None]
    plan_end = max(targets_years) if targets_years else context_year
    base_years = [y for c, y in years.items() if c in base and y is not None]
    plan_start = max(base_years) + 1 if base_years else None
    ind_col = roles.index("indicator")
    unit_col = roles.index("unit") if "unit" in roles else None
    attr_col = roles.index("attr") if "attr" in roles else None
    out: list[Row] = []
    base_values = 0
    for row in body:
        if _is_category_row(row, roles):
            continue
        name = _NUMBER_PREFIX.sub("", row[ind_col]).strip()
        if not name:
            continue
        unit = row[unit_col].strip() if unit_col is not None else ""
        m = _UNIT_IN_NAME.search(name)
        if m and _UNITLIKE.search(m.group(1)):
            unit = unit or m.group(1)
            name = name[: m.start()].strip()
        unit = "" if _EMPTY.fullmatch(unit) else unit
        shown: list[str] = []
        pending: list[tuple[int, str]] = []
        for c, role in enumerate(roles):
            cell = row[c].strip()
            if role not in ("year", "average") or not cell or _EMPTY.fullmatch(cell):
                continue
            shown.append(f"{_short(labels[c])} {cell}")
            pending.append((c, cell))
        attr = row[attr_col].strip() if attr_col is not None else ""
        text = name + (f"（{unit}）" if unit else "") + "：" + "，".join(shown)
        if _ATTRS.search(attr):
            text += f"（{attr}）"
        if not shown:
            continue
        found: list[Found] = []
        measured: list[Found] = []
        for c, cell in pending:
            year = years.get(c, plan_end) if roles[c] == "year" else plan_end
            average = roles[c] == "average"
            f = _value_target(name, unit, cell, year, text, doc_year, average=average, start=plan_start)
            if f is None:
                continue
            if c in base:
                base_values += 1
                if f.kind == "numeric":
                    measured.append(f)
            else:
                found.append(f)
        out.append(Row(text, "target" if found else "measure", found, measured))
    return ReadTable(out, "indicators", base_values=base_values)


def _value_target(
    name: str,
    unit: str,
    cell: str,
    year: int | None,
    quote: str,
    doc_year: int | None,
    *,
    average: bool = False,
    start: int | None = None,
) -> Found | None:
    c = fold_width(cell).strip()
    m = _VALUE.fullmatch(c)
    if m is None:
        return _worded_target(name, cell, year, quote, doc_year)
    value = float(m.group("num").replace(",", ""))
    value_max = float(m.group("num2")) if m.group("num2") else None
    own_unit = (m.group("unit") or "").strip()
    if own_unit and not _UNITLIKE.search(own_unit) and own_unit not in ("万", "亿"):
        return _worded_target(name, cell, year, quote, doc_year)
    if own_unit in ("万", "亿") and unit:
        own_unit += unit
    cumulative = bool(m.group("open")) and m.group("open") in "〔[［【"
    pre, post = m.group("pre") or "", m.group("post") or ""
    comparator = "="
    if pre in ("≥", ">=", "不低于", "不少于", "达到") or post in ("以上", "及以上"):
        comparator = ">="
    elif pre in ("≤", "<=", "不高于", "不超过") or post in ("以下", "以内", "之内", "及以下"):
        comparator = "<="
    elif pre in (">", "＞", "大于", "超过"):
        comparator = ">"
    elif pre in ("<", "＜", "小于"):
        comparator = "<"
    elif post in ("左右", "上下"):
        comparator = "≈"
    elif value_max is not None:
        comparator = ">="
    indicator = name
    if average and not re.search(r"年均|累计", name):
        indicator = (
            ("累计" if cumulative else "年均") + name if not name.startswith(("年均", "累计")) else name
        )
    elif cumulative and "累计" not in name:
        indicator = name + "（累计）"
    return Found(
        kind="numeric",
        indicator=indicator,
        scope=None,
        comparator=comparator,
        value=value,
        unit=own_unit or unit or None,
        year=year,
        reference=None,
        text=quote,
        value_max=value_max,
        start_year=start if (cumulative or average) else None,
    )


_DEED = re.compile(r"完成|实现|达到|控制|下降|降低|提高|提升|保持|稳定|同步|持续|基本|全面|逐步|力争|确保")


def _worded_target(name: str, cell: str, year: int | None, quote: str, doc_year: int | None) -> Found | None:
    """A cell in words: 与经济增长同步 (a relation, read as the sentence it makes with its indicator),
    完成国家下达任务 (a milestone for the column's year)."""
    if year is None:
        return None
    sentence = f"到{year}年，{name}{cell}"
    for f in targets_in(sentence, doc_year=doc_year, context_year=year):
        if f.kind == "relational" or (f.kind == "numeric" and f.year == year):
            return Found(
                f.kind,
                f.indicator,
                None,
                f.comparator,
                f.value,
                f.unit,
                year,
                f.reference,
                quote,
                f.value_max,
            )
    if not _DEED.search(cell):
        return None
    return Found("milestone", f"{name}{cell}", None, None, None, None, year, None, quote)


def _tasks(
    body: tuple[tuple[str, ...], ...],
    labels: list[list[str]],
    roles: list[str],
    *,
    doc_year: int | None,
    context_year: int | None,
) -> ReadTable:
    task_cols = [c for c, r in enumerate(roles) if r == "task"]
    main = (
        task_cols[-1] if len(task_cols) > 1 and _longer(body, task_cols[-1], task_cols[0]) else task_cols[0]
    )
    out: list[Row] = []
    for row in body:
        if _is_category_row(row, roles):
            continue
        task = _NUMBER_PREFIX.sub("", row[main]).strip()
        if not task:
            continue
        extra: list[str] = []
        deadline = ""
        for c, role in enumerate(roles):
            cell = row[c].strip()
            if c == main or not cell or _EMPTY.fullmatch(cell) or role in ("serial", "category"):
                continue
            if role in ("lead", "partner", "deadline", "note", "task", "name", "other", "unit"):
                extra.append(f"{_short(labels[c]) or role}：{cell}")
            if role == "deadline":
                deadline = cell
        text = task if task[-1] in "。；;！!" else task + "。"
        if extra:
            text = text[:-1] + "（" + "；".join(extra) + "）" + text[-1]
        year = _deadline_year(deadline, doc_year) or context_year
        found = []
        for f in targets_in(task, doc_year=doc_year, context_year=year):
            found.append(f)
        if not found and deadline and year is not None:
            due = fold_width(deadline)
            due = due if re.search(r"(?:前|底|末)$", due) else due + "前"  # 2027年6月: done by then
            for f in targets_in(f"{due}{task}", doc_year=doc_year, context_year=year):
                if f.kind == "milestone":
                    found.append(f)
        found = [_quoted(f, text) for f in found]
        out.append(Row(text, "target" if found else _plain_kind(task), found))
    return ReadTable(out, "tasks")


def _longer(body: tuple[tuple[str, ...], ...], a: int, b: int) -> bool:
    return sum(len(r[a]) for r in body) > sum(len(r[b]) for r in body)


def _deadline_year(cell: str, doc_year: int | None) -> int | None:
    years = [y.year for y in find_years(fold_width(cell), doc_year) if y.year]
    return years[-1] if years else None


def _quoted(f: Found, text: str) -> Found:
    return (
        f
        if f.text and f.text in text
        else Found(
            f.kind,
            f.indicator,
            f.scope,
            f.comparator,
            f.value,
            f.unit,
            f.year,
            f.reference,
            text,
            f.value_max,
            f.start_year,
        )
    )


def _plain_kind(text: str) -> str:
    from ._items import kind

    return kind(text, False)


def _other(
    body: tuple[tuple[str, ...], ...], labels: list[list[str]], roles: list[str], *, readable: bool
) -> ReadTable:
    out: list[Row] = []
    for row in body:
        if _is_category_row(row, roles) and len(body) > 1:
            continue
        parts = []
        for c, cell in enumerate(row):
            cell = cell.strip()
            if not cell or (roles[c] == "serial" and readable):
                continue
            label = _short(labels[c])
            parts.append(f"{label}：{cell}" if label and label != cell else cell)
        if parts:
            text = "；".join(dict.fromkeys(parts))
            out.append(Row(text if text[-1] in "。；" else text + "。", "measure"))
    return ReadTable(out, "other", readable=readable)
