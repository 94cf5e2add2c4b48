"""The same text always gives the same bank, every question can be answered from its own sentence,
and no text makes the generator fail (property tests). No database."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.document import extract
from luoshi.study.bank import BLANK, CHOICE_BLANK, LETTERS, bank, questions

from .helpers import decision, decision_text

FRAGMENTS = [
    "一、总体要求\n\n",
    "二、重点任务\n\n",
    "（一）加强生态建设。",
    "到2035年",
    "2030年",
    "今年",
    "全区森林覆盖率达到25%",
    "草原植被盖度稳定在45%以上",
    "粮食产量超过850亿斤",
    "玉米、奶业2个产值超千亿元",
    "实施“科技兴蒙”行动",
    "坚决做到“两个维护”",
    "把全区建设成为甲地、乙地、丙地，是三大任务",
    "地区生产总值增长5%—6%",
    "“好”",
    "“1+N”政策体系",
    "，",
    "。",
    "、",
    "\n\n",
]


def test_the_same_text_gives_the_same_bank() -> None:
    first = [q.to_dict() for q in questions(decision())]
    again = [q.to_dict() for q in questions(extract(decision_text()))]
    assert first == again


def test_keys_are_unique() -> None:
    keys = [q.key for q in questions(decision())]
    assert len(keys) == len(set(keys))


def _answerable(doc_text: str) -> None:
    digest, qs = bank(extract(doc_text))
    assert digest.to_dict()["title"] == (digest.title or "")
    keys = set()
    for q in qs:
        assert q.key not in keys
        keys.add(q.key)
        assert q.stem.endswith("。")
        if q.kind == "fill":
            assert q.stem.count(BLANK) == 1
            assert q.answer
            assert q.answer in q.note or q.answer in q.sentence
        elif q.kind == "choice":
            assert len(q.options) == 4
            assert len(set(q.options)) == 4
            assert q.answer in LETTERS
            assert CHOICE_BLANK in q.stem
        else:
            assert q.answer in {"T", "F"}
            assert BLANK not in q.stem


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_any_text_gives_questions_that_can_be_answered(parts: list[str]) -> None:
    text = "关于测试的决定\n\n" + "".join(parts)
    try:
        _answerable(text)
    except Exception as e:  # a text luoshi.document refuses is no failure of the bank
        from luoshi.document import DocumentError

        if not isinstance(e, DocumentError):
            raise


@pytest.mark.corpus
def test_the_inner_mongolia_decision_gives_a_bank_a_clerk_can_check(corpus_decision: str) -> None:
    digest, qs = bank(extract(corpus_decision))
    assert 60 <= len(qs) <= 200
    keyed = {q.key: q for q in qs}
    forest = keyed["fill:value:森林覆盖率@2035"]
    assert forest.answer == "25"
    assert forest.stem.startswith("《决定》提出，到2035年，森林覆盖率达到")
    five = next(p for p in digest.formulations if p.name == "五大任务")
    assert len(five.members) == 5
    assert {"两个维护", "两个确立", "三个务必"} <= {p.name for p in digest.formulations}
    assert {"科技兴蒙", "书香内蒙古"} <= {p.name for p in digest.programmes}
    _answerable(corpus_decision)
