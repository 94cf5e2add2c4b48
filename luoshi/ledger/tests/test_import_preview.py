"""The import preview: the warnings above it, and the office's choices (leave out, pull in, retype)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.ledger.models import AuditEntry, Decision, Revision

from .test_import_choices import REPORT

pytestmark = pytest.mark.django_db

# without its date line, and with headings that name no year: nothing tells the year of 今年
UNDATED = (
    REPORT.replace("——2026年1月10日在示范市第十届人民代表大会第五次会议上\n", "")
    .replace("一、2025年工作回顾", "一、过去一年工作回顾")
    .replace("二、2026年重点工作", "二、今年重点工作")
)


def upload(client: Any, text: str, name: str = "report.txt") -> str:
    response = client.post(reverse("ledger:import-upload"), {"file": SimpleUploadedFile(name, text.encode())})
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def test_the_preview_says_what_the_reading_is_unsure_of_above_the_items(as_user: Any, office: Any) -> None:
    client = as_user(office)
    page = client.get(upload(client, UNDATED)).content.decode()
    warning = (
        "没有找到文件的年份（如成文日期），2 条任务中“今年”“明年”等的目标因此没有年份。导入时请填写文件年份。"
    )
    assert warning in page
    assert page.index(warning) < page.index('id="item-2.1.1"')
    assert 'href="#item-2.1.1"' in page
    assert "year_missing" not in page.replace('data-code="year_missing"', "")


def test_the_warnings_are_in_english_for_an_english_interface(as_user: Any, office: Any) -> None:
    client = as_user(office)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(upload(client, UNDATED)).content.decode()
    assert "The document&#x27;s year (such as its date) was not found" in page
    assert "没有找到文件的年份" not in page


def test_giving_the_year_in_the_preview_reads_the_text_again_with_it(as_user: Any, office: Any) -> None:
    client = as_user(office)
    preview = upload(client, UNDATED)
    client.post(preview, {"set_year": "1", "year": "2026"})
    assert Revision.objects.get().year == 2026
    page = client.get(preview).content.decode()
    assert "没有找到文件的年份" not in page
    assert not Decision.objects.exists()


def test_the_review_and_the_preamble_are_shown_unticked_and_the_tasks_ticked(
    as_user: Any, office: Any
) -> None:
    client = as_user(office)
    page = client.get(upload(client, REPORT)).content.decode()
    for key in ("0.1", "1.1", "1.2"):
        assert f'name="include" value="{key}" id="include-{key}">' in page
    for key in ("2.1.1", "2.1.2", "2.2.1"):
        assert f'name="include" value="{key}" id="include-{key}" checked>' in page
    assert '<option value="review" selected>回顾</option>' in page
    assert "将导入 3 项任务。" in page
    assert "3 项不导入。" in page


def test_the_office_leaves_an_item_out_pulls_a_review_item_in_and_retypes_one(
    as_user: Any, office: Any
) -> None:
    client = as_user(office)
    preview = upload(client, REPORT)
    shown = ["0.1", "1.1", "1.2", "2.1.1", "2.1.2", "2.2.1"]
    done = client.post(
        preview,
        {
            "item": shown,
            "include": ["1.1", "2.1.1", "2.2.1"],
            **{f"kind-{k}": "" for k in shown},
            "kind-2.2.1": "programme",
        },
    )
    decision = Decision.objects.get()
    assert done["Location"] == reverse("ledger:decision-detail", args=[decision.pk])
    assert list(decision.tasks.order_by("order").values_list("key", "kind")) == [
        ("1.1", "review"),
        ("2.1.1", "target"),
        ("2.2.1", "programme"),
    ]
    entry = AuditEntry.objects.get(action="import_choices")
    assert entry.actor == office
    assert "纳入 1 条本不导入的条目：1.1" in entry.note
    assert "改变类型 1 条：2.2.1 目标→项目" in entry.note


def test_leaving_everything_out_imports_nothing_and_says_why(as_user: Any, office: Any) -> None:
    client = as_user(office)
    preview = upload(client, REPORT)
    shown = ["0.1", "1.1", "1.2", "2.1.1", "2.1.2", "2.2.1"]
    response = client.post(preview, {"item": shown}, follow=True)
    assert "所有条目都被排除了，没有导入。请至少勾选一条。" in response.content.decode()
    assert not Decision.objects.exists()
    assert Revision.objects.get().applied_at is None


def test_only_the_office_may_preview_or_confirm(as_user: Any, office: Any, leader: Any) -> None:
    preview = upload(as_user(office), REPORT)
    client = as_user(leader)
    assert client.get(preview).status_code == 403
    assert client.post(preview, {"item": ["2.1.1"]}).status_code == 403
    assert not Decision.objects.exists()
