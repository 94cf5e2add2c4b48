"""Search finds tasks and reports in Chinese, best first, with the words marked, and never shows a
record the user may not read (a unit never finds another unit's drafts)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from luoshi.ledger.models import Task
from luoshi.ledger.tests.factory import make_decision, make_report, make_task
from luoshi.progress.models import ReportState
from luoshi.search import search
from luoshi.search.models import SearchEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(unit_a: Any, unit_b: Any) -> Any:
    d = make_decision()
    tasks = {
        "grain": make_task(
            decision=d,
            key="3.1",
            text="稳定粮食播种面积，提高粮食单产，粮食生产能力稳步提升。",
            lead_unit=unit_a,
        ),
        "once": make_task(
            decision=d, key="3.2", text="完善农业保险，兼顾粮食安全与农民增收。", lead_unit=unit_a
        ),
        "school": make_task(decision=d, key="5.1", text="推进义务教育优质均衡发展。", lead_unit=unit_b),
    }
    reports = {
        "draft_a": make_report(
            task=tasks["grain"],
            unit=unit_a,
            period="2024Q2",
            state=ReportState.DRAFT,
            narrative="甲单位草稿：高标准农田建设进度过半。",
        ),
        "draft_b": make_report(
            task=tasks["school"],
            unit=unit_b,
            period="2024Q2",
            state=ReportState.DRAFT,
            narrative="乙单位草稿：高标准农田不归我们管。",
        ),
        "accepted_b": make_report(
            task=tasks["school"],
            unit=unit_b,
            period="2024Q1",
            state=ReportState.ACCEPTED,
            narrative="义务教育学校标准化建设完成九成。",
        ),
    }
    return tasks, reports


def found(user: Any, q: str, **kw: Any) -> list[tuple[str, int]]:
    return [(h.kind, h.object_id) for h in search(user, q, **kw).hits]


def test_the_task_that_says_it_most_comes_first(office: Any, corpus: Any) -> None:
    tasks, _ = corpus
    assert found(office, "粮食") == [("task", tasks["grain"].pk), ("task", tasks["once"].pk)]


def test_every_word_of_the_query_must_be_there(office: Any, corpus: Any) -> None:
    tasks, _ = corpus
    assert found(office, "粮食 保险") == [("task", tasks["once"].pk)]
    assert found(office, "粮食 教育") == []


def test_a_phrase_is_found_only_where_it_is_written_together(office: Any, corpus: Any) -> None:
    tasks, _ = corpus
    assert found(office, "粮食生产") == [("task", tasks["grain"].pk)]
    assert found(office, "生产粮食") == []


def test_a_single_character_is_found_inside_words(office: Any, corpus: Any) -> None:
    tasks, _ = corpus
    assert ("task", tasks["school"].pk) in found(office, "均")


def test_matches_are_marked_in_an_escaped_snippet(office: Any, corpus: Any, unit_a: Any) -> None:
    make_task(text="<script>alert(1)</script>推进数字政府建设。", lead_unit=unit_a)
    (hit,) = search(office, "数字政府").hits
    assert "<mark>数字政府</mark>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet


def test_a_unit_finds_its_own_drafts_and_never_another_units(
    reporter_a: Any, reporter_b: Any, office: Any, corpus: Any
) -> None:
    _tasks, reports = corpus
    assert found(reporter_a, "高标准农田") == [("report", reports["draft_a"].pk)]
    assert found(reporter_b, "高标准农田") == [("report", reports["draft_b"].pk)]
    assert found(office, "高标准农田") == []  # drafts stay inside their unit
    assert ("report", reports["accepted_b"].pk) in found(office, "标准化")


def test_a_unit_does_not_find_tasks_it_has_no_part_in(reporter_a: Any, corpus: Any) -> None:
    assert found(reporter_a, "义务教育") == []


def test_the_index_follows_edits(office: Any, corpus: Any) -> None:
    tasks, _ = corpus
    task = Task.objects.get(pk=tasks["school"].pk)
    task.reword("推进学前教育普及普惠。", by=office)
    assert found(office, "学前教育") == [("task", task.pk)]
    assert found(office, "义务教育优质") == []


def test_reindex_rebuilds_the_index_from_the_records(office: Any, corpus: Any) -> None:
    tasks, _ = corpus
    SearchEntry.objects.all().delete()
    assert found(office, "粮食") == []
    call_command("reindex", verbosity=0)
    assert found(office, "粮食")[0] == ("task", tasks["grain"].pk)
    assert SearchEntry.objects.filter(kind="report").count() == 3


def test_the_results_page_and_its_json_twin(as_user: Any, office: Any, corpus: Any) -> None:
    client = as_user(office)
    page = client.get(reverse("search:results"), {"q": "粮食"}).content.decode()
    assert "<mark>粮食</mark>" in page
    assert 'class="site-search"' in page  # the box in the header
    body = client.get(reverse("search:results"), {"q": "粮食", "format": "json"}).json()
    assert body["count"] == 2
    assert body["results"][0]["kind"] == "task"


def test_the_api_search_is_the_same_search(client: Any, reporter_b: Any, corpus: Any) -> None:
    _tasks, reports = corpus
    client.force_login(reporter_b)
    body = client.get("/api/v1/search", {"q": "高标准农田"}).json()
    assert [(i["kind"], i["id"]) for i in body["items"]] == [("report", reports["draft_b"].pk)]


def test_an_empty_or_punctuation_query_finds_nothing_and_does_not_fail(office: Any, corpus: Any) -> None:
    assert found(office, "") == []
    assert found(office, "，。！") == []
    assert found(office, '"AND OR NEAR(') == []
