"""Working days (工作日) by the official holiday calendar.

The State Council's arrangement of public holidays and of the weekend days moved to working days
(调休) comes from ``chinese-calendar`` for the years it covers (2004–2026 in version 1.11). For other
years luoshi falls back to the office's own holiday table (``Holiday``), where the office enters the
arrangement once it is published; a year that neither covers counts Saturdays and Sundays as rest
days and gives a visible warning. Nothing here ever raises for a year it does not know.

Rows the office enters also override the package for a year it does cover (a correction, or a
regional holiday).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext as _

BASE = dt.date(2000, 1, 1)
LAST = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class Official:
    """The package's holidays and moved working days, and the years it covers."""

    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    first_year: int
    last_year: int

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


@lru_cache(maxsize=1)
def official() -> Official | None:
    """The official calendar from chinese-calendar, or None when the package is not installed."""
    try:
        from chinese_calendar import constants
    except ImportError:  # pragma: no cover - it is a dependency, but an intranet may lack it
        return None
    years = {d.year for d in constants.holidays} | {d.year for d in constants.workdays}
    return Official(
        frozenset(constants.holidays),
        frozenset(constants.workdays),
        min(years),
        max(years),
    )


@dataclass
class WorkCalendar:
    """Answers "is this a working day", "the 5th working day after", "how many working days since".

    ``table`` is the office's holiday table: date → True (a working day) or False (a day off).
    Built once per run; the answers come from a precomputed cumulative count, so counting the
    working days between two dates costs two look-ups whatever the distance.
    """

    table: dict[dt.date, bool] = field(default_factory=dict)
    source: Official | None = field(default_factory=official)
    used_years: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._table_years = {d.year for d in self.table}
        days = (LAST - BASE).days + 1
        cum = [0] * (days + 1)  # cum[i] = working days in [BASE, BASE + i)
        running = 0
        for i in range(days):
            cum[i] = running
            if self._workday(BASE + dt.timedelta(days=i)):
                running += 1
        cum[days] = running
        self._cum = cum

    @classmethod
    def load(cls) -> WorkCalendar:
        """The calendar with the office's table read from the database."""
        from .models import Holiday

        return cls(table=dict(Holiday.objects.values_list("date", "is_workday")))

    # -- the rule for one day ---------------------------------------------------------------------
    def _workday(self, day: dt.date) -> bool:
        if day in self.table:
            return self.table[day]
        if self.source is not None and self.source.covers(day.year):
            if day in self.source.workdays:
                return True
            if day in self.source.holidays:
                return False
        return day.weekday() < 5

    def _index(self, day: dt.date) -> int:
        self.used_years.add(day.year)
        return (day - BASE).days

    def _inside(self, day: dt.date) -> bool:
        return BASE <= day <= LAST

    # -- questions --------------------------------------------------------------------------------
    def is_workday(self, day: dt.date) -> bool:
        self.used_years.add(day.year)
        return self._workday(day)

    def count(self, after: dt.date, until: dt.date) -> int:
        """Working days in (after, until]: 0 when ``until`` is not later than ``after``."""
        if until <= after:
            return 0
        if not (self._inside(after) and self._inside(until)):
            return sum(
                self.is_workday(after + dt.timedelta(days=i)) for i in range(1, (until - after).days + 1)
            )
        a, b = self._index(after), self._index(until)
        return self._cum[b + 1] - self._cum[a + 1]

    def add(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``n`` ≥ 1); ``day`` itself for 0; before it for n < 0."""
        if n == 0:
            return day
        if n < 0:
            return self.subtract(day, -n)
        if not self._inside(day):
            d, left = day, n
            while left:
                d += dt.timedelta(days=1)
                left -= self.is_workday(d)
            return d
        start = self._cum[self._index(day) + 1]  # working days up to and including ``day``
        # the first index i with cum[i + 1] == start + n is the n-th working day after ``day``
        i = bisect.bisect_left(self._cum, start + n) - 1
        if i + 1 >= len(self._cum):  # beyond the precomputed range: count day by day
            d, left = LAST, start + n - self._cum[-1]
            while left:
                d += dt.timedelta(days=1)
                left -= self.is_workday(d)
            return d
        result = BASE + dt.timedelta(days=i)
        self.used_years.add(result.year)
        return result

    def subtract(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day before ``day``."""
        d, left = day, n
        while left > 0:
            d -= dt.timedelta(days=1)
            left -= self.is_workday(d)
        return d

    # -- what the office should know ---------------------------------------------------------------
    def coverage(self, year: int) -> str:
        """``official``, ``table`` (the office's rows) or ``weekends`` (neither: a warning)."""
        if self.source is not None and self.source.covers(year):
            return "official"
        if year in self._table_years:
            return "table"
        return "weekends"

    def warnings(self, years: Iterable[int] | None = None) -> list[str]:
        """A sentence for each year used (or given) that the official calendar does not cover."""
        out = []
        for year in sorted(set(years) if years is not None else self.used_years):
            how = self.coverage(year)
            if how == "table":
                out.append(
                    _("%(year)s年超出内置节假日日历的范围，工作日按督查室录入的节假日安排计算。")
                    % {"year": year}
                )
            elif how == "weekends":
                out.append(
                    _(
                        "%(year)s年的法定节假日安排尚未录入：工作日暂按周一至周五计算。"
                        "请督查室在“节假日”中录入国务院办公厅公布的安排。"
                    )
                    % {"year": year}
                )
        return out
