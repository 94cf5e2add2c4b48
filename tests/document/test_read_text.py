"""Plain text: every encoding a Chinese office produces, detected, and never decoded wrongly in silence."""

from __future__ import annotations

import codecs
import io

import pytest

from luoshi.document import DocumentError, read_source

from .sources import DECISION_TEXT

TRADITIONAL = "（一）加快建設現代化產業體系。到2030年，全區規上工業增加值年均增長8%左右。\n"


def test_it_reads_utf8():
    src = read_source(DECISION_TEXT.encode("utf-8"))
    assert src.text == DECISION_TEXT
    assert (src.format, src.encoding) == ("txt", "utf-8")


def test_it_drops_a_utf8_byte_order_mark():
    src = read_source(codecs.BOM_UTF8 + DECISION_TEXT.encode("utf-8"))
    assert src.text == DECISION_TEXT
    assert not src.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_it_reads_utf16_with_a_byte_order_mark(codec):
    data = DECISION_TEXT.encode(codec)
    if codec == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    elif codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    src = read_source(data)
    assert src.text == DECISION_TEXT
    assert src.encoding == "utf-16"


def test_it_reads_utf16_without_a_byte_order_mark():
    src = read_source(DECISION_TEXT.encode("utf-16-le"))
    assert src.text == DECISION_TEXT


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_it_detects_the_gb_encodings(codec):
    src = read_source(DECISION_TEXT.encode(codec))
    assert src.text == DECISION_TEXT
    assert src.encoding == "gb18030"


def test_it_reads_characters_only_gb18030_has():
    text = DECISION_TEXT + "（四）支持㐀字号企业发展。\n"
    assert read_source(text.encode("gb18030")).text == text


def test_it_detects_big5():
    src = read_source(TRADITIONAL.encode("big5"))
    assert src.text == TRADITIONAL
    assert src.encoding == "big5"


def test_it_reads_traditional_characters_written_in_gbk():
    assert read_source(TRADITIONAL.encode("gbk")).text == TRADITIONAL


def test_it_reads_a_short_gbk_line():
    assert read_source("内蒙古日报".encode("gbk")).text == "内蒙古日报"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Le comité a adopté la décision à l'unanimité, très bien.", "latin-1"),
        ("오늘 회의에서 새로운 정책을 발표했습니다. 경제 발전을 위한 계획입니다.", "euc-kr"),
        ("本日の会議で新しい政策が発表されました。経済発展のための計画です。", "shift_jis"),
        ("本日の会議で新しい政策が発表されました。経済発展のための計画です。", "euc-jp"),
    ],
)
def test_it_refuses_an_encoding_it_cannot_read_rather_than_guess(text, codec):
    with pytest.raises(DocumentError) as e:
        read_source(text.encode(codec))
    assert e.value.code == "encoding"
    assert "无法识别文件的文字编码" in e.value.zh
    assert "UTF-8" in e.value.en


def test_it_refuses_utf8_with_a_stray_byte_in_the_middle():
    data = DECISION_TEXT.encode("utf-8")
    at = len("一、总体要求\n坚持".encode())
    data = data[:at] + b"\xff" + data[at:]
    with pytest.raises(DocumentError) as e:
        read_source(data)
    assert e.value.code == "encoding"
    assert f"第 {at + 1} 个字节" in e.value.zh


def test_it_keeps_utf8_cut_in_the_middle_of_its_last_character():
    data = DECISION_TEXT.encode("utf-8") + "到".encode()[:2]
    assert read_source(data).text == DECISION_TEXT


def test_it_refuses_a_bom_that_lies():
    with pytest.raises(DocumentError) as e:
        read_source(codecs.BOM_UTF8 + DECISION_TEXT.encode("gbk"))
    assert e.value.code == "encoding"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_it_normalises_newlines(newline):
    data = DECISION_TEXT.replace("\n", newline).encode("utf-8")
    assert read_source(data).text == DECISION_TEXT


def test_it_keeps_form_feeds_and_page_furniture_for_the_reflow_stage():
    text = "（一）加快建设现代化\n\f- 12 -\n产业体系。\n"
    assert read_source(text.encode("utf-8")).text == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u3000\u3000\n".encode(), codecs.BOM_UTF8 + b"\n"])
def test_it_refuses_an_empty_file(data):
    with pytest.raises(DocumentError) as e:
        read_source(data)
    assert e.value.code == "empty"
    assert "空" in e.value.zh


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 40,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100 + b"\x01\x02\x03" * 200,
        b"SQLite format 3\x00" + b"\x04\x00\x01\x01" * 300,
        "正文".encode() + b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50,
    ],
)
def test_it_refuses_binary_data(data):
    with pytest.raises(DocumentError) as e:
        read_source(data)
    assert e.value.code == "binary"
    assert "二进制" in e.value.zh


def test_it_reads_from_a_path_and_names_the_source(tmp_path):
    path = tmp_path / "决定.txt"
    path.write_bytes(DECISION_TEXT.encode("gbk"))
    src = read_source(path)
    assert src.text == DECISION_TEXT
    assert src.name == str(path)
    assert read_source(str(path), name="决定").name == "决定"


def test_it_reads_from_a_binary_stream():
    src = read_source(io.BytesIO(DECISION_TEXT.encode("utf-8")), name="-")
    assert (src.text, src.name) == (DECISION_TEXT, "-")


def test_it_says_which_file_is_missing(tmp_path):
    with pytest.raises(DocumentError) as e:
        read_source(tmp_path / "没有这个文件.txt")
    assert e.value.code == "not_found"
    assert "没有这个文件.txt" in e.value.zh


def test_it_refuses_a_directory(tmp_path):
    with pytest.raises(DocumentError) as e:
        read_source(tmp_path)
    assert e.value.code == "not_found"
