"""An alignment as people read it: a Markdown table and an Excel workbook, in Chinese or English.

Pure Python like :mod:`luoshi.alignment.matching` (openpyxl is imported only to write a workbook);
every cell goes through the one sanitiser (:func:`luoshi.document.new_workbook`, ``safe_text``).
"""

from __future__ import annotations

from typing import IO

from luoshi.document import new_workbook, safe_text

from .matching import Alignment, Reason, Row

_WORDS = {
    "title": ("对标对表", "Alignment"),
    "parent": ("上级文件", "Parent"),
    "child": ("下级文件", "Child"),
    "items": ("条目", "Items"),
    "targets": ("目标", "Targets"),
    "added": ("新增（上级文件中没有的条目）", "Added (items the parent does not have)"),
    "kind": ("类别", "Kind"),
    "item": ("条目", "item"),
    "target": ("目标", "target"),
    "parent_id": ("上级编号", "Parent no."),
    "parent_text": ("上级原文", "Parent's text"),
    "status": ("结论", "Finding"),
    "child_id": ("下级编号", "Child no."),
    "child_text": ("下级原文", "Child's text"),
    "why": ("匹配依据", "Why it matched"),
    "weak": ("弱化之处", "What is weakened"),
    "score": ("相似度", "Similarity"),
    "also": ("另见下级条目", "Also in the child's items"),
    "sub": (
        "下级文件是所辖地区的方案：总量指标看作本地分解数，不与上级总量比较；比率指标照常比较。",
        "The child is the plan of an area within the parent's: amounts are taken as the area's share and"
        " not compared with the parent's totals; rates are compared.",
    ),
    "untitled": ("（无标题）", "(untitled)"),
    "added_sheet": ("新增", "Added"),
}


def _w(key: str, english: bool) -> str:
    zh, en = _WORDS[key]
    return en if english else zh


def _reasons(reasons: tuple[Reason, ...], english: bool) -> str:
    return ("; " if english else "；").join(r.en if english else r.zh for r in reasons)


def _status(row: Row, english: bool) -> str:
    return row.status_en if english else row.status_zh


def _summary(a: Alignment, english: bool) -> str:
    c = a.counts
    if english:
        return (
            f"covered {c['covered']} · weakened {c['weakened']} · missing {c['missing']} · added {c['added']}"
        )
    return f"已承接 {c['covered']} · 承接但弱化 {c['weakened']} · 未承接 {c['missing']} · 新增 {c['added']}"


def _cell(text: str) -> str:
    return safe_text(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def to_markdown(a: Alignment, *, english: bool = False) -> str:
    untitled = _w("untitled", english)
    lines = [
        f"# {_w('title', english)}",
        "",
        f"- {_w('parent', english)}：{_cell(a.parent_title or untitled)}"
        if not english
        else f"- {_w('parent', english)}: {_cell(a.parent_title or untitled)}",
        f"- {_w('child', english)}：{_cell(a.child_title or untitled)}"
        if not english
        else f"- {_w('child', english)}: {_cell(a.child_title or untitled)}",
        f"- {_summary(a, english)}",
    ]
    if a.sub_region:
        lines.append(f"- {_w('sub', english)}")
    head = [
        _w(k, english)
        for k in ("parent_id", "parent_text", "status", "child_id", "child_text", "why", "weak")
    ]
    for key, rows in (("items", a.items), ("targets", a.targets)):
        lines += ["", f"## {_w(key, english)}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in rows:
            child = r.child or ""
            if r.also:
                child += f"（+{'、'.join(r.also)}）" if not english else f" (+{', '.join(r.also)})"
            cells = [
                r.parent or "",
                r.parent_text,
                _status(r, english),
                child,
                r.child_text,
                _reasons(r.reasons, english),
                _reasons(r.weakenings, english),
            ]
            lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    lines += ["", f"## {_w('added', english)}", ""]
    head2 = [_w("child_id", english), _w("child_text", english)]
    lines += ["| " + " | ".join(head2) + " |", "|---|---|"]
    for r in a.added:
        lines.append(f"| {_cell(r.child or '')} | {_cell(r.child_text)} |")
    return "\n".join(lines) + "\n"


def to_xlsx(a: Alignment, fp: str | IO[bytes], *, english: bool = False) -> None:
    wb = new_workbook()
    ws = wb.active
    ws.title = _w("title", english)
    ws.append([_w("parent", english), a.parent_title or _w("untitled", english)])
    ws.append([_w("child", english), a.child_title or _w("untitled", english)])
    ws.append([_summary(a, english)])
    if a.sub_region:
        ws.append([_w("sub", english)])
    ws.append([])
    keys = (
        "kind",
        "parent_id",
        "parent_text",
        "status",
        "child_id",
        "child_text",
        "why",
        "weak",
        "also",
        "score",
    )
    ws.append([_w(k, english) for k in keys])
    header_row = ws.max_row
    for r in (*a.items, *a.targets):
        ws.append(
            [
                _w(r.kind, english),
                r.parent or "",
                r.parent_text,
                _status(r, english),
                r.child or "",
                r.child_text,
                _reasons(r.reasons, english),
                _reasons(r.weakenings, english),
                "、".join(r.also),
                round(r.score, 2) if r.child else None,
            ]
        )
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    for col, width in zip("ABCDEFGHIJ", (6, 9, 50, 11, 9, 50, 40, 40, 12, 8), strict=True):
        ws.column_dimensions[col].width = width
    added = wb.create_sheet(_w("added_sheet", english))
    added.append([_w("child_id", english), _w("child_text", english)])
    for r in a.added:
        added.append([r.child or "", r.child_text])
    added.column_dimensions["B"].width = 80
    wb.save(fp)
