"""The supervision screens as each persona uses them, then the database checked."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from luoshi.supervision.models import (
    CopyFlag,
    Holiday,
    Notice,
    NoticeKind,
    Receipt,
    Request,
    RequestState,
    Suspension,
)
from luoshi.supervision.supervisor import Supervisor

from .factory import hand_in, make_supervised_task

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def world(unit_a: Any, unit_b: Any, clock: Any) -> dict[str, Any]:
    """Each unit leads one task with its third-quarter report missing, 5 working days late."""
    a = make_supervised_task(unit_a, text="推进煤炭清洁高效利用。", deadline=D(2026, 12, 31), percent=70)
    b = make_supervised_task(unit_b, text="办好人民满意的教育。")
    clock(2026, 10, 20)
    Supervisor().run()
    return {"a": a, "b": b, "order_a": Notice.objects.get(task=a, kind=NoticeKind.ORDER)}


def test_the_office_sees_the_dashboard_with_counts_and_red_tasks(
    as_user: Any, office: Any, world: Any
) -> None:
    page = as_user(office).get(reverse("supervision:dashboard")).content.decode()
    assert "推进煤炭清洁高效利用" in page
    assert "2026年第三季度报告自2026年10月14日起未报送" in page
    data = as_user(office).get(reverse("supervision:dashboard") + "?format=json").json()
    assert data["tasks"]["red"] == 2


def test_a_unit_sees_only_its_own_lights_and_notices(as_user: Any, reporter_b: Any, world: Any) -> None:
    client = as_user(reporter_b)
    lights = client.get(reverse("supervision:light-list") + "?format=json").json()
    assert [x["task"] for x in lights["lights"]] == [world["b"].pk]
    notices = client.get(reverse("supervision:notice-list") + "?format=json").json()
    assert {n["task"] for n in notices["notices"]} == {world["b"].pk}
    other = client.get(reverse("supervision:notice-detail", args=[world["order_a"].pk]))
    assert other.status_code == 404


def test_a_reporter_signs_for_an_order_in_the_app(as_user: Any, reporter_a: Any, world: Any) -> None:
    order = world["order_a"]
    client = as_user(reporter_a)
    page = client.get(reverse("supervision:notice-detail", args=[order.pk])).content.decode()
    assert "督办〔2026〕" in page
    assert "签收" in page
    client.post(reverse("supervision:notice-sign", args=[order.pk]))
    receipt = Receipt.objects.get(notice=order)
    assert receipt.signed_by == reporter_a
    assert "已于" in client.get(reverse("supervision:notice-detail", args=[order.pk])).content.decode()


def test_another_unit_cannot_sign(as_user: Any, reporter_b: Any, world: Any) -> None:
    response = as_user(reporter_b).post(reverse("supervision:notice-sign", args=[world["order_a"].pk]))
    assert response.status_code == 404
    assert Receipt.objects.get(notice=world["order_a"]).signed_at is None


def test_an_order_downloads_as_word(as_user: Any, unit_leader_a: Any, world: Any) -> None:
    response = as_user(unit_leader_a).get(reverse("supervision:notice-docx", args=[world["order_a"].pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    assert any("推进煤炭清洁高效利用" in p.text for p in doc.paragraphs)


def test_a_unit_files_an_extension_and_the_office_approves_it(
    as_user: Any, reporter_a: Any, office: Any, world: Any
) -> None:
    task = world["a"]
    response = as_user(reporter_a).post(
        reverse("supervision:request-new", args=[task.pk]),
        {"kind": "extension", "reason": "设备到货延迟", "new_date": "2027-03-31"},
    )
    req = Request.objects.get()
    assert response["Location"] == reverse("supervision:request-detail", args=[req.pk])
    as_user(office).post(
        reverse("supervision:request-detail", args=[req.pk]), {"action": "approve", "note": "同意"}
    )
    req.refresh_from_db()
    task.refresh_from_db()
    assert req.state == RequestState.APPROVED
    assert task.deadline == D(2027, 3, 31)


def test_a_completion_request_without_evidence_is_refused_with_a_message(
    as_user: Any, reporter_a: Any, world: Any
) -> None:
    response = as_user(reporter_a).post(
        reverse("supervision:request-new", args=[world["a"].pk]), {"kind": "completion", "reason": "已完成"}
    )
    assert response.status_code == 200
    assert "办结申请须附佐证材料" in response.content.decode()
    upload = SimpleUploadedFile("验收.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    as_user(reporter_a).post(
        reverse("supervision:request-new", args=[world["a"].pk]),
        {"kind": "completion", "reason": "已完成", "files": [upload]},
    )
    req = Request.objects.get()
    download = as_user(reporter_a).get(reverse("supervision:request-file", args=[req.files.get().pk]))
    assert download.status_code == 200


def test_a_co_operating_or_other_unit_cannot_file(as_user: Any, reporter_b: Any, world: Any) -> None:
    response = as_user(reporter_b).get(reverse("supervision:request-new", args=[world["a"].pk]))
    assert response.status_code == 404


def test_the_office_suspends_a_task_with_a_reason(
    as_user: Any, office: Any, reporter_a: Any, world: Any
) -> None:
    task = world["a"]
    as_user(office).post(reverse("supervision:task-suspend", args=[task.pk]), {"reason": "等待国家批复"})
    assert Suspension.objects.get().reason == "等待国家批复"
    forbidden = as_user(reporter_a).post(reverse("supervision:task-suspend", args=[task.pk]), {"reason": "x"})
    assert forbidden.status_code == 403
    page = as_user(office).get(reverse("supervision:task-supervision", args=[task.pk])).content.decode()
    assert "等待国家批复" in page


def test_the_office_reads_a_copy_flag_side_by_side_and_dismisses_it(
    as_user: Any, office: Any, unit_a: Any, clock: Any
) -> None:
    task = make_supervised_task(unit_a, assigned=D(2026, 4, 1))
    text = "本季度完成草原生态保护补助奖励资金发放2.3亿元，落实禁牧面积1200万亩、草畜平衡面积3400万亩。"
    hand_in(task, unit_a, "2026Q2", narrative=text, percent=40)
    hand_in(task, unit_a, "2026Q3", narrative=text.replace("2.3", "2.8"), percent=40)
    clock(2026, 10, 20)
    Supervisor().run()
    flag = CopyFlag.objects.get(kind="same_unit")
    page = as_user(office).get(reverse("supervision:copy-detail", args=[flag.pk])).content.decode()
    assert "<mark>8</mark>" in page
    as_user(office).post(reverse("supervision:copy-detail", args=[flag.pk]), {"note": "确属同一项工作"})
    flag.refresh_from_db()
    assert flag.dismissed_by == office


def test_units_cannot_read_copy_flags_assessment_or_burden(as_user: Any, reporter_a: Any, world: Any) -> None:
    client = as_user(reporter_a)
    for name in (
        "supervision:copy-list",
        "supervision:assessment",
        "supervision:burden",
        "supervision:holidays",
    ):
        assert client.get(reverse(name)).status_code == 403, name


def test_the_burden_table_counts_what_each_unit_owes_a_year(as_user: Any, leader: Any, world: Any) -> None:
    data = as_user(leader).get(reverse("supervision:burden") + "?format=json").json()
    rows = {r["name"]: r for r in data["units"]}
    assert rows["自治区发展和改革委员会"]["reports_per_year"] == 4
    assert rows["自治区发展和改革委员会"]["notices_365d"] == 1
    assert data["totals"]["reports_per_year"] == 8
    xlsx = as_user(leader).get(reverse("supervision:burden") + "?format=xlsx")
    assert xlsx.status_code == 200


def test_the_office_enters_a_holiday_for_a_year_beyond_the_calendar(
    as_user: Any, office: Any, leader: Any, clock: Any
) -> None:
    clock(2026, 12, 1)
    page = as_user(office).get(reverse("supervision:holidays")).content.decode()
    assert "2027年的法定节假日安排尚未录入" in page
    as_user(office).post(
        reverse("supervision:holidays"), {"start": "2027-01-01", "is_workday": "0", "name": "元旦"}
    )
    assert Holiday.objects.get().date == D(2027, 1, 1)
    assert "督查室录入的节假日安排" in as_user(office).get(reverse("supervision:holidays")).content.decode()
    refused = as_user(leader).post(
        reverse("supervision:holidays"), {"start": "2027-01-02", "is_workday": "0"}
    )
    assert refused.status_code == 403


def test_every_screen_renders_in_english_too(as_user: Any, office: Any, world: Any) -> None:
    client = as_user(office)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("supervision:dashboard")).content.decode()
    assert "Supervision overview" in page
    assert "not submitted since 14 October 2026" in page
