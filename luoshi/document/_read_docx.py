"""Read a .docx: its body paragraphs and table cells in order, with Word's automatic numbering.

A paragraph numbered by Word carries no number in its text, only a reference into numbering.xml;
here the number a reader sees (一、 （一） 1. （1） …) is rendered back in front of the text, since
the outline of a decision is read from exactly those numbers.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ._errors import DocumentError

MAX_UNPACKED = 256 * 1024 * 1024  # what all entries together really inflate to (counted, not declared)
MAX_RATIO = 200  # an entry over 1 MiB that compresses better than this is a zip bomb
MAX_ENTRIES = 10_000

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VAL = f"{W}val"

# subtrees whose text is not part of the body text a reader follows
_SKIP = {
    f"{W}pPr",
    f"{W}rPr",
    f"{W}txbxContent",  # text boxes (their text is repeated in mc:Fallback anyway)
    f"{MC}Fallback",
    f"{W}rt",  # ruby annotations (pronunciation)
    f"{W}del",
    f"{W}moveFrom",
    f"{W}instrText",
    f"{W}delText",
    f"{W}footnoteReference",
    f"{W}endnoteReference",
}


def corrupt_docx() -> DocumentError:
    return DocumentError(
        "corrupt",
        "Word 文件（.docx）已损坏或不完整，无法读取。请用 Word 或 WPS 打开后重新保存再试。",
        "The Word file (.docx) is damaged or incomplete. Open it in Word or WPS, save it again and retry.",
    )


def read_docx(data: bytes) -> tuple[str, str | None]:
    """The text of a .docx (one line per paragraph) and its title, if it names one."""
    _refuse_zip_bomb(data)
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise DocumentError(
            "unsupported",
            "读取 Word 文件需要 python-docx：pip install python-docx",
            "Reading Word files needs python-docx: pip install python-docx",
        ) from None
    try:
        document: Any = docx.Document(io.BytesIO(_as_plain_docx(data)))
        body = document.element.body
        numbering = _Numbering(document.part.numbering_part.element, document.styles.element)
        lines: list[str] = []
        title: str | None = None
        for block in _blocks(body):
            if isinstance(block, _DataTable):
                lines.extend(block.lines(numbering))
                continue
            prefix = numbering.prefix(block)
            text = _paragraph_text(block)
            if title is None and text.strip() and numbering.is_title(block):
                title = text.strip()
            line = (prefix + text).strip()
            if line:
                lines.append(line)
            elif lines and lines[-1]:
                lines.append("")  # an empty paragraph is a blank line: it may end a heading or a paragraph
        core_title = (document.core_properties.title or "").strip()
    except DocumentError:
        raise
    except Exception:
        raise corrupt_docx() from None
    if core_title and re.search("[\u4e00-\u9fff]", core_title):
        title = core_title
    return "\n".join(lines), title


_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


def _as_plain_docx(data: bytes) -> bytes:
    """A .docm or .dotx is a .docx with another content type (python-docx opens only .docx)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        try:
            types = z.read("[Content_Types].xml")
        except KeyError:
            return data
        if not any(t in types for t in _OTHER_MAINS):
            return data
        for t in _OTHER_MAINS:
            types = types.replace(t, _MAIN)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in z.infolist():
                copy.writestr(info, types if info.filename == "[Content_Types].xml" else z.read(info))
        return out.getvalue()


def _refuse_zip_bomb(data: bytes) -> None:
    """Inflate the archive once with a running limit (luoshi.document._inflate): what it really
    holds, not what it declares."""
    from dataclasses import replace

    from ._inflate import DOCX, check_zip

    limits = replace(DOCX, total=MAX_UNPACKED, members=MAX_ENTRIES, ratio=MAX_RATIO)
    try:
        check_zip(data, limits)
    except DocumentError as e:
        raise corrupt_docx() if e.code == "corrupt" else e from None


_PROPERTIES = (f"{W}sectPr", f"{W}tblPr", f"{W}tblGrid", f"{W}trPr", f"{W}tcPr", f"{W}sdtPr")


def _paragraphs(element: Any) -> Iterator[Any]:
    """The w:p elements of the body, tables and content controls, in document order."""
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag in _PROPERTIES:
            continue
        elif isinstance(tag, str):
            yield from _paragraphs(child)


def _blocks(element: Any) -> Iterator[Any]:
    """The body in document order: w:p elements, and data tables whole (a table that only lays out
    the page, one column or a cell holding the body text, gives its paragraphs one by one)."""
    for child in element:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag == f"{W}tbl":
            table = _DataTable.of(child)
            if table is not None:
                yield table
            else:
                yield from _blocks(child)
        elif tag in _PROPERTIES:
            continue
        elif isinstance(tag, str):
            yield from _blocks(child)


# tables ---------------------------------------------------------------------------------------------

_MAX_CELL_CHARS = 600  # a cell longer than this holds body text: the table lays out the page
_MAX_CELL_PARAGRAPHS = 12


def _children(element: Any, tag: str) -> Iterator[Any]:
    """``element``'s children with ``tag``, looking through content controls (w:sdt) and w:customXml."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _children(child, tag)


def _int_attr(element: Any, path: str, default: int) -> int:
    e = element.find(path)
    try:
        return int(e.get(_VAL)) if e is not None else default
    except (TypeError, ValueError):
        return default


@dataclass
class _DataTable:
    """A table of data (主要指标表, 任务分工表): its grid of cells, each a list of w:p elements.

    A cell merged across columns (w:gridSpan) or down rows (w:vMerge) is repeated in every grid cell
    it covers, so that each column reads with its own header."""

    grid: list[list[list[Any] | None]]  # rows × columns; None for an empty grid cell

    @classmethod
    def of(cls, tbl: Any) -> _DataTable | None:
        if tbl.find(f".//{W}tbl") is not None:
            return None  # a table inside a table: the outer one lays out the page
        grid: list[list[list[Any] | None]] = []
        for tr in _children(tbl, f"{W}tr"):
            row: list[list[Any] | None] = [None] * _int_attr(tr, f"{W}trPr/{W}gridBefore", 0)
            for tc in _children(tr, f"{W}tc"):
                span = max(1, min(_int_attr(tc, f"{W}tcPr/{W}gridSpan", 1), 64))
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                paragraphs = list(_paragraphs(tc))
                if merge is not None and merge.get(_VAL, "continue") == "continue" and grid:
                    above = grid[-1][len(row)] if len(row) < len(grid[-1]) else None
                    row.extend([above] * span)
                    continue
                if len(paragraphs) > _MAX_CELL_PARAGRAPHS or (
                    sum(len(_paragraph_text(p)) for p in paragraphs) > _MAX_CELL_CHARS
                ):
                    return None  # body text in a grid: the table lays out the page
                row.extend([paragraphs] * span)
            grid.append(row)
        width = max((len(r) for r in grid), default=0)
        if width < 2 or sum(1 for r in grid if sum(1 for c in r if c) >= 2) < 2:
            return None
        for r in grid:
            r.extend([None] * (width - len(r)))
        return cls(grid)

    def lines(self, numbering: _Numbering) -> list[str]:
        """The rows as the pipeline reads them (luoshi.document._tables.row_line); Word numbering in
        a cell (a 序号 column numbered by Word) is counted once per cell, in reading order."""
        from ._tables import join_cell_paragraphs, row_line

        texts: dict[int, str] = {}
        out: list[str] = []
        for row in self.grid:
            cells: list[str] = []
            for cell in row:
                if cell is None:
                    cells.append("")
                    continue
                key = id(cell)
                if key not in texts:
                    texts[key] = join_cell_paragraphs(
                        (numbering.prefix(p) + _paragraph_text(p)).strip() for p in cell
                    )
                cells.append(texts[key])
            if any(cells):
                out.append(row_line(cells))
        return out


_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_SOFT_BREAK = re.compile(f"(?<=[{_CJK}])\n|\n(?=[{_CJK}])")


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    _collect(p, parts)
    text = "".join(parts)
    if "\n" in text:  # a soft line break is layout, not a new paragraph
        text = _SOFT_BREAK.sub("", text).replace("\n", " ")
    return text


def _collect(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type") in (None, "textWrapping"):
                parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}r" and _hidden(child):
            continue
        else:
            _collect(child, parts)


def _hidden(run: Any) -> bool:
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return False
    vanish = rpr.find(f"{W}vanish")
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


# numbering -----------------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (1-based level; 0: never restart)
    legal: bool = False  # w:isLgl: show every level as an arabic number
    suffix: str = "tab"  # tab | space | nothing
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


@dataclass
class _Num:
    abstract: str
    overrides: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl
    starts: dict[int, int] = field(default_factory=dict)  # w:lvlOverride/w:startOverride


class _Numbering:
    """numbering.xml and the styles that carry numbering, with the counters as the text runs."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id → w:numStyleLink style id
        for a in numbering.findall(f"{W}abstractNum"):
            aid = a.get(f"{W}abstractNumId")
            self.abstracts[aid] = {int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in a.findall(f"{W}lvl")}
            link = a.find(f"{W}numStyleLink")
            if link is not None and link.get(_VAL):
                self.style_links[aid] = link.get(_VAL)
        self.nums: dict[str, _Num] = {}
        for n in numbering.findall(f"{W}num"):
            ref = n.find(f"{W}abstractNumId")
            if ref is None:
                continue
            num = _Num(ref.get(_VAL, ""))
            for o in n.findall(f"{W}lvlOverride"):
                ilvl = int(o.get(f"{W}ilvl", "0"))
                so = o.find(f"{W}startOverride")
                if so is not None:
                    num.starts[ilvl] = int(so.get(_VAL, "1"))
                lvl = o.find(f"{W}lvl")
                if lvl is not None:
                    num.overrides[ilvl] = _level(lvl)
            self.nums[n.get(f"{W}numId")] = num
        # paragraph styles: their numbering, base style and names
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.based_on: dict[str, str] = {}
        self.title_styles: set[str] = set()
        for s in styles.findall(f"{W}style"):
            sid = s.get(f"{W}styleId")
            if sid is None:
                continue
            name = s.find(f"{W}name")
            if sid.lower() == "title" or (
                name is not None and name.get(_VAL, "").lower() in ("title", "标题")
            ):
                self.title_styles.add(sid)
            base = s.find(f"{W}basedOn")
            if base is not None and base.get(_VAL):
                self.based_on[sid] = base.get(_VAL)
            num_pr = s.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_num[sid] = _num_pr(num_pr)
        self.counters: dict[str, dict[int, int | None]] = {}
        self.seen: set[tuple[str, int]] = set()

    def is_title(self, p: Any) -> bool:
        return _style_of(p) in self.title_styles

    def prefix(self, p: Any) -> str:
        """The number Word shows in front of ``p`` (and count it), or ``""``."""
        num_id, ilvl = self._num_of(p)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        num = self.nums[num_id]
        abstract_id = self._abstract(num.abstract)
        levels = self.abstracts.get(abstract_id, {})
        if ilvl is None:
            style = _style_of(p)
            ilvl = next((i for i, lv in levels.items() if style and lv.style == style), 0)
        level = num.overrides.get(ilvl) or levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if (num_id, ilvl) not in self.seen and ilvl in num.starts:
            counters[ilvl] = num.starts[ilvl]
        else:
            current = counters.get(ilvl)
            counters[ilvl] = level.start if current is None else current + 1
        self.seen.add((num_id, ilvl))
        for deeper in range(ilvl + 1, 9):
            lv = num.overrides.get(deeper) or levels.get(deeper)
            restart_after = deeper if lv is None or lv.restart is None else lv.restart
            if ilvl < restart_after:
                counters[deeper] = None
        if level.fmt in ("bullet", "none") or not level.text:
            return ""

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = num.overrides.get(k) or levels.get(k) or _Level()
            value = counters.get(k)
            if value is None:
                value = lv.start
            return format_number(value, "decimal" if level.legal and lv.fmt != "decimalZero" else lv.fmt)

        shown = re.sub(r"%([1-9])", number, level.text)
        if shown and level.suffix != "nothing" and not re.search(r"[\s、，．。：:.)）\]】]$", shown):
            shown += " "
        return shown

    def _abstract(self, abstract_id: str) -> str:
        """Follow w:numStyleLink to the abstract definition that holds the levels."""
        for _ in range(4):
            style = self.style_links.get(abstract_id)
            if style is None or self.abstracts.get(abstract_id):
                break
            num_id, _ilvl = self.style_num.get(style, (None, None))
            if num_id is None or num_id not in self.nums:
                break
            abstract_id = self.nums[num_id].abstract
        return abstract_id

    def _num_of(self, p: Any) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        style = _style_of(p)
        for _ in range(10):  # the style's numbering, through its base styles
            if style is None:
                break
            if style in self.style_num:
                num_id, ilvl = self.style_num[style]
                break
            style = self.based_on.get(style)
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            own_id, own_ilvl = _num_pr(num_pr)
            if own_id is not None:
                num_id = own_id
                if own_ilvl is None:
                    ilvl = 0 if ilvl is None else ilvl
            if own_ilvl is not None:
                ilvl = own_ilvl
        return num_id, ilvl


def _style_of(p: Any) -> str | None:
    ps = p.find(f"{W}pPr/{W}pStyle")
    return None if ps is None else ps.get(_VAL)


def _num_pr(num_pr: Any) -> tuple[str | None, int | None]:
    nid = num_pr.find(f"{W}numId")
    il = num_pr.find(f"{W}ilvl")
    return (
        None if nid is None else nid.get(_VAL),
        None if il is None else int(il.get(_VAL, "0")),
    )


def _level(lvl: Any) -> _Level:
    def val(tag: str) -> str | None:
        e = lvl.find(f"{W}{tag}")
        return None if e is None else e.get(_VAL)

    legal = lvl.find(f"{W}isLgl")
    return _Level(
        start=int(val("start") or 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        restart=None if val("lvlRestart") is None else int(val("lvlRestart") or 0),
        legal=legal is not None and legal.get(_VAL, "true") not in ("0", "false", "off"),
        suffix=val("suff") or "tab",
        style=val("pStyle"),
    )


# number formats ------------------------------------------------------------------------------------

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def format_number(n: int, fmt: str) -> str:
    """``n`` as Word shows it in the numbering format ``fmt`` (w:numFmt)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "koreanCounting",
    ):
        return _counting(n, "零一二三四五六七八九", "十百千万")
    if fmt in ("chineseLegalSimplified",):
        return _counting(n, _LEGAL, "拾佰仟萬", short_ten=False)
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return _counting(n, _LEGAL_TRADITIONAL, "拾佰仟萬", short_ten=False)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "ideographEnclosedCircle":
        return chr(0x3280 + n - 1) if 1 <= n <= 10 else _counting(n, "零一二三四五六七八九", "十百千万")
    if fmt in ("ideographParenthesized", "ideographEnclosedParen"):
        return (
            chr(0x3220 + n - 1) if 1 <= n <= 10 else f"（{_counting(n, '零一二三四五六七八九', '十百千万')}）"
        )
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "numberInDash":
        return f"- {n} -"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)  # decimal, decimalHalfWidth, ordinal … and anything unknown


def _counting(n: int, digits: str, units: str, *, short_ten: bool = True) -> str:
    """一、十、十一、二十、一百零一 … (``short_ten``: 10–19 without a leading 一)."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n >= 100_000:
        return str(n)
    parts: list[str] = []
    pending_zero = False
    for power in (10_000, 1000, 100, 10, 1):
        d, n = divmod(n, power)
        if d == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(digits[0])
            pending_zero = False
        unit = {10_000: units[3], 1000: units[2], 100: units[1], 10: units[0], 1: ""}[power]
        if power == 10 and d == 1 and not parts and short_ten:
            parts.append(unit)
        else:
            parts.append(digits[d] + unit)
    return "".join(parts)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)
