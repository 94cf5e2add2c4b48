"""What people type into the sheet is read the way they mean it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.exchange.parsing import CellError, UnitMatcher, parse_deadline, parse_nodes, split_units
from luoshi.ledger.models import Unit


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2025-06-30", ("date", dt.date(2025, 6, 30), "")),
        ("2025年6月30日", ("date", dt.date(2025, 6, 30), "")),
        (dt.datetime(2025, 6, 30), ("date", dt.date(2025, 6, 30), "")),
        ("2025年内", ("year_end", dt.date(2025, 12, 31), "")),
        ("２０２５年底", ("year_end", dt.date(2025, 12, 31), "")),
        ("长期坚持", ("ongoing", None, "")),
        ("", ("", None, "")),
        ("“十五五”期间", ("text", None, "“十五五”期间")),
    ],
)
def test_a_deadline_is_read_as_people_write_it(cell: Any, expected: tuple[Any, ...]) -> None:
    assert parse_deadline(cell) == expected


def test_an_impossible_date_is_an_error() -> None:
    with pytest.raises(CellError, match="日期不存在"):
        parse_deadline("2025-02-30")


def test_quarter_nodes_take_dates_or_quarters() -> None:
    assert parse_nodes("一季度：完成方案；2025年第三季度：完成验收\n2024-06-30 中期评估", 2024) == [
        (dt.date(2024, 3, 31), "完成方案"),
        (dt.date(2024, 6, 30), "中期评估"),
        (dt.date(2025, 9, 30), "完成验收"),
    ]


def test_unit_lists_split_on_the_usual_separators() -> None:
    assert split_units("自治区教育厅、鄂尔多斯市，达拉特旗\n包头市") == [
        "自治区教育厅",
        "鄂尔多斯市",
        "达拉特旗",
        "包头市",
    ]


def test_an_abbreviation_suggests_the_unit_it_abbreviates() -> None:
    units = [
        Unit(pk=1, code="a", name="自治区发展和改革委员会", short="", order=1),
        Unit(pk=2, code="b", name="自治区教育厅", short="教育厅", order=2),
    ]
    matcher = UnitMatcher(units)
    assert matcher.find("教育厅").pk == 2
    assert matcher.find("发改委").suggestions[0] == "自治区发展和改革委员会"
    assert matcher.find("卫健委").suggestions == ()
