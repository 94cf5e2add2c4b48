"""The unit catalogue: bundled for Inner Mongolia, importable from CSV or Excel."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from luoshi.ledger.catalogue import import_units, load_inner_mongolia, read_units_file
from luoshi.ledger.models import SuggestionRule, Unit, UnitKind

pytestmark = pytest.mark.django_db


def division(code: str, name: str, level: str, parent: str | None, short: str = "") -> SimpleNamespace:
    return SimpleNamespace(code=code, name=name, short=short, level=level, parent=parent)


DIVISIONS = [
    division("150000", "内蒙古自治区", "province", None, "内蒙古"),
    division("150600", "鄂尔多斯市", "prefecture", "150000", "鄂尔多斯"),
    division("150621", "达拉特旗", "county", "150600", "达拉特"),
    division("150700", "呼伦贝尔市", "prefecture", "150000", "呼伦贝尔"),
    division("150781", "满洲里市", "county", "150700", "满洲里"),
    division("152500", "锡林郭勒盟", "prefecture", "150000", "锡林郭勒"),
    division("152501", "二连浩特市", "county", "152500", "二连浩特"),
    division("140100", "太原市", "prefecture", "140000", "太原"),
]


def test_the_bundled_catalogue_has_departments_party_organs_leagues_and_banners() -> None:
    load_inner_mongolia(DIVISIONS)
    assert Unit.objects.get(code="nmg-fgw").kind == UnitKind.DEPARTMENT
    assert Unit.objects.get(code="nmg-zzb").kind == UnitKind.PARTY_ORGAN
    ordos = Unit.objects.get(division_code="150600")
    assert ordos.kind == UnitKind.LEAGUE_CITY
    assert ordos.league == ordos
    dalat = Unit.objects.get(division_code="150621")
    assert dalat.kind == UnitKind.BANNER_COUNTY
    assert dalat.parent == ordos
    assert dalat.league == ordos
    assert not Unit.objects.filter(division_code="140100").exists()


def test_manzhouli_and_erenhot_are_listed_with_the_leagues_and_cities() -> None:
    load_inner_mongolia(DIVISIONS)
    leagues = set(Unit.objects.leagues().values_list("name", flat=True))
    assert leagues == {"鄂尔多斯市", "呼伦贝尔市", "锡林郭勒盟", "满洲里市", "二连浩特市"}


def test_loading_the_catalogue_twice_changes_nothing() -> None:
    load_inner_mongolia(DIVISIONS)
    units, rules = Unit.objects.count(), SuggestionRule.objects.count()
    result = load_inner_mongolia(DIVISIONS)
    assert (result.created, result.updated) == (0, 0)
    assert (Unit.objects.count(), SuggestionRule.objects.count()) == (units, rules)
    assert rules > 50


def test_the_real_division_list_gives_the_twelve_leagues_and_cities_and_two_more() -> None:
    document = pytest.importorskip("luoshi.document")
    if not hasattr(document, "load_divisions"):
        pytest.skip("luoshi.document does not export load_divisions yet")
    load_inner_mongolia()
    assert Unit.objects.leagues().count() == 14
    assert Unit.objects.filter(kind=UnitKind.BANNER_COUNTY).count() >= 100


def test_units_import_from_csv_with_chinese_headers_parents_first_or_last() -> None:
    csv_text = (
        "代码,名称,类别,上级代码,行政区划代码\nx-county,某县,旗县,x-city,130101\nx-city,某市,盟市,,130100\n"
    )
    result = import_units(read_units_file(io.BytesIO(csv_text.encode("gb18030")), "units.csv"))
    assert result.created == 2
    county = Unit.objects.get(code="x-county")
    assert county.parent.code == "x-city"
    assert county.league.code == "x-city"


def test_units_import_from_excel(tmp_path: object) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["code", "name", "kind"])
    wb.active.append(["d1", "某省财政厅", "政府部门"])
    path = tmp_path / "units.xlsx"  # type: ignore[operator]
    wb.save(path)
    import_units(read_units_file(str(path)))
    assert Unit.objects.get(code="d1").kind == UnitKind.DEPARTMENT


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("名称,类别\n某厅,政府部门\n", "缺少必需的列"),
        ("代码,名称,类别\nd1,某厅,衙门\n", "无法识别的单位类别"),
        ("代码,名称,类别\nd1,某厅,部门\nd1,某局,部门\n", "重复"),
        ("代码,名称,类别,上级代码\nd1,某厅,部门,nowhere\n", "上级单位代码 nowhere 不存在"),
    ],
)
def test_a_bad_units_file_is_refused_whole_with_a_clear_message(csv_text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        import_units(read_units_file(io.BytesIO(csv_text.encode()), "u.csv"))
    assert not Unit.objects.exists()
