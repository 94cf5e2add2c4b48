"""Notices in the full-text search: found by the office and by the unit they are addressed to only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.search import rebuild, search
from luoshi.supervision.models import Notice, NoticeKind
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(unit_a: Any, clock: Any) -> Notice:
    make_supervised_task(unit_a, assigned=dt.date(2026, 7, 1), text="加快建设国家重要能源和战略资源基地。")
    clock(2026, 11, 20)
    Supervisor().run()
    return Notice.objects.get(kind=NoticeKind.ORDER)


def kinds_found(user: Any, q: str) -> list[str]:
    return [hit.kind for hit in search(user, q).hits]


def test_a_notice_of_a_supervision_run_is_found_at_once(office: Any, order: Notice) -> None:
    assert "notice" in kinds_found(office, "督办")


def test_the_unit_addressed_finds_it_and_another_unit_does_not(
    reporter_a: Any, reporter_b: Any, order: Notice
) -> None:
    assert "notice" in kinds_found(reporter_a, "督办")
    assert "notice" not in kinds_found(reporter_b, "督办")


def test_a_rebuild_keeps_the_notices(office: Any, order: Notice) -> None:
    counts = rebuild()
    assert counts["notice"] == Notice.objects.count()
    assert "notice" in kinds_found(office, "督办")
