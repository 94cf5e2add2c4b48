"""The office's corrections win over the matcher: on the same pair by id, on another pair by text
(a learned link); learned synonyms bring paraphrases together."""

from __future__ import annotations

from luoshi.alignment.matching import COVERED, MISSING, Correction, align
from luoshi.document import extract

PARENT = extract("关于加快发展的决定\n一、任务\n加强基层医疗卫生服务能力建设。\n推进农村公路提档升级。\n")
CHILD = extract("某旗实施方案\n一、任务\n让农牧民就近看得上病、看得好病。\n推动农村公路提档升级改造。\n")


def row(result, fragment):
    return next(r for r in result.items if fragment in r.parent_text)


def test_without_a_correction_a_loose_paraphrase_is_missed():
    assert row(align(PARENT, CHILD), "医疗").status == MISSING


def test_a_correction_links_what_the_matcher_missed():
    medical = next(i for i in PARENT.items if "医疗" in i.text)
    clinic = next(i for i in CHILD.items if "看得上病" in i.text)
    r = row(align(PARENT, CHILD, corrections=[Correction(medical.id, clinic.id)]), "医疗")
    assert r.status == COVERED
    assert r.corrected
    assert r.child == clinic.id
    assert r.reasons[0].code == "corrected"


def test_a_correction_to_nothing_unlinks_a_match():
    roads = next(i for i in PARENT.items if "公路" in i.text)
    before = row(align(PARENT, CHILD), "公路")
    assert before.status == COVERED
    after = row(align(PARENT, CHILD, corrections=[Correction(roads.id, None)]), "公路")
    assert after.status == MISSING
    assert after.corrected
    assert any(
        "农村公路" in r.child_text
        for r in align(PARENT, CHILD, corrections=[Correction(roads.id, None)]).added
    )


def test_a_correction_learned_on_another_pair_applies_where_both_texts_recur():
    medical = next(i for i in PARENT.items if "医疗" in i.text)
    clinic = next(i for i in CHILD.items if "看得上病" in i.text)
    learned = Correction("9.9", "8.8", parent_text=medical.text, child_text=clinic.text)
    other_child = extract(
        "另一旗实施方案\n一、总体\n坚持人民至上。\n二、任务\n让农牧民就近看得上病、看得好病。\n"
    )
    r = row(align(PARENT, other_child, corrections=[learned]), "医疗")
    assert r.status == COVERED
    assert "看得上病" in r.child_text


def test_a_learned_synonym_brings_a_paraphrase_together():
    child = extract("某旗实施方案\n一、任务\n提升基层卫生院诊疗水平。\n")
    assert row(align(PARENT, child), "医疗").status == MISSING
    r = row(align(PARENT, child, synonyms={"卫生院诊疗水平": "医疗卫生服务能力"}), "医疗")
    assert r.status == COVERED
