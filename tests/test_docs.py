"""Docs that cannot drift: every command of `luoshi` is described in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

from luoshi.cli import cli

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_cli_command_is_documented():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"`luoshi {name}" in text, name


def test_the_readme_shows_the_two_commands():
    text = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "make demo" in text
    assert "make test" in text
