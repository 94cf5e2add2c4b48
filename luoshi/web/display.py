"""How a date or a moment reads to a person: in their language and in the office's local time.

Models store aware UTC datetimes and plain dates; every surface a person reads (pages, Word, PDF,
Excel, notices, messages) turns them into words here, so that a 督办单's page, its receipt and its
Word file can never disagree about the hour. The time zone is ``LUOSHI_TIME_ZONE`` (settings.TIME_ZONE).

- ``day(d)``: a date in prose, 2025年12月31日 (31 December 2025 in English).
- ``moment(t)``: a moment in prose, 2026年12月3日 23:21, in local time.
- ``stamp(t)``: a moment in a table cell or a file name's neighbour, 2026-12-03 23:21, in local time.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _


def _as_date(value: str | dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return local(value).date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def local(value: dt.datetime) -> dt.datetime:
    """An aware moment in the office's time zone (a naive one is taken as already local)."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


def day(value: str | dt.date | dt.datetime | None) -> str:
    """A date the way the office writes it in prose: 2026年10月10日, with no leading zeros."""
    if value is None or value == "":
        return ""
    d = _as_date(value)
    return _("%(year)s年%(month)s月%(day)s日") % {"year": d.year, "month": d.month, "day": d.day}


def moment(value: dt.datetime | None) -> str:
    """A moment in prose, in local time: 2026年12月3日 23:21."""
    if value is None:
        return ""
    t = local(value)
    return f"{day(t.date())} {t:%H:%M}"


def stamp(value: dt.datetime | None, *, seconds: bool = False) -> str:
    """A moment in a table, in local time: 2026-12-03 23:21 (with seconds when asked)."""
    if value is None:
        return ""
    return local(value).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
