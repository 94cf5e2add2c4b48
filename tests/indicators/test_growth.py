"""Required vs actual growth (the Open SDG / Statistics Canada progress status), case by case.

R = CAGR_actual ÷ |CAGR_required|, where CAGR_actual runs from the first point (after any break) to
the latest, and CAGR_required from the latest value to the target by the target year. R ≥ 0.95 is on
track, 0.6 ≤ R < 0.95 needs acceleration, 0 ≤ R < 0.6 is limited progress, R < 0 deterioration.
The cases below are written from that definition; their numbers are in docs/indicators.md.
"""

from __future__ import annotations

import pytest

from luoshi.indicators import Status, assess

from .helpers import TODAY, goal, series


def check(values, target, **kw):
    return assess(series(values, **kw.pop("series", {})), goal(target, **kw), today=TODAY)


def test_faster_growth_than_required_is_on_track():
    # 100 → 120 over 2015—2020: (120/100)^(1/5) − 1 = 3.714%; to 150 by 2030: (150/120)^(1/10) − 1 = 2.257%
    a = check([(2015, 100), (2020, 120)], 150)
    assert a.method == "growth"
    assert a.actual_rate == pytest.approx(0.037137, abs=1e-6)
    assert a.required_rate == pytest.approx(0.022565, abs=1e-6)
    assert a.ratio == pytest.approx(1.6458, abs=1e-4)
    assert a.status is Status.ON_TRACK


def test_growth_short_of_the_required_pace_needs_acceleration():
    # 100 → 110: 1.924% a year; to 140 by 2030: 2.441% a year; R = 0.788
    a = check([(2015, 100), (2020, 110)], 140)
    assert a.actual_rate == pytest.approx(0.019245, abs=1e-6)
    assert a.required_rate == pytest.approx(0.024409, abs=1e-6)
    assert a.ratio == pytest.approx(0.7884, abs=1e-4)
    assert a.status is Status.ACCELERATE
    assert a.label_zh == "需加快"


def test_slow_growth_is_limited_progress():
    # 100 → 105: 0.981% a year; to 150 by 2030: 3.631% a year; R = 0.270
    a = check([(2015, 100), (2020, 105)], 150)
    assert a.ratio == pytest.approx(0.2700, abs=1e-4)
    assert a.status is Status.LIMITED


def test_moving_away_from_the_target_is_deterioration():
    # 100 → 95: −1.021% a year; to 120 by 2030: +2.364% a year; R = −0.432
    a = check([(2015, 100), (2020, 95)], 120)
    assert a.actual_rate == pytest.approx(-0.010206, abs=1e-6)
    assert a.ratio == pytest.approx(-0.4318, abs=1e-4)
    assert a.status is Status.DETERIORATING


def test_a_decreasing_target_flips_the_sign():
    # 200 → 180: −2.085% a year; to at most 150 by 2030: −1.807% a year; R = 2.085 / 1.807 = 1.154
    a = check([(2015, 200), (2020, 180)], 150, comparator="<=")
    assert a.actual_rate == pytest.approx(-0.020852, abs=1e-6)
    assert a.required_rate == pytest.approx(-0.018067, abs=1e-6)
    assert a.ratio == pytest.approx(1.1541, abs=1e-4)
    assert a.status is Status.ON_TRACK


def test_rising_against_a_decreasing_target_is_deterioration():
    a = check([(2015, 180), (2020, 200)], 150, comparator="<")
    assert a.ratio is not None
    assert a.ratio < 0
    assert a.status is Status.DETERIORATING


def test_a_target_already_met_is_achieved():
    a = check([(2015, 100), (2020, 160)], 150)
    assert a.status is Status.ACHIEVED
    assert "已达到目标" in a.explanation_zh


def test_a_strict_target_is_not_met_by_an_equal_value():
    a = check([(2015, 900), (2020, 1000)], 1000, comparator=">")
    assert a.status is not Status.ACHIEVED


@pytest.mark.parametrize(
    ("latest", "target", "ratio", "status"),
    [
        # base 0 in 2020 forces the slope method; one year of data, ten to go (2021 → 2031)
        (19, 219, 0.95, Status.ON_TRACK),  # 19 a year against 20 a year
        (3, 53, 0.6, Status.ACCELERATE),  # 3 against 5
        (0, 10, 0.0, Status.LIMITED),  # no change at all
    ],
)
def test_the_thresholds_belong_to_the_better_status(latest, target, ratio, status):
    a = check([(2020, 0), (2021, latest)], target, year=2031)
    assert a.method == "slope"
    assert a.ratio == ratio
    assert a.status is status


def test_a_zero_base_falls_back_to_the_annual_change():
    # 0 → 10 over 2015—2020: 2 a year; 10 → 30 by 2030: 2 a year; R = 1
    a = check([(2015, 0), (2020, 10)], 30)
    assert a.method == "slope"
    assert (a.actual_rate, a.required_rate, a.ratio) == (2.0, 2.0, 1.0)
    assert a.status is Status.ON_TRACK
    assert "年均增加2万吨" in a.explanation_zh


def test_negative_values_fall_back_to_the_annual_change():
    # a loss of 50 亿元 shrinking to 30 亿元: +4 a year; break-even by 2030 needs +3 a year; R = 1.333
    a = check([(2015, -50), (2020, -30)], 0, unit="亿元", series={"unit": "亿元"})
    assert a.method == "slope"
    assert a.ratio == pytest.approx(1.3333, abs=1e-4)
    assert a.status is Status.ON_TRACK


def test_a_target_near_a_natural_limit_is_judged_on_the_distance_to_the_limit():
    # 90% → 95%: the distance to 100% shrinks 10 → 5, −12.94% a year; 5 → 1 by 2030 needs −14.87%
    a = check(
        [(2015, 90), (2020, 95)],
        99,
        indicator="普及率",
        unit="%",
        series={"indicator": "普及率", "unit": "%"},
    )
    assert a.actual_rate == pytest.approx(-0.129449, abs=1e-6)
    assert a.required_rate == pytest.approx(-0.148660, abs=1e-6)
    assert a.ratio == pytest.approx(0.8708, abs=1e-4)
    assert a.status is Status.ACCELERATE
    assert a.explanation_zh.startswith(
        "2015—2020年距上限100%的差距由10个百分点缩小到5个百分点，年均缩小12.9%"
    )
    # without the limit the same data would look comfortably on track (R = 2.63)
    plain = check(
        [(2015, 90), (2020, 95)],
        99,
        indicator="普及率",
        unit="%",
        bounds=(None, None),
        series={"indicator": "普及率", "unit": "%"},
    )
    assert plain.ratio == pytest.approx(2.6307, abs=1e-4)


def test_a_share_cannot_be_asked_to_exceed_100_percent():
    a = check(
        [(2020, 20), (2021, 21)],
        120,
        indicator="森林覆盖率",
        unit="%",
        series={"indicator": "森林覆盖率", "unit": "%"},
    )
    assert a.status is Status.NOT_ASSESSABLE
    assert "超出自然上限100%" in a.explanation_zh


def test_a_rate_in_per_cent_also_shows_percentage_points():
    a = check(
        [(2023, 20), (2025, 21)],
        25,
        indicator="森林覆盖率",
        unit="%",
        series={"indicator": "森林覆盖率", "unit": "%"},
    )
    assert "（+0.5个百分点）" in a.explanation_zh
    assert "(+0.5 percentage points)" in a.explanation_en


def test_a_single_point_is_insufficient_data_with_a_reason():
    a = check([(2021, 300)], 400)
    assert a.status is Status.INSUFFICIENT
    assert a.explanation_zh.startswith("只有1个数据点（2021年300万吨）")
    assert a.explanation_en.startswith("a single data point")


def test_no_points_at_all_is_insufficient_data():
    a = check([], 400)
    assert a.status is Status.INSUFFICIENT
    assert "没有“肉类总产量”的实测数据" in a.explanation_zh


def test_a_target_year_covered_by_the_data_is_achieved_or_missed():
    assert check([(2021, 700), (2025, 760)], 750, year=2025).status is Status.ACHIEVED
    missed = check([(2021, 700), (2025, 740)], 750, year=2025)
    assert missed.status is Status.MISSED
    assert missed.explanation_zh.startswith("2025年为740万吨")


def test_a_target_year_gone_by_without_data_is_judged_and_says_so():
    a = check([(2020, 700), (2022, 720)], 750, year=2023)
    assert a.status is Status.LIMITED  # 1.4% a year against 4.2% needed in the last year
    assert "目标年份2023年已过，尚无该年数据" in a.explanation_zh


def test_a_goal_without_a_year_cannot_be_assessed():
    a = check([(2020, 1), (2021, 2)], 3, year=None)
    assert a.status is Status.NOT_ASSESSABLE
    assert a.explanation_zh == "目标没有年份，无法判断进度"


def test_a_series_in_another_unit_is_converted_to_the_targets_unit():
    grain = series([(2018, 710.8), (2024, 820)], indicator="粮食总产量", unit="亿斤")
    in_tonnes = goal(4250, indicator="粮食总产量", unit="万吨", year=2035)  # 850 亿斤
    in_jin = goal(850, indicator="粮食总产量", unit="亿斤", year=2035)
    a, b = assess(grain, in_tonnes, today=TODAY), assess(grain, in_jin, today=TODAY)
    assert a.status is b.status is Status.ON_TRACK
    assert a.ratio == pytest.approx(b.ratio, rel=1e-9)


def test_an_incompatible_series_cannot_be_assessed_and_says_why():
    a = check([(2020, 1), (2021, 2)], 3, series={"unit": "万亩"})
    assert a.status is Status.NOT_ASSESSABLE
    assert a.explanation_zh.startswith("单位不兼容：万亩 不能换算为 万吨")


def test_the_explanation_reads_like_the_office_writes():
    a = check([(2018, 100), (2024, 115)], 161, year=2035)
    assert a.explanation_zh.startswith(
        "2018—2024年年均增长2.4%，到2035年实现目标（不低于161万吨）需年均增长3.1%"
    )
    assert a.explanation_en.startswith(
        "2018–2024: +2.4% a year; reaching the target (at least 161 万吨) by 2035 needs +3.1% a year"
    )


def test_the_projection_and_its_gap_come_with_the_status():
    # 110 growing on at 1.924% a year for ten more years: 110 × 1.1^2 = 133.1, short by 6.9 万吨
    a = check([(2015, 100), (2020, 110)], 140)
    assert a.projection is not None
    assert a.projection.year == 2030
    assert a.projection.model == "compound"
    assert a.projection.value == pytest.approx(133.1)
    assert a.gap == pytest.approx(6.9)
    assert "照此速度2030年约为133万吨，距目标差6.9万吨" in a.explanation_zh
