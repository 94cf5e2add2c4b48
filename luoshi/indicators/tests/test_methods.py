"""The office chooses how targets are assessed — luoshi's method or Open SDG's, and a base year — for
a decision's targets or for one target; every surface reads the same choice."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from luoshi.cli import cli
from luoshi.indicators.assessing import assess_target, assess_targets
from luoshi.indicators.models import AssessmentMethod
from luoshi.ledger.models import AuditEntry
from luoshi.ledger.tests.factory import make_decision, make_task

from .helpers import TODAY, make_indicator, make_target

pytestmark = pytest.mark.django_db

# 100 → 104 over 2015—2020, at least 120万吨 by 2030: luoshi says 进展有限 (R 0.546), Open SDG 需加快 (0.644)
MEAT = [(2015, 100.0), (2017, 99.0), (2020, 104.0)]


@pytest.fixture
def decision(db: Any, unit_a: Any) -> Any:
    make_indicator("肉类总产量", "万吨", MEAT)
    d = make_decision()
    for _ in range(2):
        make_target(
            decision=d,
            task=make_task(decision=d, lead_unit=unit_a),
            indicator="肉类总产量",
            comparator=">=",
            value=120,
            unit="万吨",
            year=2030,
        )
    return d


def statuses(decision: Any, **kw: Any) -> list[tuple[str, str, float]]:
    found = assess_targets(decision.targets.order_by("pk"), today=TODAY, **kw)
    return [(a.methodology, a.status.value, round(a.assessment.ratio or 0, 3)) for a in found]


def test_without_a_choice_every_target_is_assessed_by_luoshis_method(decision: Any) -> None:
    assert statuses(decision) == [("luoshi", "limited_progress", 0.546)] * 2
    a = assess_target(decision.targets.first(), today=TODAY)
    assert a.method_source == "default"
    assert a.assessment.score is None


def test_the_decisions_choice_applies_to_all_its_targets(decision: Any, office: Any) -> None:
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg")
    assert statuses(decision) == [("open_sdg", "acceleration_needed", 0.644)] * 2
    a = assess_target(decision.targets.first(), today=TODAY)
    assert a.method_source == "decision"
    assert a.method_label == "Open SDG方法"
    assert a.assessment.score is not None


def test_a_targets_own_choice_overrides_its_decisions(decision: Any, office: Any) -> None:
    first, second = decision.targets.order_by("pk")
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg", base_year=2017)
    AssessmentMethod.choose(by=office, target=second, methodology="luoshi")
    found = {a.target.pk: a for a in assess_targets(decision.targets.all(), today=TODAY)}
    # from 2017 Open SDG's R is (104/99)^(1/3) − 1 over (120/99)^(1/13) − 1 = 1.111: on track
    assert (found[first.pk].methodology, found[first.pk].base_year) == ("open_sdg", 2017)
    assert found[first.pk].status.value == "on_track"
    assert found[first.pk].method_label == "Open SDG方法（基年2017年）"
    # the target keeps luoshi's method and inherits the decision's base year
    assert (found[second.pk].methodology, found[second.pk].base_year) == ("luoshi", 2017)
    assert found[second.pk].method_source == "target"


def test_an_empty_method_on_a_target_inherits_and_its_base_year_still_counts(
    decision: Any, office: Any
) -> None:
    first = decision.targets.order_by("pk").first()
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg")
    AssessmentMethod.choose(by=office, target=first, base_year=2017)
    a = assess_target(first, today=TODAY)
    assert (a.methodology, a.base_year, a.method_source) == ("open_sdg", 2017, "decision")


def test_a_call_may_ask_for_another_method_without_changing_the_offices_choice(
    decision: Any, office: Any
) -> None:
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg")
    assert statuses(decision, methodology="luoshi") == [("luoshi", "limited_progress", 0.546)] * 2
    assert AssessmentMethod.objects.get(decision=decision).methodology == "open_sdg"


def test_choosing_again_replaces_the_choice_and_leaves_an_audit_trail(decision: Any, office: Any) -> None:
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg", note="与省里口径一致")
    AssessmentMethod.choose(by=office, decision=decision, methodology="")
    assert AssessmentMethod.objects.filter(decision=decision).count() == 1
    assert statuses(decision)[0][0] == "luoshi"
    assert AuditEntry.objects.filter(model__icontains="assessmentmethod", action="choose_method").count() == 2


def test_only_the_office_chooses(decision: Any, leader: Any, reporter_a: Any) -> None:
    for who in (leader, reporter_a):
        with pytest.raises(PermissionDenied):
            AssessmentMethod.choose(by=who, decision=decision, methodology="open_sdg")


@pytest.mark.parametrize(("field", "value"), [("methodology", "sdg"), ("base_year", 1800)])
def test_a_bad_choice_is_refused_with_a_message(decision: Any, office: Any, field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        AssessmentMethod.choose(by=office, decision=decision, **{field: value})
    assert field in caught.value.message_dict
    assert not AssessmentMethod.objects.exists()


# screens ------------------------------------------------------------------------------------------
def test_the_office_chooses_a_targets_method_on_its_page(client: Any, office: Any, decision: Any) -> None:
    target = decision.targets.order_by("pk").first()
    client.force_login(office)
    page = client.get(reverse("indicators:target-detail", args=[target.pk])).content.decode()
    assert "落实方法" in page
    assert 'name="methodology"' in page
    response = client.post(
        reverse("indicators:target-method", args=[target.pk]),
        {"methodology": "open_sdg", "base_year": "2015", "note": "与平台一致"},
        follow=True,
    )
    html = response.content.decode()
    assert "已保存评估方法：Open SDG方法，基年2015年。" in html
    assert "Open SDG方法（基年2015年）" in html
    assert "本目标的设置" in html
    assert "Open SDG评分（−5至5）" in html
    assert "按Open SDG方法（基年2015年）" in html  # the sentence


def test_a_bad_base_year_on_the_screen_is_refused_and_nothing_is_saved(
    client: Any, office: Any, decision: Any
) -> None:
    target = decision.targets.first()
    client.force_login(office)
    html = client.post(
        reverse("indicators:target-method", args=[target.pk]), {"base_year": "1700"}, follow=True
    ).content.decode()
    assert "基年" in html
    assert not AssessmentMethod.objects.exists()


def test_others_see_the_method_but_cannot_change_it(client: Any, leader: Any, decision: Any) -> None:
    target = decision.targets.first()
    client.force_login(leader)
    page = client.get(reverse("indicators:target-detail", args=[target.pk])).content.decode()
    assert "落实方法" in page
    assert 'name="methodology"' not in page
    assert (
        client.post(
            reverse("indicators:target-method", args=[target.pk]), {"methodology": "open_sdg"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("indicators:decision-method", args=[decision.pk]), {"methodology": "open_sdg"}
        ).status_code
        == 403
    )
    assert not AssessmentMethod.objects.exists()


def test_the_office_chooses_a_decisions_method_on_its_overview(
    client: Any, office: Any, decision: Any
) -> None:
    client.force_login(office)
    url = reverse("indicators:overview") + f"?decision={decision.pk}"
    assert "本决定的目标按落实方法评估" in client.get(url).content.decode()
    response = client.post(
        reverse("indicators:decision-method", args=[decision.pk]), {"methodology": "open_sdg"}
    )
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert "本决定的目标按Open SDG方法评估" in html
    assert "按Open SDG方法评估的 2 个目标平均评分" in html
    data = client.get(url + "&format=json").json()
    assert data["method"]["methodology"] == "open_sdg"
    assert data["open_sdg_summary"]["scored"] == 2
    assert data["open_sdg_summary"]["status"] == "acceleration_needed"
    assert {t["methodology"] for t in data["targets"]} == {"open_sdg"}


def test_the_overview_reads_in_english(client: Any, office: Any, decision: Any) -> None:
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg", base_year=2015)
    client.force_login(office)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("indicators:overview") + f"?decision={decision.pk}").content.decode()
    assert "assessed by the Open SDG method (base year 2015)" in html
    assert "score" in html
    assert "on average (−5 to 5)" in html


# API ----------------------------------------------------------------------------------------------
def test_the_api_assesses_by_another_method_when_asked(client: Any, leader: Any, decision: Any) -> None:
    client.force_login(leader)
    plain = client.get(f"/api/v1/indicators/assessments?decision={decision.pk}").json()["items"]
    asked = client.get(f"/api/v1/indicators/assessments?decision={decision.pk}&method=open_sdg").json()[
        "items"
    ]
    assert {(t["methodology"], t["status"]) for t in plain} == {("luoshi", "limited_progress")}
    assert {(t["methodology"], t["method_source"], t["status"]) for t in asked} == {
        ("open_sdg", "request", "acceleration_needed")
    }
    one = client.get(f"/api/v1/indicators/assessments/{asked[0]['id']}?method=open_sdg&base_year=2017").json()
    assert (one["base_year"], one["status"]) == (2017, "on_track")
    assert -5 <= one["score"] <= 5
    assert client.get("/api/v1/indicators/assessments?method=sdg").status_code == 422


def test_the_office_sets_methods_through_the_api(client: Any, office: Any, decision: Any) -> None:
    client.force_login(office)
    target = decision.targets.order_by("pk").first()
    r = client.put(
        f"/api/v1/indicators/decisions/{decision.pk}/method",
        json.dumps({"methodology": "open_sdg", "base_year": 2015, "note": "按平台口径"}),
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    assert (r.json()["decision"], r.json()["methodology"], r.json()["base_year"]) == (
        decision.pk,
        "open_sdg",
        2015,
    )
    r = client.put(
        f"/api/v1/indicators/targets/{target.pk}/method",
        json.dumps({"methodology": "luoshi"}),
        content_type="application/json",
    )
    assert r.status_code == 200
    assert assess_target(target, today=TODAY).methodology == "luoshi"
    entry = AuditEntry.objects.filter(action="choose_method").order_by("-at", "-id").first()
    assert entry.channel == "api"


def test_the_api_refuses_others_bad_values_and_unknown_records(
    client: Any, reporter_a: Any, office: Any, decision: Any
) -> None:
    client.force_login(reporter_a)
    body = json.dumps({"methodology": "open_sdg"})
    r = client.put(
        f"/api/v1/indicators/decisions/{decision.pk}/method", body, content_type="application/json"
    )
    assert r.status_code == 403
    assert r.json()["error"]
    client.force_login(office)
    bad = client.put(
        f"/api/v1/indicators/decisions/{decision.pk}/method",
        json.dumps({"methodology": "sdg"}),
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert (
        client.put(
            "/api/v1/indicators/decisions/987654/method", body, content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        client.put(
            "/api/v1/indicators/targets/987654/method", body, content_type="application/json"
        ).status_code
        == 404
    )
    assert not AssessmentMethod.objects.exists()


# CLI ----------------------------------------------------------------------------------------------
@pytest.mark.django_db(transaction=True)
def test_the_cli_assesses_by_the_offices_choice_or_by_the_method_asked_for(office: Any) -> None:
    make_indicator("肉类总产量", "万吨", MEAT)
    target = make_target(indicator="肉类总产量", comparator=">=", value=120, unit="万吨", year=2030)
    AssessmentMethod.choose(by=office, decision=target.decision, methodology="open_sdg")
    args = ["indicators", "assess", "--format", "json", "--today", "2026-11-27"]
    stored = json.loads(CliRunner().invoke(cli, args).stdout)
    assert [(t["methodology"], t["status"]) for t in stored["targets"]] == [
        ("open_sdg", "acceleration_needed")
    ]
    assert stored["open_sdg_summary"]["scored"] == 1
    asked = json.loads(CliRunner().invoke(cli, [*args, "--method", "luoshi", "--base-year", "2017"]).stdout)
    assert [(t["methodology"], t["base_year"], t["status"]) for t in asked["targets"]] == [
        ("luoshi", 2017, "on_track")
    ]
    table = CliRunner().invoke(cli, ["indicators", "assess", "--today", "2026-11-27"])
    assert "按Open SDG方法（基年2015年）" in table.output


def test_the_cli_refuses_a_bad_method_or_base_year() -> None:
    for extra in (["--method", "sdg"], ["--base-year", "1800"]):
        result = CliRunner().invoke(cli, ["indicators", "assess", "--bundled", *extra])
        assert result.exit_code != 0
        assert "Traceback" not in result.output


def test_the_bundled_targets_can_be_assessed_by_open_sdgs_method() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "indicators",
            "assess",
            "--bundled",
            "--format",
            "json",
            "--today",
            "2026-11-27",
            "--method",
            "open_sdg",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {t["methodology"] for t in data["targets"]} == {"open_sdg"}
    grain = next(t for t in data["targets"] if t["indicator"] == "粮食综合生产能力")
    assert grain["status"] == "on_track"
    assert grain["score"] == 5
