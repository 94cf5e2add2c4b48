"""`luoshi align PARENT CHILD` in Markdown, JSON and Excel, in both languages; bad input is a clear
message and exit 1."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from luoshi.cli import cli

SET = Path(__file__).parent / "set"
PARENT, CHILD = str(SET / "parent.txt"), str(SET / "child-b.txt")


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("LUOSHI_LANGUAGE", "zh-hans")
    return CliRunner()


def test_markdown_shows_both_quotes_the_finding_and_why(runner):
    out = runner.invoke(cli, ["align", PARENT, CHILD])
    assert out.exit_code == 0, out.output
    line = next(x for x in out.output.splitlines() if "奶类产量达到1000万吨" in x and "2028" in x)
    assert "承接但弱化" in line
    assert "年份推迟：2028年，上级为2027年" in line
    assert "同一指标：奶类产量" in line
    assert "## 新增" in out.output
    assert "动物疫病防控" in out.output


def test_json_is_for_programs(runner):
    out = runner.invoke(cli, ["align", PARENT, CHILD, "--format", "json"])
    data = json.loads(out.output)
    assert data["schema_version"] == 1
    assert data["counts"]["added"] == 2
    row = next(r for r in data["items"] if "奶类" in r["parent_text"])
    assert row["status"] == "weakened"
    assert row["weakenings"][0]["code"] == "year"


def test_xlsx_is_a_table_the_office_can_file(runner, tmp_path):
    path = tmp_path / "对标对表.xlsx"
    out = runner.invoke(cli, ["align", PARENT, CHILD, "--format", "xlsx", "-o", str(path)])
    assert out.exit_code == 0, out.output
    wb = load_workbook(path)
    rows = [list(r) for r in wb["对标对表"].iter_rows(values_only=True)]
    header = next(r for r in rows if r[0] == "类别")
    assert header[:6] == ["类别", "上级编号", "上级原文", "结论", "下级编号", "下级原文"]
    assert any(r[3] == "承接但弱化" and "2028" in (r[5] or "") for r in rows)
    assert [r[1] for r in wb["新增"].iter_rows(min_row=2, values_only=True)][-1].startswith("加强动物疫病")


def test_a_formula_in_a_child_stays_text_in_excel(runner, tmp_path):
    child = tmp_path / "方案.txt"
    child.write_text('某厅实施方案\n一、任务\n=HYPERLINK("http://x")推进农村公路建设。\n', encoding="utf-8")
    out = runner.invoke(
        cli, ["align", PARENT, str(child), "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")]
    )
    assert out.exit_code == 0, out.output
    ws = load_workbook(tmp_path / "a.xlsx")["新增"]
    cell = ws["B2"]
    assert cell.data_type == "s"
    assert str(cell.value).startswith("=HYPERLINK")


def test_english_when_asked(runner, monkeypatch):
    monkeypatch.setenv("LUOSHI_LANGUAGE", "en")
    out = runner.invoke(cli, ["align", PARENT, CHILD])
    assert "| weakened |" in out.output
    assert "a later year: 2028 against 2027" in out.output


def test_a_missing_file_is_a_message_not_a_traceback(runner, tmp_path):
    out = runner.invoke(cli, ["align", str(tmp_path / "无.txt"), CHILD])
    assert out.exit_code == 1
    assert "找不到文件" in out.output
    assert "Traceback" not in out.output


def test_a_file_with_no_structure_is_refused_naming_it(runner, tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_text("hello world", encoding="utf-8")
    out = runner.invoke(cli, ["align", PARENT, str(junk)])
    assert out.exit_code == 1
    assert "junk.txt" in out.output
    assert "未能识别" in out.output


def test_excel_to_a_terminal_asks_for_a_file(runner):
    out = runner.invoke(cli, ["align", PARENT, CHILD, "--format", "xlsx"])
    # CliRunner's output is not a terminal: the workbook goes to standard output
    assert out.exit_code == 0
    assert load_workbook(io.BytesIO(out.stdout_bytes))["对标对表"]
