"""A decision's 应知应会 out of the ledger: Word in the office's layout (GB/T 9704, through
``luoshi.exchange.officialdoc``: the digest, the questions by kind, the answers with their source) and
Excel (the questions with their options, answer, source sentence and state; the digest on a second
sheet). Both through the one sanitiser: a question an office typed as "=1+1" stays text."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from luoshi.document import new_workbook
from luoshi.exchange.officialdoc import Block, OfficialText, cn_number, to_docx
from luoshi.web.display import day, today

from .models import Guide, Question, QuestionKind

POINT_GROUPS = ("parts", "goals", "targets", "programmes", "formulations")


def point_titles() -> dict[str, str]:
    return {
        "parts": _("主要部分"),
        "goals": _("主要目标"),
        "targets": _("量化指标"),
        "programmes": _("重点工程和行动"),
        "formulations": _("重要提法"),
    }


def kind_titles() -> dict[str, str]:
    return {
        QuestionKind.FILL: _("填空题"),
        QuestionKind.CHOICE: _("单项选择题"),
        QuestionKind.JUDGE: _("判断题"),
    }


def point_text(group: str, point: dict[str, Any]) -> str:
    """A point of the digest as one line: a part's heading, a target's clause, a formulation with its
    members where the text lists them."""
    text = str(point.get("text") or point.get("name") or "")
    members = point.get("members") or []
    if group == "formulations" and members:
        return _("%(text)s（%(members)s）") % {"text": text, "members": "、".join(members)}
    return text


def by_kind(questions: Iterable[Question]) -> list[tuple[str, str, list[Question]]]:
    """The questions grouped by kind, in the order a test prints them: fill-in, choice, true/false."""
    qs = list(questions)
    titles = kind_titles()
    return [
        (k, titles[k], [q for q in qs if q.kind == k])
        for k in QuestionKind.values
        if any(q.kind == k for q in qs)
    ]


def filename(guide: Guide, ext: str) -> str:
    title = guide.decision.title.strip("《》")[:60] or _("决定")
    return _("%(title)s应知应会.%(ext)s") % {"title": title, "ext": ext}


def to_text(guide: Guide, questions: Iterable[Question], *, signer: str = "") -> OfficialText:
    """The digest, the test and its answers as an official text."""
    data = guide.data or {}
    blocks: list[Block] = [Block(_("一、应知应会要点"), level=1)]
    titles = point_titles()
    n = 0
    for group in POINT_GROUPS:
        points = data.get(group) or []
        if not points:
            continue
        n += 1
        blocks.append(Block(f"（{cn_number(n)}）{titles[group]}", level=2))
        for i, p in enumerate(points, start=1):
            blocks.append(Block(f"{i}．{point_text(group, p)}"))
    if n == 0:
        blocks.append(Block(_("未从文本中识别出应知应会要点。")))
    blocks.append(Block(_("二、测试题"), level=1))
    grouped = by_kind(questions)
    answers: list[Block] = []
    number = 0
    for k, (_kind, title, qs) in enumerate(grouped, start=1):
        blocks.append(Block(f"（{cn_number(k)}）{title}", level=2))
        answers.append(Block(f"（{cn_number(k)}）{title}", level=2))
        for q in qs:
            number += 1
            stem = q.shown_stem
            if q.kind == QuestionKind.JUDGE:
                stem = f"{stem}（　　）"
            blocks.append(Block(f"{number}．{stem}"))
            if q.kind == QuestionKind.CHOICE:
                blocks.append(Block("　".join(f"{letter}．{o}" for letter, o in q.lettered)))
            source = _("出处：%(section)s") % {"section": q.section_label} if q.section_label else ""
            answers.append(Block(f"{number}．{q.answer_display()}" + (f"　{source}" if source else "")))
    if not grouped:
        blocks.append(Block(_("题库中没有在用的试题。")))
    else:
        blocks.append(Block(_("三、参考答案"), level=1))
        blocks.extend(answers)
    return OfficialText(
        title=_("《%(title)s》应知应会") % {"title": guide.decision.title.strip("《》")},
        blocks=blocks,
        signer=signer,
        date=day(today()),
    )


def bank_docx(guide: Guide, questions: Iterable[Question], *, signer: str = "") -> bytes:
    return to_docx(to_text(guide, questions, signer=signer))


def bank_xlsx(guide: Guide, questions: Iterable[Question]) -> bytes:
    from openpyxl.styles import Alignment, Font

    wb = new_workbook()  # the one sanitiser
    ws = wb.active
    ws.title = _("试题")
    headers = [
        _("序号"),
        _("题型"),
        _("考点"),
        _("题干"),
        "A",
        "B",
        "C",
        "D",
        _("答案"),
        _("原文"),
        _("所在章节"),
        _("状态"),
        _("督查室修改"),
    ]
    ws.append(headers)
    for n, q in enumerate(questions, start=1):
        options = q.shown_options + [""] * (4 - len(q.shown_options))
        ws.append(
            [
                n,
                q.get_kind_display(),
                q.get_topic_display(),
                q.shown_stem,
                *options[:4],
                q.answer_display(),
                q.sentence,
                q.section_label,
                q.get_state_display(),
                _("是") if q.edited else "",
            ]
        )
    widths = [6, 12, 10, 50, 14, 14, 14, 14, 18, 60, 30, 10, 10]
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    points = wb.create_sheet(_("应知应会要点"))
    points.append([_("类别"), _("内容"), _("年份"), _("所在章节"), _("原文")])
    titles = point_titles()
    for group in POINT_GROUPS:
        for p in (guide.data or {}).get(group) or []:
            points.append(
                [
                    titles[group],
                    point_text(group, p),
                    p.get("year") or "",
                    p.get("section_label") or "",
                    p.get("sentence") or "",
                ]
            )
    for col, w in zip("ABCDE", (16, 60, 8, 30, 60), strict=True):
        points.column_dimensions[col].width = w
    for cell in points[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
