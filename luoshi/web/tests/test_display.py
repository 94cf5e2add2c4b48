"""Dates and moments read in the office's local time and in the user's language."""

import datetime as dt

from django.test import override_settings
from django.utils import translation

from luoshi.web.display import cell, day, moment, short_day, stamp

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


def test_english_writes_the_month_in_words():
    with translation.override("en"):
        assert day(dt.date(2025, 12, 31)) == "31 December 2025"
        assert moment(dt.datetime(2026, 1, 5, 1, 30, tzinfo=dt.UTC)).startswith("5 January 2026 ")


@override_settings(TIME_ZONE="Asia/Shanghai")
def test_a_moment_kept_as_iso_text_in_json_reads_in_local_time():
    assert moment("2026-12-03T15:21:00+00:00") == "2026年12月3日 23:21"
    assert stamp("2026-12-03T15:21:00+00:00") == "2026-12-03 23:21"
    assert day("2026-12-31T17:00:00+00:00") == "2027年1月1日"


@override_settings(TIME_ZONE="Asia/Shanghai")
def test_an_excel_cell_holds_the_local_wall_clock_without_a_zone():
    value = cell(LATE_EVENING_UTC)
    assert value == dt.datetime(2026, 12, 3, 23, 21)
    assert value.tzinfo is None
    assert cell(dt.date(2026, 1, 5)) == dt.date(2026, 1, 5)
    assert cell(None) is None


def test_a_table_cell_date_is_short_and_a_plain_date_is_never_given_an_hour():
    assert short_day(dt.date(2026, 1, 5)) == "2026-01-05"
    assert moment(dt.date(2026, 1, 5)) == "2026年1月5日"
    assert stamp(None) == ""


@override_settings(TIME_ZONE="Asia/Shanghai")
def test_templates_read_dates_through_the_same_functions():
    from django.template import Context, Template

    html = Template("{% load display %}{{ t|moment }}|{{ t|stamp }}|{{ d|day }}|{{ d|short_day }}").render(
        Context({"t": LATE_EVENING_UTC, "d": dt.date(2026, 1, 5)})
    )
    assert html == "2026年12月3日 23:21|2026-12-03 23:21|2026年1月5日|2026-01-05"
