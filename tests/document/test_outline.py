"""Outline: numbered headings, inline titles, missing parents, unnumbered top headings."""

from __future__ import annotations

from luoshi.document import extract


def outline(text: str) -> list[tuple[str, int, str | None, str | None, str | None]]:
    return [(s.id, s.level, s.number, s.title, s.parent) for s in extract(text).sections]


def test_it_reads_the_four_levels_of_numbered_headings():
    text = "一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）扩大内需\n1.促进消费。\n（1）发展夜间经济。\n"
    assert outline(text) == [
        ("1", 1, "一", "总体要求", None),
        ("2", 1, "二", "重点任务", None),
        ("2.1", 2, "一", "扩大内需", "2"),
        ("2.1.1", 3, "1", "促进消费", "2.1"),
        ("2.1.1.1", 4, "1", "发展夜间经济", "2.1.1"),
    ]


def test_an_inline_heading_takes_its_first_sentence_as_title_and_the_rest_as_items():
    doc = extract("一、重点任务\n（二）强化教育科技人才支撑。坚持教育优先发展。加快建设教育强区。\n")
    assert doc.sections[1].title == "强化教育科技人才支撑"
    assert [i.text for i in doc.items] == ["坚持教育优先发展。", "加快建设教育强区。"]
    assert [i.id for i in doc.items] == ["1.2.1", "1.2.2"]


def test_a_heading_ended_by_a_colon_takes_what_is_before_it():
    doc = extract("（一）主要目标：到2030年森林覆盖率达到30%。\n")
    assert doc.sections[0].title == "主要目标"
    assert doc.items[0].text == "到2030年森林覆盖率达到30%。"


def test_a_text_that_starts_mid_document_gets_an_inferred_parent_numbered_from_the_next_heading():
    text = "（六）加强生态保护。坚持绿色发展。\n（七）防范化解风险。坚持底线思维。\n四、加强党的建设\n（一）坚持党的领导。\n"
    doc = extract(text)
    first = doc.sections[0]
    assert (first.id, first.level, first.number, first.title, first.inferred) == ("3", 1, "三", None, True)
    assert [(s.id, s.parent) for s in doc.sections[1:3]] == [("3.6", "3"), ("3.7", "3")]
    assert doc.sections[3].number == "四"


def test_without_higher_headings_later_nothing_is_inferred():
    text = "（二）加强生态保护。坚持绿色发展。\n（三）防范化解风险。坚持底线思维。\n"
    assert outline(text) == [("2", 1, "二", "加强生态保护", None), ("3", 1, "三", "防范化解风险", None)]


def test_unnumbered_top_headings_are_found_above_numbered_sections():
    text = (
        "总体目标\n到2026年，建成物流配送中心8个以上。\n"
        "重点任务\n（一）完善商业网络\n1.改造县城商业设施。支持建设商贸中心。\n（二）健全物流体系\n"
        "保障措施\n各地要建立工作台账。\n"
    )
    assert outline(text) == [
        ("1", 1, None, "总体目标", None),
        ("2", 1, None, "重点任务", None),
        ("2.1", 2, "一", "完善商业网络", "2"),
        ("2.1.1", 3, "1", "改造县城商业设施", "2.1"),
        ("2.2", 2, "二", "健全物流体系", "2"),
        ("3", 1, None, "保障措施", None),
    ]


def test_a_short_line_before_a_restart_of_the_numbering_is_a_heading():
    text = (
        "一、过去一年的工作\n过去一年，经济稳中向好。\n二、今年的工作\n"
        "总体安排\n（一）扩大内需。促进消费。\n（二）稳定就业。扩大就业。\n"
        "重点工作\n（一）建设重大项目。实施重点项目。\n"
    )
    ids = [(s.id, s.title) for s in extract(text).sections]
    assert ("2.1", "总体安排") in ids
    assert ("2.2", "重点工作") in ids
    assert ("2.2.1", "建设重大项目") in ids


def test_a_list_of_sectors_is_not_a_heading():
    doc = extract("一、二、三产业融合发展取得新成效。\n")
    assert doc.sections == []


def test_a_figure_at_the_start_of_a_paragraph_is_not_a_heading():
    doc = extract("一、总体要求\n2.5万亿元的投资计划已经下达。\n")
    assert [s.title for s in doc.sections] == ["总体要求"]


def test_a_number_out_of_sequence_is_not_a_heading():
    text = "一、总体要求\n坚持稳中求进。\n二、重点任务\n推进改革。\n七、八月份汛期要加强防汛。\n三、保障措施\n压实责任。\n"
    assert [s.number for s in extract(text).sections] == ["一", "二", "三"]


def test_items_before_any_heading_belong_to_no_section():
    doc = extract("为推动高质量发展，作出如下决定。\n一、总体要求\n坚持稳中求进。\n")
    assert (doc.items[0].id, doc.items[0].section) == ("0.1", None)


def test_extracting_the_same_text_twice_gives_the_same_ids():
    text = "一、重点任务\n（一）扩大内需。促进消费。扩大投资。\n（二）稳定就业。扩大就业。\n"
    a, b = extract(text), extract(text)
    assert [i.id for i in a.items] == [i.id for i in b.items]
    assert [t.id for t in a.targets] == [t.id for t in b.targets]


def test_the_glossary_at_the_end_of_a_report_is_neither_sections_nor_items():
    text = "一、重点工作\n（一）推进“三北”工程。完成治沙任务。\n名词解释\n1.“三北”工程：指三北防护林体系建设工程。\n2.专精特新：指专业化、精细化。\n"
    doc = extract(text)
    assert [s.title for s in doc.sections] == ["重点工作", "推进“三北”工程"]
    assert [i.text for i in doc.items] == ["完成治沙任务。"]
