"""Headings wrapped over two or three lines of a column or a PDF page are one heading; a heading
that happens to fill its line does not swallow the body's lead sentence."""

from __future__ import annotations

from luoshi.document import extract
from luoshi.document._reflow import reflow

from .layouts import newspaper, wrap

FILLER = "全省上下坚持稳中求进工作总基调，统筹发展和安全，推动各项工作取得新的进展，人民群众获得感持续增强。"


def _titles(text: str) -> list[str | None]:
    return [s.title for s in extract(text).sections]


def test_a_heading_with_a_comma_wrapped_over_two_lines_is_one_heading():
    text = "\n".join(
        [
            FILLER[:20],
            FILLER[20:40],
            FILLER[40:],
            "",
            "一、一年接着一年干，示范省",
            "建设持续取得新进展新成效",
            "",
            FILLER[:20],
            FILLER[20:40],
            FILLER[40:],
        ]
    )
    assert "一、一年接着一年干，示范省建设持续取得新进展新成效" in reflow(text).paragraphs


def test_a_heading_in_large_type_may_end_with_a_full_stop():
    text = "\n".join(
        [
            FILLER[:20],
            FILLER[20:40],
            FILLER[40:],
            "",
            "一、提高城乡低保、特困人员",
            "基本生活保障和重点群体救助",
            "保障水平。",
            "",
            FILLER[:20],
            FILLER[20:40],
            FILLER[40:],
        ]
    )
    assert _titles(text) == ["提高城乡低保、特困人员基本生活保障和重点群体救助保障水平"]


def test_a_heading_that_fills_its_line_ends_at_a_blank_line_before_the_body():
    paragraphs = [
        "二、2026年重点工作",
        "（一）把民生工作摆在更加突出位置",
        "实施城乡居民增收计划。" + FILLER,
        "（二）加快打造现代化产业体系",
        "推进制造业数智化转型。" + FILLER,
    ]
    laid_out = newspaper("示范省政府工作报告\n" + "\n".join(paragraphs), 20, title_at_end=False)
    assert _titles(laid_out) == ["2026年重点工作", "把民生工作摆在更加突出位置", "加快打造现代化产业体系"]


def test_an_inline_title_cut_mid_word_by_a_column_break_is_joined():
    text = "\n".join(
        [
            FILLER[:20],
            FILLER[20:40],
            FILLER[40:],
            "",
            "（四）推动各民族共建共享中国式现代",
            "",
            "化。" + FILLER[:18],
            FILLER[18:38],
            FILLER[38:],
        ]
    )
    assert _titles(text) == ["推动各民族共建共享中国式现代化"]


def test_in_a_pdf_text_layer_a_heading_two_characters_short_of_the_line_has_ended():
    body = "推进重点领域生态环境治理攻坚。" + FILLER * 2
    paragraphs = [
        "三、2026年重点工作",
        "（一）把经济社会发展全面绿色转型建设摆在更突出位置",
        body,
        "（二）着力推动科技创新深度融合，科技支撑作用明显增强",
        "创新效能提升。" + FILLER * 2,
    ]
    lines = ["示范省政府工作报告"]
    for p in [FILLER * 2] * 6 + paragraphs:  # paragraphs that open as wide as the page
        lines += wrap(p, 60)
    assert _titles("\n".join(lines)) == [
        "2026年重点工作",
        "把经济社会发展全面绿色转型建设摆在更突出位置",
        "着力推动科技创新深度融合，科技支撑作用明显增强",
    ]


def test_a_long_inline_title_runs_over_three_lines_of_a_narrow_column():
    title = "大力推进科技创新、产业创新和金融创新深度融合发展，加快构建现代化产业体系"
    laid_out = newspaper(f"示范省政府工作报告\n二、重点工作\n（二）{title}。{FILLER}", 20, title_at_end=False)
    assert _titles(laid_out) == ["重点工作", title]


def test_a_heading_before_a_page_break_does_not_take_the_next_pages_lead_sentence():
    text = "\n".join(
        [
            FILLER[:20],
            FILLER[20:40],
            FILLER[40:],
            "",
            "一、“十四五”时期和2025年",
            "工作回顾",
            "（下转第二版）",
            "",
            "示范日报  2026年1月28日  星期三",
            "2",
            "",
            "（上接第一版）",
            "过去的五年极不寻常。" + FILLER[:10],
            FILLER[10:30],
            FILLER[30:],
        ]
    )
    assert _titles(text) == ["“十四五”时期和2025年工作回顾"]
