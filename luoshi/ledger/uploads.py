"""Checks on uploaded files: what they really are (by content, not name), their size, and zip bombs.

Office files (docx, xlsx, pptx) and OFD are zip archives: every member is inflated once with a
running limit (``luoshi.document.check_archive``) and the file is refused when it holds too many
members, inflates beyond what it declares or too far, or at a ratio no real document reaches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DECISION_KINDS = frozenset({"txt", "docx", "pdf", "html"})
EVIDENCE_KINDS = frozenset({"pdf", "docx", "xlsx", "pptx", "doc", "xls", "ofd", "png", "jpg", "txt"})
UNIT_KINDS = frozenset({"csv", "xlsx"})

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ofd": "application/ofd",
    "png": "image/png",
    "jpg": "image/jpeg",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
_EXTENSIONS = {"jpeg": "jpg", "htm": "html"}


@dataclass(frozen=True)
class Checked:
    kind: str
    content_type: str
    size: int


def _extension(name: str) -> str:
    ext = PurePath(name or "").suffix.lower().lstrip(".")
    return _EXTENSIONS.get(ext, ext)


def _zip_kind(fh: IO[bytes]) -> str:
    from django.utils.translation import get_language

    from luoshi.document import DocumentError, check_archive

    try:
        # every member inflated once, counted as it inflates (not as it declares): no bomb gets in
        names = set(check_archive(fh, "zip"))
    except DocumentError as e:
        code = "zip_bomb" if e.code == "too_large" else "corrupt"
        raise ValidationError(e.message(get_language() or "zh-hans"), code=code) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def _text_kind(data: bytes, ext: str) -> str | None:
    if b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if ext in {"html", "csv"}:
            return ext
        if ext == "txt" or not ext:
            return "txt"
        return "txt" if "<" not in text[:200] else "html"
    return None


def sniff(fh: IO[bytes], name: str) -> str:
    """What the file is, by its content (``zip`` for an archive that is no office document)."""
    fh.seek(0)
    head = fh.read(8)
    fh.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(fh)
        fh.seek(0)
        return kind
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls" if _extension(name) == "xls" else "doc"
    data = fh.read()
    fh.seek(0)
    return _text_kind(data, _extension(name)) or "binary"


def check_upload(upload: Any, allowed: frozenset[str], *, max_bytes: int | None = None) -> Checked:
    """Refuse (with a message in the user's language) a file too large, empty, of a type not allowed,
    whose name does not match its content, or that is a zip bomb."""
    limit = max_bytes or settings.MAX_UPLOAD_BYTES
    size = upload.size
    if size > limit:
        raise ValidationError(
            _("文件过大（%(size)s），上限为 %(max)s。")
            % {"size": filesizeformat(size), "max": filesizeformat(limit)},
            code="too_large",
        )
    if size == 0:
        raise ValidationError(_("文件是空的。"), code="empty")
    upload.seek(0)
    kind = sniff(upload, upload.name)
    names = "、".join(sorted(allowed))
    if kind not in allowed:
        raise ValidationError(
            _("不支持此类文件（识别为 %(kind)s）。可上传：%(allowed)s。") % {"kind": kind, "allowed": names},
            code="type",
        )
    ext = _extension(upload.name)
    if ext and ext != kind and not (kind == "txt" and ext in {"csv", "md"}):
        raise ValidationError(
            _("文件扩展名（.%(ext)s）与内容（%(kind)s）不符。") % {"ext": ext, "kind": kind}, code="mismatch"
        )
    return Checked(kind=kind, content_type=CONTENT_TYPES.get(kind, "application/octet-stream"), size=size)


@dataclass(frozen=True)
class Accepted:
    """An upload that passed ``check_upload``, with what a stored file row records of it."""

    name: str  # the file name the user gave, without any folder
    kind: str
    content_type: str
    size: int
    sha256: str


def accept(upload: Any, allowed: frozenset[str]) -> Accepted:
    """Check ``upload`` (size, type by content, zip bombs) and read its digest and safe name."""
    checked = check_upload(upload, allowed)
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks() if hasattr(upload, "chunks") else [upload.read()]:
        digest.update(chunk)
    upload.seek(0)
    name = (getattr(upload, "name", "") or "file").replace("\\", "/").rsplit("/", 1)[-1][:200]
    return Accepted(name, checked.kind, checked.content_type, checked.size, digest.hexdigest())


def store(row: Any, upload: Any, name: str) -> None:
    """Write ``upload`` as ``row.file`` and save ``row``; if the row cannot be saved, the file is
    removed again, so that a failed save leaves no file behind."""
    row.file.save(name, upload, save=False)
    stored = row.file.name
    try:
        row.save()
    except BaseException:
        row.file.storage.delete(stored)
        raise
