"""A 督办单's times, read in a real browser: the unit signs for it, and the time of signing reads the
same on its page, in the receipt under it and in its Word file, in local time (Beijing), never UTC.
Issue 11 found the page at 23:21 while the receipt and the Word file said 15:21."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from e2e.helpers import sign_in, sign_out

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)

BEIJING = ZoneInfo("Asia/Shanghai")
MOMENT = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}")


@pytest.fixture
def order() -> SimpleNamespace:
    """A red 督办单 to 示范市能源局, issued by a supervision run on 10 November 2026; then the clock
    runs again, so that the unit signs for it at the real time of the test."""
    from luoshi.ledger.models import DeadlineKind
    from luoshi.ledger.tests.factory import make_decision, make_task, make_unit, make_user
    from luoshi.supervision.models import Notice, NoticeKind
    from luoshi.supervision.supervisor import Supervisor

    energy = make_unit(code="sf-nyj", name="示范市能源局", short="市能源局")
    reporter = make_user("reporter", role="reporter", unit=energy, first_name="李强")
    office = make_user("office", role="office", first_name="王敏")
    make_task(
        decision=make_decision(year=2026),
        lead_unit=energy,
        text="推进风电光伏基地建设。",
        deadline_kind=DeadlineKind.ONGOING,
        assigned_at=dt.datetime(2026, 7, 1, 9, tzinfo=BEIJING),
    )
    with time_machine.travel(dt.datetime(2026, 11, 10, 10, tzinfo=BEIJING), tick=False):
        Supervisor(send=False).run()
    notice = Notice.objects.get(kind=NoticeKind.ORDER)
    return SimpleNamespace(notice=notice, reporter=reporter, office=office)


def word_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_time_of_signing_agrees_on_the_page_the_receipt_and_the_word_file(
    page: Any, order: SimpleNamespace
) -> None:
    from luoshi.supervision.models import Receipt

    url = f"/supervision/notices/{order.notice.pk}/"

    # 1. The unit's reporter opens the 督办单 and signs for it.
    sign_in(page, "reporter")
    page.goto(url)
    expect(page.locator("article.paper")).to_contain_text("督 办 单")
    expect(page.locator(".receipt")).to_contain_text("未签收")
    page.get_by_role("button", name="签收").click()
    expect(page.locator("ul.messages")).to_contain_text("已签收")

    # 2. The page says when, and the receipt under the 督办单 says the same.
    said = page.locator("main p.muted", has_text="签收。").inner_text()
    found = MOMENT.search(said)
    assert found, said
    when = found.group(0)
    expect(page.locator(".receipt")).to_contain_text(f"李强　{when}")

    # 3. So does the Word file downloaded from the page.
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Word（GB/T 9704 版式）").click()
    word = word_text(Path(download.value.path()).read_bytes())
    assert f"李强　{when}" in word

    # 4. The office, reading the same 督办单, sees the same time in its receipt.
    sign_out(page)
    sign_in(page, "office")
    page.goto(url)
    expect(page.locator(".receipt")).to_contain_text(f"李强　{when}")

    # 5. And it is Beijing time, not UTC.
    signed_at = Receipt.objects.get(notice=order.notice).signed_at
    local = signed_at.astimezone(BEIJING)
    assert when == f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    utc = signed_at.astimezone(dt.UTC)
    assert f"{utc:%H:%M}" not in when
    assert f"{utc:%H:%M}" not in page.locator(".receipt").inner_text()
    assert f"{utc:%H:%M}" not in word.split("签收回执")[-1]
