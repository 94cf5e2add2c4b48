"""Reporting periods: quarters (``2024Q1``) and months (``2024M03``), with Chinese labels."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

_KEY = re.compile(r"^(\d{4})([QM])(\d{1,2})$")
_QUARTER_NAMES = {1: "一", 2: "二", 3: "三", 4: "四"}


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str  # "Q" or "M"
    n: int

    @classmethod
    def parse(cls, key: str) -> Period:
        m = _KEY.match(key.strip().upper())
        if not m:
            raise ValueError(_("无法识别的报送周期：%(key)s") % {"key": key})
        year, kind, n = int(m.group(1)), m.group(2), int(m.group(3))
        if not (1 <= n <= (4 if kind == "Q" else 12)) or not 2000 <= year <= 2100:
            raise ValueError(_("无法识别的报送周期：%(key)s") % {"key": key})
        return cls(year, kind, n)

    @classmethod
    def containing(cls, day: dt.date, reporting: str) -> Period:
        if reporting == "monthly":
            return cls(day.year, "M", day.month)
        return cls(day.year, "Q", (day.month - 1) // 3 + 1)

    @property
    def key(self) -> str:
        return f"{self.year}Q{self.n}" if self.kind == "Q" else f"{self.year}M{self.n:02d}"

    @property
    def label(self) -> str:
        if self.kind == "Q":
            # The quarter's numeral is translated on its own (一 → 1), so
            # that every language's label uses the same two arguments.
            return _("%(year)s年第%(cn)s季度") % {
                "year": self.year,
                "cn": pgettext("quarter numeral", _QUARTER_NAMES[self.n]),
            }
        return _("%(year)s年%(n)s月") % {"year": self.year, "n": self.n}

    @property
    def start(self) -> dt.date:
        month = (self.n - 1) * 3 + 1 if self.kind == "Q" else self.n
        return dt.date(self.year, month, 1)

    @property
    def end(self) -> dt.date:
        month = self.n * 3 if self.kind == "Q" else self.n
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def due(self, days: int) -> dt.date:
        """The ``days``-th working day after the period ends: the day its reports are due."""
        day, left = self.end, days
        while left > 0:
            day += dt.timedelta(days=1)
            left -= is_workday(day)
        return day

    def previous(self) -> Period:
        last = 4 if self.kind == "Q" else 12
        return (
            Period(self.year - 1, self.kind, last)
            if self.n == 1
            else Period(self.year, self.kind, self.n - 1)
        )

    def next(self) -> Period:
        last = 4 if self.kind == "Q" else 12
        return (
            Period(self.year + 1, self.kind, 1)
            if self.n == last
            else Period(self.year, self.kind, self.n + 1)
        )

    def __str__(self) -> str:
        return self.key


def is_workday(day: dt.date) -> bool:
    """A working day by the State Council's holiday arrangement (chinese-calendar, for the years it
    covers), else Monday to Friday. The supervision app counts the same way and also applies the
    office's own holiday table (docs/supervision.md)."""
    try:
        import chinese_calendar

        return bool(chinese_calendar.is_workday(day))
    except (ImportError, NotImplementedError):
        return day.weekday() < 5


def reporting_period_for(day: dt.date, reporting: str, due_days: int) -> Period:
    """The period a unit should be reporting on at ``day``: the one just ended while its window is open,
    else the current one."""
    current = Period.containing(day, reporting)
    prev = current.previous()
    if day <= prev.due(due_days):
        return prev
    return current


def recent_periods(day: dt.date, reporting: str, count: int = 6) -> list[Period]:
    p = Period.containing(day, reporting)
    out = [p]
    for _i in range(count - 1):
        p = p.previous()
        out.append(p)
    return out
