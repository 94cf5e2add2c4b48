"""The report screen: the office and leaders generate the report, only the office edits it, units
may not reach it (not even by typing its URLs)."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from luoshi.exchange.models import ReportDraft
from luoshi.ledger.models import AuditEntry

pytestmark = pytest.mark.django_db

PAGE = "/exchange/report/"
DOWNLOAD = "/exchange/report/download/"
UNIT_PERSONAS = ["reporter_a", "unit_leader_a", "reporter_b", "unit_leader_b", "league_reporter"]


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


@pytest.mark.parametrize("persona", ["office", "leader"])
def test_the_office_and_leaders_see_the_report_and_download_it(
    persona: str, world: SimpleNamespace, as_user: Any, request: Any
) -> None:
    client = as_user(request.getfixturevalue(persona))
    page = client.get(PAGE)
    assert page.status_code == 200
    html = page.content.decode()
    # the title as it prints: in even lines
    assert (
        "关于2026年第三季度学习宣传<br>贯彻《中共示范市委员会关于<br>推进绿色发展的决定》情况的报告" in html
    )
    assert "一、总体进展" in html
    word = client.get(DOWNLOAD, {"decision": world.decision.pk, "period": "2026Q3", "format": "docx"})
    assert word.status_code == 200
    assert word["Content-Type"].endswith("wordprocessingml.document")
    assert "2026Q3.docx" in word["Content-Disposition"]
    assert "三、各部分推进情况" in docx_text(word.content)
    pdf = client.get(DOWNLOAD, {"decision": world.decision.pk, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf"
    assert "总体进展" in "".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())


@pytest.mark.parametrize("persona", [*UNIT_PERSONAS, "auditor", "stranger"])
def test_units_and_everyone_else_are_refused_even_by_direct_url(
    persona: str, world: SimpleNamespace, as_user: Any, request: Any
) -> None:
    client = as_user(request.getfixturevalue(persona))
    query = {"decision": world.decision.pk, "period": "2026Q3"}
    assert client.get(PAGE, query).status_code == 403
    assert client.get(PAGE, {**query, "format": "json"}).status_code == 403
    assert client.get(DOWNLOAD, {**query, "format": "docx"}).status_code == 403
    assert client.get(DOWNLOAD, {**query, "format": "pdf"}).status_code == 403
    assert (
        client.post(f"{PAGE}?decision={world.decision.pk}&period=2026Q3", {"problems": "x"}).status_code
        == 403
    )
    assert not ReportDraft.objects.exists()


def test_someone_not_signed_in_is_sent_to_sign_in(client: Any, world: SimpleNamespace) -> None:
    for url in (PAGE, DOWNLOAD):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_a_leader_reads_the_sections_but_cannot_change_them(
    world: SimpleNamespace, leader: Any, as_user: Any
) -> None:
    client = as_user(leader)
    html = client.get(PAGE).content.decode()
    assert "修改报告内容" not in html
    assert "由督查室修改" in html
    response = client.post(f"{PAGE}?decision={world.decision.pk}&period=2026Q3", {"problems": "领导改的"})
    assert response.status_code == 403
    assert not ReportDraft.objects.exists()


def test_the_office_edits_the_problems_and_the_download_carries_them(
    world: SimpleNamespace, office: Any, as_user: Any
) -> None:
    client = as_user(office)
    form_page = client.get(PAGE).content.decode()
    assert "一是部分任务推进滞后" in form_page  # the generated text, ready to edit
    url = f"{PAGE}?decision={world.decision.pk}&period=2026Q3"
    generated = client.get(url, {"format": "json"}).json()
    response = client.post(
        url,
        {
            "title": generated["title"],
            "addressee": "市委",
            "issuer": "示范市委督查室",
            "date": "2026-11-12",
            "problems": "（一）基层落实不平衡。个别旗县进展较慢。\r\n一是调度不够及时。",
            "next_steps": generated["next_steps"].replace("\n", "\r\n"),
        },
    )
    assert response.status_code == 302
    draft = ReportDraft.objects.get(decision=world.decision, period="2026Q3")
    # what the office changed is kept; what it left as generated stays empty and follows the data
    assert (draft.title, draft.addressee, draft.next_steps) == ("", "", "")
    assert (draft.issuer, str(draft.date)) == ("示范市委督查室", "2026-11-12")
    assert draft.problems == "（一）基层落实不平衡。个别旗县进展较慢。\n一是调度不够及时。"
    assert draft.updated_by == office
    assert AuditEntry.objects.filter(model="exchange.reportdraft", action="create").count() == 1
    text = docx_text(client.get(DOWNLOAD, {"decision": world.decision.pk, "period": "2026Q3"}).content)
    assert "（一）基层落实不平衡。个别旗县进展较慢。" in text
    assert "一是调度不够及时。" in text
    assert "一是部分任务推进滞后" not in text
    assert text.endswith("示范市委督查室\n2026年11月12日\n督查室\t2026年11月12日印发")  # then the 版记
    assert "督查室王敏于" in client.get(url).content.decode()


def test_the_office_can_return_to_the_generated_text(
    world: SimpleNamespace, office: Any, as_user: Any
) -> None:
    client = as_user(office)
    url = f"{PAGE}?decision={world.decision.pk}&period=2026Q3"
    client.post(url, {"title": "临时标题", "problems": "临时问题", "next_steps": "临时打算"})
    assert client.get(url, {"format": "json"}).json()["problems"] == "临时问题"
    client.post(url, {"reset": "1"})
    data = client.get(url, {"format": "json"}).json()
    assert data["problems"].startswith("一是部分任务推进滞后")
    assert data["title"].startswith("关于2026年第三季度")
    assert AuditEntry.objects.filter(model="exchange.reportdraft", note="恢复为系统生成").exists()


def test_the_page_has_a_json_twin(world: SimpleNamespace, office: Any, as_user: Any) -> None:
    data = as_user(office).get(PAGE, {"format": "json"}).json()
    assert (data["schema_version"], data["decision_id"], data["period"]) == (1, world.decision.pk, "2026Q3")
    assert data["overview"]["reporting"]["on_time"] == 1


def test_an_unknown_decision_or_period_answers_404(world: SimpleNamespace, office: Any, as_user: Any) -> None:
    client = as_user(office)
    assert client.get(PAGE, {"decision": 987654}).status_code == 404
    assert client.get(PAGE, {"decision": "x"}).status_code == 404
    assert client.get(DOWNLOAD, {"decision": world.decision.pk, "period": "2026M09"}).status_code == 404
    assert client.get(PAGE, {"decision": world.decision.pk, "period": "2026Q7"}).status_code == 404


def test_without_any_decision_the_page_says_what_to_do(office: Any, as_user: Any) -> None:
    client = as_user(office)
    assert "还没有导入任何决定" in client.get(PAGE).content.decode()
    assert client.get(DOWNLOAD).status_code == 404


def test_the_navigation_links_the_report_for_the_office_and_leaders_only(
    world: SimpleNamespace, office: Any, leader: Any, reporter_a: Any, client: Any
) -> None:
    for user, shown in ((office, True), (leader, True), (reporter_a, False)):
        client.force_login(user)
        html = client.get("/tasks/").content.decode()
        assert (f'href="{PAGE}"' in html) is shown


def test_in_english_the_screen_and_the_report_are_in_english(
    world: SimpleNamespace, office: Any, as_user: Any
) -> None:
    client = as_user(office)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get(PAGE).content.decode()
    assert "Implementation report" in html
    text = docx_text(client.get(DOWNLOAD).content)
    assert "一、Overall progress" in text  # the numbering stays the standard's
    assert "First, some tasks are behind." in text


def test_the_page_says_which_faces_the_pdf_uses(world: SimpleNamespace, office: Any, as_user: Any) -> None:
    from luoshi.exchange import pdf

    page = as_user(office).get(PAGE, {"decision": world.decision.pk}).content.decode()
    assert 'id="pdf-faces"' in page
    assert pdf.faces_note() in page
    assert pdf.faces_note().startswith(("PDF 字体：", "未检测到字体配置"))
