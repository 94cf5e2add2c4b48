"""`luoshi extract` on each format, on standard input, and on input it must refuse politely."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from luoshi.cli import cli

from .sources import DECISION_LINES, DECISION_TEXT, Docx, make_pdf, make_scanned_pdf

HTML = (
    "<html><head><title>决定_某自治区人民政府</title></head><body>"
    + "".join(f"<p>{line}</p>" for line in DECISION_LINES)
    + "</body></html>"
)


def docx_bytes() -> bytes:
    d = Docx()
    for line in DECISION_LINES:
        d.para(line)
    return d.bytes()


def pdf_bytes() -> bytes:
    return make_pdf([DECISION_LINES[:3], DECISION_LINES[3:]])


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("LUOSHI_LANGUAGE", "zh-hans")
    return CliRunner()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("决定.txt", lambda: DECISION_TEXT.encode("gbk")),
        ("决定.docx", docx_bytes),
        ("决定.pdf", pdf_bytes),
        ("决定.html", lambda: HTML.encode("utf-8")),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "md"])
def test_it_extracts_each_format(runner, tmp_path, name, make, fmt):
    path = tmp_path / name
    path.write_bytes(make())
    result = runner.invoke(cli, ["extract", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.output.strip()
    if fmt == "json":
        assert '"schema_version": 1' in result.output
    else:
        assert result.output.startswith("# ")


def test_it_writes_a_workbook(runner, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "决定.docx"
    path.write_bytes(docx_bytes())
    out = tmp_path / "任务清单.xlsx"
    result = runner.invoke(cli, ["extract", str(path), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load_workbook(out).sheetnames == ["任务清单", "量化目标", "地名"]


@pytest.mark.parametrize(
    "make",
    [lambda: DECISION_TEXT.encode("utf-8"), lambda: DECISION_TEXT.encode("gb18030"), docx_bytes, pdf_bytes],
)
def test_it_reads_standard_input(runner, make):
    result = runner.invoke(cli, ["extract", "-"], input=make())
    assert result.exit_code == 0, result.output
    assert '"schema_version": 1' in result.output


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("空.txt", lambda: b"", "文件是空的"),
        ("空白.txt", lambda: b" \n\n\t ", "文件是空的"),
        ("程序.txt", lambda: bytes(range(256)) * 16, "这不是文本文件"),
        (
            "韩文.txt",
            lambda: "오늘 회의에서 새로운 정책을 발표했습니다. 경제 발전을 위한 계획입니다.".encode("euc-kr"),
            "无法识别文件的文字编码",
        ),
        ("截断.docx", lambda: docx_bytes()[:3000], "Word 文件（.docx）已损坏或不完整"),
        ("截断.pdf", lambda: pdf_bytes()[:1500], "PDF 文件已损坏或不完整"),
        ("扫描.pdf", make_scanned_pdf, "需要先进行文字识别（OCR）"),
        ("加密.pdf", lambda: make_pdf([DECISION_LINES], user_password="secret"), "PDF 文件已加密"),
    ],
)
def test_it_refuses_bad_input_with_the_chinese_message_and_no_traceback(
    runner, tmp_path, name, make, message
):
    path = tmp_path / name
    path.write_bytes(make())
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_it_refuses_a_200_mb_file_at_once(runner, tmp_path):
    path = tmp_path / "巨大.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code != 0
    assert "文件过大（200 MB）" in result.output
    assert "Traceback" not in result.output


def test_it_refuses_empty_standard_input(runner):
    result = runner.invoke(cli, ["extract", "-"], input=b"")
    assert result.exit_code != 0
    assert "文件是空的" in result.output


def test_it_speaks_english_when_asked(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("LUOSHI_LANGUAGE", "en")
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code != 0
    assert "The file is empty" in result.output
