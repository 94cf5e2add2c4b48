"""应知应会要点: the decision's parts, dated goals, targets with their years, programmes and
formulations, each with the sentence and section it comes from. No database."""

from __future__ import annotations

from luoshi.document import Document
from luoshi.study.bank import digest, short_name

from .helpers import decision


def test_the_parts_are_the_level_one_headings_with_their_numbers() -> None:
    d = digest(decision())
    assert [p.text for p in d.parts] == [
        "一、坚决完成示范市的三大任务",
        "二、筑牢北方重要生态屏障",
        "三、建设区域清洁能源基地",
        "四、加强组织领导",
    ]


def test_goals_and_targets_come_with_their_years_soonest_first() -> None:
    d = digest(decision())
    assert [(p.name, p.year) for p in d.goals] == [("基本消除重污染天气", 2027)]
    assert [(p.name, p.year) for p in d.targets][:3] == [
        ("新能源装机规模", 2030),
        ("森林覆盖率", 2035),
        ("草原植被盖度", 2035),
    ]
    forest = next(p for p in d.targets if p.name == "森林覆盖率")
    assert forest.text == "到2035年全市森林覆盖率达到30%。"
    assert forest.section_label == "二、（一）加强森林草原保护"


def test_programmes_and_formulations_are_told_apart() -> None:
    d = digest(decision())
    assert [p.name for p in d.programmes] == ["绿色家园", "风光倍增", "零碳园区", "书香示范"]
    assert {"两山", "两个确立", "两个维护", "三大任务"} <= {p.name for p in d.formulations}


def test_a_document_without_anything_to_know_gives_an_empty_digest() -> None:
    d = digest(Document(title=None, year=None))
    assert d.empty
    assert d.short_name == "文件"


def test_the_document_is_named_by_its_genre() -> None:
    assert short_name("示例：某自治区党委关于推动高质量发展若干重点任务的决定（样例文本）") == "《决定》"
    assert short_name("2026年某省政府工作报告") == "《政府工作报告》"
    assert short_name("关于某事项的实施方案") == "《实施方案》"
    assert short_name("") == "文件"
