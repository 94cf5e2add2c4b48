"""Official documents as PDF, two ways:

1. **Headless LibreOffice**, when ``soffice`` (or ``libreoffice``) is on the PATH: the .docx that
   ``officialdoc`` wrote is converted as it is, so the PDF is the Word file as an office suite lays it
   out. It runs with a time limit, in a temporary directory with its own throwaway profile (so it works
   beside a LibreOffice the user has open, and leaves nothing behind); a failure falls back to 2.
2. **reportlab**, otherwise: the same ``OfficialText`` drawn in the same GB/T 9704 layout (A4, margins,
   三号 body on a 28.95 pt line, 二号 title, heading levels, signature, "— N —" page numbers), with a CJK
   TrueType font found on this machine and embedded (a subset). reportlab cannot embed OpenType/CFF
   fonts such as Debian's Noto CJK, so the search looks for TrueType faces: the Windows faces
   government machines have (仿宋 simfang.ttf, 黑体 simhei.ttf, 楷体 simkai.ttf, 方正小标宋 …), then
   AR PL UMing/UKai (``fonts-arphic-uming``/``-ukai``) and WenQuanYi Zen Hei (``fonts-wqy-zenhei``).
   Without any, it uses reportlab's built-in ``STSong-Light`` (a CID font the PDF reader supplies, not
   embedded) and says so in ``Pdf.warnings``. It never fails for want of a font.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from .officialdoc import (
    ER_HAO,
    LINE,
    MARGINS_MM,
    NUMBER_GAP_MM,
    SAN_HAO,
    SI_HAO,
    TITLE_LINE,
    OfficialText,
    column_widths,
    numbered,
    signature_indents,
    title_lines,
    to_docx,
)

__all__ = ["ConversionError", "Pdf", "convert_with_libreoffice", "find_fonts", "render", "soffice", "to_pdf"]

TIMEOUT = 120  # seconds LibreOffice may take for one document
FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
# File names (lower case) for each role, best first. Every file found is tried until one loads as a
# TrueType font with Chinese glyphs.
_FANGSONG = [
    "simfang.ttf",
    "fangsong_gb2312.ttf",
    "仿宋_gb2312.ttf",
    "fzfsk.ttf",
    "stfangso.ttf",
    "fangsong.ttf",
]
_SONG = ["simsun.ttc", "simsun.ttf", "stsong.ttf", "uming.ttc"]
_HEI = [
    "simhei.ttf",
    "fzhtk.ttf",
    "stheiti.ttf",
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "droidsansfallbackfull.ttf",
]
_KAI = ["simkai.ttf", "kaiti_gb2312.ttf", "楷体_gb2312.ttf", "stkaiti.ttf", "ukai.ttc"]
_XIAOBIAOSONG = ["fzxbsjw.ttf", "fzxbsk.ttf", "方正小标宋简体.ttf", "方正小标宋_gbk.ttf"]
CANDIDATES = {
    "body": _FANGSONG + _SONG + _KAI + _HEI,
    "title": _XIAOBIAOSONG + _SONG + _HEI,
    "hei": _HEI,
    "kai": _KAI,
}
CID_FALLBACK = "STSong-Light"


class ConversionError(Exception):
    """LibreOffice did not produce a PDF (missing, crashed, timed out, wrote nothing)."""


@dataclass
class Pdf:
    data: bytes
    engine: str  # "libreoffice" or "reportlab"
    font: str = ""  # the font reportlab embedded (its file), or the CID font it fell back to
    warnings: list[str] = field(default_factory=list)


def soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(text: OfficialText, *, docx: bytes | None = None, timeout: float = TIMEOUT) -> Pdf:
    """The document as PDF: LibreOffice converts the .docx when it is installed, else reportlab draws it."""
    warnings = []
    exe = soffice()
    if exe:
        try:
            data = convert_with_libreoffice(docx if docx is not None else to_docx(text), exe, timeout=timeout)
        except ConversionError as e:
            warnings.append(_("LibreOffice 转换失败（%(error)s），改用 reportlab 生成 PDF。") % {"error": e})
        else:
            return Pdf(data, "libreoffice", "", warnings)
    data, font, more = render(text)
    return Pdf(data, "reportlab", font, warnings + more)


# -- LibreOffice ----------------------------------------------------------------------------------------
def convert_with_libreoffice(docx: bytes, exe: str, *, timeout: float = TIMEOUT) -> bytes:
    """Convert a .docx with ``exe --headless --convert-to pdf``, in a temporary directory with a fresh
    profile; the whole process group is killed after ``timeout`` seconds."""
    with tempfile.TemporaryDirectory(prefix="luoshi-pdf-") as tmp:
        work = Path(tmp)
        src = work / "document.docx"
        src.write_bytes(docx)
        profile = work / "profile"
        cmd = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(src),
        ]
        env = {**os.environ, "HOME": str(work)}
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                cwd=work,
                env=env,
                start_new_session=True,
            )
        except OSError as e:
            raise ConversionError(str(e)) from None
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise ConversionError(_("超过 %(n)s 秒未完成") % {"n": timeout}) from None
        pdf = work / "document.pdf"
        if proc.returncode != 0 or not pdf.is_file():
            detail = (err or out or b"").decode("utf-8", "replace").strip()[-300:]
            raise ConversionError(detail or _("退出状态 %(n)s") % {"n": proc.returncode})
        data = pdf.read_bytes()
        if not data.startswith(b"%PDF"):
            raise ConversionError(_("输出不是 PDF 文件"))
        return data


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except ProcessLookupError:
        pass
    proc.communicate()


# -- fonts ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Fonts:
    """reportlab font names per role, the files behind them, and any warning."""

    body: str
    title: str
    hei: str
    kai: str
    files: tuple[str, ...]
    warning: str = ""

    @property
    def label(self) -> str:
        return "、".join(self.files) if self.files else CID_FALLBACK


def _font_files(dirs: tuple[str, ...]) -> dict[str, Path]:
    """Font files under ``dirs`` by lower-case file name (the first found wins)."""
    found: dict[str, Path] = {}
    for d in dirs:
        root = Path(d).expanduser()
        if not root.is_dir():
            continue
        for path, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(path) / name)
    return found


def _load(name: str, path: Path) -> bool:
    """Register ``path`` as ``name`` if it is a TrueType font reportlab can embed, with Chinese glyphs."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except Exception:  # CFF outlines, a damaged file, a collection it cannot read: try the next
        return False
    if ord("中") not in font.face.charToGlyph:
        return False
    pdfmetrics.registerFont(font)
    return True


@functools.lru_cache(maxsize=4)
def find_fonts(dirs: tuple[str, ...] = FONT_DIRS) -> Fonts:
    """The fonts for the body, the title, 黑体 and 楷体 headings, registered with reportlab."""
    files = _font_files(dirs)
    chosen: dict[str, str] = {}
    used: dict[str, str] = {}  # file name → registered font name
    for role, names in CANDIDATES.items():
        for file_name in names:
            path = files.get(file_name)
            if path is None:
                continue
            if file_name in used:
                chosen[role] = used[file_name]
                break
            font_name = f"luoshi-{role}"
            if _load(font_name, path):
                chosen[role] = used[file_name] = font_name
                break
    if "body" not in chosen:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        return Fonts(
            CID_FALLBACK,
            CID_FALLBACK,
            CID_FALLBACK,
            CID_FALLBACK,
            (),
            _(
                "没有找到可嵌入 PDF 的中文 TrueType 字体（例如 fonts-wqy-zenhei 或仿宋 simfang.ttf），PDF 使用阅读器自带的宋体（STSong-Light，未嵌入）。"
            ),
        )
    body = chosen["body"]
    names = tuple(dict.fromkeys(files[f].name for f in used))
    return Fonts(body, chosen.get("title", body), chosen.get("hei", body), chosen.get("kai", body), names)


# -- drawing with reportlab -----------------------------------------------------------------------------
def render(text: OfficialText, fonts: Fonts | None = None) -> tuple[bytes, str, list[str]]:
    """The document drawn with reportlab: (the PDF, the fonts used, warnings)."""
    import io

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    fonts = fonts or find_fonts()
    page_w, page_h = A4
    left, right = MARGINS_MM["left"] * mm, MARGINS_MM["right"] * mm
    top, bottom = MARGINS_MM["top"] * mm, MARGINS_MM["bottom"] * mm
    type_w = page_w - left - right

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base = {
            "fontName": fonts.body,
            "fontSize": SAN_HAO,
            "leading": LINE,
            "wordWrap": "CJK",
            "alignment": TA_JUSTIFY,
        }
        return ParagraphStyle(name, **{**base, **kw})

    body = style("body", firstLineIndent=SAN_HAO * 2)
    flush = style("flush", alignment=TA_LEFT)
    title = style("title", fontName=fonts.title, fontSize=ER_HAO, leading=TITLE_LINE, alignment=TA_CENTER)
    cell = style("cell", fontSize=SI_HAO, leading=SI_HAO * 1.5, alignment=TA_LEFT)
    head_cell = style(
        "head-cell", fontName=fonts.hei, fontSize=SI_HAO, leading=SI_HAO * 1.5, alignment=TA_CENTER
    )
    heading_font = {1: fonts.hei, 2: fonts.kai, 3: fonts.body, 4: fonts.body}

    heading = "<br/>".join(escape(line) for line in title_lines(text.title))
    story: list[Any] = [Paragraph(heading, title), Spacer(1, LINE)]
    if text.addressee:
        addressee = text.addressee.strip()
        if not addressee.endswith(("：", ":")):
            addressee += "："
        story.append(Paragraph(escape(addressee), flush))
    for block, prefix in numbered(text.blocks):
        if block.rows:
            story += [_table(block.rows, type_w, cell, head_cell), Spacer(1, SAN_HAO / 2)]
            continue
        if block.level:
            markup = f'<font name="{heading_font[block.level]}">{escape(prefix + block.text)}</font>'
            story.append(Paragraph(markup + escape(block.body), body))
        else:
            story.append(Paragraph(escape(block.text), body))
    if text.signer or text.date:
        signer_indent, date_indent = signature_indents(text.signer, text.date)
        story.append(Spacer(1, LINE))
        if text.signer:
            story.append(
                Paragraph(
                    escape(text.signer),
                    style("signer", alignment=TA_RIGHT, rightIndent=SAN_HAO * signer_indent),
                )
            )
        if text.date:
            story.append(
                Paragraph(
                    escape(text.date), style("date", alignment=TA_RIGHT, rightIndent=SAN_HAO * date_indent)
                )
            )

    def page_number(canvas: Any, doc: Any) -> None:
        """— N —, 7 mm below the type area: odd pages on the right, even on the left, one character in."""
        n = canvas.getPageNumber()
        label = f"— {n} —"
        canvas.saveState()
        canvas.setFont(fonts.body, SI_HAO)
        y = bottom - NUMBER_GAP_MM * mm - SI_HAO * 0.88
        if n % 2:
            canvas.drawRightString(page_w - right - SI_HAO, y, label)
        else:
            canvas.drawString(left + SI_HAO, y, label)
        canvas.restoreState()

    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=text.title,
        author=text.signer,
        creator="luoshi",
        lang="zh-CN",
        initialFontName=fonts.body,
        initialFontSize=SAN_HAO,
    )
    frame = Frame(left, bottom, type_w, page_h - top - bottom, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=page_number)])
    doc.build(story)
    return out.getvalue(), fonts.label, [fonts.warning] if fonts.warning else []


def _table(rows: list[list[str]], total: float, cell: Any, head: Any) -> Any:
    """A grid table as wide as the type area, its columns as in the Word file."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(escape(v), head if r == 0 else cell) for v in row] for r, row in enumerate(rows)]
    table = Table(data, colWidths=column_widths(rows, total), repeatRows=1, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
