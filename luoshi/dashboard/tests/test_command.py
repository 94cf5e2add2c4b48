"""``luoshi dashboard refresh`` and the refresh after ``luoshi supervise``."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.management import call_command

from luoshi.cli import cli
from luoshi.dashboard.models import Snapshot

pytestmark = pytest.mark.django_db


def test_the_refresh_command_stores_the_figures_and_says_what_it_found(world: Any) -> None:
    out = io.StringIO()
    call_command("refresh_dashboard", stdout=out)
    assert (
        "驾驶舱：6 项在办任务（红灯 1，黄灯 1，绿灯 1，已办结 1，已暂缓 1，未亮灯 1），逾期 1 项"
        in out.getvalue()
    )
    assert Snapshot.objects.get(scope="all").tasks == 6
    out = io.StringIO()
    call_command("refresh_dashboard", "--format", "json", "--today", "2026-11-20", stdout=out)
    assert json.loads(out.getvalue())["totals"]["tasks"] == 6


def test_a_bad_day_is_refused_with_a_message() -> None:
    result = CliRunner().invoke(cli, ["dashboard", "refresh", "--today", "2026-13-01"])
    assert result.exit_code == 1
    assert "日期格式应为 YYYY-MM-DD：2026-13-01" in result.output


def test_luoshi_supervise_refreshes_the_dashboard_after_a_real_run_and_not_after_a_dry_one(
    world: Any,
) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["supervise", "--dry-run", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert not Snapshot.objects.exists()
    json.loads(result.stdout)  # still one JSON document: the database is named on standard error
    result = runner.invoke(cli, ["supervise", "--no-send", "--format", "json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)
    snapshot = Snapshot.objects.get(scope="all")
    assert snapshot.run_mark is not None  # computed after the run, from its lights


def test_the_management_command_refreshes_the_dashboard_too(world: Any) -> None:
    call_command("supervise", "--no-send", stdout=io.StringIO())  # as cron runs `luoshi manage supervise`
    assert Snapshot.objects.get(scope="all").run_mark is not None
