"""Changes are named in the unit they are measured in, in both languages: percentage points
(个百分点) for a change of a share or a rate, per cent for a relative change, the target's own
unit for a change of a count or a quantity."""

from __future__ import annotations

from luoshi.indicators import assess

from .helpers import TODAY, goal, series


def share(values, target, **kw):
    return assess(
        series(values, indicator="普及率", unit="%"),
        goal(target, indicator="普及率", unit="%", **kw),
        today=TODAY,
    )


def test_a_share_closing_on_its_limit_changes_by_percentage_points_not_per_cent():
    # 90% → 95% over 2015—2020, target 100%: the distance to 100% falls from 10 to 5 points, 1 a year;
    # closing the last 5 points by 2030 needs 0.5 a year
    a = share([(2015, 90), (2020, 95)], 100)
    zh, en = a.explanation_zh, a.explanation_en
    assert "差距由10个百分点缩小到5个百分点，年均缩小1个百分点" in zh
    assert "需缩小到0，年均缩小0.5个百分点" in zh
    assert "100%" not in zh.replace("上限100%", "").replace("不低于100%", "").replace("约为100%", "")
    assert "narrowed from 10 to 5 percentage points, narrowing by 1 percentage point a year" in en
    assert "narrowing by 0.5 percentage points a year" in en
    assert "-100%" not in en


def test_a_relative_change_of_the_distance_to_a_limit_is_in_per_cent():
    a = share([(2015, 90), (2020, 95)], 99)
    assert "年均缩小12.9%" in a.explanation_zh
    assert "需缩小到1个百分点，年均缩小14.9%" in a.explanation_zh
    assert "narrowing by 12.9% a year" in a.explanation_en


def test_growth_of_a_rate_is_relative_with_its_change_in_points_beside_it():
    a = share([(2015, 60), (2020, 66)], 80)
    assert "年均增长1.9%（+1.2个百分点）" in a.explanation_zh
    assert "+1.9% (+1.2 percentage points) a year" in a.explanation_en


def test_a_shortfall_of_a_share_is_in_percentage_points():
    a = share([(2015, 60), (2020, 62)], 80)
    assert "距目标差" in a.explanation_zh
    assert a.explanation_zh.split("距目标差")[1].split("个百分点")[0].replace(".", "").isdigit()
    assert "percentage points short of the target" in a.explanation_en


def test_growth_of_money_is_relative():
    a = assess(series([(2020, 100), (2022, 121)], unit="亿元"), goal(300, unit="亿元"), today=TODAY)
    assert "2020—2022年年均增长10%" in a.explanation_zh
    assert "+10% a year" in a.explanation_en


def test_a_count_from_zero_changes_by_its_own_unit():
    a = assess(
        series([(2018, 0), (2023, 6)], indicator="示范学校", unit="所"),
        goal(20, indicator="示范学校", unit="所"),
        today=TODAY,
    )
    assert "年均增加1.2所" in a.explanation_zh
    assert "需年均增加2所" in a.explanation_zh
    assert "+1.2 所 a year" in a.explanation_en
    assert "%" not in a.explanation_zh


def test_a_share_from_zero_changes_by_percentage_points():
    a = share([(2018, 0), (2023, 10)], 50)
    assert "年均增加2个百分点" in a.explanation_zh
    assert "+2 percentage points a year" in a.explanation_en
