"""The screens through the test client: what each shows, their JSON twins, and the office's forms."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.indicators.models import (
    ConfidenceOverride,
    Indicator,
    IndicatorAlias,
    IndicatorBreak,
    Observation,
    TargetIndicator,
)
from luoshi.ledger.models import ProgressStatus

from .helpers import GRAIN, make_indicator, make_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def grain_target(db: Any) -> Any:
    make_indicator(values=GRAIN)
    return make_target(text="到2035年粮食总产量达到900亿斤")


def test_the_overview_lists_each_target_under_its_confidence_with_its_sentence(
    client: Any, leader: Any, grain_target: Any
) -> None:
    make_target(indicator="设施面积", value=100, unit="万亩")
    client.force_login(leader)
    html = client.get(reverse("indicators:overview")).content.decode()
    green = html.index('id="c-green"')
    assert html.index("2035年 粮食总产量 &gt;= 900亿斤") > green
    assert "进度正常：" in html
    assert "数据不足：" in html
    assert "没有“设施面积”的实测数据" in html


def test_the_overview_json_twin_counts_levels_and_gives_each_target(
    client: Any, leader: Any, grain_target: Any
) -> None:
    client.force_login(leader)
    data = json.loads(client.get(reverse("indicators:overview") + "?format=json").content)
    assert data["counts"] == {"red": 0, "amber_red": 0, "amber_green": 0, "green": 1, "unknown": 0}
    t = data["targets"][0]
    assert (t["status"], t["confidence"], t["computed_confidence"], t["indicator"]["via"]) == (
        "on_track",
        "green",
        "green",
        "name",
    )
    assert t["sentence_zh"].startswith("进度正常：2018—2024年年均增长2%")
    assert t["points"][0] == {"year": 2018, "month": None, "t": 2018.0, "value": 700.0}


def test_the_overview_can_show_one_decision(client: Any, office: Any, grain_target: Any) -> None:
    other = make_target(indicator="别的指标")
    client.force_login(office)
    data = json.loads(
        client.get(reverse("indicators:overview") + f"?decision={other.decision_id}&format=json").content
    )
    assert [t["id"] for t in data["targets"]] == [other.pk]


def test_the_target_page_shows_the_chart_the_sentence_the_values_and_their_sources(
    client: Any, leader: Any, grain_target: Any
) -> None:
    client.force_login(leader)
    html = client.get(reverse("indicators:target-detail", args=[grain_target.pk])).content.decode()
    assert "<svg" in html
    assert 'class="target"' in html
    assert 'class="band"' in html
    assert "进度正常：" in html
    assert "https://example.org/stats" in html
    assert "录入“粮食总产量”的数据" not in html  # the forms are the office's


def test_an_override_is_shown_beside_the_computed_level_with_its_reason(
    client: Any, office: Any, grain_target: Any
) -> None:
    client.force_login(office)
    url = reverse("indicators:target-override", args=[grain_target.pk])
    response = client.post(url, {"level": "amber_red", "reason": "主产区旱灾"})
    assert response.status_code == 302
    html = client.get(reverse("indicators:target-detail", args=[grain_target.pk])).content.decode()
    assert "主产区旱灾" in html
    assert "系统计算" in html
    assert "绿：有把握按期实现" in html
    assert "黄红：风险较大，需采取措施" in html
    overview = client.get(reverse("indicators:overview")).content.decode()
    assert overview.index("督查室调整") > overview.index('id="c-amber_red"')


def test_an_override_without_a_reason_is_refused_with_a_message(
    client: Any, office: Any, grain_target: Any
) -> None:
    client.force_login(office)
    url = reverse("indicators:target-override", args=[grain_target.pk])
    response = client.post(url, {"level": "red", "reason": ""}, follow=True)
    assert not ConfidenceOverride.objects.exists()
    assert "理由" in response.content.decode()


def test_the_office_enters_a_value_from_the_target_page_and_an_incompatible_unit_is_refused(
    client: Any, office: Any, grain_target: Any
) -> None:
    client.force_login(office)
    indicator = Observation.objects.first().indicator
    url = reverse("indicators:observation-add", args=[indicator.pk])
    ok = client.post(
        url, {"year": 2025, "value": 4150, "unit": "万吨", "target": grain_target.pk}, follow=True
    )
    assert ok.redirect_chain[-1][0] == reverse("indicators:target-detail", args=[grain_target.pk])
    assert Observation.objects.filter(year=2025, unit="万吨", recorded_by=office).exists()
    refused = client.post(url, {"year": 2025, "value": 480, "unit": "万亩"}, follow=True)
    assert "单位不兼容：万亩 不能换算为 亿斤" in refused.content.decode()
    assert Observation.objects.filter(year=2025).count() == 1


def test_the_office_marks_and_withdraws_a_break_and_withdraws_a_value(
    client: Any, office: Any, grain_target: Any
) -> None:
    client.force_login(office)
    indicator = Observation.objects.first().indicator
    client.post(reverse("indicators:break-add", args=[indicator.pk]), {"year": 2022, "reason_zh": "普查口径"})
    brk = IndicatorBreak.objects.get()
    assert (brk.year, brk.reason_zh, brk.created_by) == (2022, "普查口径", office)
    client.post(reverse("indicators:break-withdraw", args=[brk.pk]))
    brk.refresh_from_db()
    assert brk.withdrawn
    obs = Observation.objects.get(year=2018)
    client.post(reverse("indicators:observation-withdraw", args=[obs.pk]), {"reason": "重复"})
    obs.refresh_from_db()
    assert (obs.withdrawn, obs.withdrawn_reason) == (True, "重复")
    html = client.get(reverse("indicators:indicator-detail", args=[indicator.pk])).content.decode()
    assert "已撤回" in html
    assert "普查口径" in html


def test_the_office_adds_an_indicator_and_an_alias_and_links_a_target(
    client: Any, office: Any, grain_target: Any
) -> None:
    client.force_login(office)
    client.post(reverse("indicators:indicator-new"), {"name": "粮食播种面积", "unit": "万亩"})
    area = Indicator.objects.get(name="粮食播种面积")
    client.post(reverse("indicators:alias-add"), {"name": "粮食生产能力", "indicator": area.pk})
    assert IndicatorAlias.objects.get(name="粮食生产能力").indicator == area
    refused = client.post(
        reverse("indicators:target-link", args=[grain_target.pk]), {"indicator": area.pk}, follow=True
    )
    assert "单位不兼容" in refused.content.decode()
    assert not TargetIndicator.objects.exists()


def test_the_import_page_lists_errors_by_row_and_applies_nothing(
    client: Any, office: Any, grain_target: Any
) -> None:
    client.force_login(office)
    body = "指标,年份,数值,单位\n粮食总产量,2025,830,亿斤\n不存在的指标,2025,1,万吨\n".encode()
    response = client.post(reverse("indicators:import"), {"file": SimpleUploadedFile("v.csv", body)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "第3行：未知指标“不存在的指标”" in html
    assert not Observation.objects.filter(year=2025).exists()
    good = "指标,年份,数值,单位\n粮食总产量,2025,830,亿斤\n".encode()
    response = client.post(
        reverse("indicators:import"), {"file": SimpleUploadedFile("v.csv", good)}, follow=True
    )
    assert "已导入 1 条数据" in response.content.decode()
    assert Observation.objects.filter(year=2025, origin="import").exists()


def test_the_import_page_refuses_a_file_that_is_not_a_table(client: Any, office: Any) -> None:
    client.force_login(office)
    response = client.post(
        reverse("indicators:import"), {"file": SimpleUploadedFile("v.csv", b"%PDF-1.4\n%%EOF\n")}
    )
    assert "不支持此类文件" in response.content.decode()


def test_the_chart_is_served_as_an_svg_file(client: Any, leader: Any, grain_target: Any) -> None:
    client.force_login(leader)
    response = client.get(reverse("indicators:target-chart", args=[grain_target.pk]))
    assert response["Content-Type"].startswith("image/svg+xml")
    assert response.content.startswith(b"<svg")


def test_the_series_json_twin_keeps_each_value_as_reported(client: Any, leader: Any) -> None:
    make_indicator("粮食总产量", "亿斤", [(2024, 4100)], reported_unit="万吨")
    client.force_login(leader)
    indicator = Observation.objects.get().indicator
    data = json.loads(
        client.get(reverse("indicators:indicator-detail", args=[indicator.pk]) + "?format=json").content
    )
    o = data["observations"][0]
    assert (o["value"], o["reported_value"], o["reported_unit"], o["origin"]) == (820, 4100, "万吨", "import")


def test_the_task_page_and_the_decision_outline_show_each_targets_light_linked_to_its_chart(
    client: Any, reporter_a: Any, unit_a: Any
) -> None:
    make_indicator(values=GRAIN)
    target = make_target(task_lead_unit=unit_a, task_progress_status=ProgressStatus.BEHIND)
    client.force_login(reporter_a)
    link = reverse("indicators:target-detail", args=[target.pk])
    task_page = client.get(reverse("ledger:task-detail", args=[target.task_id])).content.decode()
    assert f'href="{link}"' in task_page
    assert "conf-amber_green" in task_page
    outline = client.get(reverse("ledger:decision-detail", args=[target.decision_id])).content.decode()
    assert f'href="{link}"' in outline
    assert "conf-amber_green" in outline


def test_the_pages_speak_english_when_the_user_chose_it(client: Any, leader: Any, grain_target: Any) -> None:
    client.force_login(leader)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("indicators:target-detail", args=[grain_target.pk])).content.decode()
    assert "On track: 2018–2024: +2% a year" in html
    assert "Green: delivery on time looks highly likely" in html
    overview = client.get(reverse("indicators:overview")).content.decode()
    assert "Delivery confidence" in overview
