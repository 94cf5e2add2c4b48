"""Fixtures shared by the core tests (no database here)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# ../shared beside the checkout; LUOSHI_SHARED points elsewhere (a git worktree has no ../shared)
SHARED = Path(os.environ.get("LUOSHI_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def corpus() -> Path:
    """../shared/corpus beside the checkout; tests that need it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS
