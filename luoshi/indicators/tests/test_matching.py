"""Which series measures a target: the office's link, else the same name, else an active alias."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from luoshi.indicators.assessing import assess_target
from luoshi.indicators.models import TargetIndicator

from .helpers import GRAIN, TODAY, make_alias, make_indicator, make_target

pytestmark = pytest.mark.django_db


def test_a_target_is_measured_by_the_indicator_of_the_same_name() -> None:
    grain = make_indicator("粮食总产量", values=GRAIN)
    a = assess_target(make_target(indicator="粮食总产量"), today=TODAY)
    assert (a.match.indicator, a.match.via) == (grain, "name")
    assert a.status.value == "on_track"


def test_a_capacity_target_is_measured_through_an_alias_and_the_sentence_says_so() -> None:
    grain = make_indicator("粮食总产量", values=GRAIN)
    make_alias("粮食综合生产能力", grain)
    a = assess_target(make_target(indicator="粮食综合生产能力"), today=TODAY)
    assert (a.match.indicator, a.match.via) == (grain, "alias")
    assert "以“粮食总产量”数据衡量" in a.delivery.sentence_zh


def test_an_alias_carries_its_caveat_into_the_explanation() -> None:
    milk = make_indicator("牛奶产量", "万吨", values=[(2018, 500), (2023, 700)])
    make_alias("奶类产量", milk, caveat_zh="只计牛奶，奶类产量不低于此数")
    a = assess_target(make_target(indicator="奶类产量", comparator=">", value=1000, unit="万吨"), today=TODAY)
    assert "只计牛奶，奶类产量不低于此数" in a.assessment.explanation_zh
    direct = assess_target(
        make_target(indicator="牛奶产量", comparator=">", value=1000, unit="万吨"), today=TODAY
    )
    assert "只计牛奶" not in direct.assessment.explanation_zh


def test_a_disabled_alias_no_longer_matches(office: Any) -> None:
    grain = make_indicator("粮食总产量", values=GRAIN)
    alias = make_alias("粮食综合生产能力", grain)
    alias.toggle(by=office)
    a = assess_target(make_target(indicator="粮食综合生产能力"), today=TODAY)
    assert a.match.indicator is None
    assert a.status.value == "insufficient_data"
    assert "没有“粮食综合生产能力”的实测数据" in a.delivery.sentence_zh


def test_the_office_can_link_a_target_to_another_series_and_back_to_automatic(office: Any) -> None:
    make_indicator("粮食总产量", values=GRAIN)
    sown = make_indicator("粮食产量（调查口径）", "万吨", values=[(2020, 3600), (2024, 4000)])
    target = make_target(indicator="粮食总产量")
    TargetIndicator.link(target, sown, by=office, note="改用调查口径")
    a = assess_target(target, today=TODAY)
    assert (a.match.indicator, a.match.via) == (sown, "link")
    TargetIndicator.link(target, None, by=office)
    assert assess_target(target, today=TODAY).match.via == "name"
    assert TargetIndicator.objects.count() == 1  # one link row, updated and audited, never deleted


def test_a_link_to_a_series_in_an_incompatible_unit_is_refused(office: Any) -> None:
    area = make_indicator("设施农业面积", "万亩")
    target = make_target(indicator="粮食总产量")
    with pytest.raises(ValidationError) as e:
        TargetIndicator.link(target, area, by=office)
    assert "单位不兼容" in e.value.message_dict["indicator"][0]


def test_a_relational_target_finds_both_series_by_name() -> None:
    new = make_indicator("新能源装机", "万千瓦", values=[(2021, 5000), (2022, 6000), (2023, 7000)])
    thermal = make_indicator("火电装机", "GW", values=[(2021, 100), (2022, 102), (2023, 104)])
    target = make_target(
        kind="relational", indicator="新能源装机", reference="火电装机", comparator=">", year=2026
    )
    a = assess_target(target, today=TODAY)
    assert (a.match.indicator, a.reference_match.indicator) == (new, thermal)
    # 火电 in GW meets 新能源 in 万千瓦: the gap of 3400 万千瓦 closes 800 a year, crossing in 2028
    assert a.assessment.crossing_year == 2028
    assert a.status.value == "acceleration_needed"
