"""Open SDG's progress measure, available exactly beside luoshi's (``methodology="open_sdg"``).

The rules, as Open SDG publishes them in its methodology and applies them in sdg-build's progress
measure (issue 16 states them; docs/indicators.md lists what was relied on): the latest value x at
year t against the value x₀ of the base year t₀;

- with a target v by year T: CAGR_actual = (x/x₀)^(1/(t−t₀)) − 1, CAGR_required = (v/x₀)^(1/(T−t₀)) − 1,
  R = CAGR_actual ÷ CAGR_required (both negative for a target below the base: the sign flips back),
  on track at R ≥ 0.95, acceleration needed at 0.6 ≤ R < 0.95, limited progress at 0 ≤ R < 0.6,
  deterioration below; the target already met is achieved;
- without a target: the growth rate in the desired direction (downwards the growth of 1/x) against
  1.5% / 0.5% / 0 a year;
- a value of 0 is taken as 0.001; the base year is the configured one, or the first year after it
  that has data; no natural limits.

The cases are written here from those rules, each with its hand computation; where luoshi's own
method says something else the test says both.
"""

from __future__ import annotations

import pytest

from luoshi.indicators import OPEN_SDG_BASE_YEAR, Series, Status, assess, assess_direction

from .helpers import TODAY, goal, series


def sdg(values, target, **kw):
    base_year = kw.pop("base_year", None)
    s = series(values, **kw.pop("series", {}))
    return assess(s, goal(target, **kw), today=TODAY, methodology="open_sdg", base_year=base_year)


def luoshi(values, target, **kw):
    s = series(values, **kw.pop("series", {}))
    return assess(s, goal(target, **kw), today=TODAY)


# with a target ------------------------------------------------------------------------------------
def test_the_required_rate_runs_from_the_base_year_where_luoshi_runs_it_from_the_latest_value():
    # 100 → 104 over 2015—2020, target 120 by 2030. Open SDG: 0.7875% against (120/100)^(1/15) − 1 =
    # 1.2229%, R = 0.644. luoshi: 0.7875% against (120/104)^(1/10) − 1 = 1.4412%, R = 0.546.
    a = sdg([(2015, 100), (2020, 104)], 120)
    assert a.methodology == "open_sdg"
    assert a.actual_rate == pytest.approx(0.007875, abs=1e-6)
    assert a.required_rate == pytest.approx(0.012229, abs=1e-6)
    assert a.ratio == pytest.approx(0.6440, abs=1e-4)
    assert a.status is Status.ACCELERATE
    b = luoshi([(2015, 100), (2020, 104)], 120)
    assert b.methodology == "luoshi"
    assert b.ratio == pytest.approx(0.5464, abs=1e-4)
    assert b.status is Status.LIMITED
    assert a.explanation_zh.startswith("按Open SDG方法（基年2015年），2015—2020年年均增长0.79%，按基年数值")
    assert a.explanation_en.startswith(
        "by the Open SDG method (base year 2015), +0.79% a year over 2015–2020"
    )


@pytest.mark.parametrize(
    ("latest", "target", "ratio", "status"),
    [
        (120, 150, 1.3554, Status.ON_TRACK),  # 3.7137% against (150/100)^(1/15) − 1 = 2.7400%
        (102, 150, 0.1448, Status.LIMITED),  # 0.3968% against 2.7400%
        (95, 120, -0.8346, Status.DETERIORATING),  # −1.0206% against 1.2229%
    ],
)
def test_the_thresholds_are_luoshis(latest, target, ratio, status):
    a = sdg([(2015, 100), (2020, latest)], target)
    assert a.ratio == pytest.approx(ratio, abs=1e-4)
    assert a.status is status


def test_a_target_below_the_base_divides_two_falling_rates():
    # 200 → 180 over 2015—2020, at most 150 by 2030: −2.0852% ÷ −1.8996% = 1.098 (luoshi: 1.154)
    a = sdg([(2015, 200), (2020, 180)], 150, comparator="<=")
    assert a.actual_rate < 0
    assert a.required_rate < 0
    assert a.ratio == pytest.approx(1.0977, abs=1e-4)
    assert a.status is Status.ON_TRACK


def test_a_target_met_is_achieved_with_the_top_score():
    a = sdg([(2015, 100), (2020, 125)], 120)
    assert a.status is Status.ACHIEVED
    assert a.score == 5


def test_a_zero_is_taken_as_a_thousandth():
    # 0 → 1 over 2015—2020, at least 100 by 2030: Open SDG reads 0.001 → 1, 298% a year, against
    # (100/0.001)^(1/15) − 1 = 115% a year: R = 2.58, on track. luoshi's change per year says
    # 0.2 a year against 9.9 a year: limited progress. The difference is documented.
    a = sdg([(2015, 0), (2020, 1)], 100)
    assert a.ratio == pytest.approx(2.5823, abs=1e-4)
    assert a.status is Status.ON_TRACK
    assert "按Open SDG的做法，数值0按0.001计算" in a.explanation_zh
    assert "a value of 0 is taken as 0.001" in a.explanation_en
    b = luoshi([(2015, 0), (2020, 1)], 100)
    assert b.method == "slope"
    assert b.status is Status.LIMITED


def test_negative_values_of_one_sign_are_compared_by_their_rates():
    # a loss of 50 亿元 shrinking to 30, at least −10 by 2030: −9.712% ÷ −10.174% = 0.955, on track
    a = sdg([(2015, -50), (2020, -30)], -10, unit="亿元", series={"unit": "亿元"})
    assert a.ratio == pytest.approx(0.9546, abs=1e-4)
    assert a.status is Status.ON_TRACK


def test_values_of_different_signs_cannot_be_assessed_and_luoshis_method_is_named():
    a = sdg([(2015, -50), (2020, -30)], 0, unit="亿元", series={"unit": "亿元"})
    assert a.status is Status.NOT_ASSESSABLE
    assert "数值正负不同" in a.explanation_zh
    assert "可改用落实方法" in a.explanation_zh
    assert (
        luoshi([(2015, -50), (2020, -30)], 0, unit="亿元", series={"unit": "亿元"}).status is Status.ON_TRACK
    )


def test_a_natural_limit_is_ignored_when_there_is_a_target():
    # 90% → 95%, at least 99% by 2030: 1.0872% against (99/90)^(1/15) − 1 = 0.6374%: R = 1.706, on track;
    # luoshi judges the distance to 100% instead (12.9% a year against 14.9%): acceleration needed
    kw = {"indicator": "普及率", "unit": "%", "series": {"indicator": "普及率", "unit": "%"}}
    a = sdg([(2015, 90), (2020, 95)], 99, **kw)
    assert a.ratio == pytest.approx(1.7056, abs=1e-4)
    assert a.status is Status.ON_TRACK
    assert "距上限" not in a.explanation_zh
    assert luoshi([(2015, 90), (2020, 95)], 99, **kw).status is Status.ACCELERATE


def test_a_level_to_keep_that_is_met_is_achieved_as_open_sdg_says():
    kw = {"indicator": "草原植被盖度", "unit": "%", "series": {"indicator": "草原植被盖度", "unit": "%"}}
    values = [(2019, 47), (2021, 46), (2023, 45.5)]
    assert sdg(values, 45, hold=True, year=2035, **kw).status is Status.ACHIEVED
    assert luoshi(values, 45, hold=True, year=2035, **kw).status is Status.ACCELERATE  # projected to slip


def test_a_base_met_and_then_lost_is_deterioration_not_progress():
    # 100 met "at least 90"; 85 no longer does. Both rates are negative, so their ratio is positive:
    # read literally it would be progress
    a = sdg([(2015, 100), (2020, 85)], 90)
    assert a.status is Status.DETERIORATING
    assert "已回到目标以外" in a.explanation_zh


# the base year ------------------------------------------------------------------------------------
VALUES = [(2015, 100), (2017, 99), (2020, 104)]


def test_the_base_year_is_the_series_first_by_default():
    a = sdg(VALUES, 120)
    assert a.base is not None
    assert a.base.year == 2015
    assert a.ratio == pytest.approx(0.6440, abs=1e-4)


def test_a_configured_base_year_drops_the_earlier_values():
    # from 2017: (104/99)^(1/3) − 1 = 1.6559% against (120/99)^(1/13) − 1 = 1.4908%: R = 1.111
    a = sdg(VALUES, 120, base_year=2017)
    assert a.base is not None
    assert a.base.year == 2017
    assert a.ratio == pytest.approx(1.1108, abs=1e-4)
    assert a.status is Status.ON_TRACK
    assert "以2017年为基年，只用2017年起的2个数据点" in a.explanation_zh


def test_a_base_year_without_a_value_moves_to_the_next_year_that_has_one():
    a = sdg(VALUES, 120, base_year=2016)
    assert a.base is not None
    assert a.base.year == 2017
    assert "以2016年为基年（该年没有数据，从2017年算起）" in a.explanation_zh


def test_open_sdgs_own_default_of_2015_is_there_to_configure():
    assert OPEN_SDG_BASE_YEAR == 2015
    a = sdg([(2010, 90), (2015, 100), (2020, 104)], 120, base_year=OPEN_SDG_BASE_YEAR)
    assert a.ratio == pytest.approx(0.6440, abs=1e-4)


def test_a_base_year_after_the_data_is_insufficient_data():
    a = sdg(VALUES, 120, base_year=2021)
    assert a.status is Status.INSUFFICIENT
    assert a.explanation_zh.startswith("基年2021年及以后没有数据；需要至少两年的“肉类总产量”数据（2021年起）")


def test_the_base_year_applies_to_luoshis_method_too():
    # from 2017: 1.6559% a year against the 1.4412% still required from 104: R = 1.149
    a = assess(series(VALUES), goal(120), today=TODAY, base_year=2017)
    assert a.ratio == pytest.approx(0.016559 / 0.014412, abs=1e-3)
    assert a.status is Status.ON_TRACK


# without a target ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("values", "comparator", "status"),
    [
        ([(2015, 100), (2020, 110)], ">=", Status.ON_TRACK),  # 1.924% a year up
        ([(2015, 100), (2020, 104)], ">=", Status.ACCELERATE),  # 0.787%
        ([(2015, 100), (2020, 101)], ">=", Status.LIMITED),  # 0.199%
        ([(2015, 100), (2020, 99)], ">=", Status.DETERIORATING),  # −0.201%
        ([(2023, 100), (2024, 101.5)], ">=", Status.ON_TRACK),  # 1.5% exactly: the better status
        ([(2023, 100), (2024, 100.5)], ">=", Status.ACCELERATE),  # 0.5% exactly
        ([(2023, 100), (2024, 100)], ">=", Status.LIMITED),  # 0 exactly
        ([(2015, 100), (2020, 90)], "<=", Status.ON_TRACK),  # 1/x grows 2.13% a year
        ([(2023, 100), (2024, 99.3)], "<=", Status.ACCELERATE),  # 1/x grows 0.705%
    ],
)
def test_without_a_target_the_growth_rate_in_the_desired_direction_decides(values, comparator, status):
    a = assess_direction(series(values), "肉类总产量", comparator, "万吨")
    assert a.method == "no_target"
    assert a.status is status


def test_downwards_open_sdg_measures_the_growth_of_the_reciprocal():
    # a fall of 1.48% a year is a rise of 1/x by 1/0.9852 − 1 = 1.502% a year: on track
    a = assess_direction(series([(2023, 100), (2024, 98.52)]), "能耗强度", "<=", "万吨")
    assert a.status is Status.ON_TRACK
    assert "年均下降1.5%（按倒数计为年均改善1.5%）" in a.explanation_zh


def test_a_target_without_a_year_is_judged_without_a_target():
    a = sdg([(2015, 100), (2020, 110)], 500, year=None)
    assert a.method == "no_target"
    assert a.status is Status.ON_TRACK
    assert "目标没有年份" in a.explanation_zh
    assert luoshi([(2015, 100), (2020, 110)], 500, year=None).status is Status.NOT_ASSESSABLE


def test_without_a_direction_there_is_nothing_to_judge():
    a = assess_direction(series([(2015, 100), (2020, 110)]), "肉类总产量", "=", "万吨")
    assert a.status is Status.NOT_ASSESSABLE


def test_an_unknown_methodology_is_refused():
    with pytest.raises(ValueError, match="unknown methodology"):
        assess(Series.of("x", "万吨", [(2020, 1), (2021, 2)]), goal(3), methodology="sdg")  # type: ignore[arg-type]
