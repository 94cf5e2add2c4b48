"""The office uploads a league's plan under a decision and reads the alignment: both quotes side by
side, the finding and why; the same text again is the same plan; only the office may."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from luoshi.alignment.models import Plan

from .helpers import import_parent, plan_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(office):
    return import_parent(office)


def upload(client, decision, unit, file=None):
    return client.post(
        f"/decisions/{decision.pk}/alignment/", {"file": file or plan_file(), "unit": unit.pk, "year": ""}
    )


def test_the_decision_page_leads_to_the_alignment(as_user, office, decision):
    page = as_user(office).get(f"/decisions/{decision.pk}/")
    assert f"/decisions/{decision.pk}/alignment/" in page.content.decode()


def test_the_office_uploads_a_plan_and_reads_both_quotes_and_why(as_user, office, decision, league):
    client = as_user(office)
    response = upload(client, decision, league)
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/alignment/{plan.pk}/"
    assert plan.unit == league
    assert plan.uploaded_by == office
    page = client.get(f"/alignment/{plan.pk}/").content.decode()
    assert "全面实施黄河流域生态保护和修复工程" in page
    assert "扎实推进黄河流域生态保护修复" in page
    assert "承接但弱化" in page
    assert "措辞弱化：上级“确保”，下级“力争”" in page
    assert "建设现代煤化工示范基地" in page  # 新增


def test_the_same_text_again_is_the_same_plan(as_user, office, decision, league):
    client = as_user(office)
    upload(client, decision, league)
    upload(client, decision, league)
    assert Plan.objects.count() == 1


def test_the_alignment_has_a_json_twin_and_an_excel_export(as_user, office, decision, league):
    client = as_user(office)
    upload(client, decision, league)
    plan = Plan.objects.get()
    data = json.loads(client.get(f"/alignment/{plan.pk}/?format=json").content)
    assert data["plan"]["unit"] == league.name
    assert data["counts"]["added"] == 2  # the clinics (until corrected) and the coal chemicals
    assert any("煤化工" in r["child_text"] for r in data["added"])
    response = client.get(f"/alignment/{plan.pk}/export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(response.content))
    assert "新增" in wb.sheetnames


def test_a_file_with_no_structure_is_refused_with_a_message(as_user, office, decision, league):
    response = upload(as_user(office), decision, league, plan_file("hello world", "x.txt"))
    assert response.status_code == 200
    assert "未能识别出任何结构" in response.content.decode()
    assert not Plan.objects.exists()


def test_the_page_speaks_english_when_asked(as_user, office, decision, league):
    client = as_user(office)
    upload(client, decision, league)
    plan = Plan.objects.get()
    client.cookies["django_language"] = "en"
    page = client.get(f"/alignment/{plan.pk}/").content.decode()
    assert "softer wording: the parent says “确保”, the child “力争”" in page
    assert "Confirm" in page


@pytest.mark.parametrize("persona", ["reporter_a", "league_reporter", "leader"])
def test_only_the_office_aligns(request, as_user, decision, league, persona):
    client = as_user(request.getfixturevalue(persona))
    assert client.get(f"/decisions/{decision.pk}/alignment/").status_code == 403
    assert upload(client, decision, league).status_code == 403
    assert not Plan.objects.exists()
