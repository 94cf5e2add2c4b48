"""Values entered by the office: kept as reported, converted on read, refused when units do not convert."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from luoshi.indicators.models import Indicator, Observation
from luoshi.ledger.models import AuditEntry, HardDeleteRefused

from .helpers import make_indicator

pytestmark = pytest.mark.django_db


def test_a_value_reported_in_another_unit_is_kept_as_reported_and_converted_on_read(office: Any) -> None:
    grain = make_indicator("粮食总产量", "亿斤")
    obs = Observation.record(grain, by=office, year=2024, value=4100, unit="万吨")
    obs.refresh_from_db()
    assert (obs.value, obs.unit) == (4100, "万吨")
    assert obs.value_in("亿斤") == 820
    assert obs.point("亿斤").value == 820


def test_a_unit_that_cannot_be_converted_is_refused_at_entry_with_a_chinese_message(office: Any) -> None:
    grain = make_indicator("粮食总产量", "亿斤")
    with pytest.raises(ValidationError) as e:
        Observation.record(grain, by=office, year=2024, value=480, unit="万亩")
    assert "单位不兼容：万亩 不能换算为 亿斤（面积与质量）" in e.value.message_dict["unit"]
    assert not Observation.objects.exists()


def test_the_refusal_is_in_english_for_a_user_who_chose_english(office: Any) -> None:
    grain = make_indicator("粮食总产量", "亿斤")
    with translation.override("en"), pytest.raises(ValidationError) as e:
        Observation.record(grain, by=office, year=2024, value=480, unit="万亩")
    assert "Incompatible units" in e.value.message_dict["unit"][0]


def test_only_the_office_enters_values(reporter_a: Any, leader: Any) -> None:
    grain = make_indicator()
    for someone in (reporter_a, leader):
        with pytest.raises(PermissionDenied):
            Observation.record(grain, by=someone, year=2024, value=800, unit="亿斤")


def test_a_withdrawn_value_is_kept_with_its_reason_and_never_deleted(office: Any) -> None:
    grain = make_indicator(values=[(2024, 820)])
    obs = grain.observations.get()
    with pytest.raises(ValidationError):
        obs.withdraw("  ", by=office)
    obs.withdraw("来源数据有误，已更正", by=office)
    obs.refresh_from_db()
    assert obs.withdrawn
    assert obs.withdrawn_reason == "来源数据有误，已更正"
    assert not Observation.objects.current().exists()
    with pytest.raises(HardDeleteRefused):
        obs.delete()
    with pytest.raises(HardDeleteRefused):
        Observation.objects.all().delete()


def test_every_entry_and_withdrawal_is_in_the_audit_trail(office: Any) -> None:
    grain = make_indicator()
    obs = Observation.record(grain, by=office, year=2024, value=820, unit="亿斤", source="统计公报")
    obs.withdraw("重复录入", by=office)
    actions = list(
        AuditEntry.objects.filter(model="indicators.observation", object_id=str(obs.pk))
        .order_by("at", "id")
        .values_list("action", "actor_name")
    )
    assert actions == [("create", "王敏"), ("withdraw", "王敏")]


def test_an_indicator_unit_cannot_change_to_one_its_values_cannot_convert_to(office: Any) -> None:
    grain = make_indicator(values=[(2024, 820)])
    grain.unit = "万吨"
    grain.full_clean()  # mass to mass: fine
    grain.unit = "万千瓦"
    with pytest.raises(ValidationError) as e:
        grain.full_clean()
    assert "单位不兼容" in e.value.message_dict["unit"][0]


def test_a_month_marks_a_value_read_during_the_year(office: Any) -> None:
    capacity = make_indicator("新能源装机规模", "万千瓦")
    obs = Observation.record(capacity, by=office, year=2025, month=5, value=143.09, unit="GW")
    assert obs.point("万千瓦").value == 14309
    assert round(obs.point("万千瓦").t, 2) == 2024.42
    with pytest.raises(ValidationError):
        Observation.record(capacity, by=office, year=2025, month=13, value=1, unit="GW")


def test_indicators_are_never_deleted(office: Any) -> None:
    grain = Indicator.create(name="粮食总产量", unit="亿斤", by=office)
    with pytest.raises(HardDeleteRefused):
        grain.delete()
    with pytest.raises(ValidationError):
        Indicator.create(name=" ", unit="亿斤", by=office)
