"""学习宣传's figures, each defined once and read by every surface (the study pages and their JSON, the
leaders' dashboard and its snapshot, the report to the committee, the API):

- **应学单位 (expected)**: the active units that take part — lead or co-operate — in at least one
  active task of the decision (sub-tasks included: a banner a league cascaded to is to study it too).
  A decision nobody is assigned to yet has none.
- **已学单位 (studied)**: the expected units with at least one session on the decision, not withdrawn,
  held in the window (by default: up to today).
- **未学单位 (not_studied)**: expected and not studied; listed, so the office can 催办 them.
- **其他学习单位 (extra_units)**: units that recorded a session but take part in no task of it; their
  sessions count in 学习场次 and 参学人次, not in the coverage.
- **学习场次 (sessions)**, **参学人次 (attendance)**: the sessions in the window and the sum of their
  attendance, every unit's; **有佐证的场次 (with_evidence)**: those with at least one file not withdrawn.
- **覆盖率 (share)**: studied ÷ expected, none without expected units.

Invariants: studied + not_studied = expected; with_evidence ≤ sessions; a studied unit has at least
one session, so studied + extra_units ≤ sessions; the share lies within 0–1.

``coverage(decisions, unit=…, since=…, until=…)`` computes them for several decisions (or every
decision with a task or a session) in four queries, whatever their number; ``unit`` narrows everything to one unit's own line
(what a unit's members see).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Sum
from django.utils import timezone

from luoshi.ledger.models import Decision, Role, TaskState, TaskUnit, Unit, unit_of

from .models import SessionFile, SessionForm, StudySession

SCHEMA_VERSION = 1


@dataclass
class UnitStudy:
    """One unit's study of one decision."""

    unit: int
    name: str
    short: str
    expected: bool
    sessions: int = 0
    attendance: int = 0
    with_evidence: int = 0
    last: dt.date | None = None
    order: tuple[int, str] = (0, "")

    @property
    def studied(self) -> bool:
        return self.sessions > 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "name": self.name,
            "short": self.short,
            "expected": self.expected,
            "studied": self.studied,
            "sessions": self.sessions,
            "attendance": self.attendance,
            "with_evidence": self.with_evidence,
            "last": self.last.isoformat() if self.last else None,
        }


@dataclass
class Coverage:
    """A decision's study figures in a window of days."""

    decision: int
    title: str
    since: dt.date | None
    until: dt.date
    units: list[UnitStudy] = field(default_factory=list)
    by_form: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SessionForm.values, 0))

    @property
    def expected(self) -> int:
        return sum(1 for u in self.units if u.expected)

    @property
    def studied(self) -> int:
        return sum(1 for u in self.units if u.expected and u.studied)

    @property
    def not_studied(self) -> int:
        return self.expected - self.studied

    @property
    def extra_units(self) -> int:
        return sum(1 for u in self.units if not u.expected and u.studied)

    @property
    def sessions(self) -> int:
        return sum(u.sessions for u in self.units)

    @property
    def attendance(self) -> int:
        return sum(u.attendance for u in self.units)

    @property
    def with_evidence(self) -> int:
        return sum(u.with_evidence for u in self.units)

    @property
    def share(self) -> float | None:
        return round(self.studied / self.expected, 4) if self.expected else None

    def not_yet(self) -> list[UnitStudy]:
        return [u for u in self.units if u.expected and not u.studied]

    def studied_units(self) -> list[UnitStudy]:
        return [u for u in self.units if u.studied]

    def as_dict(self, *, list_units: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "decision": self.decision,
            "title": self.title,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat(),
            "expected": self.expected,
            "studied": self.studied,
            "not_studied": self.not_studied,
            "extra_units": self.extra_units,
            "share": self.share,
            "sessions": self.sessions,
            "attendance": self.attendance,
            "with_evidence": self.with_evidence,
            "by_form": dict(self.by_form),
        }
        if list_units:
            out["units"] = [u.as_dict() for u in self.units]
            out["not_yet"] = [{"unit": u.unit, "name": u.name} for u in self.not_yet()]
        return out


def scope_of(user: Any) -> int | None:
    """Whose figures ``user`` reads: None (every unit) for the office, leaders and auditors; a unit's
    reporter or leader their own unit (0, nobody's, for a member without one)."""
    if Role.of(user) in Role.unit_roles():
        unit = unit_of(user)
        return unit.pk if unit is not None else 0
    return None


def _id(x: Any) -> int:
    return int(x.pk if hasattr(x, "pk") else x)


def coverage(
    decisions: Iterable[Decision | int] | None = None,
    *,
    unit: Unit | int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Coverage]:
    """The study figures of each decision (in the order given; ``None``: every decision with a task
    or a session, newest first), for sessions held from ``since`` (default: any day) to ``until``
    (default: today), over every unit or only ``unit``. Four queries, whatever the number of
    decisions, units and sessions."""
    ids = None if decisions is None else list(dict.fromkeys(_id(d) for d in decisions))
    until = until or timezone.localdate()
    if ids == []:
        return []
    only = _id(unit) if unit is not None else None
    links = TaskUnit.objects.filter(task__state=TaskState.ACTIVE, unit__active=True)
    sessions = StudySession.objects.counted().filter(held_on__lte=until)
    if ids is not None:
        links = links.filter(task__decision_id__in=ids)
        sessions = sessions.filter(decision_id__in=ids)
    if since is not None:
        sessions = sessions.filter(held_on__gte=since)
    if only is not None:
        links = links.filter(unit_id=only)
        sessions = sessions.filter(unit_id=only)
    expected: dict[int, set[int]] = defaultdict(set)
    for decision_id, unit_id in links.values_list("task__decision_id", "unit_id").distinct().order_by():
        expected[decision_id].add(unit_id)
    # one grouped query: sessions, attendance, the latest day and those with evidence, by decision,
    # unit and form
    filed = Exists(SessionFile.objects.filter(session=OuterRef("pk"), withdrawn=False))
    per_unit: dict[tuple[int, int], list[Any]] = {}
    forms: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SessionForm.values, 0))
    for decision_id, unit_id, form, has_file, n, people, last in (
        sessions.annotate(has_file=filed)
        .values("decision_id", "unit_id", "form", "has_file")
        .annotate(n=Count("pk"), people=Sum("attendance"), last=Max("held_on"))
        .values_list("decision_id", "unit_id", "form", "has_file", "n", "people", "last")
        .order_by()
    ):
        row = per_unit.setdefault((decision_id, unit_id), [0, 0, 0, None])
        row[0] += n
        row[1] += people or 0
        row[2] += n if has_file else 0
        row[3] = last if row[3] is None or (last and last > row[3]) else row[3]
        forms[decision_id][form] = forms[decision_id].get(form, 0) + n
    wanted = ids if ids is not None else list(expected.keys() | {d for d, _u in per_unit})
    titles = dict(
        Decision.objects.filter(pk__in=wanted).order_by("-created_at", "-id").values_list("pk", "title")
    )
    order = ids if ids is not None else list(titles)
    unit_ids = {u for s in expected.values() for u in s} | {u for _d, u in per_unit}
    names = {
        pk: (name, short, order_, code)
        for pk, name, short, order_, code in Unit.objects.filter(pk__in=unit_ids).values_list(
            "pk", "name", "short", "order", "code"
        )
    }
    out = []
    for decision_id in order:
        if decision_id not in titles:
            continue
        c = Coverage(decision_id, titles[decision_id], since, until, by_form=forms[decision_id])
        members = expected.get(decision_id, set()) | {u for d, u in per_unit if d == decision_id}
        for unit_id in members:
            name, short, rank, code = names.get(unit_id, ("", "", 0, ""))
            n, people, evidenced, last = per_unit.get((decision_id, unit_id), (0, 0, 0, None))
            c.units.append(
                UnitStudy(
                    unit_id,
                    name,
                    short,
                    unit_id in expected.get(decision_id, set()),
                    n,
                    people,
                    evidenced,
                    last,
                    (rank, code),
                )
            )
        c.units.sort(key=lambda u: (not u.expected, u.order, u.unit))
        out.append(c)
    return out


def of_decision(
    decision: Decision | int,
    *,
    unit: Unit | int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Coverage:
    """One decision's figures (empty ones for a decision that does not exist)."""
    found = coverage([decision], unit=unit, since=since, until=until)
    return found[0] if found else Coverage(_id(decision), "", since, until or timezone.localdate())


NOT_YET_SHOWN = 30  # units not yet studied listed on the dashboard; the study page lists them all


def for_dashboard(user: Any, decision: int | None = None) -> dict[str, Any]:
    """The dashboard's 学习宣传: every decision of the user's scope with its figures, and the units of
    ``decision`` (else the newest) that have not studied it yet. Read live: a session
    recorded a moment ago shows at once, without waiting for the snapshot. Four queries, whatever
    the number of decisions, units and sessions."""
    from django.urls import reverse

    scope = scope_of(user)
    rows = coverage(None, unit=scope)
    chosen = next((c for c in rows if c.decision == decision), rows[0] if rows else None)
    missing = chosen.not_yet() if chosen else []
    return {
        "schema_version": SCHEMA_VERSION,
        "until": (chosen.until if chosen else timezone.localdate()).isoformat(),
        "decisions": [
            {**c.as_dict(list_units=False), "url": reverse("study:coverage", args=[c.decision])} for c in rows
        ],
        "decision": chosen.decision if chosen else None,
        "not_yet": [{"unit": u.unit, "name": u.name} for u in missing[:NOT_YET_SHOWN]],
        "not_yet_total": len(missing),
    }


NOT_YET_NAMED = 20  # units named in the report's sentence; more are counted (等N个单位)


def for_report(decision: Decision | int, *, since: dt.date, until: dt.date) -> dict[str, Any]:
    """The report's 学习宣传 section: the figures up to ``until`` (the end of the period, or today),
    with the sessions held in the period (``since`` – ``until``) beside them, by form, and the units
    not yet studied by name."""
    total = of_decision(decision, until=until)
    period = of_decision(decision, since=since, until=until)
    missing = total.not_yet()
    forms = dict(SessionForm.choices)
    return {
        **total.as_dict(list_units=False),
        "period_sessions": period.sessions,
        "period_attendance": period.attendance,
        "forms": [{"form": k, "label": str(forms[k]), "sessions": n} for k, n in total.by_form.items() if n],
        "not_yet_names": [u.name for u in missing[:NOT_YET_NAMED]],
    }
