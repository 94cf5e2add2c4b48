"""What a 文秘 would send back, checked in the .docx's XML: the character pitch that gives 28 to the
line, the page number's runs all in 四号, headings kept with their text, tables whose header repeats,
the 版记 with its rules at the foot of the last page, Word's properties. No Django needed."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from luoshi.exchange.officialdoc import (
    CHAR_PITCH,
    LINE,
    MM,
    TYPE_WIDTH_MM,
    Block,
    OfficialText,
    column_widths,
    sentence,
    subject,
    to_docx,
    width,
)

TEXT = OfficialText(
    "关于测试排版的报告",
    [
        Block("总体情况", 1),
        Block("正文。"),
        Block("", rows=[["部分", "任务", "平均进度"], ["生态建设", "2", "30%"]]),
        Block("分项", 2),
        Block("正文。"),
    ],
    addressee="市委",
    signer="督查室",
    date="2026年1月5日",
    copy_to="市人大常委会办公室，市政府办公室",
    printer="市委办公室",
    printed="2026年1月5日",
)


def doc() -> Any:
    return Document(io.BytesIO(to_docx(TEXT)))


def w(el: Any, name: str) -> Any:
    return el.find(qn(f"w:{name}"))


def test_28_characters_fill_the_line_by_their_spacing_and_22_lines_the_page() -> None:
    d = doc()
    grid = w(d.sections[0]._sectPr, "docGrid")
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")
    spacing = w(d.styles["Normal"].element.rPr, "spacing")
    assert int(spacing.get(qn("w:val"))) / 20 == CHAR_PITCH - 16 == -0.25
    assert 28 * CHAR_PITCH <= TYPE_WIDTH_MM * MM < 29 * CHAR_PITCH  # 441 pt in 442.2 pt
    assert int(225 * MM / LINE) == 22  # 651.97 pt ÷ 28.95 pt
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert w(defaults, "sz").get(qn("w:val")) == "32"  # 三号 under every style, not 11 pt
    assert w(defaults, "lang").get(qn("w:eastAsia")) == "zh-CN"


def test_every_run_of_the_page_number_is_sihao_songti() -> None:
    section = doc().sections[0]
    for footer in (section.footer, section.even_page_footer):
        p = footer.paragraphs[0]
        runs = p._element.findall(qn("w:r"))
        assert len(runs) == 7  # — , begin, PAGE, separate, the number, end,  —
        assert {w(w(r, "rPr"), "sz").get(qn("w:val")) for r in runs} == {"28"}
        assert {w(w(r, "rPr"), "rFonts").get(qn("w:eastAsia")) for r in runs} == {"宋体"}
        assert "".join(t.text for t in p._element.iter(qn("w:t"))) == "— 1 —"
        assert p.paragraph_format.line_spacing == Pt(14)
    assert round(section.footer_distance.mm, 1) == 22.2


def test_headings_and_the_title_keep_with_what_follows_and_tables_repeat_their_header() -> None:
    d = doc()
    by_text = {p.text: p for p in d.paragraphs}
    assert by_text["一、总体情况"].paragraph_format.keep_with_next
    assert by_text["（一）分项"].paragraph_format.keep_with_next
    assert d.paragraphs[0].paragraph_format.keep_with_next  # the title
    assert not by_text["正文。"].paragraph_format.keep_with_next
    table = d.tables[0]
    header = table.rows[0]._tr.trPr
    assert w(header, "tblHeader") is not None
    assert all(w(row._tr.trPr, "cantSplit") is not None for row in table.rows)


def test_a_header_cell_is_wide_enough_for_its_words_on_one_line() -> None:
    rows = [
        ["部分", "任务", "办结", "绿灯", "黄灯", "红灯", "平均进度"],
        ["各部分推进情况很长很长的部分名称", *"1111", "1", "30%"],
    ]
    widths = column_widths(rows, TYPE_WIDTH_MM)
    assert round(sum(widths), 6) == TYPE_WIDTH_MM
    assert widths[-1] >= width("平均进度") * 14 / MM + 4  # 四号 黑体 and the cell's padding


def test_the_imprint_has_its_rules_and_sits_at_the_foot_of_the_type_area() -> None:
    d = doc()
    framed = [p for p in d.paragraphs if w(p._element.pPr, "framePr") is not None]
    assert [p.text for p in framed] == [
        "抄送：市人大常委会办公室，市政府办公室。",
        "市委办公室\t2026年1月5日印发",
    ]
    borders = [
        {b.tag.split("}")[1]: int(b.get(qn("w:sz"))) for b in w(p._element.pPr, "pBdr")} for p in framed
    ]
    assert borders == [{"top": 8}, {"top": 6, "bottom": 8}]  # 0.35 mm, 0.25 mm, 0.35 mm
    frames = [w(p._element.pPr, "framePr") for p in framed]
    bottom = int(frames[-1].get(qn("w:y"))) + int(frames[-1].get(qn("w:h")))
    assert abs(bottom / 20 / MM - 262) < 0.1  # mm from the top of the page: the type area's foot
    assert {f.get(qn("w:w")) for f in frames} == {str(round(156 * MM * 20))}
    assert framed[0].runs[0].font.size == Pt(14)  # 四号


def test_without_a_printer_there_is_no_imprint() -> None:
    plain = OfficialText("关于测试的报告", [Block("正文。")], signer="督查室", date="2026年1月5日")
    d = Document(io.BytesIO(to_docx(plain)))
    assert not [p for p in d.paragraphs if w(p._element.pPr, "framePr") is not None]


def test_words_properties_name_the_document_not_python_docx() -> None:
    props = doc().core_properties
    assert (props.title, props.author, props.last_modified_by) == ("关于测试排版的报告", "督查室", "督查室")
    assert props.created.year >= dt.date.today().year - 1
    assert "python-docx" not in f"{props.comments}{props.author}{props.keywords}"


def test_a_subject_in_a_title_is_a_whole_clause_and_a_reason_a_sentence() -> None:
    assert subject("加快推进大型风电光伏基地建设，在鄂尔多斯建设一批项目。") == "加快推进大型风电光伏基地建设"
    assert subject("实施“电力外送”提升工程，今年外送电量达到3000亿千瓦时。") == "实施‘电力外送’提升工程"
    assert (
        subject("坚持山水林田湖草沙一体化保护和系统治理及其他很长很长的内容说明") == ""
    )  # too long: not cut
    assert (
        sentence("2026年第三季度报告自2026年10月14日起未报送")
        == "2026年第三季度报告自2026年10月14日起未报送。"
    )
    assert sentence("已经办结。") == "已经办结。"
    assert sentence("原因如下：") == "原因如下。"


def test_no_date_in_the_documents_words_is_written_with_hyphens() -> None:
    text = "\n".join(p.text for p in doc().paragraphs)
    assert not re.search(r"\d{4}-\d{1,2}-\d{1,2}", text)
