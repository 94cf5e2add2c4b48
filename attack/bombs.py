"""Hostile files, made at test time (nothing hostile is stored in the repository): archives that
lie about their size, archives just under the old limits, PDFs whose streams inflate without end,
workbooks with formulas and control characters. Pure Python; no Django."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

MiB = 1024 * 1024

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    'document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _zip(members: list[tuple[str, bytes]], level: int = 9) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def _streamed_zip(name: str, chunks: object, head: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n, d in head:
            z.writestr(n, d)
        with z.open(name, "w", force_zip64=True) as f:
            for chunk in chunks:  # type: ignore[attr-defined]
                f.write(chunk)
    return out.getvalue()


def _paragraphs(text: str, n: int) -> bytes:
    return (f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" * n).encode()


def docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    return _zip(
        [
            ("[Content_Types].xml", _CT.encode()),
            ("_rels/.rels", _RELS.encode()),
            ("word/document.xml", doc.encode()),
        ]
    )


def lie_about_size(archive: bytes, member: str, declared: int) -> bytes:
    """The archive with ``member``'s stated size (local header and central directory) set to
    ``declared`` and its CRC set to that of the first ``declared`` bytes: every check that trusts
    what the archive states passes."""
    real = zipfile.ZipFile(io.BytesIO(archive)).read(member)
    crc = zlib.crc32(real[:declared]) & 0xFFFFFFFF
    data = bytearray(archive)
    name = member.encode()
    for sig, size_at, crc_at, name_len_at, name_at in (
        (b"PK\x03\x04", 22, 14, 26, 30),
        (b"PK\x01\x02", 24, 16, 28, 46),
    ):
        i = 0
        while (i := data.find(sig, i)) >= 0:
            n = struct.unpack_from("<H", data, i + name_len_at)[0]
            if bytes(data[i + name_at : i + name_at + n]) == name:
                struct.pack_into("<I", data, i + size_at, declared)
                struct.pack_into("<I", data, i + crc_at, crc)
            i += 4
    return bytes(data)


def docx_lying(inflated_mb: int, declared: int = 5000) -> bytes:
    """A docx whose document.xml states ``declared`` bytes and inflates to ``inflated_mb`` MiB."""
    n = inflated_mb * MiB // 45
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode()
    doc = head + _paragraphs("推进落实。", n) + b"</w:body></w:document>"
    archive = _zip(
        [("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode()), ("word/document.xml", doc)]
    )
    return lie_about_size(archive, "word/document.xml", declared)


def docx_much_xml(xml_mb: int, ratio_under: int = 190) -> bytes:
    """An honest docx with ``xml_mb`` MiB of XML compressing less well than the old ratio limit."""
    rng = random.Random(13)
    chars = "推进落实加强完善建设发展改革创新保障服务体系机制能力水平质量效益"
    block = "".join(rng.choice(chars) for _ in range(6000))
    para = f"<w:p><w:r><w:t>{block}</w:t></w:r></w:p>".encode()
    count = xml_mb * MiB // len(para) + 1
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode()

    def chunks() -> object:
        yield head
        for i in range(count):
            yield para.replace(b"<w:t>", f"<w:t>{i}".encode(), 1)
        yield b"</w:body></w:document>"

    archive = _streamed_zip(
        "word/document.xml",
        chunks(),
        [("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode())],
    )
    info = zipfile.ZipFile(io.BytesIO(archive)).getinfo("word/document.xml")
    assert info.file_size < ratio_under * info.compress_size, "not under the old ratio limit"
    return archive


_XL_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/'
    'sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'sharedStrings+xml"/></Types>'
)
_XL_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_XL_WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_XL_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship '
    'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def xlsx_shared_strings(mb: int) -> bytes:
    """A workbook of one cell whose shared strings hold ``mb`` MiB (the review's: 500 MiB in 3 MB)."""
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'
        b"</worksheet>"
    )
    item = "<si><t>指标名称数值单位年份</t></si>".encode()
    count = mb * MiB // len(item)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main" count="{count}" uniqueCount="{count}">'
    ).encode()

    def chunks() -> object:
        yield head
        block = item * 1000
        for _ in range(count // 1000):
            yield block
        yield b"</sst>"

    return _streamed_zip(
        "xl/sharedStrings.xml",
        chunks(),
        [
            ("[Content_Types].xml", _XL_CT.encode()),
            ("_rels/.rels", _XL_RELS.encode()),
            ("xl/workbook.xml", _XL_WB.encode()),
            ("xl/_rels/workbook.xml.rels", _XL_WB_RELS.encode()),
            ("xl/worksheets/sheet1.xml", sheet),
        ],
    )


def pdf_streams(pages: int, mb_per_page: int) -> bytes:
    """A PDF of ``pages`` pages, each drawing with a content stream that inflates to ``mb_per_page``
    MiB (a few KB each, compressed)."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * (mb_per_page * MiB), 9)
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for i in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {3 + 2 * pages} 0 R >> >> >>".encode()
        )
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
