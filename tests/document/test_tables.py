"""Tables read as tables: a 主要指标表 gives targets row by row, a task table gives tasks row by row.

The texts are written by the luoshi team; rows are lines with their cells separated by tabs, which is
what every reader hands the pipeline (and what Excel and Word put on the clipboard).
"""

from __future__ import annotations

import pytest

from luoshi.document import extract


def rows(*lines: str) -> str:
    return "\n".join(line.replace("|", "\t") for line in lines)


def indicator_doc(body: str, *, head: str = "一、主要目标") -> str:
    return f"示范市发展规划纲要\n{head}\n到2030年，全市综合实力明显增强。\n{body}\n二、保障措施\n加强组织领导。\n"


def targets(text: str, **kw: object) -> list[tuple[object, ...]]:
    doc = extract(text, **kw)  # type: ignore[arg-type]
    return [(t.item, t.kind, t.indicator, t.comparator, t.value, t.unit, t.year) for t in doc.targets]


def test_a_main_indicator_table_gives_one_item_per_indicator_and_a_target_per_target_year():
    text = indicator_doc(
        rows(
            "指标名称|单位|2030年|属性",
            "地区生产总值增长|%|5左右|预期性",
            "森林覆盖率|%|24.5|约束性",
        )
    )
    doc = extract(text)
    assert [(i.id, i.kind, i.text) for i in doc.items[1:3]] == [
        ("1.2", "target", "地区生产总值增长（%）：2030年 5左右（预期性）"),
        ("1.3", "target", "森林覆盖率（%）：2030年 24.5（约束性）"),
    ]
    assert targets(text) == [
        ("1.2", "numeric", "地区生产总值增长", "≈", 5.0, "%", 2030),
        ("1.3", "numeric", "森林覆盖率", "=", 24.5, "%", 2030),
    ]


def test_the_row_with_its_headers_is_the_targets_quote():
    text = indicator_doc(rows("指标|单位|2030年", "森林覆盖率|%|24.5"))
    doc = extract(text)
    assert doc.targets[0].text == "森林覆盖率（%）：2030年 24.5"
    assert doc.targets[0].text == doc.item(doc.targets[0].item).text


def test_a_column_of_a_year_before_the_documents_own_holds_measured_values_not_targets():
    text = indicator_doc(rows("指标名称|单位|2025年|2030年", "森林覆盖率|%|23.1|24.5"))
    assert targets(text, year=2026) == [("1.2", "numeric", "森林覆盖率", "=", 24.5, "%", 2030)]


def test_without_the_documents_year_the_earlier_of_two_year_columns_is_the_base():
    text = indicator_doc(rows("指标名称|单位|2025年|2030年", "森林覆盖率|%|23.1|24.5"))
    assert [t[-1] for t in targets(text)] == [2030]


def test_a_column_named_as_the_base_or_the_target_says_so_whatever_its_year():
    text = indicator_doc(rows("指标|单位|2025年（基期）|2026年目标|2027年目标", "森林覆盖率|%|23.1|23.5|24"))
    assert [(t[4], t[6]) for t in targets(text)] == [(23.5, 2026), (24.0, 2027)]


def test_a_column_without_a_year_takes_the_year_of_its_section():
    text = "示范市工作要点\n一、2027年主要目标\n" + rows("指标|单位|目标值", "森林覆盖率|%|24") + "\n"
    assert targets(text) == [("1.1", "numeric", "森林覆盖率", "=", 24.0, "%", 2027)]


@pytest.mark.parametrize(
    ("cell", "comparator", "value", "value_max"),
    [
        ("5左右", "≈", 5.0, None),
        ("2以上", ">=", 2.0, None),
        ("≥2", ">=", 2.0, None),
        ("＞22", ">", 22.0, None),
        ("≤3.5", "<=", 3.5, None),
        ("5.5以内", "<=", 5.5, None),
        ("5—5.5", ">=", 5.0, None),  # a range is two targets: ≥ 5 and ≤ 5.5
        ("12", "=", 12.0, None),
    ],
)
def test_a_cell_says_its_comparator_as_a_sentence_would(cell, comparator, value, value_max):
    doc = extract(indicator_doc(rows("指标|单位|2030年", f"城镇调查失业率|%|{cell}")))
    t = doc.targets[0]
    assert (t.comparator, t.value, t.value_max) == (comparator, value, value_max)


def test_a_figure_in_square_brackets_is_cumulative_over_the_plan_period():
    text = indicator_doc(rows("指标|单位|2025年|2030年", "单位地区生产总值能源消耗降低|%|—|〔13〕"))
    t = extract(text, year=2026).targets[0]
    assert (t.indicator, t.value, t.year, t.start_year) == (
        "单位地区生产总值能源消耗降低（累计）",
        13.0,
        2030,
        2026,
    )


def test_a_yearly_average_column_sets_a_target_for_the_plan_period():
    text = indicator_doc(rows("指标|单位|2025年|2030年|年均增长", "地区生产总值|亿元|4000|5000|5左右"))
    found = targets(text, year=2026)
    assert ("1.2", "numeric", "年均地区生产总值", "≈", 5.0, "亿元", 2030) in found
    assert ("1.2", "numeric", "地区生产总值", "=", 5000.0, "亿元", 2030) in found


def test_a_unit_written_in_the_indicators_name_is_its_unit():
    text = indicator_doc(rows("指标|2030年", "粮食综合生产能力（亿斤）|800以上", "森林覆盖率(%)|24.5"))
    assert [(t[2], t[5]) for t in targets(text)] == [("粮食综合生产能力", "亿斤"), ("森林覆盖率", "%")]


def test_a_cell_in_words_reads_as_the_sentence_it_makes_with_its_indicator():
    text = indicator_doc(
        rows(
            "指标|2030年",
            "居民人均可支配收入增长|与经济增长同步",
            "单位地区生产总值二氧化碳排放降低|完成国家下达任务",
            "空气质量优良天数比率|见附注",
            "重要江河湖泊水功能区水质达标率|—",
        )
    )
    doc = extract(text)
    assert [(t.kind, t.reference, t.year) for t in doc.targets[:1]] == [("relational", "经济增长", 2030)]
    assert [(t.kind, t.indicator, t.year) for t in doc.targets[1:]] == [
        ("milestone", "单位地区生产总值二氧化碳排放降低完成国家下达任务", 2030)
    ]


def test_a_category_merged_across_the_table_is_not_an_indicator():
    text = indicator_doc(
        rows("指标|单位|2030年", "经济发展|经济发展|经济发展", "地区生产总值增长|%|5左右", "二、绿色生态||")
    )
    doc = extract(text)
    assert [i.text for i in doc.items[1:-1]] == ["地区生产总值增长（%）：2030年 5左右"]


def test_header_cells_merged_across_label_every_column_they_cover():
    # Excel puts a merged header in its first cell and leaves the others empty
    text = indicator_doc(rows("指标|单位|目标值||属性", "||2026年|2027年|", "森林覆盖率|%|23.5|24|约束性"))
    assert [(t[4], t[6]) for t in targets(text)] == [(23.5, 2026), (24.0, 2027)]


def test_a_task_table_gives_one_item_per_row_with_its_lead_unit_and_deadline():
    text = "示范市重点任务分工方案\n一、重点任务\n" + rows(
        "序号|任务|牵头单位|配合单位|完成时限",
        "1|推进政务服务“一网通办”。|市数据局|市发展改革委|2026年底前",
        "2|持续开展重点行业领域安全生产治本攻坚。|市应急管理局||长期坚持",
    )
    doc = extract(text)
    assert [(i.id, i.text) for i in doc.items] == [
        (
            "1.1",
            "推进政务服务“一网通办”（牵头单位：市数据局；配合单位：市发展改革委；完成时限：2026年底前）。",
        ),
        ("1.2", "持续开展重点行业领域安全生产治本攻坚（牵头单位：市应急管理局；完成时限：长期坚持）。"),
    ]
    assert doc.items[0].tags == ("一网通办",)


def test_a_task_tables_deadline_dates_the_targets_of_its_row_and_makes_a_milestone():
    text = "示范市重点任务分工方案\n一、重点任务\n" + rows(
        "任务|牵头单位|完成时限",
        "新建改建城市地下管网300公里。|市住房城乡建设局|2028年",
        "出台支持民营经济发展壮大的若干措施。|市发展改革委|2026年6月",
    )
    assert targets(text) == [
        ("1.1", "numeric", "新建改建城市地下管网", "=", 300.0, "公里", 2028),
        ("1.2", "milestone", "出台支持民营经济发展壮大的若干措施", None, None, None, 2026),
    ]


def test_a_table_of_something_else_lists_its_rows_each_cell_after_its_header():
    text = "示范市重大项目实施方案\n一、重大项目\n" + rows(
        "序号|项目名称|建设地点|总投资（亿元）", "1|示范大道改造|示范区|12", "2|城北污水处理厂|城北区|3.5"
    )
    assert [i.text for i in extract(text).items] == [
        "项目名称：示范大道改造；建设地点：示范区；总投资（亿元）：12。",
        "项目名称：城北污水处理厂；建设地点：城北区；总投资（亿元）：3.5。",
    ]


def test_the_caption_above_and_the_notes_below_go_with_the_table():
    text = indicator_doc(
        "表1　主要指标\n" + rows("指标|单位|2030年", "森林覆盖率|%|24.5") + "\n注：〔〕内为五年累计数。"
    )
    assert [i.text for i in extract(text).items] == [
        "到2030年，全市综合实力明显增强。",
        "森林覆盖率（%）：2030年 24.5",
        "加强组织领导。",
    ]


def test_a_table_split_by_a_page_break_is_one_table_and_its_repeated_header_is_dropped():
    text = indicator_doc(
        rows("指标|单位|2030年", "森林覆盖率|%|24.5")
        + "\n\n- 7 -\n\n"
        + rows("指标|单位|2030年", "草原植被盖度|%|46以上")
    )
    assert [t[2] for t in targets(text)] == ["森林覆盖率", "草原植被盖度"]


def test_a_table_in_a_retrospective_part_sets_no_targets_its_figures_are_observations():
    text = indicator_doc(rows("指标|单位|2025年", "森林覆盖率|%|23.1"), head="一、“十四五”时期工作回顾")
    doc = extract(text, year=2026)
    assert doc.targets == []
    row = next(i for i in doc.items if i.text == "森林覆盖率（%）：2025年 23.1")
    assert row.kind == "review"
    assert [(o.indicator, o.value, o.unit, o.year, o.item) for o in doc.observations] == [
        ("森林覆盖率", 23.1, "%", 2025, row.id)
    ]


def test_the_cells_of_a_base_year_column_are_observations():
    text = indicator_doc(
        rows("指标名称|单位|2025年|2030年", "森林覆盖率|%|23.1|24.5", "城镇调查失业率|%|—|5.5以内")
    )
    doc = extract(text, year=2026)
    assert [(o.indicator, o.value, o.year, o.quote) for o in doc.observations] == [
        ("森林覆盖率", 23.1, 2025, "森林覆盖率（%）：2025年 23.1，2030年 24.5")
    ]


def test_a_numbered_list_written_with_tabs_is_not_a_table():
    text = (
        "示范市实施意见\n一、\t总体要求\n（一）\t指导思想。坚持稳中求进。\n（二）\t基本原则。坚持系统观念。\n"
    )
    doc = extract(text)
    assert [s.title for s in doc.sections] == ["总体要求", "指导思想", "基本原则"]


def test_paragraphs_indented_by_a_tab_are_not_a_table():
    text = "示范市实施意见\n一、总体要求\n\t坚持稳中求进工作总基调。\n\t推动高质量发展。\n"
    assert [i.text for i in extract(text).items] == ["坚持稳中求进工作总基调。", "推动高质量发展。"]


def test_the_text_after_a_table_keeps_its_section_and_its_ids():
    text = indicator_doc(rows("指标|单位|2030年", "森林覆盖率|%|24.5")) + "三、实施保障\n强化考核评估。\n"
    doc = extract(text)
    assert [(i.id, i.section) for i in doc.items] == [("1.1", "1"), ("1.2", "1"), ("2.1", "2"), ("3.1", "3")]
