"""督办单 and 通报 as documents: one content model (``Paper``), rendered as a web page (template
``supervision/paper.html``) and as Word in the official layout of GB/T 9704-2012:

- A4 (210 × 297 mm); margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right;
- body 仿宋_GB2312 三号 (16 pt), 22 lines of 28 characters (fixed line spacing 28.95 pt);
- title 方正小标宋简体 二号 (22 pt), centred; the issuer's mark in red (for a 督办单, in the colour
  of its level) above a rule of the same colour;
- headings 一、 in 黑体, （一） in 楷体_GB2312, 1. in bold 仿宋, （1） in 仿宋;
- page numbers "— 1 —" in 宋体 四号.

Fonts are named (with the east-Asian font set through ``w:eastAsia``), as government machines have
them; Word substitutes a similar face where one is missing.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from . import reasons
from .models import Level, Notice, NoticeKind, Rules

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
SAN_HAO = 16  # pt
ER_HAO = 22
SI_HAO = 14
LINE = 28.95  # pt: 22 lines in the 225 mm type area

COLORS = {Level.BLUE: "0070C0", Level.YELLOW: "C09000", Level.RED: "E00000", "": "E00000"}
LEVEL_WORDS = {Level.BLUE: "蓝色督办", Level.YELLOW: "黄色督办", Level.RED: "红色督办"}


@dataclass
class Block:
    """A heading (level 1–4, numbered 一、（一）1.（1）) or a paragraph (level 0), or a table."""

    text: str
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Paper:
    mark: str  # the issuer's mark at the head (版头)
    color: str  # hex, without '#'
    number: str
    title: str
    addressee: str
    blocks: list[Block]
    signer: str
    date: str
    receipt: list[tuple[str, str]] = field(default_factory=list)

    @property
    def css_color(self) -> str:
        return f"#{self.color}"


def _cn_date(day: dt.date) -> str:
    return reasons.day(day)


def paper(notice: Notice, rules: Rules | None = None) -> Paper:
    """The content of a 督办单 or 通报, whatever it is rendered as."""
    rules = rules or Rules.get()
    if notice.kind == NoticeKind.CIRCULAR:
        return _circular(notice, rules)
    return _order(notice, rules)


def _receipt(notice: Notice) -> list[tuple[str, str]]:
    rows = []
    for r in notice.receipts.select_related("unit").order_by("unit__order", "unit_id"):
        signed = f"{r.signer_name}　{r.signed_at:%Y-%m-%d %H:%M}" if r.signed_at else _("未签收")
        rows.append((r.unit.name, signed))
    return rows


def _order(notice: Notice, rules: Rules) -> Paper:
    task = notice.task
    level = LEVEL_WORDS.get(notice.level, "")
    blocks = []
    if task is not None:
        blocks.append(
            Block(
                _(
                    "根据《%(decision)s》任务分工，你单位牵头负责的下列事项未按要求推进。现予%(level)s，请高度重视，抓紧办理。"
                )
                % {"decision": task.decision.title, "level": level or _("督办")}
            )
        )
        blocks.append(Block(_("督办事项"), 1))
        blocks.append(Block(f"{task.key}　{task.text}"))
    blocks.append(Block(_("督办原因"), 1))
    blocks.append(Block(notice.reason or notice.title))
    blocks.append(Block(_("办结时限"), 1))
    if notice.due:
        blocks.append(Block(_("请于%(due)s前办结。") % {"due": _cn_date(notice.due)}))
    blocks.append(Block(_("反馈要求"), 1))
    blocks.append(Block(notice.feedback or rules.feedback))
    return Paper(
        mark=_("督 办 单"),
        color=COLORS.get(notice.level, COLORS[""]),
        number=notice.number + (f"（{level}）" if level else ""),
        title=notice.title,
        addressee=f"{notice.unit.name}：" if notice.unit_id else "",
        blocks=blocks,
        signer=rules.office_name,
        date=_cn_date(notice.issued_on),
        receipt=_receipt(notice),
    )


def _circular(notice: Notice, rules: Rules) -> Paper:
    rows = notice.rows()
    period = reasons.period_label(notice.period)
    missed = sum(r["missed"] for r in rows)
    table = [[_("序号"), _("单位"), _("未按期报送（份）"), _("逾期未办结任务（项）")]]
    table += [
        [str(n), r["name"], str(r["missed"]), str(r.get("overdue", 0))] for n, r in enumerate(rows, start=1)
    ]
    blocks = [
        Block(_("按照督查工作安排，现将%(period)s重点任务进展报告报送情况通报如下。") % {"period": period}),
        Block(_("基本情况"), 1),
        Block(
            _("截至%(date)s，共有%(units)s个单位未按期报送%(period)s进展报告，合计%(missed)s份。")
            % {"date": _cn_date(notice.issued_on), "units": len(rows), "period": period, "missed": missed}
        ),
        Block(_("未按期报送的单位"), 1),
        Block("", rows=table),
        Block(_("有关要求"), 1),
        Block(_("限期补报"), 2),
        Block(
            _("请上述单位于%(due)s前补报，并书面说明未按期报送的原因。")
            % {"due": _cn_date(notice.due) if notice.due else ""}
        ),
        Block(_("压实责任"), 2),
        Block(rules.feedback),
    ]
    return Paper(
        mark=_("督 查 通 报"),
        color=COLORS[""],
        number=notice.number,
        title=notice.title,
        addressee=_("各有关单位："),
        blocks=blocks,
        signer=rules.office_name,
        date=_cn_date(notice.issued_on),
        receipt=_receipt(notice),
    )


# -- numbering of headings (一、（一）1.（1）) --------------------------------------------------------------
_CN = "零一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + _CN[n - 10]
    tens, ones = divmod(n, 10)
    return _CN[tens] + "十" + (_CN[ones] if ones else "")


def numbered(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Each block with its number prefix: 一、 （一） 1. （1）, counted per level."""
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


# -- Word -----------------------------------------------------------------------------------------------
def _font(run: Any, name: str, size: float, *, bold: bool = False, color: str | None = None) -> None:
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


def _paragraph(doc: Any, text: str, font: str, size: float, **kw: Any) -> Any:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(kw.pop("line", LINE))
    fmt.space_before = fmt.space_after = Pt(0)
    if kw.pop("indent", False):
        fmt.first_line_indent = Pt(SAN_HAO * 2)
    align = kw.pop("align", None)
    if align is not None:
        p.alignment = align
    if text:
        _font(p.add_run(text), font, size, **kw)
    return p


def _rule(paragraph: Any, color: str) -> None:
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


def _page_number(section: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run("— "), SONGTI, SI_HAO)
    field_run = p.add_run()
    _font(field_run, SONGTI, SI_HAO)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        field_run._element.append(el)
    _font(p.add_run(" —"), SONGTI, SI_HAO)


def to_docx(page: Paper) -> bytes:
    """The paper as a .docx in GB/T 9704 layout."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28 - 7)
    normal = doc.styles["Normal"]
    normal.font.name = FANGSONG
    normal.font.size = Pt(SAN_HAO)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
    centre, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT

    # 版头: the issuer's mark, the number, a rule
    _paragraph(doc, page.mark, XIAOBIAOSONG, 36, align=centre, color=page.color, line=48)
    number = _paragraph(doc, page.number, FANGSONG, SAN_HAO, align=centre)
    _rule(number, page.color)
    _paragraph(doc, "", FANGSONG, SAN_HAO)
    # 标题 and 主送
    _paragraph(doc, page.title, XIAOBIAOSONG, ER_HAO, align=centre, line=36)
    _paragraph(doc, "", FANGSONG, SAN_HAO)
    if page.addressee:
        _paragraph(doc, page.addressee, FANGSONG, SAN_HAO)
    heading_font = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True), 4: (FANGSONG, False)}
    for block, prefix in numbered(page.blocks):
        if block.rows:
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = ""
                    _font(cell.paragraphs[0].add_run(value), HEITI if r == 0 else FANGSONG, SI_HAO)
            continue
        if block.level:
            font, bold = heading_font[block.level]
            _paragraph(doc, prefix + block.text, font, SAN_HAO, indent=True, bold=bold)
        else:
            _paragraph(doc, block.text, FANGSONG, SAN_HAO, indent=True)
    _paragraph(doc, "", FANGSONG, SAN_HAO)
    _paragraph(doc, page.signer + "　　　　", FANGSONG, SAN_HAO, align=right)
    _paragraph(doc, page.date + "　　　　", FANGSONG, SAN_HAO, align=right)
    if page.receipt:
        _paragraph(doc, "", FANGSONG, SAN_HAO)
        _paragraph(doc, _("——————————　签收回执　——————————"), FANGSONG, SAN_HAO, align=centre)
        rows = [[_("签收单位"), _("签收人及时间")], *[list(r) for r in page.receipt]]
        table = doc.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.text = ""
                _font(cell.paragraphs[0].add_run(value), HEITI if r == 0 else FANGSONG, SI_HAO)
    _page_number(section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def filename(notice: Notice) -> str:
    base = notice.number or notice.get_kind_display()
    return f"{base}.docx".replace("/", "-")
