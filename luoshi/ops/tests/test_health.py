"""/healthz says the process answers; /readyz says the node can serve, and why not when it cannot."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from luoshi.ledger.tests.factory import make_task
from luoshi.supervision.models import Run


def test_healthz_answers_anyone_at_any_address_without_a_session(client: Any, settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["luoshi.example"]
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "sessionid" not in response.cookies
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_is_ready_on_a_migrated_ledger_with_nothing_to_supervise(client: Any) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name for name, c in body["checks"].items() if c["ok"]} >= {
        "database",
        "migrations",
        "supervision",
    }


@pytest.mark.django_db
def test_readyz_is_unavailable_when_tasks_wait_and_supervision_never_ran(client: Any) -> None:
    make_task()
    response = client.get("/readyz")
    assert response.status_code == 503
    check = response.json()["checks"]["supervision"]
    assert check["ok"] is False
    assert "尚未运行过督查" in check["detail"]


@pytest.mark.django_db
def test_readyz_says_when_the_last_supervision_run_is_overdue_in_local_time(
    client: Any, settings: Any
) -> None:
    make_task()
    finished = timezone.now() - dt.timedelta(hours=24 + settings.SUPERVISE_GRACE_HOURS + 1)
    Run.objects.create(today=finished.date(), started_at=finished, finished_at=finished)
    response = client.get("/readyz")
    assert response.status_code == 503
    detail = response.json()["checks"]["supervision"]["detail"]
    assert "督查已逾期" in detail
    assert timezone.localtime(finished).strftime("%Y-%m-%d %H:%M") in detail


@pytest.mark.django_db
def test_readyz_is_ready_after_a_run_within_the_day(client: Any) -> None:
    make_task()
    now = timezone.now()
    Run.objects.create(today=now.date(), started_at=now, finished_at=now)
    assert client.get("/readyz").status_code == 200


def test_other_paths_and_methods_pass_through(client: Any) -> None:
    assert client.post("/healthz").status_code != 200
