"""The office generates a decision's 应知应会 on its page, rejects a question, words another its own
way, restores a rejected one; the others read the questions in use and cannot change them."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.ledger.importing import import_decision
from luoshi.ledger.models import AuditEntry
from luoshi.study.models import Question, QuestionState

from .helpers import DECISION

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(office: Any) -> Any:
    d, _plan = import_decision(DECISION, by=office)
    return d


def _generate(client: Any, decision: Any) -> Any:
    return client.post(f"/study/decisions/{decision.pk}/guide/generate/", follow=True)


def test_the_office_generates_the_bank_and_reads_it_with_its_source(
    as_user: Any, office: Any, decision: Any
) -> None:
    client = as_user(office)
    page = _generate(client, decision).content.decode()
    assert "已生成应知应会" in page
    assert "森林覆盖率" in page
    assert "原文" in page
    assert "二、（一）加强森林草原保护" in page
    assert "绿色家园" in page  # a named programme in the digest
    assert Question.objects.filter(decision=decision).count() > 20


def test_rejecting_a_question_keeps_it_out_of_the_quiz_and_on_the_trail(
    as_user: Any, office: Any, decision: Any
) -> None:
    client = as_user(office)
    _generate(client, decision)
    q = Question.objects.get(decision=decision, key="fill:value:森林覆盖率@2035")
    page = client.post(f"/study/questions/{q.pk}/reject/", {"reason": "与第3题重复"}, follow=True)
    assert "已剔除试题" in page.content.decode()
    q.refresh_from_db()
    assert q.state == QuestionState.REJECTED
    assert q.state_note == "与第3题重复"
    quiz = client.get(f"/study/decisions/{decision.pk}/quiz/").content.decode()
    assert q.shown_stem not in quiz
    assert AuditEntry.objects.filter(model="study.question", object_id=str(q.pk), action="reject").exists()
    client.post(f"/study/questions/{q.pk}/restore/")
    q.refresh_from_db()
    assert q.state == QuestionState.ACTIVE
    assert q.shown_stem in client.get(f"/study/decisions/{decision.pk}/quiz/").content.decode()


def test_the_office_words_a_question_its_own_way_and_regenerating_keeps_it(
    as_user: Any, office: Any, decision: Any
) -> None:
    client = as_user(office)
    _generate(client, decision)
    q = Question.objects.filter(decision=decision, kind="choice").first()
    assert q is not None
    options = q.shown_options
    response = client.post(
        f"/study/questions/{q.pk}/edit/",
        {
            "version": q.version,
            "stem": "请选择：" + q.stem,
            "a": options[0],
            "b": options[1],
            "c": options[2],
            "d": options[3],
            "answer": q.answer,
            "note": "",
        },
    )
    assert response.status_code == 302
    q.refresh_from_db()
    assert q.shown_stem.startswith("请选择：")
    assert q.edited
    _generate(client, decision)
    q.refresh_from_db()
    assert q.shown_stem.startswith("请选择：")


def test_a_choice_edited_into_nonsense_is_refused_with_a_message(
    as_user: Any, office: Any, decision: Any
) -> None:
    client = as_user(office)
    _generate(client, decision)
    q = Question.objects.filter(decision=decision, kind="choice").first()
    assert q is not None
    page = client.post(
        f"/study/questions/{q.pk}/edit/",
        {"version": q.version, "stem": q.stem, "a": "1", "b": "1", "c": "2", "d": "3", "answer": "A"},
    ).content.decode()
    assert "选项不能相同" in page
    q.refresh_from_db()
    assert not q.edited


def test_a_fill_in_without_a_blank_is_refused(as_user: Any, office: Any, decision: Any) -> None:
    client = as_user(office)
    _generate(client, decision)
    q = Question.objects.filter(decision=decision, kind="fill").first()
    assert q is not None
    page = client.post(
        f"/study/questions/{q.pk}/edit/", {"version": q.version, "stem": "没有空格的题干", "answer": "30"}
    ).content.decode()
    assert "须含有空格" in page


def test_a_reporter_reads_the_questions_in_use_and_cannot_change_them(
    as_user: Any, office: Any, reporter_a: Any, decision: Any
) -> None:
    _generate(as_user(office), decision)
    q = Question.objects.filter(decision=decision).first()
    assert q is not None
    q.reject(reason="", by=office)
    client = as_user(reporter_a)
    data = client.get(f"/study/decisions/{decision.pk}/guide/?format=json").json()
    assert q.pk not in [x["id"] for x in data["questions"]]
    assert client.post(f"/study/questions/{q.pk}/restore/").status_code == 403
    assert client.post(f"/study/decisions/{decision.pk}/guide/generate/").status_code == 403
    page = client.get(f"/study/decisions/{decision.pk}/guide/").content.decode()
    assert "剔除" not in page


def test_generating_for_a_decision_without_an_imported_text_says_so(as_user: Any, office: Any) -> None:
    from luoshi.ledger.tests.factory import make_decision

    d = make_decision()
    page = as_user(office).post(f"/study/decisions/{d.pk}/guide/generate/", follow=True).content.decode()
    assert "没有已导入的文本" in page
