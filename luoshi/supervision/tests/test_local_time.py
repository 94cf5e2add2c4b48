"""A 督办单 signed late in the evening reads the same local hour on its page, its receipt and its Word
file: the case of issue 11 (page 23:21, receipt and Word 15:21, which was UTC)."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from luoshi.supervision.models import Notice, NoticeKind
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task

pytestmark = pytest.mark.django_db

SIGNED_UTC = dt.datetime(2026, 12, 3, 15, 21, tzinfo=dt.UTC)  # 23:21 in Beijing


@pytest.fixture
def signed_order(unit_a: Any, reporter_a: Any, clock: Any, time_machine: Any) -> Notice:
    make_supervised_task(unit_a)
    clock(2026, 11, 10)
    Supervisor().run()
    order = Notice.objects.get(kind=NoticeKind.ORDER)
    time_machine.move_to(SIGNED_UTC, tick=False)
    order.receipts.get().sign(by=reporter_a)
    return order


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_page_the_receipt_and_the_word_file_show_the_same_local_time(
    signed_order: Notice, office: Any, as_user: Any
) -> None:
    client = as_user(office)
    page = client.get(reverse("supervision:notice-detail", args=[signed_order.pk])).content.decode()
    word = docx_text(client.get(reverse("supervision:notice-docx", args=[signed_order.pk])).content)
    receipt = re.search(r'<div class="receipt">.*?</div>', page, flags=re.S)
    assert receipt is not None
    for surface in (page, receipt.group(0), word):
        assert "2026年12月3日 23:21" in surface
        assert "15:21" not in surface


def test_the_unit_that_signed_reads_when_it_signed_in_its_own_hour(
    signed_order: Notice, reporter_a: Any, as_user: Any
) -> None:
    page = as_user(reporter_a).get(reverse("supervision:notice-detail", args=[signed_order.pk]))
    assert "李强 已于 2026年12月3日 23:21 签收。" in page.content.decode()


def test_another_time_zone_moves_every_surface_alike(
    signed_order: Notice, office: Any, as_user: Any, settings: Any
) -> None:
    settings.TIME_ZONE = "Asia/Urumqi"  # UTC+6
    client = as_user(office)
    page = client.get(reverse("supervision:notice-detail", args=[signed_order.pk])).content.decode()
    word = docx_text(client.get(reverse("supervision:notice-docx", args=[signed_order.pk])).content)
    assert "2026年12月3日 21:21" in page
    assert "2026年12月3日 21:21" in word
