"""The bank goes out in the office's layout (Word), as a sheet (Excel) and as a quiz to print; only the
questions in use, through the one sanitiser: an office's wording like "=1+1" stays text."""

from __future__ import annotations

import io
from typing import Any

import pytest

from luoshi.ledger.importing import import_decision
from luoshi.study.generating import generate
from luoshi.study.models import Question

from .helpers import DECISION

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(office: Any) -> Any:
    d, _plan = import_decision(DECISION, by=office)
    generate(d, by=office)
    return d


def test_word_has_the_digest_the_questions_and_the_answers(as_user: Any, office: Any, bank: Any) -> None:
    from docx import Document

    response = as_user(office).get(f"/study/decisions/{bank.pk}/guide.docx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert ".docx" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    for heading in ("一、应知应会要点", "二、测试题", "三、参考答案", "（一）填空题", "重点工程和行动"):
        assert heading in text
    q = Question.objects.get(decision=bank, key="fill:value:森林覆盖率@2035")
    assert q.stem in text


def test_excel_lists_every_question_in_use_with_its_source(as_user: Any, office: Any, bank: Any) -> None:
    from openpyxl import load_workbook

    q = Question.objects.filter(decision=bank).first()
    assert q is not None
    q.reject(reason="", by=office)
    used = Question.objects.filter(decision=bank, state="active").count()
    response = as_user(office).get(f"/study/decisions/{bank.pk}/guide.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["试题"].iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "题型", "考点", "题干")
    assert len(rows) - 1 == used
    assert q.stem not in [r[3] for r in rows]
    assert all(r[9] for r in rows[1:])  # every question has its sentence
    assert book["应知应会要点"].max_row > 5


def test_an_office_wording_like_a_formula_stays_text(as_user: Any, office: Any, bank: Any) -> None:
    from openpyxl import load_workbook

    q = Question.objects.filter(decision=bank, kind="fill").first()
    assert q is not None
    q.edit(stem='=HYPERLINK("x")\x01' + q.stem, options=[], answer=q.answer, by=office)
    response = as_user(office).get(f"/study/decisions/{bank.pk}/guide.xlsx")
    ws = load_workbook(io.BytesIO(response.content))["试题"]
    cell = next(c for c in ws["D"] if isinstance(c.value, str) and c.value.startswith("=HYPERLINK"))
    assert cell.data_type == "s"
    assert "\x01" not in cell.value
    assert as_user(office).get(f"/study/decisions/{bank.pk}/guide.docx").status_code == 200


def test_the_printed_quiz_has_blanks_for_names_and_the_answers_only_on_request(
    as_user: Any, reporter_a: Any, bank: Any
) -> None:
    client = as_user(reporter_a)
    quiz = client.get(f"/study/decisions/{bank.pk}/quiz/").content.decode()
    assert "姓名" in quiz
    assert "填空题" in quiz
    assert "单项选择题" in quiz
    assert "判断题" in quiz
    assert "答案：" not in quiz
    key = client.get(f"/study/decisions/{bank.pk}/quiz/?answers=1").content.decode()
    assert "答案：" in key
    assert "出处：" in key


def test_no_bank_yet_is_a_not_found(as_user: Any, office: Any) -> None:
    from luoshi.ledger.tests.factory import make_decision

    d = make_decision()
    assert as_user(office).get(f"/study/decisions/{d.pk}/guide.docx").status_code == 404
