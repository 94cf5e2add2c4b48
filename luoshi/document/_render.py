"""Write a Document as a checklist people read: Markdown, and an Excel 任务清单 for the office.

openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable
from typing import IO, Any

from ._model import Document, Item, Place, Section, Target
from ._safe import new_workbook, safe_text, write_cell

KIND_ZH = {
    "principle": "原则",
    "measure": "举措",
    "target": "目标",
    "programme": "项目",
    "review": "回顾",
    "preamble": "导语",
}
TARGET_KIND_ZH = {"numeric": "数值", "relational": "对比", "milestone": "节点"}
LEVEL_ZH = {"province": "省级", "prefecture": "地级", "county": "县级"}
COMPARATOR_SIGN = {">=": "≥", ">": ">", "≈": "≈", "<=": "≤", "<": "<", "=": "="}
MISSING_TITLE = "（标题缺失）"

_CHINESE_NUMERAL = re.compile("^[〇零一二三四五六七八九十百千]+$")


# words ---------------------------------------------------------------------------------------------


def section_label(section: Section) -> str:
    """``四、加强…``, ``（一）…``, ``1.…``: the heading as the document numbers it."""
    title = MISSING_TITLE if section.inferred or not section.title else section.title
    number = section.number
    if not number:
        return title
    if _CHINESE_NUMERAL.match(number):
        mark = f"{number}、" if section.level <= 1 else f"（{number}）"
    elif number.isdigit():
        mark = f"{number}." if section.level <= 3 else f"（{number}）"
    else:
        mark = f"{number} "
    return mark + title


def number_text(value: float) -> str:
    """25.0 → ``25``; 8.5 → ``8.5``; 1e-7 is not a figure a decision uses."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def year_text(target: Target) -> str:
    if target.year is None:
        return ""
    if target.start_year is not None and target.start_year != target.year:
        return f"{target.start_year}—{target.year}年"
    return f"{target.year}年"


def target_words(target: Target) -> str:
    """A target as a person writes it: ``森林覆盖率 ≥ 25%（2035年）``, ``到2025年：基本消除…``."""
    indicator = target.indicator or target.text
    if target.scope and not indicator.startswith(target.scope):
        indicator = target.scope + indicator
    year = year_text(target)
    when = f"（{year}）" if year else ""
    if target.kind == "milestone":
        return f"到{year}：{indicator}" if year else indicator
    sign = COMPARATOR_SIGN.get(target.comparator or "", "")
    if target.kind == "relational":
        other = target.reference or "？"
        return f"{indicator} {sign or '~'} {other}{when}"
    if target.value is None:
        return f"{indicator}{when}"
    figure = number_text(target.value)
    if target.value_max is not None:
        figure += "～" + number_text(target.value_max)
    figure += target.unit or ""
    if target.comparator == "=":  # a plain figure: 新建高标准农田 1200万亩
        sign = ""
    return f"{indicator} {sign} {figure}{when}" if sign else f"{indicator} {figure}{when}"


def _section_order(doc: Document) -> tuple[list[Item], dict[str, list[Item]]]:
    """Items outside any known section, and the items of each section, in document order."""
    known = {s.id for s in doc.sections}
    loose: list[Item] = []
    by_section: dict[str, list[Item]] = {}
    for item in doc.items:
        if item.section in known and item.section is not None:
            by_section.setdefault(item.section, []).append(item)
        else:
            loose.append(item)
    return loose, by_section


# Markdown ------------------------------------------------------------------------------------------


def to_markdown(doc: Document) -> str:
    """The checklist in Markdown, in Chinese."""
    out: list[str] = [f"# {_inline(doc.title or '（未识别标题）')}", ""]
    facts = []
    if doc.source:
        facts.append(f"来源：{os.path.basename(doc.source)}")
    if doc.year:
        facts.append(f"年份：{doc.year}年")
    facts.append(
        f"{len(doc.sections)} 个板块，{len(doc.items)} 项任务，{len(doc.targets)} 个量化目标，{len(doc.places)} 个地名"
    )
    out += ["> " + " · ".join(facts), ""]

    targets: dict[str, list[Target]] = {}
    for t in doc.targets:
        targets.setdefault(t.item, []).append(t)
    loose, by_section = _section_order(doc)
    if loose:
        out += ["## 未归入板块的条目", ""]
        out += _items_md(loose, targets)
    for section in doc.sections:
        depth = min(section.level + 1, 6)
        out += [f"{'#' * depth} {_inline(section_label(section))}", ""]
        items = by_section.get(section.id, [])
        if items:
            out += _items_md(items, targets)
    if doc.places:
        out += ["## 地名", ""]
        out += [_place_md(p) for p in doc.places]
        out.append("")
    if doc.warnings:
        out += ["## 提示", ""]
        out += [f"- {_inline(w.zh)}" for w in doc.warnings]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _items_md(items: Iterable[Item], targets: dict[str, list[Target]]) -> list[str]:
    out = []
    for item in items:
        tags = "".join(f" #{t}" for t in item.tags)
        out.append(f"- [ ] {_inline(item.text)}（{item.id} · {KIND_ZH.get(item.kind, item.kind)}）{tags}")
        for t in targets.get(item.id, []):
            label = "" if t.kind == "milestone" else "目标："
            out.append(f"  - {label}{_inline(target_words(t))}")
    out.append("")
    return out


def _place_md(place: Place) -> str:
    line = f"- {place.name}（{LEVEL_ZH.get(place.level, place.level)}）"
    if place.mentions:
        line += " — 见条目 " + "、".join(place.mentions)
    others = [v for v in place.via if v != place.name]
    if others:
        line += "；文中写作：" + "、".join(others)
    return line


def _inline(text: str) -> str:
    """One line of Markdown: no line breaks, and no HTML a renderer would take for markup."""
    return " ".join(text.split()).replace("<", "&lt;")


# Excel ---------------------------------------------------------------------------------------------

TASK_SHEET = "任务清单"
TARGET_SHEET = "量化目标"
PLACE_SHEET = "地名"
TASK_HEADER = ("序号", "板块", "任务内容", "量化目标", "完成时限", "牵头单位", "配合单位", "条目编号")
TASK_WIDTHS = (6, 28, 60, 36, 12, 16, 20, 10)
TARGET_HEADER = (
    "目标编号",
    "条目编号",
    "类型",
    "表述",
    "指标",
    "范围",
    "比较",
    "数值",
    "上限",
    "单位",
    "起始年",
    "目标年",
    "参照指标",
    "原文",
)
TARGET_WIDTHS = (8, 10, 6, 36, 24, 8, 6, 10, 8, 8, 8, 8, 18, 50)
PLACE_HEADER = ("名称", "级别", "区划代码", "涉及条目", "文中写法")
PLACE_WIDTHS = (20, 8, 10, 40, 30)


def to_xlsx(doc: Document, fp: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write the 任务清单 workbook (sheets 任务清单, 量化目标, 地名) to a path or a binary file."""
    wb = new_workbook()
    tasks = wb.active
    tasks.title = TASK_SHEET
    _sheet_header(tasks, TASK_HEADER, TASK_WIDTHS)
    targets: dict[str, list[Target]] = {}
    for t in doc.targets:
        targets.setdefault(t.item, []).append(t)
    for n, item in enumerate(doc.items, start=1):
        item_targets = targets.get(item.id, [])
        path = "／".join(section_label(s) for s in doc.section_path(item.section))
        years = sorted({t.year for t in item_targets if t.year is not None})
        _row(
            tasks,
            (
                n,
                path,
                item.text,
                "\n".join(target_words(t) for t in item_targets),
                "、".join(f"{y}年" for y in years),
                "",
                "",
                item.id,
            ),
        )
    _finish(tasks, doc, "A1:G", len(doc.items))

    sheet = wb.create_sheet(TARGET_SHEET)
    _sheet_header(sheet, TARGET_HEADER, TARGET_WIDTHS)
    for t in doc.targets:
        _row(
            sheet,
            (
                t.id,
                t.item,
                TARGET_KIND_ZH.get(t.kind, t.kind),
                target_words(t),
                t.indicator,
                t.scope,
                COMPARATOR_SIGN.get(t.comparator or "", t.comparator),
                t.value,
                t.value_max,
                t.unit,
                t.start_year,
                t.year,
                t.reference,
                t.text,
            ),
        )
    _finish(sheet, doc, None, len(doc.targets))

    sheet = wb.create_sheet(PLACE_SHEET)
    _sheet_header(sheet, PLACE_HEADER, PLACE_WIDTHS)
    for p in doc.places:
        _row(sheet, (p.name, LEVEL_ZH.get(p.level, p.level), p.code, "、".join(p.mentions), "、".join(p.via)))
    _finish(sheet, doc, None, len(doc.places))

    if isinstance(fp, str | os.PathLike):
        wb.save(os.fspath(fp))
    else:
        buffer = io.BytesIO()
        wb.save(buffer)
        fp.write(buffer.getvalue())
        flush = getattr(fp, "flush", None)
        if callable(flush):
            flush()


def _sheet_header(ws: Any, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="808080")
    ws.append(list(header))
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        cell = ws.cell(row=1, column=col)
        cell.font = Font(name="黑体", bold=True, size=11)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.row_dimensions[1].height = 24
    ws.freeze_panes = "A2"


def _row(ws: Any, values: tuple[Any, ...]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="808080")
    row = ws.max_row + 1
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        write_cell(cell, value)  # the one sanitiser: control characters out, formulas kept as text
        cell.font = Font(name="宋体", size=11)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)


def _finish(ws: Any, doc: Document, print_columns: str | None, rows: int) -> None:
    """A4 landscape, the header row on every printed page, one page wide."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if print_columns is not None:
        ws.print_area = f"{print_columns}{rows + 1}"
    last = get_column_letter(ws.max_column)
    ws.auto_filter.ref = f"A1:{last}{rows + 1}"
    title = safe_text(doc.title or "")[:200].replace("&", "&&")
    if title:
        ws.oddHeader.center.text = title
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
