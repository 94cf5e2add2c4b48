"""Official documents (公文) in the layout of GB/T 9704-2012, written with python-docx: the one writer
behind the 督办单 and 通报 of ``luoshi.supervision`` and the implementation report of
``luoshi.exchange.report``.

- A4 (210 × 297 mm); margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a type area of
  156 × 225 mm);
- body 仿宋_GB2312 三号 (16 pt) on a document grid of 22 lines of 28 characters (a line pitch of
  28.95 pt, a character pitch of 15.79 pt: 156 mm ÷ 28), paragraphs indented two characters;
- title 方正小标宋简体 二号 (22 pt), centred; 主送机关 flush left, ending in a full-width colon;
- headings 一、 in 黑体, （一） in 楷体_GB2312, 1． in bold 仿宋, （1） in 仿宋; a heading may run in
  with its paragraph (“（一）加强组织领导。各地区要……”);
- headings keep with the paragraph that follows them; a table's header row repeats on every page and
  its rows do not split;
- 发文机关署名 and 成文日期 at the end (7.3.5.1): the date 右空四字, the signer centred over it;
- 版记 at the foot of the last page: 抄送 and 印发机关/印发日期 in 四号 仿宋 between rules as wide as
  the type area (the first and last 0.35 mm, the middle 0.25 mm), the last rule on the type area's
  last line;
- page numbers "— 1 —" in 宋体 四号 (14 pt, the digits half-width, each piece its own run so that
  the field's result has the dashes' size), 7 mm below the type area: odd pages on the right and even
  pages on the left, each one character in from the edge of the type area;
- the 版头 of a 督办单 or 通报 (7.2): the issuer's mark in red 35 mm under the top of the type area,
  the number two lines under it, a red rule 4 mm under the number, the title two lines under the rule;
- Word's properties: the document's title, the issuer as author, created now (not python-docx's
  template of 2013).

Fonts are named, with the east-Asian font set through ``w:eastAsia``, as government machines have
them; Word substitutes a similar face where one is missing. This module knows nothing of Django: it
turns text into a .docx, and ``OfficialText`` is what the PDF writer (``luoshi.exchange.pdf``) reads too.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from luoshi.document import safe_text

__all__ = [
    "ER_HAO",
    "FANGSONG",
    "HEITI",
    "KAITI",
    "LINE",
    "SAN_HAO",
    "SI_HAO",
    "SONGTI",
    "XIAOBIAOSONG",
    "Block",
    "OfficialDocument",
    "OfficialText",
    "cn_number",
    "column_widths",
    "numbered",
    "sentence",
    "signature_indents",
    "subject",
    "title_lines",
    "to_docx",
]

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
SAN_HAO = 16  # pt
ER_HAO = 22
SI_HAO = 14
LINE = 28.95  # pt: 22 lines in the 225 mm type area
TITLE_LINE = LINE  # pt: the title on the grid too, so that a page holds its 22 lines
TABLE_LINE = 20  # pt: 四号 in a table cell
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TYPE_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156
TYPE_HEIGHT_MM = PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]  # 225
LINES, CHARS = 22, 28  # the grid: 22 lines of 28 characters
MM = 72 / 25.4  # points in a millimetre
# 28 characters of 三号 (16 pt) need 448 pt, the type area is 442.2 pt wide: every character is set
# 0.25 pt closer (Word's 字符间距 紧缩), 15.75 pt apart, and 28 fill the line. (A grid of 28
# characters, Word's linesAndChars, does the same in Word, but LibreOffice then gives each 16 pt
# character two cells of 15.79 pt: 14 characters a line.)
CONDENSE = 0.25
CHAR_PITCH = SAN_HAO - CONDENSE
NUMBER_GAP_MM = 7  # from the bottom of the type area to the top of the page number
HEAD_GAP_MM = 35  # from the top of the type area to the top of the issuer's mark (7.2.3)
RULE_GAP_MM = 4  # from the 发文字号 to the red rule under it (7.2.6)
RULE_THICK, RULE_THIN = 8, 6  # 版记 rules in eighths of a point: 1 pt (0.35 mm), 0.75 pt (0.26 mm)
MARK_SIZE = 36  # pt: the issuer's mark (GB/T 9704 leaves its size to the issuer)
MARK_RISE = 0.2  # of the mark's size: how far its characters stand above a line of exactly that size
NUMBER_RISE = 0.18  # the same for the page number's line
# level → (font, bold)
HEADING_FONTS = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True), 4: (FANGSONG, False)}


@dataclass
class Block:
    """A heading (level 1–4, numbered 一、（一）1．（1）), a paragraph (level 0), or a table (``rows``).

    A heading with ``body`` runs in with its paragraph: the heading in its font, then ``body`` in 仿宋.
    """

    text: str
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    body: str = ""


@dataclass
class OfficialText:
    """The content of a document without a 版头: title, 主送机关, body, 署名 and 成文日期."""

    title: str
    blocks: list[Block]
    addressee: str = ""
    signer: str = ""
    date: str = ""
    copy_to: str = ""  # 抄送 (版记)
    printer: str = ""  # 印发机关 (版记); none, no 版记
    printed: str = ""  # 印发日期, as 2026年1月5日


# -- numbering of headings (一、（一）1．（1）) -------------------------------------------------------
_CN = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + _CN[n - 10]
    tens, ones = divmod(n, 10)
    return _CN[tens] + "十" + (_CN[ones] if ones else "")


def numbered(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Each block with its number prefix: 一、 （一） 1． （1）, counted per level."""
    counters = [0, 0, 0, 0, 0]
    out = []
    for b in blocks:
        prefix = ""
        if b.level:
            counters[b.level] += 1
            for deeper in range(b.level + 1, 5):
                counters[deeper] = 0
            n = counters[b.level]
            prefix = {1: f"{cn_number(n)}、", 2: f"（{cn_number(n)}）", 3: f"{n}．", 4: f"（{n}）"}[b.level]
        out.append((b, prefix))
    return out


_CLAUSE_END = "，。；：！？,;:"


def subject(text: str, limit: int = 24) -> str:
    """A task named in a title: its first clause, whole, when it is at most ``limit`` characters, else
    nothing (a title never ends a cut text with ……). Quotation marks inside become single ones, as
    a quotation inside a quotation is written (“实施‘电力外送’提升工程”)."""
    text = text.strip()
    end = next((i for i, ch in enumerate(text) if ch in _CLAUSE_END), len(text))
    clause = text[:end].strip()
    if not clause or len(clause) > limit or clause.count("“") != clause.count("”"):
        return ""
    return clause.replace("“", "‘").replace("”", "’")


def sentence(text: str) -> str:
    """``text`` ending as a sentence does: with 。 unless it already ends with a stop."""
    text = text.strip()
    if not text or text.endswith(("。", "！", "？", "……", "…")):
        return text
    return text.rstrip("，,；;：:") + "。"


def column_widths(rows: list[list[str]], total: float) -> list[float]:
    """Widths of a table's columns adding up to ``total`` (mm): each column at least as wide as its
    header on one line (四号, with the cell's padding), the rest shared by the longest text (2 to 14
    characters)."""
    cols = max(len(r) for r in rows)
    char_mm = SI_HAO / MM
    floor = [width(rows[0][c]) * char_mm + 4.5 if c < len(rows[0]) else 0.0 for c in range(cols)]
    need = [
        min(14.0, max(2.0, max((width(r[c]) for r in rows if c < len(r)), default=0.0))) + 1.5
        for c in range(cols)
    ]
    widths = [total * n / sum(need) for n in need]
    short = [c for c in range(cols) if widths[c] < floor[c]]
    if short and sum(floor) <= total:
        fixed = sum(floor[c] for c in short)
        rest = [c for c in range(cols) if c not in short]
        share = sum(need[c] for c in rest)
        widths = [floor[c] if c in short else (total - fixed) * need[c] / share for c in range(cols)]
    return widths


TITLE_CHARS = 19  # 二号 characters on a line of the type area (442 pt ÷ 22 pt, less a margin)
_NO_BREAK_BEFORE = set("》）”，。、；：！？")
_NO_BREAK_AFTER = set("《（“")
# Where a title line may end without splitting a word (no word segmenter: the words of 公文 titles)
_BREAK_AFTER = (
    "的",
    "》",
    "）",
    "、",
    "，",
    "季度",
    "年度",
    "工作",
    "关于",
    "党委",
    "决定",
    "精神",
    "情况",
    "任务",
)
_BREAK_BEFORE = ("《", "关于", "情况", "学习", "推进", "认真", "贯彻", "重点", "加强", "做好", "进一步")


def title_lines(title: str, per_line: int = TITLE_CHARS) -> list[str]:
    """A long title broken into lines of about even length (GB/T 9704: 排列对称), never inside a run
    of digits or Latin letters, before closing punctuation or after opening punctuation, and no line
    longer than ``per_line``."""
    title = title.strip()
    total = width(title)
    if total <= per_line:
        return [title]
    n = -(-int(total) // per_line)
    while True:
        lines = _split(title, per_line, n)
        if all(width(line) <= per_line for line in lines) or n >= len(title):
            return lines
        n += 1


def _split(title: str, per_line: int, n: int) -> list[str]:
    """``title`` in ``n`` lines of about even length, breaking where words end when it can."""
    lines, rest = [], title
    for k in range(n - 1, 0, -1):
        goal = width(rest) / (k + 1)
        best, best_cost = None, None
        acc = 0.0
        for i, ch in enumerate(rest[:-1]):
            acc += width(ch)
            nxt = rest[i + 1]
            if ch.isascii() and ch.isalnum() and nxt.isascii() and nxt.isalnum():
                continue
            if nxt in _NO_BREAK_BEFORE or ch in _NO_BREAK_AFTER or acc > per_line:
                continue
            natural = rest[: i + 1].endswith(_BREAK_AFTER) or rest[i + 1 :].startswith(_BREAK_BEFORE)
            cost = abs(acc - goal) + (0 if natural else 3)
            if best_cost is None or cost < best_cost:
                best, best_cost = i + 1, cost
        if best is None:
            break
        lines.append(rest[:best])
        rest = rest[best:]
    return [*lines, rest]


def width(text: str) -> float:
    """Width in characters of the body font: a full-width character is 1, a half-width one (an Arabic
    digit of a date) 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def signature_indents(signer: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the 发文机关署名 and the 成文日期 (GB/T 9704-2012, 7.3.5.1): the
    date 右空四字, the signer centred over it. A signer longer than the date by more than four
    characters would pass the right edge of the date's line by over two: then the signer 右空二字 and
    the date is centred under it."""
    s, d = width(signer), width(date)
    if not signer:
        return 0.0, 4.0
    if not date:
        return 2.0, 0.0
    signer_indent = 4 + (d - s) / 2
    if signer_indent >= 2:
        return signer_indent, 4.0
    return 2.0, 2 + (s - d) / 2


_ATTACHMENT = "附件"
_COPY_TO = "抄送："
_PRINTED = "印发"


# -- Word ---------------------------------------------------------------------------------------------
def add_run(paragraph: Any, text: str = "") -> Any:
    """A run of ``text`` in ``paragraph``, through the one sanitiser (control characters stripped:
    Word's XML cannot hold them). Every run of every official document is added here."""
    return paragraph.add_run(safe_text(text))


def font(run: Any, name: str, size: float, *, bold: bool = False, color: str | None = None) -> None:
    """Set a run's font by name for every script (``w:eastAsia`` too), its size, weight and colour."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), name)


class OfficialDocument:
    """A .docx being written in GB/T 9704 layout: page, fonts and the pieces of a 公文, in order."""

    def __init__(self) -> None:
        from docx import Document
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        normal = self.doc.styles["Normal"]
        normal.font.name = FANGSONG
        normal.font.size = Pt(SAN_HAO)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
        _document_defaults(self.doc)
        # the document grid: 22 lines to the page (Word's "specify line grid only"); 28 characters to
        # the line come from the characters' spacing (CONDENSE), set on the Normal style
        sect_pr = section._sectPr
        grid = sect_pr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sect_pr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE * 20)))
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(round(-CONDENSE * 20)))
        normal.element.get_or_add_rPr().append(spacing)
        # no extra space between Chinese and Arabic digits or Latin letters (Word's and LibreOffice's
        # default adds a quarter of a character): a date is as wide as its characters
        ppr = normal.element.get_or_add_pPr()
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "0")
            ppr.append(el)
        self.title_text = ""
        self.author = ""

    # -- paragraphs ------------------------------------------------------------------------------
    def paragraph(
        self,
        text: str = "",
        face: str = FANGSONG,
        size: float = SAN_HAO,
        *,
        bold: bool = False,
        color: str | None = None,
        align: Any = None,
        indent: bool = False,
        line: float = LINE,
        right_indent: float = 0,
        container: Any = None,
        keep: bool = False,
    ) -> Any:
        """A paragraph on the fixed line, optionally indented two characters (``indent``) or right-indented
        by a number of characters (``right_indent``), kept on the page of the next one (``keep``)."""
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt

        p = (container or self.doc).add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
        fmt.space_before = fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(CHAR_PITCH * 2)
        if right_indent:
            fmt.right_indent = Pt(CHAR_PITCH * right_indent)
        if keep:
            fmt.keep_with_next = True
        fmt.widow_control = True
        no_autospace(p)
        if align is not None:
            p.alignment = align
        if text:
            font(add_run(p, text), face, size, bold=bold, color=color)
        return p

    def blank(self) -> Any:
        return self.paragraph()

    def head(self, mark: str, number: str, color: str) -> None:
        """The 版头 (7.2): the issuer's mark in ``color``, its top 35 mm under the top of the type area;
        the number two lines under it; a rule of the same colour 4 mm under the number, as wide as
        the type area; then two blank lines before the title."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        centre = WD_ALIGN_PARAGRAPH.CENTER
        p = self.paragraph(mark, XIAOBIAOSONG, MARK_SIZE, align=centre, color=color, line=MARK_SIZE)
        # a line of exactly the mark's size: the characters rise above it by about a fifteenth of
        # their size (a CJK face's ascent over its em), which the space before makes up for
        p.paragraph_format.space_before = Mm(HEAD_GAP_MM) + Pt(MARK_SIZE * MARK_RISE)
        no_grid(p)
        self.blank()
        self.blank()
        # the rule 4 mm under the number's characters: the border sits under the line, whose lower
        # part (28.95 pt less 16 pt, about half of it) is already below the characters
        rule_under(self.paragraph(number, align=centre), color, Pt(RULE_GAP_MM * MM - (LINE - SAN_HAO) * 0.6))
        self.blank()
        self.blank()

    def title(self, text: str) -> Any:
        """方正小标宋简体 二号, centred; a long title in lines of even length (排列对称)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        self.title_text = self.title_text or text
        lines = title_lines(text)
        p = self.paragraph(
            lines[0], XIAOBIAOSONG, ER_HAO, align=WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE, keep=True
        )
        no_grid(p)  # 二号 on the grid's line: a face taller than the line would take two
        for line in lines[1:]:
            run = add_run(p)
            run.add_break()
            run.add_text(safe_text(line))
            font(run, XIAOBIAOSONG, ER_HAO)
        return p

    def addressee(self, text: str) -> Any:
        """主送机关: flush left, under the title after a blank line, ending with a full-width colon."""
        text = text.strip()
        if text and not text.endswith(("：", ":")):
            text += "："
        return self.paragraph(text)

    def blocks(self, blocks: list[Block]) -> None:
        for block, prefix in numbered(blocks):
            if block.rows:
                self.table(block.rows)
                continue
            if block.level:
                face, bold = HEADING_FONTS[block.level]
                p = self.paragraph(
                    prefix + block.text, face, SAN_HAO, indent=True, bold=bold, keep=not block.body
                )
                if block.body:
                    font(add_run(p, block.body), FANGSONG, SAN_HAO)
            else:
                self.paragraph(block.text, indent=True)

    def table(self, rows: list[list[str]]) -> Any:
        """A grid table as wide as the type area, in 四号 on a fixed line: the header row in 黑体 and
        centred, the rest in 仿宋; columns share the width by their longest text."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = column_widths(rows, TYPE_WIDTH_MM)
        for c, w in enumerate(widths):
            table.columns[c].width = Mm(w)
        for r, row in enumerate(rows):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            if r == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))  # repeated on every page the table runs to
            tr_pr.append(OxmlElement("w:cantSplit"))
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.width = Mm(widths[c])
                p = cell.paragraphs[0]
                fmt = p.paragraph_format
                fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY  # off the page's line grid
                fmt.line_spacing = Pt(TABLE_LINE)
                fmt.space_before = fmt.space_after = Pt(2)
                snap = OxmlElement("w:snapToGrid")
                snap.set(qn("w:val"), "0")
                p._element.get_or_add_pPr().append(snap)
                if r == 0:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    fmt.keep_with_next = True
                font(add_run(p, value), HEITI if r == 0 else FANGSONG, SI_HAO)
        return table

    def signature(self, signer: str, date: str) -> None:
        """发文机关署名 and 成文日期, one blank line under the body."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        right = WD_ALIGN_PARAGRAPH.RIGHT
        signer_indent, date_indent = signature_indents(signer, date)
        self.author = self.author or signer
        self.paragraph(keep=True)
        if signer:
            self.paragraph(signer, align=right, right_indent=signer_indent, keep=bool(date))
        if date:
            self.paragraph(date, align=right, right_indent=date_indent)

    def attachment(self, title: str) -> None:
        """An attachment (附件) on a new page: 附件 in 黑体 flush left, its title centred under it."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

        add_run(self.paragraph()).add_break(WD_BREAK.PAGE)
        self.paragraph(_ATTACHMENT, HEITI, keep=True)
        self.blank()
        self.paragraph(
            title, XIAOBIAOSONG, ER_HAO, align=WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE, keep=True
        )
        self.blank()

    def imprint(self, copy_to: str, printer: str, printed: str) -> list[Any]:
        """The 版记 (7.4) at the foot of the last page: 抄送 (when there is one) and 印发机关 with the
        印发日期, in 四号 仿宋 one character in from each side, between rules as wide as the type area —
        the first and last 0.35 mm, the one between them 0.25 mm. Its paragraphs sit in a frame placed
        on the page so that the last rule is the type area's last line whatever the body's length
        (Word's and LibreOffice's frames both honour it; the body flows around it)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        rows = ([("copy", f"{_COPY_TO}{copy_to.rstrip('。')}。")] if copy_to else []) + [("print", printer)]
        lines = [imprint_lines(text) for _kind, text in rows]
        top = (PAGE_MM[1] - MARGINS_MM["bottom"]) * MM - LINE * sum(lines)  # pt, from the top of the page
        out = []
        frames = []  # (row, top, height in lines, borders)
        y = top
        for n, (kind, text) in enumerate(rows):
            first, last = n == 0, n == len(rows) - 1
            borders = [("top", RULE_THICK if first else RULE_THIN)] + (
                [("bottom", RULE_THICK)] if last else []
            )
            frames.append(((kind, text), y, lines[n], borders))
            y += LINE * lines[n]
        # One frame per row, each one paragraph with its own borders (the first rule and the one
        # between rows are top borders, the last rule the last row's bottom border): LibreOffice
        # drops the borders of a frame whose paragraphs differ in them.
        for i, (row, frame_top, height, borders) in enumerate(frames):
            if i:
                # an empty paragraph of the body between two frames: LibreOffice takes framed
                # paragraphs in a row for one frame, and lays it in line when their borders differ
                self.paragraph(line=1)
            p = self.doc.add_paragraph()
            fmt = p.paragraph_format
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(LINE)
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.left_indent = fmt.right_indent = Pt(SI_HAO)
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            no_grid(p)
            ppr = p._element.get_or_add_pPr()
            frame = OxmlElement("w:framePr")
            for k, v in {
                "w:w": str(round(TYPE_WIDTH_MM * MM * 20)),
                "w:h": str(round(LINE * height * 20)),
                "w:hRule": "exact",
                "w:wrap": "notBeside",
                "w:vAnchor": "page",
                "w:hAnchor": "margin",
                "w:xAlign": "center",
                "w:y": str(round(frame_top * 20)),
            }.items():
                frame.set(qn(k), v)
            ppr.insert(0, frame)
            border = OxmlElement("w:pBdr")
            for side, size in borders:
                b = OxmlElement(f"w:{side}")
                for k, v in {
                    "w:val": "single",
                    "w:sz": str(size),
                    "w:space": "0",
                    "w:color": "000000",
                }.items():
                    b.set(qn(k), v)
                border.append(b)
            ppr.insert(1, border)
            kind, text = row
            if kind == "copy":
                # a second line of 抄送 starts under the first unit, not under 抄送
                fmt.left_indent = Pt(SI_HAO * (1 + width(_COPY_TO)))
                fmt.first_line_indent = Pt(-SI_HAO * width(_COPY_TO))
                font(add_run(p, text), FANGSONG, SI_HAO)
            else:
                # 右空一字: tab stops count from the margin, not from the indent
                fmt.tab_stops.add_tab_stop(Pt(TYPE_WIDTH_MM * MM - SI_HAO), WD_TAB_ALIGNMENT.RIGHT)
                font(add_run(p, text), FANGSONG, SI_HAO)
                if printed:
                    font(add_run(p, "\t" + printed + _PRINTED), FANGSONG, SI_HAO)
            out.append(p)
        return out

    # -- the whole -------------------------------------------------------------------------------
    def page_numbers(self) -> None:
        """ "— N —" in 宋体 四号: odd pages on the right, even pages on the left, one character in; the
        line's top 7 mm under the type area."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Mm, Pt

        section = self.doc.sections[0]
        # the footer's bottom edge: a line of exactly 四号 whose top is 7 mm under the type area
        section.footer_distance = Mm(MARGINS_MM["bottom"] - NUMBER_GAP_MM) - Pt(SI_HAO * (1 + NUMBER_RISE))
        self.doc.settings.odd_and_even_pages_header_footer = True
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.alignment = align
            fmt = p.paragraph_format
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(SI_HAO)
            fmt.space_before = fmt.space_after = Pt(0)
            no_grid(p)
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                fmt.right_indent = Pt(SI_HAO)
            else:
                fmt.left_indent = Pt(SI_HAO)
            _page_field(p)

    def properties(self) -> None:
        """Word's document properties: the title, the issuer, made now (python-docx's template says
        python-docx, 2013-12-23)."""
        import datetime as dt

        props = self.doc.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)  # stored as UTC (W3CDTF)
        props.title = self.title_text
        props.author = props.last_modified_by = self.author or "luoshi"
        props.created = props.modified = now
        props.comments = props.keywords = props.subject = props.category = ""
        props.revision = 1
        props.language = "zh-CN"

    def to_bytes(self) -> bytes:
        self.page_numbers()
        self.properties()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _document_defaults(doc: Any) -> None:
    """The defaults under every style: 仿宋 三号 in Chinese (the size the character grid is counted
    from; python-docx's template says 11 pt, English), no space after paragraphs."""
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FANGSONG)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(SAN_HAO * 2))
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")  # Latin text stays en-US: a number is never broken
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")


def rule_under(paragraph: Any, color: str, space: Any = None) -> None:
    """A rule under the paragraph (版头的分隔线), in ``color``, as wide as the type area, ``space``
    (a length) under the text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    gap = str(min(31, round(space.pt))) if space is not None else "4"
    for k, v in {"w:val": "single", "w:sz": "12", "w:space": gap, "w:color": color}.items():
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def imprint_lines(text: str) -> int:
    """Lines a 版记 row takes: 四号 characters between one-character margins of the type area."""
    per_line = TYPE_WIDTH_MM * MM / SI_HAO - 2
    return max(1, -(-int(width(text) + 0.99) // int(per_line)))


def no_autospace(paragraph: Any) -> None:
    """No extra space between Chinese and Arabic digits or Latin letters (Word and LibreOffice add a
    quarter of a character by default): a date is as wide as its characters, as the signature's
    indents count it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        ppr.append(el)


def no_grid(paragraph: Any) -> None:
    """Take a paragraph off the document grid, so that its own line spacing holds."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    paragraph._element.get_or_add_pPr().append(snap)


def _page_field(p: Any) -> None:
    """ "— PAGE —": dashes around Word's PAGE field, each piece of the field its own run in 宋体 四号, so
    that the number Word or LibreOffice puts in has the dashes' size."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    font(add_run(p, "— "), SONGTI, SI_HAO)
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = add_run(p)
        font(run, SONGTI, SI_HAO)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._element.append(el)
    font(add_run(p, " —"), SONGTI, SI_HAO)


def to_docx(text: OfficialText) -> bytes:
    """A document without a 版头 (a report, a 材料): title, 主送机关, body, 署名 and 成文日期, 版记."""
    doc = OfficialDocument()
    doc.title(text.title)
    doc.blank()
    if text.addressee:
        doc.addressee(text.addressee)
    doc.blocks(text.blocks)
    if text.signer or text.date:
        doc.signature(text.signer, text.date)
    if text.printer:
        doc.imprint(text.copy_to, text.printer, text.printed)
    return doc.to_bytes()
