"""``luoshi indicators assess|load|import``: the same assessment as the screens, on the command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from luoshi.cli import cli
from luoshi.indicators.models import Observation

from .helpers import GRAIN, make_indicator, make_target

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared" / "corpus" / "im-decision-2022.txt"


def test_assess_bundled_prints_json_with_every_status_and_its_sentence_without_a_database() -> None:
    result = CliRunner().invoke(
        cli, ["indicators", "assess", "--bundled", "--format", "json", "--today", "2026-11-27"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["today"] == "2026-11-27"
    assert [t["status"] for t in data["targets"]][:4] == [
        "on_track",
        "insufficient_data",
        "on_track",
        "limited_progress",
    ]
    assert all(t["sentence_zh"] and t["explanation_zh"] for t in data["targets"])


def test_assess_bundled_prints_a_table_in_chinese_or_english(monkeypatch: Any) -> None:
    table = CliRunner().invoke(cli, ["indicators", "assess", "--bundled", "--today", "2026-11-27"])
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split() == ["指标", "进度", "信心"]
    assert re.search(r"^肉类总产量 +进展有限 +红$", table.output, re.M)
    monkeypatch.setenv("LUOSHI_LANGUAGE", "en")
    english = CliRunner().invoke(cli, ["indicators", "assess", "--bundled", "--today", "2026-11-27"])
    assert "Limited progress" in english.output


def test_assess_bundled_needs_neither_django_nor_a_database(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "LUOSHI_DATABASE_URL")}
    code = (
        "import sys; from luoshi.cli import cli; "
        "cli(['indicators', 'assess', '--bundled', '--today', '2026-11-27'], standalone_mode=False); "
        "print('django' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "False"
    assert "粮食综合生产能力" in run.stdout


def test_a_bad_date_is_refused_with_a_message() -> None:
    result = CliRunner().invoke(cli, ["indicators", "assess", "--bundled", "--today", "27/11/2026"])
    assert result.exit_code != 0
    assert "日期格式应为 YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


@pytest.mark.django_db(transaction=True)
def test_assess_prints_the_databases_targets_as_a_table_and_as_json() -> None:
    make_indicator(values=GRAIN)
    target = make_target(text="到2035年粮食总产量达到900亿斤")
    make_target(indicator="无数据的指标", decision=target.decision)
    table = CliRunner().invoke(cli, ["indicators", "assess", "--today", "2026-11-27"])
    assert table.exit_code == 0, table.output
    assert "进度正常：2018—2024年年均增长2%" in table.output
    assert "没有“无数据的指标”的实测数据" in table.output
    data = json.loads(
        CliRunner()
        .invoke(cli, ["indicators", "assess", "--format", "json", "--decision", str(target.decision_id)])
        .stdout
    )
    assert [t["status"] for t in data["targets"]] == ["on_track", "insufficient_data"]
    missing = CliRunner().invoke(cli, ["indicators", "assess", "--decision", "987654"])
    assert missing.exit_code != 0
    assert "没有编号为 987654 的决定" in missing.output


@pytest.mark.django_db(transaction=True)
def test_load_adds_the_bundled_series_once() -> None:
    first = CliRunner().invoke(cli, ["indicators", "load"])
    assert first.exit_code == 0, first.output
    assert "新增指标 9 个，数据 36 条" in first.output
    second = CliRunner().invoke(cli, ["indicators", "load"])
    assert "新增指标 0 个，数据 0 条（已有 36 条未重复导入）" in second.output


@pytest.mark.django_db(transaction=True)
def test_import_refuses_a_file_with_a_bad_row_whole_and_prints_each_error(tmp_path: Path) -> None:
    make_indicator()
    bad = tmp_path / "v.csv"
    bad.write_text(
        "指标,年份,数值,单位\n粮食总产量,2025,830,亿斤\n粮食总产量,2025,1,万千瓦\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["indicators", "import", str(bad)])
    assert result.exit_code != 0
    assert "第3行：单位不兼容：万千瓦 不能换算为 亿斤" in result.output
    assert not Observation.objects.exists()
    good = tmp_path / "w.csv"
    good.write_text("指标,年份,数值,单位\n粮食总产量,2025,830,亿斤\n", encoding="utf-8")
    ok = CliRunner().invoke(cli, ["indicators", "import", str(good)])
    assert ok.exit_code == 0
    assert "已导入 1 条数据" in ok.output


SHOW_PAGES = """
import django, os, re
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from luoshi.ledger.models import Target
c = Client()
c.force_login(get_user_model().objects.get(username="leader"))
overview = c.get("/indicators/").content.decode()
t7 = Target.objects.get(key="T7")
chart = c.get(f"/indicators/targets/{t7.pk}/chart.svg").content.decode()
page = c.get(f"/indicators/targets/{t7.pk}/").content.decode()
print(overview.count("conf-link") + overview.count('class="badge"'), 'class="target"' in chart, "进度正常" in page)
"""


@pytest.mark.corpus
@pytest.mark.skipif(not SHARED.is_file(), reason="needs ../shared/corpus")
def test_the_demo_shows_the_real_targets_assessed_with_their_explanations(tmp_path: Path) -> None:
    env = {**os.environ, "LUOSHI_HOME": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("LUOSHI_DATABASE_URL", None)
    demo = subprocess.run(
        [sys.executable, "-m", "luoshi", "demo", "--no-serve"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    assert "指标：内置内蒙古数据，新增指标 9 个，数据 36 条" in demo.stdout
    env["LUOSHI_DATABASE_URL"] = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    run = subprocess.run(
        [sys.executable, "-m", "luoshi", "indicators", "assess", "--format", "json", "--today", "2026-11-27"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    targets = {t["key"]: t for t in json.loads(run.stdout)["targets"]}
    assert {k: targets[k]["status"] for k in ("T2", "T3", "T5", "T6", "T7", "T8", "T9", "T10")} == {
        "T2": "on_track",
        "T3": "insufficient_data",
        "T5": "achieved",
        "T6": "insufficient_data",
        "T7": "on_track",
        "T8": "limited_progress",
        "T9": "insufficient_data",
        "T10": "on_track",
    }
    assert targets["T7"]["indicator"]["via"] == "alias"
    assert all(t["sentence_zh"] and t["explanation_zh"] for t in targets.values())
    env["DJANGO_SETTINGS_MODULE"] = "luoshi.web.settings"
    pages = subprocess.run(
        [sys.executable, "-c", SHOW_PAGES], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert pages.returncode == 0, pages.stderr
    rows, has_target, on_track = pages.stdout.split()
    assert int(rows) >= 20
    assert has_target == "True"
    assert on_track == "True"
