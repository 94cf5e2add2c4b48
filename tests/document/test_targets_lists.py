"""One figure for listed subjects (N个…超…), and 分别 with one figure per subject."""

from __future__ import annotations

from .helpers import brief, targets


def test_a_figure_shared_by_listed_subjects_gives_one_target_each():
    found = targets("做大做强玉米、奶业2个产值超千亿元的产业。")
    assert [brief(t) for t in found] == [
        ("numeric", "玉米产值", ">", 1000, "亿元", None),
        ("numeric", "奶业产值", ">", 1000, "亿元", None),
    ]


def test_a_list_ended_by_deng_names_only_the_subjects_it_lists():
    found = targets("培育羊绒、向日葵、杂粮等5个产值过百亿元的产业集群。")
    assert [t.indicator for t in found] == ["羊绒产值", "向日葵产值", "杂粮产值"]
    assert all((t.comparator, t.value, t.unit) == (">", 100, "亿元") for t in found)


def test_several_shared_figures_in_one_sentence():
    found = targets("做强奶业、肉羊2个产值超千亿元，马铃薯、饲草2个产值超500亿元的产业。")
    assert [(t.indicator, t.value) for t in found] == [
        ("奶业产值", 1000),
        ("肉羊产值", 1000),
        ("马铃薯产值", 500),
        ("饲草产值", 500),
    ]


def test_fenbie_gives_each_subject_its_own_figure():
    found = targets("今年一产、二产、三产增加值分别增长4%、7%和6%左右。", year=2026)
    assert [brief(t) for t in found] == [
        ("numeric", "一产增加值增长", "≈", 4, "%", 2026),
        ("numeric", "二产增加值增长", "≈", 7, "%", 2026),
        ("numeric", "三产增加值增长", "≈", 6, "%", 2026),
    ]


def test_fenbie_with_a_level_verb():
    found = targets("到2030年，森林覆盖率、草原植被盖度分别达到28%和50%。")
    assert [brief(t) for t in found] == [
        ("numeric", "森林覆盖率", ">=", 28, "%", 2030),
        ("numeric", "草原植被盖度", ">=", 50, "%", 2030),
    ]


def test_cheng_xiang_with_two_figures_means_urban_and_rural():
    found = targets("到2030年，城乡居民人均可支配收入分别增长5%和7%。")
    assert [(t.indicator, t.value) for t in found] == [
        ("城镇居民人均可支配收入增长", 5),
        ("农村居民人均可支配收入增长", 7),
    ]


def test_short_subjects_share_the_noun_that_follows_the_last():
    found = targets("到2030年，城镇、农村居民人均可支配收入分别达到6万元和3万元。")
    assert [t.indicator for t in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
