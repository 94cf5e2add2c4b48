"""Read a decision from a file, bytes or a stream into plain text.

PLACEHOLDER: only UTF-8 text for now; the full reader (encodings, docx, pdf, html) replaces this.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO

from ._errors import DocumentError

MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """The text read out of a file, with what the reader learnt on the way."""

    text: str
    name: str | None  # file name, or None
    format: str  # txt | docx | pdf | html
    encoding: str | None = None  # for txt and html
    title_hint: str | None = None  # <title>, docx/pdf metadata title
    wrapped: bool | None = None  # False when lines are known to be paragraphs (docx, html); None: detect


def read_source(source: str | os.PathLike[str] | bytes | IO[bytes], *, name: str | None = None) -> Source:
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, str | os.PathLike):
        name = name or os.fspath(source)
        with open(source, "rb") as fh:
            data = fh.read()
    else:
        data = source.read()
    try:
        return Source(data.decode("utf-8-sig"), name, "txt", "utf-8")
    except UnicodeDecodeError as e:
        raise DocumentError("encoding", "无法识别文件编码。", "The file's encoding is not recognised.") from e
