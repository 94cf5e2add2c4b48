"""The 任务分工方案 workbook: what it holds, and writing it.

Visible columns, in the order offices use: 序号 板块 任务内容 量化目标 牵头单位 配合单位 责任人 完成时限
季度节点 进展情况 亮灯; then two hidden columns that let the sheet come back: 任务标识 (the task's id)
and 版本 (its version when exported). A very hidden sheet keeps what each row said when exported, so
an import can tell what the office changed from what someone else changed since (three-way).

Every text cell is written as text: a value starting with = + - @, a tab or a carriage return is a
string cell with Excel's quote prefix, never a formula (formula injection).

It prints one page wide (A4 landscape, ``fitToPage``), each row as tall as its wrapped text, and the
editable columns offer what the import reads: 牵头单位 a list of the unit catalogue (kept on a hidden
sheet, so that a catalogue of any length fits), 配合单位 the same list as a help (several units are
typed with 、), 完成时限 the forms the import reads. The header stays frozen.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone, translation

from luoshi.api.lights import light_of, with_lights
from luoshi.document import new_workbook, write_cell
from luoshi.figures import colours
from luoshi.ledger.models import Milestone, Section, Task, TaskUnit, TaskUnitRole, Unit
from luoshi.progress.models import Report, ReportState

from .parsing import deadline_of, format_deadline, format_nodes

TITLE = "任务分工方案"
SNAPSHOT_SHEET = "导出快照"
UNITS_SHEET = "单位名录"
KEY = "任务标识"
VERSION = "版本"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    editable: bool = False


COLUMNS = [
    Column("序号", 6),
    Column("板块", 18),
    Column("任务内容", 52, editable=True),
    Column("量化目标", 26),
    Column("牵头单位", 16, editable=True),
    Column("配合单位", 22, editable=True),
    Column("责任人", 10, editable=True),
    Column("完成时限", 12, editable=True),
    Column("季度节点", 28, editable=True),
    Column("进展情况", 30),
    Column("亮灯", 8),
    Column(KEY, 10),
    Column(VERSION, 6),
]
VISIBLE = len(COLUMNS) - 2
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1


LINE_PT = 14.4  # one line of 11 pt 宋体 in a row (Excel's default row is 14.25 pt)
MAX_ROW_PT = 409  # Excel's highest row
DEADLINE_FORMS = ("长期坚持",)  # then 20XX年内 for the years around the export

LIGHT_FILLS = colours.FILLS


def text_width(text: str) -> float:
    """Width of ``text`` in Excel's column units (the width of a digit in the default font): a
    full-width character takes two, a half-width one a little over one."""
    return sum(2.0 if unicodedata.east_asian_width(c) in "WFA" else 1.1 for c in text)


def lines_in(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` units wide (a cell's padding taken off)."""
    room = max(1.0, width - 1.5)
    return sum(max(1, math.ceil(text_width(line) / room)) for line in text.split("\n")) if text else 1


def row_height(texts: dict[int, str]) -> float:
    """The height in points of a row showing ``texts`` (column index → text) wrapped in full."""
    lines = max((lines_in(t, COLUMNS[i].width) for i, t in texts.items()), default=1)
    return min(MAX_ROW_PT, round(lines * LINE_PT + 4, 1))


def tasks_for_export(tasks: Any, user: Any) -> Any:
    """``tasks`` (already visible to ``user`` and filtered) with everything a row shows, in a fixed
    number of queries: the lead unit's latest accepted report visible to ``user`` for 进展情况."""
    visible = Report.objects.visible_to(user)
    if visible.query.distinct:
        visible = Report.objects.filter(pk__in=visible.values("pk"))
    latest = (
        visible.filter(task=OuterRef("pk"), unit=OuterRef("lead_unit_id"), state=ReportState.ACCEPTED)
        .order_by("-period", "-id")
        .values("narrative")[:1]
    )
    return with_lights(
        tasks.select_related("lead_unit", "section", "decision")
        .prefetch_related(
            Prefetch(
                "task_units",
                queryset=TaskUnit.objects.select_related("unit").order_by("unit__order", "unit_id"),
            ),
            Prefetch("milestones", queryset=Milestone.objects.filter(withdrawn=False).order_by("due", "id")),
            "targets",
        )
        .annotate(latest_narrative=Subquery(latest))
        .order_by("decision_id", "order", "id")
    )


def editable_values(task: Task) -> dict[str, Any]:
    """What the editable columns say for ``task`` (from prefetched data), as stored in the snapshot."""
    links = list(task.task_units.all())
    return {
        "text": task.text,
        "lead": task.lead_unit_id,
        "co": sorted(tu.unit_id for tu in links if tu.role == TaskUnitRole.CO),
        "responsible": task.responsible,
        "deadline": _deadline_json(deadline_of(task)),
        "nodes": [[m.due.isoformat(), m.description] for m in task.milestones.all() if not m.withdrawn],
    }


def _deadline_json(d: tuple[str, dt.date | None, str]) -> list[Any]:
    return [d[0], d[1].isoformat() if d[1] else None, d[2]]


def section_paths(tasks: list[Task]) -> dict[int, str]:
    """板块 of each task: its section's path from the top (一、… ／（一）…), in one query."""
    decisions = {t.decision_id for t in tasks}
    sections = {(s.decision_id, s.key): s for s in Section.objects.filter(decision_id__in=decisions)}
    out: dict[int, str] = {}
    for t in tasks:
        if not t.section_id:
            out[t.pk] = ""
            continue
        parts = t.section.key.split(".")
        path = [sections.get((t.decision_id, ".".join(parts[: i + 1]))) for i in range(len(parts))]
        out[t.pk] = "／".join(str(s) for s in path if s is not None)
    return out


def progress_text(task: Any) -> str:
    head = [task.get_progress_status_display()]
    if task.percent is not None:
        head.append(f"{task.percent}%")
    if task.progress_period:
        head.append(task.progress_period)
    text = " · ".join(head)
    narrative = getattr(task, "latest_narrative", None)
    return f"{text}\n{narrative}" if narrative else text


def write(tasks: Iterable[Task], *, title: str, scope: str, by: Any) -> bytes:
    """The workbook for these tasks (from ``tasks_for_export``), as bytes. Always in Chinese: it is an
    official table, whatever language the screen is in."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    tasks = list(tasks)
    paths = section_paths(tasks)
    units = list(Unit.objects.active().order_by("order", "code").values_list("name", flat=True))
    wb = new_workbook(write_only=True)
    ws = wb.create_sheet(TITLE)
    snap = wb.create_sheet(SNAPSHOT_SHEET)
    snap.sheet_state = "veryHidden"
    catalogue = wb.create_sheet(UNITS_SHEET)
    catalogue.sheet_state = "hidden"

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="宋体", size=11)
    wrap = Alignment(vertical="top", wrap_text=True)
    center = Alignment(horizontal="center", vertical="top", wrap_text=True)
    fills = {k: PatternFill("solid", fgColor=v) for k, v in LIGHT_FILLS.items()}

    for n, col in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(n)].width = col.width
    for n in (len(COLUMNS) - 1, len(COLUMNS)):
        ws.column_dimensions[get_column_letter(n)].hidden = True
    last = get_column_letter(VISIBLE)
    end = HEADER_ROW + len(tasks)
    # A write-only sheet writes its properties, views and row heights as the rows come: all of it
    # is set before the first row.
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide, as many pages down as it takes
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.row_dimensions[1].height = 36
    ws.row_dimensions[2].height = 20
    ws.row_dimensions[HEADER_ROW].height = 30

    def cell(
        value: Any, *, font: Any = body_font, align: Any = wrap, fill: Any = None, edge: bool = True
    ) -> Any:
        c = write_cell(WriteOnlyCell(ws), value)  # the one sanitiser (luoshi.document.write_cell)
        c.font, c.alignment = font, align
        if edge:
            c.border = border
        if fill is not None:
            c.fill = fill
        return c

    with translation.override("zh-hans"):
        ws.append(
            [
                cell(
                    title,
                    font=Font(name="方正小标宋简体", size=18, bold=True),
                    align=Alignment(horizontal="center", vertical="center"),
                    edge=False,
                )
            ]
        )
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        who = (by.get_full_name() or by.get_username()) if by is not None else ""
        ws.append(
            [
                cell(
                    f"范围：{scope}　导出：{who} {stamp}　共 {len(tasks)} 项",
                    font=Font(name="宋体", size=10),
                    align=Alignment(horizontal="right"),
                    edge=False,
                )
            ]
        )
        header_font = Font(name="黑体", size=11, bold=True)
        header_fill = PatternFill("solid", fgColor="D9D9D9")
        ws.append(
            [
                cell(
                    c.header,
                    font=header_font,
                    align=Alignment(horizontal="center", vertical="center", wrap_text=True),
                    fill=header_fill,
                )
                for c in COLUMNS
            ]
        )
        snap.append([KEY, "values"])
        for n, t in enumerate(tasks, start=1):
            light = light_of(t)
            values = editable_values(t)
            co = [tu.unit.name for tu in t.task_units.all() if tu.role == TaskUnitRole.CO]
            texts = [
                n,
                paths.get(t.pk, ""),
                t.text,
                "\n".join(x.describe() for x in t.targets.all() if not x.withdrawn),
                t.lead_unit.name if t.lead_unit_id else "",
                "、".join(co),
                t.responsible,
                format_deadline(deadline_of(t)),
                format_nodes((m.due, m.description) for m in t.milestones.all()),
                progress_text(t),
                light.label,
                t.pk,
                t.version,
            ]
            ws.row_dimensions[HEADER_ROW + n].height = row_height(
                {i: v for i, v in enumerate(texts[:VISIBLE]) if isinstance(v, str)}
            )
            cells = [cell(v) for v in texts]
            cells[0] = cell(n, align=center)
            cells[VISIBLE - 1] = cell(light.label, align=center, fill=fills.get(light.color))
            ws.append(cells)
            snap.append([t.pk, json.dumps(values, ensure_ascii=False)])
        for name in units:
            catalogue.append([name])  # through the sanitiser (new_workbook)

    if tasks:
        _validations(ws, len(units), tasks, end)
    ws.merged_cells.add(CellRange(f"A1:{last}1"))
    ws.merged_cells.add(CellRange(f"A2:{last}2"))
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last}{end}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{end}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def column_letter(header: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(next(n for n, c in enumerate(COLUMNS, start=1) if c.header == header))


def deadline_forms(tasks: list[Task]) -> list[str]:
    """What the 完成时限 list offers: 长期坚持, and 20XX年内 from this year to the latest deadline's."""
    this_year = timezone.localdate().year
    latest = max((t.deadline.year for t in tasks if t.deadline), default=this_year)
    return [*DEADLINE_FORMS, *(f"{y}年内" for y in range(this_year, max(latest, this_year + 5) + 1))]


def _validations(ws: Any, units: int, tasks: list[Task], end: int) -> None:
    """Lists for the editable columns: units from the catalogue (a hidden sheet), 完成时限's forms."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = f"{FIRST_ROW}:{end}"

    def cells(header: str) -> str:
        col = column_letter(header)
        first, last = rows.split(":")
        return f"{col}{first}:{col}{last}"

    if units:
        source = f"'{UNITS_SHEET}'!$A$1:$A${units}"
        lead = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle="牵头单位",
            error="请从下拉列表中选择单位名录中的一个单位。",
            showInputMessage=True,
            promptTitle="牵头单位",
            prompt="从下拉列表中选择一个单位。",
        )
        lead.add(cells("牵头单位"))
        co = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=False,  # several units are typed, separated by 、
            showInputMessage=True,
            promptTitle="配合单位",
            prompt="可从下拉列表选择一个单位；多个单位用“、”分隔。",
        )
        co.add(cells("配合单位"))
        ws.data_validations.append(lead)
        ws.data_validations.append(co)
    deadline = DataValidation(
        type="list",
        formula1='"' + ",".join(deadline_forms(tasks)) + '"',
        allow_blank=True,
        showErrorMessage=False,  # a date such as 2025-06-30 is typed
        showInputMessage=True,
        promptTitle="完成时限",
        prompt="填写日期（如 2025-06-30）、“2025年内”或“长期坚持”；只填一个时限。",
    )
    deadline.add(cells("完成时限"))
    ws.data_validations.append(deadline)
