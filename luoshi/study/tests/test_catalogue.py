"""The study app's English catalogue is compiled and complete, and its pages read in English."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES"


def test_the_english_catalogue_is_compiled_and_complete() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)msg(?:str|id_plural)', po, flags=re.M)
    msgids = ["".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"') for b in blocks]
    msgids = [m for m in msgids if m]
    with open(LOCALE / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [m for m in msgids if catalogue.gettext(m) == m]
    assert len(msgids) > 150
    assert untranslated == [], "recompile: luoshi manage compilemessages"


@pytest.mark.django_db
def test_the_study_pages_read_in_english(as_user: Any, office: Any) -> None:
    client = as_user(office)
    client.cookies["django_language"] = "en"
    page = client.get("/study/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Study and publicity" in page
    assert "学习宣传" not in page.split("<main", 1)[1]
