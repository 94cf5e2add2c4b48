"""Assignments: suggestions from rules and places, with reasons; confirming them one by one or in bulk."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.ledger.models import (
    AuditEntry,
    DeadlineKind,
    Suggester,
    SuggestionRule,
    Target,
    TaskPlace,
    TaskUnit,
    TaskUnitRole,
)

from .factory import make_task, make_unit

pytestmark = pytest.mark.django_db


def test_a_keyword_rule_suggests_the_lead_unit_and_says_why(unit_a: object) -> None:
    SuggestionRule.objects.create(keyword="风电", unit=unit_a, weight=3)
    task = make_task(text="加快推进大型风电光伏基地建设。")
    s = Suggester().suggest(task)
    assert s.lead == unit_a
    assert s.why(unit_a) == ["含关键词“风电”（规则牵头）"]


def test_the_heavier_rule_leads_and_the_other_co_operates(unit_a: object, unit_b: object) -> None:
    SuggestionRule.objects.create(keyword="教育", unit=unit_b, weight=1)
    SuggestionRule.objects.create(keyword="人才", unit=unit_a, weight=3)
    s = Suggester().suggest(make_task(text="围绕产业发展培育人才，深化教育改革。"))
    assert s.lead == unit_a
    assert s.co == [unit_b]


def test_a_rule_with_plus_needs_every_word(unit_a: object) -> None:
    SuggestionRule.objects.create(keyword="黄河+生态", unit=unit_a)
    assert Suggester().suggest(make_task(text="黄河流域生态保护。")).lead == unit_a
    assert Suggester().suggest(make_task(text="黄河大合唱。")).lead is None


def test_an_inactive_rule_suggests_nothing(unit_a: object) -> None:
    SuggestionRule.objects.create(keyword="风电", unit=unit_a, active=False)
    assert Suggester().suggest(make_task(text="风电。")).empty


def test_a_place_named_in_the_task_suggests_its_league_or_city(league: object, banner: object) -> None:
    task = make_task(text="支持达拉特旗建设光伏治沙基地。")
    TaskPlace.objects.create(task=task, code="150621", name="达拉特旗", level="county")
    s = Suggester().suggest(task)
    assert s.co == [league]
    assert s.why(league) == ["任务提到“达拉特旗”"]


def test_the_deadline_suggestion_follows_the_targets_year() -> None:
    task = make_task(text="到2030年森林覆盖率达到26%。")
    Target.objects.create(
        decision=task.decision, task=task, key="T1", kind="numeric", indicator="森林覆盖率", year=2030
    )
    s = Suggester().suggest(task)
    assert (s.deadline_kind, s.deadline) == ("date", dt.date(2030, 12, 31))
    assert Suggester().suggest(make_task(text="持续改善空气质量。")).deadline_kind == "ongoing"
    assert Suggester().suggest(make_task(text="今年完成改造。")).deadline_kind == "year_end"


def test_confirming_an_assignment_links_the_units_and_records_before_and_after(
    office: object, unit_a: object, unit_b: object
) -> None:
    task = make_task()
    task.assign(
        by=office, lead=unit_a, co=[unit_b], responsible="王副主席", deadline_kind=DeadlineKind.ONGOING
    )
    assert task.is_assigned
    assert set(TaskUnit.objects.filter(task=task).values_list("unit__code", "role")) == {
        ("nmg-fgw", TaskUnitRole.LEAD),
        ("nmg-jyt", TaskUnitRole.CO),
    }
    entry = AuditEntry.objects.filter(task=task, action="assign").get()
    assert entry.actor == office
    assert entry.before["units"] == []
    assert "牵头:自治区发展和改革委员会" in entry.after["units"]
    task.assign(by=office, lead=unit_b, co=[])
    assert list(TaskUnit.objects.filter(task=task).values_list("unit__code", flat=True)) == ["nmg-jyt"]


def test_year_end_deadline_falls_on_the_31st_of_december_of_the_decisions_year(
    office: object, unit_a: object
) -> None:
    task = make_task()
    task.assign(by=office, lead=unit_a, deadline_kind=DeadlineKind.YEAR_END)
    assert task.deadline == dt.date(2024, 12, 31)
    assert task.deadline_display() == "2024年内"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"lead": None}, "lead_unit"),
        ({"deadline_kind": DeadlineKind.DATE}, "deadline"),
        ({"deadline_kind": DeadlineKind.TEXT}, "deadline_note"),
    ],
)
def test_an_incomplete_assignment_is_refused_with_a_message_on_its_field(
    office: object, unit_a: object, kwargs: dict, field: str
) -> None:
    kwargs = {"lead": unit_a, **kwargs}
    with pytest.raises(ValidationError) as e:
        make_task().assign(by=office, **kwargs)
    assert field in e.value.message_dict


def test_only_the_office_assigns(reporter_a: object, unit_a: object) -> None:
    with pytest.raises(PermissionDenied):
        make_task().assign(by=reporter_a, lead=unit_a)


def test_a_co_unit_given_as_lead_too_is_only_the_lead(office: object, unit_a: object) -> None:
    task = make_task()
    task.assign(by=office, lead=unit_a, co=[unit_a, make_unit()])
    assert TaskUnit.objects.filter(task=task, unit=unit_a).get().role == TaskUnitRole.LEAD
