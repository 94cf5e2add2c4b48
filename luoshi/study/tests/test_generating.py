"""The office generates a decision's 应知应会 from its latest text; generating again keeps what the
office did: rejections, its own wording (marked for checking when the text changed it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.ledger.importing import import_decision
from luoshi.ledger.models import AuditEntry
from luoshi.ledger.tests.factory import make_decision
from luoshi.study.generating import generate
from luoshi.study.models import Guide, Question, QuestionState

from .helpers import DECISION, decision_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(office: Any) -> Any:
    d, _plan = import_decision(DECISION, by=office)
    return d


def test_generating_stores_the_digest_and_every_question(decision: Any, office: Any) -> None:
    result = generate(decision, by=office)
    guide = Guide.objects.get(decision=decision)
    assert guide.data["short_name"] == "《决定》"
    assert [p["name"] for p in guide.data["programmes"]] == ["绿色家园", "风光倍增", "零碳园区", "书香示范"]
    assert guide.revision == 1
    assert guide.generated_by == office
    assert result.created == guide.questions == Question.objects.filter(decision=decision).count() > 20
    q = Question.objects.get(decision=decision, key="fill:value:森林覆盖率@2035")
    assert q.answer == "30"
    assert q.section_label == "二、（一）加强森林草原保护"
    assert AuditEntry.objects.filter(model="study.guide", action="generate").count() == 1


def test_generating_again_changes_nothing_the_text_did_not_change(decision: Any, office: Any) -> None:
    generate(decision, by=office)
    entries = AuditEntry.objects.count()
    again = generate(decision, by=office)
    assert again.created == again.updated == again.obsolete == 0
    assert again.unchanged == Question.objects.count()
    assert AuditEntry.objects.count() == entries + 1  # the guide's own entry only


def test_a_rejection_and_the_offices_wording_survive_a_revised_text(decision: Any, office: Any) -> None:
    generate(decision, by=office)
    gone = Question.objects.get(decision=decision, key="fill:programme:零碳园区")
    gone.reject(reason="与本地工作关系不大", by=office)
    forest = Question.objects.get(decision=decision, key="fill:value:森林覆盖率@2035")
    forest.edit(
        stem="《决定》明确，到2035年全市森林覆盖率要达到______%。", options=[], answer="30", by=office
    )
    kept = Question.objects.get(decision=decision, key="fill:programme:绿色家园")
    revised = (
        decision_text().replace("森林覆盖率达到30%", "森林覆盖率达到32%").replace("“零碳园区”", "“低碳园区”")
    )
    import_decision(revised.encode(), name="决定（修订稿）.txt", by=office, decision=decision)
    result = generate(decision, by=office)
    forest.refresh_from_db()
    assert forest.answer == "32"
    assert forest.shown_stem == "《决定》明确，到2035年全市森林覆盖率要达到______%。"  # the office's words
    assert forest.text_changed  # … to be checked against the new figure
    assert result.to_check == 1
    gone.refresh_from_db()
    assert gone.state == QuestionState.REJECTED  # not generated any more, still rejected
    assert (
        Question.objects.get(decision=decision, key="fill:programme:低碳园区").state == QuestionState.ACTIVE
    )
    kept.refresh_from_db()
    assert kept.state == QuestionState.ACTIVE
    assert result.obsolete >= 1  # e.g. the choice on 零碳园区
    assert (
        Question.objects.get(decision=decision, key="choice:programme:零碳园区").state
        == QuestionState.OBSOLETE
    )
    assert Guide.objects.get(decision=decision).revision == 2


def test_only_the_office_generates(decision: Any, reporter_a: Any, leader: Any) -> None:
    for user in (reporter_a, leader):
        with pytest.raises(PermissionDenied):
            generate(decision, by=user)
    assert not Question.objects.exists()


def test_a_decision_without_an_imported_text_cannot_be_generated(office: Any) -> None:
    with pytest.raises(ValidationError) as e:
        generate(make_decision(), by=office)
    assert "没有已导入的文本" in " ".join(e.value.messages)
