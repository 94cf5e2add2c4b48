"""Evidence files: checked by content and size, zip bombs refused, stored under LUOSHI_HOME."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import Evidence

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def report(unit_a: object) -> object:
    return make_report(task=make_task(lead_unit=unit_a))


def test_a_pdf_is_stored_with_its_size_type_and_digest(
    report: object, reporter_a: object, settings: object
) -> None:
    ev = Evidence.attach(report, SimpleUploadedFile("现场照片说明.pdf", PDF), by=reporter_a)
    assert (ev.kind, ev.size, ev.name) == ("pdf", len(PDF), "现场照片说明.pdf")
    assert ev.file.path.startswith(str(settings.MEDIA_ROOT))
    with open(ev.file.path, "rb") as fh:
        assert fh.read() == PDF


def test_a_word_document_is_accepted(report: object, reporter_a: object) -> None:
    assert (
        Evidence.attach(report, SimpleUploadedFile("说明.docx", docx_bytes()), by=reporter_a).kind == "docx"
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("run.exe", b"MZ\x90\x00" + b"\x00" * 100, "不支持此类文件"),
        ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "扩展名"),
        ("empty.pdf", b"", "空"),
        ("archive.zip", docx_bytes().replace(b"word/document.xml", b"word/other___.xml"), "不支持此类文件"),
        ("bomb.docx", docx_bytes({"word/media/x.bin": b"\x00" * 20_000_000}), "压缩炸弹"),
        ("broken.docx", b"PK\x03\x04" + b"garbage" * 50, "损坏"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(
    report: object, reporter_a: object, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Evidence.attach(report, SimpleUploadedFile(name, data), by=reporter_a)
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused(report: object, reporter_a: object, settings: object) -> None:
    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError, match="文件过大"):
        Evidence.attach(report, SimpleUploadedFile("big.pdf", PDF + b"0" * 2000), by=reporter_a)


def test_a_file_whose_row_cannot_be_saved_is_not_left_behind(
    report: object, reporter_a: object, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    def refuse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database refused the row")

    monkeypatch.setattr(Evidence, "save", refuse)
    with pytest.raises(RuntimeError):
        Evidence.attach(report, SimpleUploadedFile("方案.pdf", PDF), by=reporter_a)
    root = Path(settings.MEDIA_ROOT)
    files = [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
    assert files == []
