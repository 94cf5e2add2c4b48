"""Decompression with a running limit: what an archive or a PDF really inflates to, counted as it
inflates, never what it declares.

Office files (docx, xlsx) are zip archives whose members each state their size; a member can state
5 KB and inflate to 2 GB, and Python's zipfile inflates a member's whole compressed stream in one
call before cutting it to the stated size. :func:`check_zip` inflates every member in small steps
(at most 1 MiB of output at a time, nothing kept), adds up what comes out and stops as soon as a
limit is passed: more than a member said (a lie), more than the archive may hold in all, more XML
than a reader may parse, or a ratio no real document reaches. An archive that passes inflates, for
any later reader, to exactly the sizes checked. The cost is one extra inflation of an honest file
(a few milliseconds per MiB) and a few MiB of memory whatever the archive.

PDF streams are counted the same way while pypdf reads them: :func:`pdf_budget` sets how much all
the streams of one document may inflate to, together.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import IO, Any

from ._errors import DocumentError

MiB = 1024 * 1024
_STEP_IN = 64 * 1024  # compressed bytes read at a time
_STEP_OUT = MiB  # inflated bytes produced at a time, at most


@dataclass(frozen=True)
class ZipLimits:
    """What an archive may inflate to. ``xml`` counts the members a reader parses into a tree
    (``.xml``, ``.rels``), which cost several times their size in memory."""

    total: int
    xml: int
    members: int = 10_000
    ratio: int = 200  # a member over 1 MiB that compresses better than this is a bomb
    what_zh: str = "压缩文件"
    what_en: str = "archive"


DOCX = ZipLimits(total=256 * MiB, xml=48 * MiB, what_zh="Word 文件", what_en="Word file")
XLSX = ZipLimits(total=256 * MiB, xml=96 * MiB, what_zh="Excel 文件", what_en="Excel workbook")
ANY_ZIP = ZipLimits(total=512 * MiB, xml=512 * MiB, members=5_000)


def _bomb(limits: ZipLimits, zh: str, en: str) -> DocumentError:
    return DocumentError(
        "too_large",
        f"{limits.what_zh}解压后{zh}，疑似“压缩炸弹”，已拒绝读取。",
        f"The {limits.what_en} {en} (a zip bomb?); it was not read.",
    )


def _corrupt(limits: ZipLimits) -> DocumentError:
    return DocumentError(
        "corrupt",
        f"{limits.what_zh}已损坏或不完整，无法读取。请重新保存后再试。",
        f"The {limits.what_en} is damaged or incomplete. Save it again and retry.",
    )


def check_zip(source: bytes | IO[bytes], limits: ZipLimits = ANY_ZIP) -> dict[str, int]:
    """Inflate every member of the archive with a running limit; the real size of each member.

    Raises :class:`DocumentError` (``too_large``) for a bomb, declared or lying, and (``corrupt``)
    for a damaged, encrypted or oddly compressed archive.
    """
    fh: IO[bytes]
    if isinstance(source, bytes | bytearray | memoryview):
        import io

        fh = io.BytesIO(source)
    else:
        fh = source
    start = fh.tell()
    try:
        try:
            infos = zipfile.ZipFile(fh).infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise _corrupt(limits) from None
        if len(infos) > limits.members:
            raise _bomb(limits, f"含 {len(infos)} 个文件", f"holds {len(infos)} members")
        sizes: dict[str, int] = {}
        total = xml = 0
        for info in infos:
            if info.is_dir():
                continue
            budget = min(info.file_size, limits.total - total)
            size = _inflate_member(fh, start, info, budget, limits)
            if size > info.file_size:
                raise _bomb(
                    limits,
                    f"超过其声明的大小（{info.filename} 声明 {info.file_size} 字节）",
                    f"inflates beyond the size it declares ({info.filename}: {info.file_size} bytes)",
                )
            total += size
            if total > limits.total:
                raise _bomb(
                    limits, f"超过 {limits.total // MiB} MB", f"inflates to over {limits.total // MiB} MB"
                )
            if info.filename.lower().endswith((".xml", ".rels")):
                xml += size
                if xml > limits.xml:
                    raise _bomb(
                        limits,
                        f"文字内容超过 {limits.xml // MiB} MB",
                        f"holds over {limits.xml // MiB} MB of XML",
                    )
            if size > MiB and size > limits.ratio * max(info.compress_size, 1):
                raise _bomb(limits, "压缩比异常", "compresses suspiciously well")
            sizes[info.filename] = size
        return sizes
    finally:
        fh.seek(start)


def _inflate_member(fh: IO[bytes], start: int, info: zipfile.ZipInfo, budget: int, limits: ZipLimits) -> int:
    """Inflate one member, counting: returns its size, or budget + 1 as soon as it passes ``budget``
    (the caller then says which limit). Checks the stream ends where it should and its CRC."""
    if info.flag_bits & 0x1:
        raise DocumentError(
            "encrypted",
            f"{limits.what_zh}已加密，无法读取。请去掉密码后再试。",
            f"The {limits.what_en} is encrypted. Remove the password and retry.",
        )
    fh.seek(start + info.header_offset)
    header = fh.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise _corrupt(limits)
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fh.seek(start + info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    crc = 0
    size = 0
    if info.compress_type == zipfile.ZIP_STORED:
        while left > 0:
            chunk = fh.read(min(_STEP_IN, left))
            if not chunk:
                raise _corrupt(limits)
            left -= len(chunk)
            size += len(chunk)
            if size > budget:
                return budget + 1
            crc = zlib.crc32(chunk, crc)
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        d = zlib.decompressobj(-zlib.MAX_WBITS)
        pending = b""
        while not d.eof:
            if not pending:
                if left <= 0:
                    raise _corrupt(limits)  # the stream does not end where the archive says
                pending = fh.read(min(_STEP_IN, left))
                if not pending:
                    raise _corrupt(limits)
                left -= len(pending)
            try:
                out = d.decompress(pending, _STEP_OUT)
            except zlib.error:
                raise _corrupt(limits) from None
            pending = d.unconsumed_tail
            size += len(out)
            if size > budget:
                return budget + 1
            crc = zlib.crc32(out, crc)
    else:
        raise DocumentError(
            "corrupt",
            f"{limits.what_zh}使用了不支持的压缩方式，无法读取。请重新保存后再试。",
            f"The {limits.what_en} uses an unsupported compression method. Save it again and retry.",
        )
    if size != info.file_size or (crc & 0xFFFFFFFF) != info.CRC:
        raise _corrupt(limits)
    return size


# -- PDF ---------------------------------------------------------------------------------------------

PDF_TOTAL = 256 * MiB  # what all the streams of one PDF may inflate to together
PDF_STREAM = 64 * MiB  # one stream

_pdf_left: ContextVar[list[int] | None] = ContextVar("luoshi_pdf_budget", default=None)
_installed = False


def _pdf_exhausted() -> DocumentError:
    return DocumentError(
        "too_large",
        f"PDF 文件解压后超过 {PDF_TOTAL // MiB} MB，疑似“压缩炸弹”，已拒绝读取。",
        f"The PDF inflates to over {PDF_TOTAL // MiB} MB (a decompression bomb?); it was not read.",
    )


def _install() -> None:
    """Count every Flate stream pypdf inflates against the budget of the document being read."""
    global _installed
    if _installed:
        return
    from pypdf import filters

    plain = filters.decompress

    def counted(data: bytes) -> bytes:
        left = _pdf_left.get()
        if left is not None and left[0] < 0:  # spent (pypdf may have swallowed the first refusal)
            raise _pdf_exhausted()
        out: bytes = plain(data)
        if left is not None:
            left[0] -= len(out)
            if left[0] < 0:
                raise _pdf_exhausted()
        return out

    filters.decompress = counted
    _installed = True


@contextmanager
def pdf_budget(total: int = PDF_TOTAL, stream: int = PDF_STREAM) -> Iterator[None]:
    """While reading one PDF: its streams may inflate to ``total`` bytes together (and ``stream``
    each). Raises :class:`DocumentError` (``too_large``) once they pass it."""
    import pypdf

    _install()
    left = [total]
    token = _pdf_left.set(left)
    overrides: dict[str, Any] = {
        "zlib_maximum_output_length": stream,
        "lzw_maximum_output_length": stream,
        "run_length_maximum_output_length": stream,
        "array_based_stream_maximum_output_length": stream,
    }
    apply = getattr(pypdf, "apply_configuration", None)
    try:
        if apply is None:  # pragma: no cover - pypdf older than 6: the global limits stand
            yield
        else:
            with apply(**overrides):
                yield
    finally:
        _pdf_left.reset(token)
    if left[0] < 0:
        raise _pdf_exhausted()


# -- the one way in for archives and workbooks --------------------------------------------------------

_KINDS = {"docx": DOCX, "xlsx": XLSX, "zip": ANY_ZIP}


def check_archive(source: bytes | IO[bytes], kind: str = "zip") -> dict[str, int]:
    """:func:`check_zip` with the limits of a ``docx``, an ``xlsx`` or any ``zip``."""
    return check_zip(source, _KINDS[kind])


def open_workbook(source: bytes | IO[bytes] | str, *, formulas: bool = False) -> Any:
    """An .xlsx opened for reading (openpyxl, read-only; the values Excel computed, or with
    ``formulas`` a formula's own text), after its archive has been inflated once with a running
    limit. Every workbook luoshi reads is opened here.

    Raises :class:`DocumentError` for a bomb or a file that is not a workbook."""
    import io

    from openpyxl import load_workbook

    if isinstance(source, str):
        with open(source, "rb") as fh:
            data: bytes | IO[bytes] = fh.read()
    else:
        data = source
    if isinstance(data, bytes | bytearray | memoryview):
        data = io.BytesIO(bytes(data))
    check_zip(data, XLSX)
    try:
        return load_workbook(data, read_only=True, data_only=not formulas)
    except Exception:
        raise DocumentError(
            "corrupt",
            "无法打开此 Excel 文件，它可能已损坏或不是 .xlsx 格式。",
            "This Excel file cannot be opened: it may be damaged or not an .xlsx file.",
        ) from None
