"""Questions on a decision's targets: the figure blanked where the clause writes it, the year where the
sentence names it, the indicator; wrong options drawn from the same document. No database."""

from __future__ import annotations

from luoshi.document import Document, Item, Section, Target, extract
from luoshi.study.bank import BLANK, CHOICE_BLANK, LETTERS, Question, questions

from .helpers import decision


def by_key(qs: list[Question]) -> dict[str, Question]:
    return {q.key: q for q in qs}


def chosen(q: Question) -> str:
    return q.options[LETTERS.index(q.answer)]


def test_a_fill_in_blanks_the_figure_and_keeps_its_unit() -> None:
    q = by_key(questions(decision()))["fill:value:森林覆盖率@2035"]
    assert q.stem == f"《决定》提出，到2035年全市森林覆盖率达到{BLANK}%。"
    assert q.answer == "30"
    assert q.section_label == "二、（一）加强森林草原保护"
    assert "绿色家园" in q.sentence  # the whole sentence it comes from
    assert q.note == "原文：到2035年全市森林覆盖率达到30%。"


def test_the_year_is_put_before_a_clause_only_where_the_sentence_names_it() -> None:
    qs = by_key(questions(decision()))
    # 草原植被盖度稳定在50%以上 follows 到2035年… in the same sentence
    assert qs["fill:value:草原植被盖度@2035"].stem.startswith("《决定》提出，到2035年，草原植被盖度")
    # 单位地区生产总值能耗年均下降3% names no year: none is said, and no year is asked
    energy = [q for q in qs.values() if "能耗" in q.key]
    assert energy
    assert all("年，" not in q.stem for q in energy)
    assert not [q for q in energy if q.topic == "year"]


def test_choice_options_are_the_documents_own_figures_in_the_same_unit_first() -> None:
    q = by_key(questions(decision()))["choice:value:森林覆盖率@2035"]
    assert q.stem == f"《决定》提出，到2035年全市森林覆盖率达到{CHOICE_BLANK}。"
    assert chosen(q) == "30%"
    assert "50%" in q.options  # 草原植被盖度's figure, from the same document
    assert "3%" not in q.options  # the document's 3% is too far from 30% to be plausible
    assert all(o.endswith("%") for o in q.options)
    assert len(set(q.options)) == 4


def test_figures_are_derived_from_the_answer_only_where_the_document_has_too_few() -> None:
    q = by_key(questions(decision()))["choice:value:新能源装机规模@2030"]
    assert chosen(q) == "2000万千瓦"
    assert sorted(q.options) == sorted(["1200万千瓦", "1600万千瓦", "2000万千瓦", "2400万千瓦"])


def test_a_year_question_offers_the_other_years_the_document_names() -> None:
    q = by_key(questions(decision()))["choice:year:基本消除重污染天气@2027"]
    assert q.stem == f"《决定》提出，到{CHOICE_BLANK}年基本消除重污染天气。"
    assert chosen(q) == "2027"
    assert {"2030", "2035"} <= set(q.options)  # the document's other years


def test_true_false_says_the_clause_as_written_or_with_a_wrong_figure() -> None:
    for q in questions(decision()):
        if q.kind != "judge":
            continue
        assert q.answer in {"T", "F"}
        said = q.stem.removeprefix("《决定》提出，")
        original = q.note.removeprefix("原文：")
        assert (said == original) == (q.answer == "T"), q


def test_a_figure_written_as_a_magnitude_word_gives_a_choice_but_no_fill_in() -> None:
    qs = [q for q in questions(decision()) if "煤化工" in q.key]
    assert [q.kind for q in qs] == ["choice"]
    assert chosen(qs[0]) == "1000亿元"
    assert qs[0].stem == f"《决定》提出，做强煤化工、风电装备2个产值超{CHOICE_BLANK}。"


def _doc(targets: list[Target], text: str) -> Document:
    return Document(
        title="关于测试的决定",
        year=2026,
        sections=[Section("1", 1, "一", "测试", None)],
        items=[Item("1.1", "1", text, "target")],
        targets=targets,
    )


def test_a_doubtful_target_or_a_range_gives_no_figure_question() -> None:
    text = "到2030年死亡率控制在0.6人/百亿元以下，年均增速4.5%—5%。"
    doc = _doc(
        [
            Target(
                "T1",
                "1.1",
                "numeric",
                "死亡率控制在0.6人/",
                None,
                "<=",
                100.0,
                "亿元",
                2030,
                None,
                "到2030年死亡率控制在0.6人/百亿元以下",
            ),
            Target(
                "T2",
                "1.1",
                "numeric",
                "年均增速",
                None,
                ">=",
                4.5,
                "%",
                2030,
                None,
                "年均增速4.5%—5%",
                value_max=5.0,
            ),
        ],
        text,
    )
    assert [q for q in questions(doc) if q.topic in ("value", "indicator")] == []


def test_which_indicator_never_offers_one_with_the_same_figure() -> None:
    text = "今年地区生产总值增长6%左右，就业增长6%，投资增长8%，消费增长5%，出口增长4%，进口增长3%。"
    doc = extract(f"关于测试的决定\n\n一、主要目标\n\n{text}", year=2026)
    q = by_key(questions(doc)).get("choice:indicator:地区生产总值增长@2026")
    assert q is not None
    assert chosen(q) == "地区生产总值增长"
    assert "就业增长" not in q.options  # also 6%: it would be a second right answer


def test_every_choice_has_four_different_options_and_one_right_answer() -> None:
    for q in questions(decision()):
        if q.kind == "choice":
            assert len(q.options) == 4, q
            assert len(set(q.options)) == 4, q
            assert q.answer in LETTERS
            assert CHOICE_BLANK in q.stem
        elif q.kind == "fill":
            assert q.stem.count(BLANK) == 1, q
            assert q.answer, q
