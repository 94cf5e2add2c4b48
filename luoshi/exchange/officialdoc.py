"""Official documents (公文) in the layout of GB/T 9704-2012, written with python-docx: the one writer
behind the 督办单 and 通报 of ``luoshi.supervision`` and the implementation report of
``luoshi.exchange.report``.

- A4 (210 × 297 mm); margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a type area of
  156 × 225 mm);
- body 仿宋_GB2312 三号 (16 pt) on a fixed line of 28.95 pt (22 lines to the page), paragraphs
  indented two characters;
- title 方正小标宋简体 二号 (22 pt), centred; 主送机关 flush left, ending in a full-width colon;
- headings 一、 in 黑体, （一） in 楷体_GB2312, 1． in bold 仿宋, （1） in 仿宋; a heading may run in
  with its paragraph (“（一）加强组织领导。各地区要……”);
- 发文机关署名 and 成文日期 at the end: the date 右空二字, its first character two characters right of
  the signer's first (the rule for a document without a seal);
- page numbers "— 1 —" in 宋体 四号 (14 pt), 7 mm below the type area: odd pages on the right and even
  pages on the left, each one character in from the edge of the type area.

Fonts are named, with the east-Asian font set through ``w:eastAsia``, as government machines have
them; Word substitutes a similar face where one is missing. This module knows nothing of Django: it
turns text into a .docx, and ``OfficialText`` is what the PDF writer (``luoshi.exchange.pdf``) reads too.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from typing import Any

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
    "signature_indents",
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
TITLE_LINE = 36  # pt: a title of two lines stays one block
TABLE_LINE = 20  # pt: 四号 in a table cell
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TYPE_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156
NUMBER_GAP_MM = 7  # from the bottom of the type area to the top of the page number
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


def column_widths(rows: list[list[str]], total: float) -> list[float]:
    """Widths of a table's columns adding up to ``total``: each column's share is its longest text (2
    to 14 characters), plus one and a half for the cell's padding."""
    cols = max(len(r) for r in rows)
    need = [
        min(14.0, max(2.0, max((width(r[c]) for r in rows if c < len(r)), default=0.0))) + 1.5
        for c in range(cols)
    ]
    return [total * n / sum(need) for n in need]


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
    of digits or Latin letters, before closing punctuation or after opening punctuation."""
    title = title.strip()
    total = width(title)
    if total <= per_line:
        return [title]
    n = -(-int(total) // per_line)
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
    """Right indents, in characters, of the 发文机关署名 and the 成文日期 (GB/T 9704-2012, 7.3.5.2): the
    signer 右空二字, the date's first character two characters right of the signer's first; when the
    date is the longer, the date 右空二字 and the signer moves accordingly."""
    s, d = width(signer), width(date)
    if not signer:
        return 0.0, 2.0
    date_indent = max(2.0, s - d)
    return date_indent + d + 2 - s, date_indent


# -- Word ---------------------------------------------------------------------------------------------
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
        # the page number's line (14 pt, about 5 mm) sits 7 mm below the type area
        section.footer_distance = Mm(MARGINS_MM["bottom"] - NUMBER_GAP_MM - 5)
        normal = self.doc.styles["Normal"]
        normal.font.name = FANGSONG
        normal.font.size = Pt(SAN_HAO)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
        # the document grid: 22 lines to the page (Word's "specify line grid only")
        sect_pr = section._sectPr
        grid = sect_pr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sect_pr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE * 20)))

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
    ) -> Any:
        """A paragraph on the fixed line, optionally indented two characters (``indent``) or right-indented
        by a number of characters (``right_indent``)."""
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Pt

        p = (container or self.doc).add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line)
        fmt.space_before = fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(SAN_HAO * 2)
        if right_indent:
            fmt.right_indent = Pt(SAN_HAO * right_indent)
        if align is not None:
            p.alignment = align
        if text:
            font(p.add_run(text), face, size, bold=bold, color=color)
        return p

    def blank(self) -> Any:
        return self.paragraph()

    def head(self, mark: str, number: str, color: str) -> None:
        """The 版头: the issuer's mark in ``color``, the document number, a rule of the same colour."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        centre = WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph(mark, XIAOBIAOSONG, 36, align=centre, color=color, line=48)
        rule_under(self.paragraph(number, align=centre), color)
        self.blank()

    def title(self, text: str) -> Any:
        """方正小标宋简体 二号, centred; a long title in lines of even length (排列对称)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        lines = title_lines(text)
        p = self.paragraph(lines[0], XIAOBIAOSONG, ER_HAO, align=WD_ALIGN_PARAGRAPH.CENTER, line=TITLE_LINE)
        for line in lines[1:]:
            run = p.add_run()
            run.add_break()
            run.add_text(line)
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
                p = self.paragraph(prefix + block.text, face, SAN_HAO, indent=True, bold=bold)
                if block.body:
                    font(p.add_run(block.body), FANGSONG, SAN_HAO)
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
                font(p.add_run(value), HEITI if r == 0 else FANGSONG, SI_HAO)
        return table

    def signature(self, signer: str, date: str) -> None:
        """发文机关署名 and 成文日期, one blank line under the body."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        right = WD_ALIGN_PARAGRAPH.RIGHT
        signer_indent, date_indent = signature_indents(signer, date)
        self.blank()
        if signer:
            self.paragraph(signer, align=right, right_indent=signer_indent)
        if date:
            self.paragraph(date, align=right, right_indent=date_indent)

    # -- the whole -------------------------------------------------------------------------------
    def page_numbers(self) -> None:
        """ "— N —" in 宋体 四号: odd pages on the right, even pages on the left, one character in."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        section = self.doc.sections[0]
        self.doc.settings.odd_and_even_pages_header_footer = True
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            p.alignment = align
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = Pt(SI_HAO)
            else:
                p.paragraph_format.left_indent = Pt(SI_HAO)
            _page_field(p)

    def to_bytes(self) -> bytes:
        self.page_numbers()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def rule_under(paragraph: Any, color: str) -> None:
    """A rule under the paragraph (版头的分隔线), in ``color``, as wide as the type area."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in {"w:val": "single", "w:sz": "12", "w:space": "4", "w:color": color}.items():
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _page_field(p: Any) -> None:
    """ "— PAGE —": dashes around Word's PAGE field."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    font(p.add_run("— "), SONGTI, SI_HAO)
    field_run = p.add_run()
    font(field_run, SONGTI, SI_HAO)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            field_run._element.append(el)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            field_run._element.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            field_run._element.append(el)
    font(p.add_run(" —"), SONGTI, SI_HAO)


def to_docx(text: OfficialText) -> bytes:
    """A document without a 版头 (a report, a 材料): title, 主送机关, body, 署名 and 成文日期."""
    doc = OfficialDocument()
    doc.title(text.title)
    doc.blank()
    if text.addressee:
        doc.addressee(text.addressee)
    doc.blocks(text.blocks)
    if text.signer or text.date:
        doc.signature(text.signer, text.date)
    return doc.to_bytes()
