"""luoshi.document: read a policy decision and turn it into a structured checklist.

Pure Python: this package never imports Django. Its public API is what ``__all__`` lists; the
modules behind it (``_reflow``, ``_targets`` …) are private and may change at any time.

    >>> from luoshi.document import extract
    >>> doc = extract("（一）加强生态建设。到2035年森林覆盖率达到25%。")
    >>> [(t.indicator, t.comparator, t.value, t.unit, t.year) for t in doc.targets]
    [('森林覆盖率', '>=', 25.0, '%', 2035)]
"""

from __future__ import annotations

import os
from typing import IO

from ._errors import DocumentError
from ._inflate import check_archive, open_workbook
from ._model import (
    SCHEMA_VERSION,
    TASK_KINDS,
    Caveat,
    Comparator,
    Document,
    Item,
    ItemKind,
    Observation,
    Place,
    PlaceLevel,
    Section,
    Target,
    TargetKind,
)
from ._pipeline import extract_text
from ._places import Division, division, load_divisions
from ._read import MAX_BYTES, MAX_CHARS, Source, read_source
from ._safe import csv_bytes, formula_like, new_workbook, safe_text, write_cell

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "SCHEMA_VERSION",
    "TASK_KINDS",
    "Caveat",
    "Comparator",
    "Division",
    "Document",
    "DocumentError",
    "Item",
    "ItemKind",
    "Observation",
    "Place",
    "PlaceLevel",
    "Section",
    "Source",
    "Target",
    "TargetKind",
    "check_archive",
    "csv_bytes",
    "division",
    "extract",
    "extract_text",
    "formula_like",
    "load_divisions",
    "new_workbook",
    "open_workbook",
    "read_source",
    "require_structure",
    "safe_text",
    "write_cell",
]


def extract(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    name: str | None = None,
    year: int | None = None,
) -> Document:
    """Extract the checklist from a decision.

    ``source`` is a path (``str`` or ``PathLike``) to a .txt, .docx, .pdf or .html file, the raw
    bytes of such a file, a binary file object, or the text itself. A ``str`` is taken as a path
    only when it names an existing file; anything else is taken as the text. ``year`` is the
    document's own year, for 今年/明年, where the text does not say it.

    Raises :class:`DocumentError` for input that cannot be read or holds no recognisable text.
    """
    if isinstance(source, str) and not _looks_like_path(source):
        if len(source) > MAX_CHARS:
            from ._read import too_long

            raise too_long(len(source))
        return extract_text(source, name=name, year=year)
    src = read_source(source, name=name)
    return extract_text(
        src.text,
        name=src.name,
        year=year,
        title_hint=src.title_hint,
        wrapped=src.wrapped,
        format=src.format,
    )


def require_structure(doc: Document) -> Document:
    """``doc``, if it has any structure; a text with no headings and no Chinese task sentences ("hello
    world", a picture's markup) raises :class:`DocumentError` (``no_structure``). ``luoshi extract``,
    ``luoshi import`` and the web's import refuse alike through this."""
    if "no_structure" in doc.warning_codes:
        from ._errors import no_structure

        raise no_structure()
    return doc


def _looks_like_path(s: str) -> bool:
    if not s or len(s) > 4096 or "\n" in s:
        return False
    try:
        return os.path.isfile(s)
    except (OSError, ValueError):
        return False
