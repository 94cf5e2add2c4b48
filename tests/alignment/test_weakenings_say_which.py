"""A weakened match says what is weaker: a lower value, a later year, a milder comparator, softer
wording or a target left out; amounts of a league's own plan are its share, not a weakening."""

from __future__ import annotations

from luoshi.alignment.matching import COVERED, MISSING, WEAKENED, align
from luoshi.document import extract

PARENT = """关于加快发展的决定
一、目标
到2027年，全区森林覆盖率达到26%以上。
到2027年，全区奶类产量达到1000万吨。
到2030年，全区城镇调查失业率控制在5.5%以内。
到2027年，全区新能源装机规模超过1.5亿千瓦。
二、任务
确保全面建成黑土地保护示范区。
"""


def aligned(child: str):
    return align(extract(PARENT), extract(child))


def codes(row):
    return {w.code for w in row.weakenings}


def item(result, fragment):
    return next(r for r in result.items if fragment in r.parent_text)


def test_a_lower_rate_is_weaker():
    r = item(aligned("某厅实施方案\n一、目标\n到2027年，全区森林覆盖率达到25%以上。"), "森林")
    assert r.status == WEAKENED
    assert codes(r) == {"value"}
    assert "25%" in r.weakenings[0].zh
    assert "26%" in r.weakenings[0].zh


def test_a_higher_ceiling_is_weaker_where_lower_is_better():
    r = item(aligned("某厅实施方案\n一、目标\n到2030年，全区城镇调查失业率控制在6%以内。"), "失业率")
    assert r.status == WEAKENED
    assert codes(r) == {"value"}
    assert "高于" in r.weakenings[0].zh


def test_a_later_year_is_weaker():
    r = item(aligned("某厅实施方案\n一、目标\n到2028年，全区奶类产量达到1000万吨。"), "奶类")
    assert r.status == WEAKENED
    assert codes(r) == {"year"}


def test_a_milder_comparator_is_weaker():
    r = item(aligned("某厅实施方案\n一、目标\n到2027年，全区新能源装机规模达到1.5亿千瓦左右。"), "新能源")
    assert r.status == WEAKENED
    assert codes(r) == {"comparator"}


def test_softer_wording_is_weaker():
    r = item(aligned("某厅实施方案\n一、任务\n力争建设黑土地保护示范区。"), "黑土地")
    assert r.status == WEAKENED
    assert codes(r) == {"verb"}
    assert "确保" in r.weakenings[0].zh
    assert "力争" in r.weakenings[0].zh


def test_the_same_or_a_stronger_target_is_covered():
    r = item(aligned("某厅实施方案\n一、目标\n到2026年，全区森林覆盖率达到27%以上。"), "森林")
    assert r.status == COVERED
    assert not r.weakenings


def test_a_target_left_out_of_a_matched_item_weakens_it():
    parent = extract("关于加快发展的决定\n一、目标\n到2027年，森林覆盖率达到26%，草原综合植被盖度稳定在45%。")
    child = extract("某厅实施方案\n一、目标\n到2027年，森林覆盖率达到26%，草原生态持续向好。")
    r = item(align(parent, child), "森林")
    assert r.status == WEAKENED
    assert codes(r) == {"target_dropped"}
    assert "草原综合植被盖度" in r.weakenings[0].zh


def test_a_league_plans_its_own_share_of_an_amount():
    child = extract("乌兰察布市实施方案\n一、目标\n到2027年，全市奶类产量达到150万吨。")
    result = align(extract(PARENT), child)
    assert result.sub_region
    r = item(result, "奶类")
    assert r.status == COVERED
    target = next(t for t in result.targets if "奶类" in t.parent_text)
    assert "local" in {w.code for w in target.reasons}


def test_a_league_is_still_held_to_a_rate():
    child = extract("乌兰察布市实施方案\n一、目标\n到2027年，全市森林覆盖率达到20%以上。")
    assert item(align(extract(PARENT), child), "森林").status == WEAKENED


def test_an_item_the_child_leaves_out_is_missing():
    r = item(aligned("某厅实施方案\n一、目标\n到2027年，全区森林覆盖率达到26%以上。"), "黑土地")
    assert r.status == MISSING
    assert r.child is None
