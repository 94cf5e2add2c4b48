"""A unit records its study sessions, with evidence, and sees only its own; the office sees all and
may record for any unit; a session is withdrawn with a reason, never deleted; dates in local time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from luoshi.ledger.models import AuditEntry
from luoshi.ledger.tests.factory import make_decision
from luoshi.study.models import SessionFile, StudySession

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _form(decision: Any, unit: Any, **extra: Any) -> dict[str, Any]:
    return {
        "decision": decision.pk,
        "unit": unit.pk,
        "held_on": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
        "form": "group",
        "title": "传达学习全会精神",
        "led_by": "张书记",
        "attendance": 23,
        "material": "《决定》全文",
        "summary": "",
        **extra,
    }


def test_a_reporter_records_a_session_with_its_sign_in_sheet(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    d = make_decision()
    client = as_user(reporter_a)
    data = _form(d, unit_a, evidence=SimpleUploadedFile("签到表.pdf", PDF, content_type="application/pdf"))
    response = client.post("/study/sessions/new/", data)
    assert response.status_code == 302
    s = StudySession.objects.get()
    assert (s.unit, s.attendance, s.led_by, s.created_by) == (unit_a, 23, "张书记", reporter_a)
    assert SessionFile.objects.get().name == "签到表.pdf"
    page = client.get(response["Location"]).content.decode()
    assert "理论学习中心组学习" in page
    assert "签到表.pdf" in page
    assert AuditEntry.objects.filter(model="study.studysession", action="create").exists()


def test_a_reporter_cannot_record_for_another_unit(as_user: Any, reporter_a: Any, unit_b: Any) -> None:
    d = make_decision()
    page = as_user(reporter_a).post("/study/sessions/new/", _form(d, unit_b)).content.decode()
    assert StudySession.objects.count() == 0
    assert "errorlist" in page


def test_a_unit_sees_its_own_sessions_and_the_office_sees_all(
    as_user: Any, office: Any, reporter_a: Any, reporter_b: Any, unit_a: Any, unit_b: Any
) -> None:
    d = make_decision()
    client = as_user(office)
    assert client.post("/study/sessions/new/", _form(d, unit_a)).status_code == 302
    assert client.post("/study/sessions/new/", _form(d, unit_b, title="专题宣讲")).status_code == 302
    assert as_user(office).get("/study/sessions/?format=json").json()["count"] == 2
    mine = as_user(reporter_a).get("/study/sessions/?format=json").json()
    assert [s["unit"] for s in mine["sessions"]] == [unit_a.pk]
    other = StudySession.objects.get(unit=unit_b)
    assert as_user(reporter_a).get(f"/study/sessions/{other.pk}/").status_code == 404


def test_a_session_in_the_future_or_with_no_one_attending_is_refused(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    d = make_decision()
    client = as_user(reporter_a)
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    page = client.post("/study/sessions/new/", _form(d, unit_a, held_on=future)).content.decode()
    assert "学习日期不能晚于今天" in page
    page = client.post("/study/sessions/new/", _form(d, unit_a, attendance=0)).content.decode()
    assert "参加人数至少为1人" in page
    page = client.post("/study/sessions/new/", _form(d, unit_a, held_on="2026-13-45")).content.decode()
    assert "年-月-日" in page
    assert StudySession.objects.count() == 0


def test_a_withdrawn_session_stays_on_record_and_needs_a_reason(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    d = make_decision()
    client = as_user(reporter_a)
    client.post("/study/sessions/new/", _form(d, unit_a))
    s = StudySession.objects.get()
    page = client.post(f"/study/sessions/{s.pk}/withdraw/", {"reason": ""}, follow=True).content.decode()
    s.refresh_from_db()
    assert not s.withdrawn
    client.post(f"/study/sessions/{s.pk}/withdraw/", {"reason": "重复登记"})
    s.refresh_from_db()
    assert s.withdrawn
    assert s.withdrawn_reason == "重复登记"
    page = client.get(f"/study/sessions/{s.pk}/").content.decode()
    assert "已撤回" in page
    assert "重复登记" in page
    assert client.get(f"/study/sessions/{s.pk}/edit/").status_code == 403


def test_an_upload_that_is_not_what_it_claims_is_refused(as_user: Any, reporter_a: Any, unit_a: Any) -> None:
    d = make_decision()
    client = as_user(reporter_a)
    client.post("/study/sessions/new/", _form(d, unit_a))
    s = StudySession.objects.get()
    fake = SimpleUploadedFile("照片.jpg", b"MZ\x90\x00 not a picture", content_type="image/jpeg")
    page = client.post(f"/study/sessions/{s.pk}/files/", {"file": fake}, follow=True).content.decode()
    assert SessionFile.objects.count() == 0
    assert "messages" in page


def test_a_leader_reads_sessions_but_records_none(as_user: Any, leader: Any) -> None:
    client = as_user(leader)
    assert client.get("/study/sessions/").status_code == 200
    assert client.get("/study/sessions/new/").status_code == 403
