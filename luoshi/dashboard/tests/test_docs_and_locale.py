"""Docs that cannot drift, and an English catalogue that is compiled and complete."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "luoshi" / "dashboard" / "locale" / "en" / "LC_MESSAGES"


def test_the_english_catalogue_is_compiled_and_complete() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)msg(?:str|id_plural)', po, flags=re.M)
    msgids = ["".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"') for b in blocks]
    msgids = [m for m in msgids if m]
    with open(LOCALE / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [m for m in msgids if catalogue.gettext(m) == m]
    assert len(msgids) > 80
    assert untranslated == [], "recompile: msgfmt -o django.mo django.po"


def test_the_docs_describe_the_figures_the_rule_the_models_and_the_commands() -> None:
    text = (ROOT / "docs" / "dashboard.md").read_text(encoding="utf-8")
    for name in (
        "Snapshot",
        "PeriodSnapshot",
        "LAZY_LIMIT",
        "luoshi dashboard refresh",
        "?format=json",
        "/api/v1/dashboard",
        "tasks_url",
        "light=",
        "returned=1",
        "bench/bench_dashboard.py",
    ):
        assert name in text, name
