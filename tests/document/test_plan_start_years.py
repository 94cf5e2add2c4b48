"""A five-year plan named at its start (“十五五”开局之年, 良好开局, 第一年) is this year, the plan's
first, not its last; a year that names a vision (2035年远景目标) is no deadline of the sentence; and
the goals of the year take their year from the sentence that introduces them, not the one before."""

from __future__ import annotations

from luoshi.document import extract
from luoshi.document._targets import find_years


def _years(text: str) -> list[tuple[int | None, bool]]:
    return [(y.year, y.governs) for y in find_years(text, 2026)]


def test_the_opening_year_of_a_plan_is_its_first_year():
    assert _years("这一年是“十五五”开局之年") == [(2026, True)]
    assert _years("确保“十五五”良好开局") == [(2026, True)]
    assert _years("“十五五”第一年") == [(2026, True)]


def test_a_plan_named_in_words_is_read_like_its_short_name():
    assert _years("第十五个五年规划期间") == [(2030, False)]
    assert _years("到第十五个五年末") == [(2030, True)]


def test_a_plan_period_without_a_start_word_still_ends_in_its_last_year():
    assert _years("“十五五”时期") == [(2030, True)]


def test_a_vision_named_by_its_year_is_no_deadline():
    assert _years("为实现2035年远景目标打下基础") == [(2035, False)]


REPORT = """示范省政府工作报告
——2026年1月18日在示范省人民代表大会上
一、2026年工作安排
做好今年工作，要坚持稳中求进，扎实推动高质量发展，确保“十五五”良好开局。主要预期目标是：全省生产总值增长5%以上，一般公共预算收入增长2%左右。
综合考虑实现2035年远景目标和现实支撑条件，今年居民消费价格涨幅2%左右。
"""


def test_the_goals_after_a_sentence_about_the_plans_start_belong_to_this_year():
    years = {t.indicator: t.year for t in extract(REPORT).targets}
    assert years["生产总值增长"] == 2026
    assert years["一般公共预算收入增长"] == 2026


def test_a_vision_in_the_sentence_does_not_date_this_years_target():
    years = {t.indicator: t.year for t in extract(REPORT).targets}
    assert years["居民消费价格涨幅"] == 2026
