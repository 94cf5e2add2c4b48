"""The Inner Mongolia decision in ../shared, scored against its answer key the way the project is
judged, as printed and re-laid out as other newspaper columns, a PDF and a web page."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from luoshi.document import extract
from luoshi.document._reflow import reflow

from .layouts import newspaper, pdf_like, web_page

pytestmark = pytest.mark.corpus


def _scorer(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extract", corpus / "score_extract.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(corpus: Path, text: str) -> dict[str, object]:
    se = _scorer(corpus)
    gold = json.loads((corpus / "gold" / "im-decision-2022.json").read_text(encoding="utf-8"))
    pred = json.loads(extract(text).to_json())
    sp, sr, missing_sections = se.score_sections(gold, pred)
    tp, tr, missing_targets, _ = se.score_targets(gold, pred)
    place_recall, missing_places = se.score_places(gold, pred)
    missing_strings, leaked = se.score_reflow(gold, pred)
    return {
        "section_f1": se.f1(sp, sr),
        "target_f1": se.f1(tp, tr),
        "place_recall": place_recall,
        "missing": (missing_sections, missing_targets, missing_places, missing_strings),
        "leaked": leaked,
        "title": pred["title"] == gold["title"],
    }


PERFECT = {
    "section_f1": 1.0,
    "target_f1": 1.0,
    "place_recall": 1.0,
    "missing": ([], [], [], []),
    "leaked": [],
    "title": True,
}


def test_the_decision_as_printed_scores_full_marks(corpus):
    assert score(corpus, (corpus / "im-decision-2022.txt").read_text(encoding="utf-8")) == PERFECT


def _plain(corpus: Path) -> str:
    r = reflow((corpus / "im-decision-2022.txt").read_text(encoding="utf-8"))
    return "\n".join([r.title or "", *r.paragraphs])


@pytest.mark.parametrize("chars", [10, 14, 18, 24])
def test_the_decision_in_other_newspaper_columns_scores_full_marks(corpus, chars):
    assert score(corpus, newspaper(_plain(corpus), chars, seed=chars)) == PERFECT


@pytest.mark.parametrize("chars", [24, 30, 36])
def test_the_decision_as_a_pdf_text_layer_scores_full_marks(corpus, chars):
    assert score(corpus, pdf_like(_plain(corpus), chars)) == PERFECT


def test_the_decision_as_a_web_page_scores_full_marks(corpus):
    assert score(corpus, web_page(_plain(corpus))) == PERFECT
