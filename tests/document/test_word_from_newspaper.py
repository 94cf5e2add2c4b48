"""A newspaper page pasted into Word is one paragraph a printed line: it reads like the same text
as .txt (issue 10, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.document import extract

from .helpers import signature
from .layouts import newspaper
from .sources import Docx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = ["decision-a.txt", "work-report-b.txt", "opinion-c.txt", "work-report-d.txt", "decision-e.txt"]


def _word(lines: list[str]) -> bytes:
    d = Docx()
    for line in lines:
        d.para(line)
    return d.bytes()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_word_file_of_printed_lines_reads_like_the_newspaper_text(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    printed = newspaper(text, 20, seed=3)
    assert signature(extract(_word(printed.split("\n")))) == signature(extract(printed))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_word_file_of_printed_lines_gives_the_checklist_of_the_plain_text(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    printed = newspaper(text, 20, seed=3)
    assert signature(extract(_word(printed.split("\n")))) == signature(extract(text))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_word_file_of_printed_lines_without_empty_paragraphs_keeps_its_targets(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    printed = [ln for ln in newspaper(text, 20, seed=3).split("\n") if ln.strip()]
    doc, plain = extract(_word(printed)), extract(text)
    assert signature(doc)[2] == signature(plain)[2]
    assert len(doc.items) == len(plain.items)
