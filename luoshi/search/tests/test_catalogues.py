"""The English catalogues of the api, exchange and search apps are compiled and complete (each app
keeps its own, beside the shared one in luoshi/web/locale)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("app", ["api", "exchange", "search"])
def test_the_apps_english_catalogue_is_compiled_and_complete(app: str) -> None:
    locale = ROOT / app / "locale" / "en" / "LC_MESSAGES"
    po = (locale / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)(?:msgid_plural|msgstr)', po, flags=re.M)
    msgids = [
        m
        for m in ("".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"') for b in blocks)
        if m
    ]
    with open(locale / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [m for m in msgids if catalogue.gettext(m) == m and catalogue.ngettext(m, m, 2) == m]
    assert len(msgids) > 10
    assert untranslated == [], "translate, then: msgfmt -o django.mo django.po"
