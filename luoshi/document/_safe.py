"""One sanitiser at every exit (STYLE.md 18): what luoshi writes into a spreadsheet, a CSV file, a
Word document or a PDF goes through here.

- **Control characters are stripped**: C0 controls other than tab, line feed and carriage return,
  DEL, the C1 controls, lone surrogates and the non-characters U+FFFE/U+FFFF. An .xlsx or a .docx
  is XML and cannot hold them (openpyxl and python-docx refuse them, so one stray ``\\x01`` in an
  approval comment made every later export of the audit trail fail); in a PDF or a CSV they are
  junk. Tabs and line breaks are kept.
- **Formula-like text is neutralised**: a text starting with ``=`` ``+`` ``-`` ``@``, a tab or a
  carriage return is what Excel, WPS and LibreOffice would run as a formula (OWASP, "CSV
  Injection"). In an .xlsx it is written as a text cell marked as typed with a leading apostrophe
  (the sheet shows the text as written; nothing runs); in a CSV it gets a leading apostrophe.

Writers never build a workbook or a CSV writer themselves: they call :func:`new_workbook` (whose
sheets' ``append`` goes through :func:`write_cell`) and :func:`csv_bytes`. A test
(``tests/test_one_sanitiser.py``) fails when a module builds one elsewhere.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767  # Excel's limit on the characters in one cell

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def safe_text(value: str) -> str:
    """``value`` without control characters (tabs and line breaks are kept)."""
    return _CONTROL.sub("", value)


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula: it starts with one of
    ``FORMULA_START``, or with ``= + - @`` after blanks (some readers trim them first)."""
    return text.startswith(FORMULA_START) or text.lstrip(" \t\r\n\u3000").startswith(FORMULA_START[:4])


def cell_text(value: str) -> str:
    """``value`` as one spreadsheet cell can hold it: sanitised, and cut to Excel's limit."""
    text = safe_text(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def write_cell(cell: Any, value: Any) -> Any:
    """Put ``value`` into an openpyxl cell (a sheet's cell or a write-only cell): text sanitised,
    formula-like text kept as text. Returns the cell."""
    if isinstance(value, str):
        text = cell_text(value)
        cell.value = text
        if formula_like(text):
            cell.data_type = "s"  # text, never a formula
            cell.quotePrefix = True  # as Excel marks a text typed with a leading '
    else:
        cell.value = value
    return cell


def _safe_append(ws: Any) -> None:
    """Make ``ws.append`` put every value through :func:`write_cell`."""
    from openpyxl.cell import Cell, WriteOnlyCell  # WriteOnlyCell is a function that makes a Cell

    plain_append = ws.append
    write_only = not hasattr(ws, "cell")

    def append(values: Iterable[Any]) -> None:
        row = []
        for value in values:
            if isinstance(value, Cell):
                if isinstance(value.value, str):
                    write_cell(value, value.value)
                row.append(value)
            elif isinstance(value, str):
                row.append(write_cell(WriteOnlyCell(ws) if write_only else Cell(ws), value))
            else:
                row.append(value)
        plain_append(row)

    ws.append = append


def new_workbook(*, write_only: bool = False) -> Any:
    """An openpyxl workbook whose sheets sanitise every row appended to them (the active sheet and
    every sheet created later). Headers and footers: set them through :func:`safe_text`."""
    from openpyxl import Workbook

    wb = Workbook(write_only=write_only)
    plain_create = wb.create_sheet

    def create_sheet(*args: Any, **kwargs: Any) -> Any:
        ws = plain_create(*args, **kwargs)
        _safe_append(ws)
        return ws

    wb.create_sheet = create_sheet
    if not write_only:
        _safe_append(wb.active)
    return wb


def csv_field(value: Any) -> str:
    """One CSV field: text sanitised, formula-like text behind an apostrophe."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    text = safe_text(value)
    return "'" + text if formula_like(text) else text


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """A CSV file in UTF-8 with a byte-order mark (so that Excel opens it as UTF-8), every field
    through :func:`csv_field`."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([csv_field(v) for v in row])
    return out.getvalue().encode("utf-8")
