"""Every Document says what its reading is unsure of: a code for programs, a sentence for people."""

from __future__ import annotations

import json

import pytest

from luoshi.document import Caveat, Document, Item, Section, Target, extract
from luoshi.document._warnings import check

DECISION = "示范市关于推动高质量发展的决定\n"


def codes(doc: Document) -> list[str]:
    return [w.code for w in doc.warnings]


def body(n: int, prefix: str = "推进第") -> str:
    return "".join(f"{prefix}{k}项重点工作。\n" for k in range(1, n + 1))


def test_a_well_read_decision_carries_no_warning():
    text = (
        DECISION + "一、总体要求\n坚持稳中求进。\n二、重点任务\n（一）加快发展。到2030年森林覆盖率达到25%。\n"
    )
    assert extract(text).warnings == []


def test_an_empty_text_says_there_is_nothing_to_read():
    doc = extract("  \n ")
    assert codes(doc) == ["empty"]
    assert doc.warnings[0].zh == "文件中没有文字。"


def test_a_text_without_headings_or_chinese_sentences_has_no_structure():
    assert codes(extract("lorem ipsum dolor sit amet")) == ["no_structure"]


def test_a_missing_title_is_said():
    doc = extract("一、总体要求\n坚持稳中求进。\n二、重点任务\n加快发展。\n")
    assert codes(doc) == ["title_missing"]
    assert "补上标题" in doc.warnings[0].zh


def test_a_title_taken_from_the_pages_title_bar_and_not_from_the_text_is_a_guess():
    page = (
        "<html><head><title>示范市关于推动高质量发展的决定_示范市人民政府</title></head><body><div>"
        "<p>一、总体要求</p><p>坚持稳中求进，推动高质量发展。</p><p>二、重点任务</p><p>加快发展。</p>"
        "</div></body></html>"
    ).encode()
    doc = extract(page, name="page.html")
    assert doc.title == "示范市关于推动高质量发展的决定"
    assert codes(doc) == ["title_guessed"]
    assert doc.warnings[0].zh.startswith("标题“示范市关于推动高质量发展的决定”取自网页标题")


def test_a_title_holding_a_web_pages_buttons_or_an_unpaired_bracket_is_doubtful():
    for title in (
        "加大 还原 减小】示范市关于发展的决定",
        "分享:示范市关于发展的决定",
        "示范市（2026年）关于发展的决定）",
    ):
        doc = Document(title=title, year=2026, items=[Item("0.1", None, "加快发展。", "measure")])
        assert [w.code for w in check(doc, text=title + "\n加快发展。")] == ["title_doubtful"], title


def test_many_items_and_no_heading_at_all_is_said():
    doc = extract(DECISION + body(25))
    assert codes(doc) == ["outline_missing"]
    assert "25 条任务都未归入章节" in doc.warnings[0].zh


def test_one_level_of_headings_over_many_items_each_is_shallow():
    text = DECISION + "".join(f"{h}、第{h}部分\n" + body(30) for h in "一二三")
    doc = extract(text)
    assert codes(doc) == ["outline_shallow"]
    assert doc.warnings[0].sections == ("1", "2", "3")
    assert "平均每个标题下有 30 条任务" in doc.warnings[0].zh


def test_a_heading_number_that_skips_is_irregular_and_named():
    text = DECISION + "一、总体要求\n坚持稳中求进。\n二、重点任务\n加快发展。\n四、保障措施\n加强领导。\n"
    doc = extract(text)
    assert codes(doc) == ["outline_irregular"]
    assert "“二、”之后是“四、”" in doc.warnings[0].zh
    assert "“二、” is followed by “四、”" in doc.warnings[0].en
    assert doc.warnings[0].sections == ("4",)


def test_a_text_that_starts_mid_document_is_irregular():
    text = DECISION + "（二）加快发展。推进产业升级。\n（三）加强保障。完善政策。\n四、组织实施\n加强领导。\n"
    doc = extract(text)
    assert codes(doc) == ["outline_irregular"]
    assert "文本从中间开始，缺少上级标题“三”" in doc.warnings[0].zh


def test_many_task_items_outside_any_section_are_said_with_their_ids():
    text = DECISION + body(6, "坚持第") + "一、总体要求\n" + body(10) + "二、重点任务\n" + body(10)
    doc = extract(text)
    assert codes(doc) == ["items_outside_sections"]
    assert doc.warnings[0].items == ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6")
    assert "有 6 条任务不在任何章节之下（编号 0.1、0.2、0.3等）" in doc.warnings[0].zh


def test_a_work_report_without_a_review_part_says_its_review_may_have_been_read_as_tasks():
    doc = Document(
        title="示范市政府工作报告",
        year=2026,
        sections=[Section("1", 1, "一", "今年重点工作", None)],
        items=[Item("1.1", "1", "加快发展。", "measure")],
    )
    assert [w.code for w in check(doc, text="示范市政府工作报告\n一、今年重点工作\n加快发展。")] == [
        "review_not_found"
    ]
    doc.items.append(Item("1.2", "1", "过去一年经济平稳。", "review"))
    assert check(doc, text="示范市政府工作报告\n一、今年重点工作\n加快发展。") == []


def test_targets_of_this_year_in_a_text_without_a_year_ask_for_the_year():
    text = DECISION + "一、主要目标\n今年全市地区生产总值增长6%左右。\n二、重点任务\n加快发展。\n"
    doc = extract(text)
    assert codes(doc) == ["year_missing"]
    assert doc.warnings[0].items == ("1.1",)
    assert extract(text, year=2026).warnings == []


def test_a_table_read_as_neither_indicators_nor_tasks_is_said_where_it_is():
    text = (
        DECISION
        + "一、重点项目\n示范大道\t示范区\t12\n城北污水处理厂\t城北区\t3.5\n二、保障措施\n加强领导。\n"
    )
    doc = extract(text)
    assert codes(doc) == ["table_unread"]
    assert (
        doc.warnings[0].zh == "“一、重点项目”下有一张表格（2 行）没有可识别的表头，已按行列为条目，请核对。"
    )
    assert doc.warnings[0].sections == ("1",)


def test_each_warning_speaks_the_language_asked_for():
    w = Caveat("title_missing", "没有找到文件的标题。", "No title was found.")
    assert (w.message("zh-hans"), w.message("en"), str(w)) == (
        "没有找到文件的标题。",
        "No title was found.",
        "没有找到文件的标题。",
    )


def test_the_json_gives_the_codes_and_the_details_with_both_sentences():
    data = json.loads(extract("一、总体要求\n坚持稳中求进。\n").to_json())
    assert data["warnings"] == ["title_missing"]
    (detail,) = data["warning_details"]
    assert detail["code"] == "title_missing"
    assert detail["message"].startswith("没有找到文件的标题")
    assert detail["message_en"].startswith("No title was found")
    assert (detail["items"], detail["sections"]) == ([], [])


def test_the_markdown_checklist_gives_the_sentences_not_the_codes():
    md = extract("一、总体要求\n坚持稳中求进。\n").to_markdown()
    assert "没有找到文件的标题" in md
    assert "title_missing" not in md


@pytest.mark.parametrize("code", ["outline_shallow", "outline_irregular", "items_outside_sections"])
def test_no_english_sentence_is_left_in_chinese_and_no_chinese_one_in_english(code):
    sections = [Section(str(n), 1, "一二三五"[n - 1], f"第{n}部分", None) for n in range(1, 5)]
    items = [Item(f"{1 + k % 4}.{k}", str(1 + k % 4), "加快发展。", "measure") for k in range(120)]
    items += [Item(f"0.{k}", None, "坚持发展。", "measure") for k in range(1, 20)]
    doc = Document(title="示范市关于发展的决定", year=2026, sections=sections, items=items)
    (w,) = [w for w in check(doc, text="示范市关于发展的决定") if w.code == code]
    assert any("\u4e00" <= c <= "\u9fff" for c in w.zh)
    assert all(ord(c) < 0x3000 or c in "“”（）、。" or "\u4e00" <= c <= "\u9fff" for c in w.en)


def test_targets_are_not_needed_for_a_warning_to_point_at_items():
    doc = Document(
        title=None,
        year=None,
        items=[Item("0.1", None, "今年完成任务。", "target")],
        targets=[
            Target("T1", "0.1", "milestone", "完成任务", None, None, None, None, None, None, "今年完成任务")
        ],
    )
    assert [w.code for w in check(doc, text="今年完成任务。")] == ["title_missing", "year_missing"]
