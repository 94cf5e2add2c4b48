"""Reporting periods: keys, labels in both languages, and their dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from luoshi.progress.periods import Period


def test_a_quarter_is_named_in_chinese_by_default():
    assert Period.parse("2026Q3").label == "2026年第三季度"


def test_a_quarter_is_named_with_an_arabic_number_in_english():
    with translation.override("en"):
        assert Period.parse("2026Q3").label == "Q3 2026"


def test_a_period_spans_its_months():
    q = Period.parse("2026Q3")
    assert (q.start, q.end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert Period.parse("2024M02").end == dt.date(2024, 2, 29)


@pytest.mark.parametrize("key", ["2026Q5", "2026M13", "1999Q1", "next quarter"])
def test_a_period_that_does_not_exist_is_refused(key):
    with pytest.raises(ValueError, match="无法识别的报送周期"):
        Period.parse(key)


def test_reports_are_due_on_a_working_day_counted_by_the_holiday_calendar():
    # 2025Q3 ends on Tuesday 30 September; 1–8 October are the National Day holidays, and
    # Saturday 11 October is a working day moved from the holiday (调休).
    q = Period.parse("2025Q3")
    assert q.due(1) == dt.date(2025, 10, 9)
    assert q.due(3) == dt.date(2025, 10, 11)


def test_beyond_the_holiday_calendar_weekdays_count():
    q = Period.parse("2090Q1")  # ends Friday 31 March 2090
    assert q.due(1) == dt.date(2090, 4, 3)
