"""The ``luoshi`` command: a thin click group over the library.

Keep this module's imports light: ``luoshi extract`` must start fast, so Django and the heavy
libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__

SHARED_DECISION = Path("..") / "shared" / "corpus" / "im-decision-2022.txt"


def _language() -> str:
    """The CLI's language: LUOSHI_LANGUAGE, else zh-hans (the default interface language)."""
    return os.environ.get("LUOSHI_LANGUAGE", "zh-hans")


def _fail(zh: str, en: str) -> click.ClickException:
    return click.ClickException(zh if _language().startswith("zh") else en)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="luoshi")
def cli() -> None:
    """luoshi (落实): turn a policy decision into a checklist, and see it carried out."""


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "xlsx"]),
    default="json",
    show_default=True,
    help="json is the stable contract; md a readable checklist; xlsx a 任务清单 workbook.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Where to write (default: standard output; xlsx needs a file name or a pipe).",
)
@click.option("--year", type=int, default=None, help="The document's own year, for 今年/明年.")
def extract(file: str, fmt: str, output: str, year: int | None) -> None:
    """Read a decision (txt, docx, pdf, html, or - for standard input) and print its checklist.

    Example:

        luoshi extract decision.txt --format md
    """
    from .document import DocumentError
    from .document import extract as run

    try:
        if file == "-":
            doc = run(sys.stdin.buffer, name="-", year=year)
        else:
            if not os.path.isfile(file):
                raise _fail(f"找不到文件：{file}", f"No such file: {file}")
            doc = run(Path(file), year=year)
    except DocumentError as e:
        raise _fail(e.zh, e.en) from None
    if "no_structure" in doc.warnings:
        raise _fail(
            "未能识别出任何结构：没有标题层次，也没有中文任务语句。请确认这是一份决定、意见或工作报告。",
            "No recognisable structure: no headings and no Chinese task sentences. "
            "Is this a decision, an opinion or a work report?",
        )
    _write(doc, fmt, output)


def _write(doc: Any, fmt: str, output: str) -> None:
    if fmt == "xlsx":
        if output == "-":
            if sys.stdout.isatty():
                raise _fail("Excel 输出请用 -o 指定文件名。", "Give a file name with -o for Excel output.")
            doc.to_xlsx(sys.stdout.buffer)
        else:
            doc.to_xlsx(output)
        return
    text = doc.to_json() if fmt == "json" else doc.to_markdown()
    if output == "-":
        click.echo(text)
    else:
        Path(output).write_text(text + "\n", encoding="utf-8")


@cli.command()
@click.option("--no-serve", is_flag=True, help="Do everything except serving.")
def demo(no_serve: bool) -> None:
    """Load the demo decision and show its checklist.

    Example:

        luoshi demo
    """
    from .document import extract as run

    if SHARED_DECISION.is_file():
        doc = run(SHARED_DECISION)
        click.echo(f"# 演示：{SHARED_DECISION}\n")
    else:
        from .samples import SAMPLE_DECISION

        doc = run(SAMPLE_DECISION)
        click.echo("# 演示：示例决定（团队自拟的样例文本，并非真实文件）\n")
    click.echo(doc.to_markdown())


def main() -> None:
    cli(prog_name="luoshi")


if __name__ == "__main__":
    main()
