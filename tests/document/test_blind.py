"""Documents written blind by the team, in every form, scored by the project's own judge.

The answer keys were made by hand by members who had not read the extractor; see
``tests/fixtures/blind/README.md``. The bar is the issue's: target F1 ≥ 0.9 and section F1 ≥ 0.95
on documents of the family, every required place, every reflow string, no furniture left, the title."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from luoshi.document import extract

from ..conftest import CORPUS

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind"
SCORER = CORPUS / "score_extract.py"
FORMS = ("{}.txt", "{}-news.txt", "{}-web.txt", "{}-web.html", "{}.docx", "{}.pdf")

# The key gives the document's own title line (政府工作报告). A web page heads it with a fuller title
# of its own (江西省2026年政府工作报告); where the page offers several, the title is the fullest. The
# key stays as written; the forms that carry such a heading expect it instead.
PAGE_TITLES = {
    "etuokeqianqi-2025": "鄂托克前旗2025年政府工作报告",
    "jiangxi-2026": "江西省2026年政府工作报告",
    "yulin-2026": "2026年榆林市政府工作报告",
}


def expected_title(name: str, file: str, gold: dict[str, object]) -> object:
    if "-web." in file and name in PAGE_TITLES:
        return PAGE_TITLES[name]
    return gold["title"]


def _cases() -> list[tuple[str, str]]:
    cases = []
    for gold in sorted(BLIND.glob("*.json")):
        name = gold.stem
        cases += [(name, form.format(name)) for form in FORMS if (BLIND / form.format(name)).exists()]
    return cases


@pytest.fixture(scope="module")
def judge() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("../shared/corpus/score_extract.py is absent")
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_document_comes_in_several_forms():
    names = {name for name, _ in _cases()}
    assert len(names) >= 9
    assert all(sum(1 for n, _ in _cases() if n == name) >= 2 for name in names)


@pytest.mark.parametrize(("name", "file"), _cases())
def test_a_blind_document_meets_the_bar(judge: ModuleType, name: str, file: str) -> None:
    gold = json.loads((BLIND / f"{name}.json").read_text(encoding="utf-8"))
    pred = json.loads(extract(BLIND / file).to_json())
    sp, sr, missing_sections = judge.score_sections(gold, pred)
    tp, tr, missing_targets, extra = judge.score_targets(gold, pred)
    place_recall, missing_places = judge.score_places(gold, pred)
    missing_reflow, leaked = judge.score_reflow(gold, pred)
    assert judge.f1(sp, sr) >= 0.95, missing_sections
    assert judge.f1(tp, tr) >= 0.9, (missing_targets, [t["text"] for t in extra])
    assert place_recall == 1.0, missing_places
    assert not missing_reflow, missing_reflow
    assert not leaked, leaked
    assert judge.norm(pred["title"]) == judge.norm(expected_title(name, file, gold))


@pytest.mark.parametrize("name", sorted(PAGE_TITLES))
def test_a_page_title_expected_instead_of_the_keys_is_a_fuller_form_of_it(name: str) -> None:
    gold = json.loads((BLIND / f"{name}.json").read_text(encoding="utf-8"))
    page = (BLIND / f"{name}-web.txt").read_text(encoding="utf-8")
    assert PAGE_TITLES[name] in page
    assert PAGE_TITLES[name].endswith(gold["title"])
    assert PAGE_TITLES[name] != gold["title"]
