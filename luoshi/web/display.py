"""How a date or a moment reads to a person: in their language and in the office's local time.

Models store aware UTC datetimes and plain dates; every surface a person reads (pages, Word, PDF,
Excel, notices, messages, the command line) turns them into words here, so that a 督办单's page, its
receipt and its Word file can never disagree about the hour. The time zone is ``LUOSHI_TIME_ZONE``
(settings.TIME_ZONE). Machine-readable twins (JSON, the API) keep ISO 8601 in UTC instead.

- ``day(d)``: a date in prose, 2025年12月31日 (31 December 2025 in English).
- ``moment(t)``: a moment in prose, 2026年12月3日 23:21, in local time.
- ``stamp(t)``: a moment in a table cell, 2026-12-03 23:21, in local time.
- ``short_day(d)``: a date in a table cell, 2026-12-31.
- ``cell(v)``: a date or moment for an Excel cell: a local, naive datetime (Excel knows no zones).

Templates use the same functions as filters: ``{% load display %}`` then ``{{ x|day }}``,
``{{ x|moment }}``, ``{{ x|stamp }}``, ``{{ x|short_day }}``.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _english() -> bool:
    return (translation.get_language() or "zh-hans").startswith("en")


def _as_date(value: str | dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return local(value).date()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) > 10:  # an ISO moment, not a date: its day in local time
        return _moment(text).date()
    return dt.date.fromisoformat(text)


def local(value: dt.datetime) -> dt.datetime:
    """An aware moment in the office's time zone (a naive one is taken as already local)."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _moment(value: str | dt.datetime) -> dt.datetime:
    if isinstance(value, str):  # an ISO moment kept in JSON (an audit record, a light's parameters)
        value = dt.datetime.fromisoformat(value)
        if timezone.is_naive(value):
            value = value.replace(tzinfo=dt.UTC)
    return local(value)


def day(value: str | dt.date | dt.datetime | None) -> str:
    """A date the way the office writes it in prose: 2026年10月10日, with no leading zeros."""
    if value is None or value == "":
        return ""
    d = _as_date(value)
    if _english():
        return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.year}年{d.month}月{d.day}日"


def moment(value: str | dt.datetime | None) -> str:
    """A moment in prose, in local time: 2026年12月3日 23:21."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str | dt.datetime):  # a plain date: the day is all there is to say
        return day(value)
    t = _moment(value)
    return f"{day(t.date())} {t:%H:%M}"


def stamp(value: str | dt.datetime | None, *, seconds: bool = False) -> str:
    """A moment in a table, in local time: 2026-12-03 23:21 (with seconds when asked)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str | dt.datetime):
        return short_day(value)
    return _moment(value).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def short_day(value: str | dt.date | dt.datetime | None) -> str:
    """A date in a table cell: 2026-12-31 (a moment is taken on its local day)."""
    if value is None or value == "":
        return ""
    return _as_date(value).isoformat()


def cell(value: dt.date | dt.datetime | None) -> dt.date | dt.datetime | None:
    """A value for an Excel cell: a moment as a naive datetime in local time, a date as it is.

    Excel has no time zones: openpyxl refuses aware datetimes, and stripping the zone of a UTC value
    would show the clerk the hour in London. Naive local time is what the clerk would have typed.
    """
    if isinstance(value, dt.datetime):
        return local(value).replace(tzinfo=None, microsecond=0)
    return value


def today() -> dt.date:
    """The office's today (in LUOSHI_TIME_ZONE, not the server's or UTC's)."""
    return timezone.localdate()
