"""An uploaded sheet is parsed once, when it is uploaded: its preview, viewed again and again while
the office checks it, and the apply read what was kept (a workbook that took 91 s to parse used to be
parsed again on every view of its preview, 44 s each)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.urls import reverse

from luoshi.exchange import importing, parsed
from luoshi.exchange.models import SheetImport

from .helpers import edit, upload

pytestmark = pytest.mark.django_db


def test_the_preview_and_the_apply_do_not_parse_the_workbook_again(
    as_user: Any, office: Any, plan: Any
) -> None:
    client = as_user(office)
    data = edit(
        client.get(reverse("exchange:export") + f"?decision={plan.decision.pk}").content,
        {(plan.a.pk, "责任人"): "赵六"},
    )
    with mock.patch.object(importing, "read", wraps=importing.read) as read:
        response = client.post(reverse("exchange:import-upload"), {"file": upload(data)})
        assert response.status_code == 302
        previews = [client.get(response["Location"] + "?format=json").json() for _ in range(3)]
        applied = client.post(response["Location"])
    assert read.call_count == 1
    assert previews[0] == previews[2]  # the same report each time, from what was kept
    assert applied.status_code in {200, 302}


def test_what_is_kept_reads_back_as_the_same_sheet() -> None:
    sheet = importing.Sheet(
        kind=importing.PLAN,
        headers={"任务标识": 0, "完成时限": 1},
        rows=[(4, [12, dt.datetime(2025, 12, 31, 0, 0), "长期坚持", None, 3.5, True, dt.time(9, 30)])],
        snapshot={12: {"responsible": "张三", "deadline": ["date", "2025-12-31", ""]}},
    )
    assert parsed.loads(parsed.dumps(sheet)) == sheet


def test_an_upload_kept_before_sheets_were_kept_is_parsed_once_on_its_first_view(
    as_user: Any, office: Any, plan: Any
) -> None:
    client = as_user(office)
    data = client.get(reverse("exchange:export") + f"?decision={plan.decision.pk}").content
    response = client.post(reverse("exchange:import-upload"), {"file": upload(data)})
    record = SheetImport.objects.get()
    record.file.storage.delete(record.file.name + parsed.SUFFIX)
    with mock.patch.object(importing, "read", wraps=importing.read) as read:
        client.get(response["Location"])
        client.get(response["Location"])
    assert read.call_count == 1
