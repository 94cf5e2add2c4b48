"""The places of the Inner Mongolia decision in ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from luoshi.document._places import find_places


@pytest.mark.corpus
def test_it_finds_every_required_place_of_the_inner_mongolia_decision(corpus: Path) -> None:
    text = (corpus / "im-decision-2022.txt").read_text(encoding="utf-8").replace("\n", "")
    gold = json.loads((corpus / "gold" / "im-decision-2022.json").read_text(encoding="utf-8"))["places"]
    sentences = [s for s in text.split("。") if s.strip()]
    found = {p.name: p for p in find_places((str(n), s) for n, s in enumerate(sentences, 1))}
    assert [name for name in gold["required"] if name not in found] == []
    for abbreviation, members in gold["abbreviations"].items():
        for member in members:
            assert abbreviation in found[member].via, (abbreviation, member)
    assert "呼包鄂" in found["呼和浩特市"].via
    assert "呼包鄂" in found["包头市"].via
    assert "呼包鄂" in found["鄂尔多斯市"].via
