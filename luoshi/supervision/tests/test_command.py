"""`luoshi supervise`: the management command for cron, its dry run in JSON, and the CLI around it."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.management import call_command

from luoshi.cli import cli
from luoshi.supervision.models import Notice, ObligationLight, Run, TaskLight

from .factory import make_supervised_task

D = dt.date


@pytest.fixture
def overdue(unit_a: Any, unit_b: Any, clock: Any) -> None:
    make_supervised_task(unit_a, text="推进新能源装机规模超过火电装机规模。")
    make_supervised_task(unit_b)
    clock(2026, 10, 20)


def supervise(*args: str) -> str:
    out = StringIO()
    call_command("supervise", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_dry_run_prints_the_lights_and_the_notices_it_would_send_and_writes_nothing(overdue: None) -> None:
    data = json.loads(supervise("--dry-run", "--format", "json"))
    assert data["dry_run"] is True
    assert data["today"] == "2026-10-20"
    assert {x["color"] for x in data["lights"]["tasks"]} == {"red"}
    assert data["lights"]["obligations"][0]["reason"] == "2026年第三季度报告自2026年10月14日起未报送"
    assert [n["kind"] for n in data["notices"]] == ["order", "order"]
    assert data["notices"][0]["key"].startswith("order/blue:report:")
    assert not Notice.objects.exists()
    assert not TaskLight.objects.exists()
    assert not Run.objects.exists()


@pytest.mark.django_db
def test_a_run_prints_a_summary_and_a_second_run_creates_nothing(overdue: None) -> None:
    first = supervise()
    assert "任务状态灯：红灯 2" in first
    assert "督办单 2" in first
    second = supervise()
    assert "督办单 0" in second
    assert Notice.objects.count() == 2
    assert ObligationLight.objects.count() == 2
    assert Run.objects.count() == 2


@pytest.mark.django_db
def test_a_past_day_can_be_supervised_with_today(overdue: None) -> None:
    data = json.loads(supervise("--dry-run", "--format", "json", "--today", "2026-10-12"))
    assert {x["color"] for x in data["lights"]["obligations"]} == {"yellow"}


@pytest.mark.django_db(transaction=True)
def test_the_luoshi_command_runs_it(overdue: None) -> None:
    result = CliRunner().invoke(cli, ["supervise", "--dry-run", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["notices"] == {"order": 2}
    assert "数据库：" in result.stderr  # said where JSON cannot be spoiled
    bad = CliRunner().invoke(cli, ["supervise", "--today", "yesterday"])
    assert bad.exit_code != 0
    assert "YYYY-MM-DD" in bad.output
