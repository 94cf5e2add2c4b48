"""Goals and relations read from the targets that luoshi.document extracts."""

from __future__ import annotations

import pytest

from luoshi.document import extract
from luoshi.indicators import Goal, Relation


def one(text: str):
    (target,) = extract(text).targets
    return target


def test_a_level_to_keep_becomes_a_hold_goal():
    g = Goal.from_target(one("到2035年全区草原植被盖度稳定在45%以上。"))
    assert (g.indicator, g.comparator, g.value, g.unit, g.year, g.hold) == (
        "草原植被盖度",
        ">=",
        45,
        "%",
        2035,
        True,
    )


def test_a_ceiling_to_keep_becomes_a_hold_goal():
    g = Goal.from_target(one("到2025年城镇调查失业率控制在5.5%以内。"))
    assert (g.comparator, g.value, g.hold) == ("<=", 5.5, True)


def test_a_level_to_reach_is_not_a_hold_goal():
    g = Goal.from_target(one("到2035年将全区粮食综合生产能力提升至850亿斤。"))
    assert (g.indicator, g.value, g.unit, g.hold) == ("粮食综合生产能力", 850, "亿斤", False)


def test_a_relational_target_becomes_a_relation():
    r = Relation.from_target(one("到2025年新能源装机规模超过火电装机规模。"))
    assert (r.indicator, r.comparator, r.reference, r.year) == ("新能源装机规模", ">", "火电装机规模", 2025)


def test_other_kinds_are_refused():
    milestone = one("到2025年基本消除重污染天气。")
    with pytest.raises(ValueError, match="not a numeric target"):
        Goal.from_target(milestone)
    with pytest.raises(ValueError, match="not a relational target"):
        Relation.from_target(milestone)
