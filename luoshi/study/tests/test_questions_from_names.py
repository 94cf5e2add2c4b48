"""Questions on what a decision names: its programmes and formulations in quotation marks, a numbered
formulation's members, a numbered formulation a heading names without quotation marks. No database."""

from __future__ import annotations

from luoshi.document import Document, Item, Section
from luoshi.study.bank import BLANK, CHOICE_BLANK, LETTERS, digest, questions

from .helpers import decision


def by_key() -> dict[str, object]:
    return {q.key: q for q in questions(decision())}


def test_a_quoted_programme_is_blanked_in_its_clause() -> None:
    q = {q.key: q for q in questions(decision())}["fill:programme:风光倍增"]
    assert q.stem == f"《决定》提出，实施“{BLANK}”工程。"
    assert q.answer == "风光倍增"


def test_a_programme_choice_offers_the_documents_other_programmes() -> None:
    q = {q.key: q for q in questions(decision())}["choice:programme:风光倍增"]
    assert q.stem == f"《决定》提出，实施“{CHOICE_BLANK}”工程。"
    assert q.options[LETTERS.index(q.answer)] == "风光倍增"
    assert set(q.options) == {"风光倍增", "绿色家园", "零碳园区", "书香示范"}


def test_a_quoted_formulation_is_asked_in_its_clause() -> None:
    q = {q.key: q for q in questions(decision())}["fill:formulation:两个维护"]
    assert q.stem == f"《决定》提出，坚决做到“{BLANK}”。"
    assert q.topic == "formulation"


def test_a_numbered_formulation_listed_in_the_text_gets_one_member_blanked() -> None:
    qs = [q for q in questions(decision()) if q.key.startswith("fill:formulation:三大任务/")]
    assert len(qs) == 1
    q = qs[0]
    assert q.answer in {"北方重要生态屏障", "区域清洁能源基地", "向北开放合作高地"}
    assert q.stem.count(BLANK) == 1
    assert q.answer not in q.stem
    assert q.note == "三大任务：北方重要生态屏障、区域清洁能源基地、向北开放合作高地。"


def test_an_unquoted_numbered_formulation_a_heading_names_is_in_the_digest_with_its_members() -> None:
    d = digest(decision())
    found = {p.name: p for p in d.formulations}
    assert found["三大任务"].members == ("北方重要生态屏障", "区域清洁能源基地", "向北开放合作高地")
    assert d.formulations[0].name == "三大任务"  # named in a heading: first


def test_a_phrase_of_one_character_or_only_digits_is_no_question() -> None:
    doc = Document(
        title="关于测试的决定",
        year=2026,
        sections=[Section("1", 1, "一", "测试", None)],
        items=[
            Item(
                "1.1",
                "1",
                "办好“好”的事情，落实“1650”工程，推进“两新”工作。",
                "measure",
                ("好", "1650", "两新"),
            )
        ],
    )
    names = {q.answer for q in questions(doc) if q.kind == "fill"}
    assert names == {"两新"}


def test_two_phrases_joined_by_a_pause_mark_are_not_taken_for_a_formulations_members() -> None:
    text = "要深刻领悟“两个确立”的决定性意义，为建设现代化国家、推进民族复兴作出贡献。"
    doc = Document(
        title="关于测试的决定",
        year=2026,
        sections=[Section("1", 1, "一", "测试", None)],
        items=[Item("1.1", "1", text, "measure", ("两个确立",))],
    )
    assert [p.members for p in digest(doc).formulations] == [()]
