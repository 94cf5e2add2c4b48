"""Items: one per task sentence, with a kind and the programmes named in quotation marks."""

from __future__ import annotations

from luoshi.document import extract
from luoshi.document._items import sentences


def test_sentences_split_at_full_stops_but_not_inside_quotation_marks():
    text = "切实做到“我开的会我贯彻。我作的批示我落实。”各级领导干部要带头转作风。"
    assert sentences(text) == ["切实做到“我开的会我贯彻。我作的批示我落实。”", "各级领导干部要带头转作风。"]


def test_a_closing_quote_stays_with_its_sentence():
    assert sentences("要做到“应容必容”。坚决惩戒“躺平式”干部。") == [
        "要做到“应容必容”。",
        "坚决惩戒“躺平式”干部。",
    ]


def test_a_sentence_starting_with_jianchi_is_a_principle():
    assert extract("坚持以人民为中心的发展思想。").items[0].kind == "principle"


def test_a_sentence_with_a_target_is_a_target():
    assert extract("到2030年森林覆盖率达到30%。").items[0].kind == "target"


def test_a_named_programme_makes_a_programme_item():
    assert extract("深入实施“科技兴区”行动，加快建设创新平台。").items[0].kind == "programme"
    assert extract("组织实施乡村建设行动。").items[0].kind == "programme"


def test_any_other_sentence_is_a_measure():
    assert extract("深化公安改革。").items[0].kind == "measure"


def test_programmes_and_slogans_in_quotation_marks_become_tags():
    item = extract("推进“双一流”建设，深化“一心多点”人才工作格局，实施“科技兴蒙”行动。").items[0]
    assert item.tags == ("双一流", "一心多点", "科技兴蒙")


def test_a_long_quotation_is_not_a_tag():
    item = extract("切实做到“我开的会我贯彻、我作的批示我落实，我制定的政策我兑现”。").items[0]
    assert item.tags == ()


def test_a_salutation_is_not_an_item():
    doc = extract("一、结语\n各位代表！新征程上，我们要奋力谱写新篇章！\n")
    assert [i.text for i in doc.items] == ["新征程上，我们要奋力谱写新篇章！"]
