"""The team's own decision for the study tests (fixtures/decision.txt), read once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from luoshi.document import Document, extract

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DECISION = FIXTURES / "decision.txt"


@cache
def decision_text() -> str:
    return DECISION.read_text(encoding="utf-8")


def decision() -> Document:
    return extract(decision_text())
