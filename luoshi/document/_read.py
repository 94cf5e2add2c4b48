"""Read a decision from a file, bytes or a stream into plain text.

The format is sniffed from the content (a zip holding ``word/document.xml`` is a .docx, ``%PDF`` a
PDF, markup a web page, anything else text); the file name's extension only picks the message when
the content is not what it claims. Every failure is a :class:`DocumentError` with a message in
Chinese and in English. Plain text never imports the heavy libraries: python-docx and pypdf are
imported only when a .docx or a PDF arrives.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import IO

from ._errors import DocumentError
from ._read_text import decode_text

MAX_BYTES = 64 * 1024 * 1024  # 64 MiB: a decision is rarely over 1 MiB, even as a PDF
# Characters of text a decision may hold: a five-year plan is under 100,000, forty times less.
# Extraction needs some 60 bytes of memory per character, so this bounds it (a 50 MB text cost 876 MB).
MAX_CHARS = 4_000_000


@dataclass(frozen=True, slots=True)
class Source:
    """The text read out of a file, with what the reader learnt on the way."""

    text: str
    name: str | None  # file name, or None
    format: str  # txt | docx | pdf | html
    encoding: str | None = None  # for txt and html
    title_hint: str | None = None  # <title>, docx/pdf metadata title
    wrapped: bool | None = None  # False when lines are known to be paragraphs; None: detect


def read_source(source: str | os.PathLike[str] | bytes | IO[bytes], *, name: str | None = None) -> Source:
    """Read ``source`` (a path, raw bytes or a binary file object) into text.

    Raises :class:`DocumentError` with code ``not_found``, ``unreadable``, ``too_large``,
    ``empty``, ``binary``, ``encoding``, ``corrupt``, ``encrypted``, ``needs_ocr`` or
    ``unsupported``.
    """
    data, name = _load(source, name)
    if not data or (len(data) <= 4096 and not data.strip()):
        raise _empty()
    kind = _sniff(data, name)
    if kind == "docx":
        from ._read_docx import read_docx

        text, title = read_docx(data)
        # wrapped or not is detected: a newspaper page pasted into Word is one paragraph a printed line
        return _done(Source(text, name, "docx", title_hint=title))
    if kind == "pdf":
        from ._read_pdf import read_pdf

        text, title = read_pdf(data)
        return _done(Source(text, name, "pdf", title_hint=title))
    if kind == "html":
        from ._read_html import read_html

        text, title, encoding = read_html(data)
        return _done(Source(text, name, "html", encoding, title_hint=title))
    if len(data) > MAX_CHARS * 4:  # more characters than the limit whatever the encoding: not decoded
        raise too_long(None)
    text, encoding = decode_text(data)
    return _done(Source(text, name, "txt", encoding))


_NOTHING = {
    "docx": ("Word 文件中没有文字。", "The Word file holds no text."),
    "pdf": ("PDF 文件中没有文字。", "The PDF holds no text."),
    "html": ("网页中没有找到正文文字。", "No main text was found in the web page."),
}


def too_long(chars: int | None) -> DocumentError:
    limit = MAX_CHARS // 10_000
    if chars is None:
        return DocumentError(
            "too_large",
            f"文字超过 {limit} 万字的上限，已拒绝读取。",
            f"The text is over the limit of {MAX_CHARS:,} characters and was not read.",
        )
    return DocumentError(
        "too_large",
        f"文字过长（{chars / 10_000:.0f} 万字），超过 {limit} 万字的上限，已拒绝读取。",
        f"The text is too long ({chars:,} characters); the limit is {MAX_CHARS:,}.",
    )


def _done(src: Source) -> Source:
    if len(src.text) > MAX_CHARS:
        raise too_long(len(src.text))
    if not src.text.strip():
        if src.format in _NOTHING:
            zh, en = _NOTHING[src.format]
            raise DocumentError("empty", zh, en)
        raise _empty()
    return src


def _empty() -> DocumentError:
    return DocumentError(
        "empty", "文件是空的，没有可读取的文字。", "The file is empty: there is no text to read."
    )


def _too_large(size: int | None) -> DocumentError:
    limit = MAX_BYTES // (1024 * 1024)
    if size is None:
        return DocumentError(
            "too_large",
            f"输入超过 {limit} MB 的上限，已拒绝读取。",
            f"The input is over the {limit} MB limit and was not read.",
        )
    mb = size / (1024 * 1024)
    return DocumentError(
        "too_large",
        f"文件过大（{mb:.0f} MB），超过 {limit} MB 的上限，已拒绝读取。",
        f"The file is too large ({mb:.0f} MB); the limit is {limit} MB.",
    )


def _load(source: str | os.PathLike[str] | bytes | IO[bytes], name: str | None) -> tuple[bytes, str | None]:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise _too_large(len(data))
        return data, name
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        name = name or path
        try:
            size = os.stat(path).st_size
            if size > MAX_BYTES:
                raise _too_large(size)
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            raise DocumentError("not_found", f"找不到文件：{path}", f"No such file: {path}") from None
        except PermissionError:
            raise DocumentError(
                "unreadable", f"没有权限读取文件：{path}", f"Permission denied: {path}"
            ) from None
        except OSError as e:
            raise DocumentError(
                "unreadable", f"无法读取文件：{path}（{e.strerror}）", f"Cannot read {path}: {e.strerror}"
            ) from None
    else:
        if name is None:
            label = getattr(source, "name", None)
            name = label if isinstance(label, str) else None
        data = source.read(MAX_BYTES + 1)
        if not isinstance(data, bytes):  # a text stream: someone passed sys.stdin, not sys.stdin.buffer
            raise TypeError("read_source needs a binary stream (sys.stdin.buffer, open(..., 'rb'))")
    if len(data) > MAX_BYTES:
        raise _too_large(None)
    return data, name


_HTML_START = re.compile(
    rb"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|link|base)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body)\b[^>]*>", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|span|table|h[1-6]|meta|a)\b[^>]*>", re.IGNORECASE)

_SVG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?xml[^>]*>|<!--.*?-->|<!doctype[^>]*>)*<svg\b", re.IGNORECASE | re.DOTALL
)
_IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


def _sniff(data: bytes, name: str | None) -> str:
    ext = os.path.splitext(name or "")[1].lower()
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, ext)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise DocumentError(
            "unsupported",
            "这是旧版 Office 文件（.doc/.xls/.wps），暂不支持。请在 Word 或 WPS 中另存为 .docx 后再试。",
            "This is an old Office file (.doc/.xls/.wps), which is not supported. Save it as .docx.",
        )
    if data.startswith(b"{\\rtf"):
        raise DocumentError(
            "unsupported",
            "RTF 格式暂不支持。请另存为 .docx 或 .txt 后再试。",
            "RTF is not supported. Save the file as .docx or .txt.",
        )
    if data.startswith(_IMAGES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        raise DocumentError(
            "needs_ocr",
            "这是一张图片，没有文字层。需要先进行文字识别（OCR），再把识别出的文字交给本工具。",
            "This is an image without a text layer: run OCR on it first and give the text to luoshi.",
        )
    if _SVG.match(data[:4096]):
        raise DocumentError(
            "unsupported",
            "这是一张 SVG 图片，不是决定的文字。请提供 txt、docx、pdf 或 html 格式的文件。",
            "This is an SVG picture, not the text of a decision. Give a txt, docx, pdf or html file.",
        )
    if _looks_like_html(data, ext):
        return "html"
    if ext in (".docx", ".pdf") and b"\x00" in data[:4096]:
        what = "Word（.docx）" if ext == ".docx" else "PDF"
        raise DocumentError(
            "corrupt",
            f"文件扩展名是 {ext}，但内容不是有效的 {what} 文件，可能已损坏。",
            f"The file is named {ext} but is not a valid {what} file; it may be damaged.",
        )
    return "txt"


def _looks_like_html(data: bytes, ext: str) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: look at the characters, not the bytes
        codec = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        head = head[2:].decode(codec, errors="replace").encode("utf-8", errors="replace")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return True
    return ext in (".html", ".htm", ".xhtml", ".shtml") and _HTML_TAGS.search(head) is not None


def _sniff_zip(data: bytes, ext: str) -> str:
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        if ext in ("", ".docx", ".zip"):
            from ._read_docx import corrupt_docx

            raise corrupt_docx() from None
        raise DocumentError(
            "corrupt",
            "文件是一个损坏或不完整的压缩包，无法读取。",
            "The file is a damaged or incomplete zip archive.",
        ) from None
    if "word/document.xml" in names or any(n.startswith("word/document") for n in names):
        return "docx"
    if "OFD.xml" in names:
        what_zh, what_en = "OFD 版式文件", "an OFD file"
    elif any(n.startswith("xl/") for n in names):
        what_zh, what_en = "Excel 表格", "an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        what_zh, what_en = "PowerPoint 演示文稿", "a PowerPoint presentation"
    elif "content.xml" in names:
        what_zh, what_en = "OpenDocument 文件", "an OpenDocument file"
    elif ext == ".docx":
        from ._read_docx import corrupt_docx

        raise corrupt_docx()
    else:
        what_zh, what_en = "压缩包", "a zip archive"
    raise DocumentError(
        "unsupported",
        f"这是{what_zh}，不是 Word 文档，暂不支持。请提供 txt、docx、pdf 或 html 格式的文件。",
        f"This is {what_en}, not a Word document, and is not supported. Give a txt, docx, pdf or html file.",
    )
