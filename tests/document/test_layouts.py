"""The same text laid out as newspaper columns, a PDF's text layer or a web page gives the same
checklist as the plain text: same title, outline, targets and item text."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.document import extract

from .helpers import signature
from .layouts import newspaper, pdf_like, web_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = ["decision-a.txt", "work-report-b.txt", "opinion-c.txt", "work-report-d.txt", "decision-e.txt"]
NEWSPAPER = [
    pytest.param(
        chars,
        seed,
        title_at_end,
        blank,
        id=f"{chars}ch-seed{seed}-{'end' if title_at_end else 'top'}-{'gaps' if blank else 'tight'}",
    )
    for chars in (12, 16, 20, 26)
    for seed in (0, 1)
    for title_at_end in (True, False)
    for blank in (True, False)
]


@pytest.fixture(scope="module", params=DOCUMENTS)
def plain(request):
    text = (FIXTURES / request.param).read_text(encoding="utf-8")
    return text, signature(extract(text))


@pytest.mark.parametrize(("chars", "seed", "title_at_end", "blank"), NEWSPAPER)
def test_newspaper_columns_read_like_the_plain_text(plain, chars, seed, title_at_end, blank):
    text, expected = plain
    laid_out = newspaper(text, chars, seed=seed, title_at_end=title_at_end, blank_between=blank)
    assert signature(extract(laid_out)) == expected


@pytest.mark.parametrize("chars", [14, 18, 22])
@pytest.mark.parametrize("seed", [0, 1])
def test_columns_wrapped_by_counting_characters_read_like_the_plain_text(plain, chars, seed):
    """A script that re-wraps text counts a digit as a whole character, so lines with figures
    hold fewer cells than the others and still break mid-sentence."""
    text, expected = plain
    laid_out = newspaper(text, chars, seed=seed, by_characters=True)
    assert signature(extract(laid_out)) == expected


@pytest.mark.parametrize("chars", [24, 28, 32, 36])
def test_a_pdf_text_layer_reads_like_the_plain_text(plain, chars):
    text, expected = plain
    assert signature(extract(pdf_like(text, chars))) == expected


def test_a_web_page_reads_like_the_plain_text(plain):
    text, expected = plain
    assert signature(extract(web_page(text))) == expected
