"""The office overrides a target's confidence with a reason; the latest wins; the computed one stays visible."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.indicators.assessing import assess_target
from luoshi.indicators.models import ConfidenceOverride
from luoshi.ledger.models import AuditEntry, HardDeleteRefused

from .helpers import GRAIN, TODAY, make_indicator, make_target

pytestmark = pytest.mark.django_db


def test_an_override_changes_the_confidence_shown_and_keeps_the_computed_one(office: Any) -> None:
    make_indicator(values=GRAIN)
    target = make_target()
    ConfidenceOverride.record(target, "amber_red", "主产区遭遇严重旱灾，今年减产已成定局", by=office)
    a = assess_target(target, today=TODAY)
    assert (a.confidence.value, a.computed.value) == ("amber_red", "green")
    assert a.overridden
    assert a.as_dict()["override"]["reason"] == "主产区遭遇严重旱灾，今年减产已成定局"
    assert a.as_dict()["computed_confidence"] == "green"


def test_the_latest_override_wins_and_an_empty_level_returns_to_the_computed_value(office: Any) -> None:
    make_indicator(values=GRAIN)
    target = make_target()
    ConfidenceOverride.record(target, "red", "第一次判断", by=office)
    ConfidenceOverride.record(target, "amber_green", "补充了新的灌区项目", by=office)
    assert assess_target(target, today=TODAY).confidence.value == "amber_green"
    ConfidenceOverride.record(target, "", "旱情解除，恢复系统判断", by=office)
    a = assess_target(target, today=TODAY)
    assert (a.confidence.value, a.override) == ("green", None)
    assert ConfidenceOverride.objects.filter(target=target).count() == 3  # every one is kept


def test_an_override_needs_a_reason_and_a_known_level(office: Any) -> None:
    target = make_target()
    with pytest.raises(ValidationError):
        ConfidenceOverride.record(target, "red", "  ", by=office)
    with pytest.raises(ValidationError):
        ConfidenceOverride.record(target, "purple", "理由", by=office)


def test_only_the_office_overrides(reporter_a: Any, unit_leader_a: Any, leader: Any, auditor: Any) -> None:
    target = make_target()
    for someone in (reporter_a, unit_leader_a, leader, auditor):
        with pytest.raises(PermissionDenied):
            ConfidenceOverride.record(target, "red", "理由", by=someone)


def test_overrides_are_audited_on_the_targets_task_and_never_deleted(office: Any) -> None:
    target = make_target()
    o = ConfidenceOverride.record(target, "red", "项目资金未落实", by=office)
    entry = AuditEntry.objects.get(model="indicators.confidenceoverride", object_id=str(o.pk))
    assert (entry.action, entry.actor_name, entry.note, entry.task_id) == (
        "override",
        "王敏",
        "项目资金未落实",
        target.task_id,
    )
    with pytest.raises(HardDeleteRefused):
        o.delete()
