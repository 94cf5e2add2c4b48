"""The report as LibreOffice lays it out, measured from its PDF against GB/T 9704-2012: 28 characters
to the line, 22 lines to the page, page numbers in 四号 7 mm under the type area and one character in
on alternate sides, the date 右空四字 with the signer centred over it, the 版记's rules. Tolerances are
stated with each figure; the test skips where LibreOffice is not installed (CI installs it)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from types import SimpleNamespace
from typing import Any

import pytest

from luoshi.exchange import report
from luoshi.exchange.officialdoc import Block, OfficialText, to_docx
from luoshi.supervision.models import Rules

from .rendered import CHAR, TYPE, body_lines, page_numbers, rendered

pytestmark = pytest.mark.django_db

PURE_CJK = re.compile(r"^[\u4e00-\u9fff，。、；：“”《》（）！？]+$")


@pytest.fixture
def laid_out(world: SimpleNamespace) -> Any:
    rules = Rules.get()
    rules.printer, rules.report_copy_to = "示范市委办公室", "示范市人大常委会办公室，示范市政府办公室"
    rules.save()
    return rendered(report.to_docx(report.build(world.decision)))


@pytest.fixture
def long_text() -> Any:
    """A report of several pages of plain paragraphs, written for this test."""
    paragraph = "各地区各部门要坚持以人民为中心的发展思想，把学习宣传贯彻工作同推动高质量发展结合起来，" * 3
    blocks = [Block("总体情况", 1)] + [Block(paragraph) for _n in range(12)]
    return rendered(to_docx(OfficialText("关于测试排版的报告", blocks, "市委", "督查室", "2026年1月5日")))


def test_a_full_line_holds_28_characters(long_text: Any) -> None:
    lines, _rules, _pages = long_text
    full = [line for line in body_lines(lines) if line.x0 < TYPE["left"] + 0.5 and PURE_CJK.match(line.text)]
    counts = Counter(
        len(line.text.rstrip("，。、；：”》）！？")) for line in full if line.x1 > TYPE["right"] - CHAR
    )
    assert counts, "no full line of Chinese text to measure"
    assert set(counts) == {28}, counts  # a closing stop may hang in the margin as a 29th
    assert all(line.x1 <= TYPE["right"] + CHAR for line in body_lines(lines))


def test_a_page_holds_22_lines_on_the_grid(long_text: Any, laid_out: Any) -> None:
    for lines, _rules, pages in (laid_out, long_text):
        for page in range(1, pages + 1):
            text = [
                line for line in lines if line.page == page and TYPE["top"] - 1 <= line.top < TYPE["bottom"]
            ]
            assert len({round(line.top) for line in text}) <= 22
    lines, _rules, pages = long_text
    full = [
        page
        for page in range(1, pages)
        if len({round(line.top) for line in body_lines(lines) if line.page == page}) == 22
    ]
    assert full, "no page of body text holds 22 lines"
    tops = sorted(line.top for line in body_lines(lines) if line.page == full[0])
    pitch = 28.95 * 25.4 / 72  # 10.21 mm
    assert all(abs(b - a - pitch) < 0.3 for a, b in itertools.pairwise(tops))


def test_page_numbers_are_sihao_7mm_under_the_type_area_on_alternate_sides(laid_out: Any) -> None:
    lines, _rules, pages = laid_out
    numbers = page_numbers(lines)
    assert [line.text for line in numbers] == [f"—{n}—" for n in range(1, pages + 1)]
    for line in numbers:
        assert line.size == 14.0  # digits and dashes alike
        assert abs(line.top - (TYPE["bottom"] + 7)) <= 1.0  # mm
        if line.page % 2:
            assert abs(line.x1 - (TYPE["right"] - 14 / 72 * 25.4)) <= 1.0  # one character in, right
        else:
            assert abs(line.x0 - (TYPE["left"] + 14 / 72 * 25.4)) <= 1.0  # one character in, left


def test_the_date_stands_four_characters_in_with_the_signer_centred_over_it(laid_out: Any) -> None:
    lines, _rules, _pages = laid_out
    date = next(line for line in lines if line.text == "2026年11月10日")
    signer = next(line for line in lines if line.text == "督查室" and line.page == date.page)
    assert abs((TYPE["right"] - date.x1) - 4 * CHAR) <= 1.0  # mm
    assert 0 < date.top - signer.top < 11  # on the next line
    # centred to within 3.5 mm: LibreOffice adds a little space between digits and Chinese that
    # Word, told not to (autoSpaceDE/DN off), does not
    assert abs((signer.x0 + signer.x1) / 2 - (date.x0 + date.x1) / 2) <= 3.5


def test_the_imprint_closes_the_last_page_between_rules_as_wide_as_the_type_area(laid_out: Any) -> None:
    lines, rules, pages = laid_out
    last = sorted((r for r in rules if r.page == pages and r.top > 150), key=lambda r: r.top)[-3:]
    assert [r.width for r in last] == [1.0, 0.75, 1.0]  # 0.35 mm, 0.25 mm, 0.35 mm
    assert all(abs(r.x0 - TYPE["left"]) < 0.5 and abs(r.x1 - TYPE["right"]) < 0.5 for r in last)
    assert abs(last[-1].top - TYPE["bottom"]) <= 0.5  # the last rule on the type area's last line
    copy = next(line for line in lines if line.text.startswith("抄送："))
    printed = next(line for line in lines if line.text.endswith("印发"))
    assert last[0].top < copy.top < last[1].top < printed.top < last[2].top
    assert abs(copy.x0 - (TYPE["left"] + 14 / 72 * 25.4)) <= 0.5  # 左空一字
    assert abs(printed.x1 - (TYPE["right"] - 14 / 72 * 25.4)) <= 1.0  # 右空一字
