"""The report calendar (报送日历): each decision's reporting periods and the day each report is due.

A period's report is due on the N-th working day after the period ends (N from the decision's
``ReportSchedule``, else the decision's own ``report_due_days`` counted as working days). Tasks report
from the period in which they were assigned (or the schedule's first period) onwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from luoshi.progress.periods import Period

from .calendar import WorkCalendar


@dataclass(frozen=True)
class Schedule:
    decision_id: int
    kind: str  # "quarterly" or "monthly"
    due_working_days: int
    first: Period | None = None
    co_units_report: bool = False
    active: bool = True

    @classmethod
    def for_decisions(cls, decisions: list[tuple[int, str, int]]) -> dict[int, Schedule]:
        """Schedules for (id, reporting_period, report_due_days) rows, with the office's settings (one query)."""
        from .models import ReportSchedule

        configured = {
            s.decision_id: s for s in ReportSchedule.objects.filter(decision_id__in=[d[0] for d in decisions])
        }
        out = {}
        for pk, kind, due_days in decisions:
            s = configured.get(pk)
            first = None
            if s is not None and s.first_period:
                try:
                    first = Period.parse(s.first_period)
                except ValueError:
                    first = None
            out[pk] = cls(
                decision_id=pk,
                kind=kind or "quarterly",
                due_working_days=s.due_working_days if s is not None else max(1, due_days or 5),
                first=first,
                co_units_report=s.co_units_report if s is not None else False,
                active=s.active if s is not None else True,
            )
        return out

    def period_of(self, day: dt.date) -> Period:
        return Period.containing(day, self.kind)

    def due(self, period: Period, calendar: WorkCalendar) -> dt.date:
        return calendar.add(period.end, self.due_working_days)

    def periods_around(self, today: dt.date, calendar: WorkCalendar, lookback: int) -> PeriodWindow:
        """The last ``lookback`` periods whose due date has passed, and the next one to fall due."""
        current = self.period_of(today)
        # the period just ended may still be open (its due date not passed): walk back from the current
        candidates = []
        p = current
        while len(candidates) < lookback + 1:
            candidates.append(p)
            p = p.previous()
        past: list[tuple[Period, dt.date]] = []
        upcoming: tuple[Period, dt.date] | None = None
        for p in reversed(candidates):
            due = self.due(p, calendar)
            if due < today:
                past.append((p, due))
            elif upcoming is None:
                upcoming = (p, due)
        return PeriodWindow(past=past[-lookback:], upcoming=upcoming)


@dataclass(frozen=True)
class PeriodWindow:
    past: list[tuple[Period, dt.date]]  # oldest first
    upcoming: tuple[Period, dt.date] | None

    def keys(self) -> list[str]:
        out = [p.key for p, _d in self.past]
        if self.upcoming is not None:
            out.append(self.upcoming[0].key)
        return out
