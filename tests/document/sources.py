"""Build the files the reader tests read: .docx with real Word numbering, PDFs with a CJK text layer.

Every text here is written by the luoshi team in the style of a policy decision; none is copied.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

DECISION_LINES = [
    "一、总体要求",
    "坚持稳中求进工作总基调，推动经济社会高质量发展。",
    "二、重点任务",
    "（一）加快建设现代化产业体系。到2030年，全区规上工业增加值年均增长8%左右。",
    "（二）筑牢生态安全屏障。到2035年森林覆盖率达到25%，草原植被盖度稳定在46%以上。",
    "（三）建设现代能源基地。到2025年新能源装机规模超过火电装机规模。",
]
DECISION_TEXT = "\n".join(DECISION_LINES) + "\n"


# .docx ---------------------------------------------------------------------------------------------


class Docx:
    """A python-docx document with helpers for numbering definitions written as Word writes them."""

    def __init__(self) -> None:
        import docx

        self.doc: Any = docx.Document()
        self.numbering = self.doc.part.numbering_part.element
        self._next_id = 100

    def abstract(self, levels: Sequence[tuple[str, str] | tuple[str, str, int]], **lvl_xml: str) -> str:
        """Add a w:abstractNum; each level is (numFmt, lvlText[, start]). Returns its id."""
        from docx.oxml import parse_xml

        aid = str(self._next_id)
        self._next_id += 1
        body = []
        for i, level in enumerate(levels):
            fmt, text = level[0], level[1]
            start = level[2] if len(level) > 2 else 1  # type: ignore[misc]
            extra = lvl_xml.get(f"lvl{i}", "")
            body.append(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            )
        xml = (
            f'<w:abstractNum {W_NS} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>'
            + "".join(body)
            + "</w:abstractNum>"
        )
        first_num = self.numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
        element = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.numbering.append(element)
        return aid

    def num(self, abstract_id: str, *, start_overrides: dict[int, int] | None = None) -> str:
        """Add a w:num pointing at ``abstract_id``, restarting levels with w:startOverride."""
        from docx.oxml import parse_xml

        nid = str(self._next_id)
        self._next_id += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for ilvl, start in (start_overrides or {}).items()
        )
        self.numbering.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{nid}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
            )
        )
        return nid

    def para(
        self, text: str, *, num: str | None = None, ilvl: int | None = 0, style: str | None = None
    ) -> Any:
        from docx.oxml import parse_xml

        p = self.doc.add_paragraph(text, style=style)
        if num is not None:
            level = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {W_NS}>{level}<w:numId w:val="{num}"/></w:numPr>')
            )
        return p

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


# PDF -----------------------------------------------------------------------------------------------


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    running_head: str | None = None,
    page_numbers: bool = False,
    user_password: str | None = None,
) -> bytes:
    """A PDF with a CJK text layer (reportlab's built-in STSong-Light CID font), one line per string."""
    from reportlab.lib import pdfencrypt
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    encrypt = None
    if user_password is not None:
        encrypt = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner-secret", strength=128)
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt, invariant=True)
    if title:
        c.setTitle(title)
    for number, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 12)
        if running_head:
            c.drawString(72, 800, running_head)
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        if page_numbers:
            c.drawString(290, 40, f"— {number} —")
        c.showPage()
    c.save()
    return out.getvalue()


def make_spaced_pdf(line: str) -> bytes:
    """A PDF whose glyphs are placed one by one, which pypdf reads back with spaces between them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    text = c.beginText()
    text.setFont("STSong-Light", 12)
    x = 40.0
    for ch in line:
        text.setTextOrigin(x, 700)
        text.textOut(ch)
        x += 18
    c.drawText(text)
    c.showPage()
    c.save()
    return out.getvalue()


def make_scanned_pdf(pages: int = 2, *, stamp: str | None = None) -> bytes:
    """A PDF of image-only pages, as a scanner makes it (optionally with a small text stamp)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=True)
    for n in range(pages):
        image = Image.new("L", (420, 594), 255)
        draw = ImageDraw.Draw(image)
        for row in range(40, 560, 24):  # lines of "text" as a scan shows them: dark bars
            draw.rectangle((40, row, 380 - (row * 7 + n) % 90, row + 10), fill=30)
        c.drawImage(ImageReader(image), 0, 0, *A4)
        if stamp:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont

            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            c.setFont("STSong-Light", 9)
            c.drawString(280, 20, stamp)
        c.showPage()
    c.save()
    return out.getvalue()
