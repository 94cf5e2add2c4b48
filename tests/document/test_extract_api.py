"""extract() takes a path, bytes, a stream or the text itself; the CLI speaks for it."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner

from luoshi.cli import cli
from luoshi.document import extract

TEXT = "一、重点任务\n（一）加强生态建设。到2035年森林覆盖率达到25%。\n"


def test_text_bytes_a_stream_and_a_path_give_the_same_checklist(tmp_path):
    path = tmp_path / "decision.txt"
    path.write_text(TEXT, encoding="utf-8")
    results = [
        extract(TEXT),
        extract(TEXT.encode("gb18030")),
        extract(io.BytesIO(TEXT.encode())),
        extract(path),
        extract(str(path)),
    ]
    assert len({json.dumps([t.to_dict() for t in d.targets]) for d in results}) == 1
    assert extract(path).source == str(path)


def test_a_string_that_is_not_a_file_is_the_text():
    assert extract("no-such-file.txt").items[0].text == "no-such-file.txt"


def test_the_cli_refuses_a_text_with_no_recognisable_structure():
    result = CliRunner().invoke(cli, ["extract", "-"], input=b"lorem ipsum dolor sit amet 12345\n")
    assert result.exit_code == 1
    assert "未能识别出任何结构" in result.output
    assert "Traceback" not in result.output


def test_the_cli_prints_the_json_contract():
    result = CliRunner().invoke(cli, ["extract", "-"], input=TEXT.encode())
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    assert data["targets"][0]["indicator"] == "森林覆盖率"
