"""The chart is SVG drawn on the server: points, target, required path, band, breaks; accessible, self-contained."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from luoshi.indicators import Break, Goal, Relation, Series, assess, assess_relation
from luoshi.indicators.charts import chart

TODAY = date(2026, 11, 27)
SVG = "{http://www.w3.org/2000/svg}"
MEAT = Series.of("肉类总产量", "万吨", [(2018, 260), (2019, 262), (2020, 258), (2022, 268), (2023, 270)])
MEAT_GOAL = Goal("肉类总产量", ">=", 400, "万吨", 2035, text="到2035年肉类总产量提高到400万吨")


def _svg(series: Series, goal: Goal) -> ET.Element:
    return ET.fromstring(chart(series, goal=goal, assessment=assess(series, goal, today=TODAY)))


def test_the_chart_is_well_formed_svg_with_a_title_and_a_description_that_reads_the_data() -> None:
    root = _svg(MEAT, MEAT_GOAL)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "到2035年肉类总产量提高到400万吨"
    desc = root.find(f"{SVG}desc").text
    assert "2018年 260万吨" in desc
    assert "2023年 270万吨" in desc


def test_it_contains_every_actual_point() -> None:
    root = _svg(MEAT, MEAT_GOAL)
    points = root.findall(f".//{SVG}g[@class='actual']/{SVG}circle[@class='point']")
    assert [(p.get("data-year"), p.get("data-value")) for p in points] == [
        ("2018", "260"),
        ("2019", "262"),
        ("2020", "258"),
        ("2022", "268"),
        ("2023", "270"),
    ]


def test_it_contains_the_target_marker_the_required_path_the_trend_and_its_band() -> None:
    root = _svg(MEAT, MEAT_GOAL)
    target = root.find(f".//{SVG}g[@class='target']")
    assert target is not None
    assert "目标 ≥400万吨" in "".join(target.itertext())
    assert root.find(f".//{SVG}polyline[@class='required']") is not None
    assert root.find(f".//{SVG}polyline[@class='trend']") is not None
    band = root.find(f".//{SVG}polygon[@class='band']")
    assert band is not None
    assert len(band.get("points").split()) >= 4


def test_the_required_path_ends_on_the_target() -> None:
    svg = chart(MEAT, goal=MEAT_GOAL, assessment=assess(MEAT, MEAT_GOAL, today=TODAY))
    required = re.search(r'class="required" points="([^"]+)"', svg).group(1).split()
    diamond = re.search(r'<path d="M([\d.]+),([\d.]+) l7,7', svg)
    x_end, y_end = (float(v) for v in required[-1].split(","))
    assert abs(x_end - float(diamond.group(1))) < 0.2
    assert abs(y_end - (float(diamond.group(2)) + 7)) < 0.2


def test_a_break_is_drawn_and_the_points_before_it_are_hollow() -> None:
    forest = Series.of(
        "森林覆盖率",
        "%",
        [(2019, 22.1), (2021, 23.0), (2022, 23.0), (2023, 20.8), (2024, 21.0)],
        breaks=[Break(2023, "新一轮调查基数", "a new survey base")],
    )
    goal = Goal("森林覆盖率", ">=", 25, "%", 2035)
    root = _svg(forest, goal)
    brk = root.find(f".//{SVG}g[@class='break']")
    assert brk is not None
    assert "2023年起新一轮调查基数" in "".join(brk.itertext())
    fills = {p.get("data-year"): p.get("fill") for p in root.iter(f"{SVG}circle")}
    assert fills["2022"] == "#fff"
    assert fills["2023"] != "#fff"


def test_a_series_in_another_unit_is_drawn_in_the_targets_unit() -> None:
    grain = Series.of("粮食总产量", "万吨", [(2020, 3664), (2024, 4100)])
    svg = chart(grain, goal=Goal("粮食总产量", ">=", 850, "亿斤", 2035))
    assert 'data-value="820"' in svg
    assert ">亿斤<" in svg


def test_a_relational_chart_shows_both_series_and_the_year_they_cross() -> None:
    a = Series.of("新能源装机", "万千瓦", [(2020, 5000), (2021, 6000), (2022, 7000)])
    b = Series.of("火电装机", "万千瓦", [(2020, 10000), (2021, 10200), (2022, 10400)])
    rel = Relation("新能源装机", "火电装机", ">", 2025)
    result = assess_relation(a, b, rel, today=TODAY)
    root = ET.fromstring(chart(a, relation=rel, reference=b, assessment=result))
    assert len(root.findall(f".//{SVG}g[@class='actual']/{SVG}circle")) == 3
    assert len(root.findall(f".//{SVG}g[@class='reference']/{SVG}rect")) == 3
    assert "约2027年超过" in "".join(root.find(f".//{SVG}g[@class='crossing']").itertext())


def test_it_needs_no_external_asset_and_runs_no_script() -> None:
    svg = chart(MEAT, goal=MEAT_GOAL, assessment=assess(MEAT, MEAT_GOAL, today=TODAY))
    assert "<script" not in svg
    assert "<image" not in svg
    assert "href" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


def test_an_empty_series_says_there_is_no_data_and_text_is_escaped() -> None:
    svg = chart(Series("A<&>B", "万亩", ()), goal=Goal("A<&>B", ">=", 480, "万亩", 2035))
    ET.fromstring(svg)
    assert "暂无实测数据" in svg
    assert "A&lt;&amp;&gt;B" in svg


def test_the_labels_are_in_english_when_asked() -> None:
    svg = chart(MEAT, goal=MEAT_GOAL, assessment=assess(MEAT, MEAT_GOAL, today=TODAY), lang="en")
    assert "Required path" in svg
    assert "Target" in svg
    assert "实际值" not in svg
