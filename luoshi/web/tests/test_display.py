"""Dates and moments read in the office's local time and in the user's language."""

import datetime as dt

from django.test import override_settings
from django.utils import translation

from luoshi.web.display import day, moment, stamp

LATE_EVENING_UTC = dt.datetime(2026, 12, 3, 15, 21, tzinfo=dt.UTC)


def test_a_date_in_prose_has_no_leading_zeros():
    assert day(dt.date(2026, 1, 5)) == "2026年1月5日"
    assert day("2025-12-31") == "2025年12月31日"
    assert day(None) == ""


@override_settings(TIME_ZONE="Asia/Shanghai")
def test_a_moment_is_shown_in_local_time_not_utc():
    assert moment(LATE_EVENING_UTC) == "2026年12月3日 23:21"
    assert stamp(LATE_EVENING_UTC) == "2026-12-03 23:21"
    assert stamp(LATE_EVENING_UTC, seconds=True) == "2026-12-03 23:21:00"


@override_settings(TIME_ZONE="Asia/Shanghai")
def test_a_moment_near_midnight_utc_falls_on_the_local_day():
    assert day(dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC)) == "2027年1月1日"


def test_english_reads_the_same_date_in_english():
    with translation.override("en"):
        assert "2026" in day(dt.date(2026, 1, 5))
        assert "年" not in day(dt.date(2026, 1, 5))
