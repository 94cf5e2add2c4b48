"""Importing values from CSV or Excel: every row checked first, errors by row in Chinese, all or nothing."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from luoshi.indicators.importing import import_observations, load_bundled, read_rows
from luoshi.indicators.models import Indicator, IndicatorAlias, IndicatorBreak, Observation

from .helpers import make_indicator

pytestmark = pytest.mark.django_db

HEADER = "indicator,year,value,unit,original_value,original_unit,as_of,source_url,quote,note\n"
GOOD = HEADER + (
    "粮食总产量,2023,790,亿斤,790,亿斤,,https://example.org/a,全年粮食产量790亿斤,\n"
    "粮食总产量,2024,4100,万吨,41,million tonnes,,https://example.org/b,output of 41 million tonnes,converted\n"
    "新能源装机,2025,140,GW,140,GW,2025-05,https://example.org/c,capacity of 140 GW,mid-year\n"
)


@pytest.fixture
def indicators(db: Any) -> None:
    make_indicator("粮食总产量", "亿斤")
    make_indicator("新能源装机", "万千瓦")


def test_a_good_file_is_imported_and_values_keep_their_reported_unit_and_source(
    indicators: None, office: Any
) -> None:
    result = import_observations(read_rows(io.BytesIO(GOOD.encode()), "v.csv"), by=office)
    assert (result.ok, result.created, result.skipped) == (True, 3, 0)
    o = Observation.objects.get(year=2024)
    assert (o.value, o.unit, o.value_in("亿斤"), o.original_unit, o.origin) == (
        4100,
        "万吨",
        820,
        "million tonnes",
        "import",
    )
    assert (o.source_url, o.quote, o.note) == (
        "https://example.org/b",
        "output of 41 million tonnes",
        "converted",
    )
    mid = Observation.objects.get(year=2025)
    assert (mid.month, mid.as_of, mid.value_in("万千瓦")) == (5, "2025-05", 14000)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(indicators: None, office: Any) -> None:
    import_observations(read_rows(io.BytesIO(GOOD.encode()), "v.csv"), by=office)
    again = import_observations(read_rows(io.BytesIO(GOOD.encode()), "v.csv"), by=office)
    assert (again.created, again.skipped) == (0, 3)
    assert Observation.objects.count() == 3


def test_a_file_with_bad_rows_is_refused_whole_with_each_error_by_row_in_chinese(
    indicators: None, office: Any
) -> None:
    bad = GOOD + (
        "粮食产量,2024,800,亿斤,,,,,,\n"  # unknown indicator
        "粮食总产量,2024,480,万亩,,,,,,\n"  # incompatible unit
        "粮食总产量,二〇二四,800,亿斤,,,,,,\n"  # bad year
        "粮食总产量,2024,很多,亿斤,,,,,,\n"  # bad value
        "新能源装机,2025,140,GW,,,2025-13,,,\n"  # bad month
    )
    result = import_observations(read_rows(io.BytesIO(bad.encode()), "v.csv"), by=office)
    assert not result.ok
    assert [str(e) for e in result.errors] == [
        "第5行：未知指标“粮食产量”，请先在指标列表中新增该指标",
        "第6行：单位不兼容：万亩 不能换算为 亿斤（面积与质量）",
        "第7行：年份“二〇二四”无效",
        "第8行：数值“很多”无效",
        "第9行：月份或时点“2025-13”无效",
    ]
    assert not Observation.objects.exists()


def test_chinese_headers_gb18030_and_excel_files_are_read(indicators: None, office: Any) -> None:
    csv_gbk = "指标,年份,数值,单位,来源\n粮食总产量,2022,780,亿斤,统计公报\n".encode("gb18030")
    assert read_rows(io.BytesIO(csv_gbk), "v.csv") == [
        {"indicator": "粮食总产量", "year": "2022", "value": "780", "unit": "亿斤", "source": "统计公报"}
    ]
    wb = Workbook()
    ws = wb.active
    ws.append(["指标", "年份", "数值", "单位", "时点"])
    ws.append(["新能源装机", 2024, 13500, "万千瓦", "2024-12"])
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    result = import_observations(read_rows(buf, "v.xlsx"), by=office)
    assert (result.ok, result.created) == (True, 1)
    assert Observation.objects.get().month == 12


def test_a_file_without_the_required_columns_is_refused_with_a_message() -> None:
    with pytest.raises(ValidationError) as e:
        read_rows(io.BytesIO(b"name,amount\nx,1\n"), "v.csv")
    assert "缺少必需的列" in e.value.messages[0]


def test_only_the_office_imports(indicators: None, reporter_a: Any) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_observations(read_rows(io.BytesIO(GOOD.encode()), "v.csv"), by=reporter_a)


def test_the_bundled_series_load_once_with_their_breaks_caveats_and_aliases() -> None:
    first = load_bundled()
    assert (first.indicators, first.observations, first.breaks, first.aliases) == (9, 36, 1, 2)
    second = load_bundled()
    assert (second.indicators, second.observations, second.skipped, second.breaks, second.aliases) == (
        0,
        0,
        36,
        0,
        0,
    )
    assert IndicatorBreak.objects.get().year == 2023
    aliases = dict(IndicatorAlias.objects.values_list("name", "indicator__name"))
    assert aliases == {"粮食综合生产能力": "粮食总产量", "奶类产量": "牛奶产量"}
    # the milk caveat names the target it qualifies, so it travels with the alias, not the series
    assert "奶类" in IndicatorAlias.objects.get(name="奶类产量").caveat_zh
    assert Indicator.objects.get(name="牛奶产量").caveat_zh == ""
    assert "猪牛羊禽肉" in Indicator.objects.get(name="肉类总产量").caveat_zh
    o = Observation.objects.get(indicator__name="粮食总产量", year=2024)
    assert (o.value, o.origin, o.original_value, o.original_unit) == (
        820,
        "bundled",
        "41",
        "billion kilograms",
    )
    assert o.source_url.startswith("http")


def test_the_bundled_csv_itself_imports_as_an_ordinary_file(office: Any) -> None:
    for name, unit in (
        ("粮食总产量", "亿斤"),
        ("牛奶产量", "万吨"),
        ("肉类总产量", "万吨"),
        ("草原植被盖度", "%"),
        ("森林覆盖率", "%"),
        ("新能源装机规模", "万千瓦"),
        ("火电装机规模", "万千瓦"),
        ("火电发电总量", "亿千瓦时"),
        ("新能源发电总量", "亿千瓦时"),
    ):
        make_indicator(name, unit)
    path = Path(__file__).resolve().parents[1] / "data" / "inner-mongolia-indicators.csv"
    result = import_observations(read_rows(path), by=office)
    assert (result.ok, result.created) == (True, 36)
