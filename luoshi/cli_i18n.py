"""The command line in the user's language: ``LUOSHI_LANGUAGE`` (zh-hans by default, or en).

Two catalogues, read with the standard library's gettext (``luoshi extract`` never loads Django):

- ``luoshi/locale/en/LC_MESSAGES/cli.po``: luoshi's own words (help texts, messages, output), written
  in Chinese in the source and translated to English;
- ``luoshi/locale/zh_Hans/LC_MESSAGES/click.po``: click's own words (Usage:, Error:, Missing argument,
  No such option …), written in English by click and translated to Chinese. click looks its messages
  up with ``gettext.gettext``; :func:`install` points the modules of click at :func:`click_gettext`,
  which answers from this catalogue while a luoshi command runs in Chinese, and leaves click as it
  is everywhere else.

The compiled ``.mo`` files are committed (``msgfmt -o cli.mo cli.po``); a test fails when a help text,
a message of luoshi or a message of click has no translation.

:class:`Group` is the ``luoshi`` command's class: before each run it reads the language and puts every
command's help, every option's help and the usage line's placeholders into it (:func:`localise`).
"""

from __future__ import annotations

import contextvars
import gettext as _gettext
import inspect
import os
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import click

LOCALE = Path(__file__).resolve().parent / "locale"
ZH = "zh-hans"
EN = "en"

_active: contextvars.ContextVar[str | None] = contextvars.ContextVar("luoshi_cli_language", default=None)
_catalogues: dict[str, _gettext.NullTranslations] = {}


class LanguageError(click.ClickException):
    """LUOSHI_LANGUAGE names a language luoshi does not speak."""


def language() -> str:
    """The command line's language: zh-hans unless LUOSHI_LANGUAGE says en.

    Accepted: zh, zh-hans, zh-CN, zh_CN … (Chinese), en, en-GB, en_US … (English); empty is Chinese.
    """
    raw = (os.environ.get("LUOSHI_LANGUAGE") or "").strip()
    value = raw.lower().replace("_", "-")
    if not value or value.startswith("zh"):
        return ZH
    if value == "en" or value.startswith("en-"):
        return EN
    raise LanguageError(
        f"LUOSHI_LANGUAGE={raw!r}：应为 zh-hans（中文）或 en（英文）。"
        f" / LUOSHI_LANGUAGE={raw!r}: expected zh-hans (Chinese) or en (English)."
    )


def english() -> bool:
    return current() == EN


def current() -> str:
    """The language of the command running now (else the environment's, else Chinese)."""
    active = _active.get()
    if active is not None:
        return active
    try:
        return language()
    except LanguageError:
        return ZH


def _catalogue(name: str, lang_dir: str) -> _gettext.NullTranslations:
    if name not in _catalogues:
        path = LOCALE / lang_dir / "LC_MESSAGES" / f"{name}.mo"
        try:
            with path.open("rb") as fh:
                _catalogues[name] = _gettext.GNUTranslations(fh)
        except OSError:  # a broken install: speak the source language rather than fail
            _catalogues[name] = _gettext.NullTranslations()
    return _catalogues[name]


def english_catalogue() -> _gettext.NullTranslations:
    return _catalogue("cli", EN)


def chinese_click_catalogue() -> _gettext.NullTranslations:
    return _catalogue("click", "zh_Hans")


def _(message: str) -> str:
    """luoshi's own words (Chinese in the source), in the command's language."""
    if not message or not english():
        return message
    return english_catalogue().gettext(message)


def tr(message: str) -> str:
    """Any word the command line shows, whoever wrote it: luoshi's (Chinese) or click's (English)."""
    if not message:
        return message
    if english():
        return english_catalogue().gettext(message)
    return chinese_click_catalogue().gettext(message)


# -- click's own messages -------------------------------------------------------------------------
def click_gettext(message: str) -> str:
    """click's ``_``: Chinese while a luoshi command runs in Chinese; click's English otherwise."""
    if _active.get() == ZH:
        return chinese_click_catalogue().gettext(message)
    return _gettext.gettext(message)


def click_ngettext(singular: str, plural: str, n: int) -> str:
    if _active.get() == ZH:
        return chinese_click_catalogue().ngettext(singular, plural, n)
    return _gettext.ngettext(singular, plural, n)


CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
)


def install() -> list[ModuleType]:
    """Route click's message look-ups through :func:`click_gettext`. Returns the modules changed."""
    changed = []
    for name in CLICK_MODULES:
        module = sys.modules.get(name)
        if module is None:
            try:
                module = __import__(name, fromlist=["_"])
            except ImportError:
                continue
        touched = False
        if getattr(module, "_", None) in (_gettext.gettext, click_gettext):
            module._ = click_gettext  # type: ignore[attr-defined]
            touched = True
        if getattr(module, "ngettext", None) in (_gettext.ngettext, click_ngettext):
            module.ngettext = click_ngettext  # type: ignore[attr-defined]
            touched = True
        if touched:
            changed.append(module)
    return changed


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    token = _active.set(lang)
    try:
        yield
    finally:
        _active.reset(token)


# -- the commands' own texts ----------------------------------------------------------------------


def _source(obj: Any, attr: str) -> Any:
    """The text as written in the source, remembered before the first translation replaces it."""
    key = f"_luoshi_source_{attr}"
    if key not in obj.__dict__:
        obj.__dict__[key] = getattr(obj, attr)
    return obj.__dict__[key]


def _help(text: str | None) -> str | None:
    return tr(inspect.cleandoc(text)) if text else text


def localise(command: click.Command, lang: str) -> None:
    """Put a command, its options and its sub-commands into ``lang`` (run before parsing)."""
    with speaking(lang):
        for attr in ("help", "short_help", "epilog"):
            setattr(command, attr, _help(_source(command, attr)))
        command.options_metavar = tr(_source(command, "options_metavar") or "") or None
        command._help_option = None  # click caches it with its help text
        for param in command.params:
            if isinstance(param, click.Option):
                param.help = _help(_source(param, "help"))
            metavar = _source(param, "metavar")
            if metavar is not None:
                param.metavar = tr(metavar)
            elif isinstance(param, click.Option) and not param.is_flag and lang == ZH:
                name = str(getattr(param.type, "name", ""))  # INTEGER, TEXT, FILE …: in Chinese
                word = tr(name) if name else ""
                param.metavar = word if word != name else None
            else:
                param.metavar = None
        if isinstance(command, click.Group):
            command.subcommand_metavar = tr(_source(command, "subcommand_metavar"))
            for sub in command.commands.values():
                localise(sub, lang)


NO_LINE_START = set("，。、；：？！）》」』”’〉】…—,.;:?!)")


def width(text: str) -> int:
    """The columns a text takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between: a Latin word (with its spaces), or one wide character."""
    out: list[str] = []
    for c in text:
        wide = unicodedata.east_asian_width(c) in "WF"
        if wide or not out or unicodedata.east_asian_width(out[-1][-1]) in "WF" or out[-1].endswith(" "):
            out.append(c)
        else:
            out[-1] += c
    return out


def wrap(text: str, columns: int, indent: str = "") -> list[str]:
    """Wrap a paragraph of mixed Chinese and Latin text to ``columns`` terminal columns."""
    lines: list[str] = []
    line = indent
    for token in _tokens(text):
        if (
            width(line) + width(token.rstrip()) > columns
            and line.strip()
            and token[0] not in NO_LINE_START
            and token != " "
        ):
            lines.append(line.rstrip())
            line = indent + token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one text: no space where a Chinese line was broken."""
    text = ""
    for part in (x.strip() for x in lines):
        if text and text[-1].isascii() and part[:1].isascii():
            text += " "
        text += part
    return text


class Formatter(click.HelpFormatter):
    """click's help layout; in Chinese with Chinese punctuation (用法：…, 选项：) and wrapped by the
    columns a Chinese character takes (two), so that the options' column lines up."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and current() == ZH:
            prefix = "用法："
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if current() == ZH:
            self.write(f"{'':>{self.current_indent}}{heading}：\n")
        else:
            super().write_heading(heading)

    def _paragraphs(self, text: str, columns: int, indent: str) -> list[str]:
        out: list[str] = []
        for block in text.split("\n\n"):
            lines = [x for x in block.splitlines() if x.strip()]
            if not lines:
                continue
            extra = " " * (len(lines[0]) - len(lines[0].lstrip()))
            if out:
                out.append("")
            out += wrap(_joined(lines), columns, indent + extra)
        return out

    def write_text(self, text: str) -> None:
        if current() != ZH:
            return super().write_text(text)
        indent = " " * self.current_indent
        self.write("\n".join(self._paragraphs(text, self.width, indent)) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        if current() != ZH:
            return super().write_dl(rows, col_max, col_spacing)
        rows = list(rows)
        first_col = min(max((width(a) for a, _b in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            columns = max(self.width - first_col - self.current_indent, 10)
            lines = self._paragraphs(second, columns, "") or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    context_class = Context


class Group(click.Group):
    """The ``luoshi`` group: every run speaks LUOSHI_LANGUAGE, click's messages included."""

    context_class = Context
    command_class = Command
    group_class = type  # sub-groups are of this class too

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            lang = language()
        except LanguageError as e:
            if not standalone_mode:
                raise
            e.show()
            sys.exit(e.exit_code)
        install()
        localise(self, lang)
        with speaking(lang):
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)


def version_option(version: str, prog: str) -> Callable[[Any], Any]:
    """``--version``, saying it in the command's language."""

    def show(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        click.echo(_("%(prog)s，版本 %(version)s") % {"prog": prog, "version": version})
        ctx.exit()

    return click.option(
        "--version",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=show,
        help="显示版本并退出。",
    )
