"""A named lock is held by one holder at a time across processes and nodes, on either database."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from luoshi.ops.locks import advisory_key, exclusive


def _elsewhere(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` in another thread: another database connection (another PostgreSQL session)."""
    out: list[Any] = []

    def target() -> None:
        try:
            out.append(fn())
        finally:
            connection.close()

    t = threading.Thread(target=target)
    t.start()
    t.join(30)
    return out[0]


def _try(name: str) -> bool:
    with exclusive(name) as mine:
        return mine


@pytest.mark.django_db(transaction=True)
def test_a_lock_held_here_cannot_be_taken_elsewhere_until_it_is_let_go() -> None:
    with exclusive("test-lock") as mine:
        assert mine
        assert _elsewhere(lambda: _try("test-lock")) is False
        assert _elsewhere(lambda: _try("another-lock")) is True
    assert _elsewhere(lambda: _try("test-lock")) is True


def test_advisory_keys_are_stable_signed_64_bit_numbers() -> None:
    key = advisory_key("supervise")
    assert key == advisory_key("supervise") != advisory_key("outbox")
    assert -(2**63) <= key < 2**63
