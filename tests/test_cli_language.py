"""The command line speaks LUOSHI_LANGUAGE: help, usage lines, click's own errors and luoshi's."""

from __future__ import annotations

import ast
import gettext
import inspect
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from luoshi import cli_i18n
from luoshi.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EN_PO = ROOT / "luoshi" / "locale" / "en" / "LC_MESSAGES" / "cli.po"
ZH_PO = ROOT / "luoshi" / "locale" / "zh_Hans" / "LC_MESSAGES" / "click.po"
SOURCES = ("luoshi/cli.py", "luoshi/cli_database.py", "luoshi/cli_i18n.py")


def run(*args: str, language: str | None = None) -> click.testing.Result:
    env = {"LUOSHI_LANGUAGE": language} if language is not None else {"LUOSHI_LANGUAGE": ""}
    return CliRunner().invoke(cli, list(args), env=env, prog_name="luoshi")


def test_help_is_in_chinese_by_default_with_a_chinese_usage_line() -> None:
    out = run("extract", "--help").output
    assert out.startswith("用法：luoshi extract [选项] 文件\n")
    assert "读取一份决定" in out
    assert "示例：" in out
    assert "选项：" in out
    assert "显示本帮助并退出。" in out
    assert "[默认：json]" in out
    assert "Usage" not in out
    assert "Show this message" not in out


def test_help_is_in_english_when_asked() -> None:
    out = run("extract", "--help", language="en").output
    assert out.startswith("Usage: luoshi extract [OPTIONS] FILE\n")
    assert "Read a decision" in out
    assert "Example:" in out
    assert "Show this message and exit." in out
    assert not re.search(r"[\u4e00-\u9fff]{4}", out.replace("任务清单", "").replace("今年/明年", ""))


def test_the_group_lists_its_commands_in_the_language() -> None:
    zh = run("--help").output
    assert zh.startswith("用法：luoshi [选项] 命令 [参数]...")
    assert "命令：" in zh
    en = run("--help", language="en").output
    assert "Commands:" in en


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["extract"], "错误：缺少参数 '文件'", "Error: Missing argument 'FILE'"),
        (["extract", "x.txt", "--nope"], "错误：没有选项 '--nope'。", "Error: No such option '--nope'"),
        (["nope"], "错误：没有命令 'nope'。", "Error: No such command 'nope'"),
        (
            ["extract", "x.txt", "--format", "doc"],
            "错误：'--format' 的值无效：'doc' 不在可选值",
            "Error: Invalid value for '--format': 'doc' is not one of",
        ),
        (
            ["serve", "--port", "x"],
            "错误：'--port' 的值无效：'x' 不是有效的",
            "Error: Invalid value for '--port': 'x' is not a valid integer",
        ),
        (["extract", "missing.txt"], "错误：找不到文件：missing.txt", "Error: No such file: missing.txt"),
    ],
)
def test_errors_come_in_the_language_with_a_usage_line_and_no_traceback(
    args: list[str], zh: str, en: str
) -> None:
    chinese = run(*args)
    assert chinese.exit_code != 0
    assert zh in chinese.output, chinese.output
    assert "Traceback" not in chinese.output
    english = run(*args, language="en")
    assert english.exit_code != 0
    assert en in english.output, english.output
    if "--nope" in args or args == ["extract"]:
        assert "用法：luoshi extract [选项] 文件" in chinese.output
        assert "运行 'luoshi extract --help' 查看帮助。" in chinese.output
        assert "Usage: luoshi extract [OPTIONS] FILE" in english.output


def test_the_version_is_said_in_the_language() -> None:
    assert run("--version").output.startswith("luoshi，版本 ")
    assert run("--version", language="en").output.startswith("luoshi, version ")


def test_an_unknown_language_is_refused_in_both() -> None:
    result = run("--help", language="fr")
    assert result.exit_code == 1
    assert "LUOSHI_LANGUAGE='fr'：应为 zh-hans（中文）或 en（英文）" in result.output
    assert "expected zh-hans (Chinese) or en (English)" in result.output


@pytest.mark.parametrize("value", ["zh", "zh-hans", "zh_CN", "ZH-Hans", " "])
def test_every_spelling_of_chinese_is_chinese(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUOSHI_LANGUAGE", value)
    assert cli_i18n.language() == "zh-hans"


@pytest.mark.parametrize("value", ["en", "EN", "en_GB", "en-US"])
def test_every_spelling_of_english_is_english(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUOSHI_LANGUAGE", value)
    assert cli_i18n.language() == "en"


def test_click_keeps_its_own_english_outside_a_luoshi_command() -> None:
    run("--help")  # installs the Chinese for click while luoshi runs

    @click.command()
    @click.argument("name")
    def other(name: str) -> None:
        """Another program using click in the same process."""

    result = CliRunner().invoke(other, [])
    assert "Error: Missing argument 'NAME'." in result.output


def test_chinese_help_wraps_by_the_columns_a_character_takes() -> None:
    out = run("report", "--help").output
    options = out.split("选项：\n", 1)[1].splitlines()
    starts = set()
    for line in options:
        m = re.match(r"^  (-\S.*?)  +(\S)", line)
        if m:
            starts.add(cli_i18n.width(line[: m.start(2)]))
    assert len(starts) == 1, options  # every description starts in the same column
    assert max(cli_i18n.width(line) for line in out.splitlines()) <= 80


# -- the catalogues ---------------------------------------------------------------------------------
def _commands(command: click.Command) -> list[click.Command]:
    out = [command]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            out += _commands(sub)
    return out


def _source(obj: object, attr: str) -> str | None:
    value = obj.__dict__.get(f"_luoshi_source_{attr}", getattr(obj, attr, None))
    return inspect.cleandoc(value) if isinstance(value, str) and value else None


def luoshi_msgids() -> list[str]:
    """Every Chinese text the command line may show: help texts, option helps, placeholders, and the
    messages given to _(), _say() and _fail() in its modules."""
    ids: list[str] = []
    for command in _commands(cli):
        ids += [x for x in (_source(command, "help"), _source(command, "short_help")) if x]
        for param in command.params:
            ids += [x for x in (_source(param, "help"), _source(param, "metavar")) if x]
    for path in SOURCES:
        for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "_say", "_fail", "tr"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                ids.append(node.args[0].value)
    return list(dict.fromkeys(i for i in ids if re.search(r"[\u4e00-\u9fff]", i)))


def click_msgids() -> list[str]:
    """Every message click looks up with gettext, read from click's own source."""
    ids: list[str] = []
    for path in sorted(Path(click.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "ngettext"}
            ) and (
                node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                ids.append(node.args[0].value)
    return list(dict.fromkeys(ids))


def as_po(missing: list[str]) -> str:
    return "\n".join(f'msgid {ast.literal_eval(repr(m))!r}\nmsgstr ""\n' for m in missing)


def test_every_help_text_and_message_has_its_english() -> None:
    with (EN_PO.with_suffix(".mo")).open("rb") as fh:
        english = gettext.GNUTranslations(fh)
    ids = luoshi_msgids()
    assert len(ids) > 80
    missing = [m for m in ids if english.gettext(m) == m]
    assert missing == [], "add to luoshi/locale/en/LC_MESSAGES/cli.po and run msgfmt:\n" + as_po(missing)


def test_every_message_of_click_has_its_chinese() -> None:
    with (ZH_PO.with_suffix(".mo")).open("rb") as fh:
        chinese = gettext.GNUTranslations(fh)
    ids = click_msgids()
    assert "Usage:" in ids
    assert "Error: {message}" in ids
    missing = [m for m in ids if chinese.gettext(m) == m and m not in {"d"}]
    assert missing == [], "add to luoshi/locale/zh_Hans/LC_MESSAGES/click.po and run msgfmt:\n" + as_po(
        missing
    )


@pytest.mark.parametrize("po", [EN_PO, ZH_PO])
def test_the_catalogues_are_compiled(po: Path) -> None:
    text = po.read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)msg(?:str|id_plural)', text, flags=re.M)
    msgids = [
        ast.literal_eval('"' + "".join(line.strip()[1:-1] for line in b.strip().splitlines()) + '"')
        for b in blocks
    ]
    with po.with_suffix(".mo").open("rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    stale = [m for m in msgids if m and catalogue.gettext(m) == m and m != "d"]
    assert stale == [], f"recompile: msgfmt -o {po.with_suffix('.mo').name} {po.name}"
