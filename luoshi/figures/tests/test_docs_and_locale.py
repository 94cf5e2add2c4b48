"""One definition, said in one place: every figure is described in docs/figures.md, every list of
lights is the one of ``luoshi.figures.colours``, and the English catalogue is compiled and complete."""

from __future__ import annotations

import gettext
import re
import typing
from pathlib import Path

from luoshi.figures import colours
from luoshi.figures.catalogue import FIGURES

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "luoshi" / "figures" / "locale" / "en" / "LC_MESSAGES"


def test_every_figure_is_described_in_docs_figures_md_with_its_code_and_name() -> None:
    text = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    for f in FIGURES:
        assert f"{f.name} (`{f.code}`" in text, f.code
    assert len({f.code for f in FIGURES}) == len(FIGURES)


def test_every_light_is_described_with_its_code() -> None:
    text = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    for code in colours.ORDER:
        assert f"| {colours.LABELS[code]} | `{code}` |" in text, code


def test_the_stored_lights_the_filters_and_the_api_list_the_same_lights_in_the_same_order() -> None:
    from luoshi.api.routers.ledger import Color as ApiColor
    from luoshi.ledger.forms import LIGHT_FILTERS
    from luoshi.supervision.models import SEVERITY, Color

    assert tuple(Color.values) == colours.STORED
    assert typing.get_args(ApiColor) == colours.ORDER
    assert [c for c, _label in LIGHT_FILTERS] == list(colours.ORDER)
    assert set(SEVERITY) == set(Color)


def test_the_english_catalogue_is_compiled_and_complete() -> None:
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"[^\n]*"\n)+)msg(?:str|id_plural)', po, flags=re.M)
    msgids = ["".join(line[1:-1] for line in b.strip().splitlines()).replace('\\"', '"') for b in blocks]
    msgids = [m for m in msgids if m]
    with open(LOCALE / "django.mo", "rb") as fh:
        catalogue = gettext.GNUTranslations(fh)
    untranslated = [m for m in msgids if catalogue.gettext(m) == m]
    assert msgids
    assert untranslated == [], "recompile: msgfmt -o django.mo django.po"
