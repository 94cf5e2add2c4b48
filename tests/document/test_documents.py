"""Whole documents written by the team in the style of the family luoshi reads: a provincial
decision, a city government's work report and a notice with unnumbered top headings. Each is
checked for its outline and every target it sets, as a reader of the document would list them."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.document import extract

from .helpers import brief

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def outline(doc):
    by_id = {s.id: s for s in doc.sections}
    return [(s.level, by_id[s.parent].number if s.parent else None, s.number, s.title) for s in doc.sections]


def test_a_provincial_decision():
    doc = extract(FIXTURES / "decision-a.txt")
    assert doc.title == "中共示例省委关于加快建设生态优先绿色发展先行区的决定"
    assert doc.year == 2025
    assert outline(doc) == [
        (1, None, "一", "总体要求和主要目标"),
        (1, None, "二", "重点任务"),
        (2, "二", "一", "筑牢生态安全屏障"),
        (2, "二", "二", "构建现代能源体系"),
        (2, "二", "三", "稳定粮食和重要农产品生产"),
        (2, "二", "四", "提升公共服务水平"),
        (1, None, "三", "加强组织实施"),
        (2, "三", "一", "压实工作责任"),
        (2, "三", "二", "强化考核督查"),
    ]
    assert [brief(t) for t in doc.targets] == [
        ("numeric", "地区生产总值", ">", 3, "万亿元", 2030),
        ("numeric", "常住人口城镇化率", "≈", 72, "%", 2030),
        ("numeric", "研发经费投入强度", ">=", 2.8, "%", 2030),
        ("numeric", "单位地区生产总值能耗下降", "=", 13.5, "%", 2030),
        ("numeric", "森林覆盖率", ">=", 28, "%", 2035),
        ("numeric", "草原综合植被盖度", ">=", 50, "%", 2035),
        ("milestone", "基本建成美丽示例省", 2035),
        ("numeric", "完成防沙治沙任务", "=", 1500, "万亩", 2030),
        ("numeric", "治理退化草原", "=", 2000, "万亩", 2030),
        ("milestone", "基本消除劣V类水体", 2027),
        ("milestone", "全面完成历史遗留矿山生态修复", 2030),
        ("relational", "新能源装机规模", ">", "火电装机规模", 2027),
        ("numeric", "新能源发电量占全社会用电量比重", ">", 50, "%", 2030),
        ("numeric", "外送电量年均增长", ">=", 8, "%", None),
        ("numeric", "煤炭产能", "≈", 13, "亿吨", None),
        ("numeric", "新型储能装机", ">=", 3000, "万千瓦", None),
        ("numeric", "新建和改造提升高标准农田", "=", 2000, "万亩", 2030),
        ("numeric", "粮食产量", ">=", 800, "亿斤", 2030),
        ("numeric", "牛奶产量", ">=", 1200, "万吨", 2030),
        ("numeric", "奶业产值", ">", 1000, "亿元", None),
        ("numeric", "肉羊产值", ">", 1000, "亿元", None),
        ("numeric", "马铃薯产值", ">", 1000, "亿元", None),
        ("numeric", "羊绒产值", ">", 100, "亿元", None),
        ("numeric", "向日葵产值", ">", 100, "亿元", None),
        ("numeric", "杂粮产值", ">", 100, "亿元", None),
        ("relational", "农村居民人均可支配收入增速", ">", "城镇居民", None),
        ("numeric", "城镇新增就业", ">=", 30, "万人", None),
        ("numeric", "新建改扩建公办幼儿园", "=", 500, "所", None),
        ("numeric", "每千人口拥有3岁以下婴幼儿托位数", ">=", 4.5, "个", None),
        ("numeric", "人均预期寿命", ">=", 79, "岁", None),
        ("numeric", "基本养老保险参保率", ">=", 95, "%", None),
        ("milestone", "实施方案", 2030),
        ("milestone", "完成各项任务分解", 2025),
        ("milestone", "完成中期评估", 2026),
    ]
    assert [p.name for p in doc.places] == ["包头市", "鄂尔多斯市", "兰州市"]
    assert [i.tags for i in doc.items if i.tags][:1] == [("两山", "绿色长城")]


def test_a_city_government_work_report():
    doc = extract(FIXTURES / "work-report-b.txt")
    assert (doc.title, doc.year) == ("政府工作报告", 2026)
    assert [s.title for s in doc.sections if s.level == 1] == [
        "2025年工作回顾",
        "2026年经济社会发展的总体要求和主要预期目标",
        "2026年重点工作",
        "“十五五”时期发展目标",
        "全面加强政府自身建设",
    ]
    assert doc.items[0].text.startswith("现在，我代表市人民政府")  # speaker and salutation dropped
    assert [brief(t) for t in doc.targets] == [
        ("numeric", "地区生产总值增长", "≈", 6, "%", 2026),
        ("numeric", "一般公共预算收入增长", "=", 5, "%", 2026),
        ("numeric", "城镇新增就业", ">=", 4, "万人", 2026),
        ("numeric", "城镇调查失业率", "<=", 5.5, "%", 2026),
        ("numeric", "居民消费价格涨幅", "≈", 3, "%", 2026),
        ("relational", "居民人均可支配收入增长", "≈", "经济增长", 2026),
        ("numeric", "粮食产量", ">=", 55, "亿斤", 2026),
        ("numeric", "一产增加值增长", "≈", 4, "%", 2026),
        ("numeric", "二产增加值增长", "≈", 7, "%", 2026),
        ("numeric", "三产增加值增长", "≈", 6, "%", 2026),
        ("numeric", "实施市级重点项目", ">=", 350, "个", 2026),
        ("numeric", "完成固定资产投资", "=", 1200, "亿元", 2026),
        ("numeric", "社会消费品零售总额增长", "=", 6.5, "%", 2026),
        ("numeric", "实际使用外资", ">", 3, "亿美元", 2026),
        ("numeric", "培育千亿级产业集群", "=", 2, "个", 2026),
        ("numeric", "新增规模以上工业企业", "=", 100, "户", 2026),
        ("numeric", "数字经济核心产业增加值占地区生产总值比重提高", "=", 1.5, "个百分点", 2026),
        ("numeric", "新能源装机规模", ">=", 500, "万千瓦", 2027),
        ("numeric", "新建保障性住房", "=", 3000, "套", 2026),
        ("numeric", "改造城镇老旧小区", "=", 120, "个", 2026),
        ("numeric", "建成区域医疗中心", "=", 1, "个", 2026),
        ("numeric", "常住人口城镇化率", ">=", 75, "%", 2030),
        ("numeric", "森林覆盖率", ">=", 35, "%", 2030),
        ("numeric", "城乡居民收入比", "<=", 2.1, None, 2030),
    ]


def test_a_notice_with_unnumbered_top_headings():
    doc = extract(FIXTURES / "opinion-c.txt")
    assert doc.title == "示范市人民政府关于推进县域商业体系建设的实施意见"
    assert [(s.id, s.level, s.number, s.title) for s in doc.sections] == [
        ("1", 1, None, "总体目标"),
        ("2", 1, None, "重点任务"),
        ("2.1", 2, "一", "完善县域商业网络"),
        ("2.1.1", 3, "1", "改造提升县城商业设施"),
        ("2.1.2", 3, "2", "建设乡镇商贸中心"),
        ("2.2", 2, "二", "健全农村物流配送体系"),
        ("2.2.1", 3, "1", "发展共同配送"),
        ("2.2.2", 3, "2", "加强冷链设施建设"),
        ("3", 1, None, "保障措施"),
    ]
    assert doc.items[0].text.startswith("为加快补齐")  # the addressees are not an item
    assert [brief(t) for t in doc.targets] == [
        ("numeric", "建成县级物流配送中心", ">=", 8, "个", 2026),
        ("numeric", "乡镇商贸中心覆盖率", ">=", 90, "%", 2026),
        ("numeric", "快递服务进村覆盖率", ">", 95, "%", 2026),
        ("numeric", "农村网络零售额年均增长", "≈", 10, "%", 2026),
        ("numeric", "改造乡镇商贸中心", "=", 20, "个", 2026),
        ("milestone", "实现乡镇商贸中心全覆盖", 2025),
        ("numeric", "农村物流配送时效", "<=", 48, "小时", None),
        ("numeric", "新建产地冷藏保鲜设施", "=", 300, "个", None),
        ("numeric", "新增冷库库容", "=", 5, "万吨", None),
    ]
    assert [p.name for p in doc.places] == ["达拉特旗", "准格尔旗"]


@pytest.mark.parametrize(
    "name", ["decision-a.txt", "work-report-b.txt", "opinion-c.txt", "work-report-d.txt", "decision-e.txt"]
)
def test_every_target_text_is_a_piece_of_its_item(name):
    doc = extract(FIXTURES / name)
    items = {i.id: i.text for i in doc.items}
    for t in doc.targets:
        assert t.text, t
        assert t.text in items[t.item], t


def test_a_provincial_government_work_report():
    doc = extract(FIXTURES / "work-report-d.txt")
    assert (doc.title, doc.year) == ("政府工作报告", 2025)
    assert [(s.id, s.title) for s in doc.sections if s.level == 1] == [
        ("1", "2024年工作回顾"),
        ("2", "2025年工作总体要求和主要目标"),
        ("3", "2025年重点工作"),
        ("4", "加强政府自身建设"),
    ]
    assert not [t for t in doc.targets if t.item.startswith("1.")]  # the review reports results
    assert [brief(t) for t in doc.targets] == [
        ("numeric", "地区生产总值增长", "≈", 5.5, "%", 2025),
        ("numeric", "一般公共预算收入增长", "=", 5, "%", 2025),
        ("numeric", "规模以上工业增加值增长", "=", 7, "%", 2025),
        ("numeric", "固定资产投资增长", ">=", 8, "%", 2025),
        ("numeric", "社会消费品零售总额增长", "≈", 5, "%", 2025),
        ("numeric", "城镇新增就业", ">=", 18, "万人", 2025),
        ("numeric", "城镇调查失业率", "≈", 5.5, "%", 2025),
        ("numeric", "居民消费价格涨幅", "≈", 2, "%", 2025),
        ("numeric", "城镇居民人均可支配收入增长", "=", 5, "%", 2025),
        ("numeric", "农村居民人均可支配收入增长", "=", 7, "%", 2025),
        ("numeric", "粮食产量", ">=", 800, "亿斤", 2025),
        ("numeric", "实施自治区重点项目", ">=", 3000, "个", 2025),
        ("numeric", "完成投资", "=", 6000, "亿元", 2025),
        ("numeric", "完成防沙治沙和生态修复任务", "=", 1600, "万亩", 2025),
        ("numeric", "新能源装机规模", ">=", 1.3, "亿千瓦", 2025),
        ("numeric", "新型储能装机", ">=", 1000, "万千瓦", 2025),
        ("numeric", "培育国家级专精特新“小巨人”企业", "=", 30, "家", 2025),
        ("numeric", "高新技术企业数量", ">", 2500, "家", 2025),
        ("numeric", "数字经济核心产业增加值占地区生产总值比重", ">=", 8, "%", 2027),
        ("numeric", "新建高标准农田", "=", 800, "万亩", 2025),
        ("numeric", "改造提升农村公路", "=", 3000, "公里", 2025),
        ("numeric", "农作物耕种收综合机械化率", ">=", 88, "%", 2025),
        ("relational", "农牧民人均可支配收入增速", ">", "城镇居民", 2025),
        ("numeric", "地级城市空气质量优良天数比例", ">=", 90, "%", 2025),
        ("numeric", "PM2.5平均浓度", "<=", 25, "微克/立方米", 2025),
        ("numeric", "地表水国控断面水质优良比例", ">=", 75, "%", 2025),
        ("milestone", "实现碳达峰", 2030),
        ("numeric", "新建保障性租赁住房", "=", 1.5, "万套", 2025),
        ("numeric", "新增养老服务床位", "=", 5000, "张", 2025),
        ("numeric", "开展职业技能培训", "=", 20, "万人次", 2025),
        ("milestone", "实现县域医共体全覆盖", 2025),
        ("numeric", "一般性支出压减", ">=", 10, "%", 2025),  # a yearly report dates what it leaves undated
    ]


def test_a_decision_that_starts_mid_document_with_figures_that_are_not_targets():
    doc = extract(FIXTURES / "decision-e.txt")
    assert doc.title == "中共示范省委关于深入学习贯彻党的二十届三中全会精神进一步全面深化改革的决定"
    assert outline(doc)[:3] == [
        (1, None, "二", None),
        (2, "二", "四", "健全推动经济高质量发展体制机制"),
        (2, "二", "五", "构建支持全面创新体制机制"),
    ]
    assert doc.sections[0].inferred
    assert [brief(t) for t in doc.targets] == [
        ("numeric", "战略性新兴产业增加值占地区生产总值比重", ">=", 20, "%", 2029),
        ("numeric", "规上工业企业研发机构覆盖率", ">=", 50, "%", 2029),
        ("numeric", "全社会研发经费投入强度", ">=", 2, "%", 2029),
        ("numeric", "每万人口高价值发明专利拥有量", ">=", 3, "件", 2029),
        ("numeric", "技术合同成交额", ">", 600, "亿元", 2029),
        ("relational", "城乡居民人均可支配收入增长", "=", "经济增长", None),
        ("relational", "农村居民收入增速", ">", "城镇居民", None),
        ("numeric", "城镇新增就业", ">=", 30, "万人", None),
        ("numeric", "城镇调查失业率", "<=", 5.5, "%", None),
        ("numeric", "县（市、区）通过国家义务教育优质均衡发展督导评估", ">=", 85, "%", 2027),
        ("numeric", "学前三年毛入园率", ">=", 92, "%", 2027),
        ("numeric", "每千人口执业（助理）医师数", ">=", 3.6, "人", 2028),
        ("numeric", "县域内就诊率", "≈", 90, "%", 2028),
        ("milestone", "基本实现大病不出县", 2028),
    ]
    # 党的十八大以来…1200余项 is a record, 1.6万个村党组织 a description: neither is a target
    assert not [t for t in doc.targets if t.value in (1200, 1.6)]
    assert [p.name for p in doc.places] == ["兰州市", "天水市", "酒泉市"]
