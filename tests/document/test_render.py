"""The checklist as people read it: Markdown, and the 任务清单 workbook for the office."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest

from luoshi.document import Document, Item, Place, Section, Target
from luoshi.document._render import section_label, target_words


def make_target(**overrides):
    overrides.setdefault("id", "T1")
    overrides.setdefault("item", "4.1.1")
    overrides.setdefault("kind", "numeric")
    overrides.setdefault("indicator", "森林覆盖率")
    overrides.setdefault("scope", None)
    overrides.setdefault("comparator", ">=")
    overrides.setdefault("value", 25.0)
    overrides.setdefault("unit", "%")
    overrides.setdefault("year", 2035)
    overrides.setdefault("reference", None)
    overrides.setdefault("text", "到2035年森林覆盖率达到25%")
    return Target(**overrides)


def make_document(**overrides):
    overrides.setdefault("title", "某自治区党委关于推动高质量发展的决定")
    overrides.setdefault("year", 2024)
    overrides.setdefault("source", "/srv/files/决定.txt")
    overrides.setdefault(
        "sections",
        [
            Section("3", 1, "三", None, None, inferred=True),
            Section("3.2", 2, "二", "推动区域协调发展", "3"),
            Section("4", 1, "四", "加强生态文明建设", None),
            Section("4.1", 2, "一", "筑牢生态安全屏障", "4"),
        ],
    )
    overrides.setdefault(
        "items",
        [
            Item("3.2.1", "3.2", "支持鄂尔多斯建设现代能源经济示范城市。", "measure"),
            Item(
                "4.1.1",
                "4.1",
                "到2035年森林覆盖率达到25%，草原植被盖度稳定在46%以上。",
                "target",
                ("科技兴蒙",),
            ),
            Item("4.1.2", "4.1", "到2025年新能源装机规模超过火电装机规模，基本消除重污染天气。", "target"),
            Item("4.1.3", "4.1", "坚持山水林田湖草沙一体化保护和系统治理。", "principle"),
        ],
    )
    overrides.setdefault(
        "targets",
        [
            make_target(),
            make_target(id="T2", indicator="草原植被盖度", value=46.0, text="草原植被盖度稳定在46%以上"),
            make_target(
                id="T3",
                item="4.1.2",
                kind="relational",
                indicator="新能源装机规模",
                comparator=">",
                value=None,
                unit=None,
                year=2025,
                reference="火电装机规模",
                text="新能源装机规模超过火电装机规模",
            ),
            make_target(
                id="T4",
                item="4.1.2",
                kind="milestone",
                indicator="基本消除重污染天气",
                comparator=None,
                value=None,
                unit=None,
                year=2025,
                text="到2025年基本消除重污染天气",
            ),
        ],
    )
    overrides.setdefault("places", [Place("鄂尔多斯市", "prefecture", "150600", ("3.2.1",), ("鄂尔多斯",))])
    return Document(**overrides)


# words -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "label"),
    [
        (Section("4", 1, "四", "加强生态文明建设", None), "四、加强生态文明建设"),
        (Section("4.1", 2, "一", "筑牢生态安全屏障", "4"), "（一）筑牢生态安全屏障"),
        (Section("4.1.2", 3, "2", "推进荒漠化治理", "4.1"), "2.推进荒漠化治理"),
        (Section("4.1.2.1", 4, "1", "实施防沙治沙工程", "4.1.2"), "（1）实施防沙治沙工程"),
        (Section("3", 1, "三", None, None, inferred=True), "三、（标题缺失）"),
        (Section("0", 1, None, "序言", None), "序言"),
    ],
)
def test_it_labels_a_section_as_the_document_numbers_it(section, label):
    assert section_label(section) == label


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (make_target(), "森林覆盖率 ≥ 25%（2035年）"),
        (
            make_target(scope="全区", indicator="粮食综合生产能力", value=850.0, unit="亿斤"),
            "全区粮食综合生产能力 ≥ 850亿斤（2035年）",
        ),
        (
            make_target(comparator="≈", indicator="规上工业增加值年均增长", value=8.0, year=2030),
            "规上工业增加值年均增长 ≈ 8%（2030年）",
        ),
        (
            make_target(comparator="<=", indicator="城镇调查失业率", value=5.5, year=None),
            "城镇调查失业率 ≤ 5.5%",
        ),
        (
            make_target(
                comparator=None, value=5.0, value_max=6.0, indicator="增长", start_year=2022, year=2025
            ),
            "增长 5～6%（2022—2025年）",
        ),
        (
            make_target(
                kind="relational",
                indicator="新能源装机规模",
                comparator=">",
                value=None,
                unit=None,
                year=2025,
                reference="火电装机规模",
            ),
            "新能源装机规模 > 火电装机规模（2025年）",
        ),
        (
            make_target(
                kind="milestone",
                indicator="基本消除重污染天气",
                comparator=None,
                value=None,
                unit=None,
                year=2025,
            ),
            "到2025年：基本消除重污染天气",
        ),
    ],
)
def test_it_puts_a_target_into_words(target, words):
    assert target_words(target) == words


# Markdown --------------------------------------------------------------------------------------------


def test_the_markdown_checklist_reads_as_an_outline_with_items_and_targets():
    md = make_document().to_markdown()
    assert md.startswith("# 某自治区党委关于推动高质量发展的决定\n")
    expected = """\
## 四、加强生态文明建设

### （一）筑牢生态安全屏障

- [ ] 到2035年森林覆盖率达到25%，草原植被盖度稳定在46%以上。（4.1.1 · 目标） #科技兴蒙
  - 目标：森林覆盖率 ≥ 25%（2035年）
  - 目标：草原植被盖度 ≥ 46%（2035年）
- [ ] 到2025年新能源装机规模超过火电装机规模，基本消除重污染天气。（4.1.2 · 目标）
  - 目标：新能源装机规模 > 火电装机规模（2025年）
  - 到2025年：基本消除重污染天气
- [ ] 坚持山水林田湖草沙一体化保护和系统治理。（4.1.3 · 原则）
"""
    assert expected in md


def test_the_markdown_shows_an_inferred_section_as_missing_its_title():
    md = make_document().to_markdown()
    assert "## 三、（标题缺失）\n\n### （二）推动区域协调发展\n\n- [ ] 支持鄂尔多斯" in md


def test_the_markdown_ends_with_the_places():
    md = make_document().to_markdown()
    assert md.endswith("## 地名\n\n- 鄂尔多斯市（地级） — 见条目 3.2.1；文中写作：鄂尔多斯\n")


def test_the_markdown_says_where_it_came_from_and_how_much_it_found():
    md = make_document().to_markdown()
    assert "> 来源：决定.txt · 年份：2024年 · 4 个板块，4 项任务，4 个量化目标，1 个地名" in md


def test_the_markdown_keeps_items_outside_any_section():
    doc = make_document(
        items=[Item("0.1", None, "为推动高质量发展，作出如下决定。", "principle")], targets=[], places=[]
    )
    md = doc.to_markdown()
    assert "## 未归入板块的条目\n\n- [ ] 为推动高质量发展，作出如下决定。（0.1 · 原则）" in md


def test_the_markdown_of_an_empty_document_still_reads():
    md = Document(title=None, year=None).to_markdown()
    assert md.startswith("# （未识别标题）\n")
    assert "0 项任务" in md


def test_the_markdown_keeps_each_item_on_one_line():
    doc = make_document(items=[Item("4.1.1", "4.1", "第一行\n第二行 <b>粗体</b>", "measure")], targets=[])
    assert "- [ ] 第一行 第二行 &lt;b>粗体&lt;/b>（4.1.1 · 举措）" in doc.to_markdown()


# Excel -----------------------------------------------------------------------------------------------


def workbook(doc: Document):
    from openpyxl import load_workbook

    out = io.BytesIO()
    doc.to_xlsx(out)
    return load_workbook(io.BytesIO(out.getvalue())), out.getvalue()


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_workbook_has_the_task_target_and_place_sheets():
    wb, _ = workbook(make_document())
    assert wb.sheetnames == ["任务清单", "量化目标", "地名"]


def test_the_task_sheet_has_one_row_per_item_for_the_office_to_fill_in():
    wb, _ = workbook(make_document())
    table = rows(wb["任务清单"])
    assert table[0] == [
        "序号",
        "板块",
        "任务内容",
        "量化目标",
        "完成时限",
        "牵头单位",
        "配合单位",
        "条目编号",
    ]
    assert table[1] == [
        1,
        "三、（标题缺失）／（二）推动区域协调发展",
        "支持鄂尔多斯建设现代能源经济示范城市。",
        None,
        None,
        None,
        None,
        "3.2.1",
    ]
    assert table[2][1:5] == [
        "四、加强生态文明建设／（一）筑牢生态安全屏障",
        "到2035年森林覆盖率达到25%，草原植被盖度稳定在46%以上。",
        "森林覆盖率 ≥ 25%（2035年）\n草原植被盖度 ≥ 46%（2035年）",
        "2035年",
    ]
    assert table[3][4] == "2025年"
    assert [r[7] for r in table[1:]] == ["3.2.1", "4.1.1", "4.1.2", "4.1.3"]


def test_the_task_sheet_looks_official_on_screen_and_on_paper():
    wb, _ = workbook(make_document())
    ws = wb["任务清单"]
    assert ws["A1"].font.b
    assert ws.freeze_panes == "A2"
    assert ws["C2"].alignment.wrap_text
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"
    assert ws.print_title_rows == "$1:$1"
    assert ws.print_area == "'任务清单'!$A$1:$G$5"  # the item ids stay on screen, off paper


def test_the_target_sheet_has_every_field_of_every_target():
    wb, _ = workbook(make_document())
    table = rows(wb["量化目标"])
    assert table[0][:4] == ["目标编号", "条目编号", "类型", "表述"]
    assert table[1] == [
        "T1",
        "4.1.1",
        "数值",
        "森林覆盖率 ≥ 25%（2035年）",
        "森林覆盖率",
        None,
        "≥",
        25,
        None,
        "%",
        None,
        2035,
        None,
        "到2035年森林覆盖率达到25%",
    ]
    assert table[3][2] == "对比"
    assert table[3][12] == "火电装机规模"
    assert table[4][2] == "节点"


def test_the_place_sheet_lists_places_with_their_code_as_text():
    wb, _ = workbook(make_document())
    assert rows(wb["地名"])[1] == ["鄂尔多斯市", "地级", "150600", "3.2.1", "鄂尔多斯"]


@pytest.mark.parametrize(
    "text", ["=1+1", '=HYPERLINK("http://example.com","点击")', "+86-471", "-1", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_the_workbook_writes_formula_like_text_as_text(text):
    doc = make_document(items=[Item("4.1.1", "4.1", text, "measure")], targets=[], places=[])
    wb, raw = workbook(doc)
    cell = wb["任务清单"]["C2"]
    assert cell.value == text
    assert cell.data_type == "s"
    assert cell.quotePrefix
    sheet_xml = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_the_workbook_drops_control_characters_excel_cannot_hold():
    doc = make_document(
        items=[Item("4.1.1", "4.1", "加快\x0c建设\x00现代化\x1b产业体系", "measure")], targets=[], places=[]
    )
    wb, _ = workbook(doc)
    assert wb["任务清单"]["C2"].value == "加快建设现代化产业体系"


def test_the_workbook_can_be_written_to_a_path(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "任务清单.xlsx"
    make_document().to_xlsx(str(path))
    assert load_workbook(path)["任务清单"]["B1"].value == "板块"


class PipeLike(io.RawIOBase):
    """A binary stream that cannot seek, as standard output in a pipe."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, b) -> int:  # type: ignore[override]
        self.chunks.append(bytes(b))
        return len(b)


def test_the_workbook_can_be_written_to_a_pipe():
    pipe = PipeLike()
    make_document().to_xlsx(pipe)  # type: ignore[arg-type]
    assert zipfile.ZipFile(io.BytesIO(b"".join(pipe.chunks))).testzip() is None


def test_an_empty_document_gives_a_workbook_with_headers_only():
    wb, _ = workbook(replace(make_document(), items=[], targets=[], places=[]))
    assert rows(wb["任务清单"]) == [
        ["序号", "板块", "任务内容", "量化目标", "完成时限", "牵头单位", "配合单位", "条目编号"]
    ]
