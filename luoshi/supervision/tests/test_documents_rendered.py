"""The 督办单 as LibreOffice lays it out, measured from its PDF against GB/T 9704-2012 (7.2, 7.3.1):
the red mark 35 mm under the top of the type area, the number two lines under it, a red rule as wide
as the type area 4 mm under the number, the title two blank lines under the rule; the receipt as an
attachment on its own page and the 版记 at the foot of the last. Skips without LibreOffice."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.exchange.tests.rendered import TYPE, rendered
from luoshi.supervision import documents
from luoshi.supervision.models import Notice, NoticeKind, Rules
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task

pytestmark = pytest.mark.django_db

LINE_MM = 28.95 * 25.4 / 72


@pytest.fixture
def laid_out(unit_a: Any, clock: Any) -> Any:
    rules = Rules.get()
    rules.copy_to = "自治区党委、政府分管领导"
    rules.save()
    make_supervised_task(unit_a, text="加快推进现代煤化工产业高端化、多元化、低碳化发展。")
    clock(2026, 11, 10)
    Supervisor().run()
    return rendered(documents.to_docx(documents.paper(Notice.objects.get(kind=NoticeKind.ORDER))))


def test_the_red_head_stands_where_the_standard_puts_it(laid_out: Any) -> None:
    lines, rules, _pages = laid_out
    mark = next(line for line in lines if line.red)
    assert mark.text == "督办单"
    assert abs(mark.top - (TYPE["top"] + 35)) <= 1.5  # mm from the top of the page: 72
    assert abs((mark.x0 + mark.x1) / 2 - (TYPE["left"] + TYPE["right"]) / 2) <= 1.0  # centred
    number = next(line for line in lines if line.text.startswith("督办〔"))
    assert 2 * LINE_MM - 1 <= number.top - mark.bottom <= 3 * LINE_MM  # 空二行
    (rule,) = {(r.top, r.x0, r.x1) for r in rules if r.red}
    assert abs(rule[0] - number.bottom - 4) <= 1.0  # 4 mm under the number
    assert abs(rule[1] - TYPE["left"]) <= 0.5
    assert abs(rule[2] - TYPE["right"]) <= 0.5  # as wide as the type area
    title = next(line for line in lines if line.text.startswith("关于督促办理"))
    assert 2 * LINE_MM - 0.5 <= title.top - rule[0] <= 3 * LINE_MM  # two blank lines under the rule
    assert "……" not in "".join(line.text for line in lines)


def test_the_receipt_is_an_attachment_and_the_imprint_closes_the_last_page(laid_out: Any) -> None:
    lines, rules, pages = laid_out
    assert any(line.text == "附件：签收回执" for line in lines)
    attachment = next(line for line in lines if line.text == "附件")
    assert (attachment.page, abs(attachment.x0 - TYPE["left"]) < 0.5) == (pages, True)
    last = sorted((r for r in rules if r.page == pages and not r.red), key=lambda r: r.top)[-3:]
    assert [r.width for r in last] == [1.0, 0.75, 1.0]
    assert abs(last[-1].top - TYPE["bottom"]) <= 0.5
