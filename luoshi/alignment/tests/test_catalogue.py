"""The app's English catalogue is compiled and complete."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"


def test_the_english_catalogue_is_compiled_and_complete() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)msg(?:str|id_plural)', po, flags=re.M)
    msgids = ["".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"') for b in blocks]
    msgids = [m for m in msgids if m]
    with open(LOCALE / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [m for m in msgids if catalogue.gettext(m) == m and m != "JSON"]
    assert len(msgids) > 40
    assert untranslated == [], "recompile: luoshi manage compilemessages"
