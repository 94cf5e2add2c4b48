"""Measuring an official document as LibreOffice lays it out: convert the .docx to PDF (with the faces
``luoshi.exchange.pdf`` gives LibreOffice) and read where each character and rule landed, in
millimetres from the top left of the page (pdfplumber). Used by the rendering checks of the report and
of the 督办单; they skip where LibreOffice is not installed."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pytest

from luoshi.exchange import pdf

MM = 72 / 25.4
TYPE = {"top": 37.0, "bottom": 262.0, "left": 28.0, "right": 184.0}  # the type area, in mm
CHAR = 156 / 28  # mm: the pitch of 28 characters to the line


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float
    red: bool


@dataclass
class Rule:
    page: int
    top: float
    x0: float
    x1: float
    width: float  # pt
    red: bool


def rendered(docx: bytes) -> tuple[list[Line], list[Rule], int]:
    """Every line of text and every horizontal rule of the PDF LibreOffice makes of ``docx``."""
    pdfplumber = pytest.importorskip("pdfplumber")
    exe = pdf.soffice()
    if exe is None:
        pytest.skip("LibreOffice is not installed")
    data = pdf.convert_with_libreoffice(pdf.retarget(docx, pdf.faces()), exe)
    lines: list[Line] = []
    rules: list[Rule] = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for n, page in enumerate(doc.pages, start=1):
            rows: dict[int, list[Any]] = {}
            for c in page.chars:
                if c["text"].strip():
                    rows.setdefault(round(c["top"] * 2), []).append(c)  # half-point rows
            for cs in rows.values():
                cs.sort(key=lambda c: c["x0"])
                color = cs[0].get("non_stroking_color") or (0,)
                lines.append(
                    Line(
                        n,
                        min(c["top"] for c in cs) / MM,
                        max(c["bottom"] for c in cs) / MM,
                        cs[0]["x0"] / MM,
                        cs[-1]["x1"] / MM,
                        "".join(c["text"] for c in cs),
                        max(round(c["size"], 1) for c in cs),
                        _red(color),
                    )
                )
            for r in page.lines + page.rects:
                if abs(r["bottom"] - r["top"]) < 0.5 and r["x1"] - r["x0"] > 50 * MM:
                    rules.append(
                        Rule(
                            n,
                            r["top"] / MM,
                            r["x0"] / MM,
                            r["x1"] / MM,
                            float(r.get("linewidth") or 0),
                            _red(r.get("stroking_color") or (0,)),
                        )
                    )
        pages = len(doc.pages)
    lines.sort(key=lambda line: (line.page, line.top))
    return lines, rules, pages


def _red(color: Any) -> bool:
    values = list(color) if isinstance(color, list | tuple) else [color]
    return len(values) == 3 and values[0] > 0.7 and values[1] < 0.3 and values[2] < 0.3


def page_numbers(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.top > TYPE["bottom"] and line.text.startswith("—")]


def body_lines(lines: list[Line]) -> list[Line]:
    """Lines of 三号 text inside the type area (not the title, tables, 版记 or page numbers)."""
    return [
        line
        for line in lines
        if line.size == 16.0 and TYPE["top"] - 1 <= line.top < TYPE["bottom"] and not line.red
    ]
