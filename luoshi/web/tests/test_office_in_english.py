"""The office's own screens (管理) read in English when the user chose English: every label, help text,
button and message of them is in the catalogues."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from luoshi.ledger.tests.factory import make_decision
from luoshi.supervision.models import Channel

pytestmark = pytest.mark.django_db
HAN = re.compile(r"[\u4e00-\u9fff]+")


def test_every_office_screen_is_in_english_when_english_is_chosen(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    decision = make_decision(title="Decision on testing")
    channel = Channel.objects.create(
        name="Office mail", kind="email", target="dcs@example.org", kinds=["urge"]
    )
    client = as_user(office)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    # the data shown (a unit's name, the office's own name) is the office's, in Chinese; the English
    # for 版记 keeps the Chinese term beside it, as a gloss
    data = {"自治区发展和改革委员会", "发展改革委", "王敏", "版记"}
    pages = [
        reverse("office"),
        reverse("ledger:person-list"),
        reverse("ledger:person-new"),
        reverse("ledger:person-edit", args=[office.pk]),
        reverse("ledger:person-password", args=[office.pk]),
        reverse("ledger:unit-tree"),
        reverse("ledger:unit-new"),
        reverse("ledger:unit-edit", args=[unit_a.pk]),
        reverse("ledger:unit-merge", args=[unit_a.pk]),
        reverse("ledger:unit-order"),
        reverse("supervision:channel-list"),
        reverse("supervision:channel-new"),
        reverse("supervision:channel-edit", args=[channel.pk]),
        reverse("supervision:schedule-list"),
        reverse("supervision:schedule-edit", args=[decision.pk]),
        reverse("supervision:rules"),
        reverse("supervision:holidays"),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        main = re.sub(r"<textarea[^>]*>.*?</textarea>", " ", main, flags=re.S)  # what the office wrote
        chinese = set(HAN.findall(re.sub(r"<[^>]+>", " ", main))) - data
        assert not chinese, f"{url}: {sorted(chinese)[:10]}"
