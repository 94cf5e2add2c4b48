"""Read the text layer of a PDF, page by page (pages separated by a blank line).

Page numbers and running heads stay (the reflow stage knows them), except lines repeated word for
word at the top or bottom of most pages. A PDF without a text layer (a scan) is refused with
``needs_ocr``: this tool does not do OCR.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ._errors import DocumentError
from ._read_pdf_tables import Collector, tabulate

_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\U00020000-\U0002fa1f"
# pypdf puts spaces between glyphs that the PDF places one by one; Chinese has no spaces there
_SPURIOUS_SPACE = re.compile(
    f"(?<=[{_CJK}])[ \u00a0]+(?=[{_CJK}0-9%])|(?<=[{_CJK}0-9])[ \u00a0]+(?=[{_CJK}])"
)
_MIN_CHARS_PER_PAGE = 20  # fewer than this on average, with images on the pages: a scan
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")
_JUNK_TITLES = re.compile(r"^(untitled|无标题|microsoft word|document|文档)", re.IGNORECASE)


def corrupt_pdf(detail_zh: str = "", detail_en: str = "") -> DocumentError:
    return DocumentError(
        "corrupt",
        f"PDF 文件已损坏或不完整，无法读取{detail_zh}。请重新下载或导出后再试。",
        f"The PDF file is damaged or incomplete{detail_en}. Download or export it again.",
    )


def read_pdf(data: bytes) -> tuple[str, str | None]:
    """The text of a PDF and the title in its metadata, if it has a useful one."""
    if b"%%EOF" not in data[-2048:]:
        raise corrupt_pdf(
            "（文件末尾缺少结束标记，可能被截断）", " (its end marker is missing: it was cut short)"
        )
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise DocumentError(
            "unsupported",
            "读取 PDF 需要 pypdf：pip install pypdf",
            "Reading PDF files needs pypdf: pip install pypdf",
        ) from None

    from ._inflate import pdf_budget

    with _quiet(), pdf_budget():  # all its streams together inflate to a bounded size
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except DependencyError:
                    raise DocumentError(
                        "encrypted",
                        "PDF 文件使用 AES 加密，读取它需要安装 cryptography：pip install cryptography",
                        "The PDF is AES-encrypted; reading it needs cryptography: pip install cryptography",
                    ) from None
                if not opened:
                    raise _encrypted()
            pages: list[str] = []
            images = 0
            for number, page in enumerate(reader.pages, start=1):
                try:
                    pieces = Collector()  # where each piece of text sits, for tables
                    pages.append(tabulate(page.extract_text(visitor_text=pieces) or "", pieces.pieces))
                except (FileNotDecryptedError, DocumentError):
                    raise
                except Exception:
                    raise corrupt_pdf(f"（第 {number} 页）", f" (page {number})") from None
                images += _has_images(page)
            title = _title(reader)
        except DocumentError:
            raise
        except FileNotDecryptedError:
            raise _encrypted() from None
        except (PdfReadError, Exception):
            raise corrupt_pdf() from None

    if not pages:
        raise corrupt_pdf("（找不到任何页面）", " (it has no pages)")
    pages = [_clean(p) for p in pages]
    chars = sum(len(re.sub(r"\s", "", p)) for p in pages)
    junk = sum(len(_JUNK.findall(p)) for p in pages)
    if pages and chars < _MIN_CHARS_PER_PAGE * len(pages) and (images or chars == 0):
        raise DocumentError(
            "needs_ocr",
            "这个 PDF 没有文字层（像是扫描件或图片），无法直接读取文字。需要先进行文字识别（OCR），"
            "再把识别出的文字交给本工具。",
            "This PDF has no text layer (it looks like a scan or an image). Run OCR on it first, "
            "then give the recognised text to luoshi.",
        )
    if chars and junk > chars * 0.3:
        raise DocumentError(
            "needs_ocr",
            "这个 PDF 的文字层无法解码（字体缺少 Unicode 映射），读出的是乱码。需要先进行文字识别（OCR）。",
            "This PDF's text layer cannot be decoded (its fonts have no Unicode mapping). Run OCR on it first.",
        )
    pages = _drop_running_lines(pages)
    return "\n\n".join(p for p in pages if p), title


def _encrypted() -> DocumentError:
    return DocumentError(
        "encrypted",
        "PDF 文件已加密，需要密码才能打开。请提供未加密的版本。",
        "The PDF is encrypted and needs a password. Give an unencrypted copy.",
    )


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs every oddity it repairs; the command line is not the place for them."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        log.setLevel(level)


def _has_images(page: Any, depth: int = 0) -> bool:
    """Whether the page (or a form it draws, as scanners and reportlab wrap them) shows an image."""
    try:
        xobjects = page["/Resources"]["/XObject"]
        for key in xobjects:
            xobject = xobjects[key].get_object()
            subtype = xobject.get("/Subtype")
            if subtype == "/Image" or (subtype == "/Form" and depth < 3 and _has_images(xobject, depth + 1)):
                return True
    except Exception:
        return False
    return False


def _clean(page: str) -> str:
    lines = []
    for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.rstrip()
        tokens = line.split(" ")
        if len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) >= 0.8 * len(tokens):
            # glyphs placed one by one come out spaced: 加 快 建 设 到 2 0 3 0 年
            line = re.sub(r" {2,}", "\0", line).replace(" ", "").replace("\0", " ")
        lines.append(_SPURIOUS_SPACE.sub("", line))
    return "\n".join(lines).strip("\n")


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Drop lines that repeat word for word at the top or bottom of most pages (running heads)."""
    if len(pages) < 3:
        return pages
    split = [p.split("\n") for p in pages]
    counts: Counter[str] = Counter()
    for lines in split:
        edge = {ln.strip() for ln in lines[:2] + lines[-2:] if ln.strip()}
        counts.update(edge)
    running = {ln for ln, n in counts.items() if n >= max(3, len(pages) * 0.6)}
    if not running:
        return pages
    out = []
    for lines in split:
        head = [i for i in (0, 1) if i < len(lines) and lines[i].strip() in running]
        tail = [i for i in (len(lines) - 1, len(lines) - 2) if i >= 0 and lines[i].strip() in running]
        drop = set(head) | set(tail)
        out.append("\n".join(ln for i, ln in enumerate(lines) if i not in drop).strip("\n"))
    return out


def _title(reader: Any) -> str | None:
    try:
        meta = reader.metadata
        title = str(meta.title).strip() if meta is not None and meta.title else ""
    except Exception:
        return None
    title = re.sub(r"^Microsoft Word - ", "", title)
    title = re.sub(r"\.(docx?|wps|pdf)$", "", title, flags=re.IGNORECASE).strip()
    if not title or _JUNK_TITLES.match(title) or not re.search("[\u4e00-\u9fff]", title):
        return None
    return title
