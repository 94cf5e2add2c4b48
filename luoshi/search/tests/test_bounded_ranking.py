"""A phrase found everywhere does not make search rank the whole index: the newest matches the user may
read are ranked, the count says when it is not the whole, and what a user may not read never shows nor
crowds out what they may."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.ledger.tests.factory import make_task
from luoshi.search import query, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(unit_a: Any, unit_b: Any) -> dict[str, list[Any]]:
    return {
        "a": [make_task(lead_unit=unit_a, text=f"按计划推进第{n}项工作。") for n in range(8)],
        "b": [make_task(lead_unit=unit_b, text=f"按计划推进第{n}项教育工作。") for n in range(4)],
    }


def test_below_the_bound_every_match_is_ranked_and_counted_exactly(many: Any, office: Any) -> None:
    found = search(office, "按计划推进")
    assert (found.count, found.count_exact) == (12, True)


def test_above_the_bound_the_newest_matches_are_ranked_and_the_count_says_so(
    many: Any, office: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "CANDIDATES", 5)
    found = search(office, "按计划推进", per_page=50)
    assert found.count_exact is False
    assert found.count == 5
    newest = sorted((t.pk for t in many["a"] + many["b"]), reverse=True)[:5]
    assert sorted((h.object_id for h in found.hits), reverse=True) == newest


def test_the_bound_never_lets_a_user_see_what_they_may_not_read(
    many: Any, reporter_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "CANDIDATES", 6)
    found = search(reporter_a, "按计划推进", per_page=50)
    mine = {t.pk for t in many["a"]}
    assert {h.object_id for h in found.hits} <= mine


def test_the_page_and_the_api_say_the_count_is_not_the_whole(
    many: Any, office: Any, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "CANDIDATES", 5)
    client = as_user(office)
    page = client.get("/search/?q=按计划推进").content.decode()
    assert "匹配的结果很多" in page
    assert client.get("/search/?q=按计划推进&format=json").json()["count_exact"] is False
    from luoshi.api.models import ApiToken

    token = ApiToken.issue(user=office, name="t", by=None)[1]
    api = client.get("/api/v1/search?q=按计划推进", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert (api["count"], api["count_exact"]) == (5, False)


def test_a_unit_finds_its_own_records_however_many_newer_ones_of_others_match(
    unit_a: Any, unit_b: Any, reporter_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = [make_task(lead_unit=unit_a, text=f"按计划推进第{n}项工作。") for n in range(3)]
    for n in range(8):
        make_task(lead_unit=unit_b, text=f"按计划推进第{n}项教育工作。")
    monkeypatch.setattr(query, "CANDIDATES", 5)
    found = search(reporter_a, "按计划推进", per_page=50)
    assert (found.count, found.count_exact) == (3, True)
    assert {h.object_id for h in found.hits} == {t.pk for t in mine}


def test_the_bound_counts_only_what_the_user_may_read(
    unit_a: Any, unit_b: Any, reporter_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = [make_task(lead_unit=unit_a, text=f"按计划推进第{n}项工作。") for n in range(7)]
    for n in range(8):
        make_task(lead_unit=unit_b, text=f"按计划推进第{n}项教育工作。")
    monkeypatch.setattr(query, "CANDIDATES", 5)
    found = search(reporter_a, "按计划推进", per_page=50)
    assert (found.count, found.count_exact) == (5, False)
    assert {h.object_id for h in found.hits} == {t.pk for t in mine[-5:]}
