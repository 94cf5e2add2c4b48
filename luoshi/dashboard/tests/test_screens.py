"""The page as a leader reads it: every block, in Chinese (English on request), printable, no outside asset."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_page_shows_every_block_with_numbers_in_text_and_links(
    as_user: Any, leader: Any, world: Any
) -> None:
    page = as_user(leader).get("/dashboard/").content.decode()
    for heading in (
        "总体情况",
        "按部分和章节",
        "按盟市",
        "按单位",
        "逾期未完成",
        "报告被退回",
        "量化目标按交付信心",
        "各季度趋势",
        "报送负担",
    ):
        assert f">{heading}" in page, heading
    assert "一、总体要求" in page
    assert "（一）产业发展" in page
    assert 'href="/tasks/?subtasks=in_parent&amp;light=red"' in page
    assert f'href="/tasks/?league={world["t7"].lead_unit_id}&amp;subtasks=in_parent&amp;light=done"' in page
    assert "鄂尔多斯" in page
    assert "正常" in page
    assert 'role="img"' in page
    assert "<desc>" in page


def test_a_decision_is_chosen_from_a_list_when_there_are_several(
    as_user: Any, office: Any, world: Any
) -> None:
    from luoshi.ledger.tests.factory import make_decision, make_task

    other = make_decision(title="关于另一件事的决定")
    make_task(decision=other)
    client = as_user(office)
    page = client.get("/dashboard/").content.decode()
    assert 'name="decision"' in page
    chosen = client.get(f"/dashboard/?decision={world['decision'].pk}").content.decode()
    assert "<h3>关于测试的决定</h3>" in chosen


def test_the_page_reads_in_english_when_the_user_chooses_it(client: Any, leader: Any, world: Any) -> None:
    client.force_login(leader)
    client.post("/i18n/setlang/", {"language": "en", "next": "/dashboard/"})
    page = client.get("/dashboard/").content.decode()
    assert "Leaders&#x27; dashboard" in page or "Leaders' dashboard" in page
    assert "By league or city" in page
    assert "Reporting burden" in page


def test_the_page_serves_its_own_stylesheet_with_a_print_section_and_nothing_from_outside(
    as_user: Any, leader: Any, world: Any
) -> None:
    client = as_user(leader)
    page = client.get("/dashboard/").content.decode()
    assert re.findall(r"""(?:src|href)=["']?(https?:)?//""", page) == []
    assert "<script" not in page
    css = b"".join(client.get("/static/dashboard/dashboard.css").streaming_content).decode()
    assert "@media print" in css


def test_the_units_page_lists_every_unit_worst_first(
    as_user: Any, office: Any, world: Any, unit_a: Any
) -> None:
    client = as_user(office)
    data = client.get("/dashboard/units/?format=json").json()
    assert data["units"][0]["id"] == unit_a.pk
    assert len(data["units"]) == 5
    assert "自治区发展和改革委员会" in client.get("/dashboard/units/").content.decode()
