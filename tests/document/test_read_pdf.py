"""PDF: the text layer page by page; scans, encryption and damage refused with a clear message."""

from __future__ import annotations

import pytest

from luoshi.document import DocumentError, read_source

from .sources import DECISION_LINES, make_pdf, make_scanned_pdf, make_spaced_pdf

PAGE_ONE = DECISION_LINES[:3]
PAGE_TWO = DECISION_LINES[3:]


def test_it_reads_the_cjk_text_layer_with_pages_separated_by_a_blank_line():
    src = read_source(make_pdf([PAGE_ONE, PAGE_TWO]), name="决定.pdf")
    assert src.format == "pdf"
    assert src.text == "\n".join(PAGE_ONE) + "\n\n" + "\n".join(PAGE_TWO)


def test_it_removes_the_spaces_pypdf_puts_between_glyphs_placed_one_by_one():
    src = read_source(make_spaced_pdf("加快建设现代化产业体系。到2030年，增长8%左右"))
    assert src.text == "加快建设现代化产业体系。到2030年，增长8%左右"


def test_it_keeps_spaces_between_latin_words():
    src = read_source(make_pdf([["推进 5G 网络和 Data Center 建设。"]]))
    assert "Data Center" in src.text


def test_it_leaves_page_numbers_for_the_reflow_stage():
    src = read_source(make_pdf([PAGE_ONE, PAGE_TWO], page_numbers=True))
    assert "— 1 —" in src.text
    assert "— 2 —" in src.text


def test_it_drops_a_running_head_repeated_on_every_page():
    pages = [PAGE_ONE, PAGE_TWO, ["（四）促进区域协调发展。"], ["三、组织保障"]]
    src = read_source(make_pdf(pages, running_head="某自治区人民政府公报"))
    assert "某自治区人民政府公报" not in src.text
    assert "（四）促进区域协调发展。" in src.text


def test_it_keeps_a_line_that_only_two_pages_share():
    src = read_source(make_pdf([PAGE_ONE, PAGE_TWO], running_head="某自治区人民政府公报"))
    assert src.text.count("某自治区人民政府公报") == 2


def test_it_takes_the_title_from_the_metadata():
    src = read_source(make_pdf([PAGE_ONE], title="关于推动高质量发展的决定"))
    assert src.title_hint == "关于推动高质量发展的决定"


def test_it_ignores_a_useless_metadata_title():
    assert read_source(make_pdf([PAGE_ONE], title="Microsoft Word - draft3.docx")).title_hint is None


def test_it_refuses_a_scanned_pdf_with_a_clear_message():
    with pytest.raises(DocumentError) as e:
        read_source(make_scanned_pdf(), name="扫描件.pdf")
    assert e.value.code == "needs_ocr"
    assert "需要先进行文字识别（OCR）" in e.value.zh
    assert "OCR" in e.value.en


def test_it_refuses_a_scan_with_only_a_page_stamp_as_text():
    with pytest.raises(DocumentError) as e:
        read_source(make_scanned_pdf(3, stamp="第1页"))
    assert e.value.code == "needs_ocr"


def test_it_refuses_a_pdf_that_needs_a_password():
    with pytest.raises(DocumentError) as e:
        read_source(make_pdf([PAGE_ONE], user_password="secret"))
    assert e.value.code == "encrypted"
    assert "加密" in e.value.zh


def test_it_opens_a_pdf_encrypted_only_against_editing():
    src = read_source(make_pdf([PAGE_ONE], user_password=""))
    assert src.text == "\n".join(PAGE_ONE)


def test_it_refuses_a_truncated_pdf():
    data = make_pdf([PAGE_ONE, PAGE_TWO])
    with pytest.raises(DocumentError) as e:
        read_source(data[: len(data) * 2 // 3], name="决定.pdf")
    assert e.value.code == "corrupt"
    assert "PDF 文件已损坏或不完整" in e.value.zh


def test_it_refuses_a_pdf_with_garbage_inside():
    data = b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\ntrailer\n<< >>\nstartxref\n9\n%%EOF\n"
    with pytest.raises(DocumentError) as e:
        read_source(data)
    assert e.value.code == "corrupt"


def test_it_refuses_a_file_named_pdf_that_is_not_one():
    with pytest.raises(DocumentError) as e:
        read_source(b"\x00\x01\x02\x03garbage" * 100, name="决定.pdf")
    assert e.value.code == "corrupt"
    assert ".pdf" in e.value.zh


def test_it_sends_a_pdf_without_any_text_to_ocr():
    # no text at all: a scan whose images we cannot see (inline images), or a blank file
    with pytest.raises(DocumentError) as e:
        read_source(make_pdf([[], []]))
    assert e.value.code == "needs_ocr"
