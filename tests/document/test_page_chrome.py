"""What a browser copy brings along is not the document: tools, breadcrumbs, labels, captions,
related links, a title said twice. The document's own title is its title line, never chrome."""

from __future__ import annotations

from luoshi.document import extract
from luoshi.document._reflow import reflow

from .layouts import newspaper

BODY = (
    "各位代表：\n"
    "现在，我代表省人民政府，向大会报告工作，请予审议。\n"
    "一、2025年工作回顾\n"
    "过去一年，全省地区生产总值增长5.1%。\n"
    "二、2026年重点工作\n"
    "今年，全省地区生产总值增长5%左右，新建5G基站1.2万个。\n"
)

TOOLS_ONE_A_LINE = (
    "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n"
    "2026年示范省政府工作报告\n"
    "——2026年1月20日在示范省第十四届人民代表大会第四次会议上\n"
    "来源：示范日报\n时间：2026-01-28\n"
    "示范省人民政府省长 张 三\n"
    "张三作政府工作报告。本报记者 李 四摄\n" + BODY + "相关报道：\n"
)


def _texts(text: str) -> list[str]:
    return [i.text for i in extract(text).items]


def test_tools_set_one_word_a_line_are_not_the_title():
    assert extract(TOOLS_ONE_A_LINE).title == "2026年示范省政府工作报告"


def test_tools_set_one_word_a_line_are_not_items():
    joined = "".join(_texts(TOOLS_ONE_A_LINE))
    for word in ("下载", "全屏", "收藏", "字号", "减小", "相关报道"):
        assert word not in joined


def test_tools_on_one_line_are_chrome():
    text = "下载 打印 全屏 收藏 【字号：加大 还原 减小】\n" + TOOLS_ONE_A_LINE.split("】\n", 1)[1]
    doc = extract(text)
    assert doc.title == "2026年示范省政府工作报告"
    assert "全屏" not in "".join(i.text for i in doc.items)


def test_a_photo_caption_and_its_credit_are_chrome():
    joined = "".join(_texts(TOOLS_ONE_A_LINE))
    assert "作政府工作报告" not in joined
    assert "记者" not in joined


def test_a_caption_run_into_the_salutation_by_a_narrow_column_is_chrome():
    r = reflow(newspaper("首页\n" + TOOLS_ONE_A_LINE.split("】\n", 1)[1], 12, title_at_end=False))
    assert not any("记者" in p or "作政府工作报告" in p for p in r.paragraphs), r.paragraphs[:4]


def test_the_speakers_line_is_not_an_item():
    assert not any("张三" in t for t in _texts(TOOLS_ONE_A_LINE))


def test_a_breadcrumb_set_one_step_a_line_is_chrome():
    text = (
        "分享:\n2026年示范省政府工作报告\n首页\n>\n政府信息公开\n>\n政府工作报告\n"
        "2026年示范省政府工作报告\n时间：\n2026-01-28 09:20\n来源：\n示范省人民政府\n分享:\n" + BODY
    )
    doc = extract(text)
    assert doc.title == "2026年示范省政府工作报告"
    before = [i.text for i in doc.items if i.section is None]
    assert before == ["现在，我代表省人民政府，向大会报告工作，请予审议。"]


def test_a_labels_value_on_the_next_line_goes_with_the_label():
    r = reflow("示范省政府工作报告\n来源：\n示范省人民政府办公厅\n" + BODY)
    assert "示范省人民政府办公厅" not in r.paragraphs


def test_a_title_the_page_repeats_above_and_under_the_text_is_the_title_once():
    body = "\n".join(
        f"（{n}）第{n}项工作。全省推进第{n}项工作，确保按期完成。" for n in "一二三四五六七八九十"
    )
    text = (
        "2026年示范省政府工作报告\n2026年示范省政府工作报告\n一、重点工作\n"
        + body * 3
        + "\n2026年示范省政府工作报告\n"
    )
    doc = extract(text)
    assert doc.title == "2026年示范省政府工作报告"
    assert not any("政府工作报告" in i.text for i in doc.items)


def test_an_appendix_label_is_not_an_item_and_its_title_heads_its_list():
    text = (
        "政府工作报告\n一、2025年工作回顾\n过去一年，各项工作稳步推进。\n二、2026年重点工作\n"
        "今年，新建农村公路1000公里。\n"
        "附件1\n2026年省十件民生实事\n坚持民生为大，办好十件民生实事。\n"
        "一、提高城乡低保标准。\n农村低保标准提高到每人每年8000元以上。\n"
        "二、改造农村公路危桥。\n改造农村公路危旧桥梁100座。\n"
    )
    doc = extract(text)
    shape = [(s.level, s.number, s.title) for s in doc.sections]
    assert shape == [
        (1, "一", "2025年工作回顾"),
        (1, "二", "2026年重点工作"),
        (1, None, "2026年省十件民生实事"),
        (2, "一", "提高城乡低保标准"),
        (2, "二", "改造农村公路危桥"),
    ]
    assert not any(i.text.startswith("附件") for i in doc.items)


def test_a_glossary_under_a_longer_heading_sets_no_items():
    text = (
        "政府工作报告\n一、重点工作\n今年，新建5G基站1万个。\n"
        "附件\n《政府工作报告》有关名词注释\n1.“两新”：设备更新和消费品以旧换新。\n"
    )
    assert _texts(text) == ["今年，新建5G基站1万个。"]
