"""The extraction pipeline: text → paragraphs → outline → items → targets → places."""

from __future__ import annotations

from ._model import Document


def extract_text(
    text: str,
    *,
    name: str | None = None,
    year: int | None = None,
    title_hint: str | None = None,
    wrapped: bool | None = None,
    format: str = "txt",
) -> Document:
    """Extract the checklist from text already read. PLACEHOLDER until the pipeline lands."""
    return Document(title=title_hint, year=year, source=name, format=format)
