"""Fixtures of the study tests: the corpus decision (skipped when ../shared is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("LUOSHI_SHARED") or Path(__file__).resolve().parents[3].parent / "shared")


@pytest.fixture
def corpus_decision() -> str:
    """The text of ../shared/corpus/im-decision-2022.txt; the test skips when it is absent."""
    path = SHARED / "corpus" / "im-decision-2022.txt"
    if not path.is_file():
        pytest.skip("../shared/corpus is not beside this checkout")
    return path.read_text(encoding="utf-8")
