"""Accounts hold against one user trying: wrong passwords are throttled with a lockout recorded in
the audit trail, wrong API tokens are throttled, all-digit passwords are refused, every page carries
a Content-Security-Policy, HTTPS can be required from the environment, a CSRF failure is explained in
Chinese, and production settings pass Django's deployment checks."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from luoshi.ledger.models import AuditEntry

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "pw-for-tests-only"  # luoshi.ledger.tests.factory.make_user's


def test_an_all_digit_password_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        validate_password("20240815123456")
    assert any("数字" in m for m in e.value.messages)


def test_a_common_password_is_refused() -> None:
    with pytest.raises(ValidationError):
        validate_password("password123")


def _wrong(client: Client, username: str, n: int) -> Any:
    response = None
    for _ in range(n):
        response = client.post("/login/", {"username": username, "password": "wrong-password"})
    return response


def test_after_five_wrong_passwords_the_right_one_is_refused_and_the_lockout_is_in_the_audit_trail(
    office: Any, settings: Any
) -> None:
    client = Client()
    first = _wrong(client, "office", 4)
    assert first.status_code == 200  # the form again, with its error
    locked = _wrong(client, "office", 1)
    assert locked.status_code == 429
    assert "已暂时锁定" in locked.content.decode()
    right = client.post("/login/", {"username": "office", "password": PASSWORD})
    assert right.status_code == 429  # even the right password, while locked
    assert "_auth_user_id" not in client.session
    entry = AuditEntry.objects.get(action="lockout")
    assert entry.object_repr == "office"
    assert "5 次密码错误" in entry.note


def test_a_success_before_the_limit_resets_the_count(office: Any) -> None:
    client = Client()
    _wrong(client, "office", 4)
    assert client.post("/login/", {"username": "office", "password": PASSWORD}).status_code == 302
    client.logout()
    assert _wrong(client, "office", 4).status_code == 200  # counted from zero again


def test_wrong_api_tokens_from_one_address_are_throttled(settings: Any) -> None:
    from django.core.cache import cache

    cache.clear()
    settings.API_TOKEN_FAILURES = 3
    client = Client()
    statuses = [
        client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer ls_guess{i}").status_code for i in range(5)
    ]
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3:] == [429, 429]
    assert "retry_after" in client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer x").json()["detail"]


def test_every_page_carries_a_content_security_policy(client: Any) -> None:
    policy = client.get("/login/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy


def test_a_csrf_failure_is_explained_in_chinese(office: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "office", "password": PASSWORD})
    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()


def test_a_refusal_is_logged_in_one_line_and_a_server_error_with_its_traceback() -> None:
    from luoshi.web.logs import NoTracebackBelow500

    try:
        raise PermissionError("refused")
    except PermissionError:
        info = sys.exc_info()
    refused = logging.LogRecord("django.request", logging.WARNING, "", 0, "Forbidden", (), info)
    refused.status_code = 403
    failed = logging.LogRecord("django.request", logging.ERROR, "", 0, "Server error", (), info)
    failed.status_code = 500
    keep = NoTracebackBelow500()
    assert keep.filter(refused)
    assert refused.exc_info is None
    assert keep.filter(failed)
    assert failed.exc_info is not None


def _production(**extra: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LUOSHI_HOME": "/tmp/luoshi-deploy-check",
        "LUOSHI_DEBUG": "0",
        "LUOSHI_SECRET_KEY": "q8Zt-3vLr9Wm_xK2pN7sYc4Hd6Ja1Ue5Gb0Rf8Ti3Oo7Lw2Qe-a6Sd9Fg1Hj4Kl",
        "LUOSHI_ALLOWED_HOSTS": "luoshi.example",
        "LUOSHI_SECURE_COOKIES": "1",
        "LUOSHI_SSL_REDIRECT": "1",
        "LUOSHI_HSTS_SECONDS": "31536000",
        "LUOSHI_HSTS_SUBDOMAINS": "1",
        **extra,
    }


def _luoshi(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "luoshi.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


def test_the_documented_production_settings_pass_the_deployment_checks() -> None:
    result = _luoshi("manage", "check", "--deploy", "--fail-level", "WARNING", env=_production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_is_required_and_announced_when_the_environment_says_so(client: Any, settings: Any) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import luoshi.web.settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)",
        ],
        capture_output=True,
        text=True,
        env=_production(LUOSHI_HTTPS_PROXY_HEADER="X-Forwarded-Proto"),
        cwd=ROOT,
        check=False,
    )
    assert result.stdout.split() == ["True", "31536000", "('HTTP_X_FORWARDED_PROTO',", "'https')"]


def test_a_bad_setting_is_one_line_from_luoshi_manage_not_a_traceback() -> None:
    result = _luoshi("manage", "check", env=_production(LUOSHI_HSTS_SECONDS="a year"))
    assert result.returncode != 0
    assert "LUOSHI_HSTS_SECONDS" in result.stderr
    assert "Traceback" not in result.stderr
