"""Who sees which figures: leaders, the office and auditors everything; a unit its own; no role nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PERSONAS = ["office", "leader", "auditor", "reporter_a", "unit_leader_a", "reporter_b", "stranger"]
EXPECTED = dict.fromkeys(PERSONAS, 200) | {"stranger": 403}
URLS = ["/dashboard/", "/dashboard/?format=json", "/dashboard/units/", "/dashboard/units/?format=json"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", URLS)
def test_every_role_may_open_the_dashboard_and_a_user_without_one_is_refused(
    request: pytest.FixtureRequest, client: Client, world: Any, persona: str, url: str
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == EXPECTED[persona]


@pytest.mark.parametrize("url", URLS)
def test_anyone_not_signed_in_is_sent_to_sign_in(client: Client, world: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["office", "leader", "auditor"])
def test_leaders_the_office_and_auditors_see_every_task(
    as_user: Any, request: Any, world: Any, persona: str
) -> None:
    data = as_user(request.getfixturevalue(persona)).get("/dashboard/?format=json").json()
    assert data["scope"]["kind"] == "all"
    assert data["totals"]["tasks"] == 6


def test_a_reporter_sees_the_figures_of_their_own_units_tasks_only(
    as_user: Any, reporter_a: Any, world: Any
) -> None:
    data = as_user(reporter_a).get("/dashboard/?format=json").json()
    assert data["scope"] == {
        "kind": "unit",
        "unit": reporter_a.luoshi_profile.unit_id,
        "unit_name": "自治区发展和改革委员会",
    }
    assert data["totals"]["tasks"] == 2  # t1 and t2, which unit A leads
    assert data["returned"]["items"] == []  # unit B's returned report is not theirs
    assert [b["unit"] for b in data["burden"]["units"]] == [reporter_a.luoshi_profile.unit_id]
    assert data["burden"]["totals"] is None


def test_a_league_sees_the_sub_tasks_it_cascaded_to_its_banners(
    as_user: Any, league_reporter: Any, world: Any, banner: Any
) -> None:
    from luoshi.ledger.tests.factory import make_task

    sub = make_task(decision=world["decision"], parent=world["t7"], lead_unit=banner)
    client = as_user(league_reporter)
    data = client.get("/dashboard/?format=json").json()
    assert data["totals"]["tasks"] == 1  # t7, with the sub-task cascaded from it counted through it
    listed = client.get("/tasks/?format=json").json()["tasks"]
    assert {t["id"] for t in listed} == {world["t7"].pk, sub.pk}  # both are in the league's list
    counted = client.get(data["totals"]["tasks_url"] + "&format=json").json()
    assert counted["count"] == 1


def test_two_members_of_a_unit_share_its_figures_and_another_unit_never_gets_them(
    as_user: Any, reporter_a: Any, unit_leader_a: Any, reporter_b: Any, world: Any
) -> None:
    first = as_user(reporter_a).get("/dashboard/?format=json").json()
    second = as_user(unit_leader_a).get("/dashboard/?format=json").json()
    other = as_user(reporter_b).get("/dashboard/?format=json").json()
    assert first["totals"] == second["totals"]
    assert other["scope"]["unit"] != first["scope"]["unit"]
    assert other["totals"]["tasks"] == 3
    assert {u["id"] for u in other["units"]} >= {reporter_b.luoshi_profile.unit_id}


def test_a_guessed_decision_id_answers_404_for_a_unit_without_tasks_in_it(
    as_user: Any, reporter_a: Any, office: Any, world: Any
) -> None:
    from luoshi.ledger.tests.factory import make_decision, make_task

    elsewhere = make_decision(title="别的决定")
    make_task(decision=elsewhere)
    client = as_user(reporter_a)
    assert client.get(f"/dashboard/?decision={elsewhere.pk}").status_code == 404
    assert client.get(f"/dashboard/?decision={elsewhere.pk}&format=json").status_code == 404
    assert client.get("/dashboard/?decision=999999&format=json").status_code == 404
    assert client.get(f"/dashboard/?decision={world['decision'].pk}&format=json").status_code == 200
    assert as_user(office).get(f"/dashboard/?decision={elsewhere.pk}&format=json").status_code == 200


@pytest.mark.parametrize(("persona", "status"), [("office", 302), ("leader", 403), ("reporter_a", 403)])
def test_only_the_office_may_ask_for_the_figures_to_be_recomputed_at_once(
    request: pytest.FixtureRequest, client: Client, world: Any, persona: str, status: int
) -> None:
    client.force_login(request.getfixturevalue(persona))
    assert client.post("/dashboard/refresh/").status_code == status
    assert client.get("/dashboard/refresh/").status_code in {403, 405}


def test_a_leader_lands_on_the_dashboard_and_every_role_has_it_in_the_navigation(
    as_user: Any, leader: Any, reporter_a: Any
) -> None:
    client = as_user(leader)
    assert client.get("/")["Location"] == "/dashboard/"
    assert 'href="/dashboard/">驾驶舱</a>' in client.get("/tasks/").content.decode()
    assert 'href="/dashboard/">驾驶舱</a>' in as_user(reporter_a).get("/tasks/").content.decode()
