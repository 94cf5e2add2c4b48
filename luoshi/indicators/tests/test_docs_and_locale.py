"""Docs that cannot drift, and an English catalogue that is compiled and complete."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from luoshi.cli import cli

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "luoshi" / "indicators" / "locale" / "en" / "LC_MESSAGES"


def test_every_indicators_subcommand_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    group = cli.commands["indicators"]
    for name in group.commands:  # type: ignore[attr-defined]
        assert f"`luoshi indicators {name}" in text, name


def test_the_docs_describe_the_models_pages_and_the_api_entry_points() -> None:
    text = (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    for name in (
        "Indicator",
        "Observation",
        "IndicatorAlias",
        "IndicatorBreak",
        "TargetIndicator",
        "ConfidenceOverride",
        "assess_targets",
        "task_lights",
        "/indicators/",
        "?format=json",
    ):
        assert name in text, name


def test_the_english_catalogue_is_compiled_and_complete() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)(?:msgid_plural[^\n]*\n)?msgstr', po, flags=re.M)
    msgids = ["".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"') for b in blocks]
    msgids = [m for m in msgids if m]
    with open(LOCALE / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [m for m in msgids if catalogue.gettext(m) == m]
    assert len(msgids) > 150
    assert untranslated == [], "recompile: msgfmt -o django.mo django.po"
