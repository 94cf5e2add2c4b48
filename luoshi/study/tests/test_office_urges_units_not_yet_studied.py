"""The office sends a 催办 to the units that have not studied a decision yet, through the supervision
ladder's notices: each unit finds it in its inbox, with the reason in words; a second press the same
day sends nothing twice; the action is on the audit trail; only the office may."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from luoshi.ledger.models import AuditEntry
from luoshi.ledger.tests.factory import make_decision, make_task
from luoshi.study.models import StudySession
from luoshi.supervision.models import Notice, NoticeKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(unit_a: Any, unit_b: Any) -> Any:
    d = make_decision(title="关于建设美丽示范市的决定")
    make_task(decision=d, lead_unit=unit_a, co_units=[unit_b])
    StudySession.objects.create(
        decision=d,
        unit=unit_a,
        held_on=timezone.localdate() - dt.timedelta(days=1),
        form="group",
        title="学习",
        led_by="书记",
        attendance=9,
    )
    return d


def test_the_units_not_yet_studied_are_urged_once_a_day(
    as_user: Any, office: Any, reporter_b: Any, decision: Any, unit_a: Any, unit_b: Any
) -> None:
    client = as_user(office)
    page = client.post(f"/study/decisions/{decision.pk}/urge/", follow=True).content.decode()
    assert "已向1个尚未学习的单位发出催办" in page
    notice = Notice.objects.get(kind=NoticeKind.URGE)
    assert (notice.unit_id, notice.task_id) == (unit_b.pk, None)
    assert notice.title == "催办：学习宣传贯彻《关于建设美丽示范市的决定》"
    assert notice.reason == "尚未登记学习《关于建设美丽示范市的决定》的情况"
    assert AuditEntry.objects.filter(model="ledger.decision", action="urge").count() == 1
    again = client.post(f"/study/decisions/{decision.pk}/urge/", follow=True).content.decode()
    assert "今天已向这些单位发出过催办" in again
    assert Notice.objects.filter(kind=NoticeKind.URGE).count() == 1
    inbox = as_user(reporter_b).get("/supervision/notices/").content.decode()
    assert "催办：学习宣传贯彻" in inbox
    assert as_user(reporter_b).get(f"/supervision/notices/{notice.pk}/").status_code == 200


def test_only_the_office_urges(as_user: Any, leader: Any, reporter_a: Any, decision: Any) -> None:
    assert as_user(leader).post(f"/study/decisions/{decision.pk}/urge/").status_code == 403
    assert as_user(reporter_a).post(f"/study/decisions/{decision.pk}/urge/").status_code == 403
    assert not Notice.objects.exists()
