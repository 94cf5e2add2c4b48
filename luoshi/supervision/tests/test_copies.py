"""Copy-paste reports (形式主义): near-copies of the unit's previous report or of another unit's, and
progress claimed without evidence or a measured value. Measured on the team's own fixtures."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.models import Target
from luoshi.progress.models import Claim, Evidence, Measurement
from luoshi.supervision.models import CopyFlag, FlagKind, Rules
from luoshi.supervision.similarity import normalize, side_by_side, similarity
from luoshi.supervision.supervisor import Supervisor

from .factory import hand_in, make_supervised_task

FIXTURES = json.loads((Path(__file__).parent / "fixtures" / "copy_reports.json").read_text(encoding="utf-8"))
D = dt.date
GRASS = FIXTURES["groups"][0]["texts"]
BANNERS = FIXTURES["groups"][14]["texts"]


def evaluate(threshold: float) -> tuple[float, float, int, int]:
    texts = [(g, t) for g, group in enumerate(FIXTURES["groups"]) for t in group["texts"]]
    tp = fp = fn = 0
    for (ga, a), (gb, b) in itertools.combinations(texts, 2):
        flagged = similarity(a, b) >= threshold
        tp += flagged and ga == gb
        fp += flagged and ga != gb
        fn += not flagged and ga == gb
    return tp / (tp + fp), tp / (tp + fn), tp + fn, len(texts) * (len(texts) - 1) // 2 - tp - fn


def test_the_detector_is_precise_and_catches_copies_at_the_default_threshold() -> None:
    threshold = Rules._meta.get_field("copy_threshold").default
    precision, recall, copies, others = evaluate(threshold)
    assert (copies, others) == (13, 617)
    assert precision == 1.0  # stated in docs/supervision.md
    assert recall == 1.0


def test_a_stricter_threshold_misses_the_heavily_rewritten_copy() -> None:
    precision, recall, _c, _o = evaluate(0.7)
    assert precision == 1.0
    assert recall == pytest.approx(12 / 13)


def test_figures_punctuation_and_spacing_do_not_hide_a_copy() -> None:
    assert normalize("完成投资 12.5 亿元，同比增长8%。") == normalize("完成投资15亿元;同比增长10%")
    assert similarity(GRASS[0], GRASS[1]) > 0.9


def test_the_two_texts_are_shown_side_by_side_with_their_differences() -> None:
    left, right = side_by_side("完成围栏建设80公里。", "完成围栏建设95公里。")
    assert [(s.text, s.same) for s in left] == [("完成围栏建设", True), ("80", False), ("公里。", True)]
    assert "".join(s.text for s in right) == "完成围栏建设95公里。"


@pytest.mark.django_db
def test_a_report_copied_from_the_units_previous_report_is_flagged(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, assigned=D(2026, 4, 1))
    first = hand_in(task, unit_a, "2026Q2", narrative=GRASS[0], percent=40, on=D(2026, 7, 3))
    second = hand_in(task, unit_a, "2026Q3", narrative=GRASS[1], percent=40, on=D(2026, 10, 9))
    clock(2026, 10, 20)
    Supervisor().run()
    flag = CopyFlag.objects.get(report=second, kind=FlagKind.SAME_UNIT)
    assert flag.other == first
    assert flag.similarity > 0.9


@pytest.mark.django_db
def test_banners_copying_each_others_report_on_a_cascaded_task_are_flagged(
    league: Any, banner: Any, banner2: Any, clock: Any
) -> None:
    parent = make_supervised_task(league)
    subs = [make_supervised_task(b, parent=parent, decision=parent.decision) for b in (banner, banner2)]
    a = hand_in(subs[0], banner, "2026Q3", narrative=BANNERS[0], on=D(2026, 10, 9))
    b = hand_in(subs[1], banner2, "2026Q3", narrative=BANNERS[1], on=D(2026, 10, 10))
    clock(2026, 10, 20)
    Supervisor().run()
    flagged = {(f.report_id, f.other_id) for f in CopyFlag.objects.filter(kind=FlagKind.OTHER_UNIT)}
    assert flagged == {(a.pk, b.pk), (b.pk, a.pk)}


@pytest.mark.django_db
def test_a_verbatim_copy_of_any_other_units_report_in_the_period_is_flagged(
    unit_a: Any, unit_b: Any, clock: Any
) -> None:
    text = FIXTURES["groups"][20]["texts"][0]
    a = hand_in(make_supervised_task(unit_a), unit_a, "2026Q3", narrative=text)
    b = hand_in(make_supervised_task(unit_b), unit_b, "2026Q3", narrative=text)
    clock(2026, 10, 20)
    Supervisor().run()
    assert CopyFlag.objects.get(report=b, kind=FlagKind.OTHER_UNIT).other == a


@pytest.mark.django_db
def test_short_stock_phrases_are_not_compared(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, assigned=D(2026, 4, 1))
    hand_in(task, unit_a, "2026Q2", narrative="按计划推进。", percent=50)
    hand_in(task, unit_a, "2026Q3", narrative="按计划推进。", percent=50)
    clock(2026, 10, 20)
    Supervisor().run()
    assert not CopyFlag.objects.exclude(kind=FlagKind.UNSUPPORTED).exists()


@pytest.mark.django_db
def test_progress_claimed_without_evidence_or_a_measured_value_is_flagged(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, assigned=D(2026, 4, 1))
    hand_in(task, unit_a, "2026Q2", narrative=GRASS[0], percent=30)
    bare = hand_in(task, unit_a, "2026Q3", narrative=FIXTURES["groups"][1]["texts"][0], percent=60)
    clock(2026, 10, 20)
    Supervisor().run()
    assert set(CopyFlag.objects.filter(kind=FlagKind.UNSUPPORTED).values_list("report", flat=True)) >= {
        bare.pk
    }


@pytest.mark.django_db
def test_evidence_or_a_measured_value_supports_the_progress(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, assigned=D(2026, 7, 1))
    with_file = hand_in(task, unit_a, "2026Q3", narrative="本季度完成了围栏建设。", percent=60)
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    Evidence.attach(with_file, pdf, by=None)
    other = make_supervised_task(unit_a, assigned=D(2026, 7, 1))
    target = Target.objects.create(
        decision=other.decision, task=other, key="T1", kind="numeric", indicator="围栏", value=100
    )
    measured = hand_in(other, unit_a, "2026Q3", narrative="完成了。", percent=60, claim=Claim.ON_TRACK)
    Measurement.objects.create(report=measured, target=target, value=80)
    clock(2026, 10, 20)
    Supervisor().run()
    assert not CopyFlag.objects.filter(kind=FlagKind.UNSUPPORTED).exists()


@pytest.mark.django_db
def test_a_second_run_raises_nothing_new_and_a_dismissed_flag_stays_dismissed(
    unit_a: Any, office: Any, clock: Any
) -> None:
    task = make_supervised_task(unit_a, assigned=D(2026, 4, 1))
    hand_in(task, unit_a, "2026Q2", narrative=GRASS[0], percent=40)
    hand_in(task, unit_a, "2026Q3", narrative=GRASS[1], percent=40)
    clock(2026, 10, 20)
    Supervisor().run()
    flag = CopyFlag.objects.get(kind=FlagKind.SAME_UNIT)
    flag.dismiss(by=office, note="两期工作确实相同")
    again = Supervisor().run()
    assert again.counts["copy_flags"] == 0
    assert CopyFlag.objects.get(kind=FlagKind.SAME_UNIT).dismissed_at is not None
