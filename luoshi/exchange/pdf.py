"""Official documents as PDF, two ways:

1. **Headless LibreOffice**, when ``soffice`` (or ``libreoffice``) is on the PATH: the .docx that
   ``officialdoc`` wrote is converted, so the PDF is the Word file as an office suite lays it out. The
   fonts the .docx names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312, 宋体) are used when the machine
   has them; where it does not, the copy handed to LibreOffice names the closest free face installed
   (``faces()``: a 宋/明 serif for the body and the title — Noto Serif CJK SC, AR PL UMing —, a 黑 face
   for 一、, a 楷 face for （一）, a Latin serif with half-width digits), instead of letting fontconfig
   fall back to one sans face for everything. Which faces stood in is said in ``Pdf.faces``. It runs
   with a time limit, in a temporary directory with its own throwaway profile (so it works beside a
   LibreOffice the user has open, and leaves nothing behind); a failure falls back to 2.
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
from xml.sax.saxutils import escape as _xml_escape

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from luoshi.document import safe_text

from .officialdoc import (
    ER_HAO,
    FANGSONG,
    HEITI,
    KAITI,
    LINE,
    MARGINS_MM,
    NUMBER_GAP_MM,
    SAN_HAO,
    SI_HAO,
    SONGTI,
    TITLE_LINE,
    XIAOBIAOSONG,
    OfficialText,
    column_widths,
    numbered,
    signature_indents,
    title_lines,
    to_docx,
)

__all__ = [
    "ConversionError",
    "Faces",
    "Pdf",
    "convert_with_libreoffice",
    "faces",
    "faces_note",
    "find_fonts",
    "render",
    "retarget",
    "soffice",
    "to_pdf",
]

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
_SONG = ["simsun.ttc", "simsun.ttf", "stsong.ttf", "uming.ttc", "gbsn00lp.ttf"]
_HEI = [
    "simhei.ttf",
    "fzhtk.ttf",
    "stheiti.ttf",
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "droidsansfallbackfull.ttf",
]
_KAI = [
    "simkai.ttf",
    "kaiti_gb2312.ttf",
    "楷体_gb2312.ttf",
    "stkaiti.ttf",
    "ukai.ttc",
    "lxgwwenkai-regular.ttf",
    "gkai00mp.ttf",
]
_XIAOBIAOSONG = ["fzxbsjw.ttf", "fzxbsk.ttf", "方正小标宋简体.ttf", "方正小标宋_gbk.ttf"]
CANDIDATES = {  # a 宋/明 serif for the body and the title before any 黑 face
    "body": _FANGSONG + _SONG + _KAI + _HEI,
    "title": _XIAOBIAOSONG + _SONG + _HEI,
    "hei": _HEI + _SONG,
    "kai": _KAI + _SONG,
}
CID_FALLBACK = "STSong-Light"


def escape(text: str) -> str:
    return _xml_escape(safe_text(text))  # every paragraph's text: the one sanitiser, then XML-escaped


class ConversionError(Exception):
    """LibreOffice did not produce a PDF (missing, crashed, timed out, wrote nothing)."""


@dataclass
class Pdf:
    data: bytes
    engine: str  # "libreoffice" or "reportlab"
    font: str = ""  # the font reportlab embedded (its file), or the CID font it fell back to
    warnings: list[str] = field(default_factory=list)
    faces: str = ""  # which faces stood in for the official ones, in words


# -- the faces LibreOffice is given ------------------------------------------------------------------
# fontconfig family names per role, best first: the official face, the names it goes by, then the
# closest free faces Debian packages (fonts-noto-cjk, fonts-arphic-uming/ukai, fonts-wqy-zenhei).
ROLES = {FANGSONG: "body", XIAOBIAOSONG: "title", HEITI: "hei", KAITI: "kai", SONGTI: "song"}
FAMILIES = {
    "body": [
        "仿宋_GB2312",
        "仿宋",
        "FangSong_GB2312",
        "FangSong",
        "Noto Serif CJK SC",
        "AR PL UMing CN",
        "AR PL SungtiL GB",
        "Source Han Serif SC",
        "WenQuanYi Zen Hei",
    ],
    "title": [
        "方正小标宋简体",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05S",
        "Noto Serif CJK SC",
        "AR PL UMing CN",
        "AR PL SungtiL GB",
        "Source Han Serif SC",
        "WenQuanYi Zen Hei",
    ],
    "hei": [
        "黑体",
        "SimHei",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei",
    ],
    "kai": [
        "楷体_GB2312",
        "楷体",
        "KaiTi_GB2312",
        "KaiTi",
        "AR PL UKai CN",
        "LXGW WenKai",
        "AR PL KaitiM GB",
    ],
    "song": [
        "宋体",
        "SimSun",
        "Noto Serif CJK SC",
        "AR PL UMing CN",
        "AR PL SungtiL GB",
        "WenQuanYi Zen Hei",
    ],
}
# Latin text (the digits of dates, the page number) in a serif whose digits are half a character
# wide, as 仿宋_GB2312's are: the signature's indents count on it.
LATIN = ["Times New Roman", "Liberation Serif", "Nimbus Roman", "TeX Gyre Termes"]
ROLE_WORDS = {
    "body": gettext_lazy("正文"),
    "title": gettext_lazy("标题"),
    "hei": gettext_lazy("一级标题"),
    "kai": gettext_lazy("二级标题"),
    "song": gettext_lazy("页码"),
}


@dataclass(frozen=True)
class Faces:
    """What LibreOffice is given for each official face: (family, bold), and the Latin face."""

    families: dict[str, tuple[str, bool]]  # official name → (family on this machine, set bold)
    latin: str = ""

    @property
    def substituted(self) -> dict[str, tuple[str, bool]]:
        return {name: fb for name, fb in self.families.items() if fb[0] != name}

    def describe(self) -> str:
        """In words, for standard error and the page: which face stands in for which."""
        if not self.families:
            return _("未检测到字体配置（fc-list），PDF 字体由 LibreOffice 自行替代。")
        parts = []
        for name, (family, bold) in self.families.items():
            role = ROLE_WORDS[ROLES[name]]
            if family == name:
                parts.append(_("%(role)s %(name)s") % {"role": role, "name": name})
            else:
                shown = family + (_("（加粗）") if bold else "")
                parts.append(
                    _("%(role)s %(family)s（代替 %(name)s）") % {"role": role, "family": shown, "name": name}
                )
        text = _("PDF 字体：") + _("；").join(parts)
        if self.latin:
            text += _("；数字和西文 %(latin)s") % {"latin": self.latin}
        return text + _("。")


def installed_families() -> set[str]:
    """The font families fontconfig knows on this machine (every name each one goes by)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return set()
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in out.decode("utf-8", "replace").splitlines() for name in line.split(",")}


@functools.lru_cache(maxsize=1)
def faces() -> Faces:
    """The face LibreOffice is to use for each official one on this machine (checked once a process)."""
    have = installed_families()
    if not have:
        return Faces({})
    chosen: dict[str, tuple[str, bool]] = {}
    for name, role in ROLES.items():
        family = next((f for f in FAMILIES[role] if f in have), name)
        # 方正小标宋 is a heavy 宋: a serif standing in for it is set bold
        chosen[name] = (family, role == "title" and family != name and family not in FAMILIES[role][:3])
    latin = next((f for f in LATIN if f in have), "")
    return Faces(chosen, latin)


def retarget(docx: bytes, given: Faces) -> bytes:
    """The .docx with its fonts named as ``given`` says (the file the office downloads is unchanged)."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    subs = given.substituted
    if not subs and not given.latin:
        return docx
    src = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            part = item.filename
            if part.startswith("word/") and part.endswith(".xml") and b"rFonts" in data:
                root = etree.fromstring(data)
                for fonts in root.iter(f"{w}rFonts"):
                    official = fonts.get(f"{w}eastAsia") or fonts.get(f"{w}ascii")
                    family, bold = subs.get(official or "", (official, False))
                    for attr in ("eastAsia", "ascii", "hAnsi", "cs"):
                        if fonts.get(f"{w}{attr}") is None:
                            continue
                        latin = attr in ("ascii", "hAnsi") and given.latin
                        fonts.set(f"{w}{attr}", given.latin if latin else family)
                    rpr = fonts.getparent()
                    if bold and rpr is not None and rpr.tag == f"{w}rPr":
                        b = rpr.find(f"{w}b")
                        if b is None:
                            b = etree.Element(f"{w}b")
                            fonts.addnext(b)
                        b.set(f"{w}val", "1")
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(item, data)
    return out.getvalue()


def soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(text: OfficialText, *, docx: bytes | None = None, timeout: float = TIMEOUT) -> Pdf:
    """The document as PDF: LibreOffice converts the .docx when it is installed, else reportlab draws it."""
    warnings = []
    exe = soffice()
    if exe:
        given = faces()
        try:
            source = retarget(docx if docx is not None else to_docx(text), given)
            data = convert_with_libreoffice(source, exe, timeout=timeout)
        except ConversionError as e:
            warnings.append(_("LibreOffice 转换失败（%(error)s），改用 reportlab 生成 PDF。") % {"error": e})
        else:
            return Pdf(data, "libreoffice", "", warnings, given.describe())
    data, font, more = render(text)
    fonts = find_fonts()
    return Pdf(data, "reportlab", font, warnings + more, fonts.describe())


def faces_note() -> str:
    """Which faces a PDF made now would use, in words (the report's page says it beside the link)."""
    return faces().describe() if soffice() else find_fonts().describe()


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
    by_role: tuple[tuple[str, str], ...] = ()  # (role, file) for each role found

    @property
    def label(self) -> str:
        return "、".join(self.files) if self.files else CID_FALLBACK

    def describe(self) -> str:
        """In words: which file each part of the document is drawn with."""
        if not self.by_role:
            return _("PDF 字体：%(font)s（阅读器自带，未嵌入）。") % {"font": CID_FALLBACK}
        words = {
            "body": ROLE_WORDS["body"],
            "title": ROLE_WORDS["title"],
            "hei": ROLE_WORDS["hei"],
            "kai": ROLE_WORDS["kai"],
        }
        parts = [_("%(role)s %(name)s") % {"role": words[r], "name": f} for r, f in self.by_role]
        return _("PDF 字体：") + _("；").join(parts) + _("。")


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
    by_role: list[tuple[str, str]] = []
    for role, names in CANDIDATES.items():
        for file_name in names:
            path = files.get(file_name)
            if path is None:
                continue
            if file_name in used:
                chosen[role] = used[file_name]
                by_role.append((role, path.name))
                break
            font_name = f"luoshi-{role}"
            if _load(font_name, path):
                chosen[role] = used[file_name] = font_name
                by_role.append((role, path.name))
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
    return Fonts(
        body,
        chosen.get("title", body),
        chosen.get("hei", body),
        chosen.get("kai", body),
        names,
        "",
        tuple(by_role),
    )


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

    if text.printer:
        story.append(
            _imprint(text, type_w, style("imprint", fontSize=SI_HAO, leading=LINE, alignment=TA_LEFT))
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


def _imprint(text: OfficialText, width: float, style: Any) -> Any:
    """The 版记 at the foot of the last page: 抄送 and 印发机关/印发日期 between rules as wide as the
    type area, the first and last 0.35 mm (1 pt), the one between 0.25 mm (0.75 pt)."""
    from reportlab.platypus import Paragraph, Table, TableStyle
    from reportlab.platypus.flowables import TopPadder

    rows: list[list[Any]] = []
    if text.copy_to:
        rows.append([Paragraph(escape(_("抄送：") + text.copy_to.rstrip("。") + "。"), style), ""])
    printed = _("%(date)s印发") % {"date": text.printed} if text.printed else ""
    right = style.clone("imprint-right", alignment=2)
    rows.append([Paragraph(escape(text.printer), style), Paragraph(escape(printed), right)])
    table = Table(rows, colWidths=[width / 2, width / 2])
    commands: list[tuple[Any, ...]] = [
        ("LINEABOVE", (0, 0), (-1, 0), 1, "black"),
        ("LINEBELOW", (0, -1), (-1, -1), 1, "black"),
        ("LEFTPADDING", (0, 0), (-1, -1), SI_HAO),
        ("RIGHTPADDING", (0, 0), (-1, -1), SI_HAO),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    if text.copy_to:
        commands += [("SPAN", (0, 0), (1, 0)), ("LINEBELOW", (0, 0), (-1, 0), 0.75, "black")]
    table.setStyle(TableStyle(commands))
    return TopPadder(table)


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
