"""Every indicator view, every persona, on direct URLs and guessed ids.

200: the page; 302 to sign in: anonymous; 403: signed in but the role may not; 404: no such object,
or a target of a task the persona may not read. A target's assessment is read by whoever may read
its task (the office, leaders and auditors all; a unit its own tasks'); changing is the office's.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from luoshi.indicators.models import ConfidenceOverride, IndicatorBreak, Observation
from luoshi.ledger.tests.factory import make_decision, make_task

from .helpers import GRAIN, make_alias, make_indicator, make_target

PERSONAS = [
    "anonymous",
    "stranger",
    "office",
    "leader",
    "auditor",
    "reporter_a",
    "unit_leader_a",
    "reporter_b",
]
READ = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302, "stranger": 403}
OFFICE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "office": 200}
WRITE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "office": 302}


@pytest.fixture
def world(db: Any, unit_a: Any, unit_b: Any) -> dict[str, int]:
    decision = make_decision()
    grain = make_indicator(values=GRAIN)
    alias = make_alias("粮食综合生产能力", grain)
    brk = IndicatorBreak.objects.create(indicator=grain, year=2020)
    target_a = make_target(task=make_task(decision=decision, lead_unit=unit_a))
    target_b = make_target(task=make_task(decision=decision, lead_unit=unit_b), indicator="粮食综合生产能力")
    return {
        "decision": decision.pk,
        "indicator": grain.pk,
        "alias": alias.pk,
        "break": brk.pk,
        "observation": grain.observations.first().pk,
        "target_a": target_a.pk,
        "target_b": target_b.pk,
    }


GETS = {
    "overview": lambda w: reverse("indicators:overview"),
    "overview of a decision": lambda w: reverse("indicators:overview") + f"?decision={w['decision']}",
    "overview JSON": lambda w: reverse("indicators:overview") + "?format=json",
    "target page": lambda w: reverse("indicators:target-detail", args=[w["target_a"]]),
    "another unit's target page": lambda w: reverse("indicators:target-detail", args=[w["target_b"]]),
    "target JSON": lambda w: reverse("indicators:target-detail", args=[w["target_a"]]) + "?format=json",
    "target chart": lambda w: reverse("indicators:target-chart", args=[w["target_a"]]),
    "series list": lambda w: reverse("indicators:indicator-list"),
    "series list JSON": lambda w: reverse("indicators:indicator-list") + "?format=json",
    "series page": lambda w: reverse("indicators:indicator-detail", args=[w["indicator"]]),
    "series JSON": lambda w: reverse("indicators:indicator-detail", args=[w["indicator"]]) + "?format=json",
}
OFFICE_GETS = {"import page": lambda w: reverse("indicators:import")}
UNIT_A_PAGES = {"target page", "target JSON", "target chart"}
UNIT_B_PAGES = {"another unit's target page"}
POSTS = {
    "enter a value": lambda w: (
        reverse("indicators:observation-add", args=[w["indicator"]]),
        {"year": 2025, "value": 800, "unit": "亿斤"},
    ),
    "withdraw a value": lambda w: (
        reverse("indicators:observation-withdraw", args=[w["observation"]]),
        {"reason": "有误"},
    ),
    "mark a break": lambda w: (
        reverse("indicators:break-add", args=[w["indicator"]]),
        {"year": 2023, "reason_zh": "口径调整"},
    ),
    "withdraw a break": lambda w: (reverse("indicators:break-withdraw", args=[w["break"]]), {}),
    "new indicator": lambda w: (reverse("indicators:indicator-new"), {"name": "肉类总产量", "unit": "万吨"}),
    "new alias": lambda w: (
        reverse("indicators:alias-add"),
        {"name": "粮食产能", "indicator": w["indicator"]},
    ),
    "toggle an alias": lambda w: (reverse("indicators:alias-toggle", args=[w["alias"]]), {}),
    "link a target": lambda w: (
        reverse("indicators:target-link", args=[w["target_a"]]),
        {"indicator": w["indicator"]},
    ),
    "override": lambda w: (
        reverse("indicators:target-override", args=[w["target_a"]]),
        {"level": "red", "reason": "理由"},
    ),
    "import a file": lambda w: (reverse("indicators:import"), {}),
}


def _client(client: Any, request: pytest.FixtureRequest, persona: str) -> Any:
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    return client


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", GETS)
def test_every_role_reads_the_assessments_and_no_one_else(
    client: Any, request: pytest.FixtureRequest, world: dict[str, int], page: str, persona: str
) -> None:
    response = _client(client, request, persona).get(GETS[page](world))
    expected = READ[persona]
    if page in UNIT_A_PAGES and persona == "reporter_b":
        expected = 404  # unit B may not read unit A's task, nor its target
    if page in UNIT_B_PAGES and persona in ("reporter_a", "unit_leader_a"):
        expected = 404
    assert response.status_code == expected
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", OFFICE_GETS)
def test_only_the_office_opens_the_import_page(
    client: Any, request: pytest.FixtureRequest, world: dict[str, int], page: str, persona: str
) -> None:
    assert _client(client, request, persona).get(OFFICE_GETS[page](world)).status_code == OFFICE[persona]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", POSTS)
def test_only_the_office_changes_anything(
    client: Any, request: pytest.FixtureRequest, world: dict[str, int], action: str, persona: str
) -> None:
    url, data = POSTS[action](world)
    before = (Observation.objects.count(), ConfidenceOverride.objects.count())
    response = _client(client, request, persona).post(url, data)
    expected = WRITE[persona]
    if action == "import a file" and persona == "office":
        expected = 200  # no file: the form again, with its error
    assert response.status_code == expected
    if persona != "office":
        assert (Observation.objects.count(), ConfidenceOverride.objects.count()) == before
        assert not Observation.objects.filter(withdrawn=True).exists()


@pytest.mark.parametrize(
    "url",
    [
        reverse("indicators:target-detail", args=[987654]),
        reverse("indicators:target-chart", args=[987654]),
        reverse("indicators:indicator-detail", args=[987654]),
        reverse("indicators:overview") + "?decision=987654",
    ],
)
@pytest.mark.parametrize("persona", ["office", "leader", "reporter_a"])
def test_a_guessed_id_answers_404(
    client: Any, request: pytest.FixtureRequest, world: dict[str, int], url: str, persona: str
) -> None:
    assert _client(client, request, persona).get(url).status_code == 404


@pytest.mark.parametrize(
    "name", ["observation-withdraw", "break-withdraw", "alias-toggle", "target-link", "target-override"]
)
def test_the_office_posting_to_a_guessed_id_gets_404(
    client: Any, office: Any, world: dict[str, int], name: str
) -> None:
    client.force_login(office)
    assert client.post(reverse(f"indicators:{name}", args=[987654]), {"reason": "x"}).status_code == 404


def test_reading_pages_refuse_posts_they_do_not_take(client: Any, office: Any, world: dict[str, int]) -> None:
    client.force_login(office)
    assert client.get(reverse("indicators:target-override", args=[world["target_a"]])).status_code == 405
