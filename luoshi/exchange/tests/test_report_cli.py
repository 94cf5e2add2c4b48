"""``luoshi report``: the report to the committee from the command line, as Word or PDF."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from luoshi.cli import cli

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: Any) -> Path:
    monkeypatch.setenv("LUOSHI_HOME", str(tmp_path))  # no demo database to fall back on
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_it_writes_the_report_as_word_and_as_pdf(world: SimpleNamespace, home: Path) -> None:
    out = home / "报告.docx"
    args = ["report", "--decision", str(world.decision.pk), "--period", "2026Q3"]
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"已写入 {out}（Word）：关于2026年第三季度学习宣传贯彻")
    paragraphs = [p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert "一、总体进展" in paragraphs
    pdf = home / "报告.pdf"
    result = CliRunner().invoke(cli, [*args, "--format", "pdf", "-o", str(pdf), "--issuer", "示范市委督查室"])
    assert result.exit_code == 0, result.output
    assert "（PDF，" in result.output
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "示范市委督查室" in text
    assert "量化目标实现情况" in text


@pytest.mark.django_db(transaction=True)
def test_without_o_it_names_the_file_after_the_period(
    world: SimpleNamespace, home: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(home)
    result = CliRunner().invoke(cli, ["report", "--date", "2026-11-12"])
    assert result.exit_code == 0, result.output
    doc = Document(str(home / "学习宣传贯彻情况报告-2026Q3.docx"))
    assert [p.text for p in doc.paragraphs[-2:]] == ["2026年11月12日", "督查室\t2026年11月12日印发"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "12/11/2026"], "日期格式应为 YYYY-MM-DD：12/11/2026"),
        (["--decision", "987654"], "没有编号为 987654 的决定。"),
        (["--period", "2026M09"], "该决定不按此周期报送：2026M09"),
    ],
)
def test_bad_input_is_refused_with_a_message(
    world: SimpleNamespace, home: Path, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(cli, ["report", *args, "-o", str(home / "r.docx")])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.django_db(transaction=True)
def test_an_empty_database_says_what_to_do(home: Path) -> None:
    result = CliRunner().invoke(cli, ["report", "-o", str(home / "r.docx")])
    assert result.exit_code != 0
    assert "数据库中没有决定：先导入决定（luoshi import），演示数据库请加 --demo。" in result.output


def test_after_luoshi_demo_it_reports_on_the_demo_database(tmp_path: Path) -> None:
    env = {**os.environ, "LUOSHI_HOME": str(tmp_path)}
    for name in ("DJANGO_SETTINGS_MODULE", "LUOSHI_DATABASE_URL"):
        env.pop(name, None)

    def luoshi(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "luoshi", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=False,
            timeout=300,
        )

    assert (
        luoshi("report", "--demo", "-o", str(tmp_path / "r.docx"))
        .stderr.strip()
        .endswith(f"没有演示数据库（{tmp_path / 'demo.sqlite3'}）：先运行 luoshi demo。")
    )
    demo = luoshi("demo", "--no-serve")
    assert demo.returncode == 0, demo.stderr
    word = luoshi("report", "--format", "docx", "-o", str(tmp_path / "r.docx"))
    assert word.returncode == 0, word.stderr
    assert "还没有自己的数据库" in word.stderr  # no database of one's own yet: the demo's, said aloud
    assert f"数据库：SQLite {tmp_path / 'demo.sqlite3'}" in word.stderr
    assert not (tmp_path / "luoshi.sqlite3").exists()
    assert "（Word）：关于" in word.stdout
    pdf = luoshi("report", "--demo", "--format", "pdf", "-o", str(tmp_path / "r.pdf"))
    assert pdf.returncode == 0, pdf.stderr
    text = "".join(
        "".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO((tmp_path / "r.pdf").read_bytes())).pages
    )
    assert "各部分推进情况" in text
    assert "存在的问题" in text
