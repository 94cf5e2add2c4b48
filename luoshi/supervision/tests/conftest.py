"""Fixtures of the supervision tests: the rules as the office left them, and a frozen clock."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def rules(db: Any) -> Any:
    from luoshi.supervision.models import Rules

    return Rules.get()


@pytest.fixture
def clock(time_machine: Any) -> Any:
    """``clock(2026, 10, 12)`` freezes time at 10:00 Beijing time on that day."""
    from .factory import at

    def travel(year: int, month: int, day: int, hour: int = 10) -> None:
        time_machine.move_to(at(year, month, day, hour), tick=False)

    return travel
