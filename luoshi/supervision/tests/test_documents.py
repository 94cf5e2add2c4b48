"""督办单 and 通报 as Word documents in GB/T 9704 layout, checked by reading the .docx back."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from luoshi.supervision import documents
from luoshi.supervision.models import Notice, NoticeKind
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(unit_a: Any, clock: Any) -> Notice:
    make_supervised_task(unit_a, text="加快推进现代煤化工产业高端化、多元化、低碳化发展。")
    clock(2026, 11, 10)  # 20 working days after the due date: a red 督办单
    Supervisor().run()
    return Notice.objects.get(kind=NoticeKind.ORDER)


def read(notice: Notice) -> Any:
    return Document(io.BytesIO(documents.to_docx(documents.paper(notice))))


def east_asian(run: Any) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def paragraph(doc: Any, starts: str) -> Any:
    return next(p for p in doc.paragraphs if p.text.startswith(starts))


def test_the_page_is_a4_with_the_standard_margins(order: Notice) -> None:
    s = read(order).sections[0]
    mm = [
        round(x.mm, 1)
        for x in (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    ]
    assert mm == [210, 297, 37, 35, 28, 26]  # stored in twips: exact to a tenth of a millimetre


def test_the_title_is_xiaobiaosong_erhao_centred(order: Notice) -> None:
    doc = read(order)
    title = paragraph(doc, "关于督促办理")
    run = title.runs[0]
    assert run.font.size == Pt(22)
    assert east_asian(run) == "方正小标宋简体"
    assert title.alignment == 1  # centre


def test_the_body_is_fangsong_sanhao_on_a_fixed_line(order: Notice) -> None:
    doc = read(order)
    body = paragraph(doc, "根据《")
    assert body.runs[0].font.size == Pt(16)
    assert east_asian(body.runs[0]) == "仿宋_GB2312"
    assert body.paragraph_format.line_spacing == Pt(28.95)
    assert body.paragraph_format.first_line_indent == Pt(31.5)  # two characters of the 28-a-line pitch


def test_headings_are_numbered_by_level_in_their_fonts(order: Notice) -> None:
    doc = read(order)
    headings = [p for p in doc.paragraphs if p.text[:2] in {"一、", "二、", "三、", "四、"}]
    assert [p.text for p in headings] == ["一、督办事项", "二、督办原因", "三、办结时限", "四、反馈要求"]
    assert {east_asian(p.runs[0]) for p in headings} == {"黑体"}


def test_a_red_order_has_a_red_head_its_number_and_level(order: Notice) -> None:
    doc = read(order)
    head = doc.paragraphs[0]
    assert head.text == "督 办 单"
    assert str(head.runs[0].font.color.rgb) == "E00000"
    assert [p.text for p in doc.paragraphs[1:4]] == ["", "", "督办〔2026〕1号（红色督办）"]
    assert "办结时限" in "".join(p.text for p in doc.paragraphs)
    assert "请于2026年11月24日前办结。" in [p.text for p in doc.paragraphs]


def test_an_order_carries_a_receipt_that_shows_when_it_was_signed(order: Notice, reporter_a: Any) -> None:
    table = read(order).tables[-1]
    assert table.cell(1, 0).text == "自治区发展和改革委员会"
    assert table.cell(1, 1).text == "未签收"
    order.receipts.get().sign(by=reporter_a)
    signed = read(order).tables[-1].cell(1, 1).text
    assert signed.startswith("李强")


def test_a_circular_lists_the_units_in_a_table_with_second_level_headings(
    unit_a: Any, unit_b: Any, clock: Any
) -> None:
    make_supervised_task(unit_a)
    make_supervised_task(unit_b)
    clock(2026, 11, 3)
    Supervisor().run()
    doc = read(Notice.objects.get(kind=NoticeKind.CIRCULAR))
    assert doc.paragraphs[0].text == "督 查 通 报"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "单位",
        "未按期报送（份）",
        "逾期未办结任务（项）",
    ]
    assert {table.cell(1, 1).text, table.cell(2, 1).text} == {"自治区发展和改革委员会", "自治区教育厅"}
    seconds = [p for p in doc.paragraphs if p.text.startswith("（一）")]
    assert seconds
    assert east_asian(seconds[0].runs[0]) == "楷体_GB2312"


def test_a_circular_asks_for_what_a_circular_can_ask_and_not_for_an_orders_feedback(
    unit_a: Any, clock: Any
) -> None:
    make_supervised_task(unit_a)
    clock(2026, 11, 3)
    Supervisor().run()
    text = [p.text for p in read(Notice.objects.get(kind=NoticeKind.CIRCULAR)).paragraphs]
    after = text[text.index("（二）压实责任") + 1]
    assert after.startswith("各单位主要负责同志要亲自过问")
    assert "办结时限" not in "".join(text)  # a 通报 sets none; that is the 督办单's 反馈要求


def test_headings_are_numbered_one_level_inside_another() -> None:
    blocks = [
        documents.Block("甲", 1),
        documents.Block("乙", 2),
        documents.Block("丙", 3),
        documents.Block("丁", 4),
        documents.Block("戊", 2),
        documents.Block("己", 1),
        documents.Block("庚", 2),
    ]
    assert [p for _b, p in documents.numbered(blocks)] == [
        "一、",
        "（一）",
        "1．",
        "（1）",
        "（二）",
        "二、",
        "（一）",
    ]
    assert documents.cn_number(12) == "十二"
    assert documents.cn_number(20) == "二十"


def test_an_orders_title_names_the_task_whole_and_its_body_has_no_outline_number(
    unit_a: Any, clock: Any
) -> None:
    task = make_supervised_task(
        unit_a,
        text="加快推进大型风电光伏基地建设，在鄂尔多斯、包头建设一批源网荷储一体化项目，到2026年新能源装机规模超过火电装机规模。",
    )
    clock(2026, 11, 10)
    Supervisor().run()
    order = Notice.objects.get(kind=NoticeKind.ORDER)
    doc = read(order)
    texts = [p.text for p in doc.paragraphs]
    title = paragraph(doc, "关于督促办理").text.replace("\n", "")
    assert title == "关于督促办理“加快推进大型风电光伏基地建设”的督办单"
    assert order.title == title  # the notice's own title, on every page that lists it
    assert "……" not in "".join(texts)
    matter = texts[texts.index("一、督办事项") + 1]
    assert matter == task.text  # the task in its words, without its key in the outline
    assert task.key not in "".join(texts)
    reason = texts[texts.index("二、督办原因") + 1]
    assert reason.endswith("。")


def test_an_order_has_its_imprint_with_the_offices_printer_and_copies(order: Notice) -> None:
    from luoshi.supervision.models import Rules

    rules = Rules.get()
    rules.printer, rules.copy_to = "自治区党委办公厅", "自治区党委、政府分管领导"
    rules.save()
    texts = [p.text for p in read(order).paragraphs if p.text]
    assert texts[-2:] == ["抄送：自治区党委、政府分管领导。", "自治区党委办公厅\t2026年11月10日印发"]
    assert "附件：签收回执" in texts
    rules.printer = ""
    rules.save()
    assert [p.text for p in read(order).paragraphs][-1] == "督查室\t2026年11月10日印发"  # the office, else
