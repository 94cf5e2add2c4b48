"""The format comes from the content; the file name is only a hint."""

from __future__ import annotations

import io
import zipfile

import pytest

from luoshi.document import DocumentError, read_source

from .sources import DECISION_TEXT, Docx, make_pdf


def zipped(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return out.getvalue()


def test_it_reads_a_docx_whatever_its_name():
    d = Docx()
    d.para("一、总体要求")
    assert read_source(d.bytes(), name="决定.txt").format == "docx"
    assert read_source(d.bytes()).format == "docx"


def test_it_reads_a_pdf_whatever_its_name():
    assert read_source(make_pdf([["一、总体要求"]]), name="决定.docx").format == "pdf"


def test_it_reads_text_named_as_a_word_file():
    src = read_source(DECISION_TEXT.encode("gbk"), name="决定.docx")
    assert (src.format, src.text) == ("txt", DECISION_TEXT)


def test_it_refuses_an_old_word_file_and_says_how_to_convert_it():
    with pytest.raises(DocumentError) as e:
        read_source(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name="决定.doc")
    assert e.value.code == "unsupported"
    assert "另存为 .docx" in e.value.zh


@pytest.mark.parametrize(
    ("names", "what"),
    [
        (("[Content_Types].xml", "xl/workbook.xml"), "Excel"),
        (("[Content_Types].xml", "ppt/presentation.xml"), "PowerPoint"),
        (("OFD.xml", "Doc_0/Document.xml"), "OFD"),
        (("readme.txt",), "压缩包"),
    ],
)
def test_it_names_a_zip_that_is_not_a_word_document(names, what):
    with pytest.raises(DocumentError) as e:
        read_source(zipped(*names))
    assert e.value.code == "unsupported"
    assert what in e.value.zh


def test_it_calls_a_zip_named_docx_without_a_document_damaged():
    with pytest.raises(DocumentError) as e:
        read_source(zipped("[Content_Types].xml"), name="决定.docx")
    assert e.value.code == "corrupt"


@pytest.mark.parametrize("magic", [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"II*\x00"])
def test_it_sends_an_image_to_ocr(magic):
    with pytest.raises(DocumentError) as e:
        read_source(magic + bytes(range(256)) * 4, name="扫描.jpg")
    assert e.value.code == "needs_ocr"
    assert "文字识别（OCR）" in e.value.zh


def test_it_refuses_rtf():
    with pytest.raises(DocumentError) as e:
        read_source(rb"{\rtf1\ansi\ansicpg936 \'d2\'bb}")
    assert e.value.code == "unsupported"
    assert "RTF" in e.value.zh


def test_every_error_has_a_message_in_both_languages():
    with pytest.raises(DocumentError) as e:
        read_source(b"\x00\x01" * 100)
    assert e.value.message("zh-hans") == e.value.zh == str(e.value)
    assert e.value.message("en") == e.value.en
    assert e.value.en.isascii()
