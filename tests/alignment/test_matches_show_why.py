"""Every match shows both quotes side by side and why they match: shared words, policy verbs of one
meaning, the same programme, place or indicator; what the child adds is listed apart."""

from __future__ import annotations

from luoshi.alignment.matching import ADDED, COVERED, align, similarity
from luoshi.document import extract

PARENT = """关于推进发展的决定
一、任务
加快推进“三北”工程攻坚战，在科尔沁沙地开展综合治理。
强化高校毕业生就业服务。
"""
CHILD = """通辽市实施方案
一、任务
全力推进“三北”工程建设，抓好科尔沁沙地综合治理。
加强对高校毕业生的就业服务。
建设现代煤化工示范基地。
"""


def result():
    return align(extract(PARENT), extract(CHILD))


def test_a_paraphrase_is_matched_with_both_quotes():
    r = next(r for r in result().items if "三北" in r.parent_text)
    assert r.status == COVERED
    assert "三北" in r.parent_text
    assert "三北" in r.child_text


def test_the_reasons_name_the_programme_the_place_and_the_shared_words():
    r = next(r for r in result().items if "三北" in r.parent_text)
    codes = {w.code: w for w in r.reasons}
    assert "“三北”" in codes["programme"].zh
    assert "科尔沁" in codes["words"].zh + codes.get("place", codes["words"]).zh
    assert codes["programme"].en.startswith("the same programme")


def test_policy_verbs_of_one_meaning_are_said():
    r = next(r for r in result().items if "高校" in r.parent_text)
    assert r.status == COVERED
    assert "强化—加强" in next(w.zh for w in r.reasons if w.code == "synonym")


def test_what_the_child_adds_is_listed_apart():
    added = result().added
    assert [r.status for r in added] == [ADDED]
    assert "煤化工" in added[0].child_text


def test_the_counts_add_up():
    a = result()
    assert sum(a.counts[k] for k in ("covered", "weakened", "missing")) == len(a.items)
    assert a.counts["added"] == len(a.added)


def test_similarity_reads_chinese_characters_only():
    assert similarity("森林覆盖率", "森林覆盖率（%）") == 1.0
    assert similarity("森林覆盖率", "失业率") < 0.3
