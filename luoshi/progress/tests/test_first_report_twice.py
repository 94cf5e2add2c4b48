"""The same period's report started twice (two tabs, a double click, two colleagues): the first save
wins, and the second writer is told so, with what they typed still in front of them — never a 500,
never their text thrown away in silence (on SQLite, 19 of 20 identical submissions used to vanish
into a redirect; on PostgreSQL, 15 answered 500)."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.urls import reverse

from luoshi.ledger.tests.factory import make_task
from luoshi.progress.models import Report

pytestmark = pytest.mark.django_db


def _form(text: str, **extra: Any) -> dict[str, Any]:
    return {"narrative": text, "percent": 10, "claim": "on_track", **extra}


def test_the_second_first_save_keeps_its_text_and_says_who_saved_first(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    task = make_task(lead_unit=unit_a)
    url = reverse("progress:report-for-task", args=[task.pk])
    client = as_user(reporter_a)
    assert client.post(url, _form("第一个标签页写的内容。")).status_code == 302
    response = client.post(url, _form("第二个标签页写的内容。"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "第二个标签页写的内容。" in page  # still in the form
    assert "尚未保存" in page
    assert "李强" in page
    (report,) = Report.objects.filter(task=task)
    assert report.narrative == "第一个标签页写的内容。"
    assert f'action="{reverse("progress:report-edit", args=[report.pk])}"' in page


def test_saving_again_after_the_message_replaces_the_report_on_purpose(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    task = make_task(lead_unit=unit_a)
    client = as_user(reporter_a)
    client.post(reverse("progress:report-for-task", args=[task.pk]), _form("先保存的。"))
    report = Report.objects.get(task=task)
    response = client.post(
        reverse("progress:report-edit", args=[report.pk]), _form("看过提示后保存的。", version=report.version)
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.narrative == "看过提示后保存的。"


def test_when_both_pass_the_check_at_once_the_database_decides_and_the_loser_is_told(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    """Both requests looked for the report before either saved it (PostgreSQL, no write lock):
    the unique constraint refuses the second insert, and that writer gets the same message."""
    task = make_task(lead_unit=unit_a)
    client = as_user(reporter_a)
    client.post(reverse("progress:report-for-task", args=[task.pk]), _form("赢的一方。"))
    real_filter = Report.objects.filter
    calls = {"n": 0}

    def not_yet_there(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        qs = real_filter(*args, **kwargs)
        return qs.none() if calls["n"] == 1 else qs  # the view's first look finds nothing

    with mock.patch.object(Report.objects, "filter", side_effect=not_yet_there):
        response = client.post(reverse("progress:report-for-task", args=[task.pk]), _form("输的一方。"))
    assert response.status_code == 409
    assert "输的一方。" in response.content.decode()
    assert Report.objects.get(task=task).narrative == "赢的一方。"


def test_a_submitted_report_is_not_offered_for_replacement(
    as_user: Any, reporter_a: Any, unit_a: Any
) -> None:
    task = make_task(lead_unit=unit_a)
    client = as_user(reporter_a)
    client.post(reverse("progress:report-for-task", args=[task.pk]), _form("已提交的。", submit="1"))
    response = client.post(reverse("progress:report-for-task", args=[task.pk]), _form("晚到的。"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "晚到的。" in page
    assert "不能再替换" in page
    assert "保存并提交" not in page
