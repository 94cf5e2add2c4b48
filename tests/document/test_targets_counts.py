"""A count says what it counts: the noun after the figure (选派2000名科技特派员), the people a
measure serves (为超2万名残疾儿童提供…), the nouns of a list (40个示范点和6条示范带), a level's noun
shared (6个国家级、20个省级重点专科). Written by the team in the style of a work report."""

from __future__ import annotations

from .helpers import targets

YEAR = {"year": 2026}


def _seen(text: str) -> list[tuple[object, ...]]:
    return [(t.indicator, t.comparator, t.value, t.unit) for t in targets(text, **YEAR)]


def test_the_noun_after_a_count_is_what_it_counts():
    assert _seen("今年，选派2000名农村科技特派员。") == [("选派农村科技特派员", "=", 2000, "名")]


def test_a_count_after_any_verb_of_work_counts_its_noun():
    assert _seen("今年，打通50条断头路，办好15件民生实事。") == [
        ("打通断头路", "=", 50, "条"),
        ("办好民生实事", "=", 15, "件"),
    ]


def test_the_people_a_measure_serves_are_counted_with_what_they_receive():
    (t,) = targets("今年，为超2万名视力、听力残疾儿童免费提供康复救助服务。", **YEAR)
    assert (t.comparator, t.value, t.unit) == (">", 2, "万名")
    assert t.indicator == "为视力、听力残疾儿童免费提供康复救助服务"


def test_a_count_of_households_helped_is_a_target():
    assert _seen("今年，帮助8万户以上群众实现安居。") == [("帮助群众实现安居", ">=", 8, "万户")]


def test_for_before_an_age_describes_the_people_and_sets_nothing():
    assert _seen("今年，为3岁以下婴幼儿提供普惠托育服务。") == []


def test_nouns_joined_by_he_are_a_list_not_a_qualifier():
    assert _seen("今年，重点建设40个示范点和6条示范带。") == [
        ("重点建设示范点", "=", 40, "个"),
        ("示范带", "=", 6, "条"),
    ]


def test_a_level_shares_the_noun_after_the_next_figure():
    assert [t.indicator for t in targets("今年，新建6个国家级、20个省级临床重点专科。", **YEAR)] == [
        "新建国家级临床重点专科",
        "省级临床重点专科",
    ]


def test_a_total_counts_what_the_clause_before_names():
    (t,) = targets("今年，资助残疾人大学生和困难家庭子女大学生，合计6300名。", **YEAR)
    assert (t.indicator, t.value) == ("资助残疾人大学生和困难家庭子女大学生", 6300)


def test_the_size_of_a_fund_is_of_the_fund():
    (t,) = targets("今年，设立规模50亿元的绿色发展基金。", **YEAR)
    assert (t.indicator, t.value, t.unit) == ("绿色发展基金规模", 50, "亿元")


def test_money_raised_for_a_programme_names_the_programme():
    (t,) = targets("今年，筹措7亿元实施就业惠民工程。", **YEAR)
    assert "就业惠民工程" in t.indicator
    assert (t.value, t.unit) == (7, "亿元")


def test_a_batch_of_a_class_is_not_an_amount():
    assert _seen("今年，布局一批50万千瓦以上大型风光基地。") == []


def test_a_class_named_by_a_round_magnitude_is_not_an_amount():
    assert _seen("今年，加快建设千亿立方米天然气生产基地。") == []


def test_a_verb_before_a_list_of_figures_governs_each():
    assert _seen("今年，高新技术企业达到1.5万家、科技型中小企业3.2万家。") == [
        ("高新技术企业", ">=", 1.5, "万家"),
        ("科技型中小企业", ">=", 3.2, "万家"),
    ]


def test_a_count_after_a_verb_and_a_comparator_still_counts_its_noun():
    assert _seen("今年，提供不少于10万个高校毕业生就业岗位。") == [
        ("提供高校毕业生就业岗位", ">=", 10, "万个")
    ]


def test_the_items_of_a_list_after_one_verb_each_count_their_own_noun():
    assert _seen("今年，新建10家概念验证中心、30家孵化器和10家中试平台。") == [
        ("新建概念验证中心", "=", 10, "家"),
        ("孵化器", "=", 30, "家"),
        ("中试平台", "=", 10, "家"),
    ]


def test_figures_listed_with_a_magnitude_alone_take_the_unit_of_the_last():
    found = targets(
        "今年，电子信息、有色金属、装备制造业产业规模分别达1.28万亿、1.18万亿、8200亿元。", year=2026
    )
    assert [(t.value, t.unit) for t in found] == [(1.28, "万亿元"), (1.18, "万亿元"), (8200, "亿元")]
