"""Token auth for systems, session auth for the browser; a token acts as its user and is stored hashed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from luoshi.api.models import ApiToken
from luoshi.ledger.models import AuditEntry

pytestmark = pytest.mark.django_db


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_a_system_with_a_token_acts_as_the_user_the_token_was_issued_for(
    reporter_a: Any, token_for: Any
) -> None:
    response = Client().get("/api/v1/me", **bearer(token_for(reporter_a)))
    assert response.status_code == 200
    assert response.json()["username"] == "reporter_a"
    assert response.json()["unit"]["name"] == "自治区发展和改革委员会"


def test_a_call_without_credentials_answers_401_in_the_error_shape() -> None:
    response = Client().get("/api/v1/tasks")
    assert response.status_code == 401
    body = response.json()
    assert set(body) == {"error", "detail"}
    assert "令牌" in body["error"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("tamper", ["unknown", "revoked", "expired", "inactive", "wrong-secret"])
def test_a_bad_token_answers_401(office: Any, reporter_a: Any, token_for: Any, tamper: str) -> None:
    raw = token_for(reporter_a)
    token = ApiToken.objects.get()
    if tamper == "unknown":
        raw = "ls_00000000_" + "x" * 43
    elif tamper == "revoked":
        token.revoke(by=office)
    elif tamper == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    elif tamper == "inactive":
        reporter_a.is_active = False
        reporter_a.save()
    else:
        raw = raw[:-4] + "abcd"
    assert Client().get("/api/v1/me", **bearer(raw)).status_code == 401


def test_a_token_is_stored_only_as_its_digest(reporter_a: Any, token_for: Any) -> None:
    raw = token_for(reporter_a)
    token = ApiToken.objects.get()
    assert raw.startswith(token.prefix + "_")
    assert token.digest != raw
    assert len(token.digest) == 64
    assert raw not in str(list(ApiToken.objects.values()))
    assert raw not in str(list(AuditEntry.objects.values("before", "after")))


def test_a_user_without_a_role_is_refused_as_on_the_screens(stranger: Any, token_for: Any) -> None:
    response = Client().get("/api/v1/tasks", **bearer(token_for(stranger)))
    assert response.status_code == 403
    assert "角色" in response.json()["error"]


def test_the_browser_session_works_and_changes_need_the_csrf_token(office: Any, world: Any) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(office)
    assert browser.get("/api/v1/tasks").status_code == 200
    response = browser.post(
        f"/api/v1/reports/{world.approved_b.pk}/accept", {}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]


def test_a_token_needs_no_csrf_token_to_change_data(office: Any, world: Any, token_for: Any) -> None:
    system = Client(enforce_csrf_checks=True)
    response = system.post(
        f"/api/v1/reports/{world.approved_b.pk}/accept",
        {},
        content_type="application/json",
        **bearer(token_for(office)),
    )
    assert response.status_code == 200, response.json()
    entry = AuditEntry.objects.filter(model="progress.report", action="accept").get()
    assert (entry.actor, entry.channel) == (office, "api")


def test_the_office_issues_a_token_on_its_screen_and_sees_it_once(
    as_user: Any, office: Any, reporter_a: Any
) -> None:
    client = as_user(office)
    response = client.post(reverse("api-tokens"), {"user": reporter_a.pk, "name": "考核系统", "days": 30})
    page = response.content.decode()
    token = ApiToken.objects.get()
    raw = page.split('class="token-once">')[1].split("<")[0]
    assert raw.startswith(token.prefix)
    assert Client().get("/api/v1/me", **bearer(raw)).json()["username"] == "reporter_a"
    assert raw not in client.get(reverse("api-tokens")).content.decode()
    assert client.get(reverse("api-tokens") + "?format=json").json()[0]["prefix"] == token.prefix
    assert AuditEntry.objects.filter(model="api.apitoken", action="issue").count() == 1


def test_the_office_revokes_a_token_and_it_stops_working(
    as_user: Any, office: Any, reporter_a: Any, token_for: Any
) -> None:
    raw = token_for(reporter_a)
    token = ApiToken.objects.get()
    as_user(office).post(reverse("api-token-revoke", args=[token.pk]))
    assert Client().get("/api/v1/me", **bearer(raw)).status_code == 401
    assert AuditEntry.objects.filter(model="api.apitoken", action="revoke").count() == 1


@pytest.mark.parametrize("persona", ["reporter_a", "leader", "auditor"])
def test_only_the_office_manages_tokens(as_user: Any, request: pytest.FixtureRequest, persona: str) -> None:
    client = as_user(request.getfixturevalue(persona))
    assert client.get(reverse("api-tokens")).status_code == 403
