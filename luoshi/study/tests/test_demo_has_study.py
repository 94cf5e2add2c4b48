"""After ``luoshi demo``, the decision has its 应知应会 with one question rejected, and most units to
study it have recorded sessions with sign-in sheets; the others show as not yet studied."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_study_story(client: Any, settings: Any, tmp_path: Any) -> None:
    from django.contrib.auth import get_user_model

    from luoshi.progress.demo import build
    from luoshi.samples import SAMPLE_DECISION
    from luoshi.study.models import Guide, Question, SessionFile, StudySession

    settings.MEDIA_ROOT = tmp_path / "files"
    result = build(SAMPLE_DECISION, is_sample=True, today=dt.date(2026, 11, 20))
    decision = result["decision"]
    assert Guide.objects.filter(decision=decision).exists()
    assert Question.objects.filter(decision=decision, state="rejected").count() == 1
    assert result["study"]["sessions"] == StudySession.objects.filter(is_demo=True).count() > 0
    assert SessionFile.objects.exists()
    assert not StudySession.objects.filter(held_on__gt=dt.date(2026, 11, 20)).exists()
    client.force_login(get_user_model().objects.get(username="leader"))
    study = client.get("/dashboard/?format=json").json()["study"]
    row = study["decisions"][0]
    assert 0 < row["studied"] < row["expected"]
    assert study["not_yet_total"] == row["not_studied"] > 0
