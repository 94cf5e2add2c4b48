"""The office corrects a match; the correction is kept with the plan and used the next time, and
learned for other plans where the same texts recur; synonyms are kept for every alignment."""

from __future__ import annotations

import pytest

from luoshi.alignment import aligning
from luoshi.alignment.matching import COVERED, MISSING
from luoshi.alignment.models import Correction, Plan

from .helpers import PLAN, import_parent, item_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(office, league):
    decision = import_parent(office)
    return aligning.upload_plan(PLAN.encode(), name="方案.txt", decision=decision, unit=league, by=office)


def row(plan, fragment):
    return next(r for r in aligning.align_plan(plan).result.items if fragment in r.parent_text)


def test_a_correction_through_the_screen_is_kept_and_used(as_user, office, plan):
    aligned = aligning.align_plan(plan)
    medical = item_key(aligned.parent, "基层医疗")
    clinic = item_key(aligned.child, "看得上病")
    assert row(plan, "基层医疗").status == MISSING
    response = as_user(office).post(
        f"/alignment/{plan.pk}/correct/", {"parent_key": medical, "child_key": clinic}
    )
    assert response.status_code == 302
    kept = Correction.objects.get()
    assert (kept.parent_key, kept.child_key, kept.made_by) == (medical, clinic, office)
    fixed = row(plan, "基层医疗")
    assert fixed.status == COVERED
    assert fixed.corrected
    assert "看得上病" in fixed.child_text


def test_a_correction_to_nothing_unlinks(office, plan):
    aligned = aligning.align_plan(plan)
    grass = item_key(aligned.parent, "草原禁牧")
    assert row(plan, "草原禁牧").status == COVERED
    aligning.correct(plan, grass, None, by=office)
    assert row(plan, "草原禁牧").status == MISSING


def test_correcting_again_replaces_the_first_correction(office, plan):
    aligned = aligning.align_plan(plan)
    grass = item_key(aligned.parent, "草原禁牧")
    aligning.correct(plan, grass, None, by=office)
    aligning.correct(plan, grass, item_key(aligned.child, "草畜平衡"), by=office)
    assert Correction.objects.count() == 1
    assert row(plan, "草原禁牧").status == COVERED


def test_an_unknown_item_is_refused(as_user, office, plan):
    response = as_user(office).post(f"/alignment/{plan.pk}/correct/", {"parent_key": "9.9", "child_key": ""})
    assert response.status_code == 302
    assert not Correction.objects.exists()
    page = as_user(office).get(f"/alignment/{plan.pk}/").content.decode()
    assert "上级文件中没有编号为 9.9 的条目" in page


def test_a_correction_is_learned_for_another_units_plan(office, plan, banner):
    aligned = aligning.align_plan(plan)
    aligning.correct(
        plan, item_key(aligned.parent, "基层医疗"), item_key(aligned.child, "看得上病"), by=office
    )
    other_text = "达拉特旗落实方案\n一、任务\n坚持人民至上。\n让农牧民就近看得上病、看得好病。\n"
    other = aligning.upload_plan(
        other_text.encode(), name="旗方案.txt", decision=plan.decision, unit=banner, by=office
    )
    assert Plan.objects.count() == 2
    learned = row(other, "基层医疗")
    assert learned.status == COVERED
    assert "看得上病" in learned.child_text


def test_a_synonym_the_office_adds_is_used(as_user, office, plan):
    assert row(plan, "基层医疗").status == MISSING
    response = as_user(office).post(
        "/alignment/synonyms/",
        {"word": "就近看得上病", "means": "基层医疗卫生服务", "next": f"/alignment/{plan.pk}/"},
    )
    assert response["Location"] == f"/alignment/{plan.pk}/"
    assert row(plan, "基层医疗").status == COVERED


def test_a_synonym_form_will_not_send_you_elsewhere(as_user, office):
    response = as_user(office).post(
        "/alignment/synonyms/", {"word": "甲", "means": "乙", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
