"""The bundled Inner Mongolia series, and the decision's targets assessed against them."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from luoshi.indicators import (
    BUNDLED_GOALS,
    BUNDLED_RELATIONS,
    Confidence,
    Status,
    TaskView,
    assess_bundled,
    load_observations,
    load_series,
)

SHARED_CSV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "inner-mongolia-indicators.csv"
TODAY = date(2026, 11, 27)


def data(name: str) -> str:
    return resources.files("luoshi.indicators").joinpath("data", name).read_text(encoding="utf-8")


def test_the_bundled_csv_is_the_shared_file_unchanged():
    if not SHARED_CSV.is_file():
        pytest.skip("../shared/data is not beside this checkout")
    assert data("inner-mongolia-indicators.csv") == SHARED_CSV.read_text(encoding="utf-8")


def test_the_data_folder_says_where_the_data_come_from():
    sources = data("SOURCES.md")
    assert "inner-mongolia-indicators.csv" in sources
    assert "inner-mongolia-series-notes.csv" in sources


def test_every_observation_keeps_its_source():
    rows = load_observations()
    assert len(rows) == 36
    assert all(o.source_url.startswith("http") and o.quote for o in rows)


def test_series_are_grouped_by_indicator_in_time_order():
    series = load_series()
    assert set(series) == {
        "粮食总产量",
        "牛奶产量",
        "肉类总产量",
        "草原植被盖度",
        "森林覆盖率",
        "新能源装机规模",
        "火电装机规模",
        "火电发电总量",
        "新能源发电总量",
    }
    grain = series["粮食总产量"]
    assert grain.unit == "亿斤"
    assert [p.year for p in grain.points] == list(range(2018, 2025))
    assert grain.points[-1].value == 820
    assert grain.points[-1].source_url == "http://innermongolia.chinadaily.com.cn/2025-01/15/c_1064695.htm"
    assert "41 billion kilograms" in (grain.points[-1].quote or "")


def test_as_of_months_place_mid_year_values_inside_their_year():
    capacity = load_series()["新能源装机规模"]
    last = capacity.points[-1]
    assert (last.year, last.as_of, last.month) == (2025, "2025-05", 5)
    assert last.t == pytest.approx(2024 + 5 / 12)


def test_the_forest_coverage_break_of_2023_is_marked_in_data():
    forest = load_series()["森林覆盖率"]
    assert [b.year for b in forest.breaks] == [2023]
    points, brk = forest.segment()
    assert brk is not None
    assert [p.value for p in points] == [20.79]


def test_the_milk_series_says_it_counts_cow_milk_only():
    milk = load_series()["牛奶产量"]
    assert "只计牛奶" in milk.caveat_zh
    assert "cow milk only" in milk.caveat_en


def test_the_decisions_targets_are_all_there():
    assert [(g.indicator, g.comparator, g.value, g.unit, g.year) for g, _ in BUNDLED_GOALS] == [
        ("草原植被盖度", ">=", 45, "%", 2035),
        ("森林覆盖率", ">=", 25, "%", 2035),
        ("粮食综合生产能力", ">=", 850, "亿斤", 2035),
        ("肉类总产量", ">=", 400, "万吨", 2035),
        ("设施农业面积", ">=", 480, "万亩", 2035),
        ("奶类产量", ">", 1000, "万吨", 2035),
    ]
    assert [(r.indicator, r.comparator, r.reference, r.year) for r, _, _ in BUNDLED_RELATIONS] == [
        ("新能源装机规模", ">", "火电装机规模", 2025),
        ("新能源发电总量", ">", "火电发电总量", 2030),
    ]


def by_indicator(**kw):
    return {d.assessment.indicator: d for d in assess_bundled(today=TODAY, **kw)}


def test_every_target_gets_a_status_with_an_explanation():
    results = assess_bundled(today=TODAY)
    assert len(results) == len(BUNDLED_GOALS) + len(BUNDLED_RELATIONS)
    for d in results:
        assert d.assessment.explanation_zh
        assert d.assessment.explanation_en
        assert d.sentence_zh.startswith(d.label_zh + "：")
        assert d.sentence_zh.endswith("。")
        assert d.sentence_en.startswith(d.label_en + ": ")


def test_the_real_data_give_these_statuses():
    got = {k: d.status for k, d in by_indicator().items()}
    assert got == {
        "草原植被盖度": Status.ON_TRACK,
        "森林覆盖率": Status.INSUFFICIENT,
        "粮食综合生产能力": Status.ON_TRACK,
        "肉类总产量": Status.LIMITED,
        "设施农业面积": Status.INSUFFICIENT,
        "奶类产量": Status.ON_TRACK,
        "新能源装机规模": Status.ACHIEVED,
        "新能源发电总量": Status.INSUFFICIENT,
    }


def test_grain_grows_far_faster_than_the_target_needs():
    grain = by_indicator()["粮食综合生产能力"]
    # 710.8 → 820 亿斤 over 2018—2024: 2.41% a year; 820 → 850 by 2035: 0.33% a year
    assert grain.assessment.actual_rate == pytest.approx(0.0241, abs=1e-4)
    assert grain.assessment.required_rate == pytest.approx(0.00327, abs=1e-5)
    assert "以“粮食总产量”数据衡量" in grain.sentence_zh


def test_meat_grows_too_slowly():
    meat = by_indicator()["肉类总产量"]
    # 267 → 285.4 万吨 over 2018—2023: 1.34% a year; 285.4 → 400 by 2035: 2.85% a year
    assert meat.ratio == pytest.approx(0.470, abs=1e-3)
    assert "猪牛羊禽肉" in meat.sentence_zh


def test_the_milk_explanation_says_the_series_is_cow_milk():
    milk = by_indicator()["奶类产量"]
    assert "该数据只计牛奶" in milk.sentence_zh
    assert "cow milk only" in milk.sentence_en


def test_forest_coverage_reports_the_break():
    forest = by_indicator()["森林覆盖率"]
    assert "2023年起新一轮调查基数" in forest.sentence_zh


def test_new_energy_capacity_has_passed_thermal():
    cap = by_indicator()["新能源装机规模"]
    assert cap.sentence_zh == "已实现：2024年新能源装机规模13500万千瓦，已超过火电装机规模11700万千瓦。"
    assert cap.confidence is Confidence.GREEN


def test_tasks_from_the_ledger_change_the_confidence_and_the_sentence():
    d = by_indicator(tasks={"肉类总产量": TaskView(6, done=6)})["肉类总产量"]
    assert d.confidence is Confidence.AMBER_RED
    assert "关联任务6项已全部完成，但指标仍未达到进度要求" in d.sentence_zh
