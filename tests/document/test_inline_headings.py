"""A text sets the headings of one rank alike. Where most of them are set inline (the title ended by
。 and the body run on after it), one whose title fills its first line and is cut by a column break
still runs on to its 。; where they stand alone on their lines, a heading before a blank line has
ended, and the body's lead sentence (深化…改革。) is not part of its title."""

from __future__ import annotations

from luoshi.document import extract

from .layouts import wrap

BODY = (
    "坚持系统观念，统筹推进各项工作，完善工作机制，加强督促检查，确保各项部署落地见效，让群众有更多获得感。"
)


def _column(paragraph: str, *, break_after: int | None = None) -> list[str]:
    lines = wrap(paragraph, 40, first_indent=4)
    if break_after is not None:
        lines.insert(break_after, "")  # a column break in the middle of the paragraph
    return [*lines, ""]


def _titles(lines: list[str]) -> list[str | None]:
    return [s.title for s in extract("\n".join(["示范省政府工作报告", "", *lines])).sections]


INLINE = [
    "（一）扩大有效需求。" + BODY,
    "（二）培育新兴产业，加快动能转换。" + BODY,
    "（三）加强生态环境保护，筑牢北方生态安全屏障。" + BODY,
    "（四）办好民生实事。" + BODY,
]


def test_an_inline_title_cut_after_its_first_line_by_a_column_break_runs_on_to_its_full_stop():
    lines = ["二、2026年重点工作", ""]
    for k, p in enumerate(INLINE):
        lines += _column(p, break_after=1 if k == 2 else None)
    assert _titles(lines)[1:] == [
        "扩大有效需求",
        "培育新兴产业，加快动能转换",
        "加强生态环境保护，筑牢北方生态安全屏障",
        "办好民生实事",
    ]


ALONE = [
    "（一）持续扩大有效需求和增强内需拉动",
    "提振消费。" + BODY,
    "（二）推进深层次改革和高水平对外开放",
    "深化重点领域改革。" + BODY,
    "（三）用心用情办好群众身边的各项实事",
    "促进高质量充分就业。" + BODY,
]


def test_a_heading_set_alone_that_fills_its_line_does_not_take_the_lead_sentence_below():
    lines = ["二、2026年重点工作", ""]
    for p in ALONE:
        lines += _column(p)
    assert _titles(lines)[1:] == [
        "持续扩大有效需求和增强内需拉动",
        "推进深层次改革和高水平对外开放",
        "用心用情办好群众身边的各项实事",
    ]


def test_where_one_part_sets_headings_inline_a_short_heading_of_another_part_stands_alone():
    lines = ["一、2025年工作回顾", ""]
    for p in INLINE[:2] + INLINE[3:]:
        lines += _column(p)
    lines += ["二、2026年重点工作", ""]
    lines += ["（一）用心用情办好群众身边的实事", "", *_column("促进高质量充分就业。" + BODY)]
    assert _titles(lines)[-1] == "用心用情办好群众身边的实事"
