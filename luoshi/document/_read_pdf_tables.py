"""Tables in a PDF's text layer: rows of text set in aligned columns, found from where glyphs sit.

pypdf's text puts a table's cells one per line, or runs a row's cells together with spaces; either
way the columns are lost. Here the text pieces of a page, each with its position (pypdf's
``visitor_text``), are grouped into visual lines; runs of two or more lines whose pieces stand apart in
the same columns are a table. Each row is then written as the other readers write a table's row
(cells joined by tabs, luoshi.document._tables.row_line), in place of the table's text in pypdf's text.
A cell wrapped over two lines (its column's continuation, with nothing in the first column) is joined
to the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._tables import join_cell_paragraphs, row_line

_ASCII_WIDTH = 0.55  # a Latin letter or digit, in em
_GAP_EM = 0.6  # pieces this far apart (in em of their type) stand in different cells (a cell's
# padding in Word is 0.19 cm each side: 0.7 em of 3号 type between the texts of two cells)
_SAME_LINE = 0.45  # pieces whose baselines differ by less than this (in em) share a line


@dataclass(slots=True)
class Piece:
    x: float
    y: float
    size: float
    text: str

    @property
    def end(self) -> float:
        wide = sum(1 for c in self.text if not c.isascii())
        return self.x + self.size * (wide + _ASCII_WIDTH * (len(self.text) - wide))


class Collector:
    """The ``visitor_text`` for pypdf: keeps each non-blank piece of text with its position."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []

    def __call__(self, text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        text = text.replace("\n", " ").strip()
        if not text or len(self.pieces) > 200_000:
            return
        try:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
        except (TypeError, IndexError):
            return
        self.pieces.append(Piece(float(x), float(y), max(1.0, float(size) * scale), text))


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline, top to bottom, each line left to right."""
    lines: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (-p.y, p.x)):
        if lines and abs(lines[-1][0].y - p.y) <= _SAME_LINE * p.size:
            lines[-1].append(p)
        else:
            lines.append([p])
    return [sorted(line, key=lambda p: p.x) for line in lines]


def _cells(line: list[Piece]) -> list[list[Piece]]:
    """A line's pieces grouped into cells: a gap wider than ``_GAP_EM`` starts a new cell."""
    cells: list[list[Piece]] = [[line[0]]]
    for p in line[1:]:
        if p.x - cells[-1][-1].end > _GAP_EM * p.size:
            cells.append([p])
        else:
            cells[-1].append(p)
    return cells


@dataclass(slots=True)
class _Found:
    rows: list[list[str]]
    pieces: list[Piece]


def find_tables(pieces: list[Piece]) -> list[_Found]:
    """The tables of one page: runs of lines of two or more cells (a line of one cell between two
    such lines is a cell wrapped over two lines)."""
    lines = [_cells(line) for line in _lines(pieces)]
    out: list[_Found] = []
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (
            len(lines[j]) >= 2 or (j + 1 < len(lines) and len(lines[j + 1]) >= 2 and len(lines[j - 1]) >= 2)
        ):
            j += 1
        if sum(1 for k in range(i, j) if len(lines[k]) >= 2) >= 2:
            found = _rows(lines[i:j])
            if found is not None:
                out.append(found)
        i = j
    return out


def _columns(lines: list[list[list[Piece]]]) -> list[tuple[float, float]]:
    """The columns as spans of the page's width, from the lines with most cells first (a header
    spanning two columns must not make them one)."""
    columns: list[list[float]] = []
    for cells in sorted(lines, key=len, reverse=True):
        for cell in cells:
            lo, hi = cell[0].x, cell[-1].end
            best = _overlapping(lo, hi, columns)
            if best is None:
                columns.append([lo, hi])
            elif len(cells) == max(len(c) for c in lines):
                columns[best][0] = min(columns[best][0], lo)
                columns[best][1] = max(columns[best][1], hi)
    return sorted((lo, hi) for lo, hi in columns)


def _overlapping(lo: float, hi: float, columns: list[list[float]] | list[tuple[float, float]]) -> int | None:
    best, best_overlap = None, 0.0
    for k, (a, b) in enumerate(columns):
        overlap = min(hi, b) - max(lo, a)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best


def _rows(lines: list[list[list[Piece]]]) -> _Found | None:
    columns = _columns(lines)
    if len(columns) < 2:
        return None
    rows: list[list[list[str]]] = []
    pieces: list[Piece] = []
    for cells in lines:
        placed: dict[int, list[str]] = {}
        for cell in cells:
            k = _overlapping(cell[0].x, cell[-1].end, columns)
            if k is None:
                k = max((n for n, (a, _) in enumerate(columns) if a <= cell[0].x), default=0)
            placed.setdefault(k, []).append(" ".join(p.text for p in cell))
            pieces.extend(cell)
        if rows and 0 not in placed and len(placed) <= len(columns) // 2:
            for k, parts in placed.items():  # the rest of cells wrapped over two lines
                rows[-1][k].extend(parts)
        else:
            rows.append([placed.get(k, []) for k in range(len(columns))])
    return _Found([[join_cell_paragraphs(parts) for parts in row] for row in rows], pieces)


_SPACE = re.compile(r"\s+")


def tabulate(text: str, pieces: list[Piece]) -> str:
    """The page's text with each table's text replaced by its rows, one line each, cells tab-separated."""
    tables = find_tables(pieces)
    if not tables:
        return text
    for table in tables:
        text = _replace(text, table)
    return text


def _replace(text: str, table: _Found) -> str:
    """Find the table's characters in ``text`` (whatever spaces and line breaks pypdf put between
    them), from the first cell to the last, and put the rows in their place, on lines of their own."""
    wanted = "".join(_SPACE.sub("", p.text) for p in table.pieces)
    if not wanted:
        return text
    compact: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isspace():
            compact.append(ch)
            where.append(i)
    flat = "".join(compact)
    chars = sorted(wanted)
    # the pieces in reading order may differ from the order pypdf wrote them: look for a stretch
    # of the text holding exactly the table's characters
    n = len(wanted)
    start = flat.find(wanted)
    if start < 0:
        first = _SPACE.sub("", table.rows[0][0]) or wanted[:4]
        start = flat.find(first)
        while start >= 0 and sorted(flat[start : start + n]) != chars:
            start = flat.find(first, start + 1)
        if start < 0:
            return text
    a, b = where[start], where[start + n - 1] + 1
    a = text.rfind("\n", 0, a) + 1 if text[text.rfind("\n", 0, a) + 1 : a].strip() == "" else a
    end_nl = text.find("\n", b)
    if end_nl < 0:
        end_nl = len(text)
    if text[b:end_nl].strip() == "":
        b = end_nl
    lines = "\n".join(row_line(r) for r in table.rows)
    before = text[:a] if not a or text[a - 1] == "\n" else text[:a] + "\n"
    after = text[b:] if b >= len(text) or text[b] == "\n" else "\n" + text[b:]
    return before + lines + after
