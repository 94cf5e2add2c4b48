"""Years: deadlines, plan periods, relative years, and the years that are not deadlines."""

from __future__ import annotations

from luoshi.document._targets import find_years


def years(text: str, doc_year: int | None = None) -> list[tuple[int | None, int | None, bool, bool]]:
    return [(y.year, y.start_year, y.deadline, y.governs) for y in find_years(text, doc_year)]


def test_dao_makes_a_deadline():
    assert years("到2035年") == [(2035, None, True, True)]


def test_qian_and_di_make_a_deadline():
    assert years("2030年前") == [(2030, None, True, True)]
    assert years("2025年底") == [(2025, None, True, True)]


def test_a_plan_period_gives_its_end_year_and_its_start():
    assert years("2022—2025年") == [(2025, 2022, False, True)]


def test_a_year_in_chinese_numerals_is_read():
    assert years("到二〇三五年") == [(2035, None, True, True)]


def test_jin_nian_and_ming_nian_come_from_the_documents_year():
    assert years("今年", 2026) == [(2026, None, True, True)]
    assert years("明年", 2026) == [(2027, None, True, True)]
    assert years("今年", None) == []


def test_a_five_year_plan_gives_its_last_year():
    assert years("“十五五”期间") == [(2030, None, False, True)]
    assert years("到“十四五”末") == [(2025, None, True, True)]


def test_a_base_year_does_not_govern():
    assert years("比2020年增长10%") == [(2020, None, False, False)]
    assert years("2020年以来") == [(2020, None, False, False)]


def test_a_date_is_not_a_deadline():
    assert years("2023年1月12日") == [(2023, None, False, False)]
    assert years("2025年6月底前") == [(2025, None, True, True)]
