"""Every figure of the dashboard, computed for one scope in a fixed number of queries.

``compute(scope, today)`` returns a JSON-ready dict (``schema_version`` 1, described in
docs/dashboard.md). The heavy lifting is a few set-based queries — the scope's active tasks with
their stored lights, their unit links, sections, reports grouped by period and day, the targets'
bulk assessment, the burden table — and counting in Python; nothing queries per task or per unit.

Every count carries ``tasks_url``: the task list filtered to the tasks behind the row. Append
``&light=<colour>`` for a colour's count, ``&deadline=overdue`` for the overdue ones and
``&returned=1`` for those with a returned report: the list then shows exactly the tasks counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, F
from django.urls import reverse

from luoshi.figures import colours, reporting
from luoshi.figures.tasks import Row, Tally, counted, rows
from luoshi.ledger.models import Decision, Section, Target, TaskState, TaskUnit, TaskUnitRole, Unit
from luoshi.progress.models import Report, ReportState
from luoshi.progress.periods import Period
from luoshi.supervision.models import Run

from .grid import place, tile_of
from .models import PeriodSnapshot, Scope

SCHEMA_VERSION = 1
LIGHTS = colours.ORDER
CONFIDENCES = ("red", "amber_red", "amber_green", "green", "unknown")
TREND_QUARTERS = 8
TOP_ITEMS = 10
# a tile (league or city) is "bad" when at least this share of its active tasks is red, "watch" when
# any is red or at least this share is yellow, else "good"; "empty" without tasks
TILE_BAD_RED = 0.2
TILE_WATCH_YELLOW = 0.2
# every count links to the task list showing exactly the tasks counted: sub-tasks through their parent
COUNTED = {"subtasks": "in_parent"}


def tasks_url(**filters: Any) -> str:
    merged = {**filters, **{k: v for k, v in COUNTED.items() if k not in filters}}
    query = urlencode([(k, v) for k, v in merged.items() if v not in (None, "")])
    return reverse("ledger:task-list") + (f"?{query}" if query else "")


def tone(t: Tally) -> str:
    if not t.tasks:
        return "empty"
    if t.lights["red"] / t.tasks >= TILE_BAD_RED:
        return "bad"
    if t.lights["red"] or t.lights["yellow"] / t.tasks >= TILE_WATCH_YELLOW:
        return "watch"
    return "good"


def compute(scope: Scope, today: dt.date) -> dict[str, Any]:
    tasks = scope.tasks()
    active = tasks.filter(state=TaskState.ACTIVE)
    all_rows = rows(tasks, today)
    by_pk = {r.pk: r for r in all_rows}
    total = Tally.of(all_rows)
    links = list(
        TaskUnit.objects.filter(task__in=active.values("pk"))
        .values_list("task_id", "unit_id", "role", "league_id")
        .order_by()
    )
    returned = _returned(scope, active)
    totals = total.as_dict(tasks_url())
    totals["returned"] = returned["tasks"]
    decisions = _decisions(all_rows)
    current_quarter = Period.containing(today, "quarterly").key
    PeriodSnapshot.record(
        scope,
        current_quarter,
        {k: totals[k] for k in ("tasks", "lights", "done", "completion", "mean_percent", "overdue")},
    )
    last_run = Run.last_finished()
    return {
        "schema_version": SCHEMA_VERSION,
        "scope": scope.as_dict(),
        "today": today.isoformat(),
        "lights_computed_at": last_run.finished_at.isoformat() if last_run and last_run.finished_at else None,
        "totals": totals,
        "decisions": decisions,
        "units": _units(links, by_pk),
        "leagues": _leagues(links, by_pk),
        "overdue": _overdue(counted(all_rows)),
        "returned": returned,
        "targets": _targets(tasks),
        "trends": _trends(scope, tasks, today),
        "burden": _burden(scope, today),
    }


# -- by decision, part and section -------------------------------------------------------------------
def _decisions(rows: list[Row]) -> list[dict[str, Any]]:
    ids = {r.decision for r in rows}
    decisions = list(
        Decision.objects.filter(pk__in=ids).order_by("-created_at", "-id").values_list("pk", "title", "year")
    )
    sections: dict[int, dict[str, tuple[int, int, str, str, int]]] = defaultdict(dict)
    keys: dict[int, str] = {}
    for pk, decision, key, level, number, title, order in (
        Section.objects.filter(decision_id__in=ids)
        .values_list("pk", "decision_id", "key", "level", "number", "title", "order")
        .order_by()
    ):
        keys[pk] = key
        if level <= 2:  # the task list filters on parts and sections (levels 1 and 2)
            sections[decision][key] = (pk, level, number, title, order)
    in_decision: dict[int, list[Row]] = defaultdict(list)
    in_section: dict[int, list[Row]] = defaultdict(list)
    in_none: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        in_decision[r.decision].append(r)
        key = keys.get(r.section) if r.section is not None else None
        hit = False
        if key is not None:
            parts = key.split(".")
            for n in range(1, len(parts) + 1):
                s = sections[r.decision].get(".".join(parts[:n]))
                if s is not None:
                    in_section[s[0]].append(r)
                    hit = True
        if not hit:
            in_none[r.decision].append(r)
    # each row counts the tasks of its own set (sub-tasks through their parent when it is in the set)
    per_decision = {k: Tally.of(v) for k, v in in_decision.items()}
    per_section = {k: Tally.of(v) for k, v in in_section.items()}
    loose = {k: Tally.of(v) for k, v in in_none.items()}
    out = []
    for pk, title, year in decisions:
        parts_out: list[dict[str, Any]] = []
        ordered = sorted(sections[pk].items(), key=lambda kv: (kv[1][4], kv[0]))
        for key, (spk, level, number, stitle, _order) in ordered:
            tally = per_section.get(spk)
            if tally is None:
                continue  # no active task of the scope here
            item = {
                "id": spk,
                "key": key,
                "level": level,
                "number": number,
                "title": stitle,
                **tally.as_dict(tasks_url(decision=pk, section=spk)),
            }
            if level == 1 or not parts_out:
                item["sections"] = []
                parts_out.append(item)
            else:
                parts_out[-1]["sections"].append(item)
        if pk in loose:
            parts_out.append(
                {
                    "id": None,
                    "key": "",
                    "level": 1,
                    "number": "",
                    "title": "",
                    "sections": [],
                    **loose[pk].as_dict(None),
                }
            )
        out.append(
            {
                "id": pk,
                "title": title,
                "year": year,
                "parts": parts_out,
                **per_decision[pk].as_dict(tasks_url(decision=pk)),
            }
        )
    return out


# -- by unit, by league or city ---------------------------------------------------------------------------
def _units(links: list[tuple[int, int, str, int | None]], by_pk: dict[int, Row]) -> list[dict[str, Any]]:
    """Each unit's tasks (those it leads or co-operates on), counted as the task list ``?unit=`` shows them."""
    members: dict[int, list[Row]] = defaultdict(list)
    roles: dict[tuple[int, int], str] = {}
    for task_id, unit_id, role, _league in links:
        row = by_pk.get(task_id)
        if row is None:
            continue
        members[unit_id].append(row)
        roles[(unit_id, task_id)] = role
    tallies: dict[int, Tally] = {}
    led: Counter[int] = Counter()
    for unit_id, unit_rows in members.items():
        mine = counted(unit_rows)
        tallies[unit_id] = Tally.of(mine)
        led[unit_id] = sum(1 for r in mine if roles[(unit_id, r.pk)] == TaskUnitRole.LEAD)
    names = {
        pk: (name, short, kind)
        for pk, name, short, kind in Unit.objects.filter(pk__in=list(tallies)).values_list(
            "pk", "name", "short", "kind"
        )
    }
    out = [
        {
            "id": pk,
            "name": names.get(pk, ("", "", ""))[0],
            "short": names.get(pk, ("", "", ""))[1],
            "kind": names.get(pk, ("", "", ""))[2],
            "lead": led[pk],
            **t.as_dict(tasks_url(unit=pk)),
        }
        for pk, t in tallies.items()
    ]
    # worst first: most red, then most overdue, then most yellow, then the lowest completion
    out.sort(
        key=lambda u: (
            -u["lights"]["red"],
            -u["overdue"],
            -u["lights"]["yellow"],
            u["completion"] or 0,
            u["name"],
        )
    )
    return out


def _leagues(links: list[tuple[int, int, str, int | None]], by_pk: dict[int, Row]) -> list[dict[str, Any]]:
    tasks_of: dict[int, set[int]] = defaultdict(set)
    for task_id, _unit, _role, league in links:
        if league is not None and task_id in by_pk:
            tasks_of[league].add(task_id)
    out = []
    for pk, name, short, code in (
        Unit.objects.leagues().order_by("order", "code").values_list("pk", "name", "short", "division_code")
    ):
        tally = Tally.of(by_pk[task_id] for task_id in tasks_of.get(pk, ()))
        col, row = tile_of(code)
        out.append(
            {
                "id": pk,
                "name": name,
                "short": short,
                "division_code": code,
                "col": col,
                "row": row,
                "tone": tone(tally),
                **tally.as_dict(tasks_url(league=pk)),
            }
        )
    return place(out)


# -- overdue and returned ----------------------------------------------------------------------------------
def _describe_tasks(ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    from luoshi.ledger.models import Task

    return {
        t.pk: {
            "task": t.pk,
            "key": t.key,
            "text": t.text[:120],
            "lead_unit": t.lead_unit.name if t.lead_unit_id else "",
            "url": reverse("ledger:task-detail", args=[t.pk]),
        }
        for t in Task.objects.filter(pk__in=list(ids)).select_related("lead_unit")
    }


def _overdue(rows: list[Row]) -> dict[str, Any]:
    late = sorted((r for r in rows if r.overdue), key=lambda r: (r.deadline or dt.date.max, r.pk))
    shown = late[:TOP_ITEMS]
    described = _describe_tasks(r.pk for r in shown)
    return {
        "count": len(late),
        "tasks_url": tasks_url(deadline="overdue"),
        "items": [
            {
                **described[r.pk],
                "deadline": r.deadline.isoformat() if r.deadline else None,
                "colour": r.colour,
            }
            for r in shown
            if r.pk in described
        ],
    }


def _reports_of(scope: Scope, active: Any) -> Any:
    """The reports on the scope's active tasks (for the whole ledger, through a join: faster in SQLite)."""
    if scope.is_unit:
        return Report.objects.filter(task__in=active.values("pk"))
    return Report.objects.filter(task__state=TaskState.ACTIVE)


def _returned(scope: Scope, active: Any) -> dict[str, Any]:
    """Reports sent back for rework (by the office, or by the unit's own leader) and not yet handed in again."""
    reports = _reports_of(scope, active).filter(state=ReportState.RETURNED)
    agg = reports.aggregate(reports=Count("pk"), tasks=Count("task_id", distinct=True))
    latest = list(
        reports.select_related("task", "unit").order_by(F("reviewed_at").desc(nulls_last=True), "-pk")[
            :TOP_ITEMS
        ]
    )
    return {
        "reports": agg["reports"] or 0,
        "tasks": agg["tasks"] or 0,
        "tasks_url": tasks_url(returned=1, subtasks=""),  # every task with one, sub-tasks included
        "items": [
            {
                "report": r.pk,
                "task": r.task_id,
                "key": r.task.key,
                "text": r.task.text[:120],
                "unit": r.unit.name,
                "period": r.period,
                "comment": r.review_comment[:200],
                "returned_at": r.reviewed_at.isoformat() if r.reviewed_at else None,
                "url": reverse("ledger:task-detail", args=[r.task_id]),
            }
            for r in latest
        ],
    }


# -- targets by delivery confidence -------------------------------------------------------------------------
def _targets(tasks: Any) -> dict[str, Any]:
    from luoshi.indicators.assessing import assess_targets

    targets = Target.objects.filter(task__in=tasks.values("pk"), withdrawn=False).order_by(
        "decision_id", "id"
    )
    results = assess_targets(targets)
    counts: Counter[str] = Counter()
    per_decision: dict[int, Counter[str]] = defaultdict(Counter)
    for a in results:
        counts[a.confidence.value] += 1
        per_decision[a.target.decision_id][a.confidence.value] += 1
    rank = {c: n for n, c in enumerate(CONFIDENCES)}
    worst = sorted(
        (a for a in results if a.confidence.value in ("red", "amber_red")),
        key=lambda a: (rank[a.confidence.value], a.target.decision_id, a.target.pk),
    )[:TOP_ITEMS]
    overview = reverse("indicators:overview")
    return {
        "total": len(results),
        "counts": {c: counts[c] for c in CONFIDENCES},
        "url": overview,
        "by_decision": {
            str(d): {"counts": {c: n[c] for c in CONFIDENCES}, "url": f"{overview}?decision={d}"}
            for d, n in per_decision.items()
        },
        "worst": [
            {
                "target": a.target.pk,
                "describe": a.target.describe(),
                "confidence": a.confidence.value,
                "status": a.status.value,
                "sentence_zh": a.delivery.sentence_zh,
                "sentence_en": a.delivery.sentence_en,
                "task": a.target.task_id,
                "url": reverse("indicators:target-detail", args=[a.target.pk]),
                "tasks_url": reverse("ledger:task-detail", args=[a.target.task_id])
                if a.target.task_id
                else None,
            }
            for a in worst
        ],
    }


# -- trends over quarters ------------------------------------------------------------------------------------
def _quarters(today: dt.date) -> list[Period]:
    q = Period.containing(today, "quarterly")
    out = [q]
    for _ in range(TREND_QUARTERS - 1):
        q = q.previous()
        out.append(q)
    return out[::-1]


def _trends(scope: Scope, tasks: Any, today: dt.date) -> list[dict[str, Any]]:
    """Per quarter: the reporting figures of its periods (a quarter, or its three months for a monthly
    decision) as ``luoshi.figures.reporting`` defines them — owed, handed in, on time, late, overdue,
    accepted, returned — what the reports handed in claimed, and the lights and completion as the
    dashboard last computed them in that quarter."""
    quarters = _quarters(today)
    book = reporting.load(tasks, reporting.in_quarters(quarters), today)
    outcomes: dict[str, list[reporting.Outcome]] = defaultdict(list)
    for o in book.outcomes:
        outcomes[reporting.quarter_of(o.period)].append(o)
    extra = book.extra_by(lambda e: reporting.quarter_of(e[3]))
    dues: dict[str, list[dt.date]] = defaultdict(list)
    for (_decision, key), due in book.dues.items():
        dues[reporting.quarter_of(key)].append(due)
    stored = {
        p.period: p.data
        for p in PeriodSnapshot.objects.filter(scope=scope.key, period__in=[q.key for q in quarters])
    }
    out: list[dict[str, Any]] = []
    for q in quarters:
        mine = outcomes.get(q.key, [])
        figures = reporting.Reporting.of(mine, today, extra=extra.get(q.key, 0))
        handed = [o for o in mine if o.handed_in]
        claims = Counter(o.claim for o in handed)
        past = bool(dues.get(q.key)) and all(d < today for d in dues[q.key])
        lights = stored.get(q.key)
        out.append(
            {
                "period": q.key,
                "due": past,
                "owed": figures.expected,
                "handed_in": figures.handed_in,
                "on_time": figures.on_time,
                "late": figures.late,
                "missing": figures.overdue,
                "pending": figures.pending,
                "accepted": figures.accepted,
                "returned": figures.returned,
                "awaiting": figures.awaiting,
                "extra": figures.extra,
                "on_time_share": figures.on_time_share if past else None,
                "handed_in_share": figures.handed_in_share,
                "mean_percent": round(sum(o.percent or 0 for o in handed) / len(handed), 1)
                if handed
                else None,
                "claims": {c: claims[c] for c in ("on_track", "at_risk", "behind", "done")},
                "lights": lights.get("lights") if lights else None,
                "completion": lights.get("completion") if lights else None,
            }
        )
    # quarters before anything was owed, handed in or recorded say nothing: keep the last four at least
    while len(out) > 4 and not (
        out[0]["owed"] or out[0]["handed_in"] or out[0]["returned"] or out[0]["lights"]
    ):
        out.pop(0)
    return out


# -- reporting burden ------------------------------------------------------------------------------------------
def _burden(scope: Scope, today: dt.date) -> dict[str, Any]:
    from luoshi.supervision.burden import burden, totals

    def row(x: Any) -> dict[str, Any]:
        return {**x.as_dict(), "tasks_url": tasks_url(unit=x.unit_id)}

    if scope.is_unit:
        # the unit's own row as the whole ledger's figures last computed it (the table is computed for
        # every unit at once, seconds at national scale); computed now only when there is none yet
        from .models import SnapshotPart

        stored = (
            SnapshotPart.objects.filter(snapshot__scope="all", key="burden")
            .values_list("data", flat=True)
            .first()
        )
        if stored is None:
            mine = next((row(x) for x in burden(today) if x.unit_id == scope.unit_id), None)
        else:
            mine = stored.get(str(scope.unit_id))
        return {"totals": None, "units": [mine] if mine else []}
    loads = burden(today)
    return {
        "totals": totals(loads),
        "units": [row(x) for x in loads[:TOP_ITEMS]],
        "by_unit": {str(x.unit_id): row(x) for x in loads},
    }
