"""The year in force as a report goes on: a heading's year, then the year a paragraph opens with
(今年是…, “十五五”时期…), carried into the subsections that follow."""

from __future__ import annotations

from luoshi.document import extract

MIXED = """政府工作报告
——2026年1月20日在示范省人民代表大会上
一、“十五五”时期目标任务和2026年工作安排
《纲要（草案）》提出，全省地区生产总值年均增长5%左右。
今年是“十五五”开局之年，必须迈好第一步。
全省经济社会发展的主要预期目标是：地区生产总值增长4.5%左右，城镇新增就业45万人以上。
（一）扩大有效需求。固定资产投资增长3%左右。
（二）建设现代化产业体系。新增智能工厂80家。
"""


def test_a_paragraph_that_opens_with_this_year_dates_what_follows_in_its_section():
    years = {(t.indicator, t.value): t.year for t in extract(MIXED).targets}
    assert years[("地区生产总值年均增长", 5)] == 2030
    assert years[("地区生产总值增长", 4.5)] == 2026
    assert years[("城镇新增就业", 45)] == 2026


def test_subsections_take_the_year_in_force_where_they_start():
    years = {(t.indicator, t.value): t.year for t in extract(MIXED).targets}
    assert years[("固定资产投资增长", 3)] == 2026
    assert years[("新增智能工厂", 80)] == 2026
