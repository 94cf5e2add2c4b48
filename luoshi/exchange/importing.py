"""Importing an edited 任务分工方案 (or the 任务清单 that ``luoshi extract --format xlsx`` writes).

``read(data)`` finds the table in the workbook; ``validate(sheet, by=…)`` compares every row with the
ledger and lists, row by row, what would change and what is wrong; ``apply(plan, …)`` applies it in
one transaction, only if no row has an error, through the tasks' own methods (audit trail, optimistic
locking). A change someone else made since the export is never overwritten silently: the snapshot
the export hid in the workbook tells the office's edits from theirs, field by field.

Nothing is guessed: a cell that holds a formula, or text that starts like one (= + - @), refuses its
row; a deadline that cannot be read with certainty is an error quoting the cell; a row that names no
task (no 任务标识, no 条目编号) or, in a 任务清单, no 牵头单位 is reported as skipped and left alone.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.document import formula_like
from luoshi.ledger.models import AuditEntry, Milestone, Task, TaskUnit, TaskUnitRole, Unit, acting_as

from .assignments import set_milestones
from .parsing import (
    CellError,
    Deadline,
    Node,
    UnitMatcher,
    Unknown,
    clean_text,
    deadline_of,
    format_deadline,
    format_nodes,
    parse_deadline,
    parse_nodes,
    split_units,
)
from .sheet import KEY, SNAPSHOT_SHEET, UNITS_SHEET, VERSION

MAX_ROWS = 20_000
MAX_COLUMNS = 60
PLAN, LIST = "plan", "list"
LIST_KEY = "条目编号"
FIELDS = {
    "text": "任务内容",
    "lead": "牵头单位",
    "co": "配合单位",
    "responsible": "责任人",
    "deadline": "完成时限",
    "nodes": "季度节点",
}
ASSIGNMENT = ("lead", "co", "responsible", "deadline")
# the extraction's 任务清单 brings units and deadlines only (its 任务内容 is the original text)
LIST_FIELDS = ("lead", "co", "deadline")


# -- reading ----------------------------------------------------------------------------------------


@dataclass
class Sheet:
    kind: str
    headers: dict[str, int]
    rows: list[tuple[int, list[Any]]]
    snapshot: dict[int, dict[str, Any]] = field(default_factory=dict)

    def value(self, row: list[Any], header: str) -> Any:
        i = self.headers.get(header)
        return row[i] if i is not None and i < len(row) else None


def _header(value: Any) -> str:
    return "".join(unicodedata.normalize("NFKC", clean_text(value)).split())


def read(data: bytes) -> Sheet:
    """The table of a 任务分工方案 or 任务清单 workbook. Raises ValidationError when there is none."""
    from django.utils.translation import get_language

    from luoshi.document import DocumentError, open_workbook

    try:
        # formulas=True: a formula comes back as its text (=…), so that it can be refused, never
        # read as the value Excel last computed for it; inflated once with a running limit first
        wb = open_workbook(data, formulas=True)
    except DocumentError as e:
        raise ValidationError(e.message(get_language() or "zh-hans")) from None
    try:
        for ws in wb.worksheets:
            if ws.title in {SNAPSHOT_SHEET, UNITS_SHEET}:
                continue
            rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            found = _find_table(rows)
            if found is not None:
                sheet = found
                break
        else:
            raise ValidationError(
                _(
                    "没有找到可导入的表格：表头须包含“任务标识”（本系统导出的任务分工方案）或“条目编号”（luoshi extract 生成的任务清单）。"
                )
            )
        if sheet.kind == PLAN and SNAPSHOT_SHEET in wb.sheetnames:
            for key, values in wb[SNAPSHOT_SHEET].iter_rows(min_row=2, max_col=2, values_only=True):
                try:
                    sheet.snapshot[int(key)] = json.loads(values)
                except (TypeError, ValueError):
                    continue
        return sheet
    finally:
        wb.close()


def _find_table(rows: Iterator[tuple[Any, ...]]) -> Sheet | None:
    for n, row in enumerate(rows, start=1):
        if n > 10:
            return None
        headers = {_header(v): i for i, v in enumerate(row) if _header(v)}
        if "任务内容" not in headers and "牵头单位" not in headers:
            continue
        if KEY in headers:
            kind = PLAN
        elif LIST_KEY in headers:
            kind = LIST
        else:
            continue
        body: list[tuple[int, list[Any]]] = []
        for m, values in enumerate(rows, start=n + 1):
            if len(body) >= MAX_ROWS:
                raise ValidationError(_("表格超过 %(n)s 行，请分批导入。") % {"n": MAX_ROWS})
            values = list(values)
            if any(clean_text(v) for v in values):
                body.append((m, values))
        return Sheet(kind, headers, body)
    return None


# -- validating -------------------------------------------------------------------------------------


@dataclass
class Change:
    field: str
    label: str
    before: str
    after: str


@dataclass
class Row:
    number: int
    task: Task | None = None
    label: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    updates: dict[str, Any] = field(default_factory=dict)
    skipped: str = ""  # why the row is left alone

    @property
    def status(self) -> str:
        if self.errors:
            return "error"
        if self.skipped:
            return "skip"
        return "change" if self.updates else "same"

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.number,
            "task": self.task.pk if self.task else None,
            "key": self.task.key if self.task else self.label,
            "status": self.status,
            "errors": self.errors,
            "warnings": self.warnings,
            "skipped": self.skipped,
            "changes": [c.__dict__ for c in self.changes],
        }


@dataclass
class Plan:
    kind: str
    rows: list[Row]

    @property
    def valid(self) -> bool:
        return bool(self.rows) and not any(r.errors for r in self.rows)

    @property
    def counts(self) -> dict[str, int]:
        out = {"rows": len(self.rows), "change": 0, "same": 0, "skip": 0, "error": 0}
        for r in self.rows:
            out[r.status] += 1
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "valid": self.valid,
            "counts": self.counts,
            "rows": [r.as_dict() for r in self.rows],
        }


def _key(name: str, value: Any) -> Any:
    """A comparable form of one field's value (a deadline: its day, else its kind and words)."""
    if name == "lead":
        return value.pk if isinstance(value, Unit) else value
    if name == "co":
        return tuple(sorted(u.pk if isinstance(u, Unit) else u for u in value))
    if name in {"text", "responsible"}:
        return (value or "").strip()
    if name == "nodes":
        return tuple(sorted(value))
    if name == "deadline" and value[1] is not None:
        return ("day", value[1])
    return tuple(value)


def _current(task: Task) -> dict[str, Any]:
    links = list(task.task_units.all())
    return {
        "text": task.text,
        "lead": task.lead_unit,
        "co": [tu.unit for tu in links if tu.role == TaskUnitRole.CO],
        "responsible": task.responsible,
        "deadline": deadline_of(task),
        "nodes": [(m.due, m.description) for m in task.milestones.all()],
    }


def _from_snapshot(values: dict[str, Any]) -> dict[str, Any]:
    kind, date, note = values.get("deadline") or ["", None, ""]
    return {
        "text": values.get("text", ""),
        "lead": values.get("lead"),
        "co": values.get("co", []),
        "responsible": values.get("responsible", ""),
        "deadline": (kind, dt.date.fromisoformat(date) if date else None, note),
        "nodes": [(dt.date.fromisoformat(d), desc) for d, desc in values.get("nodes", [])],
    }


def _show(name: str, value: Any) -> str:
    if name == "lead":
        return value.name if isinstance(value, Unit) else ""
    if name == "co":
        return "、".join(u.name for u in value if isinstance(u, Unit))
    if name == "deadline":
        return format_deadline(value)
    if name == "nodes":
        return format_nodes(value)
    return value or ""


def _units(cell: Any, matcher: UnitMatcher, label: str, row: Row) -> list[Unit] | None:
    units: list[Unit] = []
    for name in split_units(cell):
        found = matcher.find(name)
        if isinstance(found, Unknown):
            if found.ambiguous:
                row.errors.append(
                    _("【%(col)s】“%(name)s”对应多个单位（%(options)s），请写全称。")
                    % {"col": label, "name": name, "options": "、".join(found.suggestions)}
                )
            elif found.suggestions:
                row.errors.append(
                    _("【%(col)s】找不到单位“%(name)s”。是否指：%(options)s？")
                    % {"col": label, "name": name, "options": "、".join(found.suggestions)}
                )
            else:
                row.errors.append(_("【%(col)s】找不到单位“%(name)s”。") % {"col": label, "name": name})
            return None
        units.append(found)
    return units


def _parse(sheet: Sheet, values: list[Any], task: Task, matcher: UnitMatcher, row: Row) -> dict[str, Any]:
    """The fields this row gives (those whose column is in the sheet; for a 任务清单, non-empty ones)."""
    out: dict[str, Any] = {}
    names = LIST_FIELDS if sheet.kind == LIST else tuple(FIELDS)
    for name in names:
        label = FIELDS[name]
        if label not in sheet.headers:
            continue
        cell = sheet.value(values, label)
        if sheet.kind == LIST and not clean_text(cell):
            continue
        try:
            if name == "text":
                text = clean_text(cell)
                if not text:
                    raise CellError(_("任务内容不能为空。"))
                if len(text) > 5000:
                    raise CellError(_("任务内容不能超过5000字。"))
                out[name] = text
            elif name == "lead":
                units = _units(cell, matcher, label, row)
                if units is None:
                    continue
                if len(units) > 1:
                    raise CellError(_("只能填一个牵头单位，其余请填入“配合单位”。"))
                out[name] = units[0] if units else None
            elif name == "co":
                units = _units(cell, matcher, label, row)
                if units is not None:
                    out[name] = units
            elif name == "responsible":
                text = clean_text(cell)
                if len(text) > 100:
                    raise CellError(_("责任人不能超过100字。"))
                out[name] = text
            elif name == "deadline":
                out[name] = parse_deadline(cell)
            elif name == "nodes":
                year = task.decision.year or timezone.localdate().year
                out[name] = parse_nodes(cell, year)
        except CellError as e:
            row.errors.append(f"【{label}】{e}")
    if "co" in out:  # the lead unit is not also a co-operating one
        lead = out.get("lead", task.lead_unit)
        out["co"] = [u for u in out["co"] if lead is None or u.pk != lead.pk]
    return out


def _last_change(task: Task) -> str:
    entry = AuditEntry.objects.filter(task=task).order_by("-at", "-id").first()
    if entry is None:
        return ""
    from luoshi.web.display import moment

    return _("（最近修改：%(who)s，%(when)s）") % {"who": entry.actor_name, "when": moment(entry.at)}


def _tasks(ids: set[int]) -> dict[int, Task]:
    return (
        Task.objects.select_related("decision", "lead_unit")
        .prefetch_related(
            Prefetch("task_units", queryset=TaskUnit.objects.select_related("unit")),
            Prefetch("milestones", queryset=Milestone.objects.filter(withdrawn=False)),
        )
        .in_bulk(ids)
    )


def formula_cells(values: list[Any], number: int) -> list[str]:
    """The addresses (C5) of the cells in this row holding a formula or text that starts like one."""
    from openpyxl.utils import get_column_letter

    out = []
    for i, v in enumerate(values):
        formula = not isinstance(v, str | int | float | bool | dt.date | dt.time | dt.timedelta | type(None))
        if formula or (isinstance(v, str) and formula_like(v)):  # the sanitiser's own test
            out.append(f"{get_column_letter(i + 1)}{number}")
    return out


def validate(sheet: Sheet, *, by: Any, decision: Any = None, lock: bool = False) -> Plan:
    """What applying ``sheet`` would change, row by row, and every reason it cannot be applied."""
    matcher = UnitMatcher()
    rows: list[Row] = []
    keyed: list[tuple[Row, list[Any], int | None]] = []
    if sheet.kind == LIST and decision is None:
        raise ValidationError(_("导入“任务清单”时请选择它所属的决定（条目编号在决定内才唯一）。"))
    by_source: dict[str, list[int]] = {}
    if sheet.kind == LIST:
        for pk, source_key in (
            Task.objects.active().filter(decision=decision, parent=None).values_list("pk", "source_key")
        ):
            by_source.setdefault(source_key, []).append(pk)
    for number, values in sheet.rows:
        row = Row(number)
        rows.append(row)
        key_header = KEY if sheet.kind == PLAN else LIST_KEY
        raw = clean_text(sheet.value(values, key_header))
        row.label = raw
        formulas = formula_cells(values, number)
        if formulas:
            row.errors += [
                _("单元格以公式开头（%(cell)s），此行不导入：请删去开头的 =、+、-、@ 后重新上传。")
                % {"cell": a}
                for a in formulas
            ]
            keyed.append((row, values, None))
            continue
        if not raw:
            row.skipped = (
                _("此行没有任务标识，不是从本系统导出的行，不导入；新增任务请在系统中操作。")
                if sheet.kind == PLAN
                else _("此行没有条目编号，不导入。")
            )
            keyed.append((row, values, None))
            continue
        if sheet.kind == PLAN:
            try:
                keyed.append((row, values, int(float(raw))))
            except ValueError:
                row.errors.append(_("任务标识“%(key)s”无效。") % {"key": raw[:20]})
                keyed.append((row, values, None))
        else:
            if not clean_text(sheet.value(values, FIELDS["lead"])):
                row.skipped = _("未填写牵头单位，此行不导入。")
                keyed.append((row, values, None))
                continue
            matches = by_source.get(raw, [])
            if len(matches) == 1:
                keyed.append((row, values, matches[0]))
            else:
                row.errors.append(
                    _("决定中没有条目编号为“%(key)s”的现行任务。") % {"key": raw}
                    if not matches
                    else _("条目 %(key)s 已拆分为多项任务，请导出任务分工方案后在其中修改。") % {"key": raw}
                )
                keyed.append((row, values, None))
    ids = {pk for _r, _v, pk in keyed if pk is not None}
    tasks = _tasks(ids)
    if lock:  # applying: hold the rows until the transaction ends
        list(Task.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    seen: dict[int, int] = {}
    for row, values, pk in keyed:
        if pk is None:
            continue
        task = tasks.get(pk)
        if task is None or not task.can_edit(by):
            row.errors.append(_("找不到任务标识为 %(pk)s 的任务。") % {"pk": pk})
            continue
        row.task = task
        if pk in seen:
            row.errors.append(_("与第 %(n)s 行是同一项任务。") % {"n": seen[pk]})
            continue
        seen[pk] = row.number
        _compare(sheet, row, values, task, matcher)
    return Plan(sheet.kind, rows)


def _compare(sheet: Sheet, row: Row, values: list[Any], task: Task, matcher: UnitMatcher) -> None:
    given = _parse(sheet, values, task, matcher, row)
    if row.errors:
        return
    current = _current(task)
    snapshot = sheet.snapshot.get(task.pk)
    exported = _from_snapshot(snapshot) if snapshot is not None else None
    version = clean_text(sheet.value(values, VERSION))
    same_version = version.isdigit() and int(version) == task.version
    for name, value in given.items():
        mine, theirs = _key(name, value), _key(name, current[name])
        if mine == theirs:
            continue
        if sheet.kind == PLAN:
            if exported is not None:
                if mine == _key(name, exported[name]):
                    continue  # the office left it as exported; the ledger changed since: keep the ledger's
                changed_since = _key(name, exported[name]) != theirs
            else:
                changed_since = not same_version
            if changed_since:
                row.errors.append(
                    _("【%(col)s】导出后此项已在系统中被修改%(last)s，为免覆盖他人的修改，请重新导出后再改。")
                    % {"col": FIELDS[name], "last": _last_change(task)}
                )
                continue
        row.updates[name] = value
        row.changes.append(Change(name, FIELDS[name], _show(name, current[name]), _show(name, value)))
    if row.errors or not row.updates:
        return
    if not task.is_active:
        row.errors.append(_("该任务已撤销、拆分或合并，不能再修改。"))
        return
    if set(row.updates) & set(ASSIGNMENT) and row.updates.get("lead", task.lead_unit) is None:
        row.errors.append(_("【牵头单位】请填写牵头单位。"))
    if sheet.kind == LIST and task.is_assigned and set(row.updates) & set(ASSIGNMENT):
        row.warnings.append(_("该任务的分工已确认过，导入将按表格修改。") + _last_change(task))


# -- applying ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Applied:
    tasks: int
    reworded: int
    assigned: int
    nodes_added: int
    nodes_withdrawn: int

    def as_dict(self) -> dict[str, int]:
        return self.__dict__.copy()


def apply(sheet: Sheet, *, by: Any, decision: Any = None, note: str = "") -> tuple[Plan, Applied | None]:
    """Validate again and, if every row is valid, apply all rows in one transaction. Returns the plan
    and what was done (None when nothing was applied because of errors)."""
    with transaction.atomic(), acting_as(by, "excel"):
        plan = validate(sheet, by=by, decision=decision, lock=True)
        if not plan.valid:
            return plan, None
        reworded = assigned = added = withdrawn = touched = 0
        for row in plan.rows:
            task, up = row.task, row.updates
            if task is None or not up:
                continue
            touched += 1
            if "text" in up:
                task.reword(up["text"], by=by, note=note)
                reworded += 1
            if set(up) & set(ASSIGNMENT):
                current = _current(task)
                kind, date, words = up.get("deadline", current["deadline"])
                task.assign(
                    by=by,
                    lead=up.get("lead", current["lead"]),
                    co=up.get("co", current["co"]),
                    responsible=up.get("responsible", current["responsible"]),
                    deadline_kind=kind,
                    deadline=date,
                    deadline_note=words,
                    note=note,
                )
                assigned += 1
            if "nodes" in up:
                a, w = set_milestones(task, up["nodes"])
                added, withdrawn = added + a, withdrawn + w
        return plan, Applied(touched, reworded, assigned, added, withdrawn)


__all__ = ["LIST", "PLAN", "Applied", "Deadline", "Node", "Plan", "Row", "Sheet", "apply", "read", "validate"]
