"""The report's Word file follows GB/T 9704-2012, checked by reading the .docx back: page, margins,
fonts and sizes, heading levels, the signature, and the page numbers."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from luoshi.exchange import report
from luoshi.exchange.officialdoc import Block, OfficialText, signature_indents, to_docx, width

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc(world: SimpleNamespace) -> Any:
    return Document(io.BytesIO(report.to_docx(report.build(world.decision))))


def east_asian(run: Any) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def starting(doc: Any, text: str) -> Any:
    return next(p for p in doc.paragraphs if p.text.startswith(text))


def test_the_page_is_a4_with_the_standard_margins(doc: Any) -> None:
    s = doc.sections[0]
    mm = [
        round(x.mm, 1)
        for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    ]
    assert mm == [210, 297, 37, 35, 28, 26]
    grid = s._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")  # 28.95 pt


def test_the_title_is_xiaobiaosong_erhao_centred_and_the_addressee_flush_left(doc: Any) -> None:
    title = doc.paragraphs[0]
    # a long title in lines of even length, broken between words (GB/T 9704: 排列对称)
    assert title.text.split("\n") == [
        "关于2026年第三季度学习宣传",
        "贯彻《中共示范市委员会关于",
        "推进绿色发展的决定》情况的报告",
    ]
    assert (title.runs[0].font.size, east_asian(title.runs[0])) == (Pt(22), "方正小标宋简体")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc.paragraphs[1].text == ""  # a blank line under the title
    addressee = doc.paragraphs[2]
    assert addressee.text == "市委："
    assert addressee.paragraph_format.first_line_indent is None


def test_the_body_is_fangsong_sanhao_indented_on_a_fixed_line(doc: Any) -> None:
    body = starting(doc, "按照《")
    run = body.runs[0]
    assert (run.font.size, east_asian(run), run.font.name) == (Pt(16), "仿宋_GB2312", "仿宋_GB2312")
    fmt = body.paragraph_format
    assert (fmt.line_spacing, fmt.first_line_indent) == (Pt(28.95), Pt(31.5))  # exactly; two characters
    assert doc.styles["Normal"].font.size == Pt(16)


def test_headings_are_numbered_by_level_each_in_its_font(doc: Any) -> None:
    firsts = [p for p in doc.paragraphs if p.text[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"}]
    assert [p.text for p in firsts] == [
        "一、总体进展",
        "二、学习宣传情况",
        "三、各部分推进情况",
        "四、量化目标实现情况",
        "五、存在的问题",
        "六、下一步工作",
    ]
    assert {east_asian(p.runs[0]) for p in firsts} == {"黑体"}
    second = starting(doc, "（一）生态建设。")
    assert [(east_asian(r), r.text) for r in second.runs] == [
        ("楷体_GB2312", "（一）生态建设。"),
        ("仿宋_GB2312", "本部分共2项任务，已办结0项，平均完成进度30%；绿灯1项、黄灯0项、红灯1项。"),
    ]
    third = starting(doc, "1．")
    assert third.runs[0].text == "1．2025年完成草原确权登记。"
    assert (east_asian(third.runs[0]), third.runs[0].font.bold) == ("仿宋_GB2312", True)
    assert not third.runs[1].font.bold


def test_the_parts_table_has_a_heiti_header(doc: Any) -> None:
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["部分", "任务", "红灯"]
    header = table.cell(0, 0).paragraphs[0].runs[0]
    assert (east_asian(header), header.font.size) == ("黑体", Pt(14))
    assert table.cell(1, 0).text == "生态建设"


def test_the_signer_and_date_close_the_report_right_aligned(doc: Any) -> None:
    texts = [p.text for p in doc.paragraphs]
    end = texts.index("2026年11月10日")
    signer, date = doc.paragraphs[end - 1], doc.paragraphs[end]
    assert texts[end - 3 : end + 1] == ["特此报告。", "", "督查室", "2026年11月10日"]
    assert signer.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # 督查室 (3 characters) centred over a date 7 characters wide that stands 右空四字
    assert (signer.paragraph_format.right_indent, date.paragraph_format.right_indent) == (
        Pt(15.75 * 6),
        Pt(15.75 * 4),
    )


def test_page_numbers_are_a_field_between_dashes_odd_right_even_left(doc: Any) -> None:
    section = doc.sections[0]
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        p = footer.paragraphs[0]
        assert p.alignment == align
        xml = p._element.xml
        assert "<w:instrText" in xml
        assert " PAGE " in "".join(t.text for t in p._element.iter(qn("w:instrText")))
        assert p.runs[0].text == "— "
        assert p.runs[-1].text == " —"
        assert (east_asian(p.runs[0]), p.runs[0].font.size) == ("宋体", Pt(14))
    assert round(section.footer_distance.mm, 1) == 22.2  # the number 7 mm under the type area


def test_the_signature_follows_the_rule_for_sealed_documents() -> None:
    """GB/T 9704, 7.3.5.1: the date 右空四字, the signer centred over it."""
    assert width("2026年11月10日") == 7
    assert signature_indents("督查室", "2026年11月10日") == (6, 4)
    assert signature_indents("内蒙古自治区党委督查室", "2026年11月10日") == (2, 4)
    assert signature_indents("中共内蒙古自治区委员会督查室", "2026年1月5日") == (2, 6)  # too long to centre
    assert signature_indents("", "2026年11月10日") == (0, 4)


def test_any_official_text_can_be_written_without_django() -> None:
    data = to_docx(
        OfficialText(
            "关于测试的报告",
            [Block("情况", 1), Block("正文。")],
            addressee="市委",
            signer="督查室",
            date="2026年1月5日",
        )
    )
    doc = Document(io.BytesIO(data))
    assert [p.text for p in doc.paragraphs] == [
        "关于测试的报告",
        "",
        "市委：",
        "一、情况",
        "正文。",
        "",
        "督查室",
        "2026年1月5日",
    ]


def test_a_title_is_broken_into_even_lines_between_words() -> None:
    from luoshi.exchange.officialdoc import title_lines

    assert title_lines("关于督促办理重点任务的通知") == ["关于督促办理重点任务的通知"]
    assert title_lines("关于2026年第三季度重点任务报送情况的通报") == [
        "关于2026年第三季度",
        "重点任务报送情况的通报",
    ]
    lines = title_lines(
        "关于2026年第四季度学习宣传贯彻《内蒙古自治区党委关于认真学习宣传贯彻党的二十大精神的决定》情况的报告"
    )
    assert len(lines) == 3
    assert all(width(line) <= 19 for line in lines)
    assert not any(line.startswith(("》", "，")) or line.endswith("《") for line in lines)
