"""Keep-above and keep-below targets (稳定在45%以上, 控制在5.5%以内): is the level kept, not how fast it grows."""

from __future__ import annotations

from luoshi.indicators import Status, assess

from .helpers import TODAY, goal, series


def grass(values, target=45, **kw):
    kw.setdefault("hold", True)
    s = series(values, indicator="草原植被盖度", unit="%")
    return assess(s, goal(target, indicator="草原植被盖度", unit="%", year=2035, **kw), today=TODAY)


def test_a_level_kept_flat_is_on_track():
    a = grass([(2019, 45), (2020, 45), (2021, 45)])
    assert a.method == "hold"
    assert a.status is Status.ON_TRACK
    assert a.ratio is None  # growth does not apply
    assert "目前符合“不低于45%”" in a.explanation_zh
    assert "可以保持" in a.explanation_zh


def test_a_level_met_today_but_sliding_below_needs_action():
    a = grass([(2019, 47), (2020, 46), (2021, 45.5)])
    assert a.status is Status.ACCELERATE
    assert "越过目标线" in a.explanation_zh
    assert "需采取措施保持" in a.explanation_zh
    assert a.gap is not None
    assert a.gap > 0


def test_a_keep_below_target_is_kept_when_the_trend_stays_under():
    s = series([(2021, 5.0), (2022, 4.9), (2023, 4.8)], indicator="城镇调查失业率", unit="%")
    a = assess(
        s, goal(5.5, indicator="城镇调查失业率", unit="%", comparator="<=", hold=True, year=2035), today=TODAY
    )
    assert a.status is Status.ON_TRACK


def test_a_keep_below_target_rising_through_the_ceiling_needs_action():
    s = series([(2021, 5.0), (2022, 5.1), (2023, 5.2)], indicator="城镇调查失业率", unit="%")
    a = assess(
        s, goal(5.5, indicator="城镇调查失业率", unit="%", comparator="<=", hold=True, year=2035), today=TODAY
    )
    assert a.status is Status.ACCELERATE
    assert "约2026年越过目标线" in a.explanation_zh  # 5.2 + 0.1 a year passes 5.5 during 2026


def test_a_level_not_yet_reached_is_judged_as_a_target_to_reach():
    a = grass([(2015, 40), (2020, 43)])
    assert a.method == "growth"
    assert a.status in (Status.ON_TRACK, Status.ACCELERATE)


def test_a_single_point_on_the_right_side_cannot_show_it_will_hold():
    a = grass([(2023, 45)])
    assert a.status is Status.INSUFFICIENT
    assert "只有1个数据点，无法判断能否保持" in a.explanation_zh


def test_without_hold_a_level_already_met_is_simply_achieved():
    a = grass([(2019, 47), (2020, 46), (2021, 45.5)], hold=False)
    assert a.status is Status.ACHIEVED
