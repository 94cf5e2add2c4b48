"""The real decision in ../shared, read back unchanged in every encoding and format we accept."""

from __future__ import annotations

import pytest

from luoshi.document import read_source

from .sources import Docx, make_pdf

pytestmark = pytest.mark.corpus


@pytest.fixture
def decision(corpus):
    return read_source(corpus / "im-decision-2022.txt").text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_it_reads_the_decision_in_every_encoding(decision, codec):
    assert read_source(decision.encode(codec)).text == decision


def test_it_reads_the_decision_back_from_a_pdf(decision):
    lines = [line for line in decision.split("\n") if line.strip()]
    pages = [lines[i : i + 35] for i in range(0, len(lines), 35)]
    text = read_source(make_pdf(pages)).text
    assert text.count("\n\n") == len(pages) - 1
    assert len(text.replace("\n\n", "\n").split("\n")) == len(lines)
    # the only change: spaces between hanzi and figures (稳定在 45%) go, as pypdf's spurious ones do
    assert "".join(text.split()) == "".join(decision.split())


def test_it_reads_the_decision_back_from_a_docx(decision):
    d = Docx()
    lines = [line.strip() for line in decision.split("\n") if line.strip()]
    for line in lines:
        d.para(line)
    assert read_source(d.bytes()).text.split("\n") == lines
