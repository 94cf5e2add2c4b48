"""Finding the places named in a decision: one test per rule (the sentences are our own)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.document import Place
from luoshi.document._places import find_places


def names(*texts: str) -> list[str]:
    return [p.name for p in find_places((str(n), t) for n, t in enumerate(texts, 1))]


def place(name: str, *texts: str) -> Place:
    found = {p.name: p for p in find_places((str(n), t) for n, t in enumerate(texts, 1))}
    return found[name]


# what matches ---------------------------------------------------------------------------------------
def test_it_finds_a_full_name_with_its_level_and_code() -> None:
    p = place("鄂尔多斯市", "支持鄂尔多斯市建设现代煤化工示范区。")
    assert (p.level, p.code, p.mentions, p.via) == ("prefecture", "150600", ("1",), ("鄂尔多斯市",))


@pytest.mark.parametrize(
    ("short", "name"),
    [
        ("鄂尔多斯", "鄂尔多斯市"),
        ("通辽", "通辽市"),
        ("巴彦淖尔", "巴彦淖尔市"),
        ("乌海", "乌海市"),
        ("赤峰", "赤峰市"),
        ("乌兰察布", "乌兰察布市"),
        ("包头", "包头市"),
        ("呼和浩特", "呼和浩特市"),
        ("兴安", "兴安盟"),
        ("锡林郭勒", "锡林郭勒盟"),
        ("内蒙古", "内蒙古自治区"),
        ("宁夏", "宁夏回族自治区"),
    ],
)
def test_it_finds_provinces_and_prefectures_by_their_short_forms(short: str, name: str) -> None:
    assert names(f"推动{short}加快培育新能源装备制造产业集群。") == [name]


@pytest.mark.parametrize(
    ("short", "name"),
    [("满洲里", "满洲里市"), ("二连浩特", "二连浩特市"), ("霍林郭勒", "霍林郭勒市"), ("扎兰屯", "扎兰屯市")],
)
def test_it_finds_county_level_cities_by_distinctive_short_forms(short: str, name: str) -> None:
    p = place(name, f"支持{short}建设沿边开放重要节点。")
    assert p.level == "county"


def test_it_finds_banners_by_short_forms_of_three_characters_or_more() -> None:
    assert names("统筹推进准格尔、伊金霍洛煤炭产能核增。") == ["准格尔旗", "伊金霍洛旗"]


BANNER_ALIASES = [
    ("科右前旗", "科尔沁右翼前旗"),
    ("科右中旗", "科尔沁右翼中旗"),
    ("科左中旗", "科尔沁左翼中旗"),
    ("科左后旗", "科尔沁左翼后旗"),
    ("察右前旗", "察哈尔右翼前旗"),
    ("察右中旗", "察哈尔右翼中旗"),
    ("察右后旗", "察哈尔右翼后旗"),
    ("土左旗", "土默特左旗"),
    ("土右旗", "土默特右旗"),
    ("达茂旗", "达尔罕茂明安联合旗"),
    ("阿左旗", "阿拉善左旗"),
    ("阿右旗", "阿拉善右旗"),
    ("新左旗", "新巴尔虎左旗"),
    ("新右旗", "新巴尔虎右旗"),
    ("东乌旗", "东乌珠穆沁旗"),
    ("西乌旗", "西乌珠穆沁旗"),
    ("东苏旗", "苏尼特左旗"),
    ("西苏旗", "苏尼特右旗"),
    ("乌前旗", "乌拉特前旗"),
    ("乌中旗", "乌拉特中旗"),
    ("乌后旗", "乌拉特后旗"),
    ("鄂前旗", "鄂托克前旗"),
    ("阿鲁旗", "阿鲁科尔沁旗"),
]


@pytest.mark.parametrize(("alias", "name"), BANNER_ALIASES)
def test_it_finds_banners_by_their_established_short_forms(alias: str, name: str) -> None:
    found = find_places([("3.2", f"支持{alias}发展现代畜牧业，建设肉牛全产业链。")])
    assert [(p.name, p.level, p.mentions, p.via) for p in found] == [(name, "county", ("3.2",), (alias,))]
    assert found[0].code.startswith("15")


def test_a_banner_alias_and_its_full_name_are_one_place() -> None:
    p = place("科尔沁右翼中旗", "兴安盟科右中旗要做强肉牛产业。", "科尔沁右翼中旗加快建设清洁能源基地。")
    assert (p.code, p.mentions, p.via) == ("152222", ("1", "2"), ("科右中旗", "科尔沁右翼中旗"))
    assert names("兴安盟科右前旗、科右中旗协同发展。") == ["兴安盟", "科尔沁右翼前旗", "科尔沁右翼中旗"]


def test_banner_aliases_in_a_list_are_each_found() -> None:
    assert names("推动察右前旗、察右中旗、察右后旗和土右旗、达茂旗建设风光储一体化项目。") == [
        "察哈尔右翼前旗",
        "察哈尔右翼中旗",
        "察哈尔右翼后旗",
        "土默特右旗",
        "达尔罕茂明安联合旗",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "高举中国特色社会主义伟大旗帜，旗帜鲜明讲政治。",
        "各旗县区要压实属地责任，大力弘扬红旗渠精神。",
        "坚持向左看齐、向右看齐，推进科技创新和产业创新深度融合。",
        "切莫旗开得胜就骄傲自满，要打造行业标准旗舰店。",  # 莫旗 and 准旗 are not aliases
        "推进科技创新，引进山东乌鸡养殖项目，促进土地流转。",
        "各旗市区要把五星红旗插在新建的每一座边境哨所上。",
        "推动产业链上下游、左右岸协同，前旗后旗一体推进。",
    ],
)
def test_banner_aliases_give_no_false_hits_in_ordinary_sentences(text: str) -> None:
    found = find_places([("1", text)])
    assert not [p for p in found if any(v.endswith("旗") and v != p.name for v in p.via)]
    assert not {p.name for p in found} & {name for _alias, name in BANNER_ALIASES}


def test_two_character_banner_forms_are_not_aliases() -> None:
    for form in ("莫旗", "准旗", "伊旗", "达旗", "陈旗", "鄂旗", "额旗"):
        assert names(f"支持{form}发展特色产业。") == [], form


@pytest.mark.parametrize(
    "word", ["合作", "资源", "公安", "新兴", "安宁", "平安", "中和", "东方", "灯塔", "富裕"]
)
def test_two_character_county_short_forms_are_ordinary_words(word: str) -> None:
    assert names(f"坚持{word}优先，加快补齐短板弱项。") == []


def test_it_expands_hu_bao_e_into_its_three_cities() -> None:
    found = find_places([("2.1", "高质量建设呼包鄂国家自主创新示范区。")])
    assert [(p.name, p.mentions, p.via) for p in found] == [
        ("呼和浩特市", ("2.1",), ("呼包鄂",)),
        ("包头市", ("2.1",), ("呼包鄂",)),
        ("鄂尔多斯市", ("2.1",), ("呼包鄂",)),
    ]


def test_it_expands_meng_dong_into_the_five_eastern_leagues_and_cities() -> None:
    assert names("稳定蒙东地区能源保供能力。") == ["呼伦贝尔市", "兴安盟", "通辽市", "赤峰市", "锡林郭勒盟"]


def test_a_region_and_a_name_both_show_in_via() -> None:
    p = place("鄂尔多斯市", "推进呼包鄂协同发展。", "支持鄂尔多斯打造现代能源经济示范区。")
    assert (p.mentions, p.via) == (("1", "2"), ("呼包鄂", "鄂尔多斯"))


# the longest form wins ------------------------------------------------------------------------------
def test_the_full_name_wins_over_the_short_form_inside_it() -> None:
    assert place("内蒙古自治区", "内蒙古自治区各级党委要提高政治站位。").via == ("内蒙古自治区",)
    assert place("满洲里市", "满洲里市要建好国际物流枢纽。").via == ("满洲里市",)


def test_hu_bao_e_wu_wins_over_hu_bao_e() -> None:
    assert names("推动呼包鄂乌一体化发展。") == ["呼和浩特市", "包头市", "鄂尔多斯市", "乌兰察布市"]


# mentions, order, via -------------------------------------------------------------------------------
def test_places_come_in_order_of_first_mention_with_each_item_once() -> None:
    found = find_places(
        [
            ("1", "赤峰、通辽要做强绿色农畜产品加工。"),
            ("2", "通辽和通辽市周边地区要加强黑土地保护。"),
            ("3", "赤峰市推进现代物流发展。"),
        ]
    )
    assert [(p.name, p.mentions, p.via) for p in found] == [
        ("赤峰市", ("1", "3"), ("赤峰", "赤峰市")),
        ("通辽市", ("1", "2"), ("通辽", "通辽市")),
    ]


def test_it_accepts_any_iterable_and_returns_nothing_for_no_places() -> None:
    assert find_places(iter([])) == []
    assert find_places([("1", "坚持稳中求进工作总基调。")]) == []


# boundaries and stop lists --------------------------------------------------------------------------
def test_da_xing_in_a_slogan_is_not_daxing_district() -> None:
    assert names("各级领导干部要大兴调查研究之风。") == []


def test_heping_quyu_is_not_heping_district() -> None:
    assert names("维护和平区域稳定。") == []


def test_a_name_before_quyu_falls_back_to_the_shorter_place() -> None:
    assert names("推进河北区域协同发展。") == ["河北省"]


def test_xin_xiang_cun_is_not_xinxiang() -> None:
    assert names("建设宜居宜业和美新乡村，培育新乡贤。") == []
    assert names("支持新乡建设先进制造业基地。") == ["新乡市"]


@pytest.mark.parametrize(
    "text",
    [
        "身穿中山装出席。",
        "规范白银饰品市场。",
        "工作不能四平八稳。",
        "追求世界大同的理想。",
        "实现社会长治久安。",
        "加强大兴安岭森林生态保护。",
        "精简文件，坚决克服文山会海。",
        "积极发展朝阳产业。",
        "年日照时数超过3000小时。",
    ],
)
def test_words_that_contain_a_place_name_are_not_places(text: str) -> None:
    assert names(text) == []


def test_a_county_before_yu_is_a_county_territory_word() -> None:
    assert names("开展共同富裕县域实践。") == []


def test_a_city_before_chang_is_a_market() -> None:
    assert names("培育东方市场和合作市场主体。") == []


def test_a_name_before_fu_is_an_old_prefecture() -> None:
    assert names("旧时杭州府的城墙遗址。") == []


def test_an_ethnic_group_is_not_its_banner() -> None:
    assert names("保护鄂伦春族狩猎文化。") == []
    assert names("支持鄂伦春自治旗发展林下经济。") == ["鄂伦春自治旗"]


def test_generic_district_names_count_only_after_their_city() -> None:
    assert names("统筹推进老城区改造和新城区建设。") == []
    assert place("新城区", "呼和浩特市新城区要提升城市功能。").code == "150102"


def test_one_character_county_names_need_their_parent_or_a_boundary() -> None:
    assert names("坚持科技兴县、旅游富县。") == []
    assert names("推动新县城建设。") == []
    assert place("兴县", "山西省吕梁市兴县要发展特色产业。").code == "141123"
    assert place("岚县", "兴县、岚县要加快脱贫地区产业发展。").code == "141127"


# shared names ---------------------------------------------------------------------------------------
def test_a_shared_name_goes_to_the_city_named_right_before_it() -> None:
    assert place("新城区", "西安市新城区要提升老旧小区。").code == "610102"


def test_a_shared_name_goes_to_the_province_the_document_is_about() -> None:
    assert place("朝阳区", "吉林省长春市要做强汽车产业。", "朝阳区加快老工业区改造。").code == "220104"
    assert place("朝阳区", "北京市要疏解非首都功能。", "朝阳区加快国际消费中心建设。").code == "110105"


def test_jilin_alone_is_the_province() -> None:
    assert place("吉林省", "吉林要加快建设现代农业。").code == "220000"
    assert names("吉林市要做强化工产业。") == ["吉林市"]


def test_a_shared_name_goes_to_the_lower_code_when_nothing_decides() -> None:
    assert place("青山区", "青山区要推进老工业基地转型。").code == "150204"  # 包头, not 武汉
    assert (
        place("青山区", "湖北省武汉市要建设国家中心城市。", "青山区要推进老工业基地转型。").code == "420107"
    )


# robustness ---------------------------------------------------------------------------------------
@given(
    st.lists(
        st.text(alphabet="内蒙古自治区呼包鄂乌兰察布市兴安盟县城区域场族新大长治，。、\n ", max_size=30),
        max_size=6,
    )
)
def test_it_never_fails_and_mentions_only_the_items_given(texts: list[str]) -> None:
    ids = [f"i{n}" for n in range(len(texts))]
    for p in find_places(zip(ids, texts, strict=True)):
        assert p.mentions
        assert p.via
        assert list(p.mentions) == [i for i in ids if i in p.mentions]


# speed ----------------------------------------------------------------------------------------------
def test_it_finds_every_mention_in_a_long_text() -> None:
    # Speed and linear growth are measured by `make bench` (the 10 MB document), not by a timed test.
    sentence = "支持鄂尔多斯、包头建设现代能源经济示范区，推进呼包鄂乌一体化，加强大兴安岭生态保护。"
    found = find_places([(str(n), sentence) for n in range(20_000)])
    assert len(found[0].mentions) == 20_000
    assert {p.name for p in found} >= {"鄂尔多斯市", "包头市", "呼和浩特市", "乌兰察布市"}


def test_a_short_form_that_is_also_a_word_counts_only_in_a_list_of_places():
    assert [p.name for p in find_places([("1", "对柳州、来宾等城市开展帮扶。")])] == ["柳州市", "来宾市"]
    assert [p.name for p in find_places([("1", "来宾、贵港两市联动。")])] == ["来宾市", "贵港市"]
    assert find_places([("1", "欢迎各位来宾莅临指导。")]) == []
