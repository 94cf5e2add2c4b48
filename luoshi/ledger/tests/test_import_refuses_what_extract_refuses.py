"""``luoshi import`` and the web's import refuse what ``luoshi extract`` refuses, with the same message:
"hello world" (no headings, no Chinese task sentences) and an SVG picture were imported as decisions
of one and three tasks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.cli import cli
from luoshi.ledger.models import Decision, Revision

pytestmark = pytest.mark.django_db

SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><text>推进工作</text></svg>'
CASES = {"hello.txt": ("hello world\n", "未能识别出任何结构"), "picture.svg": (SVG, "SVG 图片")}


@pytest.mark.parametrize("name", list(CASES))
def test_import_and_extract_refuse_alike_on_the_command_line(tmp_path: Path, name: str) -> None:
    text, message = CASES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", str(path)])
    imported = runner.invoke(cli, ["import", str(path)])
    assert extracted.exit_code == imported.exit_code == 1
    assert message in extracted.output
    assert imported.output.strip().splitlines()[-1] == extracted.output.strip().splitlines()[-1]  # same words
    assert "Traceback" not in imported.output
    assert not Decision.objects.exists()


def test_the_web_import_refuses_it_too_and_keeps_nothing(as_user: Any, office: Any) -> None:
    response = as_user(office).post(
        "/decisions/import/", {"file": SimpleUploadedFile("hello.txt", b"hello world\n")}
    )
    assert response.status_code == 200
    assert "未能识别出任何结构" in response.content.decode()
    assert not Revision.objects.exists()
