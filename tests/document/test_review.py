"""What was done is not what is to be done: review parts give observations, not targets; a preamble
is not a task. The reports here are written by the team in the style of the family."""

from __future__ import annotations

import json

from luoshi.document import TASK_KINDS, extract

REPORT = """政府工作报告
——2026年1月20日在示范省第十四届人民代表大会第四次会议上
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全省地区生产总值达到3.2万亿元，增长5.3%；城镇新增就业41万人。
（一）项目建设提速。新建高标准农田120万亩，新改建农村公路3000公里。
二、“十四五”时期发展成就和“十五五”时期主要目标任务
过去五年，全省粮食产量稳定在600亿斤以上，森林覆盖率提高到45%。
“十五五”时期，全省地区生产总值年均增长5%左右，森林覆盖率达到47%。
三、2026年重点工作
今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业40万人以上。
"""


def test_the_sentences_of_a_review_section_are_review_items():
    doc = extract(REPORT)
    kinds = {i.section: i.kind for i in doc.items if i.section in ("1", "1.1")}
    assert kinds == {"1": "review", "1.1": "review"}


def test_the_figures_of_a_review_are_observations_and_not_targets():
    doc = extract(REPORT)
    assert not [t for t in doc.targets if t.item.startswith("1.")]
    seen = {(o.indicator, o.value, o.unit, o.year) for o in doc.observations}
    assert ("地区生产总值", 3.2, "万亿元", 2025) in seen
    assert ("地区生产总值增长", 5.3, "%", 2025) in seen
    assert ("城镇新增就业", 41, "万人", 2025) in seen
    assert ("新建高标准农田", 120, "万亩", 2025) in seen


def test_an_observation_quotes_its_clause_and_names_its_item():
    doc = extract(REPORT)
    o = next(o for o in doc.observations if o.unit == "万亩")
    assert o.quote == "新建高标准农田120万亩"
    assert doc.item(o.item).kind == "review"


def test_a_mixed_section_looks_back_until_a_paragraph_looks_ahead():
    doc = extract(REPORT)
    by_text = {i.text[:4]: i.kind for i in doc.items if i.section == "2"}
    assert by_text == {"过去五年": "review", "“十五五": "target"}
    assert [(t.indicator, t.value, t.year) for t in doc.targets if t.item.startswith("2.")] == [
        ("地区生产总值年均增长", 5, 2030),
        ("森林覆盖率", 47, 2030),
    ]


def test_the_work_of_the_year_sets_targets():
    doc = extract(REPORT)
    assert [(t.indicator, t.comparator, t.value, t.year) for t in doc.targets if t.item.startswith("3.")] == [
        ("地区生产总值增长", "≈", 5, 2026),
        ("城镇新增就业", ">=", 40, 2026),
    ]


def test_a_section_that_opens_by_looking_back_is_a_review_whatever_its_heading():
    text = (
        "政府工作报告\n——2026年1月20日在示范省人民代表大会上\n"
        "一、一年接着一年干，示范省建设持续取得新成效\n"
        "2025年是很不平凡的一年。全省地区生产总值增长5.1%，新建5G基站2万个。\n"
        "二、2026年工作安排\n"
        "今年，新建5G基站1.5万个。\n"
    )
    doc = extract(text)
    assert {i.kind for i in doc.items if i.section == "1"} == {"review"}
    assert [(t.indicator, t.value) for t in doc.targets] == [("新建5G基站", 1.5)]


def test_a_paragraph_looking_back_over_five_years_is_a_review_anywhere():
    text = (
        "政府工作报告\n——2026年1月20日在示范省人民代表大会上\n"
        "一、“十五五”时期主要目标\n"
        "这五年，我们累计新建保障性住房30万套。\n"
        "到2030年，新建保障性住房20万套。\n"
    )
    doc = extract(text)
    assert [i.kind for i in doc.items] == ["review", "target"]
    assert [(t.value, t.year) for t in doc.targets] == [(20, 2030)]


def test_the_speakers_words_to_the_assembly_are_a_preamble():
    doc = extract(REPORT)
    first = doc.items[0]
    assert first.section is None
    assert first.kind == "preamble"
    assert first.kind not in TASK_KINDS


def test_a_decisions_opening_is_a_preamble():
    text = (
        "中共示范省委关于推进高质量发展的决定\n"
        "为深入贯彻党的二十大精神，现就推进高质量发展作出如下决定。\n"
        "一、总体要求\n"
        "到2030年，全省森林覆盖率达到40%。\n"
    )
    doc = extract(text)
    assert [i.kind for i in doc.items] == ["preamble", "target"]


def test_observations_are_in_the_json():
    out = json.loads(extract(REPORT).to_json())
    first = out["observations"][0]
    assert set(first) == {"indicator", "value", "unit", "year", "quote", "item", "scope"}
    assert {i["kind"] for i in out["items"]} >= {"review", "preamble", "target"}
