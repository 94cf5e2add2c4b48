"""The ``luoshi`` commands other than extract: import, load-units, demo, manage."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from luoshi.cli import cli
from luoshi.document import extract
from luoshi.ledger.models import Decision, Unit
from luoshi.samples import SAMPLE_DECISION

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def sample_has_items() -> None:
    if not extract(SAMPLE_DECISION).items:
        pytest.skip("extract() returns no items yet")


@pytest.mark.django_db(transaction=True)
def test_import_creates_the_decision_and_a_second_import_changes_nothing(sample_has_items: None) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(SAMPLE_DECISION), "--sample"])
    assert first.exit_code == 0, first.output
    assert "已导入" in first.output
    decision = Decision.objects.get()
    assert decision.is_sample
    assert decision.tasks.exists()
    second = runner.invoke(cli, ["import", str(SAMPLE_DECISION)])
    assert second.exit_code == 0
    assert "未作任何改动" in second.output
    assert Decision.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_import_dry_run_writes_nothing(sample_has_items: None) -> None:
    result = CliRunner().invoke(cli, ["import", str(SAMPLE_DECISION), "--dry-run"])
    assert result.exit_code == 0
    assert "试运行" in result.output
    assert not Decision.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_import_of_a_missing_or_unreadable_file_says_so_without_a_traceback(tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["import", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0
    assert "找不到文件" in missing.output
    image = tmp_path / "x.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    result = CliRunner().invoke(cli, ["import", str(image)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert not Decision.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_load_units_refuses_a_bad_file_whole(tmp_path: Path) -> None:
    bad = tmp_path / "units.csv"
    bad.write_text("代码,名称,类别\nx1,某厅,衙门\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load-units", str(bad)])
    assert result.exit_code != 0
    assert "无法识别的单位类别" in result.output
    assert not Unit.objects.filter(code="x1").exists()


def test_demo_without_serving_builds_a_fresh_database_and_prints_an_account_per_role(tmp_path: Path) -> None:
    env = {**os.environ, "LUOSHI_HOME": str(tmp_path)}
    env.pop("LUOSHI_DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    run = [sys.executable, "-m", "luoshi", "demo", "--no-serve"]
    first = subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=300)
    assert first.returncode == 0, first.stderr
    for role in ("督查室管理员", "单位填报员", "单位负责人", "领导", "审计员"):
        assert role in first.stdout
    assert "演示报告" in first.stdout
    assert (tmp_path / "demo.sqlite3").is_file()
    second = subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=300)
    assert second.returncode == 0, second.stderr  # fresh again: the accounts do not collide


def test_manage_passes_through_to_django(tmp_path: Path) -> None:
    env = {**os.environ, "LUOSHI_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "luoshi", "manage", "makemigrations", "--check", "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_extract_does_not_import_django() -> None:
    code = "import sys, luoshi.cli; sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def _luoshi(home: Path, *args: str, **env_more: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LUOSHI_HOME": str(home), **env_more}
    for name in ("DJANGO_SETTINGS_MODULE", "LUOSHI_DATABASE_URL", "LUOSHI_LANGUAGE"):
        if name not in env_more:
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "luoshi", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=300,
    )


def test_a_read_never_creates_a_database_and_beside_the_demo_it_reads_the_demos(tmp_path: Path) -> None:
    nothing = _luoshi(tmp_path, "supervise", "--dry-run")
    assert nothing.returncode == 1
    assert "还没有数据库" in nothing.stderr
    assert "luoshi demo" in nothing.stderr
    assert not (tmp_path / "luoshi.sqlite3").exists()
    # a migrated demo database (its contents do not matter here)
    made = _luoshi(tmp_path, "load-units", LUOSHI_DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    assert made.returncode == 0, made.stderr
    read = _luoshi(tmp_path, "supervise", "--dry-run", "--format", "json")
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)["dry_run"] is True  # standard output is the JSON alone
    assert f"数据库：SQLite {tmp_path / 'demo.sqlite3'}" in read.stderr
    assert "还没有自己的数据库" in read.stderr
    assert not (tmp_path / "luoshi.sqlite3").exists()


def test_an_empty_database_of_ones_own_points_to_the_demo(tmp_path: Path) -> None:
    for url in (f"sqlite:///{tmp_path / 'demo.sqlite3'}", None):
        made = _luoshi(tmp_path, "load-units", **({"LUOSHI_DATABASE_URL": url} if url else {}))
        assert made.returncode == 0, made.stderr
    assert f"数据库：SQLite {tmp_path / 'luoshi.sqlite3'}" in made.stderr
    assert "将新建数据库" in made.stderr
    read = _luoshi(tmp_path, "dashboard", "refresh")
    assert read.returncode == 0, read.stderr
    assert f"数据库：SQLite {tmp_path / 'luoshi.sqlite3'}" in read.stderr
    assert "数据库中还没有任何决定" in read.stderr
    assert "--demo" in read.stderr
    demo = _luoshi(tmp_path, "dashboard", "refresh", "--demo")
    assert f"数据库：SQLite {tmp_path / 'demo.sqlite3'}" in demo.stderr
    assert "还没有任何决定" not in demo.stderr


def test_import_speaks_english_when_asked(tmp_path: Path, sample_has_items: None) -> None:
    result = _luoshi(tmp_path, "import", str(SAMPLE_DECISION), "--dry-run", LUOSHI_LANGUAGE="en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("New decision: ")
    assert "(Dry run: nothing written.)" in result.stdout
    assert "Database: SQLite :memory:" in result.stderr  # a dry run creates no database
    assert not (tmp_path / "luoshi.sqlite3").exists()
    assert not re.search(r"[\u4e00-\u9fff]", result.stdout.split("\n", 1)[0].split(":")[0])
