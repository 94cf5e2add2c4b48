"""The division and region tables in luoshi/document/data, and the lookups built on them."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from luoshi.document._places import Division, division, load_divisions

DATA = Path(__file__).resolve().parents[2] / "luoshi" / "document" / "data"


def by_code() -> dict[str, Division]:
    return {d.code: d for d in load_divisions()}


def test_it_counts_the_divisions_of_each_level() -> None:
    assert Counter(d.level for d in load_divisions()) == {"province": 34, "prefecture": 333, "county": 2846}


def test_codes_are_unique_six_digit_numbers() -> None:
    codes = [d.code for d in load_divisions()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[1-8]\d{5}", c) for c in codes)


def test_every_parent_exists_and_is_one_or_two_levels_up() -> None:
    table = by_code()
    rank = {"province": 3, "prefecture": 2, "county": 1}
    for d in table.values():
        if d.level == "province":
            assert d.parent is None
            continue
        assert d.parent in table, d
        parent = table[d.parent]
        assert rank[parent.level] > rank[d.level]
        assert d.code[:2] == parent.code[:2]


def test_inner_mongolia_has_its_twelve_leagues_and_cities_and_103_county_level_divisions() -> None:
    table = by_code()
    leagues = {d.name for d in table.values() if d.parent == "150000"}
    expected = "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟"
    assert leagues == set(expected.split(" "))
    counties = [d for d in table.values() if d.level == "county" and d.code.startswith("15")]
    assert len(counties) == 103
    assert {"满洲里市", "二连浩特市", "鄂伦春自治旗", "白云鄂博矿区"} <= {d.name for d in counties}


def test_the_municipalities_are_provinces_with_their_districts_as_counties() -> None:
    table = by_code()
    for code in ("110000", "120000", "310000", "500000"):
        assert table[code].level == "province"
        assert not [d for d in table.values() if d.parent == code and d.level == "prefecture"]
    assert (table["110105"].name, table["110105"].parent) == ("朝阳区", "110000")
    assert (table["500112"].name, table["500235"].name) == ("渝北区", "云阳县")


def test_province_administered_county_units_hang_under_their_province() -> None:
    table = by_code()
    for code, name, province in [
        ("429004", "仙桃市", "420000"),
        ("429021", "神农架林区", "420000"),
        ("469002", "琼海市", "460000"),
        ("659001", "石河子市", "650000"),
        ("419001", "济源市", "410000"),
    ]:
        assert (table[code].name, table[code].level, table[code].parent) == (name, "county", province)
    assert table["460400"].name == "儋州市"
    assert table["460400"].level == "prefecture"


def test_hong_kong_macau_and_taiwan_are_provinces_without_subdivisions() -> None:
    table = by_code()
    for code, short in [("810000", "香港"), ("820000", "澳门"), ("710000", "台湾")]:
        assert (table[code].level, table[code].short) == ("province", short)
        assert not [d for d in table.values() if d.parent == code]


def test_things_that_are_not_divisions_are_left_out() -> None:
    names = {d.name for d in load_divisions()}
    assert not names & {
        "雄安新区",
        "两江新区",
        "苏州工业园区",
        "大柴旦行政区",
        "加格达奇区",
        "苏鲁交界",
        "海域",
    }


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("鄂尔多斯市", "鄂尔多斯"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("兴安盟", "兴安"),
        ("延边朝鲜族自治州", "延边"),
        ("鄂伦春自治旗", "鄂伦春"),
        ("莫力达瓦达斡尔族自治旗", "莫力达瓦"),
        ("阿克苏地区", "阿克苏"),
        ("白云鄂博矿区", "白云鄂博"),
        ("清新区", "清新"),
        ("城区", ""),
        ("兴县", ""),
    ],
)
def test_short_forms_drop_the_suffix_and_the_ethnic_names(name: str, short: str) -> None:
    assert {d.short for d in load_divisions() if d.name == name} == {short}


def test_division_looks_up_a_code_a_name_or_a_short_form() -> None:
    assert division("150600") == division("鄂尔多斯市") == division("鄂尔多斯")
    assert division("鄂尔多斯") == Division("150600", "鄂尔多斯市", "鄂尔多斯", "prefecture", "150000")
    assert division("吉林").name == "吉林省"  # type: ignore[union-attr]
    assert division("朝阳区").code == "110105"  # type: ignore[union-attr]
    assert division("呼包鄂") is None
    assert division("合作") is None
    assert division("999999") is None


def test_load_divisions_is_loaded_once() -> None:
    assert load_divisions() is load_divisions()


# regions.tsv ----------------------------------------------------------------------------------------
def regions() -> list[list[str]]:
    lines = (DATA / "regions.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "name\tmembers\tmember_names"
    return [line.split("\t") for line in lines[1:]]


def test_every_region_member_exists_and_its_listed_name_agrees() -> None:
    table = by_code()
    for name, members, member_names in regions():
        codes = members.split(",")
        assert len(codes) == len(set(codes)) >= 2, name
        assert [table[c].name for c in codes] == member_names.split("、"), name


def test_every_region_names_its_source_in_sources_md() -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name, _members, _names in regions():
        assert name in sources, name


def test_the_core_regions_have_their_official_membership() -> None:
    table = {name: {by_code()[c].name for c in members.split(",")} for name, members, _ in regions()}
    assert table["呼包鄂"] == {"呼和浩特市", "包头市", "鄂尔多斯市"}
    assert table["蒙东地区"] == {"呼伦贝尔市", "兴安盟", "通辽市", "赤峰市", "锡林郭勒盟"}
    assert table["蒙东"] | table["蒙西"] == {d.name for d in load_divisions() if d.parent == "150000"}
    assert len(table["黄河流域"]) == 9
    assert len(table["长江经济带"]) == 11
    assert len(table["珠三角"]) == 9
    assert table["粤港澳大湾区"] == table["珠三角"] | {"香港特别行政区", "澳门特别行政区"}


# aliases.tsv ----------------------------------------------------------------------------------------
def aliases() -> list[list[str]]:
    lines = (DATA / "aliases.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "alias\tcode\tname"
    return [line.split("\t") for line in lines[1:]]


def test_every_alias_names_a_real_division_and_its_listed_name_agrees() -> None:
    table = by_code()
    rows = aliases()
    assert len(rows) == 23
    for alias, code, name in rows:
        assert table[code].name == name, alias
        assert (table[code].level, code[:2]) == ("county", "15"), alias  # Inner Mongolia's banners
        assert name.endswith("旗"), alias
        assert alias.endswith("旗"), alias


def test_aliases_are_unique_three_characters_or_more_and_shadow_no_other_form() -> None:
    rows = aliases()
    forms = [alias for alias, _code, _name in rows]
    assert len(forms) == len(set(forms))
    assert all(len(a) >= 3 for a in forms)
    taken = {d.name for d in load_divisions()} | {d.short for d in load_divisions()}
    taken |= {name for name, _members, _names in regions()}
    assert not taken & set(forms)


def test_every_alias_is_documented_in_sources_md() -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    section = sources.split("## aliases.tsv", 1)[1].split("\n## ", 1)[0]
    for alias, code, name in aliases():
        assert f"| {alias} | {code} {name} |" in section, alias


def test_division_looks_up_an_alias() -> None:
    assert division("科右中旗") == division("152222") == division("科尔沁右翼中旗")
    assert division("达茂旗").name == "达尔罕茂明安联合旗"  # type: ignore[union-attr]
    assert division("莫旗") is None


# build_divisions.py ---------------------------------------------------------------------------------
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_divisions", DATA / "build_divisions.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_script_corrects_levels_parents_and_non_divisions() -> None:
    source = {
        "150000": "内蒙古自治区",
        "150700": "呼伦贝尔市",
        "150781": "满洲里市",
        "110000": "北京市",
        "110100": "北京市",
        "110105": "朝阳区",
        "420000": "湖北省",
        "429004": "仙桃市",
        "133100": "雄安新区",
        "810000": "香港特别行政区",
        "810101": "中西区",
        "990000": "苏鲁交界",
    }
    rows = {r[0]: r[1:] for r in builder().build(source)}
    assert rows["150781"] == ("满洲里市", "county", "150700", "满洲里")
    assert rows["110105"] == ("朝阳区", "county", "110000", "朝阳")
    assert rows["429004"] == ("仙桃市", "county", "420000", "仙桃")
    assert rows["810000"] == ("香港特别行政区", "province", "", "香港")
    assert not {"110100", "133100", "810101", "990000"} & set(rows)
    assert rows["500112"][0] == "渝北区"  # added: the source lacks it


def test_the_table_is_sorted_by_code_with_a_header() -> None:
    lines = (DATA / "divisions.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "code\tname\tlevel\tparent\tshort"
    codes = [line.split("\t", 1)[0] for line in lines[1:]]
    assert codes == sorted(codes)
