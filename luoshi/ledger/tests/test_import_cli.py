"""`luoshi import`: what is not a task stays out unless asked for; what the reading is unsure of is said."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from luoshi.cli import cli
from luoshi.ledger.models import Decision

from .test_import_choices import REPORT

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_import_leaves_the_review_and_the_preamble_out_and_says_how_to_include_them(report: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(report)])
    assert result.exit_code == 0, result.output
    assert (
        "未导入 3 项（导语 1 项，回顾 2 项），它们不是任务；需要时加 --include-review 一并导入。"
        in result.output
    )
    assert list(Decision.objects.get().tasks.order_by("order").values_list("key", flat=True)) == [
        "2.1.1",
        "2.1.2",
        "2.2.1",
    ]


def test_import_with_include_review_imports_every_item(report: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(report), "--include-review"])
    assert result.exit_code == 0, result.output
    assert "未导入" not in result.output
    assert Decision.objects.get().tasks.count() == 6


def test_import_says_what_the_reading_is_unsure_of_in_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "untitled.txt"
    path.write_text("一、总体要求\n坚持稳中求进。\n二、重点任务\n加快发展。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), "--dry-run"])
    assert "注意：没有找到文件的标题。" in result.output
    monkeypatch.setenv("LUOSHI_LANGUAGE", "en")
    result = CliRunner().invoke(cli, ["import", str(path), "--dry-run"])
    assert "Note: No title was found." in result.output
    assert not Decision.objects.exists()
