"""After the demo, a leader opens the dashboard and sees real figures; the demo's reports are varied, so
the copy-paste check flags only the few lapses put there on purpose."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings: Any, tmp_path: Any) -> dict[str, Any]:
    from luoshi.progress.demo import build
    from luoshi.samples import SAMPLE_DECISION

    return build(SAMPLE_DECISION, is_sample=True, today=dt.date(2026, 11, 20))


def test_a_leader_sees_real_figures_after_the_demo(client: Any, demo: dict[str, Any]) -> None:
    from django.contrib.auth import get_user_model

    from luoshi.dashboard.models import Snapshot

    assert Snapshot.objects.filter(scope="all").exists()  # precomputed by the demo itself
    client.force_login(get_user_model().objects.get(username="leader"))
    data = client.get("/dashboard/?format=json").json()
    assert data["totals"]["tasks"] > 10
    assert sum(data["totals"]["lights"].values()) == data["totals"]["tasks"]
    assert data["decision"]["parts"]
    assert any(r["handed_in"] for r in data["trends"])
    assert data["burden"]["units"]


def test_the_demos_reports_differ_so_that_only_the_deliberate_lapses_are_flagged(
    demo: dict[str, Any],
) -> None:
    from luoshi.progress.models import Report
    from luoshi.supervision.models import CopyFlag

    narratives = list(Report.objects.values_list("narrative", flat=True))
    assert len(set(narratives)) >= len(narratives) - 3
    flags = CopyFlag.objects.count()
    assert 1 <= flags <= 10, flags
