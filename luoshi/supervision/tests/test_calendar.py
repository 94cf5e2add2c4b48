"""Working days follow the official calendar, then the office's table, and never crash beyond them."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.supervision.calendar import WorkCalendar
from luoshi.supervision.models import Holiday

D = dt.date


def test_the_national_day_holiday_is_not_a_working_day_and_the_moved_saturday_is() -> None:
    cal = WorkCalendar()
    assert not cal.is_workday(D(2026, 10, 5))  # a Monday inside the National Day holiday
    assert cal.is_workday(D(2026, 10, 10))  # a Saturday worked in exchange (调休)
    assert cal.is_workday(D(2026, 9, 20))  # a Sunday worked in exchange
    assert not cal.is_workday(D(2026, 10, 11))  # an ordinary Sunday


def test_the_fifth_working_day_after_the_third_quarter_of_2026_is_13_october() -> None:
    cal = WorkCalendar()
    # 8, 9, 10 (the moved Saturday), 12, 13 October
    assert cal.add(D(2026, 9, 30), 5) == D(2026, 10, 13)
    assert cal.count(D(2026, 9, 30), D(2026, 10, 13)) == 5
    assert cal.count(D(2026, 10, 13), D(2026, 10, 13)) == 0


def test_counting_and_adding_agree_over_many_years() -> None:
    cal = WorkCalendar()
    start = D(2024, 12, 20)
    for n in (1, 7, 30, 250, 800):
        end = cal.add(start, n)
        assert cal.count(start, end) == n
        assert cal.is_workday(end)


def test_a_year_beyond_the_official_calendar_counts_weekdays_and_warns() -> None:
    cal = WorkCalendar()
    assert cal.add(D(2027, 12, 31), 1) == D(2028, 1, 3)  # Monday; nobody entered 2028's holidays
    warnings = cal.warnings()
    assert any("2028年的法定节假日安排尚未录入" in w for w in warnings)
    assert cal.coverage(2026) == "official"
    assert cal.coverage(2028) == "weekends"


def test_a_year_far_outside_the_table_still_answers() -> None:
    cal = WorkCalendar()
    assert cal.add(D(2100, 12, 30), 3) > D(2100, 12, 31)
    assert cal.count(D(1999, 12, 30), D(2000, 1, 5)) >= 3


@pytest.mark.django_db
def test_the_offices_table_fills_a_year_the_package_does_not_cover() -> None:
    Holiday.objects.create(date=D(2027, 1, 1), name="元旦")
    Holiday.objects.create(date=D(2027, 2, 20), is_workday=True, name="春节调休")
    cal = WorkCalendar.load()
    assert not cal.is_workday(D(2027, 1, 1))
    assert cal.is_workday(D(2027, 2, 20))  # a Saturday
    assert cal.add(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.coverage(2027) == "table"
    assert "督查室录入" in cal.warnings([2027])[0]
