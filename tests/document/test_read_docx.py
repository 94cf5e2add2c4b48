""".docx: paragraphs and tables in order, Word's automatic numbering rendered as a reader sees it."""

from __future__ import annotations

import io
import zipfile

import pytest

from luoshi.document import DocumentError, _read_docx, read_source
from luoshi.document._read_docx import format_number

from .sources import Docx


def outline_docx() -> Docx:
    """A decision whose headings are all numbered by Word, four levels deep."""
    d = Docx()
    aid = d.abstract(
        [
            ("chineseCounting", "%1、"),
            ("chineseCounting", "（%2）"),
            ("decimal", "%3."),
            ("decimal", "（%4）"),
        ]
    )
    num = d.num(aid)
    d.para("中共某自治区委员会关于推动高质量发展的决定", style="Title")
    d.para("总体要求", num=num, ilvl=0)
    d.para("指导思想。坚持稳中求进工作总基调。", num=num, ilvl=1)
    d.para("主要目标。到2030年，全区地区生产总值年均增长6%左右。", num=num, ilvl=1)
    d.para("重点任务", num=num, ilvl=0)
    d.para("加快建设现代化产业体系。", num=num, ilvl=1)
    d.para("做强做优做大实体经济。", num=num, ilvl=2)
    d.para("培育新能源装备制造集群。", num=num, ilvl=3)
    d.para("建设一批重大项目。", num=num, ilvl=3)
    d.para("推进数字化转型。", num=num, ilvl=2)
    d.para("培育一批智能工厂。", num=num, ilvl=3)
    return d


def lines(data: bytes) -> list[str]:
    return read_source(data, name="决定.docx").text.split("\n")


def test_it_renders_word_numbering_as_the_visible_prefix():
    assert lines(outline_docx().bytes()) == [
        "中共某自治区委员会关于推动高质量发展的决定",
        "一、总体要求",
        "（一）指导思想。坚持稳中求进工作总基调。",
        "（二）主要目标。到2030年，全区地区生产总值年均增长6%左右。",
        "二、重点任务",
        "（一）加快建设现代化产业体系。",
        "1.做强做优做大实体经济。",
        "（1）培育新能源装备制造集群。",
        "（2）建设一批重大项目。",
        "2.推进数字化转型。",
        "（1）培育一批智能工厂。",
    ]


def test_it_names_the_format_and_leaves_wrapping_to_be_detected():
    # a newspaper page pasted into Word is one paragraph a printed line: wrapped or not is detected
    src = read_source(outline_docx().bytes(), name="决定.docx")
    assert (src.format, src.wrapped, src.name) == ("docx", None, "决定.docx")


def test_it_takes_the_title_from_the_title_style():
    assert read_source(outline_docx().bytes()).title_hint == "中共某自治区委员会关于推动高质量发展的决定"


def test_it_prefers_the_title_in_the_document_properties():
    d = outline_docx()
    d.doc.core_properties.title = "关于推动高质量发展的决定"
    assert read_source(d.bytes()).title_hint == "关于推动高质量发展的决定"


def test_it_counts_past_ten_in_chinese():
    d = Docx()
    num = d.num(d.abstract([("chineseCountingThousand", "%1、")]))
    for i in range(21):
        d.para(f"第{i + 1}项任务", num=num)
    got = [line.split("第")[0] for line in lines(d.bytes())]
    assert got[9:12] == ["十、", "十一、", "十二、"]
    assert got[19:21] == ["二十、", "二十一、"]


def test_it_continues_a_list_across_numbering_instances_of_the_same_definition():
    d = Docx()
    aid = d.abstract([("chineseCounting", "%1、")])
    first, second = d.num(aid), d.num(aid)
    d.para("总体要求", num=first)
    d.para("中间说明文字。")
    d.para("重点任务", num=second)
    assert lines(d.bytes()) == ["一、总体要求", "中间说明文字。", "二、重点任务"]


def test_it_restarts_a_list_where_word_says_so():
    d = Docx()
    aid = d.abstract([("decimal", "%1.")])
    first, restarted = d.num(aid), d.num(aid, start_overrides={0: 1})
    d.para("加快产业升级。", num=first)
    d.para("扩大有效投资。", num=first)
    d.para("另一份清单的第一项。", num=restarted)
    d.para("另一份清单的第二项。", num=restarted)
    assert [line[:2] for line in lines(d.bytes())] == ["1.", "2.", "1.", "2."]


def test_it_starts_where_the_definition_says():
    d = Docx()
    num = d.num(d.abstract([("chineseCounting", "%1、", 4)]))
    d.para("加强生态文明建设", num=num)
    d.para("深化改革开放", num=num)
    assert lines(d.bytes()) == ["四、加强生态文明建设", "五、深化改革开放"]


def test_it_shows_numbers_of_outer_levels_in_a_multilevel_text():
    d = Docx()
    num = d.num(d.abstract([("decimal", "%1."), ("decimal", "%1.%2")], lvl1='<w:suff w:val="space"/>'))
    d.para("总则", num=num, ilvl=0)
    d.para("适用范围", num=num, ilvl=1)
    d.para("基本原则", num=num, ilvl=1)
    assert lines(d.bytes()) == ["1.总则", "1.1 适用范围", "1.2 基本原则"]


def test_it_renders_chapter_numbering_with_a_space():
    d = Docx()
    num = d.num(d.abstract([("chineseCounting", "第%1章")]))
    d.para("总则", num=num)
    assert lines(d.bytes()) == ["第一章 总则"]


def test_it_leaves_bullets_out():
    d = Docx()
    num = d.num(d.abstract([("bullet", "\uf0b7")]))
    d.para("坚持党的全面领导。", num=num)
    assert lines(d.bytes()) == ["坚持党的全面领导。"]


def test_it_numbers_paragraphs_through_their_style():
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    from .sources import W_NS

    d = Docx()
    aid = d.abstract([("chineseCounting", "%1、")], lvl0='<w:pStyle w:val="PartHeading"/>')
    num = d.num(aid)
    style = d.doc.styles.add_style("Part Heading", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId", "PartHeading")
    style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {W_NS}><w:numId w:val="{num}"/></w:numPr>'))
    d.para("总体要求", style="Part Heading")
    d.para("坚持稳中求进。")
    d.para("重点任务", style="Part Heading")
    assert lines(d.bytes()) == ["一、总体要求", "坚持稳中求进。", "二、重点任务"]


def test_it_reads_a_table_of_data_one_line_per_row_with_its_cells_separated_by_tabs():
    d = Docx()
    d.para("表1 主要指标")
    table = d.doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "2030年目标"
    table.cell(1, 0).text = "森林覆盖率"
    table.cell(1, 1).text = "25%"
    table.cell(1, 1).add_paragraph("（约束性）")
    d.para("表后的正文。")
    assert lines(d.bytes()) == [
        "表1 主要指标",
        "指标\t2030年目标",
        "森林覆盖率\t25%（约束性）",
        "表后的正文。",
    ]


def test_it_repeats_a_merged_cell_in_every_column_it_covers():
    d = Docx()
    table = d.doc.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "重点项目清单"
    table.cell(1, 0).text = "风电基地"
    table.cell(1, 1).text = "光伏基地"
    assert lines(d.bytes()) == ["重点项目清单\t重点项目清单", "风电基地\t光伏基地"]


def test_a_table_that_lays_out_the_page_gives_its_paragraphs_one_by_one():
    d = Docx()
    table = d.doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "一、总体要求"
    table.cell(0, 0).add_paragraph("坚持稳中求进工作总基调。")
    assert lines(d.bytes()) == ["一、总体要求", "坚持稳中求进工作总基调。"]


def test_it_skips_hidden_and_deleted_text_and_joins_soft_line_breaks():
    from docx.oxml import parse_xml

    from .sources import W_NS

    d = Docx()
    p = d.para("到2030年")
    p.add_run("（此处为隐藏批注）").font.hidden = True
    p._p.append(
        parse_xml(f'<w:del {W_NS} w:id="1" w:author="x"><w:r><w:delText>已删除的字</w:delText></w:r></w:del>')
    )
    p.add_run("，森林覆盖率")
    p.add_run().add_break()
    p.add_run("达到25%。")
    assert lines(d.bytes()) == ["到2030年，森林覆盖率达到25%。"]


def test_it_reads_a_macro_enabled_document():
    data = outline_docx().bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w") as docm:
        for info in z.infolist():
            content = z.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"officedocument.wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml",
                ).replace(b"vnd.openxmlformats-ms-word", b"vnd.ms-word")
                assert b"macroEnabled" in content
            docm.writestr(info, content)
    assert lines(out.getvalue())[1] == "一、总体要求"


def test_it_refuses_a_truncated_docx():
    data = outline_docx().bytes()
    with pytest.raises(DocumentError) as e:
        read_source(data[: len(data) // 2], name="决定.docx")
    assert e.value.code == "corrupt"
    assert "Word 文件" in e.value.zh
    assert "损坏或不完整" in e.value.zh


def test_it_refuses_a_docx_whose_xml_is_broken():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(DocumentError) as e:
        read_source(out.getvalue())
    assert e.value.code == "corrupt"


def test_it_refuses_a_zip_bomb_before_unpacking_it():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        with z.open("word/media/image1.bin", "w") as f:
            for _ in range(20):
                f.write(bytes(1024 * 1024))
    assert len(out.getvalue()) < 200_000
    with pytest.raises(DocumentError) as e:
        read_source(out.getvalue())
    assert e.value.code == "too_large"
    assert "压缩炸弹" in e.value.zh


def test_it_refuses_a_docx_that_unpacks_to_too_much(monkeypatch):
    monkeypatch.setattr(_read_docx, "MAX_UNPACKED", 10_000)
    with pytest.raises(DocumentError) as e:
        read_source(outline_docx().bytes())
    assert e.value.code == "too_large"


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (15, "chineseCounting", "十五"),
        (20, "chineseCounting", "二十"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (10, "ideographDigital", "一〇"),
        (3, "ideographTraditional", "丙"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "decimalFullWidth", "２"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (7, "decimal", "7"),
        (5, "somethingNew", "5"),
    ],
)
def test_it_formats_numbers_as_word_does(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_it_refuses_a_docx_without_text():
    d = Docx()
    d.para("")
    d.doc.add_table(rows=1, cols=2)
    with pytest.raises(DocumentError) as e:
        read_source(d.bytes())
    assert e.value.code == "empty"
    assert "Word 文件中没有文字" in e.value.zh
